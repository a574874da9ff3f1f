"""Home-page work queues for cases."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ipshield.cases.selectors import (
    case_queryset,
    due_soon_q,
    overdue_q,
    penalty_instead_of_transfer_q,
    suspected_not_transferred_q,
)
from ipshield.core.choices import Role
from ipshield.core.deadlines import OFFICIAL_CALENDAR
from ipshield.core.work import WorkQueue, register_queue

ADMIN_ROLES = frozenset({Role.OFFICER, Role.AGENCY_HEAD})
SUPERVISORS = frozenset({Role.PROCURATOR, Role.COORDINATOR})  # the system administrator reads no case content


def _list_url(**params: str) -> str:
    return reverse("cases:list") + "?" + urlencode(params)


def _due_soon_until(now: dt.datetime) -> dt.datetime:
    next_day = OFFICIAL_CALENDAR.add_working_days(timezone.localdate(now), 1)
    return dt.datetime.combine(next_day, dt.time(23, 59, 59), tzinfo=now.tzinfo)


register_queue(
    WorkQueue(
        key="cases_overdue",
        title=_("已逾期的案件"),
        roles=ADMIN_ROLES | SUPERVISORS,
        severity="danger",
        items=lambda user: case_queryset(user).filter(overdue_q(timezone.now())),
        url=lambda user: _list_url(overdue="1"),
    )
)
register_queue(
    WorkQueue(
        key="cases_due_soon",
        title=_("一个工作日内到期"),
        roles=ADMIN_ROLES,
        severity="warning",
        items=lambda user: case_queryset(user).filter(
            due_soon_q(timezone.now(), _due_soon_until(timezone.localtime()))
        ),
        url=lambda user: _list_url(overdue=""),
    )
)
register_queue(
    WorkQueue(
        key="cases_suspected_not_transferred",
        title=_("涉嫌犯罪、尚未移送"),
        # Supervisors see the same cases, after the grace period, as the 应移未移 supervision queue.
        roles=ADMIN_ROLES,
        severity="danger",
        items=lambda user: case_queryset(user).filter(suspected_not_transferred_q()),
        url=lambda user: _list_url(queue="suspected_not_transferred"),
    )
)
register_queue(
    WorkQueue(
        key="cases_penalty_instead_of_transfer",
        title=_("涉嫌犯罪但仅作行政处罚结案"),
        roles=SUPERVISORS,
        severity="warning",
        items=lambda user: case_queryset(user).filter(penalty_instead_of_transfer_q()),
        url=lambda user: _list_url(queue="penalty_instead_of_transfer"),
    )
)
register_queue(
    WorkQueue(
        key="cases_split",
        title=_("拆分案件线索"),
        roles=SUPERVISORS,
        severity="warning",
        # One count query on the partial index; the page groups the cases by party.
        items=lambda user: (
            case_queryset(user)
            .filter(cumulative_outcome="suspected_crime", status__in=["lead", "filed", "investigating"])
            .exclude(own_outcome="suspected_crime")
        ),
        url=lambda user: reverse("cases:split_cases"),
    )
)
