"""/api/v1/cases: scoped list, create, detail, partial update; each case carries its screening."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, Literal

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import File, Form, Query, Router, Schema, UploadedFile
from pydantic import Field

from ipshield.cases import workflow
from ipshield.cases.choices import CaseStatus, Channel, IpType, PenaltyKind, ScreeningOutcome
from ipshield.cases.cumulative import screening_for
from ipshield.cases.models import Case, SeizedItem
from ipshield.cases.selectors import case_get, case_list
from ipshield.cases.services import (
    StaleCaseError,
    case_attach,
    case_create,
    case_transition,
    case_update,
    party_add,
    seized_item_add,
)
from ipshield.core.api import AUTH, WRITE_ERRORS, ApiError, ErrorResponse, paginate, validation_error
from ipshield.core.attachments import attachments_for
from ipshield.core.choices import AgencyKind, CampaignDomain, EvidenceKind
from ipshield.core.inputs import Date, DateTime, Id, OptionalId, PageNumber, Revision

router = Router(tags=["cases"], auth=AUTH)
MAX_PAGE_SIZE = 100


class PartyIn(Schema):
    kind: str
    name: str = Field(min_length=1, max_length=200)
    uscc: str = ""
    resident_id: str = ""
    legal_representative: str = ""
    address: str = ""
    phone: str = ""


class SeizedItemIn(Schema):
    name: str = Field(min_length=1, max_length=200)
    quantity: Decimal = Field(gt=0, le=Decimal("999999999999.99"), decimal_places=2)
    unit: str = Field("件", min_length=1, max_length=16)
    value_yuan: Decimal | None = Field(None, ge=0, le=Decimal("999999999999.99"), decimal_places=2)


class SeizedItemOut(Schema):
    id: int
    name: str
    quantity: Decimal
    unit: str
    value_yuan: Decimal | None


class CaseIn(Schema):
    title: str = Field(min_length=1, max_length=200)
    domain: CampaignDomain
    channel: Channel = Channel.OFFLINE_MARKET
    product_category: str = Field("", max_length=100)
    offence: str = ""
    conduct_date: Date | None = None
    region_code: str | None = Field(None, pattern=r"^[0-9]{6}$")
    right_holder: str = Field("", max_length=200)
    goods_description: str = Field("", max_length=20000)
    facts_text: str = Field("", max_length=20000)
    facts: dict[str, float | int | bool] = Field(default_factory=dict, max_length=100)
    prior_penalty_note: str = Field(
        "",
        max_length=500,
        description="Where facts.prior_penalty_within_2y is asserted from records outside the platform: which "
        "(agency, document number, date). Penalties and judgments on the platform are found without it.",
    )
    lead_received_at: DateTime | None = None
    parties: list[PartyIn] = []
    seized_items: list[SeizedItemIn] = Field(default_factory=list, max_length=500)


class CasePatch(Schema):
    """Only the fields sent change. `null` clears the conduct date (unknown); any other field, when
    sent, needs a value (send "" to empty a text): `null` there is a 422, not a half-saved case."""

    revision: Revision | None = None
    title: str | None = Field(None, min_length=1, max_length=200)
    domain: CampaignDomain | None = None
    channel: Channel | None = None
    product_category: str | None = Field(None, max_length=100)
    offence: str | None = Field(None, max_length=100)
    conduct_date: Date | None = None
    region_code: str | None = Field(None, pattern=r"^[0-9]{6}$")
    right_holder: str | None = Field(None, max_length=200)
    goods_description: str | None = Field(None, max_length=20000)
    facts_text: str | None = Field(None, max_length=20000)
    facts: dict[str, float | int | bool] | None = Field(None, max_length=100)
    prior_penalty_note: str | None = Field(None, max_length=500)


NULLABLE_PATCH_FIELDS = frozenset({"revision", "conduct_date"})


class PartyOut(Schema):
    kind: str
    name: str
    uscc: str
    resident_id_masked: str


class CaseOut(Schema):
    id: int
    number: str
    title: str
    agency: str
    agency_id: int
    region_code: str
    domain: str
    channel: str
    product_category: str
    offence: str
    conduct_date: dt.date | None
    status: CaseStatus
    lead_received_at: dt.datetime
    filed_at: dt.datetime | None
    filing_due_at: dt.datetime | None
    decision_due_at: dt.datetime | None
    facts: dict[str, Any]
    screening_outcome: ScreeningOutcome
    revision: int
    url: str


class CaseDetailOut(CaseOut):
    facts_text: str
    right_holder: str
    prior_penalty_note: str
    parties: list[PartyOut]
    screening: dict[str, Any] | None


class CasePage(Schema):
    items: list[CaseOut]
    count: int
    next: str | None


class CaseFilters(Schema):
    status: CaseStatus | None = None
    queue: Literal["suspected_not_transferred", "penalty_instead_of_transfer"] | None = Field(
        None, description="应移未移 (suspected, still with the agency) or 以罚代刑 (closed with a penalty only)"
    )
    domain: CampaignDomain | None = None
    offence: str | None = None
    screening: ScreeningOutcome | None = None
    region: str | None = Field(None, pattern=r"^[0-9]{6}$")
    region_exact: str | None = Field(None, pattern=r"^[0-9]{6}$", description="only records of this very region (本级)")
    agency: OptionalId = Field(None, description="only cases of this agency")
    officer: OptionalId = Field(None, description="only cases this officer registered and handles (承办人)")
    agency_kind: AgencyKind | None = Field(None, description="only cases of agencies of this kind")
    ip_type: IpType | None = Field(
        None, description="商标 / 地理标志 / 专利 by domain, else by offence; other = the rest"
    )
    on_time: Literal["decision"] | None = Field(None, description="decision = decided within the statutory period")
    lead_from: Date | None = Field(None, description="线索收到 (行政受理) on or after this day")
    lead_to: Date | None = None
    closed_from: Date | None = Field(None, description="结案 on or after this day")
    closed_to: Date | None = None
    product_category: str | None = Field(None, max_length=100, description="exactly this product category")
    right_holder: str | None = Field(None, max_length=200, description="exactly this right holder (brand)")
    overdue: bool = False
    q: str | None = Field(None, max_length=100)
    filed_from: Date | None = Field(None, description="立案 on or after this day (China time)")
    filed_to: Date | None = Field(None, description="立案 on or before this day")
    decided_from: Date | None = Field(None, description="处罚决定 on or after this day")
    decided_to: Date | None = None
    suspected_from: Date | None = Field(None, description="first screened as a suspected crime on or after")
    suspected_to: Date | None = None
    page: PageNumber = 1
    page_size: int = Field(50, ge=1, le=MAX_PAGE_SIZE)


def _case_out(case: Case) -> dict[str, Any]:
    return {
        "id": case.pk,
        "number": case.number,
        "title": case.title,
        "agency": case.agency.name,
        "agency_id": case.agency_id,
        "region_code": case.region_code,
        "domain": case.domain,
        "channel": case.channel,
        "product_category": case.product_category,
        "offence": case.offence,
        "conduct_date": case.conduct_date,
        "status": case.status,
        "lead_received_at": case.lead_received_at,
        "filed_at": case.filed_at,
        "filing_due_at": case.filing_due_at,
        "decision_due_at": case.decision_due_at,
        "facts": case.facts,
        "screening_outcome": case.screening_outcome,
        "revision": case.revision,
        "url": reverse("cases:detail", args=[case.pk]),
    }


def _detail(case: Case, user: Any) -> dict[str, Any]:
    data = _case_out(case)
    data.update(
        facts_text=case.facts_text,
        right_holder=case.right_holder,
        prior_penalty_note=case.prior_penalty_note,
        parties=[
            {"kind": p.kind, "name": p.name, "uscc": p.uscc, "resident_id_masked": p.masked_resident_id}
            for p in case.parties.all()
        ],
        screening=screening_for(case, user),
    )
    return data


@router.get("", response={200: CasePage, 401: ErrorResponse, 422: ErrorResponse}, summary="List visible cases")
def cases_list(request: HttpRequest, filters: Query[CaseFilters]) -> Any:
    queryset = case_list(request.user, filters.dict(exclude={"page", "page_size"}))
    return paginate(request, queryset, page=filters.page, page_size=filters.page_size, serialise=_case_out)


@router.post(
    "",
    response={201: CaseDetailOut, 401: ErrorResponse, 403: ErrorResponse, 422: ErrorResponse},
    summary="Record a case (screened at once)",
)
def cases_create(request: HttpRequest, payload: CaseIn) -> Any:
    data = payload.dict(exclude={"parties", "seized_items"}, exclude_none=True)
    try:
        case = case_create(
            actor=request.user,
            data=data,
            parties=[p.dict() for p in payload.parties],
            seized_items=[i.dict() for i in payload.seized_items],
        )
    except ValidationError as exc:
        raise validation_error(exc) from exc
    return 201, _detail(case_get(request.user, case.pk), request.user)


@router.get(
    "/{case_id}",
    response={200: CaseDetailOut, 401: ErrorResponse, 404: ErrorResponse},
    summary="One case with its latest screening",
)
def cases_detail(request: HttpRequest, case_id: int) -> Any:
    return _detail(case_get(request.user, case_id), request.user)


@router.patch(
    "/{case_id}",
    response={
        200: CaseDetailOut,
        401: ErrorResponse,
        403: ErrorResponse,
        404: ErrorResponse,
        409: ErrorResponse,
        422: ErrorResponse,
    },
    summary="Change a case; re-screened when its figures change",
)
def cases_patch(request: HttpRequest, case_id: int, payload: CasePatch) -> Any:
    case = case_get(request.user, case_id)
    data = payload.dict(exclude_unset=True)
    nulls = sorted(name for name, value in data.items() if value is None and name not in NULLABLE_PATCH_FIELDS)
    if nulls:
        message = _("此项不能为空。")
        raise ApiError(422, "validation_error", _("提交的数据有误，请检查标出的字段。"), {n: [message] for n in nulls})
    revision = data.pop("revision", None)
    try:
        case_update(actor=request.user, case=case, data=data, revision=revision)
    except StaleCaseError as exc:
        raise ApiError(409, "conflict", str(exc)) from exc
    except ValidationError as exc:
        raise validation_error(exc) from exc
    return _detail(case_get(request.user, case_id), request.user)


# --- the whole lifecycle by API (other agencies' case-handling systems) ----------------------------

API_EVENTS = {e.value for e in workflow.PAGE_EVENTS}  # the transfer workflow owns `transfer` and `return`


class CaseActionIn(Schema):
    revision: Revision | None = None
    reason: str = Field("", max_length=5000, description="close: why a suspected case is closed without transfer")
    penalty_kinds: list[PenaltyKind] = Field(default_factory=list, max_length=6)
    fine_amount: Decimal | None = Field(None, ge=0, le=Decimal("999999999999.99"), decimal_places=2)
    confiscated_amount: Decimal | None = Field(None, ge=0, le=Decimal("999999999999.99"), decimal_places=2)
    decision_number: str = Field("", max_length=100)
    penalty_basis: str = Field("", max_length=255)
    amount_involved: Decimal | None = Field(
        None, ge=0, le=Decimal("999999999999.99"), decimal_places=2, description="涉案金额 (yuan) as found"
    )
    dens_destroyed: int | None = Field(None, ge=0, le=10_000, description="捣毁窝点: dens destroyed")
    decided_at: DateTime | None = None


class AttachmentOut(Schema):
    id: int
    name: str
    kind: EvidenceKind
    sha256: str
    size: int
    content_type: str
    uploaded_at: dt.datetime
    url: str


def _attachment_out(a: Any) -> dict[str, Any]:
    return {
        "id": a.pk,
        "name": a.original_name,
        "kind": a.kind,
        "sha256": a.blob_id,
        "size": a.blob.size,
        "content_type": a.blob.content_type,
        "uploaded_at": a.uploaded_at,
        "url": reverse("core:attachment", args=[a.pk]),
    }


@router.get(
    "/{case_id}/attachments",
    response={200: list[AttachmentOut], 401: ErrorResponse, 404: ErrorResponse},
    summary="The case's evidence, each with its kind and SHA-256 (download at `url`)",
)
def cases_attachments(request: HttpRequest, case_id: Id) -> Any:
    return [_attachment_out(a) for a in attachments_for(case_get(request.user, case_id))]


@router.post(
    "/{case_id}/attachments",
    response={
        201: AttachmentOut,
        401: ErrorResponse,
        403: ErrorResponse,
        404: ErrorResponse,
        413: ErrorResponse,
        422: ErrorResponse,
    },
    summary="Upload evidence (multipart: `file`, `kind`, `description`); inspected, stored once per content",
)
def cases_attachment_add(
    request: HttpRequest,
    case_id: Id,
    file: File[UploadedFile],
    kind: Form[EvidenceKind] = EvidenceKind.OTHER,
    description: Form[str] = "",  # stored up to 255 characters
) -> Any:
    # A refused write is a 403 / 422 through the API's own handlers (ipshield/api.py).
    case = case_get(request.user, case_id)
    stored = case_attach(
        actor=request.user, case=case, upload=file, name=file.name or "", kind=kind, description=description
    )
    return 201, _attachment_out(stored)


@router.post(
    "/{case_id}/parties",
    response={201: CaseDetailOut, **WRITE_ERRORS},
    summary="Add a party (re-screened and re-summed with the party's other open cases)",
)
def cases_party_add(request: HttpRequest, case_id: Id, payload: PartyIn) -> Any:
    party_add(actor=request.user, case=case_get(request.user, case_id), data=payload.dict())
    return 201, _detail(case_get(request.user, case_id), request.user)


def _item_out(item: SeizedItem) -> dict[str, Any]:
    return {
        "id": item.pk,
        "name": item.name,
        "quantity": item.quantity,
        "unit": item.unit,
        "value_yuan": item.value_yuan,
    }


@router.get(
    "/{case_id}/seized-items",
    response={200: list[SeizedItemOut], 401: ErrorResponse, 404: ErrorResponse},
    summary="涉案物品: the case's seized-goods list",
)
def cases_seized_items(request: HttpRequest, case_id: Id) -> Any:
    return [_item_out(i) for i in case_get(request.user, case_id).seized_items.all()]


@router.post(
    "/{case_id}/seized-items",
    response={201: SeizedItemOut, **WRITE_ERRORS},
    summary="Add one line to the seized-goods list (the case's own agency, while the case is open)",
)
def cases_seized_item_add(request: HttpRequest, case_id: Id, payload: SeizedItemIn) -> Any:
    try:
        item = seized_item_add(actor=request.user, case=case_get(request.user, case_id), data=payload.dict())
    except ValidationError as exc:
        raise validation_error(exc) from exc
    return 201, _item_out(item)


@router.post(
    "/{case_id}/{action}",
    response={200: CaseDetailOut, **WRITE_ERRORS},
    summary="One lifecycle step: file, not_file, extend_filing, start_investigation, extend_decision, decide, close, withdraw",
)
def cases_action(request: HttpRequest, case_id: Id, action: str, payload: CaseActionIn) -> Any:
    case = case_get(request.user, case_id)
    if action not in API_EVENTS:
        raise ApiError(
            422, "validation_error", _("未知的操作：%(a)s") % {"a": action[:40]}, {"action": [_("未知的操作")]}
        )
    data = payload.dict(exclude={"revision", "reason"})
    data["close_reason"] = payload.reason
    if payload.decided_at is None:
        data.pop("decided_at")
    try:
        case_transition(actor=request.user, case=case, event=action, data=data, revision=payload.revision)
    except StaleCaseError as exc:
        raise ApiError(409, "conflict", str(exc)) from exc
    return _detail(case_get(request.user, case_id), request.user)


__all__ = ["router", "_"]
