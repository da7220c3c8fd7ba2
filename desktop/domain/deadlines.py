"""Stage deadlines, countdowns in working days and the three overdue-warning levels."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from desktop.domain.calendar import WorkCalendar, whole_seconds
from desktop.domain.codes import Channel, Priority, Status
from desktop.domain.messages import Message
from desktop.domain.rules import Rules, WarningThresholds
from desktop.domain.stages import Stage as Stage
from desktop.domain.timeutil import to_china

STAGE_OF_STATUS: dict[Status, Stage] = {
    Status.REGISTERED: Stage.DISPATCH,
    Status.RETURNED: Stage.DISPATCH,
    Status.DISPATCHED: Stage.SIGN,
    Status.HANDLING: Stage.HANDLE,
    Status.SIGNOFF: Stage.HANDLE,
    Status.REVIEWING: Stage.REVIEW,
}

WARNING_LABELS = {0: "正常", 1: "一级预警（黄）", 2: "二级预警（橙）", 3: "三级预警（红）"}
WARNING_COLOURS = {0: "", 1: "黄", 2: "橙", 3: "红"}


def stage_limit_days(
    stage: Stage,
    rules: Rules,
    priority: Priority = Priority.NORMAL,
    channel: Channel | None = None,
) -> int:
    """The working-day limit of `stage` for a clue of `priority` from `channel`."""
    limits = rules.limits
    if stage is Stage.HANDLE:
        return limits.handle_days_for(priority, channel)
    return {
        Stage.DISPATCH: limits.dispatch_days,
        Stage.SIGN: limits.sign_days,
        Stage.REVIEW: limits.review_days,
    }[stage]


def stage_deadline(
    stage: Stage,
    start: datetime,
    calendar: WorkCalendar,
    rules: Rules,
    priority: Priority = Priority.NORMAL,
    channel: Channel | None = None,
) -> datetime:
    """The deadline of `stage` begun at `start`: close of office on its last working day."""
    return calendar.deadline_after(start, stage_limit_days(stage, rules, priority, channel))


def extend_deadline(deadline: datetime, days: int, calendar: WorkCalendar) -> datetime:
    """`deadline` moved `days` working days later, keeping its time of day."""
    local = to_china(deadline)
    day = calendar.add_working_days(local.date(), days)
    return local.replace(year=day.year, month=day.month, day=day.day)


@dataclass(frozen=True)
class Countdown:
    """Office time left until a deadline (negative: overdue), in working days and hours."""

    seconds: int
    day_seconds: int
    overdue: bool
    confirmed: bool = True

    @property
    def days(self) -> int:
        """Whole working days left (or overdue)."""
        return abs(self.seconds) // self.day_seconds

    @property
    def hours(self) -> int:
        """Whole office hours beyond the whole days."""
        return abs(self.seconds) % self.day_seconds // 3600

    @property
    def minutes(self) -> int:
        """Minutes beyond the whole hours."""
        return abs(self.seconds) % self.day_seconds % 3600 // 60

    def span(self) -> str:
        """The time left or overdue: 2 个工作日 3 小时 (empty when under a minute)."""
        parts: list[str] = []
        if self.days:
            parts.append(Message("%n 个工作日", n=self.days))
        if self.hours:
            parts.append(Message("%n 小时", n=self.hours))
        if not parts and self.minutes and not self.overdue:
            parts.append(Message("%n 分钟", n=self.minutes))
        return " ".join(parts)

    def _confirmed(self, text: str) -> str:
        return text if self.confirmed else Message("{countdown}（日历未确认）", countdown=text)

    def text(self) -> str:
        """The countdown as a clerk reads it: 剩余 2 个工作日 3 小时 / 已超期 4 个工作日."""
        body = self.span()
        if self.overdue:
            text = Message("已超期 {time}", time=body) if body else Message("已超期")
        else:
            text = Message("剩余 {time}", time=body) if body else Message("即将到期")
        return self._confirmed(text)

    def short_text(self) -> str:
        """A compact form for table cells: 剩 2 个工作日 3 小时 / 超期 4 个工作日."""
        body = self.span()
        if self.overdue:
            text = Message("超期 {time}", time=body) if body else Message("超期")
        else:
            text = Message("剩 {time}", time=body) if body else Message("即将到期")
        return self._confirmed(text)


def countdown(deadline: datetime, now: datetime, calendar: WorkCalendar) -> Countdown:
    """How much office time is left before `deadline` at `now`."""
    return _countdown(calendar.working_time_between(now, deadline), deadline, now, calendar)


def _countdown(
    left: timedelta, deadline: datetime, now: datetime, calendar: WorkCalendar
) -> Countdown:
    return Countdown(
        seconds=whole_seconds(left),
        day_seconds=calendar.office_hours.day_seconds,
        overdue=to_china(now) > to_china(deadline),
        confirmed=calendar.confirmed(now, deadline),
    )


def warning_level(
    deadline: datetime | None,
    now: datetime,
    calendar: WorkCalendar,
    thresholds: WarningThresholds,
) -> int:
    """The warning level 0–3 of a stage due at `deadline`, seen at `now`.

    1 (yellow): due within `level1_remaining_days`; 2 (orange): overdue; 3 (red): overdue by
    more than `level3_overdue_days` working days. No deadline (a closed clue) is level 0.
    """
    if deadline is None:
        return 0
    left = calendar.working_time_between(now, deadline)
    return _level(left, to_china(now) > to_china(deadline), calendar, thresholds)


def _level(
    left: timedelta, overdue: bool, calendar: WorkCalendar, thresholds: WarningThresholds
) -> int:
    day = calendar.office_hours.day_length
    if overdue:  # `left` is the office time overdue, negated
        return 3 if -left > thresholds.level3_overdue_days * day else 2
    return 1 if left <= thresholds.level1_remaining_days * day else 0


def deadline_state(
    deadline: datetime, now: datetime, calendar: WorkCalendar, thresholds: WarningThresholds
) -> tuple[int, Countdown]:
    """`warning_level` and `countdown` of one deadline at `now`, its office time counted once
    (a table shows both for every row)."""
    left = calendar.working_time_between(now, deadline)
    clock = _countdown(left, deadline, now, calendar)
    return _level(left, clock.overdue, calendar, thresholds), clock


@dataclass(frozen=True)
class WarningBounds:
    """The deadline ranges of each level at one instant, for indexed range queries.

    level 3: deadline < level3_before; level 2: level3_before <= deadline < now;
    level 1: now <= deadline <= level1_until; level 0: later, or no deadline.
    """

    now: datetime
    level3_before: datetime
    level1_until: datetime

    def level(self, deadline: datetime | None) -> int:
        """The level of a deadline; agrees with `warning_level` at `now`."""
        if deadline is None:
            return 0
        if deadline < self.level3_before:
            return 3
        if deadline < self.now:
            return 2
        if deadline <= self.level1_until:
            return 1
        return 0


def warning_bounds(
    now: datetime, calendar: WorkCalendar, thresholds: WarningThresholds
) -> WarningBounds:
    """The deadline thresholds of the warning levels at `now`."""
    local = to_china(now)
    day = calendar.office_hours.day_length
    level3 = calendar.shift_working_time(local, -thresholds.level3_overdue_days * day)
    level1 = calendar.shift_working_time(local, thresholds.level1_remaining_days * day)
    return WarningBounds(
        now=local, level3_before=level3, level1_until=calendar.latest_equivalent(level1)
    )
