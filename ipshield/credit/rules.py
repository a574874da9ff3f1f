"""Blacklist entry rules as data + a pure engine (no Django): which rule applies, whether an
enterprise's record meets it, and why."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class BlacklistRule:
    id: str
    title: str
    valid_from: dt.date
    valid_to: dt.date | None
    penalties_within_days: int
    min_penalties: int
    conviction_lists: bool
    listing_years: int


@dataclass(frozen=True)
class RuleDecision:
    meets: bool
    rule_id: str
    reason_zh: str
    reason_en: str
    planned_end: dt.date | None


def load(document: Sequence[Mapping[str, Any]]) -> list[BlacklistRule]:
    return [
        BlacklistRule(
            id=str(r["id"]),
            title=str(r["title"]),
            valid_from=_d(r["valid_from"]),
            valid_to=_d(r.get("valid_to")),
            penalties_within_days=int(r["penalties_within_days"]),
            min_penalties=int(r["min_penalties"]),
            conviction_lists=bool(r["conviction_lists"]),
            listing_years=int(r["listing_years"]),
        )
        for r in document
    ]


def _d(value: Any) -> Any:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def evaluate(
    rules: Sequence[BlacklistRule],
    *,
    on: dt.date,
    penalty_dates: Sequence[dt.date],
    conviction_dates: Sequence[dt.date],
) -> RuleDecision:
    rule = next((r for r in rules if r.valid_from <= on and (r.valid_to is None or on < r.valid_to)), None)
    if rule is None:
        return RuleDecision(False, "", "没有适用的规则", "no rule in force", None)
    window_start = on - dt.timedelta(days=rule.penalties_within_days)
    recent = sorted(d for d in penalty_dates if window_start <= d <= on)
    end = dt.date(on.year + rule.listing_years, on.month, min(on.day, 28))
    if rule.conviction_lists and any(d <= on for d in conviction_dates):
        return RuleDecision(True, rule.id, f"{rule.title}：因侵权假冒被判处刑罚", "criminal conviction", end)
    if len(recent) >= rule.min_penalties:
        return RuleDecision(
            True,
            rule.id,
            f"{rule.title}：{rule.penalties_within_days}日内受行政处罚{len(recent)}次",
            f"{len(recent)} penalties within {rule.penalties_within_days} days",
            end,
        )
    return RuleDecision(
        False,
        rule.id,
        f"{rule.penalties_within_days}日内受行政处罚{len(recent)}次，未达到{rule.min_penalties}次",
        f"{len(recent)} penalties within {rule.penalties_within_days} days, fewer than {rule.min_penalties}",
        None,
    )


@dataclass(frozen=True)
class Grade:
    grade: str
    label_zh: str
    score: int
    reasons: tuple[str, ...]
    label_en: str = ""


def grade(config: Mapping[str, Any], *, on: dt.date, events: Sequence[tuple[str, dt.date]]) -> Grade:
    """The integrity grade on `on` from (kind, date) events, by the configured deductions and bands."""
    score = int(config["start"])
    reasons = []
    for rule in config["deductions"]:
        window_start = on - dt.timedelta(days=int(rule["window_days"]))
        hits = [d for kind, d in events if kind == rule["kind"] and window_start <= d <= on]
        if hits:
            score -= int(rule["points"]) * len(hits)
            reasons.append(f"{rule['kind']} × {len(hits)} (−{int(rule['points']) * len(hits)})")
    band = next(b for b in config["bands"] if score >= int(b["min"]))
    return Grade(
        str(band["grade"]), str(band["label_zh"]), score, tuple(reasons), str(band.get("label_en", band["label_zh"]))
    )
