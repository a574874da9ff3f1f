"""累计计算 and 二年内再犯 from the rule data (`aggregation`): pure functions, no Django.

The platform finds a party's other open cases and its earlier penalties; this module decides
which rule applies to an offence on a date, which figures are summed (each metric separately),
and which offences belong to the same repeat group. Every answer names its source.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from ipshield.screening.engine.rules import Offence, RuleBook

# How many marks or patents a party copied (种/项), or how many earlier penalties it had, is not a
# quantity of conduct: two cases about the same single trademark are not "two kinds". Everything
# else that is an amount or a count is summed.
NOT_SUMMED = frozenset({"trademark_kinds", "patents_count", "tobacco_admin_penalties_within_3y"})
SUMMED_KINDS = frozenset({"amount", "count"})
PRIOR_PENALTY_METRIC = "prior_penalty_within_2y"
REPEAT_WINDOW_DAYS = 730  # 二年内


@dataclass(frozen=True)
class CumulativeRule:
    source: str
    articles: frozenset[str]
    valid_from: dt.date | None
    valid_to: dt.date | None
    text: str
    confidence: str

    def in_force_on(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day < self.valid_to)


@dataclass(frozen=True)
class RepeatGroup:
    articles: frozenset[str]
    source: str
    confidence: str


def _date(value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def articles_in(text: str) -> frozenset[str]:
    """'arts.213-219之一 (…)' → {'213', …, '219', '219之一'}; 'arts.140-148' → {'140', …, '148'}."""
    found: set[str] = set()
    for start, end, suffix in re.findall(r"(\d+)(?:\s*[-–]\s*(\d+))?(之一)?", text):
        first, last = int(start), int(end or start)
        found.update(str(n) for n in range(first, last + 1))
        if suffix:
            found.add(f"{last}之一")
    return frozenset(found)


def offence_articles(offence: Offence) -> frozenset[str]:
    """'刑法第219条之一' → {'219之一'}; '刑法第213条' → {'213'}."""
    match = re.search(r"第(\d+)条(之一)?", offence.article)
    if match is None:
        return frozenset()
    return frozenset({match.group(1) + (match.group(2) or "")})


def cumulative_rules(document: Mapping[str, Any]) -> tuple[CumulativeRule, ...]:
    section = ((document.get("aggregation") or {}).get("cumulative") or {}).get("versions") or []
    return tuple(
        CumulativeRule(
            source=str(v.get("source", "")),
            articles=articles_in(str(v.get("applies_to", ""))),
            valid_from=_date(v.get("valid_from")),
            valid_to=_date(v.get("valid_to")),
            text=str(v.get("text", "")),
            confidence=str(v.get("confidence", "")),
        )
        for v in section
    )


def repeat_groups(document: Mapping[str, Any]) -> tuple[RepeatGroup, ...]:
    section = ((document.get("aggregation") or {}).get("repeat_within_2y") or {}).get("groups") or []
    return tuple(
        RepeatGroup(
            articles=frozenset(str(a) for a in g.get("articles") or []),
            source=str(g.get("source", "")),
            confidence=str(g.get("confidence", "")),
        )
        for g in section
    )


@lru_cache(maxsize=8)  # a rule book is immutable: parse its aggregation section once
def _cumulative_rules_of(rulebook: RuleBook) -> tuple[CumulativeRule, ...]:
    return cumulative_rules(rulebook.document)


def cumulative_rule_for(rulebook: RuleBook, offence_id: str, day: dt.date) -> CumulativeRule | None:
    """The summing rule for this offence's conduct on `day`, or None (nothing is summed)."""
    offence = rulebook.offences.get(offence_id)
    if offence is None:
        return None
    articles = offence_articles(offence)
    for rule in _cumulative_rules_of(rulebook):
        if articles & rule.articles and rule.in_force_on(day):
            return rule
    return None


def repeat_group_for(rulebook: RuleBook, offence_id: str) -> RepeatGroup | None:
    offence = rulebook.offences.get(offence_id)
    if offence is None:
        return None
    articles = offence_articles(offence)
    return next((g for g in repeat_groups(rulebook.document) if articles & g.articles), None)


@lru_cache(maxsize=256)
def same_repeat_group(rulebook: RuleBook, offence_id: str) -> frozenset[str]:
    """The offence ids whose earlier penalty makes conduct of `offence_id` a repeat (its own included)."""
    group = repeat_group_for(rulebook, offence_id)
    if group is None:
        return frozenset()
    return frozenset(o.id for o in rulebook.offences.values() if offence_articles(o) & group.articles)


@lru_cache(maxsize=8)
def summed_metrics(rulebook: RuleBook) -> frozenset[str]:
    return frozenset(m.name for m in rulebook.metrics.values() if m.kind in SUMMED_KINDS and m.name not in NOT_SUMMED)


def _number(value: object) -> Decimal | None:
    if isinstance(value, bool) or value in (None, ""):
        return None
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() and number >= 0 else None


def sum_figures(
    rulebook: RuleBook, own: Mapping[str, object], others: Iterable[Mapping[str, object]]
) -> tuple[dict[str, object], dict[str, Decimal]]:
    """The case's own facts with every summed metric replaced by its total over all the cases
    (分别累计计算: each metric on its own). Flags and kinds stay the case's own. Returns
    (facts to screen, the totals that changed)."""
    summable = summed_metrics(rulebook)
    totals: dict[str, Decimal] = {}
    for figures in (own, *others):
        for metric, value in figures.items():
            number = _number(value) if metric in summable else None
            if number is not None:
                totals[metric] = totals.get(metric, Decimal(0)) + number
    facts: dict[str, object] = dict(own)
    facts.update(totals)
    return facts, totals
