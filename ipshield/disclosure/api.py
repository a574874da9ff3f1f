"""GET /api/v1/public/disclosures (ARCHITECTURE §6)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from django.http import HttpRequest
from django.urls import reverse
from ninja import Query, Router, Schema
from pydantic import Field

from ipshield.core.api import AUTH, ErrorResponse, paginate
from ipshield.core.choices import AgencyKind, CampaignDomain
from ipshield.core.inputs import Date, OptionalId, PageNumber
from ipshield.disclosure.models import Disclosure
from ipshield.disclosure.selectors import public_disclosures, staff_disclosure_list

public_router = Router(tags=["public disclosures"])


class DisclosureFilters(Schema):
    q: str = Field("", max_length=10000)
    region: str | None = Field(None, pattern=r"^[0-9]{6}$")
    domain: str | None = Field(None, max_length=32)
    agency: OptionalId = None
    from_: Date | None = Field(None, alias="from")
    to: Date | None = None
    page: PageNumber = 1
    page_size: int = Field(20, ge=1, le=100)


class DisclosureOut(Schema):
    id: int
    decision_number: str
    subject: str
    legal_representative: str
    facts: str
    penalty: str
    performance: str
    agency: str
    decided_on: dt.date
    region_code: str
    domain: str
    status: str
    change_note: str
    url: str


class DisclosurePage(Schema):
    items: list[DisclosureOut]
    count: int
    count_exact: bool = Field(True, description="false when count is an estimate (more than 1,000 matches)")
    next: str | None


def disclosure_out(d: Disclosure) -> dict[str, Any]:
    return {
        "id": d.pk,
        "decision_number": d.decision_number,
        "subject": d.subject,
        "legal_representative": d.legal_representative,
        "facts": d.facts,
        "penalty": d.penalty,
        "performance": d.performance,
        "agency": d.agency_name,
        "decided_on": d.decided_on,
        "region_code": d.region_code,
        "domain": d.domain,
        "status": d.status,
        "change_note": d.change_note,
        "url": reverse("disclosure:detail", args=[d.pk]),
    }


@public_router.get(
    "/disclosures",
    response={200: DisclosurePage, 422: ErrorResponse},
    auth=None,
    summary="Published penalty decisions: CJK full-text search, filters, pagination",
)
def disclosures(request: HttpRequest, filters: Query[DisclosureFilters]) -> Any:
    data = filters.dict(exclude={"page", "page_size"})
    data["from"] = data.pop("from_", None)
    queryset = public_disclosures(data)
    return paginate(
        request,
        queryset,
        page=filters.page,
        page_size=filters.page_size,
        serialise=disclosure_out,
        estimate_large=True,
    )


staff_router = Router(tags=["disclosures"], auth=AUTH)


class StaffDisclosureFilters(Schema):
    region: str | None = Field(None, pattern=r"^[0-9]{6}$")
    region_exact: str | None = Field(
        None, pattern=r"^[0-9]{6}$", description="only decisions of this very region (本级)"
    )
    domain: CampaignDomain | None = None
    agency_kind: AgencyKind | None = None
    decided_from: Date | None = Field(None, description="penalty decided on or after this day")
    decided_to: Date | None = None
    state: Literal["due", "published", "on_time", "withheld", "withdrawn"] | None = Field(
        None,
        description="due = 应公开 (all but those withheld with approval); on_time = published within the 20 working days",
    )
    overdue: bool = False
    page: PageNumber = 1
    page_size: int = Field(50, ge=1, le=100)


class StaffDisclosureOut(DisclosureOut):
    due_at: dt.datetime
    published_at: dt.datetime | None


class StaffDisclosurePage(Schema):
    items: list[StaffDisclosureOut]
    count: int
    next: str | None


def staff_disclosure_out(d: Disclosure) -> dict[str, Any]:
    return {**disclosure_out(d), "due_at": d.due_at, "published_at": d.published_at}


@staff_router.get(
    "",
    response={200: StaffDisclosurePage, 401: ErrorResponse, 422: ErrorResponse},
    summary="Publications of penalty decisions in the caller's jurisdiction, drafts included (staff)",
)
def staff_disclosures_list(request: HttpRequest, filters: Query[StaffDisclosureFilters]) -> Any:
    queryset = staff_disclosure_list(request.user, filters.dict(exclude={"page", "page_size"}))
    return paginate(request, queryset, page=filters.page, page_size=filters.page_size, serialise=staff_disclosure_out)
