"""Tests for desktop.domain.deadlines: stage deadlines, countdowns and warning levels."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone

import chinese_calendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.calendar import OfficeHours, YearCalendar, default_calendar
from desktop.domain.codes import Channel, Priority, Status
from desktop.domain.deadlines import (
    STAGE_OF_STATUS,
    WARNING_LABELS,
    Countdown,
    Stage,
    WarningBounds,
    countdown,
    deadline_state,
    extend_deadline,
    stage_deadline,
    stage_limit_days,
    warning_bounds,
    warning_level,
)
from desktop.domain.rules import Rules, TimeLimits, WarningThresholds
from desktop.domain.timeutil import CHINA_TZ

CAL = default_calendar()
RULES = Rules()
TH = WarningThresholds()
DAY = 27000
SECOND = timedelta(seconds=1)
MICRO = timedelta(microseconds=1)
PERIODS = ((time(8, 30), time(12, 0)), (time(13, 30), time(17, 30)))


def cst(y: int, m: int, d: int, hh: int = 0, mm: int = 0, ss: int = 0, us: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, ss, us, tzinfo=CHINA_TZ)


def assert_cst(result: datetime, expected: datetime) -> None:
    assert result == expected
    assert result.utcoffset() == timedelta(hours=8)
    assert result.replace(tzinfo=None) == expected.astimezone(CHINA_TZ).replace(tzinfo=None)


def oracle_is_working(day: date) -> bool:
    if 2004 <= day.year <= 2026:
        return bool(chinese_calendar.is_workday(day))
    return day.weekday() < 5


def oracle_office_time(a: datetime, b: datetime) -> timedelta:
    """Exact signed office time from a to b, by intersecting with every office period."""
    if b < a:
        return -oracle_office_time(b, a)
    a, b = a.astimezone(CHINA_TZ), b.astimezone(CHINA_TZ)
    total = timedelta(0)
    day = a.date()
    while day <= b.date():
        if oracle_is_working(day):
            for start, end in PERIODS:
                lo = max(datetime.combine(day, start, CHINA_TZ), a)
                hi = min(datetime.combine(day, end, CHINA_TZ), b)
                if hi > lo:
                    total += hi - lo
        day += timedelta(days=1)
    return total


def oracle_level(deadline: datetime, now: datetime, th: WarningThresholds = TH) -> int:
    """The level straight from the definition, with exact (fractional) office time."""
    day = timedelta(seconds=DAY)
    if now > deadline:
        return 3 if oracle_office_time(deadline, now) > th.level3_overdue_days * day else 2
    return 1 if oracle_office_time(now, deadline) <= th.level1_remaining_days * day else 0


# -- stage deadlines ----------------------------------------------------------------------

START = cst(2025, 3, 3, 10, 0)  # an ordinary Monday, no holiday in the following weeks


@pytest.mark.parametrize(
    ("stage", "priority", "expected"),
    [
        (Stage.DISPATCH, Priority.NORMAL, cst(2025, 3, 4, 17, 30)),
        (Stage.DISPATCH, Priority.CRITICAL, cst(2025, 3, 4, 17, 30)),  # priority irrelevant
        (Stage.SIGN, Priority.NORMAL, cst(2025, 3, 4, 17, 30)),
        (Stage.SIGN, Priority.URGENT, cst(2025, 3, 4, 17, 30)),
        (Stage.HANDLE, Priority.NORMAL, cst(2025, 3, 17, 17, 30)),  # 10 working days
        (Stage.HANDLE, Priority.URGENT, cst(2025, 3, 6, 17, 30)),  # 3
        (Stage.HANDLE, Priority.CRITICAL, cst(2025, 3, 4, 17, 30)),  # 1
        (Stage.REVIEW, Priority.NORMAL, cst(2025, 3, 5, 17, 30)),  # 2
        (Stage.REVIEW, Priority.CRITICAL, cst(2025, 3, 5, 17, 30)),
    ],
)
def test_stage_deadline_default_rules(stage: Stage, priority: Priority, expected: datetime) -> None:
    assert_cst(stage_deadline(stage, START, CAL, RULES, priority), expected)


def test_stage_deadline_priority_defaults_to_normal() -> None:
    assert_cst(stage_deadline(Stage.HANDLE, START, CAL, RULES), cst(2025, 3, 17, 17, 30))


@pytest.mark.parametrize(
    ("stage", "start", "priority", "expected"),
    [
        # Handling 10 working days from 22 Sep 2025: two make-up days and National Day.
        (Stage.HANDLE, cst(2025, 9, 22, 10), Priority.NORMAL, cst(2025, 10, 11, 17, 30)),
        (Stage.HANDLE, cst(2025, 1, 27, 16), Priority.CRITICAL, cst(2025, 2, 5, 17, 30)),
        (Stage.SIGN, cst(2025, 1, 27, 16), Priority.NORMAL, cst(2025, 2, 5, 17, 30)),
        (Stage.DISPATCH, cst(2025, 2, 7, 16), Priority.NORMAL, cst(2025, 2, 8, 17, 30)),
        (Stage.REVIEW, cst(2026, 2, 13, 9), Priority.NORMAL, cst(2026, 2, 24, 17, 30)),
        (Stage.HANDLE, cst(2026, 2, 11, 9), Priority.NORMAL, cst(2026, 3, 3, 17, 30)),
        (Stage.HANDLE, cst(2026, 9, 24, 9), Priority.URGENT, cst(2026, 9, 30, 17, 30)),
        (Stage.HANDLE, cst(2026, 9, 30, 9), Priority.CRITICAL, cst(2026, 10, 8, 17, 30)),
    ],
)
def test_stage_deadline_across_holidays(
    stage: Stage, start: datetime, priority: Priority, expected: datetime
) -> None:
    assert_cst(stage_deadline(stage, start, CAL, RULES, priority), expected)


def test_stage_deadline_follows_custom_rules_and_hours() -> None:
    rules = Rules.from_dict(
        {
            "limits": {"sign_days": 2, "review_days": 4, "handle_days": {"urgent": 5}},
            "office_hours": [["09:00", "17:00"]],
        }
    )
    cal = CAL.with_office_hours(rules.office_hours)
    assert_cst(stage_deadline(Stage.SIGN, START, cal, rules), cst(2025, 3, 5, 17, 0))
    assert_cst(stage_deadline(Stage.REVIEW, START, cal, rules), cst(2025, 3, 7, 17, 0))
    assert_cst(
        stage_deadline(Stage.HANDLE, START, cal, rules, Priority.URGENT), cst(2025, 3, 10, 17, 0)
    )
    assert_cst(  # untouched priorities keep their defaults
        stage_deadline(Stage.HANDLE, START, cal, rules, Priority.CRITICAL), cst(2025, 3, 4, 17)
    )


def test_stage_limit_days() -> None:
    limits = TimeLimits(
        dispatch_days=4,
        sign_days=5,
        handle_days={Priority.NORMAL: 20, Priority.URGENT: 7, Priority.CRITICAL: 6},
        review_days=8,
    )
    rules = Rules(limits=limits)
    assert stage_limit_days(Stage.DISPATCH, rules) == 4
    assert stage_limit_days(Stage.SIGN, rules) == 5
    assert stage_limit_days(Stage.HANDLE, rules) == 20
    assert stage_limit_days(Stage.HANDLE, rules, Priority.URGENT) == 7
    assert stage_limit_days(Stage.HANDLE, rules, Priority.CRITICAL) == 6
    assert stage_limit_days(Stage.REVIEW, rules, Priority.CRITICAL) == 8


def test_stage_of_status() -> None:
    assert STAGE_OF_STATUS[Status.REGISTERED] is Stage.DISPATCH
    assert STAGE_OF_STATUS[Status.RETURNED] is Stage.DISPATCH
    assert STAGE_OF_STATUS[Status.DISPATCHED] is Stage.SIGN
    assert STAGE_OF_STATUS[Status.HANDLING] is Stage.HANDLE
    assert STAGE_OF_STATUS[Status.REVIEWING] is Stage.REVIEW
    assert Status.CLOSED not in STAGE_OF_STATUS
    # A report awaiting its head's sign-off is still within the handling stage; a duplicate
    # follows its original and a refused item is done, so neither has a stage of its own.
    assert STAGE_OF_STATUS[Status.SIGNOFF] is Stage.HANDLE
    assert Status.DUPLICATE not in STAGE_OF_STATUS
    assert Status.REFUSED not in STAGE_OF_STATUS


def test_stage_limit_days_by_channel() -> None:
    assert stage_limit_days(Stage.HANDLE, RULES, Priority.NORMAL, Channel.PETITION) == 42
    assert stage_limit_days(Stage.HANDLE, RULES, Priority.URGENT, Channel.PETITION) == 10
    assert stage_limit_days(Stage.HANDLE, RULES, Priority.CRITICAL, Channel.PETITION) == 3
    assert stage_limit_days(Stage.HANDLE, RULES, Priority.NORMAL, Channel.HOTLINE_12345) == 5
    assert stage_limit_days(Stage.HANDLE, RULES, Priority.URGENT, Channel.HOTLINE_12345) == 2
    assert stage_limit_days(Stage.HANDLE, RULES, Priority.CRITICAL, Channel.HOTLINE_12345) == 1
    assert stage_limit_days(Stage.HANDLE, RULES, Priority.NORMAL, Channel.GRID_PATROL) == 10
    assert stage_limit_days(Stage.HANDLE, RULES, Priority.URGENT, None) == 3
    # the channel changes the handling limit only
    for channel in (Channel.PETITION, Channel.HOTLINE_12345):
        assert stage_limit_days(Stage.DISPATCH, RULES, Priority.NORMAL, channel) == 1
        assert stage_limit_days(Stage.SIGN, RULES, Priority.NORMAL, channel) == 1
        assert stage_limit_days(Stage.REVIEW, RULES, Priority.NORMAL, channel) == 2


@pytest.mark.parametrize(
    ("channel", "priority", "expected"),
    [
        # Mon 3 March 2025 + 5 working days = Mon 10 March
        (Channel.HOTLINE_12345, Priority.NORMAL, cst(2025, 3, 10, 17, 30)),
        (Channel.HOTLINE_12345, Priority.URGENT, cst(2025, 3, 5, 17, 30)),
        (Channel.HOTLINE_12345, Priority.CRITICAL, cst(2025, 3, 4, 17, 30)),
        # 42 working days: 清明 (Fri 4 April off) and the make-up Sunday 27 April 2025 count
        (Channel.PETITION, Priority.NORMAL, cst(2025, 4, 30, 17, 30)),
        (Channel.PETITION, Priority.URGENT, cst(2025, 3, 17, 17, 30)),
        (Channel.PETITION, Priority.CRITICAL, cst(2025, 3, 6, 17, 30)),
        (Channel.INSPECTION_ASSIGNMENT, Priority.NORMAL, cst(2025, 3, 17, 17, 30)),
    ],
)
def test_stage_deadline_by_channel(
    channel: Channel, priority: Priority, expected: datetime
) -> None:
    assert_cst(stage_deadline(Stage.HANDLE, START, CAL, RULES, priority, channel), expected)


def test_custom_channel_limits_move_the_deadline() -> None:
    rules = Rules.from_dict({"limits": {"channel_handle_days": {"grid_patrol": {"normal": 2}}}})
    handle = stage_deadline(Stage.HANDLE, START, CAL, rules, Priority.NORMAL, Channel.GRID_PATROL)
    assert_cst(handle, cst(2025, 3, 5, 17, 30))
    # 信访 is no longer in the published table: the priority's default applies
    petition = stage_deadline(Stage.HANDLE, START, CAL, rules, Priority.NORMAL, Channel.PETITION)
    assert_cst(petition, cst(2025, 3, 17, 17, 30))


# -- extend_deadline ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("deadline", "days", "expected"),
    [
        (cst(2025, 3, 3, 17, 30), 10, cst(2025, 3, 17, 17, 30)),
        (cst(2025, 1, 24, 17, 30), 3, cst(2025, 2, 5, 17, 30)),  # 26 Jan, 27 Jan, 5 Feb
        (cst(2025, 1, 27, 10, 15), 1, cst(2025, 2, 5, 10, 15)),  # time of day kept
        (cst(2025, 2, 7, 17, 30), 1, cst(2025, 2, 8, 17, 30)),  # make-up Saturday
        (cst(2026, 2, 13, 17, 30), 2, cst(2026, 2, 24, 17, 30)),
        (cst(2025, 9, 30, 17, 30), 10, cst(2025, 10, 21, 17, 30)),
        (cst(2026, 12, 31, 17, 30), 1, cst(2027, 1, 1, 17, 30)),  # unconfirmed 2027
        (cst(2025, 3, 3, 10, 0, 0, 123456), 1, cst(2025, 3, 4, 10, 0, 0, 123456)),
        (cst(2025, 3, 3, 17, 30), 0, cst(2025, 3, 3, 17, 30)),
        # 09:30 UTC is 17:30 in China; 20:00 UTC on 26 Jan is 04:00 on 27 Jan in China.
        (datetime(2025, 1, 27, 9, 30, tzinfo=UTC), 1, cst(2025, 2, 5, 17, 30)),
        (datetime(2025, 1, 26, 20, 0, tzinfo=UTC), 1, cst(2025, 2, 5, 4, 0)),
    ],
)
def test_extend_deadline(deadline: datetime, days: int, expected: datetime) -> None:
    assert_cst(extend_deadline(deadline, days, CAL), expected)


def test_extend_deadline_with_a_published_2027() -> None:
    cal = CAL.with_year(YearCalendar(2027, holidays=frozenset({date(2027, 1, 1)})))
    assert_cst(extend_deadline(cst(2026, 12, 31, 17, 30), 1, cal), cst(2027, 1, 4, 17, 30))


# -- Countdown text -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("seconds", "overdue", "text", "short"),
    [
        (2 * DAY + 3 * 3600, False, "剩余 2 个工作日 3 小时", "剩 2 个工作日 3 小时"),
        (2 * DAY + 3 * 3600 + 59 * 60, False, "剩余 2 个工作日 3 小时", "剩 2 个工作日 3 小时"),
        (DAY, False, "剩余 1 个工作日", "剩 1 个工作日"),
        (DAY + 1500, False, "剩余 1 个工作日", "剩 1 个工作日"),  # minutes only below an hour
        (5 * 3600, False, "剩余 5 小时", "剩 5 小时"),
        (3600 + 1500, False, "剩余 1 小时", "剩 1 小时"),
        (1500, False, "剩余 25 分钟", "剩 25 分钟"),
        (60, False, "剩余 1 分钟", "剩 1 分钟"),
        (59, False, "即将到期", "即将到期"),
        (0, False, "即将到期", "即将到期"),
        (-4 * DAY, True, "已超期 4 个工作日", "超期 4 个工作日"),
        (-(DAY + 2 * 3600), True, "已超期 1 个工作日 2 小时", "超期 1 个工作日 2 小时"),
        (-7200, True, "已超期 2 小时", "超期 2 小时"),
        (0, True, "已超期", "超期"),  # past by the clock, no office time yet
        (-1500, True, "已超期", "超期"),  # overdue minutes are not shown
    ],
)
def test_countdown_text(seconds: int, overdue: bool, text: str, short: str) -> None:
    down = Countdown(seconds=seconds, day_seconds=DAY, overdue=overdue)
    assert down.text() == text
    assert down.short_text() == short


def test_countdown_unconfirmed_suffix() -> None:
    down = Countdown(seconds=-(DAY + 2 * 3600), day_seconds=DAY, overdue=True, confirmed=False)
    assert down.text() == "已超期 1 个工作日 2 小时（日历未确认）"
    assert down.short_text() == "超期 1 个工作日 2 小时（日历未确认）"
    assert Countdown(0, DAY, False, False).text() == "即将到期（日历未确认）"
    assert Countdown(1500, DAY, False, False).short_text() == "剩 25 分钟（日历未确认）"


def test_countdown_parts() -> None:
    down = Countdown(seconds=-(2 * DAY + 4 * 3600 + 5 * 60 + 6), day_seconds=DAY, overdue=True)
    assert (down.days, down.hours, down.minutes) == (2, 4, 5)
    nine_to_five = Countdown(seconds=2 * 28800 + 7 * 3600, day_seconds=28800, overdue=False)
    assert (nine_to_five.days, nine_to_five.hours) == (2, 7)
    assert nine_to_five.text() == "剩余 2 个工作日 7 小时"


def test_countdown_minutes_are_beyond_the_whole_hours_after_whole_days() -> None:
    """A 7.5-hour working day is not a whole number of hours, so minutes must be taken
    from what is left after the whole days and hours, not from the total seconds."""
    down = Countdown(seconds=DAY + 60, day_seconds=DAY, overdue=False)  # 1 day 0 h 1 min
    assert (down.days, down.hours) == (1, 0)
    assert down.minutes == 1
    down = Countdown(seconds=-(3 * DAY + 4 * 3600 + 5 * 60), day_seconds=DAY, overdue=True)
    assert (down.days, down.hours, down.minutes) == (3, 4, 5)


# -- countdown() --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("deadline", "now", "seconds", "overdue", "text"),
    [
        # Across the Spring Festival only 27 Jan afternoon and 5 Feb count.
        (
            cst(2025, 2, 5, 17, 30),
            cst(2025, 1, 27, 14, 30),
            3 * 3600 + DAY,
            False,
            "剩余 1 个工作日 3 小时",
        ),
        (cst(2025, 3, 7, 17, 30), cst(2025, 3, 13, 17, 30), -4 * DAY, True, "已超期 4 个工作日"),
        (cst(2025, 3, 7, 17, 30), cst(2025, 3, 8, 10, 0), 0, True, "已超期"),
        (cst(2025, 3, 3, 10, 0), cst(2025, 3, 3, 10, 0), 0, False, "即将到期"),
        (cst(2025, 3, 3, 11, 0), cst(2025, 3, 3, 10, 35), 1500, False, "剩余 25 分钟"),
        (cst(2025, 3, 3, 14, 0), cst(2025, 3, 3, 11, 30), 3600, False, "剩余 1 小时"),
        (
            cst(2025, 2, 10, 17, 30),
            cst(2025, 2, 7, 17, 30),
            2 * DAY,
            False,
            "剩余 2 个工作日",
        ),  # make-up Saturday 8 Feb counts
        # Into unconfirmed 2027, where 1 Jan (a Friday) counts as a working day.
        (
            cst(2027, 1, 4, 17, 30),
            cst(2026, 12, 31, 10, 0),
            6 * 3600 + 2 * DAY,
            False,
            "剩余 2 个工作日 6 小时（日历未确认）",
        ),
        (
            datetime(2025, 3, 3, 3, 0, tzinfo=UTC),
            datetime(2025, 3, 3, 1, 0, tzinfo=UTC),
            7200,
            False,
            "剩余 2 小时",
        ),
    ],
)
def test_countdown(
    deadline: datetime, now: datetime, seconds: int, overdue: bool, text: str
) -> None:
    down = countdown(deadline, now, CAL)
    assert down.seconds == seconds
    assert down.overdue is overdue
    assert down.day_seconds == DAY
    assert down.text() == text
    assert down.confirmed is ("未确认" not in text)


def test_countdown_with_a_published_2027_is_confirmed() -> None:
    cal = CAL.with_year(YearCalendar(2027, holidays=frozenset({date(2027, 1, 1)})))
    down = countdown(cst(2027, 1, 4, 17, 30), cst(2026, 12, 31, 10, 0), cal)
    assert down.seconds == 6 * 3600 + DAY
    assert down.text() == "剩余 1 个工作日 6 小时"


def test_countdown_into_unconfirmed_2027_given_in_another_zone_says_so() -> None:
    """20:00 on 31 Dec 2026 at UTC-5 is 09:00 on 1 Jan 2027 in China: the half hour of
    1 Jan counted here comes from the unconfirmed weekends-only 2027, so the text must say so."""
    deadline = datetime(2026, 12, 31, 20, 0, tzinfo=timezone(timedelta(hours=-5)))
    down = countdown(deadline, cst(2026, 12, 31, 10, 0), CAL)
    assert down.seconds == 6 * 3600 + 1800
    assert down.confirmed is False
    assert down.text() == "剩余 6 小时（日历未确认）"


def test_countdown_uses_the_calendar_office_hours() -> None:
    cal = default_calendar(OfficeHours(((time(9, 0), time(17, 0)),)))
    down = countdown(cst(2025, 3, 4, 17, 0), cst(2025, 3, 3, 9, 0), cal)
    assert (down.seconds, down.day_seconds) == (2 * 28800, 28800)
    assert down.text() == "剩余 2 个工作日"


# -- warning levels at the boundaries -----------------------------------------------------

NOW = cst(2025, 3, 3, 10, 0)  # Monday


@pytest.mark.parametrize(
    ("deadline", "now", "level"),
    [
        (cst(2025, 3, 4, 10, 0), NOW, 1),  # exactly 27000 s left
        (cst(2025, 3, 4, 10, 0, 1), NOW, 0),  # 27001 s left
        (cst(2025, 3, 4, 13, 30), cst(2025, 3, 3, 12, 0), 1),  # 27000 s, lunch on both ends
        (cst(2025, 3, 4, 13, 30, 1), cst(2025, 3, 3, 12, 0), 0),
        (NOW, NOW, 1),  # due right now: not yet past
        (cst(2025, 3, 3, 9, 59, 59), NOW, 2),  # one second past
        (cst(2025, 3, 3, 10, 0), cst(2025, 3, 6, 10, 0), 2),  # overdue exactly 3 × 27000 s
        (cst(2025, 3, 3, 10, 0), cst(2025, 3, 6, 10, 0, 1), 3),  # one second more
        (cst(2025, 3, 7, 17, 30), cst(2025, 3, 8, 10, 0), 2),  # Friday deadline, Saturday
        (cst(2025, 3, 7, 17, 30), cst(2025, 3, 10, 8, 30), 2),
        (cst(2025, 3, 7, 17, 30), cst(2025, 3, 12, 17, 30), 2),  # Mon–Wed: exactly 3 days
        (cst(2025, 3, 7, 17, 30), cst(2025, 3, 13, 8, 30, 1), 3),
        (cst(2025, 3, 17, 17, 30), NOW, 0),  # 10-day limit just started
        # The Spring Festival does not count towards the overdue time ...
        (cst(2025, 1, 27, 17, 30), cst(2025, 2, 6, 17, 30), 2),
        (cst(2025, 1, 27, 17, 30), cst(2025, 2, 7, 17, 30), 2),  # 5, 6, 7 Feb: 3 days
        (cst(2025, 1, 27, 17, 30), cst(2025, 2, 8, 8, 30, 1), 3),  # make-up Saturday counts
        (cst(2025, 1, 27, 17, 30), cst(2025, 2, 9, 10, 0), 3),
        # ... nor towards the time left.
        (cst(2025, 2, 5, 10, 0), cst(2025, 1, 27, 10, 0), 1),
        (cst(2025, 2, 5, 10, 0, 1), cst(2025, 1, 27, 10, 0), 0),
        (cst(2025, 2, 5, 17, 30), cst(2025, 1, 29, 10, 0), 1),
        (cst(2025, 2, 6, 8, 30, 1), cst(2025, 1, 29, 10, 0), 0),
        (None, NOW, 0),
    ],
)
def test_warning_level_boundaries(deadline: datetime | None, now: datetime, level: int) -> None:
    assert warning_level(deadline, now, CAL, TH) == level
    assert warning_bounds(now, CAL, TH).level(deadline) == level


def test_warning_level_custom_thresholds() -> None:
    th = WarningThresholds(level1_remaining_days=2, level3_overdue_days=5)
    assert warning_level(cst(2025, 3, 5, 10, 0), NOW, CAL, th) == 1
    assert warning_level(cst(2025, 3, 5, 10, 0, 1), NOW, CAL, th) == 0
    assert warning_level(NOW, cst(2025, 3, 10, 10, 0), CAL, th) == 2
    assert warning_level(NOW, cst(2025, 3, 10, 10, 0, 1), CAL, th) == 3
    bounds = warning_bounds(NOW, CAL, th)
    assert_cst(bounds.level1_until, cst(2025, 3, 5, 10, 0))
    assert_cst(bounds.level3_before, cst(2025, 2, 24, 10, 0))


def test_warning_level_with_custom_office_hours() -> None:
    cal = default_calendar(OfficeHours(((time(9, 0), time(17, 0)),)))
    assert warning_level(cst(2025, 3, 4, 10, 0), NOW, cal, TH) == 1  # 28800 s
    assert warning_level(cst(2025, 3, 4, 10, 0, 1), NOW, cal, TH) == 0
    assert warning_level(NOW, cst(2025, 3, 6, 10, 0), cal, TH) == 2
    assert warning_level(NOW, cst(2025, 3, 6, 10, 0, 1), cal, TH) == 3


def test_warning_labels() -> None:
    assert WARNING_LABELS == {
        0: "正常",
        1: "一级预警（黄）",
        2: "二级预警（橙）",
        3: "三级预警（红）",
    }


# -- warning_bounds -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("now", "level3_before", "level1_until"),
    [
        (cst(2025, 3, 3, 10, 0), cst(2025, 2, 26, 10, 0), cst(2025, 3, 4, 10, 0)),
        (cst(2025, 3, 3, 12, 0), cst(2025, 2, 26, 12, 0), cst(2025, 3, 4, 13, 30)),
        (cst(2025, 3, 3, 8, 30), cst(2025, 2, 25, 17, 30), cst(2025, 3, 4, 8, 30)),
        (cst(2025, 3, 7, 17, 30), cst(2025, 3, 4, 17, 30), cst(2025, 3, 11, 8, 30)),
        (cst(2025, 3, 8, 10, 0), cst(2025, 3, 4, 17, 30), cst(2025, 3, 11, 8, 30)),
        (cst(2025, 2, 5, 10, 0), cst(2025, 1, 24, 10, 0), cst(2025, 2, 6, 10, 0)),
        (cst(2025, 1, 27, 10, 0), cst(2025, 1, 23, 10, 0), cst(2025, 2, 5, 10, 0)),
        (cst(2025, 1, 29, 10, 0), cst(2025, 1, 23, 17, 30), cst(2025, 2, 6, 8, 30)),
    ],
)
def test_warning_bounds(now: datetime, level3_before: datetime, level1_until: datetime) -> None:
    bounds = warning_bounds(now, CAL, TH)
    assert_cst(bounds.now, now)
    assert_cst(bounds.level3_before, level3_before)
    assert_cst(bounds.level1_until, level1_until)


def test_warning_bounds_now_in_china_time() -> None:
    bounds = warning_bounds(datetime(2025, 3, 3, 2, 0, tzinfo=UTC), CAL, TH)
    assert_cst(bounds.now, cst(2025, 3, 3, 10, 0))
    assert_cst(bounds.level1_until, cst(2025, 3, 4, 10, 0))


def test_warning_bounds_level_ranges() -> None:
    bounds = WarningBounds(
        now=cst(2025, 3, 3, 10), level3_before=cst(2025, 2, 26, 10), level1_until=cst(2025, 3, 4)
    )
    assert bounds.level(None) == 0
    assert bounds.level(cst(2025, 2, 26, 9, 59, 59)) == 3
    assert bounds.level(cst(2025, 2, 26, 10)) == 2
    assert bounds.level(cst(2025, 3, 3, 9, 59, 59)) == 2
    assert bounds.level(cst(2025, 3, 3, 10)) == 1
    assert bounds.level(cst(2025, 3, 4)) == 1
    assert bounds.level(cst(2025, 3, 4, 0, 0, 1)) == 0
    assert bounds.level(datetime(2025, 3, 3, 1, 59, 59, tzinfo=UTC)) == 2  # 09:59:59 CST


def test_sub_second_instants_get_the_level_of_their_exact_office_time() -> None:
    """Office time must not be truncated to whole seconds per instant, or the two level
    functions disagree for instants with microseconds, e.g. a deadline extended from `now`
    (workflow: `handle_deadline or now`)."""
    now = cst(2025, 3, 3, 10, 0)
    # 27000.5 s of office time left: more than one working day, so level 0.
    deadline = cst(2025, 3, 4, 10, 0, 0, 500000)
    assert warning_level(deadline, now, CAL, TH) == 0
    assert warning_bounds(now, CAL, TH).level(deadline) == 0
    # 26999.8 s left: level 1.
    now = cst(2025, 3, 3, 10, 0, 0, 500000)
    deadline = cst(2025, 3, 4, 10, 0, 0, 300000)
    assert warning_level(deadline, now, CAL, TH) == 1
    assert warning_bounds(now, CAL, TH).level(deadline) == 1


# -- properties ---------------------------------------------------------------------------

SPECIAL_CLOCKS = [
    time(0, 0),
    time(8, 30),
    time(8, 30, 1),
    time(11, 59, 59),
    time(12, 0),
    time(12, 0, 1),
    time(13, 29, 59),
    time(13, 30),
    time(17, 29, 59),
    time(17, 30),
    time(17, 30, 1),
    time(23, 59, 59),
]
WHOLE_CLOCKS = st.one_of(
    st.sampled_from(SPECIAL_CLOCKS), st.times().map(lambda t: t.replace(microsecond=0))
)
ZONES = st.sampled_from([CHINA_TZ, UTC, timezone(timedelta(hours=-5))])
# Around both Spring Festivals, both National Days and the 2026 -> 2027 year end.
DAYS = st.one_of(
    st.dates(date(2025, 1, 10), date(2025, 2, 20)),
    st.dates(date(2025, 9, 15), date(2025, 10, 20)),
    st.dates(date(2026, 2, 1), date(2026, 3, 10)),
    st.dates(date(2026, 9, 10), date(2026, 10, 20)),
    st.dates(date(2026, 12, 10), date(2027, 1, 20)),
    st.dates(date(2024, 1, 1), date(2027, 6, 30)),
)


@st.composite
def instants(draw: st.DrawFn, whole_seconds: bool = True) -> datetime:
    day = draw(DAYS)
    clock = draw(WHOLE_CLOCKS)
    moment = datetime.combine(day, clock, CHINA_TZ)
    if not whole_seconds:
        moment = moment.replace(microsecond=draw(st.integers(0, 999_999)))
    return moment.astimezone(draw(ZONES))


@st.composite
def deadlines_near(draw: st.DrawFn, now: datetime, whole_seconds: bool = True) -> datetime:
    day = now.astimezone(CHINA_TZ).date() + timedelta(days=draw(st.integers(-12, 12)))
    moment = datetime.combine(day, draw(WHOLE_CLOCKS), CHINA_TZ)
    if not whole_seconds:
        moment = moment.replace(microsecond=draw(st.sampled_from([0, 1, 500000, 999999])))
    return moment.astimezone(draw(ZONES))


THRESHOLDS = st.builds(WarningThresholds, st.integers(1, 3), st.integers(1, 5))
PROPS = settings(max_examples=300, deadline=None)


@PROPS
@given(data=st.data(), now=instants(whole_seconds=False), th=THRESHOLDS)
def test_bounds_agree_with_warning_level(
    data: st.DataObject, now: datetime, th: WarningThresholds
) -> None:
    bounds = warning_bounds(now, CAL, th)
    for _ in range(5):
        deadline = data.draw(deadlines_near(now, whole_seconds=False))
        expected = oracle_level(deadline, now, th)
        assert warning_level(deadline, now, CAL, th) == expected
        assert bounds.level(deadline) == expected
        # A table's row: the level and the countdown from one count of office time.
        assert deadline_state(deadline, now, CAL, th) == (expected, countdown(deadline, now, CAL))


@PROPS
@given(now=instants(whole_seconds=False), th=THRESHOLDS)
def test_bounds_agree_with_warning_level_at_their_edges(
    now: datetime, th: WarningThresholds
) -> None:
    bounds = warning_bounds(now, CAL, th)
    assert bounds.level3_before < bounds.now <= bounds.level1_until
    for edge in (bounds.level3_before, bounds.now, bounds.level1_until):
        for deadline in (edge - SECOND, edge - MICRO, edge, edge + MICRO, edge + SECOND):
            expected = oracle_level(deadline, now, th)
            assert warning_level(deadline, now, CAL, th) == expected
            assert bounds.level(deadline) == expected
            assert deadline_state(deadline, now, CAL, th)[0] == expected


@PROPS
@given(data=st.data(), now=instants(whole_seconds=False))
def test_warning_level_matches_definition(data: st.DataObject, now: datetime) -> None:
    deadline = data.draw(deadlines_near(now, whole_seconds=False))
    assert warning_level(deadline, now, CAL, TH) == oracle_level(deadline, now)


@PROPS
@given(data=st.data(), now=instants(whole_seconds=False))
def test_countdown_is_antisymmetric(data: st.DataObject, now: datetime) -> None:
    deadline = data.draw(deadlines_near(now, whole_seconds=False))
    forward = countdown(deadline, now, CAL)
    backward = countdown(now, deadline, CAL)
    assert forward.seconds == -backward.seconds
    exact = oracle_office_time(now, deadline)
    assert forward.seconds == int(exact / timedelta(seconds=1))  # toward zero
    assert forward.confirmed == backward.confirmed
    if now.astimezone(CHINA_TZ) != deadline.astimezone(CHINA_TZ):
        assert forward.overdue != backward.overdue
    if forward.overdue:
        assert forward.seconds <= 0
        assert forward.text().startswith("已超期")
    else:
        assert forward.seconds >= 0
        assert forward.text().startswith(("剩余", "即将到期"))


@settings(max_examples=100, deadline=None)
@given(deadline=instants(), days=st.integers(0, 30))
def test_extend_deadline_keeps_the_clock_and_lands_on_working_days(
    deadline: datetime, days: int
) -> None:
    extended = extend_deadline(deadline, days, CAL)
    local = deadline.astimezone(CHINA_TZ)
    assert extended.utcoffset() == timedelta(hours=8)
    assert extended.time() == local.time()
    assert CAL.working_days_between(local.date(), extended.date()) == days
    if days:
        assert oracle_is_working(extended.date())
