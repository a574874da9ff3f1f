"""Django adapter of the screening engine: the current rule book and rule amendments."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import threading
import time
from collections.abc import Mapping
from decimal import Decimal
from functools import lru_cache
from typing import Any

import yaml
from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.utils.translation import get_language

from ipshield.core.audit import audit_record
from ipshield.screening.engine import (
    FactError,
    Facts,
    RuleBook,
    RuleDataError,
    Screening,
    explain,
    merge_documents,
    screen,
)
from ipshield.screening.models import RuleAmendment

_lock = threading.Lock()
_cache: dict[str, Any] = {"key": None, "rulebook": None, "checked": 0.0}
# Labels (offence and metric names on a page of 25 rows) may lag an amendment by this long; a
# screening decision always asks current_rulebook() itself.
LABELS_STALE_SECONDS = 2.0


@lru_cache(maxsize=1)
def base_document() -> dict[str, Any]:
    with open(settings.IPSHIELD_RULES_FILE, encoding="utf-8") as handle:
        document: dict[str, Any] = yaml.safe_load(handle)
    return document


def _document_with(amendments: list[str]) -> dict[str, Any]:
    document = base_document()
    for text in amendments:
        document = merge_documents(document, yaml.safe_load(text))
    return document


def current_rulebook() -> RuleBook:
    """The shipped rule data plus every amendment, rebuilt only when an amendment was added."""
    key = RuleAmendment.objects.aggregate(latest=Max("id"))["latest"]
    with _lock:
        if _cache["rulebook"] is not None and _cache["key"] == key:
            return _cache["rulebook"]  # type: ignore[no-any-return]
        texts = list(RuleAmendment.objects.order_by("id").values_list("document", flat=True)) if key else []
        rulebook = RuleBook.from_document(_document_with(texts))
        _cache.update(key=key, rulebook=rulebook, checked=time.monotonic())
        return rulebook


def labels_rulebook() -> RuleBook:
    """The rule book for showing names: current_rulebook() at most once per LABELS_STALE_SECONDS
    (one SELECT MAX per label made a 25-row page cost 100 statements)."""
    with _lock:
        cached = _cache["rulebook"]
        if cached is not None and time.monotonic() - _cache["checked"] < LABELS_STALE_SECONDS:
            return cached  # type: ignore[no-any-return]
    rulebook = current_rulebook()
    with _lock:
        _cache["checked"] = time.monotonic()
    return rulebook


def parse_amendment(text: str) -> dict[str, Any]:
    try:
        document = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise RuleDataError([f"not valid YAML: {exc}"]) from exc
    if not isinstance(document, dict) or not document.get("offences"):
        raise RuleDataError(["the document must have an `offences` list"])
    for offence in document["offences"]:
        for version in offence.get("versions") or []:
            if not version.get("valid_from"):
                raise RuleDataError([f"{offence.get('id')}: every version needs valid_from (its effective date)"])
    return document


def rule_amendment_load(*, actor: Any, text: str, note: str = "") -> RuleAmendment:
    """Validate a YAML amendment against the current rules and store it; audited.

    Refused (RuleDataError with every reason) for unknown metrics, overlapping dates, a version
    without a source, a malformed expression, ...
    """
    amendment = parse_amendment(text)
    with transaction.atomic():
        existing = list(RuleAmendment.objects.select_for_update().order_by("id").values_list("document", flat=True))
        merged = merge_documents(_document_with(existing), amendment)
        RuleBook.from_document(merged)  # validation: raises RuleDataError
        summary = {
            "versions": [f"{o['id']}@{v['valid_from']}" for o in amendment["offences"] for v in o.get("versions") or []]
        }
        record = RuleAmendment.objects.create(
            loaded_by=actor if getattr(actor, "is_authenticated", False) else None,
            note=note[:255],
            document=text,
            sha256=hashlib.sha256(text.encode()).hexdigest(),
            summary=summary,
        )
        audit_record(actor=actor, action="screening.rules.load", target=record, after={"note": note, **summary})
    with _lock:
        _cache["checked"] = 0.0  # this process shows the new names at once
    return record


def run_screening(
    *, offence: str, conduct_date: dt.date, handling_date: dt.date, values: Mapping[str, object]
) -> tuple[RuleBook, Screening]:
    rulebook = current_rulebook()
    facts = Facts.build(
        rulebook, offence=offence, conduct_date=conduct_date, handling_date=handling_date, values=values
    )
    return rulebook, screen(rulebook, facts)


def json_number(value: Any) -> Any:
    if isinstance(value, bool) or value is None:
        return value
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def screening_as_dict(rulebook: RuleBook, screening: Screening, *, language: str) -> dict[str, Any]:
    """The API/JSON form of a screening (ARCHITECTURE §6)."""

    def hit(h: Any) -> dict[str, Any]:
        return {
            "rule_id": h.rule_id,
            "article": h.article,
            "rule_version": h.version,
            "source": "；".join(rulebook.source_label(s) for s in h.sources),
            "sources": list(h.sources),
            "metric": h.metric,
            "operator": h.operator,
            "value": json_number(h.value),
            "threshold": json_number(h.threshold),
            "confidence": h.confidence,
            "conditions": h.conditions,
        }

    explanations = explain(rulebook, screening)
    return {
        "offence": screening.offence.id,
        "outcome": screening.outcome.value,
        "hits": [hit(h) for h in screening.hits],
        "near_threshold": [hit(h) for h in screening.near_threshold],
        "rule_version": screening.rule_version,
        "explanation": explanations["en" if language.startswith("en") else "zh-hans"],
        "explanations": explanations,
        "missing": list(screening.missing),
        "conduct_date": screening.facts.conduct_date.isoformat(),
        "handling_date": screening.facts.handling_date.isoformat(),
    }


def legal_period(rule_id: str) -> tuple[Any, Any]:
    """(period, extension) of a `handling_deadlines` entry of the rule data."""
    from ipshield.core.deadlines import Period, Unit

    for entry in base_document().get("handling_deadlines") or []:
        if entry.get("id") == rule_id:
            spec = entry["deadline"]
            unit = Unit(spec["unit"])
            extension = spec.get("extension") or spec.get("extendable_to")
            return Period(int(spec["value"]), unit), Period(int(extension or 0), unit)
    raise KeyError(rule_id)


def article_label(article: str) -> str:
    """刑法第140条 in Chinese; "Criminal Law art. 140" in English (之一 → "-1")."""
    if not _english():
        return article
    found = re.fullmatch(r"刑法第(\d+)条(之一)?", article.strip())
    if found is None:
        return article
    return f"Criminal Law art. {found.group(1)}{'-1' if found.group(2) else ''}"


def offence_choices() -> list[tuple[str, str]]:
    """(id, "article name") in the reader's language, for forms and filters (call per request)."""
    rulebook = current_rulebook()
    english = _english()
    return [
        (o.id, f"{article_label(o.article)} {o.name_en if english else o.name_zh}") for o in rulebook.offences.values()
    ]


def offence_inputs(offence_id: str) -> list[Any]:
    """The input metrics an offence's triggers read (amounts, then counts, then flags)."""
    rulebook = current_rulebook()
    offence = rulebook.offences.get(offence_id)
    if offence is None:
        return []
    names: dict[str, None] = {}
    for version in offence.versions:
        for trigger in version.triggers:
            names.update(dict.fromkeys(sorted(trigger.inputs)))
            if trigger.when is not None:
                names.update(dict.fromkeys(sorted(trigger.when.names)))
    order = {"amount": 0, "count": 1, "flag": 2}
    metrics = [rulebook.metrics[n] for n in names if n in rulebook.metrics and rulebook.metrics[n].kind != "computed"]
    return sorted(metrics, key=lambda m: order.get(m.kind, 3))


def offence_label(offence_id: str) -> str:
    offence = labels_rulebook().offences.get(offence_id)
    if offence is None:
        return offence_id
    return f"{article_label(offence.article)} {offence.name_en if _english() else offence.name_zh}"


def facts_for_display(facts: Mapping[str, Any], *, english: bool) -> list[tuple[str, str]]:
    """(label, formatted value) for a case's figures, in the user's language."""
    from ipshield.screening.engine.explain import format_value

    metrics = current_rulebook().metrics
    rows = []
    for name, value in facts.items():
        metric = metrics.get(name)
        label = (metric.label_en if english else metric.label_zh) if metric else name
        shown = value if isinstance(value, bool) else Decimal(str(value))
        text = format_value(shown)
        if english and isinstance(value, bool):
            text = "yes" if value else "no"
        rows.append((label, text))
    return rows


def transfer_period(step_id: str, key: str | None = None) -> Any:
    """The deadline of a `transfer_deadlines` step of the rule data (国务院令第310号)."""
    from ipshield.core.deadlines import Period, Unit

    for step in base_document()["transfer_deadlines"]["steps"]:
        if step.get("id") == step_id:
            spec = step["deadline"][key] if key else step["deadline"]
            return Period(int(spec["value"]), Unit(spec["unit"]))
    raise KeyError(step_id)


def _english() -> bool:
    return (get_language() or "zh-hans").startswith("en")


def metric_label(name: str) -> str:
    """A metric's label in the reader's language (its id only when the rule data has no such metric)."""
    metric = labels_rulebook().metrics.get(name)
    if metric is None:
        return name
    return metric.label_en if _english() else metric.label_zh


def fact_reason(error: FactError) -> str:
    """Why a figure was refused, in the reader's language."""
    return error.reason if _english() else error.reason_zh


def rule_version_label(version_id: str) -> str:
    """ "counterfeit_registered_trademark@2025-04-26#2" → its source documents and start date in
    the reader's language (法释〔2025〕5号，2025年4月26日起). The id stays in the API and the audit."""
    offence_id, _sep, rest = str(version_id).partition("@")
    offence = current_rulebook().offences.get(offence_id)
    day_text = rest[:10]
    try:
        day = dt.date.fromisoformat(day_text)
    except ValueError:
        return str(version_id)
    version = next((v for v in offence.versions if v.valid_from == day), None) if offence else None
    rulebook = current_rulebook()
    names = dict.fromkeys(rulebook.source_label(s).split(" ")[0] for s in version.sources) if version else {}
    sources = (", " if _english() else "、").join(names)
    if _english():
        return f"{sources or offence_id}, from {day.isoformat()}"
    return f"{sources or offence_id}，{day.year}年{day.month}月{day.day}日起"
