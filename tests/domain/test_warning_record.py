"""Tests for desktop.domain.warning_record: exact level moments and the warning record.

The dates are 2026's on the real calendar: 中秋 Fri 25 – Sun 27 September and 国庆 Thu 1 –
Wed 7 October are off; Sun 20 September and Sat 10 October are make-up working days (调休).
A working day is 08:30–12:00 and 13:30–17:30 (7.5 hours).
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.calendar import default_calendar
from desktop.domain.clue import ClueState
from desktop.domain.codes import Priority, Status
from desktop.domain.deadlines import extend_deadline, stage_deadline, warning_level
from desktop.domain.rules import Rules, WarningThresholds
from desktop.domain.stages import Stage
from desktop.domain.timeutil import CHINA_TZ
from desktop.domain.warning_record import (
    ClearedBy,
    LevelMoments,
    RecordChange,
    WarningEpisode,
    advance_record,
    current_stage,
    level_moments,
    record_from_history,
)

CAL = default_calendar()
RULES = Rules()
TH = WarningThresholds()  # level 1 within 1 working day, level 3 over 3 working days overdue
MICRO = timedelta(microseconds=1)


def cst(m: int, d: int, hh: int = 0, mm: int = 0, us: int = 0) -> datetime:
    return datetime(2026, m, d, hh, mm, 0, us, tzinfo=CHINA_TZ)


def clue(status: Status, deadline: datetime | None) -> ClueState:
    return ClueState(
        code="XS-2026-0001",
        status=status,
        priority=Priority.NORMAL,
        county_code="320102",
        registered_at=cst(9, 1, 9),
        deadline=deadline,
    )


# -- exact moments ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("deadline", "expected"),
    [
        # Due Wed 30 Sep 17:30. Level 1: one working day before = Tue 29 Sep 17:30.
        # Level 3: 3 working days after: 1–7 Oct off, Thu 8 (1), Fri 9 (2), make-up Sat 10
        # (3) → Sat 10 Oct 17:30; Sun 11 is off, so the last instant with exactly 3 days
        # overdue is Mon 12 Oct 08:30, and level 3 holds strictly after it.
        (
            cst(9, 30, 17, 30),
            LevelMoments(cst(9, 29, 17, 30), cst(9, 30, 17, 30), cst(10, 12, 8, 30)),
        ),
        # Due Mon 21 Sep 17:30: the working day before is the make-up Sunday 20 Sep, not
        # Fri 18. Level 3: Tue 22 (1), Wed 23 (2), Thu 24 (3) → Thu 24 17:30; 25–27 off →
        # Mon 28 Sep 08:30.
        (
            cst(9, 21, 17, 30),
            LevelMoments(cst(9, 20, 17, 30), cst(9, 21, 17, 30), cst(9, 28, 8, 30)),
        ),
        # Due Mon 28 Sep 17:30: the working day before is Thu 24 (25–27 off). Level 3:
        # Tue 29 (1), Wed 30 (2), 1–7 Oct off, Thu 8 (3) → Thu 8 Oct 17:30 → Fri 9 08:30.
        (
            cst(9, 28, 17, 30),
            LevelMoments(cst(9, 24, 17, 30), cst(9, 28, 17, 30), cst(10, 9, 8, 30)),
        ),
        # Due Fri 9 Oct 10:00 (an extended deadline keeps its time of day). Level 1: 1.5 h
        # of Fri 9 before 10:00, the other 6 h from Thu 8 → 17:30 − 6 h of office time =
        # Thu 8 Oct 09:30. Level 3: rest of Fri 9 (6 h) + make-up Sat 10 (7.5 h) + Mon 12
        # (7.5 h) + 1.5 h of Tue 13 = 22.5 h → Tue 13 Oct 10:00.
        (cst(10, 9, 10), LevelMoments(cst(10, 8, 10), cst(10, 9, 10), cst(10, 13, 10))),
    ],
)
def test_exact_moments_across_holidays_and_make_up_days(
    deadline: datetime, expected: LevelMoments
) -> None:
    moments = level_moments(deadline, CAL, TH)
    assert moments == expected
    # Each boundary is exactly where warning_level changes.
    assert warning_level(deadline, expected.level1 - MICRO, CAL, TH) == 0
    assert warning_level(deadline, expected.level1, CAL, TH) == 1
    assert warning_level(deadline, expected.level2, CAL, TH) == 1
    assert warning_level(deadline, expected.level2 + MICRO, CAL, TH) == 2
    assert warning_level(deadline, expected.level3, CAL, TH) == 2
    assert warning_level(deadline, expected.level3 + MICRO, CAL, TH) == 3


def test_thresholds_move_the_moments() -> None:
    # Due Wed 30 Sep 17:30 with 2 days' notice and red after 1 day overdue: level 1 from
    # Mon 28 Sep 17:30 (Tue 29, Wed 30 before it); level 3 after Thu 8 Oct 17:30 = Fri 9 08:30.
    moments = level_moments(cst(9, 30, 17, 30), CAL, WarningThresholds(2, 1))
    assert moments == LevelMoments(cst(9, 28, 17, 30), cst(9, 30, 17, 30), cst(10, 9, 8, 30))


OFFICE_CLOCKS = [time(8, 30), time(12), time(13, 30), time(17, 30)]
INSTANTS = st.one_of(
    st.datetimes(datetime(2026, 9, 10), datetime(2026, 10, 25)),
    st.builds(
        datetime.combine,
        st.dates(datetime(2026, 9, 10).date(), datetime(2026, 10, 25).date()),
        st.sampled_from(OFFICE_CLOCKS),
    ),
).map(lambda moment: moment.replace(tzinfo=CHINA_TZ))
THRESHOLDS = st.builds(WarningThresholds, st.integers(1, 5), st.integers(1, 5))


@settings(max_examples=400, deadline=None)
@given(deadline=INSTANTS, now=INSTANTS, thresholds=THRESHOLDS)
def test_moments_agree_with_warning_level(
    deadline: datetime, now: datetime, thresholds: WarningThresholds
) -> None:
    moments = level_moments(deadline, CAL, thresholds)
    assert moments.level1 <= moments.level2 < moments.level3
    assert moments.level(now) == warning_level(deadline, now, CAL, thresholds)
    for level in (1, 2, 3):
        for edge in (
            moments.moment(level) - MICRO,
            moments.moment(level),
            moments.moment(level) + MICRO,
        ):
            assert moments.level(edge) == warning_level(deadline, edge, CAL, thresholds)


# -- the record of one clue ---------------------------------------------------------------

SIGN_DUE = cst(9, 30, 17, 30)  # dispatched Tue 29 Sep 10:00 with one working day to sign
HANDLE_DUE = cst(10, 23, 17, 30)


def test_a_clue_signed_after_turning_red_keeps_its_record() -> None:
    dispatched = clue(Status.DISPATCHED, SIGN_DUE)
    assert stage_deadline(Stage.SIGN, cst(9, 29, 10), CAL, RULES) == SIGN_DUE
    signed_at = cst(10, 13, 9)
    signed = clue(Status.HANDLING, HANDLE_DUE)
    history = [(cst(9, 29, 10), dispatched, "dispatch"), (signed_at, signed, "sign")]
    record = record_from_history(history, cst(10, 13, 10), CAL, RULES)
    assert record == (
        WarningEpisode(
            Stage.SIGN, 1, SIGN_DUE, cst(9, 29, 17, 30), signed_at, ClearedBy.STAGE_COMPLETED
        ),
        WarningEpisode(
            Stage.SIGN, 2, SIGN_DUE, cst(9, 30, 17, 30), signed_at, ClearedBy.STAGE_COMPLETED
        ),
        WarningEpisode(
            Stage.SIGN, 3, SIGN_DUE, cst(10, 12, 8, 30), signed_at, ClearedBy.STAGE_COMPLETED
        ),
    )
    # The job that saw it red, then the signature: the same three, and HANDLE starts clean.
    red = advance_record((), dispatched, cst(9, 29, 10), cst(10, 12, 9), CAL, RULES, "dispatch")
    assert [e.level for e in red.opened] == [1, 2, 3] and red.closed == ()
    after = advance_record(red.opened, signed, signed_at, cst(10, 13, 10), CAL, RULES, "sign")
    assert after.closed == record and after.opened == ()
    assert after.apply(red.opened) == ()
    # Later the handling stage gets its own yellow, one working day before Fri 23 Oct 17:30.
    later = record_from_history(history, cst(10, 22, 18), CAL, RULES)
    assert later == (*record, WarningEpisode(Stage.HANDLE, 1, HANDLE_DUE, cst(10, 22, 17, 30)))


def test_a_stage_entered_late_starts_its_levels_when_it_starts() -> None:
    # Due Thu 8 Oct 17:30: the working day before it is Wed 30 Sep (1–7 Oct are off), so
    # level 1 starts Wed 30 Sep 17:30. A clue whose stage began Thu 8 Oct 09:00, after that
    # moment, is yellow from 09:00, not from a moment before its stage existed.
    due = cst(10, 8, 17, 30)
    assert level_moments(due, CAL, TH).level1 == cst(9, 30, 17, 30)
    state = clue(Status.DISPATCHED, due)
    step = advance_record((), state, cst(10, 8, 9), cst(10, 8, 10), CAL, RULES, "dispatch")
    assert step.opened == (WarningEpisode(Stage.SIGN, 1, due, cst(10, 8, 9)),)


def test_an_approved_extension_clears_and_level_1_may_return() -> None:
    first_due = cst(10, 16, 17, 30)  # Fri 16 Oct
    handling = clue(Status.HANDLING, first_due)
    yellow = advance_record((), handling, cst(10, 12, 9), cst(10, 16, 9), CAL, RULES, "sign")
    assert yellow.opened == (WarningEpisode(Stage.HANDLE, 1, first_due, cst(10, 15, 17, 30)),)
    approved_at = cst(10, 16, 10)
    later_due = extend_deadline(first_due, 2, CAL)
    assert later_due == cst(10, 20, 17, 30)  # Mon 19 (1), Tue 20 (2)
    extended = handling.evolve(deadline=later_due, extended_days=2)
    step = advance_record(
        yellow.opened, extended, approved_at, cst(10, 19, 9), CAL, RULES, "approve_extension"
    )
    assert step.closed == (yellow.opened[0].cleared(approved_at, ClearedBy.EXTENSION_APPROVED),)
    assert step.opened == ()
    back = advance_record(
        (), extended, approved_at, cst(10, 19, 17, 30), CAL, RULES, "approve_extension"
    )
    assert back.opened == (WarningEpisode(Stage.HANDLE, 1, later_due, cst(10, 19, 17, 30)),)
    # The same change without an approval (a deadline corrected) says so.
    corrected = advance_record(
        yellow.opened, extended, approved_at, cst(10, 19, 9), CAL, RULES, "urge"
    )
    assert corrected.closed[0].cleared_by is ClearedBy.DEADLINE_CHANGED


@pytest.mark.parametrize("status", [Status.CLOSED, Status.DUPLICATE, Status.REFUSED])
def test_a_closed_clue_clears_with_clue_closed(status: Status) -> None:
    review_due = cst(10, 14, 17, 30)
    reviewing = clue(Status.REVIEWING, review_due)
    late = advance_record((), reviewing, cst(10, 12, 9), cst(10, 15, 9), CAL, RULES, "report")
    assert [e.level for e in late.opened] == [1, 2]
    done_at = cst(10, 15, 11)
    done = advance_record(late.opened, clue(status, None), done_at, done_at, CAL, RULES, "approve")
    assert {e.cleared_by for e in done.closed} == {ClearedBy.CLUE_CLOSED}
    assert {e.cleared_at for e in done.closed} == {done_at}
    assert len(done.closed) == 2 and done.opened == ()


def test_a_stage_left_while_the_job_lagged_gets_its_missing_levels() -> None:
    # The job saw level 1 only; the signature came after the deadline had passed.
    dispatched = clue(Status.DISPATCHED, SIGN_DUE)
    seen = advance_record((), dispatched, cst(9, 29, 10), cst(9, 30, 9), CAL, RULES, "dispatch")
    signed_at = cst(10, 8, 9)
    step = advance_record(
        seen.opened, clue(Status.HANDLING, HANDLE_DUE), signed_at, signed_at, CAL, RULES, "sign"
    )
    assert [(e.level, e.reached_at) for e in step.closed] == [
        (1, cst(9, 29, 17, 30)),
        (2, cst(9, 30, 17, 30)),
    ]


def test_stage_thresholds_change_the_moments() -> None:
    rules = Rules.from_dict({"stage_warnings": {"sign": {"level3_overdue_days": 1}}})
    dispatched = clue(Status.DISPATCHED, SIGN_DUE)
    # Red one working day after Wed 30 Sep 17:30: Thu 8 Oct 17:30 → after Fri 9 Oct 08:30.
    sign = advance_record((), dispatched, cst(9, 29, 10), cst(10, 9, 9), CAL, rules, "dispatch")
    assert sign.opened[-1] == WarningEpisode(Stage.SIGN, 3, SIGN_DUE, cst(10, 9, 8, 30))
    default = advance_record((), dispatched, cst(9, 29, 10), cst(10, 9, 9), CAL, RULES, "dispatch")
    assert [e.level for e in default.opened] == [1, 2]
    # The handling stage keeps the general thresholds.
    handling = clue(Status.HANDLING, SIGN_DUE)
    handle = advance_record((), handling, cst(9, 29, 10), cst(10, 9, 9), CAL, rules, "sign")
    assert [e.level for e in handle.opened] == [1, 2]


def test_idempotent_and_later_runs_only_add_higher_levels() -> None:
    dispatched = clue(Status.DISPATCHED, SIGN_DUE)
    since = cst(9, 29, 10)
    first = advance_record((), dispatched, since, cst(9, 30, 9), CAL, RULES, "dispatch")
    open_now = first.apply(())
    again = advance_record(open_now, dispatched, since, cst(9, 30, 9), CAL, RULES, "dispatch")
    assert again == RecordChange()
    later = advance_record(open_now, dispatched, since, cst(10, 13, 9), CAL, RULES, "dispatch")
    assert later.closed == ()
    assert [e.level for e in later.opened] == [2, 3]
    assert later.apply(open_now) == tuple(sorted(later.apply(open_now), key=lambda e: e.level))


def test_episode_data_round_trip() -> None:
    episode = WarningEpisode(
        Stage.SIGN, 3, SIGN_DUE, cst(10, 12, 8, 30), cst(10, 13, 9), ClearedBy.STAGE_COMPLETED
    )
    assert WarningEpisode.from_dict(episode.to_dict()) == episode
    still = WarningEpisode(Stage.HANDLE, 1, HANDLE_DUE, cst(10, 22, 17, 30))
    assert WarningEpisode.from_dict(still.to_dict()) == still
    assert still.is_open and not episode.is_open
    with pytest.raises(ValueError):
        WarningEpisode.from_dict({**still.to_dict(), "level": 4})
    assert ClearedBy.EXTENSION_APPROVED.label == "延期已批准"


# -- the job at arbitrary times gives the history's record --------------------------------

GAPS = st.integers(0, 12 * 24 * 60)  # minutes between two actions: up to 12 days


@st.composite
def histories(draw: st.DrawFn) -> list[tuple[datetime, ClueState, str | None]]:
    """A clue's states after each action, with random gaps and optional steps."""
    at = draw(st.datetimes(datetime(2026, 9, 8), datetime(2026, 10, 10))).replace(
        tzinfo=CHINA_TZ, second=0, microsecond=0
    )
    state = clue(Status.REGISTERED, stage_deadline(Stage.DISPATCH, at, CAL, RULES)).evolve(
        registered_at=at
    )
    out: list[tuple[datetime, ClueState, str | None]] = [(at, state, "register")]

    def later() -> datetime:
        return out[-1][0] + timedelta(minutes=draw(GAPS))

    at = later()
    handle = stage_deadline(Stage.HANDLE, at, CAL, RULES)
    out.append(
        (
            at,
            state.evolve(
                status=Status.DISPATCHED, deadline=stage_deadline(Stage.SIGN, at, CAL, RULES)
            ),
            "dispatch",
        )
    )
    if draw(st.booleans()):
        at = later()
        out.append((at, out[-1][1], "urge"))  # no change of stage or deadline
    at = later()
    out.append((at, out[-1][1].evolve(status=Status.HANDLING, deadline=handle), "sign"))
    if draw(st.booleans()):
        at = later()
        handle = extend_deadline(handle, draw(st.integers(1, 5)), CAL)
        out.append((at, out[-1][1].evolve(deadline=handle), "approve_extension"))
    at = later()
    review = stage_deadline(Stage.REVIEW, at, CAL, RULES)
    out.append((at, out[-1][1].evolve(status=Status.REVIEWING, deadline=review), "report"))
    if draw(st.booleans()):
        at = later()
        out.append((at, out[-1][1].evolve(status=Status.CLOSED, deadline=None), "approve"))
    return out


@settings(max_examples=150, deadline=None)
@given(history=histories(), data=st.data())
def test_a_job_at_random_times_gives_the_history_record(
    history: list[tuple[datetime, ClueState, str | None]], data: st.DataObject
) -> None:
    now = history[-1][0] + timedelta(minutes=data.draw(GAPS))
    expected = record_from_history(history, now, CAL, RULES)
    start = history[0][0]
    span = int((now - start).total_seconds() // 60)
    job_times = data.draw(st.lists(st.integers(0, span), max_size=12))
    runs = sorted({start + timedelta(minutes=m) for m in job_times} | {now})
    # The platform: the job at its times; at every action, the record is brought up to the
    # action's time with the state before it, then the action's state is taken in.
    open_now: tuple[WarningEpisode, ...] = ()
    ended: list[WarningEpisode] = []

    def run(index: int, at: datetime) -> None:
        nonlocal open_now
        state, since, cause = states_at[index]
        step = advance_record(open_now, state, since, at, CAL, RULES, cause)
        ended.extend(step.closed)
        open_now = step.apply(open_now)

    states_at: list[tuple[ClueState, datetime, str | None]] = []
    since, cause, key = history[0][0], history[0][2], current_stage(history[0][1])
    for at, state, action in history:
        if current_stage(state) != key:  # the stage or its deadline changed
            since, cause, key = at, action, current_stage(state)
        states_at.append((state, since, cause))
    events: list[tuple[datetime, int, int, int]] = []  # (time, action, order, state index)
    for index, (at, _, _) in enumerate(history):
        if index:
            events.append((at, index, 0, index - 1))  # up to the action with the state before
        events.append((at, index, 1, index))
    for at in runs:
        current = max(i for i, (t, _, _) in enumerate(history) if t <= at)
        events.append((at, current, 2, current))
    for at, _, _, index in sorted(events):
        run(index, at)
    got = tuple(sorted(ended + list(open_now), key=lambda e: (e.reached_at, e.level)))
    assert got == expected
