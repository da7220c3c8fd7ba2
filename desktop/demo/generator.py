"""Deterministic demo clues for the demo city, every history made by the workflow rules.

Each clue is drawn in four steps: when it comes in (`HistoryPlanner.intake`: two years of
seasonal intake), what it is about (`desktop.demo.cases`), the steps of its history and when
they happen (`desktop.demo.histories`: closed if its loop ends before `now`), and the
registered fields. Now and then the next clue reports the same problem again (a duplicate,
重复件, planned beside its original).
The steps are then played through `desktop.domain.workflow.apply_action` (and the notice
steps through `desktop.domain.notices.apply_notice_action`, the penalty cases' steps through
`desktop.domain.cases.apply_case_action`, see `desktop.demo.penalties`), so every event is one
the rules allow and every state is the one the rules compute.
"""

from __future__ import annotations

import json
import uuid
from bisect import bisect_right
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from functools import cache
from importlib.resources import files
from random import Random
from typing import Any, NamedTuple

from desktop.demo.cases import CaseMaker, _reporter
from desktop.demo.city import DemoCity
from desktop.demo.histories import HistoryPlanner, Step
from desktop.demo.penalties import DemoCase, PenaltyPlanner, closing_text
from desktop.demo.texts import site_findings
from desktop.domain.calendar import WorkCalendar, default_calendar
from desktop.domain.cases import CaseStatus, case_prefix
from desktop.domain.clue import ClueDraft, ClueState
from desktop.domain.codes import Category, Channel, Status
from desktop.domain.notice_actions import NoticeAction, NoticeRefused, unclosed_notice
from desktop.domain.notice_content import (
    Clause,
    NoticeContent,
    NoticeKind,
    NoticeState,
    NoticeStatus,
)
from desktop.domain.notice_prefill import SiteFindings, draft_content_from_clue
from desktop.domain.notices import apply_notice_action, frozen_clause_ids
from desktop.domain.rules import Rules
from desktop.domain.units import Actor
from desktop.domain.validators import ValidationError
from desktop.domain.warning_record import WarningEpisode, record_from_history, responsible_unit
from desktop.domain.workflow import NO_CONTEXT, Action, Context, apply_action

DUPLICATE_SHARE = 0.03
"""After each clue, the chance that the next one reports the same problem again (some such
draws find no room before now: about 2.5 % of the clues are duplicates)."""

NOTICE_ID_BASE = uuid.UUID("8b3f2a64-1c0e-4d52-9a7e-000000000000").int
"""Demo notice ids: this base plus (clue index << 8) plus the notice's number in the clue."""


class DemoEvent(NamedTuple):
    """One recorded action of a demo clue's history, as `apply_action` produced it (a named
    tuple: a big demo has hundreds of thousands, and a tuple is made several times faster)."""

    action: Action
    username: str
    unit_code: str
    at: datetime
    from_status: Status | None
    to_status: Status
    note: str
    details: Mapping[str, Any]


_new_event = tuple.__new__  # DemoEvent(*record) without the keyword handling of its __new__


class DemoAttachment(NamedTuple):
    """A file a demo clue cites (one of `desktop.demo.evidence`), as the clue lists it."""

    sha256: str
    name: str
    added_at: datetime
    added_by: str


class DemoNoticeEvent(NamedTuple):
    """One recorded action of a demo notice's history."""

    action: NoticeAction
    username: str
    unit_code: str
    at: datetime
    from_status: NoticeStatus | None
    to_status: NoticeStatus
    note: str
    details: Mapping[str, Any]


class DemoNotice(NamedTuple):
    """A notice of a demo clue: where it stands and how it got there."""

    state: NoticeState
    events: tuple[DemoNoticeEvent, ...]


@dataclass(frozen=True)
class DemoClue:
    """A demo clue: what was registered, where it stands now, and how it got there; the
    files its reports cite, its notices and its penalty cases."""

    draft: ClueDraft
    state: ClueState
    events: tuple[DemoEvent, ...]
    attachments: tuple[DemoAttachment, ...] = ()
    notices: tuple[DemoNotice, ...] = ()
    cases: tuple[DemoCase, ...] = ()
    warnings: tuple[tuple[WarningEpisode, str], ...] = ()
    """Its warning record (预警台账) as of the run's `now`, each episode with its unit."""


def generate_clues(
    city: DemoCity,
    count: int,
    *,
    seed: int = 1,
    now: datetime,
    calendar: WorkCalendar | None = None,
    rules: Rules | None = None,
    backlog: float | None = None,
) -> Iterator[DemoClue]:
    """`count` demo clues coded LYG<year><index>, the same for the same city, count, seed
    and `now`; every history is played through the workflow rules and ends before `now`.

    `backlog` None gives the source platform's shape (nearly everything older than two
    months closed); a share from 0 to 1 leaves that share of the clues open whatever their
    age (for tests that need many open clues of every status).
    """
    if count < 0:
        raise ValueError("count must not be negative")
    generator = _Generator(city, calendar or default_calendar(), rules or Rules(), now, backlog)
    return _clues(generator, count, seed)


def _clues(generator: _Generator, count: int, seed: int) -> Iterator[DemoClue]:
    rng = Random(seed)
    index = 1
    while index <= count:
        clue, original = generator.clue(rng, index)
        yield clue
        index += 1
        if original is not None and index <= count and rng.random() < DUPLICATE_SHARE:
            duplicate = generator.duplicate(rng, index, original)
            if duplicate is not None:
                yield duplicate
                index += 1


@cache
def clause_library() -> tuple[Clause, ...]:
    """The clauses notices cite (resources/notices/clauses.json)."""
    text = files("resources").joinpath("notices", "clauses.json").read_text("utf-8")
    return tuple(Clause.from_dict(item) for item in json.loads(text))


@dataclass
class _Original:
    """What a duplicate needs of the clue it repeats."""

    case: Any
    register: dict[str, Any]
    steps: list[Step]
    clue: DemoClue
    states: list[ClueState]

    def state_at(self, moment: datetime) -> ClueState | None:
        """The original's state at `moment` (None before it was registered)."""
        k = bisect_right([e.at for e in self.clue.events], moment)
        return self.states[k - 1] if k else None

    def lookup_at(self, moment: datetime) -> Callable[[str], ClueState | None]:
        """A lookup of clues by code that finds the original as it stood at `moment`."""
        state = self.state_at(moment)
        code = self.states[0].code
        return lambda wanted: state if wanted == code else None


_LOOKING_UP = frozenset({Action.MARK_DUPLICATE, Action.CLOSE_WITH_ORIGINAL})


class _Generator:
    """The case maker and history planner of one run; makes one clue at a time."""

    def __init__(
        self,
        city: DemoCity,
        calendar: WorkCalendar,
        rules: Rules,
        now: datetime,
        backlog: float | None,
    ) -> None:
        self.cases = CaseMaker(city)
        self.planner = HistoryPlanner(self.cases, calendar, rules, now, backlog)
        self.units = city.directory()
        self.calendar = calendar
        self.rules = rules
        self.now = now
        self.clauses = {c.clause_id: c for c in clause_library()}
        self.numbers: dict[tuple[str, int], int] = {}
        self.penalties = PenaltyPlanner(
            self.cases, self.planner.clock, calendar, rules, self.units, now
        )
        self._current: Any = None
        """The case (scenario) of the clue being played (None for a duplicate)."""
        self._linked: dict[int, DemoCase] = {}
        """The penalty cases filed on the played clue's notices, by the notice's place."""
        self.skipped = 0
        """Notice steps the rules refused (a notice squeezed into too little time stops)."""

    def clue(self, rng: Random, index: int) -> tuple[DemoClue, _Original | None]:
        """Draw, plan and play the clue number `index`; with what a duplicate of it needs
        (None when it cannot have one)."""
        planner = self.planner
        start, month = planner.intake(rng)
        case = self.cases.case(rng, month)
        steps = planner.steps(rng, case, start)
        registered_at = planner.clock.instant(steps[0][0])
        due_by = planner.due_by(case, steps[0][0])
        register = self.cases.registration(rng, case, registered_at, due_by)
        code = f"LYG{register['received_at'].year}{index:06d}"
        states: list[ClueState] = []
        self._current = case
        clue = self._play(code, register, registered_at, steps, index, states)
        self._current = None
        if not clue.cases:
            filed = self.penalties.direct(case, clue.draft, clue.state, clue.events, index)
            if filed is not None:
                clue = replace(clue, cases=(filed,))
        fits = (
            clue.state.lead_unit is not None
            and clue.state.status is not Status.REFUSED
            and clue.state.county_code == register["county_code"]
        )
        if not fits:
            return clue, None
        return clue, _Original(case, register, steps, clue, states)

    def duplicate(self, rng: Random, index: int, original: _Original) -> DemoClue | None:
        """A clue reporting again what `original` reported, numbered `index`, or None when
        none fits before now."""
        roll = rng.random()
        channel = (
            Channel.HOTLINE_12345
            if roll < 0.6
            else Channel.HOTLINE_12369
            if roll < 0.8
            else Channel.WECHAT_REPORT
            if roll < 0.92
            else Channel.LEADER_MAILBOX
        )
        case = replace(
            original.case,
            channel=channel,
            reporter=_reporter(rng, channel),
            registered_in=None,
        )
        steps = self.planner.duplicate_steps(rng, case, original.steps)
        if steps is None:
            return None
        registered_at = self.planner.clock.instant(steps[0][0])
        register = self.cases.duplicate_registration(rng, case, original.register, registered_at)
        code = f"LYG{register['received_at'].year}{index:06d}"
        first = original.states[0].code
        steps = [
            (p, a, actor, {**payload, "original": first})
            if a in (Action.MARK_DUPLICATE, Action.CLOSE_WITH_ORIGINAL)
            else (p, a, actor, payload)
            for p, a, actor, payload in steps
        ]
        return self._play(code, register, registered_at, steps, index, None, original)

    def _play(
        self,
        code: str,
        register: dict[str, Any],
        registered_at: datetime,
        steps: list[Step],
        index: int,
        states: list[ClueState] | None,
        original: _Original | None = None,
    ) -> DemoClue:
        """Take every planned action through the rules; the rules decide every state."""
        calendar, rules, units = self.calendar, self.rules, self.units
        instant = self.planner.clock.instant
        draft: ClueDraft | None = None
        state: ClueState | None = None
        events = []
        played: list[ClueState] = []
        attachments: list[DemoAttachment] = []
        notices: dict[int, _NoticeRun] = {}
        self._linked = {}
        for position, action, actor, payload in steps:
            if isinstance(action, NoticeAction):
                assert state is not None and draft is not None
                at = instant(position)
                self._notice(notices, action, actor, payload, at, state, draft, index)
                continue
            if action is Action.REGISTER:
                at, payload = registered_at, register
            else:
                at = instant(position)
            context = NO_CONTEXT
            if original is not None and action in _LOOKING_UP:
                context = Context(lookup=original.lookup_at(at))
            elif action is Action.APPROVE and notices:
                running = [unclosed_notice(n.state, at) for n in notices.values()]
                context = Context(open_notices=[name for name in running if name])
            outcome = apply_action(
                action, actor, state, payload, at, calendar, rules, units, code, context
            )
            if outcome.draft is not None:
                draft = outcome.draft
            state = outcome.state
            played.append(state)
            record = (
                action,
                actor.username,
                actor.unit.code,
                at,
                outcome.from_status,
                state.status,
                outcome.note,
                outcome.details,
            )
            events.append(_new_event(DemoEvent, record))
            if action is Action.REPORT and "attachments" in payload:
                known = {a.sha256 for a in attachments}
                for ref in payload["attachments"]:
                    if ref["sha256"] not in known:
                        known.add(ref["sha256"])
                        item = (ref["sha256"], ref["name"], at, actor.username)
                        attachments.append(DemoAttachment(*item))
        assert draft is not None and state is not None
        for place, case in sorted(self._linked.items()):
            closed = case.state.status is CaseStatus.CLOSED
            if closed and case.events:
                last = case.events[-1]
                actor = self.cases.handler(units[last.unit_code])
                payload = {"notice_id": place, "case_result": closing_text(case.state)}
                action = NoticeAction.CLOSE_CASE
                self._notice(notices, action, actor, payload, last.at, state, draft, index, True)
        demo_notices = tuple(
            DemoNotice(run.state, tuple(run.events)) for _, run in sorted(notices.items())
        )
        cases = tuple(case for _, case in sorted(self._linked.items()))
        if states is not None:
            states.extend(played)
        warnings = self._warnings(events, played)
        return DemoClue(
            draft, state, tuple(events), tuple(attachments), demo_notices, cases, warnings
        )

    def _warnings(
        self, events: Sequence[DemoEvent], states: Sequence[ClueState]
    ) -> tuple[tuple[WarningEpisode, str], ...]:
        """The clue's warning record played by the platform job's rules, each episode with
        the unit it counted against when it was reached."""
        times = [event.at for event in events]
        history = [(e.at, s, e.action.value) for e, s in zip(events, states, strict=True)]
        record = record_from_history(history, self.now, self.calendar, self.rules)
        return tuple(
            (e, responsible_unit(e.stage, states[max(bisect_right(times, e.reached_at) - 1, 0)]))
            for e in record
        )

    # -- notices -------------------------------------------------------------------------

    def _notice(
        self,
        notices: dict[int, _NoticeRun],
        action: NoticeAction,
        actor: Actor,
        planned: Mapping[str, Any],
        at: datetime,
        clue: ClueState,
        draft: ClueDraft,
        index: int,
        with_case: bool = False,
    ) -> None:
        """Play one notice step; a step the rules refuse (a notice of an open clue squeezed
        into too little time) ends that notice where it stands. A notice found 逾期未整改 gets
        its penalty case filed (`desktop.demo.penalties`), and records the case's closing when
        the case closes (`with_case`), not when its plan said."""
        number_in_clue = int(planned["notice_id"])
        run = notices.get(number_in_clue)
        if run is not None and run.stopped or run is None and action is not NoticeAction.DRAFT:
            return
        if action is NoticeAction.CLOSE_CASE and number_in_clue in self._linked and not with_case:
            return
        notice_id = str(uuid.UUID(int=NOTICE_ID_BASE + (index << 8) + number_in_clue))
        payload = {k: v for k, v in planned.items() if k != "days"}
        payload["notice_id"] = notice_id
        number = None
        state = run.state if run is not None else None
        units = self.units
        if action is NoticeAction.DRAFT:
            kind = NoticeKind(planned["kind"])
            clauses = list(self.clauses.values())
            category = Category(str(getattr(draft.category, "value", draft.category)))
            said = site_findings(Random(notice_id), category, draft.description)
            found = SiteFindings(at.date(), said)

            def prefill(kind: NoticeKind) -> NoticeContent:
                return draft_content_from_clue(
                    draft,
                    actor.unit,
                    units,
                    kind,
                    clauses,
                    findings=found,
                    powers=self.rules.powers,
                    today=at.date(),
                )

            content = prefill(kind)
            if kind is NoticeKind.CORRECTION_ORDER and not content.clause_ids:
                kind = NoticeKind.RECTIFICATION
                content = prefill(kind)
                payload["kind"] = kind.value
            content = content.evolve(
                deadline_days=planned["days"],
                contact_person=actor.display_name,
                contact_phone=self.cases.phones.get(actor.username, ""),
            )
            payload.update(content.to_dict())
        elif action is NoticeAction.ISSUE:
            assert state is not None
            key = (state.unit_code, at.year)
            number = (at.year, self.numbers.get(key, 0) + 1)
            wanted = frozen_clause_ids(state.content)
            payload["clauses"] = [self.clauses[c].to_dict() for c in wanted if c in self.clauses]
        elif action is NoticeAction.SERVE:
            payload["served_at"] = at.isoformat()
            payload["place"] = draft.address
        elif action is NoticeAction.FILE_CASE:
            assert state is not None
            payload["filed_on"] = at.date().isoformat()
            filed = None
            if self._current is not None:
                filed = self.penalties.on_notice(
                    self._current, draft, clue, state, actor, at, index
                )
            if filed is not None:
                self._linked[number_in_clue] = filed
                payload["case_number"] = filed.state.number
            else:
                payload["case_number"] = self._case_number(actor, at.year)
        elif action is NoticeAction.CLOSE_CASE:
            payload["closed_on"] = at.date().isoformat()
        try:
            outcome = apply_notice_action(
                action,
                actor,
                state,
                payload,
                at,
                self.calendar,
                self.rules,
                units,
                clue=clue,
                number=number,
            )
        except (NoticeRefused, ValidationError):
            self.skipped += 1
            if run is not None:
                run.stopped = True
            return
        if number is not None:
            self.numbers[(outcome.state.unit_code, number[0])] = number[1]
        event = DemoNoticeEvent(
            action,
            actor.username,
            actor.unit.code,
            at,
            outcome.from_status,
            outcome.state.status,
            outcome.note,
            outcome.details,
        )
        if run is None:
            notices[number_in_clue] = _NoticeRun(outcome.state, [event])
        else:
            run.state = outcome.state
            run.events.append(event)

    def _case_number(self, actor: Actor, year: int) -> str:
        """The next 立案号 of the actor's unit (海环立〔2026〕3号), for a notice whose case the
        demo does not keep as a record: of the same series as the cases' numbers."""
        numbers = self.penalties.case_numbers
        key = (actor.unit.code, year)
        numbers[key] = numbers.get(key, 0) + 1
        return f"{case_prefix(actor.unit, self.units)}〔{year}〕{numbers[key]}号"


@dataclass
class _NoticeRun:
    state: NoticeState
    events: list[DemoNoticeEvent]
    stopped: bool = False


__all__ = [
    "DemoAttachment",
    "DemoClue",
    "DemoEvent",
    "DemoNotice",
    "DemoNoticeEvent",
    "generate_clues",
]
