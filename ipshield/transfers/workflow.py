"""Transfer lifecycle (ARCHITECTURE §5; 国务院令第310号 arts.5-9, 14; 第730号): the transition table,
who takes each step, and which statutory deadline runs in each status."""

from __future__ import annotations

from dataclasses import dataclass

from ipshield.core.choices import Role
from ipshield.core.workflow import Lifecycle, TransitionNotAllowed
from ipshield.transfers.choices import OfficialClueEvent, OfficialClueStatus
from ipshield.transfers.choices import TransferAction as A
from ipshield.transfers.choices import TransferStatus as S

# Transitions
TRANSITIONS: dict[tuple[S, A], S] = {
    (S.PROPOSED, A.APPROVE): S.APPROVED,
    (S.PROPOSED, A.REFUSE): S.NOT_APPROVED,
    (S.APPROVED, A.SEND): S.SENT,
    (S.SENT, A.RECEIVE): S.RECEIVED,
    (S.SENT, A.ACCEPT): S.ACCEPTED,
    (S.SENT, A.REFUSE_CASE): S.REFUSED,
    (S.RECEIVED, A.ACCEPT): S.ACCEPTED,
    (S.RECEIVED, A.REFUSE_CASE): S.REFUSED,
    (S.REFUSED, A.REQUEST_RECONSIDERATION): S.RECONSIDERATION,
    (S.REFUSED, A.PROPOSE_SUPERVISION): S.SUPERVISION_PROPOSED,  # art.9: reconsideration or supervision
    (S.RECONSIDERATION, A.ACCEPT): S.ACCEPTED,
    (S.RECONSIDERATION, A.UPHOLD_REFUSAL): S.REFUSAL_UPHELD,
    (S.REFUSAL_UPHELD, A.PROPOSE_SUPERVISION): S.SUPERVISION_PROPOSED,
    (S.SUPERVISION_PROPOSED, A.REQUEST_EXPLANATION): S.EXPLANATION_REQUESTED,
    (S.EXPLANATION_REQUESTED, A.EXPLAIN): S.EXPLAINED,
    (S.EXPLAINED, A.AGREE_NO_CASE): S.CLOSED_NO_CASE,
    (S.EXPLAINED, A.NOTIFY_OPENING): S.OPENING_NOTIFIED,
    (S.OPENING_NOTIFIED, A.ACCEPT): S.ACCEPTED,
    (S.ACCEPTED, A.RETURN_TO_AGENCY): S.RETURNED,  # reverse transfer: no crime, back for a penalty
}

AGENCY, POLICE, PROCURATORATE, JUDICIAL = "agency", "police", "procuratorate", "judicial"

# Which side of the transfer takes an action, and with which roles.
ACTION_OWNER: dict[A, tuple[str, frozenset[str]]] = {
    A.APPROVE: (AGENCY, frozenset({Role.AGENCY_HEAD})),
    A.REFUSE: (AGENCY, frozenset({Role.AGENCY_HEAD})),
    A.SEND: (AGENCY, frozenset({Role.OFFICER, Role.AGENCY_HEAD})),
    A.RECEIVE: (POLICE, frozenset({Role.POLICE})),
    A.ACCEPT: (POLICE, frozenset({Role.POLICE})),
    A.REFUSE_CASE: (POLICE, frozenset({Role.POLICE})),
    A.REQUEST_RECONSIDERATION: (AGENCY, frozenset({Role.OFFICER, Role.AGENCY_HEAD})),
    A.UPHOLD_REFUSAL: (POLICE, frozenset({Role.POLICE})),
    A.PROPOSE_SUPERVISION: (AGENCY, frozenset({Role.OFFICER, Role.AGENCY_HEAD})),
    A.REQUEST_EXPLANATION: (PROCURATORATE, frozenset({Role.PROCURATOR})),
    A.EXPLAIN: (POLICE, frozenset({Role.POLICE})),
    A.AGREE_NO_CASE: (PROCURATORATE, frozenset({Role.PROCURATOR})),
    A.NOTIFY_OPENING: (PROCURATORATE, frozenset({Role.PROCURATOR})),
    A.RETURN_TO_AGENCY: (JUDICIAL, frozenset({Role.POLICE, Role.PROCURATOR, Role.JUDGE})),
}

# Actions that must say why (recorded on the transfer and printed in the documents).
REASON_REQUIRED = frozenset(
    {
        A.REFUSE,
        A.REFUSE_CASE,
        A.REQUEST_RECONSIDERATION,
        A.UPHOLD_REFUSAL,
        A.PROPOSE_SUPERVISION,
        A.EXPLAIN,
        A.RETURN_TO_AGENCY,
    }
)


@dataclass(frozen=True)
class StepDeadline:
    rule: str  # transfer_deadlines step id in the rule data
    key: str | None  # sub-key of a step with several deadlines
    start_field: str  # Transfer field the period runs from
    side: str  # who must act


# The statutory deadline running in each status.
DEADLINES: dict[S, StepDeadline] = {
    S.PROPOSED: StepDeadline("head_decision", None, "proposed_at", AGENCY),  # art.5: 3 days
    S.APPROVED: StepDeadline("transfer_to_police", None, "approved_at", AGENCY),  # art.5: 24 hours
    S.SENT: StepDeadline("police_review", None, "sent_at", POLICE),  # art.8: 3 days
    S.RECEIVED: StepDeadline("police_review", None, "received_at", POLICE),
    S.REFUSED: StepDeadline("reconsideration_request", None, "decided_at", AGENCY),  # art.9: 3 days
    S.RECONSIDERATION: StepDeadline("police_reconsideration_decision", None, "reconsideration_at", POLICE),
    S.REFUSAL_UPHELD: StepDeadline("propose_supervision_after_reconsideration", None, "decided_at", AGENCY),
    S.EXPLANATION_REQUESTED: StepDeadline("procuratorate_supervision", "answer", "status_changed_at", POLICE),
    S.OPENING_NOTIFIED: StepDeadline(
        "procuratorate_supervision", "open_case_after_notice", "status_changed_at", POLICE
    ),
}
HAND_OVER = StepDeadline("hand_over_seized_items", None, "decided_at", AGENCY)  # after 立案: 3 days

ACTIVE_STATES = frozenset(set(S) - {S.NOT_APPROVED, S.CLOSED_NO_CASE, S.RETURNED})
REFUSAL_STATES = frozenset(
    {S.REFUSED, S.RECONSIDERATION, S.REFUSAL_UPHELD, S.SUPERVISION_PROPOSED, S.EXPLANATION_REQUESTED, S.EXPLAINED}
)


LIFECYCLE = Lifecycle("transfer", TRANSITIONS, states=S, events=A)
next_status = LIFECYCLE.next_status

__all__ = ["LIFECYCLE", "TRANSITIONS", "TransitionNotAllowed", "actions_in", "next_status"]


def actions_in(status: str) -> list[A]:
    return LIFECYCLE.events_from(status)


# 公职人员涉案线索: the agency reports, the procuratorate receives, then records what it did.
OFFICIAL_CLUE_TRANSITIONS: dict[tuple[OfficialClueStatus, OfficialClueEvent], OfficialClueStatus] = {
    (OfficialClueStatus.REPORTED, OfficialClueEvent.RECEIVE): OfficialClueStatus.RECEIVED,
    (OfficialClueStatus.REPORTED, OfficialClueEvent.DECIDE): OfficialClueStatus.DECIDED,
    (OfficialClueStatus.RECEIVED, OfficialClueEvent.DECIDE): OfficialClueStatus.DECIDED,
}
OFFICIAL_CLUE_OPEN = frozenset({OfficialClueStatus.REPORTED, OfficialClueStatus.RECEIVED})  # still to handle
OFFICIAL_CLUE = Lifecycle(
    "official_clue", OFFICIAL_CLUE_TRANSITIONS, states=OfficialClueStatus, events=OfficialClueEvent
)
