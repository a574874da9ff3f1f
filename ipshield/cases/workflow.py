"""Case lifecycle (ARCHITECTURE §5): the transition table and the only code that sets status."""

from __future__ import annotations

from ipshield.cases.choices import CaseEvent, CaseStatus
from ipshield.core.choices import Role
from ipshield.core.workflow import Lifecycle, TransitionNotAllowed

S = CaseStatus
E = CaseEvent

# Transitions
TRANSITIONS: dict[tuple[CaseStatus, CaseEvent], CaseStatus] = {
    (S.LEAD, E.FILE): S.FILED,
    (S.LEAD, E.NOT_FILE): S.NOT_FILED,
    (S.LEAD, E.EXTEND_FILING): S.LEAD,
    (S.LEAD, E.WITHDRAW): S.WITHDRAWN,
    (S.FILED, E.START_INVESTIGATION): S.INVESTIGATING,
    (S.FILED, E.EXTEND_DECISION): S.FILED,
    (S.FILED, E.TRANSFER): S.TRANSFERRED,
    (S.FILED, E.WITHDRAW): S.WITHDRAWN,
    (S.INVESTIGATING, E.DECIDE): S.DECIDED,
    (S.INVESTIGATING, E.EXTEND_DECISION): S.INVESTIGATING,
    (S.INVESTIGATING, E.TRANSFER): S.TRANSFERRED,
    (S.INVESTIGATING, E.WITHDRAW): S.WITHDRAWN,
    (S.DECIDED, E.CLOSE): S.CLOSED,
    (S.DECIDED, E.TRANSFER): S.TRANSFERRED,
    # No crime found (不立案 agreed, or a reverse transfer): back to the agency for a penalty.
    (S.TRANSFERRED, E.RETURN): S.INVESTIGATING,
}

# Who may take each event (roles of the case's own agency).
EVENT_ROLES: dict[CaseEvent, frozenset[str]] = {
    E.FILE: frozenset({Role.OFFICER, Role.AGENCY_HEAD}),
    E.NOT_FILE: frozenset({Role.AGENCY_HEAD}),
    E.EXTEND_FILING: frozenset({Role.AGENCY_HEAD}),
    E.START_INVESTIGATION: frozenset({Role.OFFICER, Role.AGENCY_HEAD}),
    E.EXTEND_DECISION: frozenset({Role.AGENCY_HEAD}),
    E.DECIDE: frozenset({Role.OFFICER, Role.AGENCY_HEAD}),
    E.CLOSE: frozenset({Role.OFFICER, Role.AGENCY_HEAD}),
    E.TRANSFER: frozenset({Role.OFFICER, Role.AGENCY_HEAD}),  # taken by the transfer workflow after approval
    E.RETURN: frozenset({Role.OFFICER, Role.AGENCY_HEAD}),
    E.WITHDRAW: frozenset({Role.AGENCY_HEAD}),
}

EDITABLE_STATES = frozenset({S.LEAD, S.FILED, S.INVESTIGATING})
OPEN_STATES = frozenset({S.LEAD, S.FILED, S.INVESTIGATING, S.DECIDED})
FINAL_STATES = frozenset({S.CLOSED, S.NOT_FILED, S.WITHDRAWN})
# The transfer workflow owns the move to TRANSFERRED; pages offer only these events.
PAGE_EVENTS = (
    E.FILE,
    E.NOT_FILE,
    E.EXTEND_FILING,
    E.START_INVESTIGATION,
    E.EXTEND_DECISION,
    E.DECIDE,
    E.CLOSE,
    E.WITHDRAW,
)


LIFECYCLE = Lifecycle("case", TRANSITIONS, states=CaseStatus, events=CaseEvent)
next_status = LIFECYCLE.next_status

__all__ = ["LIFECYCLE", "TRANSITIONS", "TransitionNotAllowed", "allowed_events", "next_status"]


def allowed_events(status: str, role: str) -> list[CaseEvent]:
    return [event for event in LIFECYCLE.events_from(status, among=PAGE_EVENTS) if role in EVENT_ROLES[event]]
