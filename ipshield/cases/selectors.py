"""Case reads, always scoped by jurisdiction (visible_to) first."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from django.db.models import F, Min, Q, QuerySet
from django.utils import timezone

from ipshield.cases.choices import PATENT_OFFENCES, TRADEMARK_OFFENCES, CaseStatus, IpType, ScreeningOutcome
from ipshield.cases.cumulative import visible_summary
from ipshield.cases.models import Case
from ipshield.core.jurisdiction import get_visible_or_404, narrow_to_region
from ipshield.core.periods import period_q

DECISION_OPEN = (CaseStatus.FILED, CaseStatus.INVESTIGATING)
TRANSFER_PENDING_STATES = (CaseStatus.LEAD, CaseStatus.FILED, CaseStatus.INVESTIGATING, CaseStatus.DECIDED)


def overdue_q(now: dt.datetime) -> Q:
    """The deadline running in the case's status has passed (Case.next_due_at, see running_deadline)."""
    return Q(next_due_at__lt=now)


def due_soon_q(now: dt.datetime, until: dt.datetime) -> Q:
    return Q(next_due_at__gte=now, next_due_at__lte=until)


def suspected_not_transferred_q() -> Q:
    """应移未移: screened as a suspected crime, still with the administrative agency."""
    return Q(screening_outcome=ScreeningOutcome.SUSPECTED_CRIME, status__in=TRANSFER_PENDING_STATES)


def penalty_instead_of_transfer_q() -> Q:
    """以罚代刑: closed with an administrative penalty although screened as a suspected crime."""
    return Q(screening_outcome=ScreeningOutcome.SUSPECTED_CRIME, status=CaseStatus.CLOSED)


# Date filters of the case list (?filed_from=&filed_to=...), the drill-down of every report figure.
CASE_PERIOD_FIELDS = {
    "lead": "lead_received_at",
    "filed": "filed_at",
    "decided": "decided_at",
    "suspected": "suspected_since",
    "closed": "closed_at",
}


def ip_type_q(ip_type: str, prefix: str = "") -> Q:
    """Cases of one IP type: by domain (商标/地理标志/专利), else by the offence screened for (a
    counterfeit-trademark case found in online trade is a trademark case), else 其他."""
    domain, offence = f"{prefix}domain", f"{prefix}offence"
    ip_domains = [IpType.TRADEMARK, IpType.GEOGRAPHICAL_INDICATION, IpType.PATENT]  # same ids as CampaignDomain
    trademark = Q(**{domain: IpType.TRADEMARK}) | (
        ~Q(**{f"{domain}__in": ip_domains}) & Q(**{f"{offence}__in": TRADEMARK_OFFENCES})
    )
    patent = Q(**{domain: IpType.PATENT}) | (
        ~Q(**{f"{domain}__in": ip_domains}) & Q(**{f"{offence}__in": PATENT_OFFENCES})
    )
    indication = Q(**{domain: IpType.GEOGRAPHICAL_INDICATION})
    return {
        IpType.TRADEMARK: trademark,
        IpType.GEOGRAPHICAL_INDICATION: indication,
        IpType.PATENT: patent,
        IpType.OTHER: ~(trademark | patent | indication),
    }[IpType(ip_type)]


def case_queryset(user: Any) -> QuerySet[Case]:
    return Case.objects.visible_to(user).select_related("agency")


def case_list(user: Any, filters: Mapping[str, Any], *, now: dt.datetime | None = None) -> QuerySet[Case]:
    now = now or timezone.now()
    qs = case_queryset(user)
    if filters.get("status"):
        qs = qs.filter(status=filters["status"])
    if filters.get("domain"):
        qs = qs.filter(domain=filters["domain"])
    if filters.get("offence"):
        qs = qs.filter(offence=filters["offence"])
    for exact in ("product_category", "right_holder"):  # the statistics rankings' drill-down
        if filters.get(exact):
            qs = qs.filter(**{exact: filters[exact]})
    if filters.get("screening"):
        qs = qs.filter(screening_outcome=filters["screening"])
    if filters.get("agency"):
        qs = qs.filter(agency_id=filters["agency"])
    if filters.get("officer"):  # the officer who registered and handles the case (承办人)
        qs = qs.filter(created_by_id=filters["officer"])
    if filters.get("agency_kind"):
        qs = qs.filter(agency__kind=filters["agency_kind"])
    if filters.get("ip_type") in IpType.values:
        qs = qs.filter(ip_type_q(filters["ip_type"]))
    if filters.get("on_time") == "decision":  # decided within the statutory period (extensions included)
        qs = qs.filter(decided_at__isnull=False, decision_due_at__isnull=False, decided_at__lte=F("decision_due_at"))
    qs = narrow_to_region(qs, filters.get("region"))
    if filters.get("region_exact"):  # 本级: records of that region itself, not of those below it
        qs = qs.filter(region_code=filters["region_exact"])
    for name, field in CASE_PERIOD_FIELDS.items():
        start, end = filters.get(f"{name}_from"), filters.get(f"{name}_to")
        if start or end:
            qs = qs.filter(period_q(field, start, end))
    queue = filters.get("queue")
    if queue == "suspected_not_transferred":
        qs = qs.filter(suspected_not_transferred_q())
    elif queue == "penalty_instead_of_transfer":
        qs = qs.filter(penalty_instead_of_transfer_q())
    qs = _text_filter(qs, filters)
    if filters.get("overdue"):
        # Most overdue first: the order a supervisor works through them.
        return qs.filter(overdue_q(now)).order_by("next_due_at", "id")
    return qs.order_by("-lead_received_at", "-id")


def _text_filter(qs: QuerySet[Case], filters: Mapping[str, Any]) -> QuerySet[Case]:
    text = (filters.get("q") or "").strip()[:100]
    if text:
        qs = qs.filter(Q(title__icontains=text) | Q(facts_text__icontains=text) | Q(number__iexact=text))
    return qs


def case_get(user: Any, pk: Any) -> Case:
    case: Case = get_visible_or_404(case_queryset(user), user, pk=pk)
    return case


SPLIT_CASE_ROLES = frozenset({"procurator", "coordinator"})


SPLIT_OPEN_STATES = (CaseStatus.LEAD, CaseStatus.FILED, CaseStatus.INVESTIGATING)
SPLIT_EXPORT_LIMIT = 5000


def split_case_queue(user: Any) -> QuerySet[Any, Any]:
    """拆分案件线索, one row per party and offence ({cumulative_key, offence, cumulative_outcome,
    first_id}): parties whose open cases are each below the thresholds but whose sum crosses one
    (or reaches 80 % of an amount), across agencies; those that cross first. A queryset, so the
    page counts and slices it in the database (one GROUP BY on a partial index at 1M cases)."""
    rows = Case.objects.visible_to(user) if user.role in SPLIT_CASE_ROLES else Case.objects.none()
    return (
        rows.filter(cumulative_outcome__in=[ScreeningOutcome.SUSPECTED_CRIME, "near"], status__in=SPLIT_OPEN_STATES)
        .exclude(own_outcome=ScreeningOutcome.SUSPECTED_CRIME)
        .values("cumulative_key", "offence", "cumulative_outcome")
        .annotate(first_id=Min("id"))
        .order_by("-cumulative_outcome", "cumulative_key", "offence")  # suspected_crime before near
    )


def split_case_summaries(user: Any, rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The groups of these queue rows as the user may see them (visible_summary), in two queries:
    the first member of each group, then which of all their members the user may open."""
    rows = list(rows)
    firsts = Case.objects.only("id", "offence", "cumulative", "cumulative_key").in_bulk(
        [row["first_id"] for row in rows]
    )
    member_ids = {c["id"] for case in firsts.values() for c in (case.cumulative or {}).get("cases", [])}
    visible = set(Case.objects.visible_to(user).filter(pk__in=member_ids).values_list("pk", flat=True))
    groups = []
    for row in rows:
        case = firsts.get(row["first_id"])
        summary = visible_summary(case, user, visible=visible) if case is not None else None
        if summary:
            groups.append({"offence": case.offence, "first": case, **summary})  # type: ignore[union-attr]
    return groups


def split_case_groups(user: Any, *, limit: int = SPLIT_EXPORT_LIMIT) -> list[dict[str, Any]]:
    """The whole queue (up to `limit` groups) with its summaries: for exports."""
    return split_case_summaries(user, split_case_queue(user)[:limit])
