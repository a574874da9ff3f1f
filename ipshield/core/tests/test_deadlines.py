"""Deadlines on real holiday weeks (official calendar with make-up working days)."""

import datetime as dt

import pytest

from ipshield.core.deadlines import (
    CHINA_TZ,
    DeadlineState,
    Period,
    Unit,
    WorkCalendar,
    deadline_status,
    due_at,
)


def at(y, m, d, h=10, minute=0):
    return dt.datetime(y, m, d, h, minute, tzinfo=CHINA_TZ)


def test_working_days_skip_2012_national_day_week_and_count_makeup_saturday():
    # 2012: 9.30-10.7 holiday; Saturday 9.29 is a make-up working day.
    due = due_at(at(2012, 9, 27), Period(3, Unit.WORKING_DAYS))
    # 9.28 (Fri) = 1, 9.29 (Sat, make-up) = 2, then holiday until 10.7 → 10.8 = 3
    assert due == dt.datetime(2012, 10, 8, 23, 59, 59, tzinfo=CHINA_TZ)


def test_working_days_across_spring_festival_2024():
    # 2024 Spring Festival: 2.10-2.17 off; Sunday 2.4 and Sunday 2.18 are make-up working days.
    due = due_at(at(2024, 2, 8), Period(2, Unit.WORKING_DAYS))
    # 2.9 (Fri, 除夕) was a working day in 2024 = 1; 2.10-2.17 off; 2.18 (Sun, make-up) = 2
    assert due.date() == dt.date(2024, 2, 18)


def test_fifteen_working_days_from_a_lead():
    due = due_at(at(2024, 9, 20), Period(15, Unit.WORKING_DAYS))
    # National Day 2024: 10.1-10.7 off, 9.29 (Sun) and 10.12 (Sat) make-up days:
    # 9.23-27 (5), 9.29-30 (7), 10.8-12 (12), 10.14-16 (15)
    assert due.date() == dt.date(2024, 10, 16)


def test_hours_are_exact():
    assert due_at(at(2024, 10, 1, 15, 30), Period(24, Unit.HOURS)) == at(2024, 10, 2, 15, 30)


def test_calendar_days_ending_on_a_holiday_roll_to_next_working_day():
    # Approved 2012-09-28: 3 days end on 10.1 (holiday) → the period ends on 10.8.
    assert due_at(at(2012, 9, 28), Period(3, Unit.DAYS)).date() == dt.date(2012, 10, 8)


def test_calendar_days_without_roll_over():
    assert due_at(at(2012, 9, 28), Period(3, Unit.DAYS), roll_over_rest_days=False).date() == dt.date(2012, 10, 1)


def test_ninety_days_from_filing():
    assert due_at(at(2025, 3, 3), Period(90, Unit.DAYS)).date() == dt.date(2025, 6, 3)  # 6.1 is a Sunday


def test_naive_datetimes_are_refused():
    with pytest.raises(ValueError, match="aware"):
        due_at(dt.datetime(2024, 1, 1), Period(1, Unit.DAYS))


def test_year_beyond_official_calendar_falls_back_to_weekdays_and_says_so():
    calendar = WorkCalendar()
    assert not calendar.calendar_is_official(dt.date(2031, 5, 1))
    assert calendar.is_workday(dt.date(2031, 5, 5))  # a Monday


def test_overrides_let_an_admin_add_a_year_before_the_package_knows_it():
    calendar = WorkCalendar(extra_holidays=frozenset({dt.date(2031, 1, 1)}))
    assert not calendar.is_workday(dt.date(2031, 1, 1))


@pytest.mark.parametrize(
    ("now", "done", "state"),
    [
        (at(2024, 10, 14), None, DeadlineState.DUE_SOON),
        (at(2024, 10, 8), None, DeadlineState.OPEN),
        (at(2024, 10, 16), None, DeadlineState.OVERDUE),
        (at(2024, 10, 16), at(2024, 10, 15, 9), DeadlineState.MET),
        (at(2024, 10, 16), at(2024, 10, 16, 9), DeadlineState.MET_LATE),
    ],
)
def test_deadline_status(now, done, state):
    due = dt.datetime(2024, 10, 15, 23, 59, 59, tzinfo=CHINA_TZ)
    assert deadline_status(due, now=now, done_at=done).state is state
