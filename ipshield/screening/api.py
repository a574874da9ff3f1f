"""POST /api/v1/screening: stateless screening, no authentication (ARCHITECTURE §6)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja import Router, Schema

from ipshield.core.api import ApiError, ErrorResponse
from ipshield.core.inputs import Date
from ipshield.screening.engine import FactError, UnknownOffenceError
from ipshield.screening.services import fact_reason, metric_label, run_screening, screening_as_dict

router = Router(tags=["screening"])


class ScreeningRequest(Schema):
    offence: str
    conduct_date: Date
    handling_date: Date | None = None
    facts: dict[str, float | int | bool | None] = {}


class HitOut(Schema):
    rule_id: str
    article: str
    rule_version: str
    source: str
    sources: list[str]
    metric: str
    operator: str
    value: float | int | bool
    threshold: float | int | bool
    confidence: str
    conditions: str


class ScreeningResponse(Schema):
    offence: str
    outcome: str
    hits: list[HitOut]
    near_threshold: list[HitOut]
    rule_version: str
    explanation: str
    explanations: dict[str, str]
    missing: list[str]
    conduct_date: dt.date
    handling_date: dt.date


def _raw_facts(request: HttpRequest) -> dict[str, Any]:
    # Keep JSON booleans as booleans: pydantic would coerce true → 1.0 in a float|bool union.
    import json

    try:
        body = json.loads(request.body or b"{}")
    except ValueError:
        return {}
    facts = body.get("facts") if isinstance(body, dict) else None
    return facts if isinstance(facts, dict) else {}


@router.post(
    "",
    response={200: ScreeningResponse, 422: ErrorResponse},
    auth=None,
    summary="Screen facts against the criminal-prosecution thresholds",
)
def screening_create(request: HttpRequest, payload: ScreeningRequest) -> Any:
    handling = payload.handling_date or timezone.localdate()
    if handling < payload.conduct_date:
        raise ApiError(
            422,
            "validation_error",
            _("处理日期不能早于行为日期。"),
            {"handling_date": [_("处理日期不能早于行为日期。")]},
        )
    try:
        rulebook, screening = run_screening(
            offence=payload.offence,
            conduct_date=payload.conduct_date,
            handling_date=handling,
            values=_raw_facts(request),
        )
    except UnknownOffenceError as exc:
        message = _("未知的罪名代码：%(offence)s") % {"offence": payload.offence}
        raise ApiError(422, "unknown_offence", message, {"offence": [message]}) from exc
    except FactError as exc:
        if exc.code == "unknown metric":
            message = _("未知的指标：%(metric)s") % {"metric": exc.metric}
            code = "unknown_metric"
        else:
            message = _("指标“%(metric)s”的值无效：%(reason)s") % {
                "metric": metric_label(exc.metric),
                "reason": fact_reason(exc),
            }
            code = "invalid_fact"
        raise ApiError(422, code, message, {f"facts.{exc.metric}": [message]}) from exc
    return screening_as_dict(rulebook, screening, language=get_language() or "zh-hans")
