"""Demo transfers at every stage (some late), driven through the real services so history,
deadlines, notifications and the audit chain are what a user would see."""

from __future__ import annotations

import datetime as dt
import random

from django.utils import timezone

from ipshield.cases.choices import CaseStatus, ScreeningOutcome
from ipshield.cases.models import Case
from ipshield.core.demo import PROVINCES
from ipshield.core.models import User
from ipshield.transfers.models import Transfer
from ipshield.transfers.sample_evidence import attach_required_evidence
from ipshield.transfers.services import transfer_act, transfer_propose

# (steps after the proposal, as (role, action, reason)); the last ones stop at each stage.
SCENARIOS: list[list[tuple[str, str, str]]] = [
    [],
    [("agency_head", "approve", "")],
    [("agency_head", "approve", ""), ("officer", "send", "")],
    [("agency_head", "approve", ""), ("officer", "send", ""), ("police", "receive", "")],
    [("agency_head", "approve", ""), ("officer", "send", ""), ("police", "accept", "")],
    [("agency_head", "approve", ""), ("officer", "send", ""), ("police", "refuse_case", "现有证据不足以证明销售金额")],
    [
        ("agency_head", "approve", ""),
        ("officer", "send", ""),
        ("police", "refuse_case", "证据不足"),
        ("officer", "request_reconsideration", "有进货单据和销售账册证明销售金额"),
        ("police", "uphold_refusal", "维持"),
    ],
    [
        ("agency_head", "approve", ""),
        ("officer", "send", ""),
        ("police", "refuse_case", "证据不足"),
        ("officer", "propose_supervision", "销售金额已超过追诉标准，建议立案监督"),
    ],
]


SETTLED = SCENARIOS[4:]  # an old transfer has run its course: accepted, refused, reconsidered, supervised


def seed_transfers(limit: int = 16, seed: int = 4) -> int:
    """Per demo province, up to `limit` transfers of suspected cases over the whole demo history."""
    if Transfer.objects.exists():
        return 0
    rng = random.Random(seed)
    now = timezone.now()
    created = 0
    for pinyin in [p.pinyin for p in PROVINCES]:
        users = {
            u.role: u
            for u in User.objects.filter(username__endswith=f".{pinyin}").exclude(username__startswith="officer2.")
        }
        second = User.objects.filter(username=f"officer2.{pinyin}").first()
        if not {"officer", "agency_head", "police"} <= set(users) or second is None:
            continue
        officer = users["officer"]
        if officer.agency_id is None:
            continue
        candidates = Case.objects.filter(
            agency_id=officer.agency_id,
            screening_outcome=ScreeningOutcome.SUSPECTED_CRIME,
            status__in=[CaseStatus.FILED, CaseStatus.INVESTIGATING],
        ).order_by("-lead_received_at")[:limit]
        for index, case in enumerate(candidates):
            opened = case.filed_at or case.lead_received_at
            if now - opened > dt.timedelta(days=45):
                # An old case was proposed soon after it was opened and the transfer has settled.
                steps = SETTLED[index % len(SETTLED)]
                start = opened + dt.timedelta(days=rng.randint(1, 5))
            else:
                steps = SCENARIOS[index % len(SCENARIOS)]
                # Most move on time; every fifth stalls long enough to be overdue.
                start = now - dt.timedelta(days=rng.randint(5, 30) if index % 5 == 0 else 0, hours=len(steps) * 7 + 2)
            attach_required_evidence(case, officer)
            transfer = transfer_propose(
                actor=officer,
                case=case,
                group_member_ids=[officer.pk, second.pk],
                report=f"{case.title}：涉案数额已达到刑事立案追诉标准，请依法审查。",
                now=start,
            )
            moment = start
            for role, action, reason in steps:
                moment += dt.timedelta(hours=rng.randint(1, 6))
                transfer = transfer_act(
                    actor=users[role],
                    transfer=transfer,
                    action=action,
                    data={"reason": reason, "criminal_case_number": f"{pinyin[:2].upper()}-XS-{index:04d}"},
                    now=min(moment, now),
                )
            created += 1
    return created
