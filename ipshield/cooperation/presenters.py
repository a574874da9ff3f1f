"""What a reader sees of a record and which steps are theirs to take now (API and pages alike)."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from ipshield.cooperation import workflow
from ipshield.cooperation.choices import CoopKind
from ipshield.cooperation.models import Cooperation
from ipshield.cooperation.services import available_actions, delays, record_url


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
    participants = list(record.participants.all())  # prefetched by cooperation_get
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
