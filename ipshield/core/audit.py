"""Append-only, hash-chained audit log (审计日志).

Every service write calls `audit_record` inside its own transaction. The chain head is read
under a lock held to commit (PostgreSQL advisory transaction lock; on SQLite every transaction
is BEGIN IMMEDIATE, which already serialises writers), so concurrent requests never fork it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, models, transaction
from django.utils import timezone

from ipshield.core.models import AuditEvent

GENESIS_HASH = "0" * 64
_ADVISORY_LOCK_KEY = 0x1B5E1D  # "ipshield audit chain"


def to_json_safe(value: Any) -> Any:
    """Dates, decimals and UUIDs as strings: the form that is hashed and stored."""
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False))  # JSON-safe copy


def snapshot(instance: models.Model, fields: Iterable[str] | None = None) -> dict[str, Any]:
    """The concrete field values of a model instance, JSON-safe (foreign keys as ids)."""
    names = set(fields) if fields is not None else None
    data: dict[str, Any] = {}
    for field in instance._meta.concrete_fields:
        if names is not None and field.name not in names:
            continue
        data[field.attname] = field.value_from_object(instance)
    safe: dict[str, Any] = to_json_safe(data)
    return safe


def _canonical(payload: dict[str, Any]) -> bytes:
    return json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def compute_hash(prev_hash: str, event: AuditEvent) -> str:
    created = event.created_at.astimezone(dt.UTC).isoformat(timespec="microseconds")
    payload = {
        "created_at": created,
        "actor_id": event.actor_id,
        "actor_name": event.actor_name,
        "agency_id": event.agency_id,
        "action": event.action,
        "object_type": event.object_type,
        "object_id": event.object_id,
        "before": event.before,
        "after": event.after,
    }
    return hashlib.sha256(prev_hash.encode() + _canonical(payload)).hexdigest()


def _lock_chain_head() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_ADVISORY_LOCK_KEY])


def audit_record(
    *,
    actor: Any | None,
    action: str,
    target: models.Model | None = None,
    object_type: str = "",
    object_id: str = "",
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one event. Must run inside the caller's transaction (the write it records)."""
    if not connection.in_atomic_block:
        raise RuntimeError("audit_record must be called inside transaction.atomic()")
    if target is not None:
        object_type = object_type or target._meta.label_lower
        object_id = object_id or str(target.pk)
    _lock_chain_head()
    head = AuditEvent.objects.order_by("-id").values_list("hash", flat=True).first()
    authenticated = actor is not None and getattr(actor, "is_authenticated", False)
    event = AuditEvent(
        created_at=timezone.now(),
        actor=actor if authenticated else None,
        actor_name=(actor.get_username() if authenticated and actor is not None else "system"),
        agency_id=getattr(actor, "agency_id", None) if authenticated else None,
        action=action,
        object_type=object_type,
        object_id=object_id,
        before=to_json_safe(before) if before is not None else None,
        after=to_json_safe(after) if after is not None else None,
        prev_hash=head or GENESIS_HASH,
    )
    event.hash = compute_hash(event.prev_hash, event)
    event.save(force_insert=True)
    return event


@dataclass(frozen=True)
class ChainBreak:
    event_id: int
    reason: str


def iter_chain_breaks(batch_size: int = 5000) -> Iterator[ChainBreak]:
    """Walk the chain in id order; yield every broken link (the first one is what matters)."""
    expected_prev = GENESIS_HASH
    for event in AuditEvent.objects.order_by("id").iterator(chunk_size=batch_size):
        if event.prev_hash != expected_prev:
            yield ChainBreak(event.pk, "prev_hash does not match the previous event's hash")
        recomputed = compute_hash(event.prev_hash, event)
        if recomputed != event.hash:
            yield ChainBreak(event.pk, "content does not match its hash (edited)")
        expected_prev = event.hash


def verify_chain() -> tuple[int, ChainBreak | None]:
    """(number of events checked, first break or None)."""
    count = AuditEvent.objects.count()
    first = next(iter_chain_breaks(), None)
    return count, first


# --- the chain head, kept outside the database --------------------------------------------------
# An auditor keeps signed heads (`manage.py audit_anchor`, GET /api/v1/audit/head). A truncated or
# rewritten tail no longer contains the head the auditor holds, even when what remains verifies.


def _anchor_key() -> bytes:
    configured = str(getattr(settings, "IPSHIELD_AUDIT_KEY", "") or "")
    return (configured or "audit-anchor:" + settings.SECRET_KEY).encode()


def _sign(fields: dict[str, Any]) -> str:
    return hmac.new(_anchor_key(), _canonical(fields), hashlib.sha256).hexdigest()


def chain_head() -> dict[str, Any]:
    """The newest event's sequence number and hash, the count and time, with an HMAC signature."""
    last = AuditEvent.objects.order_by("-id").values("id", "hash").first()
    fields = {
        "sequence": last["id"] if last else 0,
        "hash": last["hash"] if last else GENESIS_HASH,
        "count": AuditEvent.objects.count(),
        "at": timezone.now().astimezone(dt.UTC).isoformat(timespec="seconds"),
    }
    return {**fields, "signature": _sign(fields)}


def check_against_head(head: dict[str, Any]) -> str | None:
    """None when the log still holds the kept head (signature valid, event present, same hash);
    else what is wrong, in words."""
    fields = {key: head.get(key) for key in ("sequence", "hash", "count", "at")}
    if not hmac.compare_digest(str(head.get("signature", "")), _sign(fields)):
        return "the head's signature does not match (not issued by this system, or edited)"
    sequence = int(head.get("sequence") or 0)
    if sequence == 0:
        return None
    found = AuditEvent.objects.filter(pk=sequence).values_list("hash", flat=True).first()
    if found is None:
        return f"event #{sequence} of the kept head is missing: the log was truncated"
    if found != head.get("hash"):
        return f"event #{sequence} no longer has the kept hash: the log was rewritten"
    if AuditEvent.objects.filter(pk__lte=sequence).count() < int(head.get("count") or 0):
        return "fewer events up to the kept head than when it was issued: events were deleted"
    return None


# --- maintenance window ---------------------------------------------------------------------------

_maintenance = threading.local()


def maintenance_flag() -> int:
    """For SQLite's trigger (registered as ipshield_audit_maintenance()): 1 inside a window."""
    return 1 if getattr(_maintenance, "on", False) else 0


def register_sqlite_functions(sender: Any, connection: Any, **kwargs: Any) -> None:
    """On every new SQLite connection of the application: the function the DELETE trigger asks."""
    if connection.vendor == "sqlite":
        connection.connection.create_function("ipshield_audit_maintenance", 0, maintenance_flag)


@contextmanager
def audit_maintenance(using: str = "default") -> Iterator[None]:
    """Open the audit table to DELETE/TRUNCATE for the duration (the test database's flush only;
    no request path uses it)."""
    from django.db import connections

    target = connections[using]
    _maintenance.on = True
    if target.vendor == "postgresql":
        with target.cursor() as cursor:
            cursor.execute("SET ipshield.audit_maintenance = 'on'")
    try:
        yield
    finally:
        _maintenance.on = False
        if target.vendor == "postgresql":
            with target.cursor() as cursor:
                cursor.execute("RESET ipshield.audit_maintenance")


@transaction.atomic
def audit_system_event(action: str, **details: Any) -> AuditEvent:
    """An event with no human actor (imports, sweeps, rule loads from the command line)."""
    return audit_record(actor=None, action=action, object_type="system", after=details)


# --- reading the log (the security auditor) -------------------------------------------------------

AUDIT_READERS = frozenset({"auditor"})


def audit_events(filters: dict[str, Any]) -> models.QuerySet[AuditEvent]:
    """The log, newest first, narrowed by action prefix, actor, object and dates (auditor only)."""
    queryset = AuditEvent.objects.order_by("-id")
    if filters.get("action"):
        queryset = queryset.filter(action__startswith=str(filters["action"])[:64])
    if filters.get("actor"):
        queryset = queryset.filter(actor_name=str(filters["actor"])[:150])
    if filters.get("object_type"):
        queryset = queryset.filter(object_type=str(filters["object_type"])[:64])
    if filters.get("object_id"):
        queryset = queryset.filter(object_id=str(filters["object_id"])[:64])
    if filters.get("from"):
        queryset = queryset.filter(created_at__date__gte=filters["from"])
    if filters.get("to"):
        queryset = queryset.filter(created_at__date__lte=filters["to"])
    return queryset
