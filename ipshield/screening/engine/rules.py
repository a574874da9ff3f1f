"""Rule data: offences, versions by date, triggers, each keeping its source and confidence.

Built from a YAML document (the project's copy of shared/reference/legal-rules.yaml, plus any
versions an administrator loaded later). `RuleBook.from_document` validates everything and
refuses with a list of reasons; nothing here imports Django.
"""

from __future__ import annotations

import copy
import datetime as dt
import operator
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from typing import Any

from ipshield.screening.engine.expressions import Compiled, ExpressionError, compile_expression

OPERATORS = (">=", ">", "==", "<=", "<")
_COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    ">=": operator.ge,
    ">": operator.gt,
    "==": operator.eq,
    "<=": operator.le,
    "<": operator.lt,
}
# 立案追诉标准(二) 第88条: "虽未达到上述数额标准" means at least 80 % of the amount.
NEAR_THRESHOLD_RATIO = Decimal("0.8")
CONFIDENCES = ("confirmed", "secondary", "recalled")
VERIFIED_CONFIDENCES = frozenset({"confirmed", "secondary"})
UNVERIFIED_VERSION_STATUSES = frozenset({"unverified", "placeholder", "pending", "recalled"})
METRIC_KINDS = ("amount", "count", "flag", "computed")


class RuleDataError(ValueError):
    """Rule data refused; `problems` lists every reason found."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Metric:
    name: str
    kind: str
    label_zh: str
    label_en: str

    @property
    def is_amount(self) -> bool:
        return self.kind == "amount"


@dataclass(frozen=True)
class Source:
    key: str
    title: str
    number: str


@dataclass(frozen=True, eq=False)
class Trigger:
    rule_id: str
    metric: str
    operator: str
    threshold: Decimal | bool
    confidence: str
    conditions: str
    formula: Compiled | None
    when: Compiled | None
    applies_from: dt.date | None
    sub_rule: str | None
    inputs: frozenset[str]
    # Precomputed for the hot path (screening runs tens of thousands of times a second).
    compare: Callable[[Any, Any], bool] = field(default=_COMPARE[">="], compare=False)
    near_floor: Decimal | None = field(default=None, compare=False)  # 80 % of an amount threshold
    verified: bool = field(default=True, compare=False)
    missing_when_absent: dict[str, None] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "compare", _COMPARE[self.operator])
        object.__setattr__(self, "verified", self.confidence in VERIFIED_CONFIDENCES)
        object.__setattr__(self, "missing_when_absent", dict.fromkeys(sorted(self.inputs)))
        if self.operator in (">=", ">") and self.metric.endswith("_yuan") and isinstance(self.threshold, Decimal):
            object.__setattr__(self, "near_floor", self.threshold * NEAR_THRESHOLD_RATIO)


@dataclass(frozen=True, eq=False)
class Version:
    offence_id: str
    valid_from: dt.date
    valid_to: dt.date | None
    sources: tuple[str, ...]
    status: str
    conditions_all: str
    triggers: tuple[Trigger, ...]

    @property
    def label(self) -> str:
        return f"{self.offence_id}@{self.valid_from.isoformat()}"

    def in_force_on(self, day: dt.date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day < self.valid_to)

    @cached_property
    def has_verified_thresholds(self) -> bool:
        return self.status not in UNVERIFIED_VERSION_STATUSES and any(t.verified for t in self.triggers)


@dataclass(frozen=True, eq=False)
class Offence:
    id: str
    article: str
    name_zh: str
    name_en: str
    versions: tuple[Version, ...]

    def version_on(self, day: dt.date) -> Version | None:
        for version in self.versions:
            if version.in_force_on(day):
                return version
        return None


@dataclass(frozen=True, eq=False)
class RuleBook:
    offences: Mapping[str, Offence]
    metrics: Mapping[str, Metric]
    sources: Mapping[str, Source]
    document: Mapping[str, Any] = field(repr=False)

    @cached_property
    def amount_metrics(self) -> frozenset[str]:
        return frozenset(m.name for m in self.metrics.values() if m.is_amount)

    def source_label(self, reference: str) -> str:
        """'fashi_2025_5 art.3' → '法释〔2025〕5号 art.3'."""
        key, _, rest = reference.partition(" ")
        source = self.sources.get(key)
        if source is None:
            return reference
        name = source.number or source.title
        return f"{name} {rest}".strip()

    @classmethod
    def from_document(cls, document: Mapping[str, Any]) -> RuleBook:
        return _build(document)


def _as_date(value: Any, where: str, problems: list[str]) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        problems.append(f"{where}: {value!r} is not a date (YYYY-MM-DD)")
        return None


def _flatten_sub_rules(version: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Art.225-style versions hold `sub_rules`; each applies when its `<name>_case` flag is set."""
    triggers = [dict(t) for t in version.get("triggers") or []]
    for name, sub in (version.get("sub_rules") or {}).items():
        for trigger in sub.get("triggers") or []:
            flat = dict(trigger)
            guard = f"{name}_case == true"
            flat["when"] = f"({flat['when']}) and {guard}" if flat.get("when") else guard
            flat["sub_rule"] = name
            triggers.append(flat)
    return triggers


def _build(document: Mapping[str, Any]) -> RuleBook:
    problems: list[str] = []
    metrics: dict[str, Metric] = {}
    for name, spec in (document.get("metrics") or {}).items():
        kind = (spec or {}).get("kind")
        if kind not in METRIC_KINDS:
            problems.append(f"metric {name}: kind must be one of {', '.join(METRIC_KINDS)}")
            continue
        metrics[name] = Metric(name, kind, str(spec.get("label_zh", name)), str(spec.get("label_en", name)))
    if not metrics:
        problems.append("the rule data has no `metrics` catalogue")
    sources: dict[str, Source] = {}
    for key, spec in (document.get("sources") or {}).items():
        spec = spec or {}
        sources[key] = Source(key, str(spec.get("title", key)), str(spec.get("number", "")))

    offences: dict[str, Offence] = {}
    for raw_offence in document.get("offences") or []:
        offence_id = str(raw_offence.get("id") or "")
        if not offence_id:
            problems.append("an offence has no id")
            continue
        if offence_id in offences:
            problems.append(f"offence {offence_id}: listed twice")
            continue
        versions: list[Version] = []
        for index, raw_version in enumerate(raw_offence.get("versions") or []):
            where = f"{offence_id} version {index + 1}"
            valid_from = _as_date(raw_version.get("valid_from"), f"{where} valid_from", problems)
            valid_to = _as_date(raw_version.get("valid_to"), f"{where} valid_to", problems)
            if valid_from is None:
                problems.append(f"{where}: valid_from is required")
                continue
            where = f"{offence_id}@{valid_from.isoformat()}"
            if valid_to is not None and valid_to <= valid_from:
                problems.append(f"{where}: valid_to {valid_to} is not after valid_from")
            version_sources = tuple(str(s) for s in raw_version.get("sources") or [])
            if not version_sources:
                problems.append(f"{where}: no source document (sources) is named")
            for reference in version_sources:
                if reference.split(" ", 1)[0] not in sources:
                    problems.append(f"{where}: source {reference.split(' ', 1)[0]!r} is not in `sources`")
            raw_triggers = _flatten_sub_rules(raw_version)
            if not raw_triggers:
                problems.append(f"{where}: no triggers")
            triggers: list[Trigger] = []
            for t_index, raw in enumerate(raw_triggers):
                rule_id = f"{where}#{t_index + 1}"
                metric = str(raw.get("metric") or "")
                op = str(raw.get("operator") or "")
                confidence = str(raw.get("confidence") or "")
                if op not in OPERATORS:
                    problems.append(f"{rule_id}: operator {op!r} is not one of {' '.join(OPERATORS)}")
                    continue
                if confidence not in CONFIDENCES:
                    problems.append(f"{rule_id}: confidence {confidence!r} is not one of {', '.join(CONFIDENCES)}")
                formula = when = None
                try:
                    if raw.get("formula"):
                        formula = compile_expression(str(raw["formula"]))
                    if raw.get("when"):
                        when = compile_expression(str(raw["when"]))
                except ExpressionError as exc:
                    problems.append(f"{rule_id}: {exc}")
                    continue
                referenced = set(formula.names if formula else {metric}) | set(when.names if when else ())
                unknown = sorted(n for n in referenced if n not in metrics)
                if unknown:
                    problems.append(f"{rule_id}: unknown metric {', '.join(unknown)}")
                    continue
                raw_value = raw.get("value")
                if isinstance(raw_value, bool):
                    threshold: Decimal | bool = raw_value
                    if formula is None and metrics[metric].kind != "flag":
                        problems.append(f"{rule_id}: {metric} is a number but the threshold is true/false")
                elif isinstance(raw_value, int | float | Decimal) or (
                    isinstance(raw_value, str) and raw_value.replace(".", "", 1).isdigit()
                ):
                    threshold = Decimal(str(raw_value))
                    if formula is None and metrics[metric].kind == "flag":
                        problems.append(f"{rule_id}: {metric} is a flag but the threshold is a number")
                else:
                    problems.append(f"{rule_id}: value {raw_value!r} is not a number or true/false")
                    continue
                triggers.append(
                    Trigger(
                        rule_id=rule_id,
                        metric=metric,
                        operator=op,
                        threshold=threshold,
                        confidence=confidence,
                        conditions=str(raw.get("conditions") or ""),
                        formula=formula,
                        when=when,
                        applies_from=_as_date(raw.get("applies_from"), f"{rule_id} applies_from", problems),
                        sub_rule=raw.get("sub_rule"),
                        inputs=frozenset(formula.names if formula else {metric}),
                    )
                )
            versions.append(
                Version(
                    offence_id=offence_id,
                    valid_from=valid_from,
                    valid_to=valid_to,
                    sources=version_sources,
                    status=str(raw_version.get("status") or ""),
                    conditions_all=str(raw_version.get("conditions_all") or raw_version.get("conditions") or ""),
                    triggers=tuple(triggers),
                )
            )
        versions.sort(key=lambda v: v.valid_from)
        for earlier, later in zip(versions, versions[1:], strict=False):
            if earlier.valid_to is None or earlier.valid_to > later.valid_from:
                problems.append(
                    f"{offence_id}: versions overlap ({earlier.label} runs past {later.valid_from.isoformat()})"
                )
        if not versions:
            problems.append(f"offence {offence_id}: no versions")
        offences[offence_id] = Offence(
            id=offence_id,
            article=str(raw_offence.get("article") or ""),
            name_zh=str(raw_offence.get("name_zh") or offence_id),
            name_en=str(raw_offence.get("name_en") or offence_id),
            versions=tuple(versions),
        )
    if problems:
        raise RuleDataError(problems)
    return RuleBook(offences=offences, metrics=metrics, sources=sources, document=document)


def merge_documents(base: Mapping[str, Any], amendment: Mapping[str, Any]) -> dict[str, Any]:
    """A new rule document: `amendment` adds versions (and optionally metrics, sources, offences).

    A new version closes the open-ended version before it at its own valid_from; any other
    overlap is left in place so that validation refuses it.
    """
    merged = copy.deepcopy(dict(base))
    merged.setdefault("metrics", {}).update(copy.deepcopy(dict(amendment.get("metrics") or {})))
    merged.setdefault("sources", {}).update(copy.deepcopy(dict(amendment.get("sources") or {})))
    by_id = {o["id"]: o for o in merged.setdefault("offences", [])}
    for raw in amendment.get("offences") or []:
        raw = copy.deepcopy(dict(raw))
        target = by_id.get(raw.get("id"))
        if target is None:
            merged["offences"].append(raw)
            by_id[raw.get("id")] = raw
            continue
        for new_version in raw.get("versions") or []:
            new_from = new_version.get("valid_from")
            for old in target["versions"]:
                if (
                    old.get("valid_to") is None
                    and old.get("valid_from") is not None
                    and new_from is not None
                    and str(old["valid_from"]) < str(new_from)
                ):
                    old["valid_to"] = new_from
            target["versions"].append(new_version)
    return merged


def known_inputs(rulebook: RuleBook) -> Iterable[str]:
    return rulebook.metrics.keys()
