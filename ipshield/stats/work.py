"""Home-page work queue and change-feed source for risk alerts."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ipshield.core.changes import FeedSource, register_feed_source
from ipshield.core.choices import Role
from ipshield.core.work import WorkQueue, register_queue
from ipshield.stats import workflow
from ipshield.stats.selectors import alerts_for

register_queue(
    WorkQueue(
        key="alerts_open",
        title=_("待研判处置的风险预警"),
        roles=frozenset({Role.COORDINATOR}),
        severity="danger",
        # The office's own alerts: those it owns (the ones below are their own offices' work).
        items=lambda user: alerts_for(user).filter(owner_id=user.agency_id, status__in=workflow.ALERT_OPEN),
        url=lambda user: reverse("stats:alerts") + "?status=open",
    )
)
register_feed_source(FeedSource("stats.alert", "alert", alerts_for, lambda pk: f"/api/v1/stats/alerts/{pk}"))
