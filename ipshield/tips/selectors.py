from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from ipshield.core.jurisdiction import get_visible_or_404, narrow_to_region
from ipshield.tips.models import Tip


def tip_queryset(user: Any) -> QuerySet[Tip]:
    return Tip.objects.visible_to(user).select_related("agency")


def tip_get(user: Any, pk: Any) -> Tip:
    tip: Tip = get_visible_or_404(tip_queryset(user), user, pk=pk)
    return tip


def tip_list(user: Any, filters: Mapping[str, Any]) -> QuerySet[Tip]:
    qs = tip_queryset(user)
    if filters.get("status"):
        qs = qs.filter(status=filters["status"])
    if filters.get("agency"):
        qs = qs.filter(agency_id=filters["agency"])
    qs = narrow_to_region(qs, filters.get("region"))
    if filters.get("overdue"):
        return qs.filter(next_due_at__lt=timezone.now()).order_by("next_due_at", "id")
    return qs.order_by("-received_at", "-id")
