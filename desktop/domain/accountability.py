"""Accountability records (问责) of the discipline commission as rules: the state, the measures,
the origin check (a clue that reached level 3 or a suggestion not answered in time) and who may
record or amend one.

Only the commission records (`record`) and amends (`amend`) its own records; they are seen by
the commission and the unit concerned only. Refusals are `AccountabilityRefused`, bad payload
values `ValidationError` naming the payload key.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any, Self

from desktop.domain.codes import Labelled, UnitKind
from desktop.domain.messages import Label, Message
from desktop.domain.payload_values import not_after_today, payload_choice, payload_day, payload_text
from desktop.domain.suggestions import SuggestionState, not_answered_in_time
from desktop.domain.supervision_common import (
    ClueLookup,
    RecordOutcome,
    checked_clues,
    is_commission_user,
    payload_codes,
    payload_unit,
    record_uuid,
)
from desktop.domain.timeutil import to_china
from desktop.domain.units import Actor, UnitDirectory
from desktop.domain.validators import ValidationError, require_text


class Measure(Labelled):
    """The accountability measure taken."""

    TALK_REMINDER = "talk_reminder"
    CRITICISM = "criticism"
    ORDERED_INSPECTION = "ordered_inspection"
    CIRCULATED_CRITICISM = "circulated_criticism"
    ADMONITION = "admonition"
    ORGANIZATIONAL = "organizational"
    DISCIPLINARY = "disciplinary"

    @property
    def label(self) -> str:
        """The Chinese name of the measure."""
        return _MEASURE_LABELS[self]


_MEASURE_LABELS = {
    Measure.TALK_REMINDER: "谈话提醒",
    Measure.CRITICISM: "批评教育",
    Measure.ORDERED_INSPECTION: "责令检查",
    Measure.CIRCULATED_CRITICISM: "通报批评",
    Measure.ADMONITION: "诫勉",
    Measure.ORGANIZATIONAL: "组织处理",
    Measure.DISCIPLINARY: "纪律处分",
}


class AccountabilityStatus(Labelled):
    """Where an accountability record stands (it is recorded once, then maybe amended)."""

    RECORDED = "recorded"

    @property
    def label(self) -> str:
        """The Chinese name of the status."""
        return "已记录"


class AccountabilityAction(Labelled):
    """An action on an accountability record; synced as a command."""

    RECORD = "record"
    AMEND = "amend"

    @property
    def label(self) -> str:
        """The Chinese name of the action."""
        return "记录问责" if self is AccountabilityAction.RECORD else "修改问责记录"

    @property
    def command_type(self) -> str:
        """The versioned command name used by sync, e.g. accountability.record.v1."""
        return f"accountability.{self.value}.v1"

    @classmethod
    def from_command_type(cls, command_type: str) -> AccountabilityAction:
        """The action of a command name; ValueError for an unknown name or version."""
        prefix, _, rest = command_type.partition(".")
        name, _, version = rest.rpartition(".")
        if prefix != "accountability" or version != "v1":
            raise ValueError(command_type)
        return cls(name)


ACCOUNTABILITY_COMMAND_PREFIX = "accountability."
"""Every accountability command type starts with this."""

MAX_PERSONS = 20
"""The most responsible persons one record names."""

FIELD_LABELS: Mapping[str, str] = {
    "record_id": "问责记录编号（UUID）",
    "unit_concerned": "被问责单位",
    "persons": "责任人",
    "measure": "问责方式",
    "decided_on": "问责日期",
    "document_number": "文号",
    "clue_codes": "涉及线索",
    "suggestion_id": "所涉建议",
    "facts": "问责事由",
}
"""Payload key → the label a clerk reads."""


def field_label(key: str) -> str:
    """The Chinese label of a payload key (dotted keys: the label of their first part)."""
    return FIELD_LABELS.get(key) or FIELD_LABELS.get(key.split(".")[0], key)


class AccountabilityRefused(Exception):
    """The rules refuse an accountability action; `reason` is a sentence a clerk understands."""

    def __init__(self, reason: str, action: AccountabilityAction | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.action = action


@dataclass(frozen=True)
class Person:
    """A responsible person as the commission names them: name and post."""

    name: str
    post: str

    def to_dict(self) -> dict[str, str]:
        """JSON-ready form."""
        return {"name": self.name, "post": self.post}


@dataclass(frozen=True)
class AccountabilityState:
    """An accountability record: who, what measure, when, which document, about what."""

    record_id: str
    commission_unit: str
    unit_concerned: str
    persons: tuple[Person, ...]
    measure: Measure
    decided_on: date
    document_number: str
    clue_codes: tuple[str, ...]
    suggestion_id: str | None
    facts: str
    created_at: datetime
    created_by: str
    status: AccountabilityStatus = AccountabilityStatus.RECORDED

    def evolve(self, **changes: Any) -> Self:
        """A copy with `changes` (a clue code given by the store is ignored)."""
        changes.pop("clue_code", None)
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "record_id": self.record_id,
            "commission_unit": self.commission_unit,
            "unit_concerned": self.unit_concerned,
            "persons": [p.to_dict() for p in self.persons],
            "measure": self.measure.value,
            "decided_on": self.decided_on.isoformat(),
            "document_number": self.document_number,
            "clue_codes": list(self.clue_codes),
            "suggestion_id": self.suggestion_id,
            "facts": self.facts,
            "created_at": self.created_at.isoformat(),
            "created_by": self.created_by,
            "status": self.status.value,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> AccountabilityState:
        """Read `to_dict`'s form; ValueError on bad data."""
        try:
            return cls(
                record_id=data["record_id"],
                commission_unit=data["commission_unit"],
                unit_concerned=data["unit_concerned"],
                persons=tuple(Person(p["name"], p.get("post", "")) for p in data["persons"]),
                measure=Measure(data["measure"]),
                decided_on=date.fromisoformat(data["decided_on"]),
                document_number=data.get("document_number", ""),
                clue_codes=tuple(data.get("clue_codes", ())),
                suggestion_id=data.get("suggestion_id"),
                facts=data.get("facts", ""),
                created_at=to_china(datetime.fromisoformat(data["created_at"])),
                created_by=data.get("created_by", ""),
                status=AccountabilityStatus(data.get("status", "recorded")),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"bad accountability record: {exc!r}") from exc


@dataclass(frozen=True)
class Origins:
    """What the origin check reads: the clues by code, whether a clue ever reached level 3
    (the warning record), and the commission's suggestions by id."""

    lookup: ClueLookup
    reached_level3: Callable[[str], bool]
    suggestion: Callable[[str], SuggestionState | None]


NO_ORIGINS = Origins(lambda code: None, lambda code: False, lambda suggestion_id: None)


def accountability_refusal(
    action: AccountabilityAction, actor: Actor, state: AccountabilityState | None
) -> str | None:
    """Why `actor` may not take `action` now, or None when allowed."""
    if action is AccountabilityAction.RECORD and state is not None:
        return Message("问责记录已存在")
    if action is AccountabilityAction.AMEND and state is None:
        return Message("问责记录不存在，不能修改")
    if not is_commission_user(actor) or actor.unit.kind is not UnitKind.DISCIPLINE:
        return Message("只有纪委监委可以{action}", action=Label(action.label))
    if state is not None and actor.unit.code != state.commission_unit:
        return Message("只有作出问责的纪委监委可以修改问责记录")
    return None


def _persons(payload: Mapping[str, Any], key: str = "persons") -> tuple[Person, ...]:
    raw = payload.get(key)
    if not isinstance(raw, list) or not raw:
        raise ValidationError(key, Message("至少填写一名责任人（姓名、职务）"))
    if len(raw) > MAX_PERSONS:
        raise ValidationError(key, Message("最多填写 %n 名责任人", n=MAX_PERSONS))
    persons: list[Person] = []
    for index, item in enumerate(raw):
        if not isinstance(item, Mapping):
            raise ValidationError(f"{key}.{index}", Message("应为对象（name、post）"))
        name = item.get("name")
        post = item.get("post")
        persons.append(
            Person(
                require_text(name if isinstance(name, str) else None, f"{key}.{index}.name", 50),
                require_text(post if isinstance(post, str) else None, f"{key}.{index}.post", 100),
            )
        )
    return tuple(persons)


def _validated(
    payload: Mapping[str, Any],
    actor: Actor,
    now: datetime,
    units: UnitDirectory,
    origins: Origins,
) -> dict[str, Any]:
    unit = payload_unit(payload, "unit_concerned", units, actor.unit)
    persons = _persons(payload)
    measure = payload_choice(Measure, payload.get("measure"), "measure")
    decided_on = payload_day(payload, "decided_on")
    not_after_today(decided_on, now, "decided_on")
    document_number = payload_text(payload, "document_number", 60)
    facts = payload_text(payload, "facts", 4000, required=False)
    codes = payload_codes(payload)
    checked_clues(codes, "clue_codes", origins.lookup, actor.unit)
    raw_suggestion = payload.get("suggestion_id")
    suggestion: SuggestionState | None = None
    if raw_suggestion not in (None, ""):
        suggestion_id = record_uuid(payload, "suggestion_id", "建议编号")
        suggestion = origins.suggestion(suggestion_id)
        if suggestion is None or suggestion.issuing_unit != actor.unit.code:
            raise ValidationError("suggestion_id", Message("本纪委监委没有该建议"))
        if suggestion.addressed_unit != unit.code:
            raise ValidationError("suggestion_id", Message("该建议不是发给被问责单位的"))
    red = [code for code in codes if origins.reached_level3(code)]
    late = suggestion is not None and not_answered_in_time(suggestion, now)
    if not red and not late:
        key = "suggestion_id" if suggestion is not None and not codes else "clue_codes"
        raise ValidationError(
            key,
            Message("问责应针对达到三级预警的线索或未按期答复的建议，至少关联其中一项"),
        )
    return {
        "unit_concerned": unit.code,
        "persons": persons,
        "measure": measure,
        "decided_on": decided_on,
        "document_number": document_number,
        "facts": facts,
        "clue_codes": codes,
        "suggestion_id": suggestion.suggestion_id if suggestion is not None else None,
    }


def _details(values: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "unit_concerned": values["unit_concerned"],
        "measure": values["measure"].value,
        "decided_on": values["decided_on"].isoformat(),
        "document_number": values["document_number"],
        "clue_codes": list(values["clue_codes"]),
        "suggestion_id": values["suggestion_id"],
    }


def apply_accountability_action(
    action: AccountabilityAction,
    actor: Actor,
    state: AccountabilityState | None,
    payload: Mapping[str, Any],
    now: datetime,
    units: UnitDirectory,
    origins: Origins = NO_ORIGINS,
) -> RecordOutcome:
    """Validate and take `action`; raise AccountabilityRefused or ValidationError.

    RECORD: the payload holds `record_id`, `unit_concerned`, `persons` [{name, post}],
    `measure`, `decided_on`, `document_number`, maybe `facts`, and `clue_codes` and/or
    `suggestion_id`: at least one clue that reached level 3 or a suggestion not answered in
    time. AMEND: the same keys, all of them again (the record as it should stand).
    """
    now = to_china(now)
    reason = accountability_refusal(action, actor, state)
    if reason is not None:
        raise AccountabilityRefused(reason, action)
    if action is AccountabilityAction.RECORD:
        record_id = record_uuid(payload, "record_id", "问责记录编号")
        values = _validated(payload, actor, now, units, origins)
        created = AccountabilityState(
            record_id=record_id,
            commission_unit=actor.unit.code,
            created_at=now,
            created_by=actor.username,
            **values,
        )
        return RecordOutcome(action, created, None, values["facts"], _details(values))
    assert state is not None
    values = _validated(payload, actor, now, units, origins)
    after = state.evolve(**values)
    changed = sorted(k for k, v in after.to_dict().items() if state.to_dict()[k] != v)
    details = {**_details(values), "changed": changed}
    return RecordOutcome(action, after, state.status, values["facts"], details)
