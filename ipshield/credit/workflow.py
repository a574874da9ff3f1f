"""Lifecycles of the integrity archive: a match proposal (confirmed or rejected by a human, never
silently) and a credit-repair request (信用修复, decided by the listing agency)."""

from __future__ import annotations

from ipshield.core.workflow import Lifecycle, TransitionNotAllowed
from ipshield.credit.choices import MatchEvent, MatchStatus, RepairEvent, RepairStatus

# Transitions
MATCH_TRANSITIONS: dict[tuple[MatchStatus, MatchEvent], MatchStatus] = {
    (MatchStatus.PROPOSED, MatchEvent.CONFIRM): MatchStatus.CONFIRMED,
    (MatchStatus.PROPOSED, MatchEvent.REJECT): MatchStatus.REJECTED,
}
MATCH = Lifecycle("match", MATCH_TRANSITIONS, states=MatchStatus, events=MatchEvent)

REPAIR_TRANSITIONS: dict[tuple[RepairStatus, RepairEvent], RepairStatus] = {
    (RepairStatus.PENDING, RepairEvent.APPROVE): RepairStatus.APPROVED,
    (RepairStatus.PENDING, RepairEvent.REJECT): RepairStatus.REJECTED,
}
REPAIR = Lifecycle("repair", REPAIR_TRANSITIONS, states=RepairStatus, events=RepairEvent)

__all__ = ["MATCH", "REPAIR", "TransitionNotAllowed"]
