"""Lifecycles: one helper for every transition table (cases, transfers, tips, rewards,
disclosures, credit repair, match proposals).

Each app's `workflow.py` declares `LIFECYCLE = Lifecycle(...)` over its `{(state, event): state}`
table; services move a record only through `LIFECYCLE.move(record, event)`, the one place a
status is written. A refused pair raises `TransitionNotAllowed`, which services turn into the
message their users read.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Generic, Protocol, TypeVar

StateT = TypeVar("StateT", bound=str)
EventT = TypeVar("EventT", bound=str)


class TransitionNotAllowed(Exception):
    """`event` may not be taken in `status` (unknown values included)."""

    def __init__(self, lifecycle: str, status: str, event: str) -> None:
        super().__init__(f"{lifecycle}: {event} is not allowed in status {status}")
        self.lifecycle = lifecycle
        self.status = status
        self.event = event


class Conflict(Exception):
    """Someone else already took this step, or the page was stale: the API answers 409 with the
    message, pages show it above the form (nothing is written)."""


class HasStatus(Protocol):
    status: Any


class Lifecycle(Generic[StateT, EventT]):
    """A named transition table over two enumerations (state, event)."""

    def __init__(
        self,
        name: str,
        transitions: Mapping[tuple[StateT, EventT], StateT],
        *,
        states: type[StateT],
        events: type[EventT],
    ) -> None:
        self.name = name
        self.transitions = dict(transitions)
        self.states = states
        self.events = events

    def next_status(self, status: str, event: str) -> StateT:
        try:
            return self.transitions[(self.states(status), self.events(event))]
        except (KeyError, ValueError) as exc:
            raise TransitionNotAllowed(self.name, str(status), str(event)) from exc

    def allows(self, status: str, event: str) -> bool:
        try:
            self.next_status(status, event)
        except TransitionNotAllowed:
            return False
        return True

    def events_from(self, status: str, *, among: Iterable[EventT] | None = None) -> list[EventT]:
        """Events allowed in `status`, in table order (optionally only those in `among`)."""
        wanted = None if among is None else set(among)
        return [event for (state, event) in self.transitions if state == status and (wanted is None or event in wanted)]

    def move(self, record: HasStatus, event: str) -> tuple[StateT, StateT]:
        """Set `record.status` to the next state (unsaved) and return (before, after)."""
        before = self.states(record.status)
        after = self.next_status(before, event)
        record.status = after
        return before, after
