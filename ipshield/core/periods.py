"""Reporting periods: whole days in China time, so a report's figure and the list behind it
(`?filed_from=&filed_to=`) select exactly the same records."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q

from ipshield.core.deadlines import CHINA_TZ


def day_start(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.min, tzinfo=CHINA_TZ)


def period_q(field: str, start: dt.date | None, end: dt.date | None) -> Q:
    """`field` (a datetime) within [start 00:00, end + 1 day 00:00) China time; either end open."""
    condition = Q()
    if start is not None:
        condition &= Q(**{f"{field}__gte": day_start(start)})
    if end is not None:
        condition &= Q(**{f"{field}__lt": day_start(end + dt.timedelta(days=1))})
    return condition
