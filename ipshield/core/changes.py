"""The change feed (`GET /api/v1/events`): what changed, in order, for the reader's jurisdiction.

Other agencies' systems keep a copy in step by polling with a cursor, then fetching each record
from its own scoped API. The feed is read from the audit log, which every write already appends to
(one write path, nothing to forget): a row is shown when its record is one the reader may open now,
by the same scoped selector as the record's own pages. A reader with little in scope may get an
empty page with `has_more`: the cursor still moves past what was looked at. It names the record, the action and the
fields that changed, never their values.

Domain apps register a FeedSource per audited model in AppConfig.ready() (like the work queues),
so core imports no domain app.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from ipshield.core.models import AuditEvent

BATCH = 500  # audit rows read per query
SCAN_MAX = 2000  # rows looked at per request before answering "more" (a reader with little in scope)


@dataclass(frozen=True)
class FeedSource:
    object_type: str  # AuditEvent.object_type ("cases.case")
    kind: str  # the name clients see ("case")
    visible: Callable[[Any], QuerySet[Any]]  # the reader's scoped queryset of that model
    url: Callable[[int], str]  # where the client fetches the record
    members: Callable[[Any], list[int]] | None = None  # a row naming many records (its `after`)


_SOURCES: dict[str, FeedSource] = {}


def register_feed_source(source: FeedSource) -> None:
    _SOURCES.setdefault(source.object_type, source)


def _record_ids(source: FeedSource, row: AuditEvent) -> list[int]:
    if source.members is not None:
        return source.members(row.after)
    return [int(row.object_id)] if row.object_id.isdigit() else []


def change_feed(user: Any, *, since: int, limit: int) -> tuple[list[dict[str, Any]], int, bool]:
    """(items, next cursor, more): the reader's changes after `since`, whole audit rows at a time.

    Rows are read in id order a batch at a time; which of their records the reader may open is one
    primary-key query per type and batch (the cost does not grow with the reader's jurisdiction)."""
    items: list[dict[str, Any]] = []
    cursor, scanned = since, 0
    while scanned < SCAN_MAX:
        rows = list(
            AuditEvent.objects.filter(id__gt=cursor, object_type__in=list(_SOURCES))
            .order_by("id")
            .only("id", "created_at", "action", "object_type", "object_id", "after")[:BATCH]
        )
        if not rows:
            return items, cursor, False
        scanned += len(rows)
        visible = _visible(user, rows)
        for row in rows:
            source = _SOURCES[row.object_type]
            ids = [i for i in _record_ids(source, row) if i in visible[row.object_type]]
            if items and len(items) + len(ids) > limit:
                return items, cursor, True
            fields = sorted(row.after) if isinstance(row.after, dict) and source.members is None else []
            items += [
                {
                    "cursor": row.pk,
                    "at": row.created_at,
                    "action": row.action,
                    "type": source.kind,
                    "id": record_id,
                    "url": source.url(record_id),
                    "fields": fields,
                }
                for record_id in ids
            ]
            cursor = row.pk
    return items, cursor, True


def _visible(user: Any, rows: list[AuditEvent]) -> dict[str, set[int]]:
    """Which records these rows name the reader may open now (one query per type)."""
    wanted: dict[str, set[int]] = {}
    for row in rows:
        wanted.setdefault(row.object_type, set()).update(_record_ids(_SOURCES[row.object_type], row))
    return {
        object_type: set(_SOURCES[object_type].visible(user).filter(pk__in=ids).values_list("pk", flat=True))
        if ids
        else set()
        for object_type, ids in wanted.items()
    }


def feed_head() -> int:
    """The cursor of "now": a new client starts here instead of reading the whole history."""
    return AuditEvent.objects.order_by("-id").values_list("id", flat=True).first() or 0
