"""/api/v1 cooperation routes (ARCHITECTURE §6): leads, assistance-requests, joint-cases,
supervised-cases, campaigns, consultations — list, create, detail and `POST …/{id}/{action}`.

Each path serves one kind through the same scoped selector and the same step service. (No
`from __future__ import annotations` here: the routes are built per kind and ninja reads the
request schema from each function's live annotation.)
"""

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any, Literal

from django.http import HttpRequest
from ninja import File, Query, Router, Schema, UploadedFile
from pydantic import Field

from ipshield.cooperation.campaign_report import COLUMNS, campaign_report
from ipshield.cooperation.choices import AssistanceTask, ClosingRating, CoopAction, CoopKind, CoopStatus, Urgency
from ipshield.cooperation.presenters import detail_out, summary_out
from ipshield.cooperation.selectors import cooperation_get, cooperation_list
from ipshield.cooperation.services import CREATORS, actions_of, cooperation_act, evidence_add
from ipshield.core.api import AUTH, WRITE_ERRORS, ErrorResponse, paginate
from ipshield.core.choices import CampaignDomain
from ipshield.core.inputs import Date, Id, OptionalId, PageNumber

Title = Annotated[str, Field(min_length=1, max_length=200)]
Text = Annotated[str, Field(max_length=5000)]
Line = Annotated[str, Field(min_length=1, max_length=1000)]
RegionCode = Annotated[str, Field(pattern=r"^[0-9]{6}$")]


class AgencyRef(Schema):
    id: int
    name: str


class CaseRef(Schema):
    id: int
    number: str


class CooperationSummary(Schema):
    id: int
    kind: CoopKind
    number: str = Field(description="Document number, e.g. 京市监协查〔2026〕3号")
    title: str
    status: CoopStatus
    status_label: str
    agency: AgencyRef = Field(description="The agency that started it")
    case: CaseRef | None
    created_at: dt.datetime
    due_at: dt.datetime | None = Field(description="The running deadline (working days, official calendar)")
    overdue: bool
    due_agency: str | None = Field(description="The agency the running deadline is on")
    escalated_at: dt.datetime | None = Field(description="When it was reported overdue to the coordinating office")
    closed_at: dt.datetime | None
    url: str


class ParticipantOut(Schema):
    agency_id: int | None
    agency: str | None
    region: str
    role: str
    state: str
    responded_at: dt.datetime | None
    note: str


class EntryOut(Schema):
    id: int
    kind: str
    agency: str | None
    at: dt.datetime
    text: str
    data: dict[str, Any] = Field(description="answers, evidence [{sha256, name, size, attachment}], milestone…")


class MilestoneOut(Schema):
    id: int
    title: str
    due_at: dt.datetime
    done_at: dt.datetime | None
    report: str
    reminded_at: dt.datetime | None = Field(description="催办 sent the working day after it was missed")
    missed: bool


class CooperationDetail(CooperationSummary):
    body: str
    details: dict[str, Any]
    participants: list[ParticipantOut]
    entries: list[EntryOut] = Field(description="The shared timeline, oldest first")
    milestones: list[MilestoneOut]
    delays: int = Field(description="Supervised cases: milestones missed")
    actions: list[CoopAction] = Field(description="Steps the caller may take now")


class CooperationPage(Schema):
    items: list[CooperationSummary]
    count: int
    count_exact: bool = Field(True, description="false: past 1,000 the count is the database's estimate")
    next: str | None


class CooperationFilters(Schema):
    box: Literal["all", "sent", "received", "todo", "overdue", "escalated"] = Field(
        "all", description="sent = started by the caller's agency; received = it takes part; todo = waiting for it"
    )
    status: CoopStatus | None = None
    case: OptionalId = None
    q: str | None = Field(None, max_length=100, description="number or title contains")
    page: PageNumber = 1
    page_size: int = Field(50, ge=1, le=100)


class LeadIn(Schema):
    title: Title
    body: Text = Field(description="What was found and the evidence for it")
    receivers: list[Id] = Field(min_length=1, max_length=10, description="Agencies of any kind or region (ids)")
    target_name: str = Field("", max_length=200)
    target_uscc: str = Field("", max_length=18)
    urgency: Urgency = Urgency.NORMAL
    domain: CampaignDomain | None = None
    tip_id: OptionalId = Field(None, description="The tip it comes from (one the caller can see)")
    alert_id: OptionalId = Field(None, description="The risk warning it comes from")


class AssistanceIn(Schema):
    title: Title
    body: Text = ""
    receiver: Id = Field(description="An enforcement agency or police in another region")
    case_id: OptionalId = Field(None, description="The caller's case it serves")
    questions: list[Line] = Field(min_length=1, max_length=20)
    tasks: list[AssistanceTask] = Field(min_length=1, max_length=5)
    due_date: Date | None = Field(None, description="Default: 15 working days; at least 3 working days")


class JointParticipantIn(Schema):
    agency: Id
    role: Literal["participant", "support"] = "participant"


class JointIn(Schema):
    title: Title
    body: Text = ""
    case_id: Id = Field(description="The caller's own open case; its agency leads")
    participants: list[JointParticipantIn] = Field(min_length=1, max_length=20)


class MilestoneIn(Schema):
    title: Title
    due_date: Date


class SupervisedIn(Schema):
    title: Title
    body: Text = Field(description="Why the case is supervised and what is expected")
    case_id: Id = Field(description="A case in the coordinating office's region")
    milestones: list[MilestoneIn] = Field(min_length=1, max_length=10)


class CampaignIn(Schema):
    title: Title
    body: Text = ""
    start: Date
    end: Date
    domains: list[CampaignDomain] = Field(min_length=1, max_length=13)
    product_categories: list[Annotated[str, Field(max_length=100)]] = Field(default_factory=list, max_length=20)
    regions: list[RegionCode] = Field(min_length=1, max_length=40, description="Regions in the organiser's region")


class ConsultationIn(Schema):
    title: Title
    body: Text = Field(description="The question and the facts")
    case_id: OptionalId = None
    invitees: list[Id] = Field(min_length=1, max_length=20)
    due_date: Date | None = Field(None, description="Default: 5 working days")


class ActionIn(Schema):
    note: Text | None = Field(None, description="Reason, opinion, progress, summary (as the step needs)")
    case_id: OptionalId = Field(None, description="accept: link an existing own case instead of opening one")
    case_number: str | None = Field(None, max_length=64, description="accept by the police: 刑事案件编号")
    answers: list[Text] | None = Field(None, max_length=20, description="reply: one answer per question")
    milestone_id: OptionalId = None
    title: str | None = Field(None, max_length=200)
    due_date: Date | None = None
    rating: ClosingRating | None = None
    agency_id: OptionalId = Field(None, description="invite: the agency")
    role: Literal["participant", "support"] | None = None
    tip_id: OptionalId = Field(None, description="link (campaign): one of the caller's agency's tips instead of a case")
    dens_destroyed: int | None = Field(None, ge=0, le=10_000)
    amount_involved: Decimal | None = Field(None, ge=0, lt=Decimal("1e14"), decimal_places=2)


class EvidenceOut(Schema):
    entry: int
    sha256: str
    name: str
    size: int


class CampaignReportOut(Schema):
    columns: list[dict[str, str]]
    rows: list[dict[str, Any]]
    partial: bool = Field(description="true when linked cases outside the caller's reach are left out of the figures")


def kind_router(kind: CoopKind, slug: str, create_schema: Any, noun: str) -> Router:
    router = Router(tags=["cooperation"], auth=AUTH)

    @router.get(
        "",
        response={200: CooperationPage, 401: ErrorResponse, 422: ErrorResponse},
        summary=f"{noun} in the caller's reach (its own, those it takes part in, its region's for supervisors)",
        operation_id=f"{slug}_list",
        url_name=f"{slug}_list",
    )
    def list_records(request: HttpRequest, filters: Query[CooperationFilters]) -> Any:
        queryset = cooperation_list(request.user, kind, filters.dict())
        return paginate(
            request,
            queryset,
            page=filters.page,
            page_size=filters.page_size,
            serialise=summary_out,
            estimate_large=True,
        )

    @router.post(
        "",
        response={201: CooperationDetail, **WRITE_ERRORS},
        summary=f"Start a {noun}",
        operation_id=f"{slug}_create",
        url_name=f"{slug}_create",
    )
    def create_record(request: HttpRequest, payload: create_schema) -> Any:
        record = CREATORS[kind](actor=request.user, data=payload.dict())
        return 201, detail_out(cooperation_get(request.user, record.pk, kind), request.user)

    @router.get(
        "/{record_id}",
        response={200: CooperationDetail, 401: ErrorResponse, 404: ErrorResponse},
        summary=f"One {noun} with its participants, timeline and the caller's possible steps (404 outside reach)",
        operation_id=f"{slug}_detail",
        url_name=f"{slug}_detail",
    )
    def record_detail(request: HttpRequest, record_id: Id) -> Any:
        return detail_out(cooperation_get(request.user, record_id, kind), request.user)

    @router.post(
        "/{record_id}/evidence",
        response={201: EvidenceOut, 413: ErrorResponse, **WRITE_ERRORS},
        summary="Add a file (multipart `file`); kept with its SHA-256 and the sending agency; a reply includes it",
        operation_id=f"{slug}_evidence",
        url_name=f"{slug}_evidence",
    )
    def record_evidence(request: HttpRequest, record_id: Id, file: File[UploadedFile]) -> Any:
        record = cooperation_get(request.user, record_id, kind)
        entry = evidence_add(actor=request.user, record=record, upload=file, name=file.name or "")
        return 201, {"entry": entry.pk, **{k: entry.data[k] for k in ("sha256", "name", "size")}}

    if kind == CoopKind.CAMPAIGN:

        @router.get(
            "/{record_id}/report",
            response={200: CampaignReportOut, 401: ErrorResponse, 404: ErrorResponse},
            summary="The campaign's results by participating region (live; the final report once concluded)",
            operation_id=f"{slug}_report",
            url_name=f"{slug}_report",
        )
        def campaign_report_out(request: HttpRequest, record_id: Id) -> Any:
            record = cooperation_get(request.user, record_id, kind)
            report = campaign_report(record, request.user)
            return {
                "columns": [{"key": key, "label": str(label)} for key, label, _kind in COLUMNS],
                "rows": [{"region": row.code, "label": row.label, **row.values} for row in report.rows],
                "partial": report.partial,
            }

    @router.post(
        "/{record_id}/{action}",
        response={200: CooperationDetail, **WRITE_ERRORS},
        summary=f"Take a step on a {noun}: " + ", ".join(f"`{a}`" for a in actions_of(kind)),
        operation_id=f"{slug}_act",
        url_name=f"{slug}_act",
    )
    def record_act(request: HttpRequest, record_id: Id, action: str, payload: ActionIn) -> Any:
        record = cooperation_get(request.user, record_id, kind)
        data = {k: v for k, v in payload.dict().items() if v is not None}
        cooperation_act(actor=request.user, record=record, action=action, data=data)
        return detail_out(cooperation_get(request.user, record.pk, kind), request.user)

    return router


any_router = Router(tags=["cooperation"], auth=AUTH)


@any_router.get(
    "/{record_id}",
    response={200: CooperationDetail, 401: ErrorResponse, 404: ErrorResponse},
    summary="Any cooperation record by id (the change feed's `url`); the kind's own route has its steps",
    url_name="cooperation_detail",
)
def cooperation_detail(request: HttpRequest, record_id: Id) -> Any:
    return detail_out(cooperation_get(request.user, record_id), request.user)


ROUTERS = [
    ("/cooperation", any_router),
    ("/leads", kind_router(CoopKind.LEAD, "leads", LeadIn, "lead notification (线索通报)")),
    (
        "/assistance-requests",
        kind_router(CoopKind.ASSISTANCE, "assistance_requests", AssistanceIn, "co-investigation request (协查)"),
    ),
    ("/joint-cases", kind_router(CoopKind.JOINT, "joint_cases", JointIn, "joint case (联合办案)")),
    (
        "/supervised-cases",
        kind_router(CoopKind.SUPERVISION, "supervised_cases", SupervisedIn, "supervised case (挂牌督办)"),
    ),
    ("/campaigns", kind_router(CoopKind.CAMPAIGN, "campaigns", CampaignIn, "cluster campaign (集群战役)")),
    (
        "/consultations",
        kind_router(CoopKind.CONSULTATION, "consultations", ConsultationIn, "hard-case consultation (会商)"),
    ),
]
