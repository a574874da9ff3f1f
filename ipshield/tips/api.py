"""Public tips API (ARCHITECTURE §6) and the staff endpoints for the queue and actions."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, Literal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from pydantic import Field
from pydantic import ValidationError as PydanticValidationError

from ipshield.core.api import (
    AUTH,
    WRITE_ERRORS,
    ApiError,
    CaptchaIn,
    ErrorResponse,
    paginate,
    require_captcha,
    validation_error,
)
from ipshield.core.captcha import captcha_new
from ipshield.core.choices import AgencyKind, CampaignDomain
from ipshield.core.inputs import Date, OptionalId, PageNumber
from ipshield.core.ratelimit import allow, client_key
from ipshield.tips.choices import TipStatus
from ipshield.tips.models import Tip
from ipshield.tips.selectors import tip_get, tip_list
from ipshield.tips.services import (
    TipConflict,
    TipLookupThrottled,
    TipNotFound,
    reporter_message,
    tip_act,
    tip_lookup_for_client,
    tip_reply,
    tip_submit,
)

public_router = Router(tags=["public tips"])
router = Router(tags=["tips"], auth=AUTH)


class Reporter(Schema):
    name: str = Field("", max_length=64)
    phone: str = Field("", max_length=32)
    id_number: str = Field("", max_length=24)


class TipIn(Schema):
    domain: str = Field(max_length=32)
    description: str = Field(max_length=5000)
    address: str = Field("", max_length=255)
    region_code: str = Field("", max_length=6)
    target_name: str = Field("", max_length=200)
    target_uscc: str = Field("", max_length=24)
    target_url: str = Field("", max_length=500)
    anonymous: bool = True
    reporter: Reporter | None = None
    insider: bool = False
    captcha: CaptchaIn | None = None


class ReceiptOut(Schema):
    tracking_number: str
    passphrase: str
    status: str


class StatusIn(Schema):
    tracking_number: str = Field(max_length=24)
    passphrase: str = Field(max_length=32)


class MessageOut(Schema):
    from_reporter: bool
    text: str
    created_at: dt.datetime


class StatusOut(Schema):
    tracking_number: str
    status: str
    status_label: str
    agency: str | None
    messages: list[MessageOut]
    deadline: dt.datetime | None


class CaptchaOut(Schema):
    token: str
    image: str


def _throttle_submissions(request: HttpRequest) -> None:
    if not allow("tip-submit", client_key(request), limit=settings.IPSHIELD_TIP_RATE_PER_HOUR, window_seconds=3600):
        raise ApiError(429, "too_many_requests", _("提交过于频繁，请稍后再试。"))


def _submit(request: HttpRequest, payload: TipIn, files: list[Any]) -> Any:
    _throttle_submissions(request)
    require_captcha(payload.captcha)
    data = payload.dict()
    try:
        tip, passphrase = tip_submit(data=data, files=[(f.name or "file", f) for f in files])
    except ValidationError as exc:
        raise validation_error(exc) from exc
    return 201, {"tracking_number": tip.tracking_number, "passphrase": passphrase, "status": tip.status}


@public_router.get("/captcha", response=CaptchaOut, auth=None, summary="A new local CAPTCHA challenge")
def captcha(request: HttpRequest) -> Any:
    return captcha_new()


TIP_BODY_SCHEMA = {"$ref": "#/components/schemas/TipIn"}


@public_router.post(
    "/tips",
    response={201: ReceiptOut, 413: ErrorResponse, 422: ErrorResponse, 429: ErrorResponse},
    auth=None,
    summary="Submit a tip: JSON, or multipart/form-data with the same fields plus `files`",
    description="The passphrase is shown once; only its hash is stored. In multipart, `reporter` and "
    "`captcha` are JSON strings and `files` may repeat.",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": TIP_BODY_SCHEMA},
                "multipart/form-data": {
                    "schema": {
                        "allOf": [
                            TIP_BODY_SCHEMA,
                            {
                                "type": "object",
                                "properties": {
                                    "files": {"type": "array", "items": {"type": "string", "format": "binary"}}
                                },
                            },
                        ]
                    }
                },
            },
        }
    },
)
def submit_tip(request: HttpRequest) -> Any:
    files: list[Any] = []
    try:
        if request.content_type == "multipart/form-data":
            raw: dict[str, Any] = {k: v for k, v in request.POST.items()}
            for key in ("reporter", "captcha"):
                if raw.get(key):
                    raw[key] = json.loads(raw[key])
            for key in ("anonymous", "insider"):
                if key in raw:
                    raw[key] = str(raw[key]).lower() in {"true", "1", "on", "yes"}
            files = request.FILES.getlist("files")
        else:
            raw = json.loads(request.body or b"{}")
        payload = TipIn.model_validate(raw)
    except (ValueError, TypeError, RecursionError) as exc:  # RecursionError: "[" × 100000
        fields: dict[str, list[str]] = {}
        if isinstance(exc, PydanticValidationError):
            for error in exc.errors():
                fields.setdefault(".".join(str(p) for p in error["loc"]) or "__all__", []).append(error["msg"])
        message = _("提交的数据有误，请检查标出的字段。")
        raise ApiError(422, "validation_error", message, fields) from exc
    return _submit(request, payload, files)


def _status(tip: Tip) -> dict[str, Any]:
    return {
        "tracking_number": tip.tracking_number,
        "status": tip.status,
        "status_label": str(TipStatus(tip.status).label),
        "agency": tip.agency.name if tip.agency else None,
        "messages": [
            {"from_reporter": m.from_reporter, "text": m.text, "created_at": m.created_at} for m in tip.messages.all()
        ],
        "deadline": tip.next_due_at,
    }


def lookup_or_404(request: HttpRequest, tracking_number: str, passphrase: str) -> Tip:
    try:
        return tip_lookup_for_client(client=client_key(request), tracking_number=tracking_number, passphrase=passphrase)
    except TipLookupThrottled as exc:
        raise ApiError(429, "too_many_requests", _("尝试次数过多，请15分钟后再试。")) from exc
    except TipNotFound as exc:
        raise ApiError(404, "not_found", _("查询编号或查询密码不正确。")) from exc


@public_router.post(
    "/tips/status",
    response={200: StatusOut, 404: ErrorResponse, 422: ErrorResponse, 429: ErrorResponse},
    auth=None,
    summary="Status, replies and deadline of a tip (tracking number + passphrase)",
)
def tip_status(request: HttpRequest, payload: StatusIn) -> Any:
    return _status(lookup_or_404(request, payload.tracking_number, payload.passphrase))


class ReporterMessageIn(StatusIn):
    text: str = Field(max_length=5000)


@public_router.post(
    "/tips/messages",
    response={201: StatusOut, 404: ErrorResponse, 422: ErrorResponse, 429: ErrorResponse},
    auth=None,
    summary="The reporter adds information to a tip",
)
def tip_add_message(request: HttpRequest, payload: ReporterMessageIn) -> Any:
    tip = lookup_or_404(request, payload.tracking_number, payload.passphrase)
    try:
        reporter_message(tip=tip, text=payload.text)
    except ValidationError as exc:
        raise ApiError(422, "validation_error", "; ".join(exc.messages)) from exc
    return 201, _status(tip)


# --- staff ---------------------------------------------------------------------------------------


class TipOut(Schema):
    id: int
    tracking_number: str
    domain: str
    status: str
    agency: str | None
    region_code: str
    received_at: dt.datetime
    next_due_at: dt.datetime | None
    target_name: str
    duplicate_of: int | None
    case_id: int | None


class TipPage(Schema):
    items: list[TipOut]
    count: int
    next: str | None


class TipFilters(Schema):
    status: TipStatus | None = None
    overdue: bool = False
    region: str | None = Field(None, pattern=r"^[0-9]{6}$")
    region_exact: str | None = Field(None, pattern=r"^[0-9]{6}$", description="only tips of this very region (本级)")
    domain: CampaignDomain | None = None
    agency_kind: AgencyKind | None = Field(None, description="only tips handled by agencies of this kind")
    received_from: Date | None = Field(None, description="received on or after this day (China time)")
    received_to: Date | None = None
    accept_decided_from: Date | None = Field(None, description="accepted or rejected on or after this day")
    accept_decided_to: Date | None = None
    concluded_from: Date | None = Field(None, description="concluded on or after this day")
    concluded_to: Date | None = None
    reward_paid_from: Date | None = Field(None, description="a reward for the tip was paid on or after this day")
    reward_paid_to: Date | None = None
    outcome: Literal["accepted", "rejected"] | None = None
    on_time: Literal["accept", "notify"] | None = Field(
        None, description="accept: decided by the acceptance deadline; notify: reporter told by the deadline"
    )
    rating: Literal["rated", "satisfied"] | None = Field(None, description="satisfied: rated 4 or 5 of 5")
    page: PageNumber = 1
    page_size: int = Field(50, ge=1, le=100)


class TipActionIn(Schema):
    reason: str = Field("", max_length=5000)
    result: str = Field("", max_length=5000)
    agency_id: OptionalId = None
    text: str = Field("", max_length=5000)


def _tip_out(t: Tip) -> dict[str, Any]:
    return {
        "id": t.pk,
        "tracking_number": t.tracking_number,
        "domain": t.domain,
        "status": t.status,
        "agency": t.agency.name if t.agency else None,
        "region_code": t.region_code,
        "received_at": t.received_at,
        "next_due_at": t.next_due_at,
        "target_name": t.target_name,
        "duplicate_of": t.duplicate_of_id,
        "case_id": t.case_id,
    }


@router.get("", response={200: TipPage, 401: ErrorResponse, 422: ErrorResponse}, summary="Tips visible to me")
def tips_list(request: HttpRequest, filters: Query[TipFilters]) -> Any:
    qs = tip_list(request.user, filters.dict(exclude={"page", "page_size"}))
    return paginate(request, qs, page=filters.page, page_size=filters.page_size, serialise=_tip_out)


@router.post(
    "/{tip_id}/{action}",
    response={200: TipOut, **WRITE_ERRORS},
    summary="accept, reject, extend, start, conclude, reassign, reply",
)
def tips_action(request: HttpRequest, tip_id: int, action: str, payload: TipActionIn) -> Any:
    tip = tip_get(request.user, tip_id)
    try:
        if action == "reply":
            tip_reply(actor=request.user, tip=tip, text=payload.text)
        else:
            tip = tip_act(actor=request.user, tip=tip, action=action, data=payload.dict())
    except ValidationError as exc:
        raise validation_error(exc) from exc
    except TipConflict as exc:
        raise ApiError(409, "conflict", str(exc)) from exc
    return _tip_out(tip_get(request.user, tip_id))
