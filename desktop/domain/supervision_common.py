"""What the commission's own records (suggestions, accountability records) share: who counts
as a commission user, which commission sees which unit, attachments and a history outcome."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from desktop.domain.calendar import WorkCalendar
from desktop.domain.clue import ClueState
from desktop.domain.codes import Role, UnitKind
from desktop.domain.messages import Message
from desktop.domain.rules import Rules
from desktop.domain.units import Actor, UnitDirectory, UnitInfo
from desktop.domain.validators import ValidationError, require_text
from desktop.domain.warning_record import current_stage, level_moments

MAX_CLUES = 50
"""The most clues one suggestion or accountability record names."""

ClueLookup = Callable[[str], ClueState | None]
"""The state of a clue by its code, or None when it is unknown (or out of the actor's sight)."""


def is_commission_user(actor: Actor) -> bool:
    """Whether `actor` acts for a discipline commission (纪委监委): its unit or its role."""
    return actor.role is Role.SUPERVISOR or actor.unit.kind is UnitKind.DISCIPLINE


def commission_covers(commission: UnitInfo, unit: UnitInfo) -> bool:
    """Whether a commission supervises `unit`: a county's its county, the city's all."""
    return commission.county_code is None or commission.county_code == unit.county_code


def record_uuid(payload: Mapping[str, Any], key: str, what: str) -> str:
    """The record id (a UUID) under `key`, normalised."""
    raw = payload.get(key)
    try:
        return str(uuid.UUID(str(raw)))
    except ValueError:
        raise ValidationError(
            key, Message("「{raw}」不是有效的{what}（UUID）", raw=str(raw), what=what)
        ) from None


def payload_unit(
    payload: Mapping[str, Any], key: str, units: UnitDirectory, commission: UnitInfo
) -> UnitInfo:
    """The supervised unit named under `key`: known, not a commission, in the commission's
    area."""
    code = payload.get(key)
    unit = units.get(code) if isinstance(code, str) else None
    if unit is None:
        raise ValidationError(key, Message("单位「{code}」不存在", code=str(code)))
    if unit.kind is UnitKind.DISCIPLINE:
        raise ValidationError(key, Message("不能对纪委监委自身提出"))
    if not commission_covers(commission, unit):
        raise ValidationError(
            key,
            Message(
                "{unit}不在{commission}的监督范围内", unit=unit.name, commission=commission.name
            ),
        )
    return unit


def payload_codes(payload: Mapping[str, Any], key: str = "clue_codes") -> tuple[str, ...]:
    """The clue codes under `key` (a list of texts; absent: none), without repeats."""
    raw = payload.get(key)
    if raw is None:
        return ()
    if not isinstance(raw, list) or not all(isinstance(item, str) for item in raw):
        raise ValidationError(key, Message("应为线索编号的列表"))
    codes = tuple(dict.fromkeys(item.strip() for item in raw if item.strip()))
    if len(codes) > MAX_CLUES:
        raise ValidationError(key, Message("最多关联 %n 条线索", n=MAX_CLUES))
    return codes


def checked_clues(
    codes: Sequence[str], key: str, lookup: ClueLookup, commission: UnitInfo
) -> tuple[ClueState, ...]:
    """The clues named by `codes`: each known and in the commission's area."""
    found: list[ClueState] = []
    for code in codes:
        clue = lookup(code)
        if clue is None or not commission.covers(clue.county_code):
            raise ValidationError(key, Message("线索 {code} 不存在或不在监督范围内", code=code))
        found.append(clue)
    return tuple(found)


@dataclass(frozen=True)
class FileRef:
    """An attachment cited by a record: its content hash and the name it is shown under."""

    sha256: str
    name: str

    def to_dict(self) -> dict[str, str]:
        """JSON-ready form."""
        return {"sha256": self.sha256, "name": self.name}


def payload_files(payload: Mapping[str, Any], key: str = "attachments") -> tuple[FileRef, ...]:
    """The attachments under `key`: a list of {sha256, name} (absent: none)."""
    raw = payload.get(key)
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise ValidationError(key, Message("应为附件列表"))
    files: list[FileRef] = []
    for index, item in enumerate(raw):
        sha = item.get("sha256") if isinstance(item, Mapping) else None
        name = item.get("name") if isinstance(item, Mapping) else None
        if (
            not isinstance(sha, str)
            or len(sha) != 64
            or any(c not in "0123456789abcdef" for c in sha)
        ):
            raise ValidationError(f"{key}.{index}", Message("附件应有 sha256（64 位十六进制）"))
        if not isinstance(name, str):
            raise ValidationError(f"{key}.{index}", Message("附件应有文件名"))
        files.append(FileRef(sha, require_text(name, f"{key}.{index}", 200)))
    return tuple(dict.fromkeys(files))


@dataclass(frozen=True)
class RecordOutcome:
    """The result of an allowed action on a commission record: the state after it and what
    its history entry records."""

    action: Any
    state: Any
    from_status: Any
    note: str = ""
    details: Mapping[str, Any] = field(default_factory=dict)


def red_now(clue: ClueState, now: datetime, calendar: WorkCalendar, rules: Rules) -> bool:
    """Whether the stage running for `clue` is at warning level 3 at `now` (the same
    computation as the warning record's; a clue whose record holds a level-3 episode counts
    too where the record is known)."""
    running = current_stage(clue)
    if running is None:
        return False
    stage, deadline = running
    return level_moments(deadline, calendar, rules.warnings_for(stage)).level(now) == 3
