"""Home-page work queues for the integrity archive and credit repair."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ipshield.core.choices import Role
from ipshield.core.work import WorkQueue, register_queue
from ipshield.credit.models import RepairStatus
from ipshield.credit.selectors import bank_feed, match_queue, repair_queue

DECIDERS = frozenset({Role.OFFICER, Role.AGENCY_HEAD})

register_queue(
    WorkQueue(
        key="credit_repair_pending",
        title=_("信用修复申请待决定"),
        roles=DECIDERS,
        severity="warning",
        items=lambda user: repair_queue(user).filter(status=RepairStatus.PENDING),
        url=lambda user: reverse("credit:repair_list"),
    )
)
register_queue(
    WorkQueue(
        key="credit_repair_overdue",
        title=_("信用修复申请已超期"),
        roles=DECIDERS,
        severity="danger",
        items=lambda user: repair_queue(user).filter(status=RepairStatus.PENDING, due_at__lt=timezone.now()),
        url=lambda user: reverse("credit:repair_list") + "?overdue=1",
    )
)
register_queue(
    WorkQueue(
        key="credit_matches_proposed",
        title=_("疑似同一主体待确认"),
        roles=DECIDERS,
        items=lambda user: match_queue(user),
        url=lambda user: reverse("credit:matches"),
    )
)
register_queue(
    WorkQueue(
        key="credit_feed_recent",
        title=_("近7日失信名单变动"),
        roles=frozenset({Role.BANK}),
        items=lambda user: bank_feed(user).filter(at__gte=timezone.now() - dt.timedelta(days=7)),
        url=lambda user: reverse("credit:bank_feed"),
    )
)
