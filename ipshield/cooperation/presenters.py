"""What a reader sees of a record and which steps are theirs to take now (API and pages alike)."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from ipshield.cooperation import workflow
from ipshield.cooperation.choices import CoopAction as A
from ipshield.cooperation.choices import CoopKind, ParticipantState, Participation
from ipshield.cooperation.models import Cooperation
from ipshield.cooperation.services import ACTING_ROLES, STEPS, delays, record_url
from ipshield.core import regions

# Steps taken by the agency that started the record; the others by its participants.
OWNER_STEPS = frozenset(
    {
        A.WITHDRAW,
        A.RETURN,
        A.CONFIRM,
        A.INVITE,
        A.ADD_MILESTONE,
        A.MOVE_MILESTONE,
        A.REMIND,
        A.CRITICIZE,
        A.START,
        A.CONCLUDE,
    }
)
OWNER_STEPS_OF_KIND: dict[str, set[str]] = {
    CoopKind.JOINT: {A.CLOSE},
    CoopKind.SUPERVISION: {A.CLOSE},
    CoopKind.CAMPAIGN: {A.NOTE},
}
# Participant steps, by the participant's state in which each may be taken.
PARTICIPANT_STEPS: dict[str, frozenset[str]] = {
    A.ACKNOWLEDGE: frozenset({ParticipantState.PENDING}),
    A.ACCEPT: frozenset({ParticipantState.PENDING, ParticipantState.ACKNOWLEDGED}),
    A.DECLINE: frozenset({ParticipantState.PENDING, ParticipantState.ACKNOWLEDGED}),
    A.REPLY: frozenset({ParticipantState.ACKNOWLEDGED, ParticipantState.PENDING}),
    A.FEEDBACK: frozenset({ParticipantState.ACCEPTED}),
    A.JOIN: frozenset({ParticipantState.PENDING}),
    A.NOTE: frozenset({ParticipantState.JOINED}),
    A.REPORT: frozenset({ParticipantState.ACKNOWLEDGED}),
    A.COMPLETE_MILESTONE: frozenset({ParticipantState.ACKNOWLEDGED}),
}


def available_actions(user: Any, record: Cooperation) -> list[str]:
    """The steps this reader may take now (the services check again when they are taken)."""
    if getattr(user, "role", None) not in ACTING_ROLES or not getattr(user, "agency_id", None):
        return []
    lifecycle = workflow.LIFECYCLES[record.kind]
    owner = user.agency_id == record.agency_id
    mine = next((p for p in record.participants.all() if p.agency_id == user.agency_id), None)
    out: list[str] = []
    for action in STEPS[record.kind]:
        if not lifecycle.allows(record.status, action):
            continue
        if action in OWNER_STEPS or action in OWNER_STEPS_OF_KIND.get(record.kind, set()):
            if owner:
                out.append(action)
            continue
        if action == A.LINK:
            if any(
                p.agency_id is None and regions.contains(p.region_code, user.agency.region_id)
                for p in record.participants.all()
            ):
                out.append(action)
            continue
        if mine is None:
            continue
        if record.kind == CoopKind.ASSISTANCE and action == A.REPLY and mine.state != ParticipantState.ACKNOWLEDGED:
            continue
        if (
            record.kind == CoopKind.CONSULTATION
            and action in {A.REPLY, A.DECLINE}
            and mine.state != ParticipantState.PENDING
        ):
            continue
        if record.kind == CoopKind.JOINT and action == A.DECLINE and mine.state != ParticipantState.PENDING:
            continue
        if record.kind == CoopKind.JOINT and mine.role == Participation.LEAD_AGENCY and action in {A.JOIN, A.DECLINE}:
            continue
        if mine.state in PARTICIPANT_STEPS.get(action, frozenset()):
            out.append(action)
    return out


def is_overdue(record: Cooperation) -> bool:
    return bool(record.due_at and record.due_at < timezone.now() and record.status not in workflow.FINISHED)


def summary_out(record: Cooperation) -> dict[str, Any]:
    return {
        "id": record.pk,
        "kind": record.kind,
        "number": record.number,
        "title": record.title,
        "status": record.status,
        "status_label": record.get_status_display(),
        "agency": {"id": record.agency_id, "name": record.agency.name},
        "case": {"id": record.case_id, "number": record.case.number} if record.case is not None else None,
        "created_at": record.created_at,
        "due_at": record.due_at,
        "overdue": is_overdue(record),
        "due_agency": record.due_agency.name if record.due_agency is not None else None,
        "escalated_at": record.escalated_at,
        "closed_at": record.closed_at,
        "url": record_url(record),
    }


def detail_out(record: Cooperation, user: Any) -> dict[str, Any]:
    participants = list(record.participants.select_related("agency"))
    return {
        **summary_out(record),
        "body": record.body,
        "details": record.details or {},
        "participants": [
            {
                "agency_id": p.agency_id,
                "agency": p.agency.name if p.agency is not None else None,
                "region": p.region_code,
                "role": p.role,
                "state": p.state,
                "responded_at": p.responded_at,
                "note": p.note,
            }
            for p in participants
        ],
        "entries": [
            {
                "id": e.pk,
                "kind": e.kind,
                "agency": e.agency.name if e.agency is not None else None,
                "at": e.created_at,
                "text": e.text,
                "data": e.data or {},
            }
            for e in record.entries.select_related("agency")
        ],
        "milestones": [
            {
                "id": m.pk,
                "title": m.title,
                "due_at": m.due_at,
                "done_at": m.done_at,
                "report": m.report,
                "reminded_at": m.reminded_at,
                "missed": m.reminded_at is not None
                or bool(m.done_at and m.done_at > m.due_at)
                or (m.done_at is None and m.due_at < timezone.now()),
            }
            for m in record.milestones.all()
        ],
        "delays": delays(record) if record.kind == CoopKind.SUPERVISION else 0,
        "actions": available_actions(user, record),
    }
