"""/api/v1/stats (ARCHITECTURE §6): the reports with their definitions, and one report's figures,
each with the API list of the records behind it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from pydantic import Field

from ipshield.core.api import AUTH, ApiError, ErrorResponse, validation_error
from ipshield.core.choices import CampaignDomain
from ipshield.core.inputs import Date
from ipshield.core.models import Region
from ipshield.stats.reports import REPORTS, STATS_ROLES, CountColumn, Period, run_report

router = Router(tags=["statistics"], auth=AUTH)


class ColumnOut(Schema):
    key: str
    label: str
    definition: str
    drills_down: bool = Field(description="Whether each figure links to the records behind it")


class ReportOut(Schema):
    key: str
    title: str
    definition: str
    columns: list[ColumnOut]


class ReportParams(Schema):
    region: str | None = Field(
        None, pattern=r"^[0-9]{6}$", description="Rows are the regions one level below (default: the caller's)"
    )
    from_: Date | None = Field(None, alias="from", description="First day (default: 1 January this year)")
    to: Date | None = Field(None, description="Last day (default: today)")
    domain: CampaignDomain | None = None


class CellOut(Schema):
    value: float | int | None
    records: str | None = Field(description="API list whose `count` equals `value`; none for a rate")


class RowOut(Schema):
    key: str
    label: str
    cells: dict[str, CellOut]


class ReportResult(Schema):
    report: str
    title: str
    region: str
    from_: dt.date = Field(alias="from")
    to: dt.date
    columns: list[dict[str, str]]
    rows: list[RowOut]
    definitions: dict[str, str]


@router.get("/reports", response={200: list[ReportOut], 401: ErrorResponse}, summary="The reports and their 口径")
def reports_list(request: HttpRequest) -> Any:
    return [
        {
            "key": r.key,
            "title": str(r.title),
            "definition": str(r.definition),
            "columns": [
                {
                    "key": c.key,
                    "label": str(c.label),
                    "definition": str(c.definition),
                    "drills_down": isinstance(c, CountColumn),
                }
                for c in r.columns
            ],
        }
        for r in REPORTS.values()
    ]


@router.get(
    "/reports/{report}",
    response={200: ReportResult, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 422: ErrorResponse},
    summary="One report for a region and period, every figure with the list of its records",
    by_alias=True,
)
def report_detail(request: HttpRequest, report: str, params: Query[ReportParams]) -> Any:
    found = REPORTS.get(report)
    if found is None:
        raise ApiError(404, "not_found", _("没有这个报表。"))
    user: Any = request.user
    if user.role not in STATS_ROLES or user.agency_id is None:
        raise ApiError(403, "forbidden", _("只有办案和监督机关的人员可以查看统计。"))
    region = params.region or user.agency.region_id
    if not Region.objects.filter(code=region).exists():
        raise ApiError(422, "validation_error", _("未知的行政区划代码。"), {"region": [_("未知的行政区划代码。")]})
    try:
        period = Period.chosen(params.from_, params.to)
    except ValidationError as exc:
        raise validation_error(exc) from exc
    return run_report(found, user, region=region, period=period, domain=params.domain or "")
