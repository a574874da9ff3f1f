"""/api/v1/stats (ARCHITECTURE §6): the reports with their definitions, and one report's figures,
each with the API list of the records behind it."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from django.core.exceptions import ValidationError
from django.db.models import F
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from pydantic import Field

from ipshield.core.api import AUTH, WRITE_ERRORS, ApiError, ErrorResponse, paginate, validation_error
from ipshield.core.attachments import attachments_for
from ipshield.core.choices import AgencyKind, CampaignDomain
from ipshield.core.inputs import EARLIEST_YEAR, LATEST_YEAR, Date, Id, PageNumber
from ipshield.core.models import Region
from ipshield.stats.assessments import assessment_act, scheme_of, sheet_for
from ipshield.stats.choices import AlertLevel, AlertStatus, WarningRuleId
from ipshield.stats.models import Alert
from ipshield.stats.reports import REPORTS, STATS_ROLES, CountColumn, Period, run_report
from ipshield.stats.selectors import alert_get, alert_list, assessment_get, assessments_for
from ipshield.stats.services import alert_act, may_handle
from ipshield.stats.templatetags.stats_tags import evidence_in_language, explain, title_in_language

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
    level: Literal["all", "own"] = Field(
        "all",
        description="all = 含下级 (the region and every region below it); own = 本级 (the region's own records only)",
    )
    agency_kind: AgencyKind | None = Field(None, description="only records of agencies of this kind")
    compare: bool = Field(True, description="Include 同比 and 环比 (last_year, previous, yoy, mom); false is 3× faster")


class CellOut(Schema):
    value: float | int | None
    records: str | None = Field(description="API list whose `count` equals `value`; none for a rate")
    last_year: float | int | None = Field(None, description="The same figure for the same days a year earlier")
    previous: float | int | None = Field(
        None, description="The same figure for the period just before (the month, quarter or days before)"
    )
    records_count: int | None = Field(
        None, description="For a sum (罚没款): how many records were added up, the `count` of `records`"
    )
    yoy: float | None = Field(None, description="同比: per cent change against last_year (none when that is 0)")
    mom: float | None = Field(None, description="环比: per cent change against previous (none when that is 0)")


class RowOut(Schema):
    key: str
    label: str
    cells: dict[str, CellOut]


class PeriodOut(Schema):
    from_: dt.date = Field(alias="from")
    to: dt.date


class ReportResult(Schema):
    report: str
    title: str
    row_kind: str = Field(
        description="regions (one row per region below), ip_type (商标/地理标志/专利/其他), agency or officer (承办人)"
    )
    region: str
    from_: dt.date = Field(alias="from")
    to: dt.date
    columns: list[dict[str, str]]
    rows: list[RowOut]
    last_year: PeriodOut = Field(description="The period each cell's `last_year` (同比) counts")
    previous: PeriodOut = Field(description="The period each cell's `previous` (环比) counts")
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
    return run_report(
        found,
        user,
        region=region,
        period=period,
        domain=params.domain or "",
        level=params.level,
        agency_kind=params.agency_kind or "",
        compare=params.compare,
    )


class AlertOut(Schema):
    id: int
    rule: WarningRuleId
    rule_title: str
    rule_version: str = Field(description="valid_from of the rule version that raised it (warning-rules.yaml)")
    level: AlertLevel
    status: AlertStatus
    region: str
    region_name: str
    subject: str
    explanation: str = Field(description="The finding in words, in the caller's language")
    figures: dict[str, Any] = Field(description="The figures the rule compared")
    owner: str = Field(description="The office responsible (责任单位)")
    first_seen_at: dt.datetime
    last_seen_at: dt.datetime
    assessment: str
    closing_note: str
    closed_at: dt.datetime | None
    can_handle: bool
    url: str


class AlertPage(Schema):
    items: list[AlertOut]
    count: int
    next: str | None


class AlertFilters(Schema):
    status: AlertStatus | None = None
    level: AlertLevel | None = None
    rule: WarningRuleId | None = None
    region: str | None = Field(None, pattern=r"^[0-9]{6}$")
    open: bool = Field(False, description="Only alerts still to handle (待研判, 处置中)")
    page: PageNumber = 1
    page_size: int = Field(50, ge=1, le=100)


class AlertActionIn(Schema):
    note: str = Field(min_length=1, max_length=5000, description="研判意见 (assess) or 处置情况 (close)")


def alert_out(alert: Alert, user: Any) -> dict[str, Any]:
    figures = {k: v for k, v in (alert.figures or {}).items() if k != "subject"}
    return {
        "id": alert.pk,
        "rule": alert.rule,
        "rule_title": alert.get_rule_display(),
        "rule_version": alert.rule_version,
        "level": alert.level,
        "status": alert.status,
        "region": alert.region_code,
        "region_name": getattr(alert, "region_name", "") or "",
        "subject": alert.subject,
        "explanation": alert.explanation,
        "figures": figures,
        "owner": alert.owner.name,
        "first_seen_at": alert.first_seen_at,
        "last_seen_at": alert.last_seen_at,
        "assessment": alert.assessment,
        "closing_note": alert.closing_note,
        "closed_at": alert.closed_at,
        "can_handle": may_handle(user, alert),
        "url": reverse("stats:alert_detail", args=[alert.pk]),
    }


@router.get(
    "/alerts",
    response={200: AlertPage, 401: ErrorResponse, 422: ErrorResponse},
    summary="Risk warnings in the caller's jurisdiction (coordinators, procurators): level, rule, figures, owner",
)
def alerts_list(request: HttpRequest, filters: Query[AlertFilters]) -> Any:
    queryset = alert_list(request.user, filters.dict())
    return paginate(
        request,
        queryset,
        page=filters.page,
        page_size=filters.page_size,
        serialise=lambda a: alert_out(a, request.user),
    )


@router.get(
    "/alerts/{alert_id}",
    response={200: AlertOut, 401: ErrorResponse, 404: ErrorResponse},
    summary="One warning (404 outside the reader's jurisdiction)",
)
def alerts_detail(request: HttpRequest, alert_id: Id) -> Any:
    return alert_out(alert_get(request.user, alert_id), request.user)


@router.post(
    "/alerts/{alert_id}/{action}",
    response={200: AlertOut, **WRITE_ERRORS},
    summary="`assess` (研判意见) or `close` (处置情况): the owner office or a coordinating office above it",
)
def alerts_act(request: HttpRequest, alert_id: Id, action: str, payload: AlertActionIn) -> Any:
    alert = alert_get(request.user, alert_id)
    try:
        alert_act(actor=request.user, alert=alert, event=action, data=payload.dict())
    except ValidationError as exc:
        raise validation_error(exc) from exc
    return alert_out(alert_get(request.user, alert.pk), request.user)


# --- 考核 (assessments) -------------------------------------------------------------------------


class AssessmentSummary(Schema):
    id: int
    scheme: str
    scheme_title: str
    year: int
    region: str
    region_name: str
    owner: str
    status: str
    status_label: str
    total: float | None
    rank: int | None
    url: str


class AssessmentItemOut(Schema):
    id: str
    title: str
    kind: str
    figure: float | None = Field(description="the figure scored (None: manual, veto or no data)")
    points: float
    explanation: str = Field(description="how the points were reached, in the caller's language")
    records: str | None = Field(description="page listing the records behind the figure, when there is one")
    evidence_required: str = Field(description="the documents the scheme asks for (佐证材料)")
    vetoed: bool


class AssessmentAreaOut(Schema):
    id: str
    title: str
    max: float
    points: float
    items: list[AssessmentItemOut]


class AssessmentEvidenceOut(Schema):
    name: str
    sha256: str
    url: str


class AssessmentDetail(AssessmentSummary):
    base: float
    bonus: float
    vetoed: bool
    figures_at: dt.datetime | None
    areas: list[AssessmentAreaOut]
    evidence: list[AssessmentEvidenceOut]
    appeal: str
    appeal_answer: str


class AssessmentPage(Schema):
    items: list[AssessmentSummary]
    count: int
    next: str | None


class AssessmentFilters(Schema):
    year: int | None = Field(None, ge=EARLIEST_YEAR, le=LATEST_YEAR)
    scheme: str | None = Field(None, max_length=64, pattern=r"^[a-z0-9_.-]+$")
    page: PageNumber = 1
    page_size: int = Field(50, ge=1, le=100)


class AssessmentStepIn(Schema):
    item: str | None = Field(None, max_length=64, description="self_score, review: the item")
    points: float | None = Field(None, ge=0, le=1000)
    note: str | None = Field(None, max_length=2000)
    reason: str | None = Field(None, max_length=2000, description="review: why the points change")
    veto: bool | None = None
    appeal: str | None = Field(None, max_length=2000)
    answer: str | None = Field(None, max_length=2000)


def _assessment_summary(assessment: Any) -> dict[str, Any]:
    scheme = scheme_of(assessment)
    return {
        "id": assessment.pk,
        "scheme": assessment.scheme,
        "scheme_title": title_in_language(scheme),
        "year": assessment.year,
        "region": assessment.region_code,
        "region_name": getattr(assessment, "region_name", "") or "",
        "owner": assessment.owner.name,
        "status": assessment.status,
        "status_label": assessment.get_status_display(),
        "total": float(assessment.total) if assessment.total is not None else None,
        "rank": assessment.rank,
        "url": reverse("stats:assessment_detail", args=[assessment.pk]),
    }


def _assessment_detail(assessment: Any) -> dict[str, Any]:
    sheet = sheet_for(assessment)
    figures = assessment.figures or {}
    return {
        **_assessment_summary(assessment),
        "base": sheet.base,
        "bonus": sheet.bonus,
        "vetoed": sheet.vetoed,
        "figures_at": assessment.figures_at,
        "areas": [
            {
                "id": area.area.id,
                "title": title_in_language(area.area),
                "max": area.area.max,
                "points": area.points,
                "items": [
                    {
                        "id": s.item.id,
                        "title": title_in_language(s.item),
                        "kind": s.item.kind,
                        "figure": s.figure,
                        "points": s.points,
                        "explanation": explain(s),
                        "records": (figures.get(s.item.figure) or {}).get("page") if s.item.figure else None,
                        "evidence_required": evidence_in_language(s.item) if s.item.evidence else "",
                        "vetoed": s.vetoed,
                    }
                    for s in area.items
                ],
            }
            for area in sheet.areas
        ],
        "evidence": [
            {"name": a.original_name, "sha256": a.blob_id, "url": reverse("core:attachment", args=[a.pk])}
            for a in attachments_for(assessment)
        ],
        "appeal": assessment.appeal,
        "appeal_answer": assessment.appeal_answer,
    }


@router.get(
    "/assessments",
    response={200: AssessmentPage, 401: ErrorResponse, 422: ErrorResponse},
    summary="考核: the assessments the caller may open (its office's and the regions' below), ranked",
)
def assessments_list(request: HttpRequest, filters: Query[AssessmentFilters]) -> Any:
    queryset = assessments_for(request.user)
    if filters.year:
        queryset = queryset.filter(year=filters.year)
    if filters.scheme:
        queryset = queryset.filter(scheme=filters.scheme)
    queryset = queryset.order_by("-year", "scheme", F("rank").asc(nulls_last=True), "region_code")
    return paginate(request, queryset, page=filters.page, page_size=filters.page_size, serialise=_assessment_summary)


@router.get(
    "/assessments/{assessment_id}",
    response={200: AssessmentDetail, 401: ErrorResponse, 404: ErrorResponse},
    summary="One assessment: every item's figure, points, how they were reached and the records behind them",
)
def assessments_detail(request: HttpRequest, assessment_id: Id) -> Any:
    return _assessment_detail(assessment_get(request.user, assessment_id))


@router.post(
    "/assessments/{assessment_id}/{event}",
    response={200: AssessmentDetail, **WRITE_ERRORS},
    summary="A step: `self_score`, `submit`, `appeal` (the assessed office); `review`, `finalize` (the office above)",
)
def assessments_act(request: HttpRequest, assessment_id: Id, event: str, payload: AssessmentStepIn) -> Any:
    assessment = assessment_get(request.user, assessment_id)
    data = {k: v for k, v in payload.dict().items() if v is not None}
    try:
        assessment_act(actor=request.user, assessment=assessment, event=event, data=data)
    except ValidationError as exc:
        raise validation_error(exc) from exc
    return _assessment_detail(assessment_get(request.user, assessment.pk))
