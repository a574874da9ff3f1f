"""/api/v1 transfers: propose, act, list (overdue), criminal steps, supervision queues."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.urls import reverse
from ninja import Query, Router, Schema
from pydantic import Field

from ipshield.cases.choices import IpType
from ipshield.cases.selectors import case_get
from ipshield.core.api import AUTH, WRITE_ERRORS, ApiError, ErrorResponse, paginate, validation_error
from ipshield.core.choices import AgencyKind, CampaignDomain
from ipshield.core.inputs import Date, Id, OptionalId, PageNumber, Revision
from ipshield.transfers.choices import (
    CriminalStepKind,
    OfficialClueDecision,
    OfficialClueKind,
    OfficialClueStatus,
    SupervisionQueue,
    TransferGround,
    TransferStatus,
)
from ipshield.transfers.criminal_steps import criminal_step_record
from ipshield.transfers.models import CriminalStep, OfficialClue, Transfer
from ipshield.transfers.official_clues import official_clue_act, official_clue_report
from ipshield.transfers.selectors import (
    criminal_step_list,
    official_clue_get,
    official_clues_for,
    supervision_queue,
    transfer_get,
    transfer_list,
)
from ipshield.transfers.services import TransferConflict, transfer_act, transfer_propose
from ipshield.transfers.supervision import supervision_open

router = Router(tags=["transfers"], auth=AUTH)
cases_router = Router(tags=["transfers"], auth=AUTH)
supervision_router = Router(tags=["supervision"], auth=AUTH)


class TransferIn(Schema):
    group_member_ids: list[Id] = Field(min_length=1, max_length=50)
    report: str = Field(min_length=1, max_length=20000)
    ground: TransferGround = TransferGround.SUSPECTED_CRIME


class ActionIn(Schema):
    revision: Revision | None = None
    reason: str = Field("", max_length=20000)
    manifest_hash: str = Field("", max_length=64)
    criminal_case_number: str = Field("", max_length=64)


class StepIn(Schema):
    kind: str
    person_name: str = Field("", max_length=64)
    occurred_on: Date
    result: str = Field("", max_length=5000)
    party_id: OptionalId = None


class SupervisionIn(Schema):
    queue: SupervisionQueue
    case_id: Id
    transfer_id: OptionalId = None
    opinion: str = Field(min_length=1, max_length=20000)


class TransferEventOut(Schema):
    action: str
    from_status: str
    to_status: str
    actor: str
    at: dt.datetime
    note: str
    due_at: dt.datetime | None
    late: bool


class TransferOut(Schema):
    id: int
    case_id: int
    case_number: str
    agency: str
    police_agency: str
    procuratorate: str | None
    ground: str
    status: TransferStatus
    proposed_at: dt.datetime
    next_due_at: dt.datetime | None
    next_due_side: str
    manifest_hash: str
    received_manifest_hash: str
    criminal_case_number: str
    revision: int
    url: str


class TransferDetailOut(TransferOut):
    report: str
    events: list[TransferEventOut]
    manifest: dict[str, Any]


class TransferPage(Schema):
    items: list[TransferOut]
    count: int
    next: str | None


class TransferFilters(Schema):
    status: TransferStatus | None = None
    overdue: bool = False
    region: str | None = Field(None, pattern=r"^[0-9]{6}$")
    region_exact: str | None = Field(None, pattern=r"^[0-9]{6}$", description="only records of this very region (本级)")
    domain: str | None = None
    agency: OptionalId = Field(None, description="only transfers from this agency")
    officer: OptionalId = Field(None, description="only transfers of cases this officer handles (承办人)")
    agency_kind: AgencyKind | None = Field(None, description="only transfers from agencies of this kind")
    ip_type: IpType | None = Field(None, description="the case's IP type (as on the case list)")
    outcome: Literal["accepted", "refused", "supervised"] | None = Field(
        None, description="accepted = 公安机关已立案; refused = 不予立案 at least once; supervised = 建议立案监督"
    )
    step: CriminalStepKind | None = Field(None, description="a criminal step recorded for at least one person")
    step_from: Date | None = Field(None, description="that step on or after this day")
    step_to: Date | None = None
    sent_from: Date | None = Field(None, description="移送 on or after this day (China time)")
    sent_to: Date | None = Field(None, description="移送 on or before this day")
    page: PageNumber = 1
    page_size: int = Field(50, ge=1, le=100)


def transfer_out(t: Transfer) -> dict[str, Any]:
    return {
        "id": t.pk,
        "case_id": t.case_id,
        "case_number": t.case.number,
        "agency": t.agency.name,
        "police_agency": t.police_agency.name,
        "procuratorate": t.procuratorate.name if t.procuratorate else None,
        "ground": t.ground,
        "status": t.status,
        "proposed_at": t.proposed_at,
        "next_due_at": t.next_due_at,
        "next_due_side": t.next_due_role,
        "manifest_hash": t.manifest_hash,
        "received_manifest_hash": t.received_manifest_hash,
        "criminal_case_number": t.criminal_case_number,
        "revision": t.revision,
        "url": reverse("transfers:detail", args=[t.pk]),
    }


def _detail(t: Transfer) -> dict[str, Any]:
    data = transfer_out(t)
    data["report"] = t.report
    data["manifest"] = t.manifest
    data["events"] = [
        {
            "action": e.action,
            "from_status": e.from_status,
            "to_status": e.to_status,
            "actor": e.actor.username,
            "at": e.at,
            "note": e.note,
            "due_at": e.due_at,
            "late": e.late,
        }
        for e in t.events.select_related("actor")
    ]
    return data


@cases_router.post(
    "/{case_id}/transfers",
    response={
        201: TransferDetailOut,
        401: ErrorResponse,
        403: ErrorResponse,
        404: ErrorResponse,
        409: ErrorResponse,
        422: ErrorResponse,
    },
    summary="Propose a transfer (special group of ≥ 2 officers)",
)
def transfers_create(request: HttpRequest, case_id: int, payload: TransferIn) -> Any:
    case = case_get(request.user, case_id)
    try:
        transfer = transfer_propose(
            actor=request.user,
            case=case,
            group_member_ids=payload.group_member_ids,
            report=payload.report,
            ground=payload.ground,
        )
    except ValidationError as exc:
        raise validation_error(exc) from exc
    except TransferConflict as exc:
        raise ApiError(409, "conflict", str(exc)) from exc
    return 201, _detail(transfer_get(request.user, transfer.pk))


@router.get(
    "",
    response={200: TransferPage, 401: ErrorResponse, 422: ErrorResponse},
    summary="Transfers visible to me; overdue=true lists steps past their deadline",
)
def transfers_list(request: HttpRequest, filters: Query[TransferFilters]) -> Any:
    queryset = transfer_list(request.user, filters.dict(exclude={"page", "page_size"}))
    return paginate(request, queryset, page=filters.page, page_size=filters.page_size, serialise=transfer_out)


@router.get("/{transfer_id}", response={200: TransferDetailOut, 401: ErrorResponse, 404: ErrorResponse})
def transfers_detail(request: HttpRequest, transfer_id: int) -> Any:
    return _detail(transfer_get(request.user, transfer_id))


@router.post(
    "/{transfer_id}/steps",
    response={201: dict[str, Any], 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 422: ErrorResponse},
    summary="Record a criminal step for one person (detention, arrest, prosecution, judgment)",
)
def transfers_step(request: HttpRequest, transfer_id: int, payload: StepIn) -> Any:
    transfer = transfer_get(request.user, transfer_id)
    try:
        step = criminal_step_record(
            actor=request.user,
            transfer=transfer,
            kind=payload.kind,
            person_name=payload.person_name,
            occurred_on=payload.occurred_on,
            result=payload.result,
            party_id=payload.party_id,
        )
    except ValidationError as exc:
        raise validation_error(exc) from exc
    return 201, {
        "id": step.pk,
        "kind": step.kind,
        "person_name": step.person_name,
        "occurred_on": step.occurred_on.isoformat(),
    }


@router.post(
    "/{transfer_id}/{action}",
    response={200: TransferDetailOut, **WRITE_ERRORS},
    summary="Take a step: approve, refuse, send, receive, accept, refuse_case, request_reconsideration, ...",
)
def transfers_action(request: HttpRequest, transfer_id: int, action: str, payload: ActionIn) -> Any:
    transfer = transfer_get(request.user, transfer_id)
    try:
        transfer_act(
            actor=request.user, transfer=transfer, action=action, data=payload.dict(), revision=payload.revision
        )
    except ValidationError as exc:
        raise validation_error(exc) from exc
    except TransferConflict as exc:
        raise ApiError(409, "conflict", str(exc)) from exc
    return _detail(transfer_get(request.user, transfer_id))


class QueueFilters(Schema):
    region: str | None = Field(None, pattern=r"^[0-9]{6}$")
    agency: int | None = None
    domain: str | None = None
    page: PageNumber = 1
    page_size: int = Field(50, ge=1, le=100)


class QueuePage(Schema):
    queue: str
    items: list[dict[str, Any]]
    count: int
    next: str | None


def _queue_item(item: Any) -> dict[str, Any]:
    if isinstance(item, Transfer):
        return {"type": "transfer", **transfer_out(item)}
    return {
        "type": "case",
        "id": item.pk,
        "number": item.number,
        "title": item.title,
        "agency": item.agency.name,
        "region_code": item.region_code,
        "domain": item.domain,
        "status": item.status,
        "screening_outcome": item.screening_outcome,
        "suspected_since": item.suspected_since.isoformat() if item.suspected_since else None,
        "close_reason": item.close_reason,
        "url": reverse("cases:detail", args=[item.pk]),
    }


@supervision_router.get(
    "/{queue}",
    response={200: QueuePage, 401: ErrorResponse, 404: ErrorResponse, 422: ErrorResponse},
    summary="应移未移 (not_transferred), 以罚代刑 (penalty_instead), late_steps, refusals",
)
def supervision_list(request: HttpRequest, queue: str, filters: Query[QueueFilters]) -> Any:
    if queue not in SupervisionQueue.values:
        raise ApiError(404, "not_found", f"unknown queue {queue}")
    queryset = supervision_queue(request.user, queue, filters.dict(exclude={"page", "page_size"}))
    return {
        "queue": queue,
        **paginate(request, queryset, page=filters.page, page_size=filters.page_size, serialise=_queue_item),
    }


@supervision_router.post(
    "",
    response={201: dict[str, Any], 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 422: ErrorResponse},
    summary="Open a supervision record on a case or transfer (procurator)",
)
def supervision_create(request: HttpRequest, payload: SupervisionIn) -> Any:
    case = case_get(request.user, payload.case_id)
    transfer = transfer_get(request.user, payload.transfer_id) if payload.transfer_id else None
    try:
        record = supervision_open(
            actor=request.user, case=case, queue=payload.queue, opinion=payload.opinion, transfer=transfer
        )
    except ValidationError as exc:
        raise validation_error(exc) from exc
    return 201, {"id": record.pk, "reply_due_at": record.reply_due_at.isoformat(), "addressee": record.addressee.name}


# 公职人员涉案线索 (transfers/official_clues.py) -------------------------------------------------
clues_router = Router(tags=["official clues"], auth=AUTH)


class OfficialClueIn(Schema):
    case_id: Id
    kind: OfficialClueKind
    officials: str = Field("", max_length=300, description="Names, units and posts where known")
    description: str = Field(min_length=1, max_length=5000)


class OfficialClueActionIn(Schema):
    decision: OfficialClueDecision | None = Field(None, description="Required for `decide`")
    note: str = Field("", max_length=5000, description="Required for `decide`")


class OfficialClueOut(Schema):
    id: int
    case_id: int
    case_number: str
    agency: str
    procuratorate: str
    kind: OfficialClueKind
    officials: str
    description: str
    status: OfficialClueStatus
    reported_at: dt.datetime
    due_at: dt.datetime = Field(description="Platform working deadline for the procuratorate's handling")
    received_at: dt.datetime | None
    decision: str
    decision_note: str
    decided_at: dt.datetime | None
    url: str


class OfficialCluePage(Schema):
    items: list[OfficialClueOut]
    count: int
    next: str | None


class OfficialClueFilters(Schema):
    status: OfficialClueStatus | None = None
    page: PageNumber = 1
    page_size: int = Field(50, ge=1, le=100)


def official_clue_out(clue: OfficialClue) -> dict[str, Any]:
    return {
        "id": clue.pk,
        "case_id": clue.case_id,
        "case_number": clue.case.number,
        "agency": clue.agency.name,
        "procuratorate": clue.procuratorate.name,
        "kind": clue.kind,
        "officials": clue.officials,
        "description": clue.description,
        "status": clue.status,
        "reported_at": clue.reported_at,
        "due_at": clue.due_at,
        "received_at": clue.received_at,
        "decision": clue.decision,
        "decision_note": clue.decision_note,
        "decided_at": clue.decided_at,
        "url": reverse("transfers:official_clue_detail", args=[clue.pk]),
    }


@clues_router.get(
    "",
    response={200: OfficialCluePage, 401: ErrorResponse, 422: ErrorResponse},
    summary="公职人员涉案线索 the reporting agency or the procuratorate may read (police and coordinators: none)",
)
def official_clues_list(request: HttpRequest, filters: Query[OfficialClueFilters]) -> Any:
    queryset = official_clues_for(request.user)
    if filters.status:
        queryset = queryset.filter(status=filters.status)
    return paginate(request, queryset, page=filters.page, page_size=filters.page_size, serialise=official_clue_out)


@clues_router.post(
    "",
    response={201: OfficialClueOut, **WRITE_ERRORS},
    summary="Report a clue about officials from a case of one's own agency to the procuratorate (officer, head)",
)
def official_clues_create(request: HttpRequest, payload: OfficialClueIn) -> Any:
    case = case_get(request.user, payload.case_id)
    try:
        clue = official_clue_report(actor=request.user, case=case, data=payload.dict())
    except ValidationError as exc:
        raise validation_error(exc) from exc
    return 201, official_clue_out(official_clue_get(request.user, clue.pk))


@clues_router.get(
    "/{clue_id}",
    response={200: OfficialClueOut, 401: ErrorResponse, 404: ErrorResponse},
    summary="One clue (404 outside the reader's jurisdiction)",
)
def official_clues_detail(request: HttpRequest, clue_id: Id) -> Any:
    return official_clue_out(official_clue_get(request.user, clue_id))


@clues_router.post(
    "/{clue_id}/{action}",
    response={200: OfficialClueOut, **WRITE_ERRORS},
    summary="`receive` or `decide` (with decision and note): the addressed procuratorate only",
)
def official_clues_act(request: HttpRequest, clue_id: Id, action: str, payload: OfficialClueActionIn) -> Any:
    clue = official_clue_get(request.user, clue_id)
    try:
        official_clue_act(actor=request.user, clue=clue, event=action, data=payload.dict())
    except ValidationError as exc:
        raise validation_error(exc) from exc
    except TransferConflict as exc:
        raise ApiError(409, "conflict", str(exc)) from exc
    return official_clue_out(official_clue_get(request.user, clue.pk))


steps_router = Router(tags=["transfers"], auth=AUTH)


class CriminalStepFilters(Schema):
    kind: CriminalStepKind | None = None
    occurred_from: Date | None = Field(None, description="on or after this day")
    occurred_to: Date | None = None
    region: str | None = Field(None, pattern=r"^[0-9]{6}$")
    region_exact: str | None = Field(
        None, pattern=r"^[0-9]{6}$", description="only transfers of this very region (本级)"
    )
    domain: CampaignDomain | None = None
    agency_kind: AgencyKind | None = None
    ip_type: IpType | None = None
    page: PageNumber = 1
    page_size: int = Field(50, ge=1, le=100)


class CriminalStepOut(Schema):
    id: int
    transfer_id: int
    case_number: str
    person_name: str
    kind: CriminalStepKind
    occurred_on: dt.date
    result: str


class CriminalStepPage(Schema):
    items: list[CriminalStepOut]
    count: int
    next: str | None


def criminal_step_out(step: CriminalStep) -> dict[str, Any]:
    return {
        "id": step.pk,
        "transfer_id": step.transfer_id,
        "case_number": step.transfer.case.number,
        "person_name": step.person_name,
        "kind": step.kind,
        "occurred_on": step.occurred_on,
        "result": step.result,
    }


@steps_router.get(
    "",
    response={200: CriminalStepPage, 401: ErrorResponse, 422: ErrorResponse},
    summary="Criminal steps per person (人) of the transfers the caller may see: detention, arrest, prosecution, judgment",
)
def criminal_steps_list(request: HttpRequest, filters: Query[CriminalStepFilters]) -> Any:
    queryset = criminal_step_list(request.user, filters.dict(exclude={"page", "page_size"}))
    return paginate(request, queryset, page=filters.page, page_size=filters.page_size, serialise=criminal_step_out)
