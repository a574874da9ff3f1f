"""Transfer reads and the procuratorate's supervision queues, scoped by jurisdiction first."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from ipshield.cases.choices import IpType
from ipshield.cases.models import Case
from ipshield.cases.selectors import case_list, ip_type_q, penalty_instead_of_transfer_q, suspected_not_transferred_q
from ipshield.core.jurisdiction import get_visible_or_404, narrow_to_region
from ipshield.core.periods import period_q
from ipshield.transfers import workflow
from ipshield.transfers.choices import CriminalStepKind, SupervisionQueue, TransferStatus
from ipshield.transfers.models import CriminalStep, OfficialClue, SupervisionRecord, Transfer


def transfer_queryset(user: Any) -> QuerySet[Transfer]:
    return Transfer.objects.visible_to(user).select_related("case", "agency", "police_agency", "procuratorate")


def transfer_get(user: Any, pk: Any) -> Transfer:
    transfer: Transfer = get_visible_or_404(transfer_queryset(user), user, pk=pk)
    return transfer


# What became of a transfer (the 两法衔接 stages report counts the transfers sent in a period by it).
TRANSFER_OUTCOMES = {
    "accepted": Q(status=TransferStatus.ACCEPTED),  # 公安机关立案 (at once, on reconsideration or on notice)
    "refused": ~Q(police_refusal_reason=""),  # 不予立案 at least once
    "supervised": Q(supervision_at__isnull=False),  # 建议检察院立案监督
}


def criminal_step_list(user: Any, filters: Mapping[str, Any]) -> QuerySet[CriminalStep]:
    """Criminal-procedure steps per person (人), of the transfers the reader may see."""
    transfers = transfer_list(user, {k: v for k, v in filters.items() if k in STEP_TRANSFER_FILTERS})
    qs = CriminalStep.objects.filter(transfer__in=transfers.order_by().values("pk")).select_related("transfer__case")
    if filters.get("kind") in CriminalStepKind.values:
        qs = qs.filter(kind=filters["kind"])
    if isinstance(filters.get("occurred_from"), dt.date):
        qs = qs.filter(occurred_on__gte=filters["occurred_from"])
    if isinstance(filters.get("occurred_to"), dt.date):
        qs = qs.filter(occurred_on__lte=filters["occurred_to"])
    return qs.order_by("-occurred_on", "-id")


STEP_TRANSFER_FILTERS = frozenset({"region", "region_exact", "domain", "agency_kind", "ip_type"})


def transfer_list(user: Any, filters: Mapping[str, Any], *, now: dt.datetime | None = None) -> QuerySet[Transfer]:
    now = now or timezone.now()
    qs = transfer_queryset(user)
    if filters.get("status"):
        qs = qs.filter(status=filters["status"])
    if filters.get("agency"):
        qs = qs.filter(agency_id=filters["agency"])
    if filters.get("officer"):  # the case's handling officer (承办人)
        qs = qs.filter(case__created_by_id=filters["officer"])
    if filters.get("agency_kind"):  # the transferring agency's kind
        qs = qs.filter(agency__kind=filters["agency_kind"])
    if filters.get("ip_type") in IpType.values:
        qs = qs.filter(ip_type_q(filters["ip_type"], prefix="case__"))
    if filters.get("domain"):
        qs = qs.filter(case__domain=filters["domain"])
    qs = narrow_to_region(qs, filters.get("region"))
    if filters.get("region_exact"):  # 本级: records of that region itself, not of those below it
        qs = qs.filter(region_code=filters["region_exact"])
    if filters.get("sent_from") or filters.get("sent_to"):
        qs = qs.filter(period_q("sent_at", filters.get("sent_from"), filters.get("sent_to")))
    if filters.get("outcome") in TRANSFER_OUTCOMES:
        qs = qs.filter(TRANSFER_OUTCOMES[filters["outcome"]])
    if filters.get("step") in CriminalStepKind.values:  # a step recorded for at least one person
        steps = CriminalStep.objects.filter(transfer=OuterRef("pk"), kind=filters["step"])
        if isinstance(filters.get("step_from"), dt.date):
            steps = steps.filter(occurred_on__gte=filters["step_from"])
        if isinstance(filters.get("step_to"), dt.date):
            steps = steps.filter(occurred_on__lte=filters["step_to"])
        qs = qs.filter(Exists(steps))
    if filters.get("awaiting"):  # my side must act
        qs = qs.filter(next_due_role=filters["awaiting"])
    if filters.get("overdue"):
        return qs.filter(next_due_at__lt=now).order_by("next_due_at", "id")
    return qs.order_by("-proposed_at", "-id")


def grace_days() -> int:
    return int(getattr(settings, "IPSHIELD_TRANSFER_GRACE_DAYS", 3))


def supervision_queue(
    user: Any, queue: str, filters: Mapping[str, Any], *, now: dt.datetime | None = None
) -> QuerySet[Any]:
    """应移未移 / 以罚代刑 (cases) and late steps / refusals (transfers), each filterable by region,
    agency and domain."""
    now = now or timezone.now()
    base_filters = {k: v for k, v in filters.items() if k in {"region", "agency", "domain"}}
    if queue == SupervisionQueue.NOT_TRANSFERRED:
        active = Transfer.objects.filter(case=OuterRef("pk"), status__in=workflow.ACTIVE_STATES)
        cutoff = now - dt.timedelta(days=grace_days())
        return (
            case_list(user, base_filters)
            .filter(suspected_not_transferred_q(), suspected_since__lt=cutoff)
            .filter(~Exists(active))
            .order_by("suspected_since", "id")
        )
    if queue == SupervisionQueue.PENALTY_INSTEAD:
        return case_list(user, base_filters).filter(penalty_instead_of_transfer_q()).order_by("-closed_at", "-id")
    if queue == SupervisionQueue.LATE_STEPS:
        return transfer_list(user, {**base_filters, "overdue": True}, now=now)
    if queue == SupervisionQueue.REFUSALS:
        return transfer_list(user, base_filters).filter(status__in=workflow.REFUSAL_STATES)
    raise KeyError(queue)


def supervision_records(user: Any) -> QuerySet[SupervisionRecord]:
    return SupervisionRecord.objects.visible_to(user).select_related("case", "addressee", "agency")


def supervision_get(user: Any, pk: Any) -> SupervisionRecord:
    record: SupervisionRecord = get_visible_or_404(supervision_records(user), user, pk=pk)
    return record


def notifications_for(user: Any) -> QuerySet[Any]:
    from ipshield.transfers.models import Notification

    if user.agency_id is None:
        return Notification.objects.none()
    return Notification.objects.filter(agency_id=user.agency_id).filter(
        Q(roles="") | Q(roles__contains=f",{user.role},")
    )


__all__ = ["Case"]


# 公职人员涉案线索 are read by the reporting agency and the procuratorates only: the police and the
# coordinating offices may be where the officials work.
OFFICIAL_CLUE_READERS = frozenset({"officer", "agency_head", "procurator"})


def official_clues_for(user: Any) -> QuerySet[OfficialClue]:
    if getattr(user, "role", None) not in OFFICIAL_CLUE_READERS:
        return OfficialClue.objects.none()
    return OfficialClue.objects.visible_to(user).select_related("case", "agency", "procuratorate", "reported_by")


def official_clue_get(user: Any, pk: Any) -> OfficialClue:
    clue: OfficialClue = get_visible_or_404(official_clues_for(user), user, pk=pk)
    return clue


def official_clues_open(user: Any) -> QuerySet[OfficialClue]:
    """The clues this procuratorate has still to handle, the nearest deadline first."""
    return (
        official_clues_for(user)
        .filter(procuratorate_id=user.agency_id, status__in=workflow.OFFICIAL_CLUE_OPEN)
        .order_by("due_at", "id")
    )
