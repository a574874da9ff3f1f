from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone

from ipshield.core.choices import Role
from ipshield.core.jurisdiction import get_visible_or_404, narrow_to_region
from ipshield.core.models import Agency
from ipshield.core.periods import period_q
from ipshield.core.regions import subtree_prefix
from ipshield.tips.choices import TipStatus
from ipshield.tips.models import SpotCheck, Tip


def tip_queryset(user: Any) -> QuerySet[Tip]:
    return Tip.objects.visible_to(user).select_related("agency")


def tip_get(user: Any, pk: Any) -> Tip:
    tip: Tip = get_visible_or_404(tip_queryset(user), user, pk=pk)
    return tip


# Date filters of the tip list (?received_from=&received_to=...), the drill-down of the tips report.
TIP_PERIOD_FIELDS = {
    "received": "received_at",
    "accept_decided": "decided_at",
    "concluded": "concluded_at",
    "reward_paid": "rewards__paid_at",  # a tip has at most one reward that is not refused (rewarding.py)
}
# Conditions a statistics figure counts (?outcome=accepted, ?on_time=accept, ?rating=satisfied).
TIP_OUTCOMES = {
    "accepted": Q(decided_at__isnull=False) & ~Q(status__in=[TipStatus.ROUTED, TipStatus.RECEIVED, TipStatus.REJECTED]),
    "rejected": Q(status=TipStatus.REJECTED),
}
TIP_ON_TIME = {
    "accept": Q(decided_at__isnull=False, accept_due_at__isnull=False, decided_at__lte=F("accept_due_at")),
    "notify": Q(reporter_notified_at__isnull=False, notify_due_at__isnull=False)
    & Q(reporter_notified_at__lte=F("notify_due_at")),
}
TIP_RATINGS = {"rated": Q(satisfaction__isnull=False), "satisfied": Q(satisfaction__gte=4)}


def tip_list(user: Any, filters: Mapping[str, Any]) -> QuerySet[Tip]:
    qs = tip_queryset(user)
    if filters.get("status"):
        qs = qs.filter(status=filters["status"])
    if filters.get("agency"):
        qs = qs.filter(agency_id=filters["agency"])
    if filters.get("agency_kind"):
        qs = qs.filter(agency__kind=filters["agency_kind"])
    if filters.get("domain"):
        qs = qs.filter(domain=filters["domain"])
    for name, field in TIP_PERIOD_FIELDS.items():
        start, end = filters.get(f"{name}_from"), filters.get(f"{name}_to")
        if start or end:
            qs = qs.filter(period_q(field, start, end))
    for name, conditions in (("outcome", TIP_OUTCOMES), ("on_time", TIP_ON_TIME), ("rating", TIP_RATINGS)):
        if filters.get(name) in conditions:
            qs = qs.filter(conditions[filters[name]])
    qs = narrow_to_region(qs, filters.get("region"))
    if filters.get("region_exact"):  # 本级
        qs = qs.filter(region_code=filters["region_exact"])
    if filters.get("overdue"):
        return qs.filter(next_due_at__lt=timezone.now()).order_by("next_due_at", "id")
    return qs.order_by("-received_at", "-id")


def dispatch_board(user: Any) -> QuerySet[Any]:
    """指挥: the reports in the user's scope counted per agency and stage, most overdue first."""
    return (
        tip_list(user, {})
        .order_by()
        .values("agency__id", "agency__name")
        .annotate(
            total=Count("id"),
            routed=Count("id", filter=Q(status=TipStatus.ROUTED)),
            accepted=Count("id", filter=Q(status__in=[TipStatus.ACCEPTED, TipStatus.HANDLING])),
            concluded=Count("id", filter=Q(status__in=[TipStatus.CONCLUDED, TipStatus.REJECTED])),
            overdue=Count("id", filter=Q(next_due_at__lt=timezone.now())),
        )
        .order_by("-overdue", "-routed", "agency__name")
    )


def spot_check_agencies(user: Any) -> QuerySet[Agency]:
    """Agencies whose reports the user may sample: a head its own agency, a coordinator those of its region."""
    if user.agency_id is None:
        return Agency.objects.none()
    if user.role == Role.AGENCY_HEAD:
        return Agency.objects.filter(pk=user.agency_id)
    if user.role == Role.COORDINATOR:
        return Agency.objects.filter(region__code__startswith=subtree_prefix(user.agency.region_id))
    return Agency.objects.none()


def spot_checks_visible(user: Any) -> QuerySet[SpotCheck]:
    return (
        SpotCheck.objects.filter(agency__in=spot_check_agencies(user))
        .prefetch_related("items__tip")
        .select_related("agency")
        .order_by("-drawn_at", "-id")
    )
