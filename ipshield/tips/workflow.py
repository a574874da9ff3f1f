"""Tip and reward lifecycles (ARCHITECTURE §5; 市场监管总局令第4号: accept within 15+15 working days).

The reward claim is not a status change: an approved reward is claimed by the reporter (a date)
and then paid.
"""

from __future__ import annotations

from ipshield.core.workflow import Lifecycle, TransitionNotAllowed
from ipshield.tips.choices import RewardEvent, RewardStatus, TipAction, TipStatus

# Transitions
TIP_TRANSITIONS: dict[tuple[TipStatus, TipAction], TipStatus] = {
    (TipStatus.ROUTED, TipAction.ACCEPT): TipStatus.ACCEPTED,
    (TipStatus.ROUTED, TipAction.REJECT): TipStatus.REJECTED,
    (TipStatus.ROUTED, TipAction.EXTEND): TipStatus.ROUTED,
    (TipStatus.ROUTED, TipAction.REASSIGN): TipStatus.ROUTED,
    (TipStatus.ACCEPTED, TipAction.START): TipStatus.HANDLING,
    (TipStatus.ACCEPTED, TipAction.CONCLUDE): TipStatus.CONCLUDED,
    (TipStatus.HANDLING, TipAction.CONCLUDE): TipStatus.CONCLUDED,
}
TIP = Lifecycle("tip", TIP_TRANSITIONS, states=TipStatus, events=TipAction)

REWARD_TRANSITIONS: dict[tuple[RewardStatus, RewardEvent], RewardStatus] = {
    (RewardStatus.PROPOSED, RewardEvent.APPROVE): RewardStatus.APPROVED,
    (RewardStatus.PROPOSED, RewardEvent.REFUSE): RewardStatus.REFUSED,
    (RewardStatus.APPROVED, RewardEvent.PAY): RewardStatus.PAID,
}
REWARD = Lifecycle("reward", REWARD_TRANSITIONS, states=RewardStatus, events=RewardEvent)

__all__ = ["REWARD", "TIP", "TransitionNotAllowed"]
