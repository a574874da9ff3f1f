"""The public statistics page (公开统计): a year's headline figures nationwide and by province, like
the national annual report on IP enforcement. Aggregate counts only — no record, no name, no link
to anything the public may not open — computed from all records and kept for an hour."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.cache import cache
from django.db.models import Count, Sum
from django.utils import timezone

from ipshield.cases.models import Case
from ipshield.core.models import Region
from ipshield.core.periods import period_q
from ipshield.disclosure.models import Disclosure, DisclosureStatus
from ipshield.stats.reports import percent_change, year_before
from ipshield.tips.models import Tip
from ipshield.transfers.models import CriminalStep, Transfer

PUBLIC_CACHE_SECONDS = 3600
HEADLINES = ("filed", "decided", "penalties_10k", "transferred", "persons_prosecuted", "tips", "published")


def _year_figures(start: dt.date, end: dt.date) -> dict[str, dict[str, Any]]:
    """Per headline: the national figure and one per province (GROUP BY province, one query each)."""

    def by_province(queryset: Any, field: str = "region_province", value: Any = None) -> dict[str, Any]:
        rows = queryset.values(field).annotate(v=value or Count("*")).order_by()
        return {str(r[field]): r["v"] or 0 for r in rows}

    cases = Case.objects.all()
    penalties = by_province(
        cases.filter(period_q("decided_at", start, end)), value=Sum("fine_amount", default=Decimal(0))
    )
    confiscated = by_province(
        cases.filter(period_q("decided_at", start, end)), value=Sum("confiscated_amount", default=Decimal(0))
    )
    figures = {
        "filed": by_province(cases.filter(period_q("filed_at", start, end))),
        "decided": by_province(cases.filter(period_q("decided_at", start, end))),
        "penalties_10k": {
            p: round(float((penalties.get(p, 0) + confiscated.get(p, 0)) / 10000), 1)
            for p in set(penalties) | set(confiscated)
        },
        "transferred": by_province(Transfer.objects.filter(period_q("sent_at", start, end))),
        "persons_prosecuted": by_province(
            CriminalStep.objects.filter(kind="prosecuted", occurred_on__gte=start, occurred_on__lte=end),
            "transfer__region_province",
        ),
        "tips": by_province(Tip.objects.filter(period_q("received_at", start, end))),
        "published": by_province(
            Disclosure.objects.filter(
                status__in=[DisclosureStatus.PUBLISHED, DisclosureStatus.WITHDRAWN],
                decided_on__gte=start,
                decided_on__lte=end,
            )
        ),
    }
    return {key: {"total": round(sum(v.values()), 1) if v else 0, "provinces": v} for key, v in figures.items()}


def public_statistics(year: int | None = None) -> dict[str, Any]:
    """The chosen year (this year: to today) and the year before, same days, for 同比."""
    today = timezone.localdate()
    year = year or today.year
    key = f"stats-public-v1:{year}:{today.isoformat() if year == today.year else ''}"
    found: dict[str, Any] | None = cache.get(key)
    if found is not None:
        return found
    end = min(dt.date(year, 12, 31), today)
    start = dt.date(year, 1, 1)
    now = _year_figures(start, end)
    before = _year_figures(start.replace(year=year - 1), year_before(end))
    provinces = dict(Region.objects.filter(level="province").values_list("code", "name"))
    rows = []
    for code, name in sorted(provinces.items()):
        prefix = code[:2]
        values = {k: now[k]["provinces"].get(prefix, 0) for k in HEADLINES}
        if any(values.values()):
            rows.append({"code": code, "name": name, "values": values})
    result = {
        "year": year,
        "start": start,
        "end": end,
        "generated_at": timezone.now(),
        "headlines": [
            {
                "key": k,
                "value": now[k]["total"],
                "last_year": before[k]["total"],
                "change": percent_change(now[k]["total"], before[k]["total"]),
            }
            for k in HEADLINES
        ],
        "provinces": rows,
    }
    cache.set(key, result, PUBLIC_CACHE_SECONDS)
    return result
