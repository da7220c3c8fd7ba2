"""Tests for desktop.domain.assessment: every figure of the unit assessment from hand-built
histories, on-time boundaries across a holiday, and weights that change only the score.

The dates are 2026's on the real calendar: 国庆 Thu 1 – Wed 7 October is off and Sat 10
October is a make-up working day (调休). A working day is 08:30–12:00 and 13:30–17:30.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime
from typing import Any

import pytest

from desktop.domain.assessment import (
    FIGURE_LABELS,
    FIGURES,
    ClueHistory,
    Period,
    SuggestionDue,
    UnitAssessment,
    assess_units,
)
from desktop.domain.assessment_weights import AssessmentWeights
from desktop.domain.calendar import default_calendar
from desktop.domain.clue import ClueState
from desktop.domain.clue_history import HistoryEntry, states_after
from desktop.domain.codes import Priority, Status
from desktop.domain.rules import Rules
from desktop.domain.stages import Stage
from desktop.domain.timeutil import CHINA_TZ

CAL = default_calendar()
RULES = Rules()
TOWN = "320706001"
OTHER = "320706002"
OFFICE = "320706"
OCTOBER = Period(date(2026, 9, 28), date(2026, 10, 31))
NOW = datetime(2026, 11, 2, 9, 0, tzinfo=CHINA_TZ)


def cst(m: int, d: int, hh: int = 0, mm: int = 0, ss: int = 0) -> datetime:
    return datetime(2026, m, d, hh, mm, ss, tzinfo=CHINA_TZ)


def entry(action: str, at: datetime, to: Status, **details: Any) -> HistoryEntry:
    return HistoryEntry(action, at, to.value, OFFICE, details)


def history(code: str, *entries: HistoryEntry) -> ClueHistory:
    base = ClueState(
        code=code,
        status=Status.REGISTERED,
        priority=Priority.NORMAL,
        county_code=OFFICE,
        registered_at=entries[0].at,
    )
    return ClueHistory(code, states_after(base, entries, CAL, RULES, {OFFICE}))


def dispatched(at: datetime, handle: datetime, unit: str = TOWN) -> list[HistoryEntry]:
    """Registered an hour before `at`, dispatched to `unit` at `at`, due at `handle`."""
    return [
        entry("register", at.replace(hour=at.hour - 1), Status.REGISTERED),
        entry(
            "dispatch",
            at,
            Status.DISPATCHED,
            lead_unit=unit,
            assisting_units=[],
            handle_deadline=handle.isoformat(),
        ),
    ]


def assess(
    clues: Sequence[ClueHistory],
    suggestions: Sequence[SuggestionDue] = (),
    period: Period = OCTOBER,
    rules: Rules = RULES,
) -> dict[str, UnitAssessment]:
    found = assess_units(clues, period, NOW, CAL, rules, suggestions)
    return {unit.unit: unit for unit in found}


def codes(unit: UnitAssessment, name: str) -> tuple[str, ...]:
    return unit.figure(name).codes


# -- received and signed on time, across 国庆 -----------------------------------------------


@pytest.mark.parametrize(
    ("dispatched_at", "signed_at", "on_time"),
    [
        # Dispatched Wed 30 Sep: 1–7 Oct are off, so signing is due Thu 8 Oct 17:30.
        (cst(9, 30, 10), cst(10, 8, 17, 30), True),
        (cst(9, 30, 10), cst(10, 8, 17, 30, 1), False),
        # Dispatched Fri 9 Oct: the next working day is the make-up Saturday 10 Oct.
        (cst(10, 9, 10), cst(10, 10, 17, 30), True),
        (cst(10, 9, 10), cst(10, 12, 8, 30), False),
    ],
)
def test_signed_on_time_follows_the_work_calendar(
    dispatched_at: datetime, signed_at: datetime, on_time: bool
) -> None:
    clue = history(
        "XS-1",
        *dispatched(dispatched_at, cst(10, 30, 17, 30)),
        entry("sign", signed_at, Status.HANDLING),
    )
    town = assess([clue])[TOWN]
    assert codes(town, "received") == ("XS-1",)
    assert codes(town, "signed") == ("XS-1",)
    assert codes(town, "signed_on_time") == (("XS-1",) if on_time else ())
    assert town.components["signed_on_time"] == (1.0 if on_time else 0.0)


def test_a_return_counts_for_the_unit_that_returned_and_the_next_lead_receives() -> None:
    clue = history(
        "XS-2",
        *dispatched(cst(10, 12, 10), cst(10, 26, 17, 30)),
        entry("return", cst(10, 12, 15), Status.RETURNED, returned_by=TOWN),
        entry(
            "dispatch",
            cst(10, 13, 9),
            Status.DISPATCHED,
            lead_unit=OTHER,
            handle_deadline=cst(10, 27, 17, 30).isoformat(),
        ),
    )
    found = assess([clue])
    assert codes(found[TOWN], "returned") == ("XS-2",)
    assert codes(found[TOWN], "received") == ("XS-2",)
    assert codes(found[OTHER], "received") == ("XS-2",)
    assert codes(found[OTHER], "returned") == ()
    assert found[TOWN].components["not_returned"] == 0.0
    assert found[OTHER].components["not_returned"] == 1.0


# -- reported, rejected at review, handled on time ---------------------------------------


def test_report_on_time_then_rejected_then_late_and_closed() -> None:
    clue = history(
        "XS-3",
        *dispatched(cst(10, 12, 10), cst(10, 16, 17, 30)),
        entry("sign", cst(10, 12, 11), Status.HANDLING),
        # on time: the handling deadline is Fri 16 Oct 17:30
        entry("report", cst(10, 16, 17, 30), Status.REVIEWING, finding="confirmed"),
        entry(
            "reject",
            cst(10, 19, 9),
            Status.HANDLING,
            handle_deadline=cst(10, 21, 17, 30).isoformat(),
        ),
        # the rework deadline is Wed 21 Oct 17:30; this report is a day late
        entry("report", cst(10, 22, 10), Status.REVIEWING, finding="confirmed"),
        entry("approve", cst(10, 23, 10), Status.CLOSED),
    )
    town = assess([clue])[TOWN]
    assert codes(town, "reported") == ("XS-3",)
    assert codes(town, "reported_on_time") == ()
    assert codes(town, "rejected_at_review") == ("XS-3",)
    assert codes(town, "closed") == ("XS-3",)
    assert codes(town, "handled_on_time") == ()
    assert town.components["passed_review"] == 0.0


def test_a_clerks_report_counts_when_the_head_signs_it_off() -> None:
    clue = history(
        "XS-4",
        *dispatched(cst(10, 12, 10), cst(10, 16, 17, 30)),
        entry("sign", cst(10, 12, 11), Status.HANDLING),
        entry("report", cst(10, 16, 16), Status.SIGNOFF, finding="confirmed"),
        entry("signoff_approve", cst(10, 16, 17), Status.REVIEWING),
        entry("approve", cst(10, 20, 10), Status.CLOSED),
    )
    town = assess([clue])[TOWN]
    assert codes(town, "reported") == codes(town, "reported_on_time") == ("XS-4",)
    assert codes(town, "closed") == codes(town, "handled_on_time") == ("XS-4",)
    assert town.components["handled_on_time"] == 1.0


def test_an_approved_extension_moves_the_deadline_the_report_is_judged_by() -> None:
    clue = history(
        "XS-5",
        *dispatched(cst(10, 12, 10), cst(10, 16, 17, 30)),
        entry("sign", cst(10, 12, 11), Status.HANDLING),
        entry("request_extension", cst(10, 14, 9), Status.HANDLING, days=3),
        entry(
            "approve_extension",
            cst(10, 14, 15),
            Status.HANDLING,
            days=3,
            handle_deadline=cst(10, 21, 17, 30).isoformat(),
        ),
        entry("request_extension", cst(10, 20, 9), Status.HANDLING, days=2),
        entry("deny_extension", cst(10, 20, 10), Status.HANDLING),
        entry("report", cst(10, 21, 17), Status.REVIEWING, finding="confirmed"),
        entry("approve", cst(10, 22, 9), Status.CLOSED),
    )
    town = assess([clue])[TOWN]
    assert codes(town, "extensions_asked") == ("XS-5",)
    assert codes(town, "extensions_granted") == ("XS-5",)
    assert codes(town, "reported_on_time") == ("XS-5",)
    assert codes(town, "handled_on_time") == ("XS-5",)


@pytest.mark.parametrize(
    ("verdict", "figure"),
    [
        ("satisfied", "satisfied"),
        ("basically", "basically_satisfied"),
        ("unsatisfied", "unsatisfied"),
        ("unreached", "unreached"),
    ],
)
def test_callbacks_and_the_reporters_verdict_count_for_the_lead_unit(
    verdict: str, figure: str
) -> None:
    clue = history(
        "XS-6",
        *dispatched(cst(10, 12, 10), cst(10, 16, 17, 30)),
        entry("sign", cst(10, 12, 11), Status.HANDLING),
        entry("report", cst(10, 14, 10), Status.REVIEWING, finding="confirmed"),
        entry("callback", cst(10, 15, 10), Status.REVIEWING, callback=verdict),
    )
    town = assess([clue])[TOWN]
    assert codes(town, "callbacks") == ("XS-6",)
    assert codes(town, figure) == ("XS-6",)
    others = {"satisfied", "basically_satisfied", "unsatisfied", "unreached"} - {figure}
    assert all(town.count(name) == 0 for name in others)
    expected = {"satisfied": 1.0, "basically_satisfied": 1.0, "unsatisfied": 0.0}.get(figure)
    assert town.components["satisfaction"] == expected


# -- level-3 warnings --------------------------------------------------------------------


def test_a_red_warning_counts_with_the_working_time_it_lasted() -> None:
    # Dispatched Wed 30 Sep, due to be signed Thu 8 Oct 17:30; three working days overdue
    # (Fri 9, make-up Sat 10, Mon 12) end Mon 12 17:30, so red holds after Tue 13 08:30.
    # Signed Wed 14 Oct 10:00: red lasted 7.5 h on Tuesday and 1.5 h on Wednesday.
    clue = history(
        "XS-7",
        *dispatched(cst(9, 30, 10), cst(10, 30, 17, 30)),
        entry("sign", cst(10, 14, 10), Status.HANDLING),
    )
    town = assess([clue])[TOWN]
    assert codes(town, "red_warnings") == ("XS-7",)
    (red,) = town.red_episodes
    assert red.stage is Stage.SIGN
    assert red.reached_at == cst(10, 13, 8, 30)
    assert red.cleared_at == cst(10, 14, 10)
    assert red.seconds == 9 * 3600
    assert town.red_seconds == 9 * 3600
    assert codes(town, "signed_on_time") == ()


def test_an_open_red_warning_lasts_until_now_and_a_dispatch_stage_one_counts_to_the_office() -> (
    None
):
    # Registered Tue 29 Sep 09:00, due to be dispatched Wed 30 Sep 17:30; red after Mon 12
    # Oct 08:30 (Thu 8, Fri 9, Sat 10 overdue). Never dispatched: red lasts until now.
    clue = history("XS-8", entry("register", cst(9, 29, 9), Status.REGISTERED))
    office = assess([clue])[OFFICE]
    (red,) = office.red_episodes
    assert red.stage is Stage.DISPATCH and red.cleared_at is None
    assert red.reached_at == cst(10, 12, 8, 30)
    assert red.seconds == CAL.working_seconds_between(cst(10, 12, 8, 30), NOW)
    assert codes(office, "red_warnings") == ("XS-8",)


# -- suggestions ---------------------------------------------------------------------------


def test_suggestions_answered_on_time() -> None:
    suggestions = [
        SuggestionDue("S1", TOWN, cst(10, 9, 9), cst(10, 16, 17, 30), cst(10, 16, 17, 30)),
        SuggestionDue("S2", TOWN, cst(10, 9, 9), cst(10, 16, 17, 30), cst(10, 19, 9)),
        SuggestionDue("S3", TOWN, cst(10, 20, 9), cst(10, 27, 17, 30)),  # overdue, unanswered
        SuggestionDue("S4", TOWN, cst(10, 30, 9), cst(11, 9, 17, 30)),  # not due yet
        SuggestionDue("S5", TOWN, cst(11, 1, 9), cst(11, 9, 17, 30)),  # after the period
    ]
    town = assess([], suggestions)[TOWN]
    assert codes(town, "suggestions_received") == ("S1", "S2", "S3", "S4")
    assert codes(town, "suggestions_answered_on_time") == ("S1",)
    # S4 is not yet due: judged are S1, S2, S3
    assert town.components["suggestions_answered_on_time"] == pytest.approx(1 / 3)


# -- the period, the score and its weights ---------------------------------------------


def test_actions_outside_the_period_do_not_count() -> None:
    clue = history(
        "XS-9",
        *dispatched(cst(10, 30, 10), cst(11, 13, 17, 30)),
        entry("sign", cst(11, 2, 8, 45), Status.HANDLING),
    )
    town = assess([clue])[TOWN]
    assert codes(town, "received") == ("XS-9",)
    assert codes(town, "signed") == ()
    november = assess([clue], period=Period(date(2026, 11, 1), date(2026, 11, 30)))[TOWN]
    assert codes(november, "received") == ()
    assert codes(november, "signed") == codes(november, "signed_on_time") == ("XS-9",)


def test_a_period_that_ends_before_it_starts_is_refused() -> None:
    with pytest.raises(ValueError):
        Period(date(2026, 10, 31), date(2026, 10, 1))


def _mixed_clues() -> list[ClueHistory]:
    late = history(
        "XS-10",
        *dispatched(cst(9, 30, 10), cst(10, 16, 17, 30)),
        entry("sign", cst(10, 14, 10), Status.HANDLING),
        entry("request_extension", cst(10, 15, 9), Status.HANDLING, days=2),
    )
    good = history(
        "XS-11",
        *dispatched(cst(10, 12, 10), cst(10, 16, 17, 30), unit=OTHER),
        entry("sign", cst(10, 12, 11), Status.HANDLING),
        entry("report", cst(10, 14, 10), Status.REVIEWING, finding="confirmed"),
        entry("approve", cst(10, 15, 10), Status.CLOSED),
    )
    return [late, good]


def test_units_are_sorted_by_score_best_first() -> None:
    found = assess_units(_mixed_clues(), OCTOBER, NOW, CAL, RULES)
    assert [u.unit for u in found] == [OTHER, TOWN]
    assert found[0].score == 100.0
    assert found[1].score is not None and found[1].score < 100.0


def test_changing_the_weights_changes_only_the_score() -> None:
    clues = _mixed_clues()
    first = assess(clues)[TOWN]
    weights = AssessmentWeights.from_dict({"signed_on_time": 100, "without_extension": 0})
    second = assess(clues, rules=replace(RULES, assessment_weights=weights))[TOWN]
    assert second.figures == first.figures
    assert second.components == first.components
    assert second.red_episodes == first.red_episodes
    assert second.score != first.score
    # only the weighed components count: signed late (0), no return (1), red (0) ...
    components = first.components
    weighed = {name: weights.weight(name) for name, v in components.items() if v is not None}
    expected = sum(w * (components[n] or 0) for n, w in weighed.items()) / sum(weighed.values())
    assert second.score == pytest.approx(100 * expected, abs=0.01)


def test_every_figure_has_a_chinese_heading() -> None:
    assert set(FIGURE_LABELS) == set(FIGURES)
