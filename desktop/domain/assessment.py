"""The assessment of each unit's use of the platform for a period (单位使用平台情况考核).

Every figure is computed from the clues' histories (their state after each action, see
`desktop.domain.clue_history`) with the same deadline and warning rules the client and the
platform use, and carries the codes behind it so a window can list them. An action counts in
the period when it was taken on one of its days (China time, both ends included).

- received (收到线索): dispatched to the unit as lead unit;
- signed / signed on time (按时签收): signed by the unit, by the signing deadline then in force;
- reported / reported on time (按时反馈): the unit's result handed to the reviewing office
  (反馈, or its head's 审签通过), every such handover by the handling deadline then in force
  (extensions and rework deadlines included);
- closed / handled on time (按时办结): closed (审核通过) with the handover that was accepted
  made by the handling deadline then in force;
- returned (退回): returned by the unit; rejected at review (审核不通过): the unit's result
  turned back by the reviewing office; extensions asked / granted (申请延期 / 批准延期);
- level-3 warnings (三级预警): the red episodes of the warning record
  (`desktop.domain.warning_record.record_from_history`) reached in the period, the signing and
  handling stages counted to the lead unit, dispatching and reviewing to the owning office,
  with the working time each lasted (until it cleared, or until now);
- callbacks (回访) of the unit's clues and the reporters' verdicts (满意 / 基本满意 / 不满意 /
  未联系上);
- suggestions received (收到纪检监察建议) and answered on time: the commission's suggestions
  addressed to the unit issued in the period (their codes are the suggestions' ids).

The combined score is the weighted mean of the components (shares from 0 to 1) times 100,
with the weights of the rules data (`desktop.domain.assessment_weights`); a component without
anything to judge is left out of the mean. The weights never change a figure.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from desktop.domain.assessment_weights import COMPONENTS, AssessmentWeights
from desktop.domain.calendar import WorkCalendar
from desktop.domain.clue import ClueState
from desktop.domain.clue_history import StateStep
from desktop.domain.codes import CallbackResult, Status
from desktop.domain.rules import Rules
from desktop.domain.stages import Stage
from desktop.domain.timeutil import to_china
from desktop.domain.warning_record import WarningEpisode, record_from_history, responsible_unit
from desktop.domain.workflow import Action

FIGURES = (
    "received",
    "signed",
    "signed_on_time",
    "reported",
    "reported_on_time",
    "closed",
    "handled_on_time",
    "returned",
    "rejected_at_review",
    "extensions_asked",
    "extensions_granted",
    "red_warnings",
    "callbacks",
    "satisfied",
    "basically_satisfied",
    "unsatisfied",
    "unreached",
    "suggestions_received",
    "suggestions_answered_on_time",
)
"""The figures of a unit's assessment, in the order a table shows them."""

FIGURE_LABELS: Mapping[str, str] = {
    "received": "收到线索",
    "signed": "签收",
    "signed_on_time": "按时签收",
    "reported": "反馈",
    "reported_on_time": "按时反馈",
    "closed": "办结",
    "handled_on_time": "按时办结",
    "returned": "退回",
    "rejected_at_review": "审核不通过",
    "extensions_asked": "申请延期",
    "extensions_granted": "批准延期",
    "red_warnings": "三级预警",
    "callbacks": "回访",
    "satisfied": "满意",
    "basically_satisfied": "基本满意",
    "unsatisfied": "不满意",
    "unreached": "未联系上",
    "suggestions_received": "收到建议",
    "suggestions_answered_on_time": "按时回复建议",
}
"""The Chinese heading of each figure."""

_VERDICT_FIGURES = {
    CallbackResult.SATISFIED: "satisfied",
    CallbackResult.BASICALLY: "basically_satisfied",
    CallbackResult.UNSATISFIED: "unsatisfied",
    CallbackResult.UNREACHED: "unreached",
}


@dataclass(frozen=True)
class Period:
    """The days of an assessment, both ends included (China time)."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"period ends {self.end} before it starts {self.start}")

    def holds(self, moment: datetime) -> bool:
        """Whether `moment` falls on one of the period's days."""
        return self.start <= to_china(moment).date() <= self.end


@dataclass(frozen=True)
class ClueHistory:
    """One clue as the assessment reads it: its code and its state after each action."""

    code: str
    steps: Sequence[StateStep]


@dataclass(frozen=True)
class SuggestionDue:
    """A suggestion of the commission addressed to a unit, as the assessment counts it."""

    id: str
    unit: str
    issued_at: datetime
    due_at: datetime
    answered_at: datetime | None = None

    @property
    def answered_on_time(self) -> bool:
        """Whether the unit answered by the reply deadline."""
        return self.answered_at is not None and self.answered_at <= self.due_at


@dataclass(frozen=True)
class RedWarning:
    """A level-3 warning counted to a unit, and the working time it lasted."""

    code: str
    stage: Stage
    reached_at: datetime
    cleared_at: datetime | None
    seconds: int


@dataclass(frozen=True)
class Figure:
    """A figure of the assessment: how many, and the codes behind it (sorted)."""

    codes: tuple[str, ...] = ()

    @property
    def count(self) -> int:
        """How many clues (or suggestions) the figure counts."""
        return len(self.codes)


@dataclass(frozen=True)
class UnitAssessment:
    """One unit's figures for the period, the score's components and the score."""

    unit: str
    figures: Mapping[str, Figure]
    red_episodes: tuple[RedWarning, ...]
    components: Mapping[str, float | None]
    score: float | None

    def figure(self, name: str) -> Figure:
        """The figure called `name` (one of FIGURES)."""
        return self.figures[name]

    def count(self, name: str) -> int:
        """How many the figure `name` counts."""
        return self.figures[name].count

    @property
    def red_seconds(self) -> int:
        """The working time the unit's level-3 warnings lasted, in total."""
        return sum(e.seconds for e in self.red_episodes)


@dataclass
class _Tally:
    codes: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    late_reports: set[str] = field(default_factory=set)
    red: list[RedWarning] = field(default_factory=list)
    suggestions_due: set[str] = field(default_factory=set)

    def add(self, name: str, code: str) -> None:
        self.codes[name].add(code)


def _handover(action: str, state: ClueState) -> bool:
    """Whether the action handed the unit's result to the reviewing office."""
    if action == Action.SIGNOFF_APPROVE.value:
        return True
    return action == Action.REPORT.value and state.status is Status.REVIEWING


def _count_actions(clue: ClueHistory, period: Period, tallies: defaultdict[str, _Tally]) -> None:
    code = clue.code
    before: ClueState | None = None
    accepted_on_time = False
    for at, state, action in clue.steps:
        lead = before.lead_unit if before is not None else None
        if before is not None and _handover(action or "", state):
            deadline = before.handle_deadline or before.deadline
            accepted_on_time = deadline is not None and to_china(at) <= deadline
        if not period.holds(at) or before is None:
            before = state
            continue
        if action == Action.DISPATCH.value and state.lead_unit:
            tallies[state.lead_unit].add("received", code)
        elif lead is None:
            pass
        elif action == Action.SIGN.value:
            tallies[lead].add("signed", code)
            if before.deadline is not None and to_china(at) <= before.deadline:
                tallies[lead].add("signed_on_time", code)
        elif _handover(action or "", state):
            tallies[lead].add("reported", code)
            if not accepted_on_time:
                tallies[lead].late_reports.add(code)
        elif action == Action.APPROVE.value:
            tallies[lead].add("closed", code)
            if accepted_on_time:
                tallies[lead].add("handled_on_time", code)
        elif action == Action.RETURN.value:
            tallies[lead].add("returned", code)
        elif action == Action.REJECT.value:
            tallies[lead].add("rejected_at_review", code)
        elif action == Action.REQUEST_EXTENSION.value:
            tallies[lead].add("extensions_asked", code)
        elif action == Action.APPROVE_EXTENSION.value:
            tallies[lead].add("extensions_granted", code)
        elif action == Action.CALLBACK.value and state.callback is not None:
            tallies[lead].add("callbacks", code)
            tallies[lead].add(_VERDICT_FIGURES[state.callback], code)
        before = state


def _state_at(steps: Sequence[StateStep], moment: datetime) -> ClueState | None:
    found = None
    for at, state, _ in steps:
        if at > moment:
            break
        found = state
    return found


def _count_red(
    clue: ClueHistory,
    record: Iterable[WarningEpisode],
    period: Period,
    now: datetime,
    calendar: WorkCalendar,
    tallies: defaultdict[str, _Tally],
) -> None:
    for episode in record:
        if episode.level != 3 or not period.holds(episode.reached_at):
            continue
        state = _state_at(clue.steps, episode.reached_at)
        if state is None:
            continue
        unit = responsible_unit(episode.stage, state)
        until = episode.cleared_at or now
        seconds = max(0, calendar.working_seconds_between(episode.reached_at, until))
        red = RedWarning(clue.code, episode.stage, episode.reached_at, episode.cleared_at, seconds)
        tallies[unit].red.append(red)
        tallies[unit].add("red_warnings", clue.code)


def _share(good: int, total: int) -> float | None:
    return good / total if total else None


def _spared(bad: int, base: int) -> float | None:
    """The share spared a fault: 1 - bad/base (at least 0); None when nothing to judge."""
    if not bad and not base:
        return None
    return max(0.0, 1 - bad / max(base, 1))


def components_of(figures: Mapping[str, Figure], suggestions_due: int) -> dict[str, float | None]:
    """The components of the score (shares 0–1, None: nothing to judge) from the figures."""
    counts = {name: figure.count for name, figure in figures.items()}
    return components_from_counts(counts, suggestions_due)


def components_from_counts(
    counts: Mapping[str, int], suggestions_due: int
) -> dict[str, float | None]:
    """The components of the score from the figures' counts alone (by the names of FIGURES;
    a missing one counts 0): what `components_of` computes, for a caller that has counts
    without the codes behind them (the monthly circular, from the statistics' aggregates)."""

    def n(name: str) -> int:
        return int(counts.get(name, 0))

    received, reported = n("received"), n("reported")
    verdicts = n("satisfied") + n("basically_satisfied")
    return {
        "signed_on_time": _share(n("signed_on_time"), n("signed")),
        "handled_on_time": _share(n("handled_on_time"), n("closed")),
        "reported_on_time": _share(n("reported_on_time"), reported),
        "not_returned": _spared(n("returned"), received),
        "passed_review": _spared(n("rejected_at_review"), reported),
        "without_extension": _spared(n("extensions_asked"), received),
        "without_red_warning": _spared(n("red_warnings"), received),
        "satisfaction": _share(verdicts, verdicts + n("unsatisfied")),
        "suggestions_answered_on_time": _share(n("suggestions_answered_on_time"), suggestions_due),
    }


def combined_score(
    components: Mapping[str, float | None], weights: AssessmentWeights
) -> float | None:
    """The weighted mean of the components that have something to judge, times 100."""
    weighed = [
        (weights.weight(name), value)
        for name in COMPONENTS
        if (value := components.get(name)) is not None and weights.weight(name) > 0
    ]
    total = sum(weight for weight, _ in weighed)
    if not total:
        return None
    return round(100 * sum(weight * value for weight, value in weighed) / total, 2)


def assess_units(
    clues: Iterable[ClueHistory],
    period: Period,
    now: datetime,
    calendar: WorkCalendar,
    rules: Rules,
    suggestions: Iterable[SuggestionDue] = (),
) -> list[UnitAssessment]:
    """Every unit's assessment for `period` seen at `now`, best score first (units without
    a score last, then by code); a unit appears when any of its figures is not zero."""
    tallies: defaultdict[str, _Tally] = defaultdict(_Tally)
    for clue in clues:
        _count_actions(clue, period, tallies)
        record = record_from_history(clue.steps, now, calendar, rules)
        _count_red(clue, record, period, now, calendar, tallies)
    for suggestion in suggestions:
        if not period.holds(suggestion.issued_at):
            continue
        tally = tallies[suggestion.unit]
        tally.add("suggestions_received", suggestion.id)
        if suggestion.answered_on_time:
            tally.add("suggestions_answered_on_time", suggestion.id)
        if suggestion.answered_at is not None or suggestion.due_at <= to_china(now):
            tally.suggestions_due.add(suggestion.id)
    found: list[UnitAssessment] = []
    for unit, tally in tallies.items():
        reported = tally.codes.get("reported", set())
        tally.codes["reported_on_time"] = reported - tally.late_reports
        figures = {name: Figure(tuple(sorted(tally.codes.get(name, ())))) for name in FIGURES}
        components = components_of(figures, len(tally.suggestions_due))
        red = tuple(sorted(tally.red, key=lambda r: (r.reached_at, r.code)))
        score = combined_score(components, rules.assessment_weights)
        found.append(UnitAssessment(unit, figures, red, components, score))
    found.sort(key=lambda a: (a.score is None, -(a.score or 0), a.unit))
    return found
