"""The coordinator's dashboard (统计看板): totals with trends, a map by region, monthly trend lines,
rankings, open warnings and a traffic light against the averages — all from the 两法衔接 report's
columns, so every figure on it is a figure of that report and drills down the same way.

Queries are fixed in number (one per column and view, never per region or month), so the page costs
the same at any data size; see bench/measure_dashboard.py.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from ipshield.cases.models import Case
from ipshield.core import regions
from ipshield.core.choices import REGIONAL_SUPERVISOR_ROLES, AgencyKind, Role
from ipshield.core.deadlines import CHINA_TZ
from ipshield.core.jurisdiction import region_subtree_q
from ipshield.core.models import Agency
from ipshield.core.periods import period_q
from ipshield.screening.services import offence_label
from ipshield.stats.reports import (
    REPORTS,
    CountColumn,
    Period,
    RateColumn,
    _query,
    _rate,
    percent_change,
    run_report,
    year_before,
)
from ipshield.transfers.models import Transfer

DASHBOARD_REPORT = "linkage"
TREND_MONTHS = 24
RANKING_SIZE = 10
# 红绿灯 (reference/statistics.md §4, C:S7): blue when a region's rate meets both the national and
# its regional average, yellow when it meets one, red when it meets neither.


@dataclass(frozen=True)
class TotalsWindow:
    key: str
    start: dt.date | None  # None: since records began (累计)
    end: dt.date
    last_year_start: dt.date | None
    last_year_end: dt.date | None


def totals_windows(today: dt.date) -> list[TotalsWindow]:
    """累计 / 本年 / 本季 / 本月 to today, each with the same days a year earlier (同比)."""
    year = today.replace(month=1, day=1)
    quarter = today.replace(month=3 * ((today.month - 1) // 3) + 1, day=1)
    month = today.replace(day=1)
    windows = [TotalsWindow("all", None, today, None, None)]
    for key, start in (("year", year), ("quarter", quarter), ("month", month)):
        windows.append(TotalsWindow(key, start, today, year_before(start), year_before(today)))
    return windows


WINDOW_LABELS = {
    "all": gettext_noop("累计"),
    "year": gettext_noop("本年"),
    "quarter": gettext_noop("本季"),
    "month": gettext_noop("本月"),
}


def _count_columns() -> list[CountColumn]:
    return [c for c in REPORTS[DASHBOARD_REPORT].columns if isinstance(c, CountColumn)]


def indicator_choices() -> list[tuple[str, str]]:
    return [(c.key, str(c.label)) for c in REPORTS[DASHBOARD_REPORT].columns]


def _base(region: str, domain: str) -> dict[str, Any]:
    place = {} if region == regions.NATIONAL_CODE else {"region": region}
    return {**place, **({"domain": domain} if domain else {})}


def _totals(user: Any, region: str, domain: str, today: dt.date) -> list[dict[str, Any]]:
    """One query per column: every window and its 同比 as conditional counts of one scan."""
    windows = totals_windows(today)
    out = []
    for column in _count_columns():
        base = _base(region, domain)
        queryset = column.records(user, base)
        aggregates: dict[str, Any] = {}
        for w in windows:
            aggregates[w.key] = Count(
                "pk", filter=period_q(column.date_field, w.start, w.end) & Q(**{f"{column.date_field}__isnull": False})
            )
            if w.last_year_start is not None:
                aggregates[f"{w.key}_ly"] = Count(
                    "pk", filter=period_q(column.date_field, w.last_year_start, w.last_year_end)
                )
        figures = queryset.aggregate(**aggregates)
        cells = []
        for w in windows:
            value = figures[w.key]
            last_year = figures.get(f"{w.key}_ly")
            filters = {
                **base,
                **({f"{column.date_param}_from": w.start} if w.start else {}),
                f"{column.date_param}_to": w.end,
            }
            cells.append(
                {
                    "window": w.key,
                    "label": _(WINDOW_LABELS[w.key]),
                    "value": value,
                    "last_year": last_year,
                    "change": percent_change(value, last_year) if last_year is not None else None,
                    "page": f"{reverse(column.page)}?{_query(filters)}",
                }
            )
        out.append({"key": column.key, "label": str(column.label), "cells": cells})
    return out


def month_starts(today: dt.date, months: int) -> list[dt.date]:
    first = today.replace(day=1)
    out = []
    for back in range(months - 1, -1, -1):
        index = first.year * 12 + first.month - 1 - back
        out.append(dt.date(index // 12, index % 12 + 1, 1))
    return out


def _trend(user: Any, region: str, domain: str, today: dt.date) -> dict[str, Any]:
    """Monthly counts per column for the last TREND_MONTHS months: one GROUP BY month per column."""
    months = month_starts(today, TREND_MONTHS)
    series = []
    for column in _count_columns():
        base = _base(region, domain)
        queryset = column.records(
            user, {**base, f"{column.date_param}_from": months[0], f"{column.date_param}_to": today}
        )
        per_month = (
            queryset.annotate(month=TruncMonth(column.date_field, tzinfo=CHINA_TZ))
            .values("month")
            .annotate(n=Count("*"))
            .order_by()
        )
        counts: dict[dt.date, int] = {}
        for row in per_month:
            month = row["month"]
            day = month.astimezone(CHINA_TZ).date() if isinstance(month, dt.datetime) else month
            counts[day.replace(day=1)] = counts.get(day.replace(day=1), 0) + row["n"]
        series.append({"key": column.key, "label": str(column.label), "data": [counts.get(m, 0) for m in months]})
    return {"months": [m.strftime("%Y-%m") for m in months], "series": series}


def _rankings(user: Any, region: str, domain: str, period: Period) -> list[dict[str, Any]]:
    """Top offences, product categories and right holders (brands) by cases filed in the period."""
    filed = next(c for c in _count_columns() if c.key == "filed")
    base = {**_base(region, domain), "filed_from": period.start, "filed_to": period.end}
    queryset = filed.records(user, base)
    out = []
    for key, field, title in (
        ("offence", "offence", _("涉嫌罪名")),
        ("product_category", "product_category", _("产品类别")),
        ("right_holder", "right_holder", _("权利人（品牌）")),
    ):
        rows = queryset.exclude(**{field: ""}).values(field).annotate(n=Count("*")).order_by("-n", field)[:RANKING_SIZE]
        items = []
        for row in rows:
            value = row[field]
            label = offence_label(value) if key == "offence" else value
            items.append(
                {"label": label, "value": row["n"], "page": f"{reverse(filed.page)}?{_query({**base, key: value})}"}
            )
        out.append({"key": key, "title": title, "items": items})
    return out


def light(value: float | None, regional: float | None, national: float | None) -> str:
    """blue / yellow / red by how many of the two averages the value meets; grey when it has no
    value or neither average is known."""
    averages = [a for a in (regional, national) if a is not None]
    if value is None or not averages:
        return "grey"
    met = sum(value >= a for a in averages)
    if met == len(averages):
        return "blue"
    return "yellow" if met else "red"


def _national_rate(period: Period, domain: str) -> float | None:
    """The national 移送率 for the traffic light: an aggregate rate of all regions (no records,
    no per-region figures), the benchmark every region is compared with."""
    report = REPORTS[DASHBOARD_REPORT]
    rate = next(c for c in report.columns if isinstance(c, RateColumn))
    counts: dict[str, int] = {}
    for column in _count_columns():
        if column.key not in (rate.numerator, rate.denominator):
            continue
        assert column.benchmark is not None, f"{column.key} has no benchmark queryset"
        queryset = column.benchmark(domain).filter(period_q(column.date_field, period.start, period.end))
        counts[column.key] = queryset.count()
    return _rate(counts[rate.numerator], counts[rate.denominator])


def dashboard(
    user: Any, *, region: str, indicator: str, domain: str = "", today: dt.date | None = None
) -> dict[str, Any]:
    today = today or timezone.localdate()
    report = REPORTS[DASHBOARD_REPORT]
    period = Period(today.replace(month=1, day=1), today)
    table = run_report(report, user, region=region, period=period, domain=domain, compare=False)
    rate_column = next(c for c in report.columns if isinstance(c, RateColumn))
    total_row = table["rows"][-1]
    regional_rate = total_row["cells"][rate_column.key]["value"]
    national_rate = _national_rate(period, domain)
    regions_rows = []
    for row in table["rows"][:-1]:
        if row["key"].endswith("-own"):
            continue
        rate = row["cells"][rate_column.key]["value"]
        regions_rows.append(
            {
                "code": row["key"],
                "label": row["label"],
                "value": row["cells"][indicator]["value"],
                "page": row["cells"][indicator].get("page"),
                "rate": rate,
                "light": light(rate, regional_rate, national_rate),
            }
        )
    ranked = sorted(regions_rows, key=lambda r: (-(r["value"] or 0), r["code"]))
    return {
        "region": region,
        "indicator": indicator,
        "indicator_label": next(label for key, label in indicator_choices() if key == indicator),
        "period": period,
        "map": map_for(region),
        "regions": ranked,
        "regional_rate": regional_rate,
        "national_rate": national_rate,
        "totals": _totals(user, region, domain, today),
        "trend": _trend(user, region, domain, today),
        "rankings": _rankings(user, region, domain, period),
        "table": table,
        "generated_at": timezone.now(),
    }


DASHBOARD_FRESH_SECONDS = 600  # a snapshot older than this is recomputed in the background
DASHBOARD_KEEP_SECONDS = 7 * 24 * 3600  # an old snapshot is still shown (with its time) while that runs


@dataclass(frozen=True)
class RegionReader:
    """Sees exactly the records of one region's subtree: what a coordinator or procurator sees when
    its office owns no cases or transfers and has none shared from outside its region. The
    background refresh computes such readers' dashboards once for all of them."""

    region_code: str
    role: str = Role.COORDINATOR
    is_authenticated: bool = True
    is_superuser: bool = False
    agency_id: None = None

    @property
    def agency(self) -> Agency:
        return Agency(region_id=self.region_code, kind=AgencyKind.LEADING_GROUP)


def regional_scope(user: Any) -> str | None:
    """The region whose whole subtree is exactly what `user` sees of cases and transfers, or None
    (an agency's own records, or records shared from elsewhere: computed for that reader alone)."""
    agency = getattr(user, "agency", None)
    if getattr(user, "role", None) not in REGIONAL_SUPERVISOR_ROLES or agency is None:
        return None
    for model in (Case, Transfer):
        if model.objects.filter(agency_id=agency.pk).exists():
            return None
        shared = model.objects.filter(pk__in=model.shared_record_ids(agency.pk))
        if shared.exclude(region_subtree_q(agency.region_id)).exists():
            return None
    return str(agency.region_id)


def _snapshot_key(scope: str, region: str, indicator: str, domain: str, language: str) -> str:
    return ":".join(["stats-dashboard-v2", scope, region, indicator, domain, language])


def refresh_snapshot(scope: str, region: str, indicator: str, domain: str, language: str) -> dict[str, Any]:
    """Compute the dashboard of a regional scope and keep it (the task layer runs this)."""
    from django.core.cache import cache
    from django.utils import translation

    with translation.override(language):
        board = dashboard(RegionReader(scope), region=region, indicator=indicator, domain=domain)
    cache.set(_snapshot_key(scope, region, indicator, domain, language), board, DASHBOARD_KEEP_SECONDS)
    cache.delete(_snapshot_key(scope, region, indicator, domain, language) + ":refreshing")
    return board


def dashboard_for(user: Any, *, region: str, indicator: str, domain: str = "") -> dict[str, Any]:
    """The dashboard `user` may see. For a purely regional reader it is the snapshot of that region,
    recomputed in the background when older than DASHBOARD_FRESH_SECONDS (the page shows its time;
    at 1M cases a national dashboard takes seconds to compute, bench/measure_dashboard.py); for any
    other reader it is computed for that reader and kept as long."""
    from django.core.cache import cache
    from django.utils import translation

    from ipshield.stats.tasks import dashboard_refresh

    language = translation.get_language() or settings.LANGUAGE_CODE
    scope = regional_scope(user)
    if scope is None:
        key = _snapshot_key(f"agency-{user.agency_id}-{user.role}", region, indicator, domain, language)
        board: dict[str, Any] | None = cache.get(key)
        if board is None:
            board = dashboard(user, region=region, indicator=indicator, domain=domain)
            cache.set(key, board, DASHBOARD_FRESH_SECONDS)
        return board
    key = _snapshot_key(scope, region, indicator, domain, language)
    board = cache.get(key)
    if board is None:
        return refresh_snapshot(scope, region, indicator, domain, language)
    age = (timezone.now() - board["generated_at"]).total_seconds()
    if age > DASHBOARD_FRESH_SECONDS and cache.add(key + ":refreshing", 1, DASHBOARD_FRESH_SECONDS):
        dashboard_refresh.enqueue(scope=scope, region=region, indicator=indicator, domain=domain, language=language)
    return board


def map_for(region: str) -> str | None:
    """The map file (static/maps/<code>.json) whose features are the dashboard's rows, or None below
    the province level (a prefecture's counties have no outline shipped)."""
    prefix = regions.subtree_prefix(region)
    if prefix == "":
        return "100000"
    if len(prefix) == 2:
        return f"{prefix}0000"
    return None


def region_crumbs(user: Any, region: str) -> list[tuple[str, str]]:
    """国家 › 省 › 市 › 县 down to `region`, from the reader's own region (never above it)."""
    from ipshield.core.models import Region

    own = user.agency.region_id
    chain = [code for code in reversed(regions.chain_up(region)) if regions.contains(own, code) or code == own]
    names = dict(Region.objects.filter(code__in=chain).values_list("code", "name"))
    names.setdefault(regions.NATIONAL_CODE, str(_("全国")))
    return [(code, names.get(code, code)) for code in chain]


def chart_data(board: dict[str, Any], *, drill: str) -> dict[str, Any]:
    """What dashboard.js draws (the same figures as the tables beside each chart)."""
    from django.templatetags.static import static

    return {
        "map": board["map"],
        "map_url": static(f"maps/{board['map']}.json") if board["map"] else None,
        "indicator": board["indicator_label"],
        "regions": [{"code": r["code"], "name": r["label"], "value": r["value"]} for r in board["regions"]],
        "drill": drill,
        "trend": board["trend"],
        "labels": {"high": str(_("高")), "low": str(_("低")), "none": str(_("无数据"))},
    }
