"""GET /api/v1/public/disclosures (ARCHITECTURE §6)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from ninja import Query, Router, Schema
from pydantic import Field

from ipshield.core.api import ErrorResponse, paginate
from ipshield.core.inputs import Date, OptionalId, PageNumber
from ipshield.disclosure.models import Disclosure
from ipshield.disclosure.selectors import public_disclosures

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
