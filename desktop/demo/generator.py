"""Deterministic demo clues for the demo city, every history made by the workflow rules.

Each clue is drawn in three steps: what it is about (`desktop.demo.cases`), the steps of
its history and when they happen (`desktop.demo.histories`), and the registered fields.
The steps are then played through `desktop.domain.workflow.apply_action`, so every event is
one the rules allow and every state is the one the rules compute.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from random import Random
from typing import Any

from desktop.demo.cases import CaseMaker, pick, weights
from desktop.demo.city import DemoCity
from desktop.demo.histories import HistoryPlanner, Step
from desktop.domain.calendar import WorkCalendar, default_calendar
from desktop.domain.clue import ClueDraft, ClueState
from desktop.domain.codes import Status
from desktop.domain.rules import Rules
from desktop.domain.workflow import Action, apply_action


@dataclass(frozen=True)
class DemoEvent:
    """One recorded action of a demo clue's history, as `apply_action` produced it."""

    action: Action
    username: str
    unit_code: str
    at: datetime
    from_status: Status | None
    to_status: Status
    note: str
    details: Mapping[str, Any]


@dataclass(frozen=True)
class DemoClue:
    """A demo clue: what was registered, where it stands now, and how it got there."""

    draft: ClueDraft
    state: ClueState
    events: tuple[DemoEvent, ...]


STATUS_WEIGHTS: Mapping[Status, float] = {
    Status.REGISTERED: 5,
    Status.RETURNED: 3,
    Status.DISPATCHED: 10,
    Status.HANDLING: 25,
    Status.REVIEWING: 10,
    Status.CLOSED: 47,
}
"""The share of each final status among generated clues (relative weights)."""


def generate_clues(
    city: DemoCity,
    count: int,
    *,
    seed: int = 1,
    now: datetime,
    calendar: WorkCalendar | None = None,
    rules: Rules | None = None,
) -> Iterator[DemoClue]:
    """`count` demo clues coded LYG<year><index>, the same for the same city, count, seed
    and `now`; every history is played through the workflow rules and ends before `now`."""
    if count < 0:
        raise ValueError("count must not be negative")
    generator = _Generator(city, calendar or default_calendar(), rules or Rules(), now)
    return _clues(generator, count, seed)


def _clues(generator: _Generator, count: int, seed: int) -> Iterator[DemoClue]:
    rng = Random(seed)
    for index in range(1, count + 1):
        yield generator.clue(rng, index)


class _Generator:
    """The case maker and history planner of one run; makes one clue at a time."""

    def __init__(self, city: DemoCity, calendar: WorkCalendar, rules: Rules, now: datetime) -> None:
        self.cases = CaseMaker(city)
        self.planner = HistoryPlanner(self.cases, calendar, rules, now)
        self.units = city.directory()
        self.calendar = calendar
        self.rules = rules
        self.status_table = weights(STATUS_WEIGHTS)

    def clue(self, rng: Random, index: int) -> DemoClue:
        """Draw, plan and play the clue number `index`."""
        case = self.cases.case(rng)
        status = pick(rng, self.status_table)
        steps = self.planner.steps(rng, case, status)
        draft = self.cases.draft(rng, case, self.planner.clock.instant(steps[0][0]))
        code = f"LYG{draft.received_at.year}{index:06d}"
        return self._play(code, draft, steps)

    def _play(self, code: str, draft: ClueDraft, steps: list[Step]) -> DemoClue:
        """Take every planned action through the rules; the rules decide every state."""
        register = {
            "channel": draft.channel,
            "received_at": draft.received_at,
            "category": draft.category,
            "priority": draft.priority,
            "description": draft.description,
            "address": draft.address,
            "county_code": draft.county_code,
            "township_code": draft.township_code,
            "subject_name": draft.subject_name,
            "subject_credit_code": draft.subject_credit_code,
            "reporter_name": draft.reporter_name,
            "reporter_phone": draft.reporter_phone,
            "latitude": draft.latitude,
            "longitude": draft.longitude,
        }
        calendar, rules, units = self.calendar, self.rules, self.units
        instant = self.planner.clock.instant
        state: ClueState | None = None
        events = []
        for position, action, actor, payload in steps:
            at = instant(position)
            if action is Action.REGISTER:
                payload = register
            outcome = apply_action(action, actor, state, payload, at, calendar, rules, units, code)
            if outcome.draft is not None:
                draft = outcome.draft
            state = outcome.state
            events.append(
                DemoEvent(
                    action,
                    actor.username,
                    actor.unit.code,
                    at,
                    outcome.from_status,
                    state.status,
                    outcome.note,
                    outcome.details,
                )
            )
        assert state is not None
        return DemoClue(draft, state, tuple(events))
