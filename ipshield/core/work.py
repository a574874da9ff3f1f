"""Work queues shown on each role's home page ("my work").

Domain apps register queues in their AppConfig.ready(); each queue counts records from a
scoped selector, so the numbers never include anything outside the user's jurisdiction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise


@dataclass(frozen=True)
class WorkQueue:
    key: str
    title: str | Promise
    roles: frozenset[str]
    count: Callable[[Any], int]
    url: Callable[[Any], str]
    severity: str = "info"  # info | warning | danger


@dataclass(frozen=True)
class WorkQueueView:
    key: str
    title: str | Promise
    count: int
    url: str
    severity: str


_REGISTRY: list[WorkQueue] = []


def register_queue(queue: WorkQueue) -> None:
    if all(existing.key != queue.key for existing in _REGISTRY):
        _REGISTRY.append(queue)


def work_queues_for(user: Any) -> list[WorkQueueView]:
    role = user.role
    return [WorkQueueView(q.key, q.title, q.count(user), q.url(user), q.severity) for q in _REGISTRY if role in q.roles]
