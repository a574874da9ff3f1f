"""Domain events: how one domain acts on another's event without importing it (ADR 0005).

A service that completes something other domains care about calls `emit("case.decided",
case=…)`. The subscribers are named once, in settings.IPSHIELD_EVENT_SUBSCRIBERS (dotted paths,
resolved at first use), so the emitting app never imports the subscribing one and the import
contracts stay acyclic. Subscribers run synchronously inside the emitter's transaction, in the
order listed: the integrity-archive entry and the disclosure draft exist exactly when the penalty
does (all or nothing). Work with remote side effects (e-mail, feeds to other systems) is not a
subscriber: it goes to the task layer after commit (core.jobs). Subscribers must be idempotent.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from django.conf import settings
from django.db import connection
from django.utils.module_loading import import_string

Subscriber = Callable[..., Any]


@cache
def subscribers(event: str) -> tuple[Subscriber, ...]:
    names = dict(getattr(settings, "IPSHIELD_EVENT_SUBSCRIBERS", {})).get(event, ())
    return tuple(import_string(name) for name in names)


def emit(event: str, **payload: Any) -> None:
    """Run every subscriber of `event` with the payload, inside the caller's transaction."""
    if not connection.in_atomic_block:
        raise RuntimeError(f"emit({event!r}) must be called inside the transaction of the change it announces")
    for subscriber in subscribers(event):
        subscriber(**payload)
