from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.db.models import QuerySet

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
