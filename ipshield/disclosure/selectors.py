from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.db.models import F, Q, QuerySet
from django.utils import timezone

from ipshield.core.jurisdiction import narrow_to_region
from ipshield.disclosure.models import Disclosure, DisclosureStatus
from ipshield.disclosure.search import filter_text

QUERY_MAX = 100


def public_disclosures(filters: Mapping[str, Any]) -> QuerySet[Disclosure]:
    """Published decisions only; CJK substring search by the index each database has (see search.py)."""
    qs = Disclosure.objects.filter(status__in=[DisclosureStatus.PUBLISHED, DisclosureStatus.WITHDRAWN])
    text = str(filters.get("q") or "").strip()[:QUERY_MAX]
    if text:
        qs = filter_text(qs, text)
    qs = narrow_to_region(qs, filters.get("region"))
    if filters.get("domain"):
        qs = qs.filter(domain=filters["domain"])
    if filters.get("agency"):
        qs = qs.filter(agency_id=filters["agency"])
    if isinstance(filters.get("from"), dt.date):
        qs = qs.filter(decided_on__gte=filters["from"])
    if isinstance(filters.get("to"), dt.date):
        qs = qs.filter(decided_on__lte=filters["to"])
    return qs.order_by("-decided_on", "-id")


def staff_disclosures(user: Any) -> QuerySet[Disclosure]:
    return Disclosure.objects.visible_to(user).select_related("case")


PUBLISHED_STATES = [DisclosureStatus.PUBLISHED, DisclosureStatus.WITHDRAWN]  # withdrawn after publication
# What a statistics figure counts (?state=due): reference/statistics.md §1 (公开率, 及时公开率).
DISCLOSURE_STATES = {
    "due": ~Q(status=DisclosureStatus.WITHHELD),  # 应公开: every decision except those withheld with approval
    "published": Q(status__in=PUBLISHED_STATES),
    "on_time": Q(status__in=PUBLISHED_STATES, published_at__lte=F("due_at")),
    "withheld": Q(status=DisclosureStatus.WITHHELD),
    "withdrawn": Q(status=DisclosureStatus.WITHDRAWN),
}


def staff_disclosure_list(
    user: Any, filters: Mapping[str, Any], *, now: dt.datetime | None = None
) -> QuerySet[Disclosure]:
    """The review list and the disclosure report's drill-down: scoped, then the figure's filters."""
    qs = staff_disclosures(user).select_related("agency")
    qs = narrow_to_region(qs, filters.get("region"))
    if filters.get("region_exact"):
        qs = qs.filter(region_code=filters["region_exact"])
    if filters.get("agency"):
        qs = qs.filter(agency_id=filters["agency"])
    if filters.get("agency_kind"):
        qs = qs.filter(agency__kind=filters["agency_kind"])
    if filters.get("domain"):
        qs = qs.filter(domain=filters["domain"])
    if isinstance(filters.get("decided_from"), dt.date):
        qs = qs.filter(decided_on__gte=filters["decided_from"])
    if isinstance(filters.get("decided_to"), dt.date):
        qs = qs.filter(decided_on__lte=filters["decided_to"])
    if filters.get("state") in DISCLOSURE_STATES:
        qs = qs.filter(DISCLOSURE_STATES[filters["state"]])
    if filters.get("overdue"):
        return qs.filter(status=DisclosureStatus.DRAFT, due_at__lt=now or timezone.now()).order_by("due_at", "id")
    return qs.order_by("status", "due_at", "id")
