"""Screen facts against the criminal-prosecution thresholds (ARCHITECTURE §4).

- The version in force on the conduct date applies. Where the version in force on the handling
  date differs, the case is suspected only if it meets both (从旧兼从轻: 刑法第12条;
  高检发释字〔2001〕5号 第3条): for these facts that is exactly the more favourable version.
  Conduct before the first version is judged by the handling-date version (同规定 第2条).
- 以上 includes the number (`>=`, 立案追诉标准(二) 第91条).
- Amounts at ≥ 80 % of a threshold are reported as near misses (同规定 第88条).
- No verified threshold, or facts missing for every trigger → `undetermined`, with the reason.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from types import MappingProxyType

from ipshield.screening.engine.expressions import Value
from ipshield.screening.engine.rules import Offence, RuleBook, Trigger, Version


class Outcome(StrEnum):
    SUSPECTED_CRIME = "suspected_crime"
    BELOW_THRESHOLD = "below_threshold"
    UNDETERMINED = "undetermined"


# Order for combining two versions: the outcome more favourable to the suspect wins.
_FAVOURABILITY = {Outcome.BELOW_THRESHOLD: 0, Outcome.UNDETERMINED: 1, Outcome.SUSPECTED_CRIME: 2}


class UnknownOffenceError(KeyError):
    pass


# Larger than any figure a case can carry (10^15 yuan or items); beyond it Decimal arithmetic and
# the explanation's formatting would overflow, so such input is refused, not screened.
MAX_FIGURE = Decimal(10) ** 15

FACT_REASONS: dict[str, tuple[str, str]] = {
    "unknown metric": ("未知的指标", "unknown metric"),
    "computed": ("由其他指标计算得出，不能直接填写", "is computed from other facts and cannot be entered"),
    "flag": ("应为“是”或“否”", "must be true or false"),
    "number": ("应为数字", "must be a number"),
    "finite": ("应为不小于0的有限数值", "must be a finite number ≥ 0"),
    "whole": ("应为整数", "must be a whole number"),
    "too large": ("超出可受理的范围（不超过10^15）", "is larger than any figure a case can carry (at most 10^15)"),
}


class FactError(ValueError):
    """A fact is not a known input metric or has the wrong type; `metric` names it, `code` says why
    (a key of FACT_REASONS, with the reason in Chinese and English)."""

    def __init__(self, metric: str, code: str) -> None:
        self.metric = metric
        self.code = code
        self.reason_zh, self.reason = FACT_REASONS[code]
        super().__init__(f"{metric}: {self.reason}")


@dataclass(frozen=True)
class Facts:
    offence: str
    conduct_date: dt.date
    handling_date: dt.date
    values: Mapping[str, Value] = field(default_factory=lambda: MappingProxyType({}))

    @classmethod
    def build(
        cls,
        rulebook: RuleBook,
        *,
        offence: str,
        conduct_date: dt.date,
        handling_date: dt.date,
        values: Mapping[str, object],
    ) -> Facts:
        """Validated facts: unknown offence or metric, wrong type or negative amount → error."""
        if offence not in rulebook.offences:
            raise UnknownOffenceError(offence)
        clean: dict[str, Value] = {}
        for name, raw in values.items():
            metric = rulebook.metrics.get(name)
            if metric is None:
                raise FactError(name, "unknown metric")
            if metric.kind == "computed":
                raise FactError(name, "computed")
            if raw is None:
                continue
            if metric.kind == "flag":
                if not isinstance(raw, bool):
                    raise FactError(name, "flag")
                clean[name] = raw
                continue
            if isinstance(raw, bool) or not isinstance(raw, int | float | Decimal | str):
                raise FactError(name, "number")
            try:
                number = Decimal(str(raw))
            except ArithmeticError as exc:
                raise FactError(name, "number") from exc
            if not number.is_finite() or number < 0:
                raise FactError(name, "finite")
            if number > MAX_FIGURE:
                raise FactError(name, "too large")
            if metric.kind == "count" and number != number.to_integral_value():
                raise FactError(name, "whole")
            clean[name] = number
        # A plain dict (not a MappingProxy): read tens of times per screening; never mutated after this.
        return cls(offence, conduct_date, handling_date, clean)


@dataclass(frozen=True)
class Hit:
    rule_id: str
    article: str
    version: str
    sources: tuple[str, ...]
    metric: str
    operator: str
    value: Value
    threshold: Value
    confidence: str
    conditions: str

    @property
    def ratio(self) -> Decimal | None:
        if isinstance(self.value, Decimal) and isinstance(self.threshold, Decimal) and self.threshold:
            return self.value / self.threshold
        return None


@dataclass(frozen=True)
class VersionResult:
    version: Version
    outcome: Outcome
    hits: tuple[Hit, ...]
    unverified_hits: tuple[Hit, ...]
    near_threshold: tuple[Hit, ...]
    missing: tuple[str, ...]
    reason: str  # machine code of why undetermined / below


@dataclass(frozen=True)
class Screening:
    offence: Offence
    facts: Facts
    outcome: Outcome
    results: tuple[VersionResult, ...]  # conduct-date version first
    rule_note: str  # "", "lenient_later_version", "no_conduct_version", "no_version"

    @property
    def hits(self) -> tuple[Hit, ...]:
        return tuple(h for r in self.results for h in r.hits)

    @property
    def near_threshold(self) -> tuple[Hit, ...]:
        return tuple(h for r in self.results for h in r.near_threshold)

    @property
    def rule_version(self) -> str:
        return " + ".join(r.version.label for r in self.results) or f"{self.offence.id}@none"

    @property
    def missing(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for result in self.results:
            seen.update(dict.fromkeys(result.missing))
        return tuple(seen)


def _trigger_value(trigger: Trigger, values: Mapping[str, Value]) -> Value | None:
    if trigger.formula is None:
        return values.get(trigger.metric)
    if not any(name in values for name in trigger.inputs):
        return None
    result: Value = trigger.formula.function(values)
    return result


def _hit(offence: Offence, version: Version, trigger: Trigger, value: Value) -> Hit:
    return Hit(
        rule_id=trigger.rule_id,
        article=offence.article,
        version=version.label,
        sources=version.sources,
        metric=trigger.metric,
        operator=trigger.operator,
        value=value,
        threshold=trigger.threshold,
        confidence=trigger.confidence,
        conditions=trigger.conditions,
    )


def evaluate_version(offence: Offence, version: Version, facts: Facts) -> VersionResult:
    values = facts.values
    get = values.get
    conduct_date = facts.conduct_date
    hits: list[Hit] = []
    unverified: list[Hit] = []
    near: list[Hit] = []
    missing_triggers: list[Trigger] = []
    evaluated = 0
    for trigger in version.triggers:
        if trigger.applies_from is not None and conduct_date < trigger.applies_from:
            continue
        if trigger.when is not None and not trigger.when.function(values):
            continue
        value = get(trigger.metric) if trigger.formula is None else _trigger_value(trigger, values)
        if value is None:
            missing_triggers.append(trigger)
            continue
        evaluated += 1
        if trigger.compare(value, trigger.threshold):
            (hits if trigger.verified else unverified).append(_hit(offence, version, trigger, value))
        elif trigger.near_floor is not None and isinstance(value, Decimal) and value >= trigger.near_floor:
            near.append(_hit(offence, version, trigger, value))
    missing: dict[str, None] = {}
    for trigger in missing_triggers:
        missing.update(trigger.missing_when_absent)
    missing_names = tuple(name for name in missing if name not in values)
    if hits:
        outcome, reason = Outcome.SUSPECTED_CRIME, "threshold_met"
    elif unverified:
        outcome, reason = Outcome.UNDETERMINED, "only_unverified_thresholds_met"
    elif not version.has_verified_thresholds:
        outcome, reason = Outcome.UNDETERMINED, "version_unverified"
    elif evaluated == 0:
        outcome, reason = Outcome.UNDETERMINED, "facts_missing"
    else:
        outcome, reason = Outcome.BELOW_THRESHOLD, "below_all_thresholds"
    return VersionResult(version, outcome, tuple(hits), tuple(unverified), tuple(near), missing_names, reason)


def screen(rulebook: RuleBook, facts: Facts) -> Screening:
    """The screening of one case's facts for one offence."""
    offence = rulebook.offences.get(facts.offence)
    if offence is None:
        raise UnknownOffenceError(facts.offence)
    conduct_version = offence.version_on(facts.conduct_date)
    handling_version = offence.version_on(facts.handling_date)
    note = ""
    if conduct_version is None:
        if handling_version is None:
            return Screening(offence, facts, Outcome.UNDETERMINED, (), "no_version")
        conduct_version, handling_version, note = handling_version, None, "no_conduct_version"
    results = [evaluate_version(offence, conduct_version, facts)]
    if handling_version is not None and handling_version is not conduct_version:
        results.append(evaluate_version(offence, handling_version, facts))
        note = "later_version_compared"
    outcome = min((r.outcome for r in results), key=_FAVOURABILITY.__getitem__)
    return Screening(offence, facts, outcome, tuple(results), note)
