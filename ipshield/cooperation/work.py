"""Home-page work queues and the change-feed source of cooperation records."""

from __future__ import annotations

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ipshield.cooperation import workflow
from ipshield.cooperation.choices import CoopKind
from ipshield.cooperation.models import Cooperation
from ipshield.cooperation.selectors import awaiting_agency
from ipshield.core.changes import FeedSource, register_feed_source
from ipshield.core.choices import Role
from ipshield.core.work import WorkQueue, register_queue

ACTING = frozenset({Role.OFFICER, Role.AGENCY_HEAD, Role.POLICE, Role.PROCURATOR, Role.JUDGE, Role.COORDINATOR})
UNFINISHED = ~Q(status__in=list(workflow.FINISHED))

register_queue(
    WorkQueue(
        key="cooperation_todo",
        title=_("待办的协作事项（线索、协查、会商、督办）"),
        roles=ACTING,
        severity="warning",
        items=lambda user: Cooperation.objects.visible_to(user).filter(awaiting_agency(user.agency_id or 0)),
        url=lambda user: reverse("cooperation:list") + "?box=todo",
    )
)
register_queue(
    WorkQueue(
        key="cooperation_overdue",
        title=_("已逾期的协作事项"),
        roles=ACTING,
        severity="danger",
        items=lambda user: (
            Cooperation.objects.visible_to(user)
            .filter(awaiting_agency(user.agency_id or 0))
            .filter(due_at__lt=timezone.now())
        ),
        url=lambda user: reverse("cooperation:list") + "?box=todo&overdue=1",
    )
)
register_queue(
    WorkQueue(
        key="cooperation_escalated",
        title=_("本地区逾期上报的协作事项和多次逾期的督办案件"),
        roles=frozenset({Role.COORDINATOR}),
        severity="danger",
        items=lambda user: Cooperation.objects.visible_to(user).filter(UNFINISHED, escalated_at__isnull=False),
        url=lambda user: reverse("cooperation:list") + "?box=escalated",
    )
)
register_queue(
    WorkQueue(
        key="supervision_mine",
        title=_("本机关督办中的案件"),
        roles=frozenset({Role.COORDINATOR}),
        items=lambda user: Cooperation.objects.visible_to(user).filter(
            UNFINISHED, kind=CoopKind.SUPERVISION, agency_id=user.agency_id
        ),
        url=lambda user: reverse("cooperation:list") + "?kind=supervision&box=sent",
    )
)
register_feed_source(
    FeedSource(
        "cooperation.cooperation",
        "cooperation",
        lambda user: Cooperation.objects.visible_to(user),
        lambda pk: f"/api/v1/cooperation/{pk}",
    )
)
