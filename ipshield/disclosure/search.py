"""Chinese full-text search over published decisions, per database.

Chinese has no spaces, so "words" are substrings. Each database gets the index it can use:

- PostgreSQL, 3+ characters: pg_trgm GIN on UPPER(search_text) (migration 0002).
- PostgreSQL, 1–2 characters: a trigram index cannot serve these; a GIN index over the
  character unigrams and bigrams of the text (the generated column `search_grams`, migration
  0004) can, exactly (every 1–2 character substring is one lexeme).
- SQLite, 3+ characters: an FTS5 table with the trigram tokenizer (migration 0004).
- SQLite, 1–2 characters: a LIKE scan of the base table (FTS5 trigram returns nothing for
  these; the embedded database holds one office's data).

Every path has substring semantics, so the result does not depend on the database.
"""

from __future__ import annotations

from functools import cache
from typing import Any, TypeVar

from django.db import connection
from django.db.models import BooleanField, QuerySet
from django.db.models.expressions import RawSQL

_Q = TypeVar("_Q", bound="QuerySet[Any]")

SHORT_TERM = 2  # characters; at most this long, a term cannot use a trigram index


def tsquery_literal(term: str) -> str:
    """One tsquery lexeme, quoted so that nothing in it is read as an operator."""
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


def fts5_phrase(term: str) -> str:
    """An FTS5 phrase: the whole term as a string, double quotes doubled."""
    return '"' + term.replace('"', '""') + '"'


@cache
def _has_table(alias_and_name: tuple[str, str], table: str) -> bool:
    return table in connection.introspection.table_names()


@cache
def _has_column(alias_and_name: tuple[str, str], table: str, column: str) -> bool:
    with connection.cursor() as cursor:
        return column in {c.name for c in connection.introspection.get_table_description(cursor, table)}


def _database_key() -> tuple[str, str]:
    return (connection.alias, str(connection.settings_dict["NAME"]))


def filter_text(queryset: _Q, text: str) -> _Q:
    """Records whose search_text contains `text` (case-insensitive), using the best index available."""
    table = queryset.model._meta.db_table
    if connection.vendor == "postgresql":
        if len(text) <= SHORT_TERM and _has_column(_database_key(), table, "search_grams"):
            # The table name comes from model metadata; the user's text is a query parameter.
            condition = RawSQL(  # nosec B611
                f'"{table}"."search_grams" @@ %s::tsquery',
                [tsquery_literal(text.upper())],
                output_field=BooleanField(),
            )
            return queryset.filter(condition)
        return queryset.filter(search_text__icontains=text)
    if connection.vendor == "sqlite" and len(text) > SHORT_TERM and _has_table(_database_key(), f"{table}_fts"):
        # The table name comes from model metadata; the user's text is a query parameter.
        sql = f'"{table}"."id" IN (SELECT rowid FROM "{table}_fts" WHERE "{table}_fts" MATCH %s)'  # nosec B608
        condition = RawSQL(sql, [fts5_phrase(text)], output_field=BooleanField())  # nosec B611
        return queryset.filter(condition)
    return queryset.filter(search_text__icontains=text)
