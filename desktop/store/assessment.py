"""The unit assessment (单位使用平台情况考核) over the clues this store holds.

The store holds the clues of the user's scope with their histories; each history is read back
into the clue's state after every action (`desktop.domain.clue_history`) and judged by
`desktop.domain.assessment` with the rules and calendar the platform published. The
suggestion figures come from the commissions' suggestions the store holds (`suggestions_due`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from desktop.domain.assessment import (
    ClueHistory,
    Period,
    SuggestionDue,
    UnitAssessment,
    assess_units,
)
from desktop.domain.clue_history import HistoryEntry, states_after
from desktop.domain.codes import DISPATCHING_KINDS
from desktop.domain.suggestions import SuggestionState
from desktop.domain.timeutil import to_china
from desktop.store.clue_rows import clue_state, load_calendar, load_rules
from desktop.store.database import Store
from desktop.store.models import Clue, ClueEvent, Suggestion, Unit


@dataclass(frozen=True)
class StoreAssessment:
    """The assessment of a period as the store computes it: units best first, with names."""

    period: Period
    now: datetime
    units: tuple[UnitAssessment, ...]
    names: dict[str, str]

    def unit(self, code: str) -> UnitAssessment | None:
        """The assessment of the unit `code`, or None when it has nothing in the period."""
        return next((u for u in self.units if u.unit == code), None)

    def codes(self, unit: str, figure: str) -> tuple[str, ...]:
        """The codes behind one figure of one unit (empty when the unit is not assessed)."""
        found = self.unit(unit)
        return found.figure(figure).codes if found is not None else ()

    def name(self, code: str) -> str:
        """The unit's name, or its code when the store does not know it."""
        return self.names.get(code, code)


Progress = Callable[[int, int], None]
"""progress(done, total): how many of the store's clues were read back so far."""

PROGRESS_STEP = 100
"""Progress is reported every this many clues."""


def clue_histories(store: Store, progress: Progress | None = None) -> list[ClueHistory]:
    """Every clue of the store with its state after each entry of its history."""
    with store.session() as session:
        rules = load_rules(session)
        calendar = load_calendar(session, rules)
        offices = frozenset(
            session.scalars(
                select(Unit.code).where(Unit.kind.in_([k.value for k in DISPATCHING_KINDS]))
            )
        )
        entries: defaultdict[int, list[HistoryEntry]] = defaultdict(list)
        events = session.scalars(select(ClueEvent).order_by(ClueEvent.at, ClueEvent.id))
        for event in events:
            entries[event.clue_id].append(
                HistoryEntry(
                    action=event.action,
                    at=to_china(event.at),
                    to_status=event.to_status,
                    unit_code=event.unit_code,
                    details=dict(event.details or {}),
                )
            )
        found = []
        rows = list(session.scalars(select(Clue).order_by(Clue.id)))
        for done, row in enumerate(rows):
            if progress is not None and done % PROGRESS_STEP == 0:
                progress(done, len(rows))
            base = clue_state(session, row)
            steps = states_after(base, entries.get(row.id, ()), calendar, rules, offices)
            found.append(ClueHistory(row.code, steps))
    return found


def suggestion_due(state: SuggestionState) -> SuggestionDue:
    """How the assessment counts a suggestion: its first reply against the reply deadline in
    force when it came (a later reply after a send-back does not make a late one timely);
    unanswered, against the deadline in force now."""
    first = state.replies[0] if state.replies else None
    if first is None:
        return SuggestionDue(
            state.suggestion_id, state.addressed_unit, state.issued_at, state.reply_deadline
        )
    return SuggestionDue(
        state.suggestion_id,
        state.addressed_unit,
        state.issued_at,
        first.deadline,
        first.replied_at,
    )


def suggestions_due(store: Store) -> list[SuggestionDue]:
    """Every suggestion the store holds (as this device shows it), as the assessment counts it."""
    with store.session() as session:
        states = session.scalars(select(Suggestion.state).order_by(Suggestion.suggestion_id))
        return [suggestion_due(SuggestionState.from_dict(state)) for state in states]


def assess_store(
    store: Store,
    period: Period,
    now: datetime,
    unit_codes: Collection[str] | None = None,
    progress: Progress | None = None,
) -> StoreAssessment:
    """The assessment of `period` seen at `now` over the store's clues and suggestions,
    limited to `unit_codes` when given; units sorted by score, best first (`progress` hears
    how many clues were read back)."""
    histories = clue_histories(store, progress)
    suggestions = suggestions_due(store)
    with store.session() as session:
        rules = load_rules(session)
        calendar = load_calendar(session, rules)
        names = {code: name for code, name in session.execute(select(Unit.code, Unit.name))}
    units: Sequence[UnitAssessment] = assess_units(
        histories, period, now, calendar, rules, suggestions
    )
    if unit_codes is not None:
        units = [u for u in units if u.unit in unit_codes]
    return StoreAssessment(period, to_china(now), tuple(units), names)
