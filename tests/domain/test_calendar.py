"""Tests for desktop.domain.calendar: official holidays, working-day and office-time arithmetic.

Every holiday date below was written by hand from the State Council General Office notices
(国务院办公厅关于 2025 年 / 2026 年部分节假日安排的通知) and is checked against the data of the
`chinese-calendar` package as well, so a wrong date on either side makes a test fail.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone

import chinese_calendar
import pytest
from chinese_calendar import constants
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from desktop.domain.calendar import (
    OfficeHours,
    WorkCalendar,
    YearCalendar,
    default_calendar,
    published_years,
    weekends_only,
)
from desktop.domain.timeutil import CHINA_TZ

CAL = default_calendar()
DAY = 27000  # 8:30–12:00 + 13:30–17:30 = 7.5 h
MON, TUE, WED, THU, FRI, SAT, SUN = range(7)


def cst(y: int, m: int, d: int, hh: int = 0, mm: int = 0, ss: int = 0, us: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, ss, us, tzinfo=CHINA_TZ)


def span(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def assert_cst(result: datetime, expected: datetime) -> None:
    """Same instant, and expressed in China time with the same wall clock."""
    assert result == expected
    assert result.utcoffset() == timedelta(hours=8)
    assert result.replace(tzinfo=None) == expected.astimezone(CHINA_TZ).replace(tzinfo=None)


# -- independent oracles ------------------------------------------------------------------


def oracle_is_working(day: date) -> bool:
    """chinese_calendar's own answer for 2004–2026; Monday–Friday for other years."""
    if 2004 <= day.year <= 2026:
        return bool(chinese_calendar.is_workday(day))
    return day.weekday() < 5


def oracle_add(start: date, n: int) -> date:
    """Step day by day: the n-th working day after (before, n < 0) `start`."""
    step = 1 if n > 0 else -1
    day, left = start, abs(n)
    while left:
        day += timedelta(days=step)
        if oracle_is_working(day):
            left -= 1
    return day


DEFAULT_PERIODS = ((time(8, 30), time(12, 0)), (time(13, 30), time(17, 30)))


def oracle_office_time(
    a: datetime, b: datetime, periods: tuple[tuple[time, time], ...] = DEFAULT_PERIODS
) -> timedelta:
    """Exact office time between a <= b, intersecting with every office period of every day."""
    a, b = a.astimezone(CHINA_TZ), b.astimezone(CHINA_TZ)
    total = timedelta(0)
    day = a.date()
    while day <= b.date():
        if oracle_is_working(day):
            for start, end in periods:
                lo = max(datetime.combine(day, start, CHINA_TZ), a)
                hi = min(datetime.combine(day, end, CHINA_TZ), b)
                if hi > lo:
                    total += hi - lo
        day += timedelta(days=1)
    return total


# -- the official schedules -----------------------------------------------------------------

# (name, days off, make-up working days, last working day before, first working day after)
SCHEDULES = [
    (
        "spring-2025",
        span(date(2025, 1, 28), date(2025, 2, 4)),
        [date(2025, 1, 26), date(2025, 2, 8)],
        date(2025, 1, 27),
        date(2025, 2, 5),
    ),
    (
        "national-2025",
        span(date(2025, 10, 1), date(2025, 10, 8)),
        [date(2025, 9, 28), date(2025, 10, 11)],
        date(2025, 9, 30),
        date(2025, 10, 9),
    ),
    (
        "new-year-2026",
        span(date(2026, 1, 1), date(2026, 1, 3)),
        [date(2026, 1, 4)],
        date(2025, 12, 31),
        date(2026, 1, 4),
    ),
    (
        "spring-2026",
        span(date(2026, 2, 15), date(2026, 2, 23)),
        [date(2026, 2, 14), date(2026, 2, 28)],
        date(2026, 2, 14),
        date(2026, 2, 24),
    ),
    (
        "mid-autumn-2026",
        span(date(2026, 9, 25), date(2026, 9, 27)),
        [],
        date(2026, 9, 24),
        date(2026, 9, 28),
    ),
    (
        "national-2026",
        span(date(2026, 10, 1), date(2026, 10, 7)),
        [date(2026, 9, 20), date(2026, 10, 10)],
        date(2026, 9, 30),
        date(2026, 10, 8),
    ),
]


@pytest.mark.parametrize(
    ("name", "off", "makeup", "before", "after"), SCHEDULES, ids=[s[0] for s in SCHEDULES]
)
def test_official_schedule_matches_package_and_calendar(
    name: str, off: list[date], makeup: list[date], before: date, after: date
) -> None:
    for day in off:
        assert day in constants.holidays, day
        assert not CAL.is_working_day(day), day
    for day in makeup:
        assert day.weekday() in (SAT, SUN), day
        assert day in constants.workdays, day
        assert CAL.is_working_day(day), day
    assert CAL.is_working_day(before) and CAL.is_working_day(after)
    # Nothing between the last working day before and the first after is a working day.
    between = span(before + timedelta(days=1), after - timedelta(days=1))
    assert not any(CAL.is_working_day(d) for d in between)


def test_weekdays_of_the_schedules_are_as_published() -> None:
    # 除夕 2025 is a Tuesday, 国庆 2025 a Wednesday, 元旦 2026 a Thursday, 初一 2026 a Tuesday.
    assert date(2025, 1, 28).weekday() == TUE
    assert date(2025, 10, 1).weekday() == WED
    assert date(2026, 1, 1).weekday() == THU
    assert date(2026, 2, 15).weekday() == SUN and date(2026, 2, 23).weekday() == MON
    assert date(2026, 10, 1).weekday() == THU
    assert date(2027, 1, 1).weekday() == FRI


def test_make_up_days_of_2025_and_2026_are_exactly_the_published_ones() -> None:
    years = published_years()
    assert years[2025].workdays == {
        date(2025, 1, 26),
        date(2025, 2, 8),
        date(2025, 4, 27),
        date(2025, 9, 28),
        date(2025, 10, 11),
    }
    assert years[2026].workdays == {
        date(2026, 1, 4),
        date(2026, 2, 14),
        date(2026, 2, 28),
        date(2026, 5, 9),
        date(2026, 9, 20),
        date(2026, 10, 10),
    }


def test_published_years_cover_2004_to_2026_only() -> None:
    years = published_years()
    assert sorted(years) == list(range(2004, 2027))
    assert all(y.confirmed and y.source for y in years.values())
    assert all(CAL.is_confirmed(y) for y in range(2004, 2027))
    assert not CAL.is_confirmed(2003)
    assert not CAL.is_confirmed(2027)


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2025, 3, 3), True),  # ordinary Monday
        (date(2025, 3, 8), False),  # ordinary Saturday
        (date(2025, 1, 25), False),  # Saturday before the make-up Sunday
        (date(2025, 1, 26), True),  # make-up Sunday
        (date(2025, 1, 27), True),
        (date(2025, 1, 28), False),  # 除夕
        (date(2025, 2, 3), False),  # Monday inside the holiday
        (date(2025, 2, 4), False),
        (date(2025, 2, 5), True),
        (date(2025, 2, 8), True),  # make-up Saturday
        (date(2025, 2, 9), False),
        (date(2025, 9, 28), True),
        (date(2025, 10, 8), False),
        (date(2025, 10, 11), True),
        (date(2025, 10, 12), False),
        (date(2026, 1, 1), False),
        (date(2026, 1, 2), False),  # Friday off
        (date(2026, 1, 4), True),  # make-up Sunday
        (date(2026, 2, 14), True),
        (date(2026, 2, 16), False),
        (date(2026, 2, 23), False),  # Monday, last day of the 9-day break
        (date(2026, 2, 24), True),
        (date(2026, 2, 28), True),
        (date(2026, 9, 20), True),
        (date(2026, 9, 25), False),  # 中秋, a Friday
        (date(2026, 10, 7), False),
        (date(2026, 10, 10), True),
        (date(2026, 12, 31), True),
        (date(2027, 1, 1), True),  # unconfirmed: weekends only, so New Year's Day counts
        (date(2027, 1, 2), False),
        (date(2003, 10, 1), True),  # before the data: weekends only
    ],
)
def test_is_working_day(day: date, working: bool) -> None:
    assert CAL.is_working_day(day) is working


def test_year_end_2026_to_2027_is_unconfirmed() -> None:
    assert CAL.confirmed(date(2026, 1, 1), date(2026, 12, 31))
    assert not CAL.confirmed(date(2026, 12, 31), date(2027, 1, 1))
    assert not CAL.confirmed(cst(2027, 1, 1), cst(2026, 12, 31))  # either order
    assert not CAL.confirmed(date(2003, 12, 31), date(2004, 1, 1))
    assert CAL.confirmed(cst(2004, 1, 1), cst(2026, 12, 31, 23, 59))
    fallback = CAL.year(2027)
    assert fallback.confirmed is False
    assert fallback.holidays == frozenset() and fallback.workdays == frozenset()
    assert CAL.year(2026).confirmed is True


def test_confirmed_reads_years_in_china_time() -> None:
    """20:00 on 31 Dec 2026 at UTC-5 is 09:00 on 1 Jan 2027 in China, an unconfirmed year."""
    new_year_morning = datetime(2026, 12, 31, 20, 0, tzinfo=timezone(timedelta(hours=-5)))
    assert new_year_morning.astimezone(CHINA_TZ).date() == date(2027, 1, 1)
    assert not CAL.confirmed(cst(2026, 12, 31, 10), new_year_morning)
    assert not CAL.confirmed(new_year_morning, new_year_morning)
    assert not CAL.confirmed(new_year_morning, cst(2026, 12, 1, 10))
    assert CAL.confirmed(new_year_morning - timedelta(hours=10), date(2026, 1, 1))  # 23:00


# -- add_working_days / working_days_between ----------------------------------------------


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        (date(2025, 3, 3), 0, date(2025, 3, 3)),
        (date(2025, 3, 8), 0, date(2025, 3, 8)),  # 0 days: the start itself, even a Saturday
        (date(2025, 3, 7), 1, date(2025, 3, 10)),  # Friday -> Monday
        (date(2025, 1, 24), 1, date(2025, 1, 26)),  # make-up Sunday counts
        (date(2025, 1, 24), 2, date(2025, 1, 27)),
        (date(2025, 1, 24), 3, date(2025, 2, 5)),  # across the whole Spring Festival
        (date(2025, 1, 27), 1, date(2025, 2, 5)),
        (date(2025, 1, 28), 1, date(2025, 2, 5)),  # starting inside the holiday
        (date(2025, 2, 7), 1, date(2025, 2, 8)),  # make-up Saturday
        (date(2025, 2, 8), 1, date(2025, 2, 10)),
        (date(2025, 2, 5), -1, date(2025, 1, 27)),
        (date(2025, 2, 5), -2, date(2025, 1, 26)),
        (date(2025, 2, 5), -3, date(2025, 1, 24)),
        (date(2025, 2, 1), -1, date(2025, 1, 27)),  # back from inside the holiday
        (date(2025, 2, 10), -1, date(2025, 2, 8)),
        (date(2025, 2, 10), -3, date(2025, 2, 6)),
        (date(2025, 9, 26), 1, date(2025, 9, 28)),
        (date(2025, 9, 30), 1, date(2025, 10, 9)),
        (date(2025, 10, 12), -1, date(2025, 10, 11)),
        (date(2025, 10, 11), -2, date(2025, 10, 9)),
        (date(2025, 12, 31), 1, date(2026, 1, 4)),  # New Year 2026, make-up Sunday
        (date(2026, 1, 4), -1, date(2025, 12, 31)),
        (date(2026, 2, 13), 1, date(2026, 2, 14)),
        (date(2026, 2, 14), 1, date(2026, 2, 24)),
        (date(2026, 2, 24), -1, date(2026, 2, 14)),
        (date(2026, 2, 27), 1, date(2026, 2, 28)),
        (date(2026, 2, 28), 1, date(2026, 3, 2)),
        (date(2026, 9, 18), 1, date(2026, 9, 20)),
        (date(2026, 9, 24), 1, date(2026, 9, 28)),  # over 中秋
        (date(2026, 9, 30), 1, date(2026, 10, 8)),
        (date(2026, 10, 9), 1, date(2026, 10, 10)),
        (date(2026, 12, 31), 1, date(2027, 1, 1)),  # unconfirmed 2027: 1 Jan is a Friday
        (date(2026, 12, 31), 2, date(2027, 1, 4)),
        (date(2027, 1, 1), -1, date(2026, 12, 31)),
        # A whole year: 2025 and 2026 have 248 working days each (365 − 104 − 13).
        (date(2025, 1, 1), 248, date(2025, 12, 31)),
        (date(2024, 12, 31), 248, date(2025, 12, 31)),
        (date(2025, 12, 31), -247, date(2025, 1, 2)),
        (date(2025, 12, 31), 248, date(2026, 12, 31)),
        # ... and 248 Monday-to-Friday days of 2027: Fri 1 Jan + 49 weeks + Mon, Tue.
        (date(2025, 12, 31), 496, date(2027, 12, 14)),
        (date(2027, 12, 14), -496, date(2025, 12, 31)),
    ],
)
def test_add_working_days(start: date, n: int, expected: date) -> None:
    assert CAL.add_working_days(start, n) == expected
    assert oracle_add(start, n) == expected  # the hand-computed value agrees with the oracle


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (date(2025, 3, 3), date(2025, 3, 3), 0),
        (date(2025, 3, 3), date(2025, 3, 10), 5),
        (date(2025, 1, 24), date(2025, 2, 7), 5),  # 26, 27, 5, 6, 7
        (date(2025, 1, 27), date(2025, 2, 4), 0),
        (date(2025, 1, 27), date(2025, 2, 5), 1),
        (date(2025, 9, 30), date(2025, 10, 11), 3),  # 9, 10, 11
        (date(2026, 2, 13), date(2026, 2, 28), 6),  # 14, 24, 25, 26, 27, 28
        (date(2024, 12, 31), date(2025, 12, 31), 248),
        (date(2025, 12, 31), date(2026, 12, 31), 248),
        (date(2026, 12, 31), date(2027, 12, 31), 261),  # weekends only
        (date(2025, 3, 8), date(2025, 3, 9), 0),  # a weekend
    ],
)
def test_working_days_between(start: date, end: date, expected: int) -> None:
    assert CAL.working_days_between(start, end) == expected
    assert CAL.working_days_between(end, start) == -expected


# -- deadline_after -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        # Dispatched on the last working day before the Spring Festival: due the first after.
        (cst(2025, 1, 27, 16, 0), 1, cst(2025, 2, 5, 17, 30)),
        (cst(2025, 1, 27, 7, 0), 1, cst(2025, 2, 5, 17, 30)),  # start day never counts
        (cst(2025, 1, 27, 23, 59, 59), 1, cst(2025, 2, 5, 17, 30)),
        (cst(2025, 1, 25, 10, 0), 1, cst(2025, 1, 26, 17, 30)),  # make-up Sunday
        (cst(2025, 2, 7, 10, 0), 1, cst(2025, 2, 8, 17, 30)),  # make-up Saturday
        (cst(2025, 1, 30, 10, 0), 2, cst(2025, 2, 6, 17, 30)),  # registered in the holiday
        (cst(2025, 9, 30, 10, 0), 1, cst(2025, 10, 9, 17, 30)),
        (cst(2025, 9, 22, 10, 0), 10, cst(2025, 10, 11, 17, 30)),
        (cst(2026, 2, 13, 9, 0), 1, cst(2026, 2, 14, 17, 30)),
        (cst(2026, 2, 14, 9, 0), 1, cst(2026, 2, 24, 17, 30)),
        (cst(2026, 2, 11, 9, 0), 10, cst(2026, 3, 3, 17, 30)),
        (cst(2026, 9, 30, 10, 0), 1, cst(2026, 10, 8, 17, 30)),
        (cst(2025, 12, 31, 10, 0), 1, cst(2026, 1, 4, 17, 30)),
        (cst(2026, 12, 31, 10, 0), 1, cst(2027, 1, 1, 17, 30)),  # unconfirmed 2027
        # 20:00 UTC on 4 Feb is 04:00 on 5 Feb in China: the China date is the start day.
        (datetime(2025, 2, 4, 20, 0, tzinfo=UTC), 1, cst(2025, 2, 6, 17, 30)),
        (datetime(2025, 1, 27, 15, 0, tzinfo=UTC), 1, cst(2025, 2, 5, 17, 30)),
    ],
)
def test_deadline_after(start: datetime, days: int, expected: datetime) -> None:
    assert_cst(CAL.deadline_after(start, days), expected)


@pytest.mark.parametrize("days", [0, -1])
def test_deadline_after_needs_at_least_one_day(days: int) -> None:
    with pytest.raises(ValueError, match="至少为 1 个工作日"):
        CAL.deadline_after(cst(2025, 3, 3, 10), days)


def test_naive_datetimes_are_refused() -> None:
    with pytest.raises(ValueError, match="naive"):
        CAL.deadline_after(datetime(2025, 3, 3, 10), 1)
    with pytest.raises(ValueError, match="naive"):
        CAL.working_seconds_between(datetime(2025, 3, 3, 10), cst(2025, 3, 3, 11))
    with pytest.raises(ValueError, match="naive"):
        CAL.shift_working_seconds(datetime(2025, 3, 3, 10), 60)


# -- working_seconds_between ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (cst(2025, 3, 3, 9, 0), cst(2025, 3, 3, 11, 0), 7200),
        (cst(2025, 3, 3, 11, 0), cst(2025, 3, 3, 14, 0), 3600 + 1800),  # lunch break skipped
        (cst(2025, 3, 3, 12, 10), cst(2025, 3, 3, 13, 20), 0),  # inside the break
        (cst(2025, 3, 3, 12, 0), cst(2025, 3, 3, 13, 30), 0),
        (cst(2025, 3, 3, 7, 0), cst(2025, 3, 3, 19, 0), DAY),
        (cst(2025, 3, 3, 8, 30), cst(2025, 3, 3, 17, 30), DAY),
        (cst(2025, 3, 3, 17, 30), cst(2025, 3, 4, 8, 30), 0),  # a night
        (cst(2025, 3, 3, 16, 0), cst(2025, 3, 4, 9, 30), 5400 + 3600),
        (cst(2025, 3, 7, 17, 0), cst(2025, 3, 10, 9, 0), 1800 + 1800),  # a weekend
        (cst(2025, 3, 8, 10, 0), cst(2025, 3, 8, 15, 0), 0),  # Saturday, same day
        (cst(2025, 3, 8, 10, 0), cst(2025, 3, 10, 10, 0), 5400),
        (cst(2025, 3, 3, 10, 0), cst(2025, 3, 6, 10, 0), 3 * DAY),
        (cst(2025, 1, 27, 17, 0), cst(2025, 2, 5, 9, 0), 1800 + 1800),  # Spring Festival
        (cst(2025, 1, 28, 9, 0), cst(2025, 1, 30, 16, 0), 0),  # inside the holiday
        (cst(2025, 2, 7, 17, 0), cst(2025, 2, 10, 9, 0), 1800 + DAY + 1800),  # make-up Sat
        (cst(2025, 1, 25, 9, 0), cst(2025, 1, 26, 9, 0), 1800),  # make-up Sunday counts
        (cst(2025, 9, 30, 17, 30), cst(2025, 10, 9, 8, 30), 0),  # the whole National Day
        (cst(2026, 12, 31, 17, 0), cst(2027, 1, 1, 9, 0), 1800 + 1800),  # fallback 2027
        # 23:00 UTC on Sunday 2 March is 07:00 on Monday 3 March in China.
        (datetime(2025, 3, 2, 23, 0, tzinfo=UTC), cst(2025, 3, 3, 9, 0), 1800),
        (datetime(2025, 3, 3, 1, 0, tzinfo=UTC), datetime(2025, 3, 3, 3, 0, tzinfo=UTC), 7200),
    ],
)
def test_working_seconds_between(a: datetime, b: datetime, expected: int) -> None:
    assert CAL.working_seconds_between(a, b) == expected
    assert CAL.working_seconds_between(b, a) == -expected


def test_working_seconds_between_same_instant_is_zero() -> None:
    assert CAL.working_seconds_between(cst(2025, 3, 3, 10), cst(2025, 3, 3, 10)) == 0


# -- shift_working_seconds -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "seconds", "expected"),
    [
        (cst(2025, 3, 3, 9, 0), 3600, cst(2025, 3, 3, 10, 0)),
        (cst(2025, 3, 3, 11, 30), 3600, cst(2025, 3, 3, 14, 0)),  # over lunch
        (cst(2025, 3, 3, 11, 0), 3600, cst(2025, 3, 3, 12, 0)),  # earliest: 12:00 not 13:30
        (cst(2025, 3, 3, 12, 30), 60, cst(2025, 3, 3, 13, 31)),  # from inside the break
        (cst(2025, 3, 3, 17, 0), 1800, cst(2025, 3, 3, 17, 30)),  # closing stays on the day
        (cst(2025, 3, 3, 17, 0), 3600, cst(2025, 3, 4, 9, 0)),
        (cst(2025, 3, 3, 8, 30), DAY, cst(2025, 3, 3, 17, 30)),
        (cst(2025, 3, 3, 6, 0), 1, cst(2025, 3, 3, 8, 30, 1)),
        (cst(2025, 3, 3, 17, 30), DAY, cst(2025, 3, 4, 17, 30)),
        (cst(2025, 3, 3, 20, 0), 1, cst(2025, 3, 4, 8, 30, 1)),
        (cst(2025, 3, 8, 10, 0), 60, cst(2025, 3, 10, 8, 31)),  # from a Saturday
        (cst(2025, 3, 7, 17, 0), 3600, cst(2025, 3, 10, 9, 0)),
        (cst(2025, 1, 27, 17, 0), 3600, cst(2025, 2, 5, 9, 0)),  # over Spring Festival
        (cst(2025, 2, 7, 17, 0), 3600, cst(2025, 2, 8, 9, 0)),  # make-up Saturday
        (cst(2025, 3, 3, 10, 0), 5 * DAY, cst(2025, 3, 10, 10, 0)),
        (cst(2025, 3, 3, 10, 0), 0, cst(2025, 3, 3, 10, 0)),
        # backward
        (cst(2025, 3, 3, 10, 0), -3600, cst(2025, 3, 3, 9, 0)),
        (cst(2025, 3, 3, 14, 0), -3600, cst(2025, 3, 3, 11, 30)),
        (cst(2025, 3, 3, 14, 0), -1800, cst(2025, 3, 3, 12, 0)),  # earliest: 12:00
        (cst(2025, 3, 3, 9, 0), -1800, cst(2025, 2, 28, 17, 30)),  # opening -> prev closing
        (cst(2025, 3, 3, 9, 0), -1801, cst(2025, 2, 28, 17, 29, 59)),
        (cst(2025, 3, 9, 10, 0), -1800, cst(2025, 3, 7, 17, 0)),  # from a Sunday
        (cst(2025, 3, 10, 8, 30), -3 * DAY, cst(2025, 3, 4, 17, 30)),
        (cst(2025, 2, 5, 9, 0), -3600, cst(2025, 1, 27, 17, 0)),  # back over the holiday
        (cst(2025, 2, 10, 9, 0), -3600, cst(2025, 2, 8, 17, 0)),  # make-up Saturday
    ],
)
def test_shift_working_seconds(start: datetime, seconds: int, expected: datetime) -> None:
    assert_cst(CAL.shift_working_seconds(start, seconds), expected)


def test_shift_returns_china_time_for_other_zones() -> None:
    start = datetime(2025, 3, 3, 1, 0, tzinfo=UTC)  # 09:00 in China
    assert_cst(CAL.shift_working_seconds(start, 0), cst(2025, 3, 3, 9, 0))
    assert_cst(CAL.shift_working_seconds(start, 3600), cst(2025, 3, 3, 10, 0))
    assert_cst(CAL.shift_working_seconds(start, -3600), cst(2025, 2, 28, 17, 0))


# -- latest_equivalent ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (cst(2025, 3, 3, 12, 0), cst(2025, 3, 3, 13, 30)),
        (cst(2025, 3, 3, 17, 30), cst(2025, 3, 4, 8, 30)),
        (cst(2025, 3, 7, 17, 30), cst(2025, 3, 10, 8, 30)),  # Friday -> Monday
        (cst(2025, 1, 27, 17, 30), cst(2025, 2, 5, 8, 30)),  # over Spring Festival
        (cst(2025, 2, 7, 17, 30), cst(2025, 2, 8, 8, 30)),  # to the make-up Saturday
        (cst(2025, 3, 3, 10, 0), cst(2025, 3, 3, 10, 0)),
        (cst(2025, 3, 3, 8, 30), cst(2025, 3, 3, 8, 30)),
        (cst(2025, 3, 3, 11, 59, 59), cst(2025, 3, 3, 11, 59, 59)),
        (cst(2025, 3, 3, 13, 30), cst(2025, 3, 3, 13, 30)),
    ],
)
def test_latest_equivalent(moment: datetime, expected: datetime) -> None:
    assert_cst(CAL.latest_equivalent(moment), expected)


def test_latest_equivalent_converts_to_china_time() -> None:
    assert_cst(
        CAL.latest_equivalent(datetime(2025, 3, 3, 9, 30, tzinfo=UTC)), cst(2025, 3, 4, 8, 30)
    )


# -- OfficeHours --------------------------------------------------------------------------


def test_default_office_hours() -> None:
    hours = OfficeHours()
    assert hours.day_seconds == 27000
    assert hours.closing == time(17, 30)
    assert hours.to_list() == [["08:30", "12:00"], ["13:30", "17:30"]]
    assert OfficeHours.from_list(hours.to_list()) == hours


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (time(0, 0), 0),
        (time(8, 30), 0),
        (time(9, 0), 1800),
        (time(11, 59, 59), 12599),
        (time(12, 0), 12600),
        (time(12, 45), 12600),
        (time(13, 30), 12600),
        (time(14, 0), 14400),
        (time(17, 30), 27000),
        (time(23, 59, 59), 27000),
    ],
)
def test_seconds_before(moment: time, expected: int) -> None:
    assert OfficeHours().seconds_before(moment) == expected


@pytest.mark.parametrize(
    ("offset", "expected"),
    [
        (0, time(8, 30)),
        (1, time(8, 30, 1)),
        (12600, time(12, 0)),  # the boundary belongs to the earlier period
        (12601, time(13, 30, 1)),
        (27000, time(17, 30)),
    ],
)
def test_clock_at(offset: int, expected: time) -> None:
    assert OfficeHours().clock_at(offset) == expected


@pytest.mark.parametrize("offset", [-1, 27001])
def test_clock_at_outside_the_day(offset: int) -> None:
    with pytest.raises(ValueError):
        OfficeHours().clock_at(offset)


@pytest.mark.parametrize(
    ("periods", "message"),
    [
        ((), "至少需要一个时段"),
        (((time(12, 0), time(8, 30)),), "开始必须早于结束"),
        (((time(8, 30), time(8, 30)),), "开始必须早于结束"),
        (((time(8, 30), time(12, 0)), (time(11, 0), time(17, 30))), "互不重叠"),
        (((time(13, 30), time(17, 30)), (time(8, 30), time(12, 0))), "按时间先后"),
        (((time(8, 30), time(12, 0)), (time(14, 0), time(13, 30))), "开始必须早于结束"),
    ],
)
def test_office_hours_validation(periods: tuple[tuple[time, time], ...], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        OfficeHours(periods)


@pytest.mark.parametrize(
    "data",
    [
        [["08:30"]],
        [["08:30", "12:00", "13:00"]],
        [["8h30", "12:00"]],
        [["08:30", "25:00"]],
        [["12:00", "08:30"]],
        [],
    ],
)
def test_office_hours_from_list_rejects_malformed(data: list[list[str]]) -> None:
    with pytest.raises(ValueError):
        OfficeHours.from_list(data)


def test_adjacent_periods_are_allowed() -> None:
    hours = OfficeHours(((time(8, 0), time(12, 0)), (time(12, 0), time(16, 0))))
    assert hours.day_seconds == 8 * 3600
    assert hours.closing == time(16, 0)


NINE_TO_FIVE = OfficeHours(((time(9, 0), time(17, 0)),))


def test_custom_single_period_hours_change_deadlines_and_day_length() -> None:
    cal = default_calendar(NINE_TO_FIVE)
    assert NINE_TO_FIVE.day_seconds == 28800
    assert_cst(cal.deadline_after(cst(2025, 1, 27, 10), 1), cst(2025, 2, 5, 17, 0))
    assert cal.working_seconds_between(cst(2025, 3, 3, 8), cst(2025, 3, 3, 18)) == 28800
    assert cal.working_seconds_between(cst(2025, 3, 3, 12), cst(2025, 3, 3, 13)) == 3600
    assert_cst(cal.shift_working_seconds(cst(2025, 3, 3, 16), 7200), cst(2025, 3, 4, 10, 0))
    assert_cst(cal.shift_working_seconds(cst(2025, 3, 3, 10), -3600), cst(2025, 2, 28, 17, 0))
    assert_cst(cal.latest_equivalent(cst(2025, 3, 3, 17)), cst(2025, 3, 4, 9, 0))
    assert_cst(cal.latest_equivalent(cst(2025, 3, 3, 12)), cst(2025, 3, 3, 12, 0))
    # with_office_hours gives the same result and leaves the original alone.
    other = CAL.with_office_hours(NINE_TO_FIVE)
    assert_cst(other.deadline_after(cst(2025, 1, 27, 10), 1), cst(2025, 2, 5, 17, 0))
    assert_cst(CAL.deadline_after(cst(2025, 1, 27, 10), 1), cst(2025, 2, 5, 17, 30))


def test_three_period_hours() -> None:
    hours = OfficeHours(
        ((time(8, 0), time(12, 0)), (time(13, 0), time(15, 0)), (time(16, 0), time(18, 0)))
    )
    assert hours.day_seconds == 8 * 3600
    assert hours.clock_at(4 * 3600) == time(12, 0)
    assert hours.clock_at(6 * 3600) == time(15, 0)
    assert hours.clock_at(6 * 3600 + 1) == time(16, 0, 1)
    assert hours.seconds_before(time(15, 30)) == 6 * 3600
    cal = default_calendar(hours)
    assert_cst(cal.latest_equivalent(cst(2025, 3, 3, 15)), cst(2025, 3, 3, 16))
    assert cal.working_seconds_between(cst(2025, 3, 3, 11), cst(2025, 3, 3, 17)) == 3 * 3600 + 3600


# -- YearCalendar -------------------------------------------------------------------------


def test_year_calendar_round_trip() -> None:
    year = YearCalendar(
        year=2027,
        holidays=frozenset({date(2027, 1, 1), date(2027, 2, 8)}),
        workdays=frozenset({date(2027, 2, 6)}),
        source="平台发布",
    )
    data = year.to_dict()
    assert data == {
        "year": 2027,
        "source": "平台发布",
        "holidays": ["2027-01-01", "2027-02-08"],
        "workdays": ["2027-02-06"],
    }
    assert YearCalendar.from_dict(data) == year


def test_year_calendar_published_round_trip() -> None:
    for year in published_years().values():
        assert YearCalendar.from_dict(year.to_dict()) == year


def test_year_calendar_from_dict_defaults() -> None:
    year = YearCalendar.from_dict({"year": "2027"})
    assert year == YearCalendar(year=2027, source="", confirmed=True)
    assert year.is_working_day(date(2027, 1, 1))
    assert not year.is_working_day(date(2027, 1, 2))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "year"),
        ({"year": "二〇二七"}, "year"),
        ({"year": None}, "year"),
        ({"year": 2027, "holidays": ["2027-02-30"]}, "holidays.*2027-02-30"),
        ({"year": 2027, "workdays": ["not a date"]}, "workdays.*not a date"),
        ({"year": 2027, "holidays": ["2027-01-01"], "workdays": ["2027-01-01"]}, "2027-01-01"),
        ({"year": 2027, "holidays": ["2026-12-31"]}, "2026-12-31.*2027"),
        ({"year": 2027, "workdays": ["2028-01-01"]}, "2028-01-01"),
    ],
)
def test_year_calendar_from_dict_errors(data: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        YearCalendar.from_dict(data)


def test_year_calendar_direct_validation() -> None:
    with pytest.raises(ValueError, match="既是节假日又是调休工作日"):
        YearCalendar(2027, frozenset({date(2027, 5, 1)}), frozenset({date(2027, 5, 1)}))
    with pytest.raises(ValueError, match="不属于 2027 年"):
        YearCalendar(2027, holidays=frozenset({date(2026, 10, 1)}))


def test_year_calendar_from_dict_wrong_shape_raises_value_error() -> None:
    """The docstring promises ValueError for bad entries, JSON nulls included."""
    with pytest.raises(ValueError, match="holidays"):
        YearCalendar.from_dict({"year": 2027, "holidays": None})


def test_weekends_only() -> None:
    year = weekends_only(2027)
    assert year.confirmed is False and year.year == 2027
    assert [year.is_working_day(date(2027, 1, d)) for d in range(1, 8)] == [
        True,  # Fri
        False,
        False,
        True,
        True,
        True,
        True,
    ]


# -- WorkCalendar.with_year -----------------------------------------------------------------

PUBLISHED_2027 = YearCalendar.from_dict(
    {"year": 2027, "source": "平台发布", "holidays": ["2027-01-01"], "workdays": []}
)


def test_with_year_makes_a_published_2027_confirmed() -> None:
    # Warm the original's cache first so a stale cache would show.
    assert CAL.add_working_days(date(2026, 12, 31), 1) == date(2027, 1, 1)
    cal = CAL.with_year(PUBLISHED_2027)
    assert cal.is_confirmed(2027)
    assert cal.confirmed(date(2026, 12, 31), date(2027, 1, 1))
    assert not cal.is_working_day(date(2027, 1, 1))
    assert cal.add_working_days(date(2026, 12, 31), 1) == date(2027, 1, 4)
    assert_cst(cal.deadline_after(cst(2026, 12, 31, 10), 1), cst(2027, 1, 4, 17, 30))
    assert cal.working_seconds_between(cst(2026, 12, 31, 17), cst(2027, 1, 4, 9)) == 3600
    assert cal.year(2027).source == "平台发布"
    # The original is unchanged.
    assert not CAL.is_confirmed(2027)
    assert CAL.is_working_day(date(2027, 1, 1))
    assert_cst(CAL.deadline_after(cst(2026, 12, 31, 10), 1), cst(2027, 1, 1, 17, 30))


def test_with_year_replaces_rather_than_merges() -> None:
    bare_2025 = YearCalendar(2025, holidays=frozenset({date(2025, 1, 1)}), source="test")
    cal = CAL.with_year(bare_2025)
    assert cal.is_working_day(date(2025, 1, 28))  # 除夕 no longer off
    assert not cal.is_working_day(date(2025, 1, 26))  # make-up Sunday gone
    assert cal.add_working_days(date(2025, 1, 27), 1) == date(2025, 1, 28)
    assert cal.is_working_day(date(2026, 2, 14))  # other years kept
    assert not cal.is_working_day(date(2026, 2, 16))
    assert cal.office_hours == CAL.office_hours


def test_empty_work_calendar_is_weekends_only_and_unconfirmed() -> None:
    cal = WorkCalendar()
    assert cal.is_working_day(date(2025, 1, 28))
    assert not cal.confirmed(date(2025, 1, 1), date(2025, 1, 2))
    assert cal.add_working_days(date(2025, 1, 24), 1) == date(2025, 1, 27)


# -- properties ---------------------------------------------------------------------------

DATES = st.dates(date(2005, 1, 1), date(2026, 12, 31))
SPECIAL_CLOCKS = [
    time(0, 0),
    time(8, 29, 59),
    time(8, 30),
    time(8, 30, 1),
    time(11, 59, 59),
    time(12, 0),
    time(12, 30),
    time(13, 30),
    time(13, 30, 1),
    time(17, 29, 59),
    time(17, 30),
    time(17, 30, 1),
    time(23, 59, 59),
]
CLOCKS = st.one_of(
    st.sampled_from(SPECIAL_CLOCKS), st.times().map(lambda t: t.replace(microsecond=0))
)
INSTANTS = st.builds(lambda d, t: datetime.combine(d, t, CHINA_TZ), DATES, CLOCKS)
FAST = settings(max_examples=200, deadline=None)


@FAST
@given(start=DATES, n=st.integers(0, 60))
def test_add_then_count_gives_back_n(start: date, n: int) -> None:
    end = CAL.add_working_days(start, n)
    assert CAL.working_days_between(start, end) == n
    assert end == oracle_add(start, n)
    if n >= 1:
        assert end > start
        assert CAL.is_working_day(end)
        assert oracle_is_working(end)


@FAST
@given(start=DATES, n=st.integers(1, 60))
def test_add_backwards_matches_oracle(start: date, n: int) -> None:
    back = CAL.add_working_days(start, -n)
    assert back == oracle_add(start, -n)
    assert back < start and CAL.is_working_day(back)
    assert CAL.working_days_between(back, start) == n - (0 if oracle_is_working(start) else 1)


@FAST
@given(start=DATES, n=st.integers(1, 60))
def test_add_then_subtract(start: date, n: int) -> None:
    """Back from the n-th working day after d by n lands on d if d is a working day, and
    otherwise on the last working day before d (n >= 1)."""
    there_and_back = CAL.add_working_days(CAL.add_working_days(start, n), -n)
    if oracle_is_working(start):
        assert there_and_back == start
    else:
        last_before = start - timedelta(days=1)
        while not oracle_is_working(last_before):
            last_before -= timedelta(days=1)
        assert there_and_back == last_before


@FAST
@given(start=INSTANTS, n=st.integers(1, 30))
def test_deadline_after_is_close_of_a_working_day(start: datetime, n: int) -> None:
    deadline = CAL.deadline_after(start, n)
    assert deadline.timetz() == time(17, 30, tzinfo=CHINA_TZ)
    assert oracle_is_working(deadline.date())
    assert deadline.date() == oracle_add(start.date(), n)


@FAST
@given(a=INSTANTS, span_days=st.integers(0, 40), clock=CLOCKS)
def test_working_seconds_between_matches_oracle(a: datetime, span_days: int, clock: time) -> None:
    b = datetime.combine(a.date() + timedelta(days=span_days), clock, CHINA_TZ)
    lo, hi = min(a, b), max(a, b)
    expected = oracle_office_time(lo, hi)
    assert CAL.working_time_between(lo, hi) == expected
    assert CAL.working_time_between(hi, lo) == -expected
    assert CAL.working_seconds_between(lo, hi) == expected // timedelta(seconds=1)
    assert CAL.working_seconds_between(hi, lo) == -(expected // timedelta(seconds=1))


@FAST
@given(a=INSTANTS, seconds=st.integers(-40 * DAY, 40 * DAY))
def test_shift_then_measure_gives_back_the_shift(a: datetime, seconds: int) -> None:
    moved = CAL.shift_working_seconds(a, seconds)
    assert moved.utcoffset() == timedelta(hours=8)
    assert CAL.working_seconds_between(a, moved) == seconds
    one = timedelta(seconds=1)
    if seconds > 0:
        # The earliest such instant: one second earlier is one office second short.
        assert moved > a
        assert CAL.working_seconds_between(a, moved - one) == seconds - 1
    elif seconds < 0:
        assert moved < a
        assert CAL.working_seconds_between(moved - one, a) == -seconds + 1
    else:
        assert moved == a


@FAST
@given(a=INSTANTS, seconds=st.integers(1, 5 * DAY))
def test_latest_equivalent_of_a_shift_is_the_end_of_its_quiet_time(
    a: datetime, seconds: int
) -> None:
    moved = CAL.shift_working_seconds(a, seconds)
    latest = CAL.latest_equivalent(moved)
    assert latest >= moved
    assert CAL.working_seconds_between(moved, latest) == 0
    assert CAL.working_seconds_between(moved, latest + timedelta(seconds=1)) == 1


@settings(max_examples=100, deadline=None)
@given(
    first=st.dates(date(2024, 1, 1), date(2027, 12, 31)),
    days=st.integers(-30, 30),
)
def test_working_days_between_matches_day_by_day_count(first: date, days: int) -> None:
    second = first + timedelta(days=days)
    assume(second.year <= 2027)
    lo, hi = sorted((first, second))
    count = sum(oracle_is_working(d) for d in span(lo + timedelta(days=1), hi)) if hi > lo else 0
    sign = 1 if second >= first else -1
    assert CAL.working_days_between(first, second) == sign * count


MICRO = timedelta(microseconds=1)
SUB_SECOND_INSTANTS = st.builds(
    lambda moment, us: moment.replace(microsecond=us), INSTANTS, st.integers(0, 999_999)
)


@FAST
@given(
    a=SUB_SECOND_INSTANTS,
    offset=st.timedeltas(timedelta(days=-45), timedelta(days=45)),
)
def test_working_time_between_is_exact(a: datetime, offset: timedelta) -> None:
    b = a + offset
    lo, hi = min(a, b), max(a, b)
    exact = oracle_office_time(lo, hi)
    assert CAL.working_time_between(lo, hi) == exact
    assert CAL.working_time_between(hi, lo) == -exact
    # whole seconds, truncated toward zero
    assert CAL.working_seconds_between(lo, hi) == exact // timedelta(seconds=1)
    assert CAL.working_seconds_between(hi, lo) == -(exact // timedelta(seconds=1))


@FAST
@given(
    a=SUB_SECOND_INSTANTS,
    amount=st.timedeltas(timedelta(seconds=-40 * DAY), timedelta(seconds=40 * DAY)),
)
def test_shift_working_time_is_exact_and_earliest(a: datetime, amount: timedelta) -> None:
    moved = CAL.shift_working_time(a, amount)
    assert moved.utcoffset() == timedelta(hours=8)
    assert CAL.working_time_between(a, moved) == amount
    if amount > timedelta(0):
        assert CAL.working_time_between(a, moved - MICRO) == amount - MICRO
    elif amount < timedelta(0):
        assert CAL.working_time_between(moved - MICRO, a) == -amount + MICRO
    else:
        assert moved == a


def test_sub_second_office_time() -> None:
    a = cst(2025, 3, 3, 10, 0, 0, 250000)
    b = cst(2025, 3, 4, 10, 0, 0, 750000)
    assert CAL.working_time_between(a, b) == timedelta(seconds=DAY, microseconds=500000)
    assert CAL.working_seconds_between(a, b) == DAY
    assert CAL.working_seconds_between(b, a) == -DAY  # truncated toward zero
    half = timedelta(microseconds=500000)
    assert_cst(CAL.shift_working_time(a, half), cst(2025, 3, 3, 10, 0, 0, 750000))
    assert_cst(
        CAL.shift_working_time(cst(2025, 3, 3, 8, 30, 0, 250000), -half),
        cst(2025, 2, 28, 17, 29, 59, 750000),
    )
    assert OfficeHours().office_time_before(time(9, 0, 0, 1)) == timedelta(
        seconds=1800, microseconds=1
    )
    assert OfficeHours().day_length == timedelta(hours=7, minutes=30)
    assert OfficeHours().clock_at(timedelta(seconds=12600, microseconds=1)) == time(13, 30, 0, 1)
