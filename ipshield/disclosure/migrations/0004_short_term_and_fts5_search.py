"""Indexes for the public search that 0002 could not give (see disclosure/search.py).

PostgreSQL: `ipshield_cjk_grams(text)` → tsvector of every 1- and 2-character substring (no
whitespace), kept in a stored generated column `search_grams` (not a model field: PostgreSQL fills
it on every write) with a GIN index, so 1–2 character Chinese terms are found by index.
Stored, not an index expression: when the planner walks the recency index instead, each row costs
a comparison, not a recomputation (measured: 435 s for a 2-character miss at 1M rows with the
expression, see bench/RESULTS.md). A large statistics target gives the planner the frequencies
of the common grams, so rare terms take the GIN index and common ones the recency index.
SQLite: an external-content FTS5 table with the trigram tokenizer, kept in step by triggers.
Either is skipped, with a message, where the database refuses it; the search then scans.
"""

from django.db import migrations, transaction

PG_FUNCTION = r"""
CREATE OR REPLACE FUNCTION ipshield_cjk_grams(t text) RETURNS tsvector
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT array_to_tsvector(ARRAY(
    SELECT DISTINCT g FROM (
      SELECT substr(t, i, 1) AS g FROM generate_series(1, char_length(t)) AS i
      UNION ALL
      SELECT substr(t, i, 2) FROM generate_series(1, char_length(t) - 1) AS i
    ) AS grams WHERE g !~ '\s'
  ))
$$
"""
PG_COLUMN = [
    # The grams (~1.3 kB a row) stay inline while a row is under 2 kB (PostgreSQL toasts only above
    # that), so the heap grows 627 MB → 1,958 MB at 1M rows; every public search target is still met
    # (bench/RESULTS.md). EXTERNAL: long rows move the grams out of line uncompressed.
    "ALTER TABLE disclosure_disclosure "
    "ADD COLUMN IF NOT EXISTS search_grams tsvector "
    "GENERATED ALWAYS AS (ipshield_cjk_grams(UPPER(search_text))) STORED, "
    "ALTER COLUMN search_grams SET STORAGE EXTERNAL, "
    "ALTER COLUMN search_grams SET STATISTICS 2000",
    "CREATE INDEX IF NOT EXISTS disclosure_search_grams ON disclosure_disclosure USING gin (search_grams)",
]

SQLITE = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS disclosure_disclosure_fts USING fts5("
    "search_text, content='disclosure_disclosure', content_rowid='id', tokenize='trigram')",
    "CREATE TRIGGER IF NOT EXISTS disclosure_fts_insert AFTER INSERT ON disclosure_disclosure BEGIN "
    "INSERT INTO disclosure_disclosure_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER IF NOT EXISTS disclosure_fts_delete AFTER DELETE ON disclosure_disclosure BEGIN "
    "INSERT INTO disclosure_disclosure_fts(disclosure_disclosure_fts, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); END",
    "CREATE TRIGGER IF NOT EXISTS disclosure_fts_update AFTER UPDATE OF search_text ON disclosure_disclosure BEGIN "
    "INSERT INTO disclosure_disclosure_fts(disclosure_disclosure_fts, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); "
    "INSERT INTO disclosure_disclosure_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "INSERT INTO disclosure_disclosure_fts(disclosure_disclosure_fts) VALUES ('rebuild')",
]


def forward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    try:
        with transaction.atomic():
            if vendor == "postgresql":
                schema_editor.execute(PG_FUNCTION)
                for statement in PG_COLUMN:
                    schema_editor.execute(statement)
            elif vendor == "sqlite":
                for statement in SQLITE:
                    schema_editor.execute(statement)
    except Exception as exc:  # noqa: BLE001 - search still works without the index
        print(f"disclosure search index unavailable, search left unindexed: {exc}")


def backward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS disclosure_search_grams")
        schema_editor.execute("ALTER TABLE disclosure_disclosure DROP COLUMN IF EXISTS search_grams")
        schema_editor.execute("DROP FUNCTION IF EXISTS ipshield_cjk_grams(text)")
    elif vendor == "sqlite":
        for name in ("insert", "delete", "update"):
            schema_editor.execute(f"DROP TRIGGER IF EXISTS disclosure_fts_{name}")
        schema_editor.execute("DROP TABLE IF EXISTS disclosure_disclosure_fts")


class Migration(migrations.Migration):
    dependencies = [("disclosure", "0003_public_recent_index")]
    operations = [migrations.RunPython(forward, backward)]
