"""Risk early warning (区域性、系统性风险苗头): rules as versioned data (data/warning-rules.yaml) and
a pure engine over plain figures — no Django here, so each rule is tested on numbers alone and every
finding explains itself (which rule and version, which figures, why this level).

The sweep (stats.sweep) gathers the figures from the database and records findings as alerts.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

RULES_FILE = Path(__file__).with_name("data") / "warning-rules.yaml"
LEVELS = ("red", "orange", "yellow")  # highest first


def gettext_noop(message: str) -> str:
    """Marks a message for translation (extracted by makemessages); translated when shown."""
    return message


@dataclass(frozen=True)
class WarningRule:
    id: str
    valid_from: dt.date
    title: str
    title_en: str
    basis: str
    params: Mapping[str, Any]
    levels: Mapping[str, float]

    @property
    def version(self) -> str:
        return self.valid_from.isoformat()

    def level(self, severity: float) -> str | None:
        """The highest level whose threshold the severity reaches, or None (no alert)."""
        for name in LEVELS:
            if name in self.levels and severity >= self.levels[name]:
                return name
        return None


@dataclass(frozen=True)
class Finding:
    rule: str
    version: str
    level: str
    region: str  # the region code the alert is about (county, prefecture or province)
    key: str  # identifies the situation, so a daily sweep updates one alert instead of adding another
    subject: str  # what it is about, in words (a domain id, a brand, a target)
    message: str  # msgid with %(name)s placeholders filled from figures
    figures: dict[str, Any] = field(default_factory=dict)


def load_rules(path: Path = RULES_FILE) -> list[WarningRule]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    rules = []
    for item in raw["rules"]:
        valid_from = item["valid_from"]
        if not isinstance(valid_from, dt.date):
            valid_from = dt.date.fromisoformat(str(valid_from))
        rules.append(
            WarningRule(
                id=item["id"],
                valid_from=valid_from,
                title=item["title"],
                title_en=item.get("title_en", item["title"]),
                basis=item.get("basis", ""),
                params=dict(item.get("params") or {}),
                levels={k: float(v) for k, v in (item.get("levels") or {}).items()},
            )
        )
    return rules


def rules_in_force(rules: Iterable[WarningRule], day: dt.date) -> dict[str, WarningRule]:
    """Per rule id, the newest version whose valid_from is on or before `day`."""
    chosen: dict[str, WarningRule] = {}
    for rule in sorted(rules, key=lambda r: r.valid_from):
        if rule.valid_from <= day:
            chosen[rule.id] = rule
    return chosen


def _pct(value: float) -> float:
    return round(value * 100, 1)


def case_surge(
    rule: WarningRule,
    series: Mapping[tuple[str, str], Sequence[int]],
    last_year: Mapping[tuple[str, str], int],
    month: str,
) -> list[Finding]:
    """`series[(region, domain)]`: the trailing months' counts then the month evaluated (last item);
    `last_year[(region, domain)]`: the same month a year before."""
    trailing_months = int(rule.params["trailing_months"])
    sigma, min_cases, yoy_rise = (
        float(rule.params["sigma"]),
        int(rule.params["min_cases"]),
        float(rule.params["yoy_rise"]),
    )
    findings = []
    for (region, domain), counts in series.items():
        if len(counts) < trailing_months + 1:
            continue
        current, trailing = counts[-1], counts[-1 - trailing_months : -1]
        if current < min_cases:
            continue
        mean = sum(trailing) / len(trailing)
        sd = math.sqrt(sum((c - mean) ** 2 for c in trailing) / len(trailing))
        before = last_year.get((region, domain), 0)
        above_sigma = current > mean + sigma * sd
        above_yoy = before > 0 and current >= before * (1 + yoy_rise)
        severity = int(above_sigma) + int(above_yoy) + int(mean > 0 and current >= 3 * mean)
        level = rule.level(severity) if (above_sigma or above_yoy) else None
        if level is None:
            continue
        findings.append(
            Finding(
                rule.id,
                rule.version,
                level,
                region,
                f"{region}|{domain}|{month}",
                domain,
                gettext_noop(
                    "%(subject)s：%(month)s 收到线索 %(current)s 件，前%(months)s个月平均 %(mean)s 件（标准差 %(sd)s），"
                    "去年同月 %(last_year)s 件。"
                ),
                {
                    "month": month,
                    "current": current,
                    "months": trailing_months,
                    "mean": round(mean, 1),
                    "sd": round(sd, 1),
                    "threshold": round(mean + sigma * sd, 1),
                    "last_year": before,
                    "above_sigma": above_sigma,
                    "above_yoy": above_yoy,
                },
            )
        )
    return findings


def concentration(rule: WarningRule, by_county: Mapping[tuple[str, str], int], window_end: str) -> list[Finding]:
    """One county's share of its prefecture's leads in one domain in the window
    (`by_county[(county code, domain)]` → count)."""
    min_cases, min_counties = int(rule.params["min_cases"]), int(rule.params["min_counties"])
    prefectures: dict[tuple[str, str], list[tuple[str, int]]] = {}
    for (county, domain), n in by_county.items():
        prefectures.setdefault((county[:4], domain), []).append((county, n))
    findings = []
    for (_prefecture, domain), counties in sorted(prefectures.items()):
        total = sum(n for _c, n in counties)
        if total < min_cases or len([c for c in counties if c[1]]) < min_counties:
            continue
        county, n = max(counties, key=lambda c: (c[1], c[0]))
        share = n / total
        level = rule.level(share)
        if level is None:
            continue
        findings.append(
            Finding(
                rule.id,
                rule.version,
                level,
                county,
                f"{county}|{domain}|{window_end}",
                domain,
                gettext_noop(
                    "%(subject)s：近%(days)s天本县（区）线索 %(n)s 件，占所在地市同领域 %(total)s 件的 %(share)s%%。"
                ),
                {"days": rule.params["window_days"], "n": n, "total": total, "share": _pct(share)},
            )
        )
    return findings


@dataclass(frozen=True)
class BrandWindow:
    provinces: frozenset[str]
    cases: int
    cases_before: int  # the window before, for the rise


def systemic_spread(
    rule: WarningRule,
    parties: Mapping[str, tuple[str, frozenset[str]]],
    brands: Mapping[str, BrandWindow],
    window_end: str,
) -> list[Finding]:
    """`parties[key] = (name, provinces)`; `brands[right holder] = BrandWindow`. National findings."""
    min_provinces = int(rule.params["min_provinces"])
    findings = []
    for key, (name, provinces) in sorted(parties.items()):
        level = rule.level(len(provinces)) if len(provinces) >= min_provinces else None
        if level:
            findings.append(
                Finding(
                    rule.id,
                    rule.version,
                    level,
                    "000000",
                    f"party|{key}|{window_end}",
                    name,
                    gettext_noop("当事人“%(name)s”近%(days)s天在 %(n)s 个省份有案件：%(provinces)s。"),
                    {
                        "name": name,
                        "days": rule.params["window_days"],
                        "n": len(provinces),
                        "provinces": sorted(provinces),
                    },
                )
            )
    rise, min_cases = float(rule.params["brand_rise"]), int(rule.params["brand_min_cases"])
    for brand, window in sorted(brands.items()):
        risen = window.cases >= min_cases and window.cases >= window.cases_before * (1 + rise)
        level = rule.level(len(window.provinces)) if len(window.provinces) >= min_provinces and risen else None
        if level:
            findings.append(
                Finding(
                    rule.id,
                    rule.version,
                    level,
                    "000000",
                    f"brand|{brand}|{window_end}",
                    brand,
                    gettext_noop(
                        "“%(name)s”的侵权假冒案件近%(days)s天 %(cases)s 件（前%(days)s天 %(before)s 件），"
                        "分布在 %(n)s 个省份：%(provinces)s。"
                    ),
                    {
                        "name": brand,
                        "days": rule.params["window_days"],
                        "cases": window.cases,
                        "before": window.cases_before,
                        "n": len(window.provinces),
                        "provinces": sorted(window.provinces),
                    },
                )
            )
    return findings


@dataclass(frozen=True)
class ProvinceLinkage:
    filed: int
    transferred: int
    pending: int  # suspected crimes not transferred (应移未移)
    overdue: int  # open transfers past a statutory step
    open_transfers: int = 0  # transfers with a step still running


def weak_linkage(
    rule: WarningRule, provinces: Mapping[str, ProvinceLinkage], national_rate: float | None, year: int
) -> list[Finding]:
    ratio, min_filed = float(rule.params["rate_ratio"]), int(rule.params["min_filed"])
    min_pending, overdue_share = int(rule.params["min_pending"]), float(rule.params["overdue_share"])
    min_open = int(rule.params["min_open"])
    findings = []
    for province, f in sorted(provinces.items()):
        rate = f.transferred / f.filed if f.filed else None
        low_rate = bool(rate is not None and national_rate and f.filed >= min_filed and rate < national_rate * ratio)
        late = f.open_transfers >= min_open and f.overdue > f.open_transfers * overdue_share
        signals = int(low_rate) + int(f.pending >= min_pending) + int(late)
        level = rule.level(signals) if signals else None
        if level is None:
            continue
        findings.append(
            Finding(
                rule.id,
                rule.version,
                level,
                province,
                f"{province}|{year}",
                "",
                gettext_noop(
                    "%(year)s年立案 %(filed)s 件、移送 %(transferred)s 件（移送率 %(rate)s%%，全国 %(national)s%%）；"
                    "应移未移 %(pending)s 件；办理中的移送 %(open)s 件，逾期 %(overdue)s 件。"
                ),
                {
                    "year": year,
                    "filed": f.filed,
                    "transferred": f.transferred,
                    "rate": _pct(rate) if rate is not None else "—",
                    "national": _pct(national_rate) if national_rate else "—",
                    "pending": f.pending,
                    "overdue": f.overdue,
                    "open": f.open_transfers,
                    "low_rate": low_rate,
                    "late": late,
                },
            )
        )
    return findings


def tip_spike(rule: WarningRule, targets: Mapping[tuple[str, str], tuple[str, int]], window_end: str) -> list[Finding]:
    """`targets[(province, target key)] = (name shown, tips in the window)`."""
    findings = []
    for (province, key), (name, n) in sorted(targets.items()):
        level = rule.level(n) if n >= int(rule.params["min_tips"]) else None
        if level:
            findings.append(
                Finding(
                    rule.id,
                    rule.version,
                    level,
                    province,
                    f"{province}|{key}|{window_end}",
                    name,
                    gettext_noop("近%(days)s天关于“%(name)s”的举报 %(n)s 件。"),
                    {"days": rule.params["window_days"], "name": name, "n": n},
                )
            )
    return findings
