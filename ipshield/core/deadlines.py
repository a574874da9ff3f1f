"""Statutory deadlines (期限): the one module that computes every due date.

Pure functions: aware datetimes in, aware datetime out, `now` passed in, never read from the
clock. Units:
- ``hours``: the trigger plus N hours (国务院令第310号 第5条: send within 24 hours).
- ``days`` (calendar days): the trigger day does not count (期间开始之日不计算在期间内); due at the
  end of the Nth day. When that day is a statutory holiday or rest day the period ends at the end
  of the next working day (刑事诉讼法第105条, 行政诉讼法第83条, 民事诉讼法第85条).
- ``working_days`` (工作日): the trigger day does not count; due at the end of the Nth working day
  by the official calendar, make-up working days (调休) included.

The official calendar comes from the `chinesecalendar` package (State Council notices); years it
does not yet cover fall back to Monday-Friday and are reported by `calendar_is_official()`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache
from zoneinfo import ZoneInfo

import chinese_calendar

CHINA_TZ = ZoneInfo("Asia/Shanghai")
END_OF_DAY = dt.time(23, 59, 59)


class Unit(StrEnum):
    HOURS = "hours"
    DAYS = "days"
    WORKING_DAYS = "working_days"


@dataclass(frozen=True)
class Period:
    value: int
    unit: Unit

    def __post_init__(self) -> None:
        if self.value < 0:
            raise ValueError("a period cannot be negative")

    def __add__(self, other: Period) -> Period:
        if other.unit != self.unit:
            raise ValueError("cannot add periods of different units")
        return Period(self.value + other.value, self.unit)


@dataclass(frozen=True)
class WorkCalendar:
    """Chinese official working-day calendar with optional local overrides.

    `extra_holidays` / `extra_workdays` let an administrator add a year's notice before the
    package is updated (or a local public holiday).
    """

    extra_holidays: frozenset[dt.date] = field(default_factory=frozenset)
    extra_workdays: frozenset[dt.date] = field(default_factory=frozenset)

    def is_workday(self, day: dt.date) -> bool:
        if day in self.extra_workdays:
            return True
        if day in self.extra_holidays:
            return False
        return _official_is_workday(day)

    def calendar_is_official(self, day: dt.date) -> bool:
        try:
            chinese_calendar.is_workday(day)
        except NotImplementedError:
            return day in self.extra_holidays or day in self.extra_workdays
        return True

    def next_workday(self, day: dt.date) -> dt.date:
        while not self.is_workday(day):
            day += dt.timedelta(days=1)
        return day

    def add_working_days(self, day: dt.date, count: int) -> dt.date:
        current = day
        remaining = count
        while remaining > 0:
            current += dt.timedelta(days=1)
            if self.is_workday(current):
                remaining -= 1
        return current

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after `start` up to and including `end` (negative when end < start)."""
        if end < start:
            return -self.working_days_between(end, start)
        days = (end - start).days
        return sum(1 for i in range(1, days + 1) if self.is_workday(start + dt.timedelta(days=i)))


@lru_cache(maxsize=16384)
def _official_is_workday(day: dt.date) -> bool:
    # chinesecalendar re-validates its whole table on every call (~25 µs); days never change.
    try:
        return bool(chinese_calendar.is_workday(day))
    except NotImplementedError:
        return day.weekday() < 5


OFFICIAL_CALENDAR = WorkCalendar()


def _require_aware(moment: dt.datetime) -> dt.datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("deadlines need an aware datetime")
    return moment.astimezone(CHINA_TZ)


def end_of_day(day: dt.date) -> dt.datetime:
    """A deadline that falls on `day` ends at 23:59:59 Beijing time."""
    return dt.datetime.combine(day, END_OF_DAY, tzinfo=CHINA_TZ)


def end_of_next_working_day(now: dt.datetime, *, calendar: WorkCalendar = OFFICIAL_CALENDAR) -> dt.datetime:
    """The horizon of a reminder sent one working day ahead: deadlines up to it are due soon."""
    return end_of_day(calendar.add_working_days(_require_aware(now).date(), 1))


def first_working_day_after(moment: dt.datetime, *, calendar: WorkCalendar = OFFICIAL_CALENDAR) -> dt.date:
    """The working day after a missed deadline, on which 催办 goes out."""
    return calendar.add_working_days(_require_aware(moment).date(), 1)


def due_at(
    start: dt.datetime,
    period: Period,
    *,
    calendar: WorkCalendar = OFFICIAL_CALENDAR,
    roll_over_rest_days: bool = True,
) -> dt.datetime:
    """When a period that starts at `start` ends (aware, Asia/Shanghai)."""
    local = _require_aware(start)
    if period.unit is Unit.HOURS:
        return local + dt.timedelta(hours=period.value)
    if period.unit is Unit.DAYS:
        last = local.date() + dt.timedelta(days=period.value)
        if roll_over_rest_days:
            last = calendar.next_workday(last)
        return end_of_day(last)
    return end_of_day(calendar.add_working_days(local.date(), period.value))


class DeadlineState(StrEnum):
    OPEN = "open"
    DUE_SOON = "due_soon"  # due within one working day
    OVERDUE = "overdue"
    MET = "met"
    MET_LATE = "met_late"


@dataclass(frozen=True)
class DeadlineStatus:
    due: dt.datetime
    state: DeadlineState
    working_days_left: int


def deadline_status(
    due: dt.datetime,
    *,
    now: dt.datetime,
    done_at: dt.datetime | None = None,
    calendar: WorkCalendar = OFFICIAL_CALENDAR,
) -> DeadlineStatus:
    """Where a deadline stands at `now` (or when the step was done at `done_at`)."""
    due_local = _require_aware(due)
    now_local = _require_aware(now)
    left = calendar.working_days_between(now_local.date(), due_local.date())
    if done_at is not None:
        state = DeadlineState.MET if _require_aware(done_at) <= due_local else DeadlineState.MET_LATE
    elif now_local > due_local:
        state = DeadlineState.OVERDUE
    elif left <= 1:
        state = DeadlineState.DUE_SOON
    else:
        state = DeadlineState.OPEN
    return DeadlineStatus(due=due_local, state=state, working_days_left=left)


def calendar_with_overrides(holidays: Iterable[dt.date], workdays: Iterable[dt.date]) -> WorkCalendar:
    return WorkCalendar(extra_holidays=frozenset(holidays), extra_workdays=frozenset(workdays))
