"""Home-page work queues for tips."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ipshield.core.choices import Role
from ipshield.core.work import WorkQueue, register_queue
from ipshield.tips.choices import TipStatus
from ipshield.tips.selectors import tip_queryset

register_queue(
    WorkQueue(
        key="tips_to_accept",
        title=_("待受理的举报（15个工作日内）"),
        roles=frozenset({Role.OFFICER, Role.AGENCY_HEAD}),
        severity="warning",
        items=lambda user: tip_queryset(user).filter(agency_id=user.agency_id, status=TipStatus.ROUTED),
        url=lambda user: reverse("tips:list") + "?status=routed",
    )
)
register_queue(
    WorkQueue(
        key="tips_overdue",
        title=_("逾期未受理的举报"),
        roles=frozenset({Role.OFFICER, Role.AGENCY_HEAD, Role.COORDINATOR}),
        severity="danger",
        items=lambda user: tip_queryset(user).filter(next_due_at__lt=timezone.now()),
        url=lambda user: reverse("tips:list") + "?overdue=1",
    )
)
