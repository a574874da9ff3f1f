"""The daily early-warning sweep: gathers each rule's figures from all records (a system job, not a
reader's view), runs the pure engine (stats.early_warning) and records its findings as alerts.

One situation is one alert (rule + key): while it lasts the sweep refreshes its figures and level;
a closed alert stays closed for that situation. Each new alert is sent to its owner office's inbox.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count, Max
from django.db.models.functions import TruncMonth
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_noop

from ipshield.cases.models import Case, Party
from ipshield.cases.selectors import suspected_not_transferred_q
from ipshield.core import regions
from ipshield.core.audit import audit_record
from ipshield.core.choices import AgencyKind, Role
from ipshield.core.deadlines import CHINA_TZ
from ipshield.core.models import Region
from ipshield.core.periods import day_start
from ipshield.stats import early_warning as engine
from ipshield.stats.choices import WarningRuleId
from ipshield.stats.dashboard import month_starts
from ipshield.stats.models import Alert
from ipshield.stats.workflow import ALERT_OPEN
from ipshield.tips.models import Tip
from ipshield.transfers.models import Notification, Transfer
from ipshield.transfers.services import counterpart_agency


def _month_index(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


def _surge_figures(rule: engine.WarningRule, today: dt.date) -> tuple[dict[Any, list[int]], dict[Any, int], str]:
    """Leads per month × domain for each province and prefecture: the trailing months and the last
    complete month (one GROUP BY)."""
    trailing = int(rule.params["trailing_months"])
    months = month_starts(today, trailing + 2)[:-1]  # the last complete month is the last item
    rows = (
        Case.objects.filter(
            lead_received_at__gte=day_start(months[0]), lead_received_at__lt=day_start(today.replace(day=1))
        )
        .annotate(month=TruncMonth("lead_received_at", tzinfo=CHINA_TZ))
        .values("region_prefecture", "domain", "month")
        .annotate(n=Count("*"))
        .order_by()
    )
    first = _month_index(months[0])
    series: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0] * len(months))
    for row in rows:
        month = row["month"]
        day = month.astimezone(CHINA_TZ).date() if isinstance(month, dt.datetime) else month
        position = _month_index(day) - first
        if 0 <= position < len(months):
            prefecture = str(row["region_prefecture"])
            series[(f"{prefecture}00", row["domain"])][position] += row["n"]
            series[(f"{prefecture[:2]}0000", row["domain"])][position] += row["n"]
    last_year = {key: counts[0] for key, counts in series.items()}  # trailing+1 months back = same month last year
    return dict(series), last_year, months[-1].strftime("%Y-%m")


def _concentration_figures(rule: engine.WarningRule, today: dt.date) -> dict[tuple[str, str], int]:
    start = day_start(today - dt.timedelta(days=int(rule.params["window_days"])))
    rows = (
        Case.objects.filter(lead_received_at__gte=start)
        .values("region_code", "domain")
        .annotate(n=Count("*"))
        .order_by()
    )
    return {(r["region_code"], r["domain"]): r["n"] for r in rows}


def _spread_figures(
    rule: engine.WarningRule, today: dt.date
) -> tuple[dict[str, tuple[str, frozenset[str]]], dict[str, engine.BrandWindow]]:
    days = int(rule.params["window_days"])
    start, before = day_start(today - dt.timedelta(days=days)), day_start(today - dt.timedelta(days=2 * days))
    min_provinces = int(rule.params["min_provinces"])
    # Enterprises only (by USCC): an alert never names a natural person.
    keys = (
        Party.objects.filter(case__lead_received_at__gte=start)
        .exclude(uscc="")
        .values("uscc")
        .annotate(provinces=Count("case__region_province", distinct=True), name=Max("name"))
        .filter(provinces__gte=min_provinces)
        .order_by()[:500]
    )
    names = {k["uscc"]: k["name"] for k in keys}
    provinces: dict[str, set[str]] = defaultdict(set)
    for party_row in (
        Party.objects.filter(case__lead_received_at__gte=start, uscc__in=list(names))
        .values("uscc", "case__region_province")
        .distinct()
    ):
        provinces[party_row["uscc"]].add(str(party_row["case__region_province"]))
    parties = {key: (names[key], frozenset(p)) for key, p in provinces.items()}
    brands: dict[str, dict[str, Any]] = defaultdict(lambda: {"provinces": set(), "cases": 0, "before": 0})
    for brand_row in (
        Case.objects.filter(lead_received_at__gte=start)
        .exclude(right_holder="")
        .values("right_holder", "region_province")
        .annotate(n=Count("*"))
        .order_by()
    ):
        brands[brand_row["right_holder"]]["provinces"].add(str(brand_row["region_province"]))
        brands[brand_row["right_holder"]]["cases"] += brand_row["n"]
    for row in (
        Case.objects.filter(lead_received_at__gte=before, lead_received_at__lt=start, right_holder__in=list(brands))
        .values("right_holder")
        .annotate(n=Count("*"))
        .order_by()
    ):
        brands[row["right_holder"]]["before"] += row["n"]
    windows = {
        brand: engine.BrandWindow(frozenset(b["provinces"]), b["cases"], b["before"]) for brand, b in brands.items()
    }
    return parties, windows


def _linkage_figures(today: dt.date, now: dt.datetime) -> tuple[dict[str, engine.ProvinceLinkage], float | None]:
    year_start = day_start(today.replace(month=1, day=1))
    filed = dict(
        Case.objects.filter(filed_at__gte=year_start).values_list("region_province").annotate(n=Count("*")).order_by()
    )
    sent = dict(
        Transfer.objects.filter(sent_at__gte=year_start)
        .values_list("region_province")
        .annotate(n=Count("*"))
        .order_by()
    )
    pending = dict(
        Case.objects.filter(suspected_not_transferred_q())
        .values_list("region_province")
        .annotate(n=Count("*"))
        .order_by()
    )
    running = Transfer.objects.filter(next_due_at__isnull=False)  # a statutory step still running
    overdue = dict(running.filter(next_due_at__lt=now).values_list("region_province").annotate(n=Count("*")).order_by())
    open_transfers = dict(running.values_list("region_province").annotate(n=Count("*")).order_by())
    provinces = {
        f"{code}0000": engine.ProvinceLinkage(
            filed.get(code, 0),
            sent.get(code, 0),
            pending.get(code, 0),
            overdue.get(code, 0),
            open_transfers.get(code, 0),
        )
        for code in set(filed) | set(sent) | set(pending) | set(overdue)
    }
    total_filed = sum(filed.values())
    return provinces, (sum(sent.values()) / total_filed if total_filed else None)


def _tip_figures(rule: engine.WarningRule, today: dt.date) -> dict[tuple[str, str], tuple[str, int]]:
    start = day_start(today - dt.timedelta(days=int(rule.params["window_days"])))
    rows = (
        Tip.objects.filter(received_at__gte=start)  # repeats count: many people reporting one target is the signal
        .exclude(target_key="")
        .values("region_province", "target_key")
        .annotate(n=Count("*"), name=Max("target_name"))
        .filter(n__gte=int(rule.params["min_tips"]))
        .order_by()
    )
    return {(f"{r['region_province']}0000", r["target_key"]): (r["name"] or r["target_key"], r["n"]) for r in rows}


def _province_names(findings: list[engine.Finding]) -> list[engine.Finding]:
    """Spread findings name provinces in words (the codes stay beside them for clients)."""
    codes = {c for f in findings for c in f.figures.get("provinces", [])}
    if not codes:
        return findings
    names = dict(Region.objects.filter(code__in=[f"{c}0000" for c in codes]).values_list("code", "name"))
    out = []
    for f in findings:
        if "provinces" in f.figures:
            province_codes = list(f.figures["provinces"])
            figures = {
                **f.figures,
                "province_codes": [f"{c}0000" for c in province_codes],
                "provinces": [names.get(f"{c}0000", c) for c in province_codes],
            }
            f = dataclasses.replace(f, figures=figures)
        out.append(f)
    return out


def findings_for(today: dt.date, now: dt.datetime) -> list[engine.Finding]:
    rules = engine.rules_in_force(engine.load_rules(), today)
    found: list[engine.Finding] = []
    stamp = today.isoformat()
    if rule := rules.get("case_surge"):
        series, last_year, month = _surge_figures(rule, today)
        found += engine.case_surge(rule, series, last_year, month)
    if rule := rules.get("concentration"):
        found += engine.concentration(rule, _concentration_figures(rule, today), _quarter(today))
    if rule := rules.get("systemic_spread"):
        parties, brands = _spread_figures(rule, today)
        found += _province_names(engine.systemic_spread(rule, parties, brands, _quarter(today)))
    if rule := rules.get("weak_linkage"):
        provinces, national = _linkage_figures(today, now)
        found += engine.weak_linkage(rule, provinces, national, today.year)
    if rule := rules.get("tip_spike"):
        found += engine.tip_spike(rule, _tip_figures(rule, today), stamp[:7])
    return found


def _quarter(day: dt.date) -> str:
    """A window's situation key: one alert per quarter while the pattern lasts."""
    return f"{day.year}Q{(day.month - 1) // 3 + 1}"


def _region_of(finding: engine.Finding) -> str:
    return finding.region if finding.region != regions.NATIONAL_CODE else regions.NATIONAL_CODE


def _source_text(label: Any) -> str:
    """A choice label as its Chinese msgid: notifications are translated for each reader."""
    with translation.override(settings.LANGUAGE_CODE):
        return str(label)


def record_findings(findings: list[engine.Finding], now: dt.datetime) -> dict[str, int]:
    """Create or refresh one alert per finding; closed alerts stay closed. Returns counts."""
    counts = {"created": 0, "refreshed": 0, "unchanged_closed": 0, "no_owner": 0}
    existing = {
        (a.rule, a.key): a
        for a in Alert.objects.filter(
            rule__in={f.rule for f in findings}, key__in=[f.key[:300] for f in findings]
        ).only("id", "rule", "key", "status", "level")
    }
    for finding in findings:
        alert = existing.get((finding.rule, finding.key[:300]))
        figures = {**finding.figures, "subject": finding.subject}
        if alert is not None:
            if alert.status not in ALERT_OPEN:
                counts["unchanged_closed"] += 1
                continue
            with transaction.atomic():
                Alert.objects.filter(pk=alert.pk).update(
                    level=finding.level, figures=figures, last_seen_at=now, rule_version=finding.version
                )
                if alert.level != finding.level:  # a figure refresh alone is not news; a new level is
                    audit_record(
                        actor=None,
                        action="alert.relevel",
                        target=alert,
                        before={"level": alert.level},
                        after={"level": finding.level},
                    )
            counts["refreshed"] += 1
            continue
        owner = counterpart_agency(_region_of(finding), AgencyKind.LEADING_GROUP)
        if owner is None:
            counts["no_owner"] += 1
            continue
        try:
            with transaction.atomic():
                created = Alert.objects.create(
                    owner=owner,
                    rule=finding.rule,
                    rule_version=finding.version,
                    key=finding.key[:300],
                    level=finding.level,
                    subject=finding.subject[:200],
                    message=finding.message,
                    figures=figures,
                    region_code=finding.region,
                    first_seen_at=now,
                    last_seen_at=now,
                )
                audit_record(
                    actor=None,
                    action="alert.raise",
                    target=created,
                    after={"rule": finding.rule, "level": finding.level},
                )
                Notification.objects.create(
                    agency=owner,
                    roles=f",{Role.COORDINATOR},",
                    title=gettext_noop("新的风险预警：%(rule)s"),
                    params={"rule": _source_text(WarningRuleId(finding.rule).label)},
                    url=reverse("stats:alert_detail", args=[created.pk]),
                )
        except IntegrityError:  # another sweep raised it a moment ago
            continue
        counts["created"] += 1
    return counts


def sweep(*, today: dt.date | None = None, now: dt.datetime | None = None) -> dict[str, int]:
    now = now or timezone.now()
    today = today or timezone.localdate(now)
    return record_findings(findings_for(today, now), now)
