"""The warning record (预警台账): every warning level a clue reached, per stage, and how it cleared.

A stage due at a deadline passes its warning levels at exact instants of the work calendar
(`level_moments`). The platform's job keeps the record with `advance_record`, one clue at a
time: it closes the episodes whose stage or deadline no longer holds and opens one episode per
level reached. `record_from_history` rebuilds the whole record of a clue from its history.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from functools import lru_cache
from typing import Any

from desktop.domain.calendar import WorkCalendar
from desktop.domain.clue import ClueState
from desktop.domain.codes import Labelled, Status
from desktop.domain.deadlines import STAGE_OF_STATUS
from desktop.domain.rules import Rules, WarningThresholds
from desktop.domain.stages import Stage
from desktop.domain.timeutil import to_china
from desktop.domain.workflow import owner_of

LEVELS = (1, 2, 3)
"""The warning levels an episode may have (0 is no warning and has no episode)."""

CLOSING_STATUSES = frozenset({Status.CLOSED, Status.DUPLICATE, Status.REFUSED})
"""Statuses that end every stage of a clue: its episodes clear as `ClearedBy.CLUE_CLOSED`."""

EXTENSION_APPROVAL = "approve_extension"
"""The action (`desktop.domain.workflow.Action.APPROVE_EXTENSION`) that extends a deadline."""


class ClearedBy(Labelled):
    """How a warning episode ended."""

    STAGE_COMPLETED = "stage_completed"
    EXTENSION_APPROVED = "extension_approved"
    CLUE_CLOSED = "clue_closed"
    DEADLINE_CHANGED = "deadline_changed"

    @property
    def label(self) -> str:
        """The Chinese name of the way the warning cleared."""
        return _CLEARED_LABELS[self]


_CLEARED_LABELS = {
    ClearedBy.STAGE_COMPLETED: "环节已完成",
    ClearedBy.EXTENSION_APPROVED: "延期已批准",
    ClearedBy.CLUE_CLOSED: "线索已办结",
    ClearedBy.DEADLINE_CHANGED: "时限已变更",
}


@dataclass(frozen=True)
class LevelMoments:
    """The instants at which the warning levels of a stage due at `level2` start.

    Level 1 holds from `level1` on (inclusive: the office time left is then exactly the
    threshold); level 2 strictly after `level2`, the deadline; level 3 strictly after
    `level3`, the latest instant at which the office time overdue equals the threshold.
    """

    level1: datetime
    level2: datetime
    level3: datetime

    def moment(self, level: int) -> datetime:
        """The instant at which `level` (1–3) starts."""
        return (self.level1, self.level2, self.level3)[level - 1]

    def level(self, now: datetime) -> int:
        """The level at `now`; equals `deadlines.warning_level` for the same deadline."""
        local = to_china(now)
        if local > self.level3:
            return 3
        if local > self.level2:
            return 2
        return 1 if local >= self.level1 else 0


@lru_cache(maxsize=1024)
def level_moments(
    deadline: datetime, calendar: WorkCalendar, thresholds: WarningThresholds
) -> LevelMoments:
    """The exact instants each warning level starts for a stage due at `deadline`.

    Cached: a clue's history asks for the same deadline at each of its steps."""
    day = calendar.office_hours.day_length
    local = to_china(deadline)
    # The earliest instant with exactly level1_remaining_days of office time left.
    level1 = calendar.shift_working_time(local, -thresholds.level1_remaining_days * day)
    # The latest instant with exactly level3_overdue_days of office time overdue.
    level3 = calendar.latest_equivalent(
        calendar.shift_working_time(local, thresholds.level3_overdue_days * day)
    )
    return LevelMoments(level1=level1, level2=local, level3=level3)


@dataclass(frozen=True)
class WarningEpisode:
    """One warning level a clue's stage reached: from when, until when and how it cleared."""

    stage: Stage
    level: int
    deadline: datetime
    reached_at: datetime
    cleared_at: datetime | None = None
    cleared_by: ClearedBy | None = None

    @property
    def is_open(self) -> bool:
        """Whether the warning still lasts."""
        return self.cleared_at is None

    def cleared(self, at: datetime, by: ClearedBy) -> WarningEpisode:
        """The episode ended at `at` for the reason `by`."""
        return replace(self, cleared_at=to_china(at), cleared_by=by)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (times as ISO 8601 in China time)."""
        return {
            "stage": self.stage.value,
            "level": self.level,
            "deadline": self.deadline.isoformat(),
            "reached_at": self.reached_at.isoformat(),
            "cleared_at": self.cleared_at.isoformat() if self.cleared_at else None,
            "cleared_by": self.cleared_by.value if self.cleared_by else None,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> WarningEpisode:
        """Read `to_dict`'s form; raise ValueError on bad data."""
        try:
            level = int(data["level"])
            if level not in LEVELS:
                raise ValueError(level)
            cleared_at, cleared_by = data.get("cleared_at"), data.get("cleared_by")
            return cls(
                stage=Stage(data["stage"]),
                level=level,
                deadline=to_china(datetime.fromisoformat(data["deadline"])),
                reached_at=to_china(datetime.fromisoformat(data["reached_at"])),
                cleared_at=to_china(datetime.fromisoformat(cleared_at)) if cleared_at else None,
                cleared_by=ClearedBy(cleared_by) if cleared_by else None,
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"bad warning episode: {exc!r}") from exc


@dataclass(frozen=True)
class RecordChange:
    """What one step of the job does to a clue's record: episodes it ends and ones it adds.

    `closed` holds the ended episodes (with `cleared_at` set), including any level the old
    stage reached before it ended that the record lacked; `opened` holds the new open ones.
    """

    closed: tuple[WarningEpisode, ...] = ()
    opened: tuple[WarningEpisode, ...] = ()

    def apply(self, open_episodes: Iterable[WarningEpisode]) -> tuple[WarningEpisode, ...]:
        """The open episodes after this change."""
        ended = {(e.stage, e.level, e.deadline, e.reached_at) for e in self.closed}
        kept = tuple(
            e for e in open_episodes if (e.stage, e.level, e.deadline, e.reached_at) not in ended
        )
        return kept + self.opened

    @property
    def empty(self) -> bool:
        """Whether the step changed nothing."""
        return not self.closed and not self.opened


def current_stage(clue: ClueState) -> tuple[Stage, datetime] | None:
    """The stage whose deadline runs for `clue` and that deadline; None when none runs."""
    stage = STAGE_OF_STATUS.get(clue.status)
    if stage is None or clue.deadline is None:
        return None
    return stage, to_china(clue.deadline)


def _cleared_by(
    episode: WarningEpisode,
    clue: ClueState,
    running: tuple[Stage, datetime] | None,
    last_action: str | None,
) -> ClearedBy:
    if clue.status in CLOSING_STATUSES:
        return ClearedBy.CLUE_CLOSED
    if running is None or running[0] is not episode.stage:
        return ClearedBy.STAGE_COMPLETED
    if last_action == EXTENSION_APPROVAL and running[1] > episode.deadline:
        return ClearedBy.EXTENSION_APPROVED
    return ClearedBy.DEADLINE_CHANGED


def advance_record(
    open_episodes: Iterable[WarningEpisode],
    clue: ClueState,
    changed_at: datetime,
    now: datetime,
    calendar: WorkCalendar,
    rules: Rules,
    last_action: str | None = None,
) -> RecordChange:
    """One step of the warning job for one clue, at `now`.

    `open_episodes` are the clue's episodes still open; `changed_at` is when its stage and
    deadline became what they are and `last_action` the action that made them so. Episodes
    of another stage or deadline end at `changed_at` (first adding, already ended, any level
    their stage reached by then that the record lacks); every level reached by `now` under
    the running stage and deadline gets an episode, reached at its exact moment (not before
    `changed_at`). Run again with its own result at the same `now`, it changes nothing.

    The platform runs it at every change of a clue, with the state before the change and
    `now` = the change's time, then with the new state; in between, at any times.
    """
    episodes = tuple(open_episodes)
    running = current_stage(clue)
    changed = to_china(changed_at)
    closed: list[WarningEpisode] = []
    groups: dict[tuple[Stage, datetime], list[WarningEpisode]] = {}
    for episode in episodes:
        groups.setdefault((episode.stage, to_china(episode.deadline)), []).append(episode)
    for key, group in groups.items():
        if key == running:
            continue
        stage, deadline = key
        reason = _cleared_by(group[0], clue, running, last_action)
        moments = level_moments(deadline, calendar, rules.warnings_for(stage))
        earliest = min(e.reached_at for e in group)
        have = {e.level for e in group}
        closed.extend(e.cleared(changed, reason) for e in sorted(group, key=lambda e: e.level))
        for level in range(1, moments.level(changed) + 1):
            if level not in have:
                reached = max(moments.moment(level), earliest)
                missing = WarningEpisode(stage, level, deadline, reached, changed, reason)
                closed.append(missing)
    opened: list[WarningEpisode] = []
    if running is not None:
        stage, deadline = running
        moments = level_moments(deadline, calendar, rules.warnings_for(stage))
        have = {e.level for e in groups.get(running, ())}
        for level in range(1, moments.level(now) + 1):
            if level not in have:
                reached = max(moments.moment(level), changed)
                opened.append(WarningEpisode(stage, level, deadline, reached))
    return RecordChange(closed=tuple(closed), opened=tuple(opened))


def record_from_history(
    states: Sequence[tuple[datetime, ClueState, str | None]],
    now: datetime,
    calendar: WorkCalendar,
    rules: Rules,
) -> tuple[WarningEpisode, ...]:
    """The whole warning record of a clue from its state after each action, seen at `now`.

    `states` are (time, state after the action, action), oldest first; the result lists
    every episode, ended or open, in the order they were reached.
    """
    open_now: tuple[WarningEpisode, ...] = ()
    ended: list[WarningEpisode] = []
    running: tuple[Stage, datetime] | None = None
    changed_at: datetime | None = None
    cause: str | None = None
    for index, (at, state, action) in enumerate(states):
        key = current_stage(state)
        if changed_at is None or key != running:
            running, changed_at, cause = key, at, action
        until = states[index + 1][0] if index + 1 < len(states) else now
        step = advance_record(open_now, state, changed_at, until, calendar, rules, cause)
        ended.extend(step.closed)
        open_now = step.apply(open_now)
    everything = ended + list(open_now)
    return tuple(sorted(everything, key=lambda e: (e.reached_at, e.level)))


def episode_columns(episode: Any) -> dict[str, Any]:
    """The columns an episode is stored in (the platform's and the client's tables alike),
    from a `WarningEpisode` or anything naming its fields alike (the wire's `WarningOut`)."""
    return {
        "stage": episode.stage.value,
        "level": episode.level,
        "deadline": episode.deadline,
        "reached_at": episode.reached_at,
        "cleared_at": episode.cleared_at,
        "cleared_by": episode.cleared_by.value if episode.cleared_by else None,
    }


def responsible_unit(stage: Stage, state: ClueState) -> str:
    """The unit a warning of `stage` counts against: the lead unit while the clue is signed
    for and handled, the owning office (else its county's) while dispatched and reviewed."""
    office = owner_of(state)
    if stage in (Stage.SIGN, Stage.HANDLE):
        return state.lead_unit or office
    return office
