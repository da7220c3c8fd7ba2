"""Office time as a number line: instants of office hours on working days as seconds."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from desktop.domain.calendar import WorkCalendar
from desktop.domain.timeutil import CHINA_TZ


class WorkClock:
    """Maps office instants between `first` and `last` to positions and back.

    A position counts office seconds from the opening of the first working day, so that
    the office time between two instants is the difference of their positions (as
    `WorkCalendar.working_seconds_between` counts it) and day `i` closes at `(i + 1) * day`.
    """

    def __init__(self, calendar: WorkCalendar, first: date, last: date) -> None:
        hours = calendar.office_hours
        self.day = hours.day_seconds
        self._calendar = calendar
        self._periods = tuple(
            (_seconds(start), _seconds(end) - _seconds(start)) for start, end in hours.periods
        )
        days: list[tuple[int, int, int]] = []
        day = first
        while day <= last:
            if calendar.is_working_day(day):
                days.append((day.year, day.month, day.day))
            day += timedelta(days=1)
        if not days:
            raise ValueError("no working day in the clock's range")
        self._days = tuple(days)
        self._midnights = tuple(datetime(y, m, d, tzinfo=CHINA_TZ) for y, m, d in days)
        y, m, d = days[0]
        opening = hours.periods[0][0]
        self.epoch = datetime(y, m, d, opening.hour, opening.minute, tzinfo=CHINA_TZ)

    @property
    def days(self) -> int:
        """How many working days the clock covers."""
        return len(self._days)

    def date_of(self, index: int) -> date:
        """The date of working day `index`."""
        return date(*self._days[index])

    def position(self, moment: datetime) -> int:
        """Office seconds from the epoch to `moment`."""
        return self._calendar.working_seconds_between(self.epoch, moment)

    def instant(self, position: int) -> datetime:
        """The office instant at `position` (a day's closing for a whole number of days)."""
        index, offset = divmod(position, self.day)
        if offset == 0 and index:
            index, offset = index - 1, self.day
        for start, length in self._periods:
            if offset <= length:
                return self._midnights[index] + timedelta(seconds=start + offset)
            offset -= length
        return self._midnights[index]

    def closing(self, index: int) -> datetime:
        """The close of office on working day `index`."""
        return self.instant((index + 1) * self.day)


def _seconds(moment: time) -> int:
    return moment.hour * 3600 + moment.minute * 60 + moment.second
