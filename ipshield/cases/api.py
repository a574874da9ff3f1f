"""/api/v1/cases: scoped list, create, detail, partial update; each case carries its screening."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from pydantic import Field

from ipshield.cases.choices import CaseStatus, Channel, ScreeningOutcome
from ipshield.cases.cumulative import screening_for
from ipshield.cases.models import Case
from ipshield.cases.selectors import case_get, case_list
from ipshield.cases.services import StaleCaseError, case_create, case_update
from ipshield.core.api import AUTH, ApiError, ErrorResponse, paginate, validation_error
from ipshield.core.choices import CampaignDomain
from ipshield.core.inputs import Date, DateTime, PageNumber, Revision

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
    lead_received_at: DateTime | None = None
    parties: list[PartyIn] = []


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
    parties: list[PartyOut]
    screening: dict[str, Any] | None


class CasePage(Schema):
    items: list[CaseOut]
    count: int
    next: str | None


class CaseFilters(Schema):
    status: CaseStatus | None = None
    domain: CampaignDomain | None = None
    offence: str | None = None
    screening: ScreeningOutcome | None = None
    region: str | None = Field(None, pattern=r"^[0-9]{6}$")
    overdue: bool = False
    q: str | None = Field(None, max_length=100)
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
    data = payload.dict(exclude={"parties"}, exclude_none=True)
    try:
        case = case_create(actor=request.user, data=data, parties=[p.dict() for p in payload.parties])
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


__all__ = ["router", "_"]
