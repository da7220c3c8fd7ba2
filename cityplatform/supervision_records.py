"""The commissions' own records on the platform: their two kinds (suggestions, accountability
records) with tables, rules and documents, read for the feed and for push answers."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from cityplatform.models import (
    AccountabilityEvent,
    AccountabilityRecord,
    Suggestion,
    SuggestionEvent,
)
from desktop.domain import accountability, suggestions
from desktop.domain.accountability import (
    ACCOUNTABILITY_COMMAND_PREFIX,
    AccountabilityAction,
    AccountabilityRefused,
    AccountabilityState,
)
from desktop.domain.suggestions import (
    SUGGESTION_COMMAND_PREFIX,
    SuggestionAction,
    SuggestionRefused,
    SuggestionState,
)
from desktop.domain.units import UnitDirectory
from desktop.wire.records import Event
from desktop.wire.supervision import AccountabilityPayload, SuggestionPayload

EVENT_FIELDS = tuple(Event.model_fields)


@dataclass(frozen=True)
class SupervisionKind:
    """One kind of commission record as the platform keeps it."""

    name: str
    """The feed's `kind` and the push answer's key: suggestion | accountability."""
    prefix: str
    id_key: str
    model: Any
    event_model: Any
    payload_model: type[BaseModel]
    action_of: Callable[[str], Any]
    creates: Any
    from_dict: Callable[[Any], Any]
    refused: type[SuggestionRefused] | type[AccountabilityRefused]
    field_label: Callable[[str], str]
    noun: str
    """What a clerk calls a record of the kind (in messages)."""
    own_column: str
    addressed_column: str

    def is_type(self, command_type: str) -> bool:
        """Whether a pushed action is an action of this kind."""
        return command_type.startswith(self.prefix)

    def row_values(self, state: Any, units: UnitDirectory) -> dict[str, Any]:
        """The columns of a row holding `state` (besides id, seq and created_at)."""
        own, addressed = getattr(state, self.own_column), getattr(state, self.addressed_column)
        unit = units.get(addressed)
        values = {
            "status": state.status.value,
            self.own_column: own,
            self.addressed_column: addressed,
            "area_county": unit.county_code if unit is not None else None,
            "state": state.to_dict(),
        }
        if isinstance(state, SuggestionState):
            values.update(
                kind=state.kind.value, number=state.number, number_year=state.issued_at.year
            )
        else:
            values["measure"] = state.measure.value
        return values

    def documents(self, session: Session, rows: Sequence[Any]) -> list[dict[str, Any]]:
        """The wire objects of `rows` (each with `record_id`, `seq`, `state`), in order: the
        state with its `version` and complete history; one query for the histories."""
        if not rows:
            return []
        key = getattr(self.event_model, self.id_key)
        columns = [getattr(self.event_model, name) for name in EVENT_FIELDS]
        events: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for e in session.execute(
            select(key.label("record_id"), *columns)
            .where(key.in_([r.record_id for r in rows]))
            .order_by(key, self.event_model.id)
        ):
            entry = dict(e._mapping)
            events[entry.pop("record_id")].append(entry)
        return [{**r.state, "version": r.seq, "events": events.get(r.record_id, [])} for r in rows]

    def select_rows(self) -> Any:
        """SELECT record_id, seq, state and the scope columns of the kind's rows."""
        model = self.model
        return select(
            getattr(model, self.id_key).label("record_id"),
            model.seq,
            model.state,
            getattr(model, self.own_column).label("own"),
            getattr(model, self.addressed_column).label("addressed"),
            model.area_county,
        )

    def document(self, session: Session, record_id: str) -> dict[str, Any] | None:
        """The wire object of one record, or None."""
        row = session.execute(
            self.select_rows().where(getattr(self.model, self.id_key) == record_id)
        ).first()
        return self.documents(session, [row])[0] if row is not None else None


SUGGESTIONS = SupervisionKind(
    name="suggestion",
    prefix=SUGGESTION_COMMAND_PREFIX,
    id_key="suggestion_id",
    model=Suggestion,
    event_model=SuggestionEvent,
    payload_model=SuggestionPayload,
    action_of=SuggestionAction.from_command_type,
    creates=SuggestionAction.ISSUE,
    from_dict=SuggestionState.from_dict,
    refused=SuggestionRefused,
    field_label=suggestions.field_label,
    noun="建议",
    own_column="issuing_unit",
    addressed_column="addressed_unit",
)
"""Suggestions (纪律检查建议 / 监察建议 / 督办函)."""

ACCOUNTABILITY = SupervisionKind(
    name="accountability",
    prefix=ACCOUNTABILITY_COMMAND_PREFIX,
    id_key="record_id",
    model=AccountabilityRecord,
    event_model=AccountabilityEvent,
    payload_model=AccountabilityPayload,
    action_of=AccountabilityAction.from_command_type,
    creates=AccountabilityAction.RECORD,
    from_dict=AccountabilityState.from_dict,
    refused=AccountabilityRefused,
    field_label=accountability.field_label,
    noun="问责记录",
    own_column="commission_unit",
    addressed_column="unit_concerned",
)
"""Accountability records (问责)."""

SUPERVISION_KINDS: Mapping[str, SupervisionKind] = {
    kind.name: kind for kind in (SUGGESTIONS, ACCOUNTABILITY)
}


def supervision_kind(command_type: str) -> SupervisionKind | None:
    """The kind of commission record a pushed action acts on, or None (a clue's action)."""
    return next((k for k in SUPERVISION_KINDS.values() if k.is_type(command_type)), None)
