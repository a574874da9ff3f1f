"""Reads of alerts, each from the scoped selector (ARCHITECTURE §2)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db.models import Case, IntegerField, OuterRef, QuerySet, Subquery, Value, When

from ipshield.core.choices import Role
from ipshield.core.jurisdiction import get_visible_or_404, narrow_to_region
from ipshield.core.models import Region
from ipshield.stats import workflow
from ipshield.stats.choices import AlertLevel
from ipshield.stats.models import Alert, Assessment

# The leading-group offices steer by alerts; procuratorates read them (legal supervision).
ALERT_READERS = frozenset({Role.COORDINATOR, Role.PROCURATOR})
LEVEL_ORDER = Case(
    When(level=AlertLevel.RED, then=Value(0)),
    When(level=AlertLevel.ORANGE, then=Value(1)),
    default=Value(2),
    output_field=IntegerField(),
)


def alerts_for(user: Any) -> QuerySet[Alert]:
    if getattr(user, "role", None) not in ALERT_READERS:
        return Alert.objects.none()
    region_name = Region.objects.filter(code=OuterRef("region_code")).values("name")[:1]
    return Alert.objects.visible_to(user).select_related("owner").annotate(region_name=Subquery(region_name))


def alert_get(user: Any, pk: Any) -> Alert:
    alert: Alert = get_visible_or_404(alerts_for(user), user, pk=pk)
    return alert


def alert_list(user: Any, filters: Mapping[str, Any]) -> QuerySet[Alert]:
    qs = alerts_for(user)
    for name in ("status", "level", "rule"):
        if filters.get(name):
            qs = qs.filter(**{name: filters[name]})
    if filters.get("open"):
        qs = qs.filter(status__in=workflow.ALERT_OPEN)
    qs = narrow_to_region(qs, filters.get("region"))
    return qs.order_by("-last_seen_at", "-id")


def open_alerts_for(user: Any, region: str) -> QuerySet[Alert]:
    """Open alerts in `region` the reader may see, the most severe first."""
    qs = narrow_to_region(alerts_for(user).filter(status__in=workflow.ALERT_OPEN), region)
    return qs.annotate(severity=LEVEL_ORDER).order_by("severity", "-last_seen_at", "-id")


def assessments_for(user: Any) -> QuerySet[Assessment]:
    """考核 the reader may open: its own office's and those of the regions below (coordinators,
    procurators); nobody else."""
    if getattr(user, "role", None) not in ALERT_READERS:
        return Assessment.objects.none()
    region_name = Region.objects.filter(code=OuterRef("region_code")).values("name")[:1]
    return Assessment.objects.visible_to(user).select_related("owner").annotate(region_name=Subquery(region_name))


def assessment_get(user: Any, pk: Any) -> Assessment:
    found: Assessment = get_visible_or_404(assessments_for(user), user, pk=pk)
    return found
