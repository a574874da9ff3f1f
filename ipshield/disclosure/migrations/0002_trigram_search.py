"""Trigram index for the public disclosure search on PostgreSQL (CJK substrings of 3+ characters).

Django's icontains is UPPER(search_text) LIKE UPPER('%…%'), so the index is on UPPER(search_text).
Creating the extension needs a privileged role; where it is refused the search still works, unindexed.
"""

from django.db import migrations, transaction


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    try:
        with transaction.atomic():
            schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            schema_editor.execute(
                "CREATE INDEX IF NOT EXISTS disclosure_search_trgm ON disclosure_disclosure "
                "USING gin (UPPER(search_text) gin_trgm_ops)"
            )
    except Exception as exc:  # noqa: BLE001 - a missing extension must not block the migration
        print(f"pg_trgm unavailable, disclosure search left unindexed: {exc}")


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS disclosure_search_trgm")


class Migration(migrations.Migration):
    dependencies = [("disclosure", "0001_initial")]
    operations = [migrations.RunPython(forward, backward)]
