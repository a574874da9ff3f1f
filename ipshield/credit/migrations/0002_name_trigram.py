"""Trigram index for the public credit query by name on PostgreSQL (3+ characters)."""

from django.db import migrations, transaction


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    try:
        with transaction.atomic():
            schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            schema_editor.execute(
                "CREATE INDEX IF NOT EXISTS credit_name_key_trgm ON credit_enterprise USING gin (name_key gin_trgm_ops)"
            )
    except Exception as exc:  # noqa: BLE001 - a missing extension must not block the migration
        print(f"pg_trgm unavailable, credit name search left unindexed: {exc}")


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS credit_name_key_trgm")


class Migration(migrations.Migration):
    dependencies = [("credit", "0001_initial")]
    operations = [migrations.RunPython(forward, backward)]
