"""Reads of cooperation records: every list and detail starts from `Cooperation.objects.visible_to`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from ipshield.cooperation import workflow
from ipshield.cooperation.choices import ParticipantState
from ipshield.cooperation.models import Cooperation, Participant
from ipshield.core.jurisdiction import get_visible_or_404

BOXES = ("all", "sent", "received", "todo", "overdue", "escalated")
OPEN_STATES = [ParticipantState.PENDING, ParticipantState.ACKNOWLEDGED]


def cooperation_queryset(user: Any, kind: str | None = None) -> QuerySet[Cooperation]:
    if kind:
        queryset = Cooperation.objects.filter(kind=kind).visible_to(user, kind=kind)
    else:
        queryset = Cooperation.objects.visible_to(user)
    return queryset.select_related("agency", "case", "due_agency")


def cooperation_get(user: Any, pk: Any, kind: str | None = None) -> Cooperation:
    """One record with its participants read once (the detail, its steps and its forms all use them)."""
    queryset = cooperation_queryset(user, kind).prefetch_related(
        Prefetch("participants", queryset=Participant.objects.select_related("agency"))
    )
    record: Cooperation = get_visible_or_404(queryset, user, pk=pk)
    return record


def awaiting_agency(agency_id: int) -> Q:
    """Records waiting for this agency: it is a participant still to answer or act (pending or
    acknowledged). The agency a running deadline is on (`due_agency`) is always such a participant
    (the 协查 receiver, the 督办 handler), so one indexed look-up finds the whole queue."""
    waiting = Participant.objects.filter(agency_id=agency_id, state__in=OPEN_STATES).values("cooperation_id")
    return Q(pk__in=waiting) & ~Q(status__in=list(workflow.FINISHED))


def cooperation_list(user: Any, kind: str | None, filters: Mapping[str, Any]) -> QuerySet[Cooperation]:
    queryset = cooperation_queryset(user, kind)
    agency_id = getattr(user, "agency_id", None) or 0
    box = filters.get("box") or "all"
    if box == "sent":
        queryset = queryset.filter(agency_id=agency_id)
    elif box == "received":
        queryset = queryset.filter(Exists(Participant.objects.filter(cooperation=OuterRef("pk"), agency_id=agency_id)))
    elif box == "todo":
        queryset = queryset.filter(awaiting_agency(agency_id or 0))
    elif box == "overdue":
        queryset = queryset.filter(due_at__lt=timezone.now()).exclude(status__in=list(workflow.FINISHED))
    elif box == "escalated":
        queryset = queryset.filter(escalated_at__isnull=False).exclude(status__in=list(workflow.FINISHED))
    if filters.get("overdue"):
        queryset = queryset.filter(due_at__lt=timezone.now()).exclude(status__in=list(workflow.FINISHED))
    if filters.get("status"):
        queryset = queryset.filter(status=filters["status"])
    if filters.get("case"):
        queryset = queryset.filter(case_id=filters["case"])
    if filters.get("q"):
        text = str(filters["q"])[:100]
        queryset = queryset.filter(Q(number__icontains=text) | Q(title__icontains=text))
    return queryset.order_by("-created_at", "-id")
