"""The work calendar: weekends, public holidays, make-up working days and office hours."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from desktop.domain.messages import Message
from desktop.domain.timeutil import CHINA_TZ, to_china


@dataclass(frozen=True)
class YearCalendar:
    """One year's official days: holidays off, make-up working days (调休) on.

    `source` says where the data came from; `confirmed` is False only for a year that
    no published data covers (weekends-only fallback).
    """

    year: int
    holidays: frozenset[date] = frozenset()
    workdays: frozenset[date] = frozenset()
    source: str = ""
    confirmed: bool = True

    def __post_init__(self) -> None:
        for day in self.holidays | self.workdays:
            if day.year != self.year:
                raise ValueError(
                    Message("{day} 不属于 {year} 年", day=day.isoformat(), year=str(self.year))
                )
        both = self.holidays & self.workdays
        if both:
            first = min(both).isoformat()
            raise ValueError(Message("{day} 不能既是节假日又是调休工作日", day=first))

    def is_working_day(self, day: date) -> bool:
        """Whether `day` (of this year) is a working day."""
        if day in self.workdays:
            return True
        if day in self.holidays:
            return False
        return day.weekday() < 5

    def to_dict(self) -> dict[str, Any]:
        """The year as JSON-ready data (the calendar file format)."""
        return {
            "year": self.year,
            "source": self.source,
            "holidays": sorted(d.isoformat() for d in self.holidays),
            "workdays": sorted(d.isoformat() for d in self.workdays),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> YearCalendar:
        """Read a year from its calendar-file form; raise ValueError naming the bad entry."""
        if not isinstance(data, Mapping):
            raise ValueError(Message("日历文件的内容应为对象（含 year、holidays、workdays）"))
        year = data.get("year")
        if isinstance(year, str) and year.strip().isdigit():
            year = int(year)
        if isinstance(year, bool) or not isinstance(year, int) or not 1900 <= year <= 2200:
            raise ValueError(Message("日历文件的 year 字段无效：{value}", value=repr(year)))

        def days(key: str) -> frozenset[date]:
            raw_days = data.get(key, [])
            if not isinstance(raw_days, list):
                raise ValueError(Message("日历文件的 {key} 应为日期列表", key=key))
            out = set()
            for raw in raw_days:
                try:
                    out.add(date.fromisoformat(str(raw)))
                except ValueError as exc:
                    raise ValueError(
                        Message("日历文件 {key} 中的日期无效：{value}", key=key, value=str(raw))
                    ) from exc
            return frozenset(out)

        return cls(
            year=year,
            holidays=days("holidays"),
            workdays=days("workdays"),
            source=str(data.get("source", "")),
        )


def weekends_only(year: int) -> YearCalendar:
    """The fallback for a year no published calendar covers: Monday to Friday, unconfirmed."""
    return YearCalendar(year=year, source="仅按周末推算（未确认）", confirmed=False)


@dataclass(frozen=True)
class OfficeHours:
    """The periods of a working day in which time counts, e.g. 8:30–12:00 and 13:30–17:30."""

    periods: tuple[tuple[time, time], ...] = (
        (time(8, 30), time(12, 0)),
        (time(13, 30), time(17, 30)),
    )
    _spans: tuple[tuple[timedelta, timedelta], ...] = field(init=False, repr=False, compare=False)
    _day_length: timedelta = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.periods:
            raise ValueError(Message("办公时间至少需要一个时段"))
        previous_end = time(0, 0)
        for start, end in self.periods:
            if not start < end:
                raise ValueError(
                    Message(
                        "办公时段 {period} 的开始必须早于结束", period=f"{start:%H:%M}–{end:%H:%M}"
                    )
                )
            if start < previous_end:
                raise ValueError(Message("办公时段必须按时间先后排列且互不重叠"))
            previous_end = end
        # The periods as offsets from midnight, and the day's length: asked for constantly.
        spans = tuple((_since_midnight(s), _since_midnight(e)) for s, e in self.periods)
        object.__setattr__(self, "_spans", spans)
        object.__setattr__(self, "_day_length", sum((e - s for s, e in spans), ZERO))

    @property
    def day_length(self) -> timedelta:
        """Length of one working day (7.5 hours by default)."""
        return self._day_length

    @property
    def day_seconds(self) -> int:
        """Length of one working day in whole seconds."""
        return int(self.day_length.total_seconds())

    @property
    def closing(self) -> time:
        """When the working day ends."""
        return self.periods[-1][1]

    def office_time_before(self, moment: time) -> timedelta:
        """Office time of a working day that lies before the clock time `moment`, exactly."""
        at = _since_midnight(moment)
        total = ZERO
        for s, e in self._spans:
            if at <= s:
                break
            total += min(at, e) - s
        return total

    def seconds_before(self, moment: time) -> int:
        """Office seconds of a working day before `moment` (whole seconds, rounded down)."""
        return int(self.office_time_before(moment).total_seconds())

    def clock_at(self, office_time: timedelta | int) -> time:
        """The clock time at which `office_time` (a timedelta, or seconds) of the day has passed."""
        offset = (
            office_time if isinstance(office_time, timedelta) else timedelta(seconds=office_time)
        )
        if not ZERO <= offset <= self._day_length:
            raise ValueError(f"offset {offset} outside the working day")
        for start, end in self._spans:
            length = end - start
            if offset <= length:
                return _clock(start + offset)
            offset -= length
        return self.closing  # pragma: no cover - unreachable after the range check

    def to_list(self) -> list[list[str]]:
        """JSON-ready form: [["08:30", "12:00"], …]."""
        return [[f"{s:%H:%M}", f"{e:%H:%M}"] for s, e in self.periods]

    @classmethod
    def from_list(cls, data: Iterable[Sequence[str]]) -> OfficeHours:
        """Read periods written as [["08:30", "12:00"], …]; raise ValueError when malformed."""
        periods = []
        for pair in data:
            try:
                start, end = (time.fromisoformat(str(p)) for p in pair)
            except ValueError as exc:
                raise ValueError(Message("办公时段格式无效：{value}", value=str(pair))) from exc
            periods.append((start, end))
        return cls(tuple(periods))


ZERO = timedelta(0)


def _since_midnight(moment: time) -> timedelta:
    return timedelta(
        hours=moment.hour,
        minutes=moment.minute,
        seconds=moment.second,
        microseconds=moment.microsecond,
    )


def _clock(offset: timedelta) -> time:
    whole = int(offset.total_seconds())
    return time(whole // 3600, whole % 3600 // 60, whole % 60, offset.microseconds)


def whole_seconds(span: timedelta) -> int:
    """The whole seconds of `span`, truncated toward zero."""
    return int(span / timedelta(seconds=1))


@dataclass(frozen=True, eq=False)
class WorkCalendar:
    """Working-day arithmetic over published years, with a weekends-only fallback.

    Every instant is taken and returned in China Standard Time. Results that relied on a
    year no data covers are reported through `confirmed(...)` so the UI can say so.
    """

    years: Mapping[int, YearCalendar] = field(default_factory=dict)
    office_hours: OfficeHours = field(default_factory=OfficeHours)
    _ordinals: dict[tuple[int, int], tuple[int, ...]] = field(
        default_factory=dict, init=False, repr=False
    )

    # -- days -------------------------------------------------------------------------

    def year(self, year: int) -> YearCalendar:
        """The calendar of `year`, or the unconfirmed weekends-only fallback."""
        found = self.years.get(year)
        return found if found is not None else weekends_only(year)

    def is_confirmed(self, year: int) -> bool:
        """Whether published, confirmed data covers `year`."""
        found = self.years.get(year)
        return found is not None and found.confirmed

    def confirmed(self, start: date | datetime, end: date | datetime) -> bool:
        """Whether every year from `start` to `end` (either order, in China) is covered."""
        first = to_china(start) if isinstance(start, datetime) else start
        last = to_china(end) if isinstance(end, datetime) else end
        low, high = sorted((first.year, last.year))
        return all(self.is_confirmed(y) for y in range(low, high + 1))

    def is_working_day(self, day: date) -> bool:
        """Whether `day` is a working day."""
        return self.year(day.year).is_working_day(day)

    def add_working_days(self, start: date, days: int) -> date:
        """The `days`-th working day after `start`, start not counted; negative days go back."""
        if days == 0:
            return start
        span = abs(days) // 240 + 1
        first = start.year - (span if days < 0 else 1)
        last = start.year + (span if days > 0 else 1)
        ordinals = self._working_ordinals(first, last)
        if days > 0:
            index = bisect_right(ordinals, start.toordinal()) + days - 1
        else:
            index = bisect_left(ordinals, start.toordinal()) + days
        return date.fromordinal(ordinals[index])

    def working_days_between(self, start: date, end: date) -> int:
        """Working days d with start < d <= end (negative when end is before start)."""
        if end < start:
            return -self.working_days_between(end, start)
        ordinals = self._working_ordinals(start.year, end.year)
        return bisect_right(ordinals, end.toordinal()) - bisect_right(ordinals, start.toordinal())

    # -- instants ---------------------------------------------------------------------

    def deadline_after(self, start: datetime, days: int) -> datetime:
        """Close of office on the `days`-th working day after the day of `start`."""
        if days < 1:
            raise ValueError(Message("时限至少为 1 个工作日"))
        local = to_china(start)
        day = self.add_working_days(local.date(), days)
        return datetime.combine(day, self.office_hours.closing, CHINA_TZ)

    def working_time_between(self, start: datetime, end: datetime) -> timedelta:
        """Office time from `start` to `end` on working days, exactly (negative if reversed)."""
        a, b = to_china(start), to_china(end)
        if b < a:
            return -self.working_time_between(b, a)
        hours = self.office_hours
        if a.date() == b.date():
            if not self.is_working_day(a.date()):
                return ZERO
            return hours.office_time_before(b.time()) - hours.office_time_before(a.time())
        head = hours.day_length - hours.office_time_before(a.time())
        if not self.is_working_day(a.date()):
            head = ZERO
        tail = hours.office_time_before(b.time()) if self.is_working_day(b.date()) else ZERO
        whole = self.working_days_between(a.date(), b.date() - timedelta(days=1))
        return head + whole * hours.day_length + tail

    def working_seconds_between(self, start: datetime, end: datetime) -> int:
        """Office seconds from `start` to `end`, truncated toward zero (negative if reversed)."""
        return whole_seconds(self.working_time_between(start, end))

    def shift_working_time(self, start: datetime, amount: timedelta) -> datetime:
        """The earliest instant `amount` of office time after (before, if negative) `start`.

        Forward, a shift that ends exactly at a day's closing stays on that day; backward, one
        that ends exactly at a day's opening lands on the previous working day's closing.
        """
        local = to_china(start)
        if amount == ZERO:
            return local
        hours = self.office_hours
        day_len = hours.day_length
        day = local.date()
        if amount > ZERO:
            if self.is_working_day(day):
                used = hours.office_time_before(local.time())
            else:
                day, used = self.add_working_days(day, 1), ZERO
            if amount <= day_len - used:
                return datetime.combine(day, hours.clock_at(used + amount), CHINA_TZ)
            whole, rest = divmod(amount - (day_len - used), day_len)
            if rest == ZERO:
                whole, rest = whole - 1, day_len
            day = self.add_working_days(day, whole + 1)
            return datetime.combine(day, hours.clock_at(rest), CHINA_TZ)
        back = -amount
        if self.is_working_day(day):
            before = hours.office_time_before(local.time())
        else:
            day, before = self.add_working_days(day, -1), day_len
        if back < before:
            return datetime.combine(day, hours.clock_at(before - back), CHINA_TZ)
        whole, rest = divmod(back - before, day_len)
        day = self.add_working_days(day, -(whole + 1))
        return datetime.combine(day, hours.clock_at(day_len - rest), CHINA_TZ)

    def shift_working_seconds(self, start: datetime, seconds: int) -> datetime:
        """`shift_working_time` by a number of seconds."""
        return self.shift_working_time(start, timedelta(seconds=seconds))

    def latest_equivalent(self, moment: datetime) -> datetime:
        """For an instant at the end of an office period, the start of the next period.

        Both have no office time between them; any other instant is returned unchanged.
        """
        local = to_china(moment)
        day = local.date()
        if not self.is_working_day(day):
            return local
        clock = local.time()
        periods = self.office_hours.periods
        for index, (_, end) in enumerate(periods):
            if clock == end:
                if index + 1 < len(periods):
                    return datetime.combine(day, periods[index + 1][0], CHINA_TZ)
                following = self.add_working_days(day, 1)
                return datetime.combine(following, periods[0][0], CHINA_TZ)
        return local

    def _working_ordinals(self, first: int, last: int) -> tuple[int, ...]:
        """Ordinals of every working day from 1 January `first` to 31 December `last`."""
        key = (first, last)
        cached = self._ordinals.get(key)
        if cached is None:
            day, end = date(first, 1, 1), date(last, 12, 31)
            out = []
            while day <= end:
                if self.is_working_day(day):
                    out.append(day.toordinal())
                day += timedelta(days=1)
            cached = self._ordinals[key] = tuple(out)
        return cached

    def with_office_hours(self, hours: OfficeHours) -> WorkCalendar:
        """The same days with other office hours."""
        return WorkCalendar(self.years, hours)

    def with_year(self, year: YearCalendar) -> WorkCalendar:
        """A calendar where `year` replaces what was known of that year."""
        years = dict(self.years)
        years[year.year] = year
        return WorkCalendar(years, self.office_hours)


def published_years() -> dict[int, YearCalendar]:
    """The State Council calendars known offline, from the `chinese-calendar` package."""
    from chinese_calendar import constants

    holidays: dict[int, set[date]] = {}
    workdays: dict[int, set[date]] = {}
    for day in constants.holidays:
        holidays.setdefault(day.year, set()).add(day)
    for day in constants.workdays:
        workdays.setdefault(day.year, set()).add(day)
    source = "国务院办公厅节假日安排（chinese-calendar）"
    return {
        year: YearCalendar(
            year=year,
            holidays=frozenset(holidays.get(year, ())),
            workdays=frozenset(workdays.get(year, ())),
            source=source,
        )
        for year in sorted(set(holidays) | set(workdays))
    }


def default_calendar(office_hours: OfficeHours | None = None) -> WorkCalendar:
    """The offline default: every published year, default office hours unless given."""
    return WorkCalendar(published_years(), office_hours or OfficeHours())
