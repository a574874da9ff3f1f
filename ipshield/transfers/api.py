"""/api/v1 transfers: propose, act, list (overdue), criminal steps, supervision queues."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.urls import reverse
from ninja import Query, Router, Schema
from pydantic import Field

from ipshield.cases.selectors import case_get
from ipshield.core.api import AUTH, WRITE_ERRORS, ApiError, ErrorResponse, paginate, validation_error
from ipshield.core.inputs import Date, Id, OptionalId, PageNumber, Revision
from ipshield.transfers.choices import SupervisionQueue, TransferGround, TransferStatus
from ipshield.transfers.criminal_steps import criminal_step_record
from ipshield.transfers.models import Transfer
from ipshield.transfers.selectors import supervision_queue, transfer_get, transfer_list
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
    domain: str | None = None
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
