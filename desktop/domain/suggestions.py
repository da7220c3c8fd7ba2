"""The commission's suggestions (纪律检查建议 / 监察建议 / 督办函) as rules: the state, who may
take which action in which status, the reply deadline and its warning.

发出 (issue, by the commission) → 已发出 → the addressed unit replies (整改落实情况 with
attachments) → 已答复 → the commission accepts it (已采纳) or sends it back (已退回: the unit
replies again; the commission may reset the reply deadline). Every action is validated by
`apply_suggestion_action`, on the device and again on the platform; refusals are
`SuggestionRefused`, bad payload values `ValidationError` naming the payload key.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, NamedTuple, Self

from desktop.domain.calendar import WorkCalendar
from desktop.domain.codes import Labelled, UnitKind
from desktop.domain.deadlines import Countdown, countdown, warning_level
from desktop.domain.messages import Label, Message
from desktop.domain.payload_values import not_ahead, payload_choice, payload_moment, payload_text
from desktop.domain.rules import Rules
from desktop.domain.supervision_common import (
    ClueLookup,
    FileRef,
    RecordOutcome,
    checked_clues,
    is_commission_user,
    payload_codes,
    payload_files,
    payload_unit,
    record_uuid,
)
from desktop.domain.timeutil import to_china
from desktop.domain.units import Actor, UnitDirectory
from desktop.domain.validators import ValidationError


class SuggestionKind(Labelled):
    """The kind of document the commission sends."""

    DISCIPLINE = "discipline"
    SUPERVISION = "supervision"
    URGING_LETTER = "urging_letter"

    @property
    def label(self) -> str:
        """The Chinese name of the document."""
        return _KIND_LABELS[self]


_KIND_LABELS = {
    SuggestionKind.DISCIPLINE: "纪律检查建议",
    SuggestionKind.SUPERVISION: "监察建议",
    SuggestionKind.URGING_LETTER: "督办函",
}


class SuggestionStatus(Labelled):
    """Where a suggestion stands."""

    SENT = "sent"
    REPLIED = "replied"
    ACCEPTED = "accepted"
    RETURNED = "returned"

    @property
    def label(self) -> str:
        """The Chinese name of the status."""
        return _STATUS_LABELS[self]


_STATUS_LABELS = {
    SuggestionStatus.SENT: "已发出",
    SuggestionStatus.REPLIED: "已答复",
    SuggestionStatus.ACCEPTED: "已采纳",
    SuggestionStatus.RETURNED: "已退回",
}

AWAITING_REPLY = frozenset({SuggestionStatus.SENT, SuggestionStatus.RETURNED})
"""Statuses in which the addressed unit owes a reply (the deadline counts down)."""


class SuggestionAction(Labelled):
    """An action on a suggestion; each is recorded in its history and synced as a command."""

    ISSUE = "issue"
    REPLY = "reply"
    ACCEPT = "accept"
    SEND_BACK = "send_back"
    RESET_DEADLINE = "reset_deadline"

    @property
    def label(self) -> str:
        """The Chinese name of the action."""
        return _ACTION_LABELS[self]

    @property
    def command_type(self) -> str:
        """The versioned command name used by sync, e.g. suggestion.reply.v1."""
        return f"suggestion.{self.value}.v1"

    @classmethod
    def from_command_type(cls, command_type: str) -> SuggestionAction:
        """The action of a command name; ValueError for an unknown name or version."""
        prefix, _, rest = command_type.partition(".")
        name, _, version = rest.rpartition(".")
        if prefix != "suggestion" or version != "v1":
            raise ValueError(command_type)
        return cls(name)


SUGGESTION_COMMAND_PREFIX = "suggestion."
"""Every suggestion command type starts with this."""

_ACTION_LABELS = {
    SuggestionAction.ISSUE: "发出",
    SuggestionAction.REPLY: "答复",
    SuggestionAction.ACCEPT: "采纳",
    SuggestionAction.SEND_BACK: "退回",
    SuggestionAction.RESET_DEADLINE: "重设答复期限",
}

FROM_STATUSES: Mapping[SuggestionAction, frozenset[SuggestionStatus | None]] = {
    SuggestionAction.ISSUE: frozenset({None}),
    SuggestionAction.REPLY: AWAITING_REPLY,
    SuggestionAction.ACCEPT: frozenset({SuggestionStatus.REPLIED}),
    SuggestionAction.SEND_BACK: frozenset({SuggestionStatus.REPLIED}),
    SuggestionAction.RESET_DEADLINE: AWAITING_REPLY,
}
"""The statuses each action may start from (None: the suggestion does not exist yet)."""

COMMISSION_ACTIONS = frozenset(
    {
        SuggestionAction.ISSUE,
        SuggestionAction.ACCEPT,
        SuggestionAction.SEND_BACK,
        SuggestionAction.RESET_DEADLINE,
    }
)
"""The actions only the issuing commission takes (the addressed unit only replies)."""

MAX_REPLY_DAYS = 60
"""The longest reply period in working days."""

FIELD_LABELS: Mapping[str, str] = {
    "suggestion_id": "建议编号（UUID）",
    "kind": "文书种类",
    "number": "文号",
    "addressed_unit": "主送单位",
    "clue_codes": "涉及线索",
    "title": "标题",
    "text": "建议内容",
    "basis": "依据",
    "reply_days": "答复期限（工作日）",
    "issued_at": "发出时间",
    "reply": "整改落实情况",
    "attachments": "附件",
    "replied_at": "答复时间",
    "note": "意见",
}
"""Payload key → the label a clerk reads."""


def field_label(key: str) -> str:
    """The Chinese label of a payload key (dotted keys: the label of their first part)."""
    return FIELD_LABELS.get(key) or FIELD_LABELS.get(key.split(".")[0], key)


class SuggestionRefused(Exception):
    """The rules refuse a suggestion action; `reason` is a sentence a clerk understands."""

    def __init__(self, reason: str, action: SuggestionAction | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.action = action


@dataclass(frozen=True)
class Reply:
    """One reply of the addressed unit: what it did (整改落实情况), the files, when, who, and
    the reply deadline in force then (so lateness stays known after the deadline changes)."""

    text: str
    attachments: tuple[FileRef, ...]
    replied_at: datetime
    replied_by: str
    deadline: datetime

    @property
    def late(self) -> bool:
        """Whether the reply came after its deadline."""
        return self.replied_at > self.deadline

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "text": self.text,
            "attachments": [f.to_dict() for f in self.attachments],
            "replied_at": self.replied_at.isoformat(),
            "replied_by": self.replied_by,
            "deadline": self.deadline.isoformat(),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Reply:
        """Read `to_dict`'s form."""
        return cls(
            text=data["text"],
            attachments=tuple(FileRef(f["sha256"], f["name"]) for f in data.get("attachments", [])),
            replied_at=to_china(datetime.fromisoformat(data["replied_at"])),
            replied_by=data.get("replied_by", ""),
            deadline=to_china(datetime.fromisoformat(data["deadline"])),
        )


def _time(value: Any) -> datetime | None:
    return to_china(datetime.fromisoformat(value)) if value else None


@dataclass(frozen=True)
class SuggestionState:
    """A suggestion as it stands: the document, its subject, deadline, replies and review."""

    suggestion_id: str
    kind: SuggestionKind
    status: SuggestionStatus
    number: str
    issuing_unit: str
    addressed_unit: str
    clue_codes: tuple[str, ...]
    title: str
    text: str
    basis: str
    reply_days: int
    issued_at: datetime
    issued_by: str
    reply_deadline: datetime
    replies: tuple[Reply, ...] = ()
    review_note: str = ""
    reviewed_at: datetime | None = None

    @property
    def created_at(self) -> datetime:
        """When the suggestion came into being (its issue)."""
        return self.issued_at

    @property
    def subject(self) -> str:
        """What it is about: "clue" (one clue), "clues" (several) or "unit" (the unit's work)."""
        if not self.clue_codes:
            return "unit"
        return "clue" if len(self.clue_codes) == 1 else "clues"

    @property
    def latest_reply(self) -> Reply | None:
        """The unit's last reply, if any."""
        return self.replies[-1] if self.replies else None

    @property
    def awaiting_reply(self) -> bool:
        """Whether the addressed unit owes a reply."""
        return self.status in AWAITING_REPLY

    def evolve(self, **changes: Any) -> Self:
        """A copy with `changes` (a clue code given by the store is ignored: none is bound)."""
        changes.pop("clue_code", None)
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (times as ISO 8601 in China time)."""
        return {
            "suggestion_id": self.suggestion_id,
            "kind": self.kind.value,
            "status": self.status.value,
            "number": self.number,
            "issuing_unit": self.issuing_unit,
            "addressed_unit": self.addressed_unit,
            "clue_codes": list(self.clue_codes),
            "title": self.title,
            "text": self.text,
            "basis": self.basis,
            "reply_days": self.reply_days,
            "issued_at": self.issued_at.isoformat(),
            "issued_by": self.issued_by,
            "reply_deadline": self.reply_deadline.isoformat(),
            "replies": [r.to_dict() for r in self.replies],
            "review_note": self.review_note,
            "reviewed_at": self.reviewed_at.isoformat() if self.reviewed_at else None,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SuggestionState:
        """Read `to_dict`'s form (unknown keys ignored); ValueError on bad data."""
        try:
            return cls(
                suggestion_id=data["suggestion_id"],
                kind=SuggestionKind(data["kind"]),
                status=SuggestionStatus(data["status"]),
                number=data["number"],
                issuing_unit=data["issuing_unit"],
                addressed_unit=data["addressed_unit"],
                clue_codes=tuple(data.get("clue_codes", ())),
                title=data["title"],
                text=data["text"],
                basis=data.get("basis", ""),
                reply_days=int(data["reply_days"]),
                issued_at=to_china(datetime.fromisoformat(data["issued_at"])),
                issued_by=data.get("issued_by", ""),
                reply_deadline=to_china(datetime.fromisoformat(data["reply_deadline"])),
                replies=tuple(Reply.from_dict(r) for r in data.get("replies", ())),
                review_note=data.get("review_note", ""),
                reviewed_at=_time(data.get("reviewed_at")),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"bad suggestion: {exc!r}") from exc


SuggestionOutcome = RecordOutcome
"""The result of an allowed suggestion action (its `state` is a SuggestionState)."""


# --------------------------------------------------------------------------- who may act


def suggestion_refusal(
    action: SuggestionAction, actor: Actor, state: SuggestionState | None
) -> str | None:
    """Why `actor` may not take `action` on the suggestion now, or None when allowed."""
    status = state.status if state is not None else None
    if status not in FROM_STATUSES[action]:
        if status is None:
            return Message("建议不存在，不能{action}", action=Label(action.label))
        if action is SuggestionAction.ISSUE:
            return Message("建议已存在")
        return Message(
            "建议当前为「{status}」，不能{action}",
            status=Label(status.label),
            action=Label(action.label),
        )
    if action in COMMISSION_ACTIONS:
        if not is_commission_user(actor):
            return Message("只有纪委监委可以{action}建议", action=Label(action.label))
        if action is SuggestionAction.ISSUE:
            if actor.unit.kind is not UnitKind.DISCIPLINE:
                return Message("只有纪委监委单位的用户可以发出建议")
            return None
        assert state is not None
        if actor.unit.code != state.issuing_unit:
            return Message("只有发出建议的纪委监委可以{action}", action=Label(action.label))
        return None
    assert state is not None
    if actor.unit.code != state.addressed_unit:
        return Message("只有建议的主送单位可以答复")
    if is_commission_user(actor):
        return Message("纪委监委用户不能代替主送单位答复")
    return None


def allowed_suggestion_actions(actor: Actor, state: SuggestionState) -> list[SuggestionAction]:
    """The actions `actor` may take on an existing suggestion now (the buttons to show)."""
    return [
        action
        for action in SuggestionAction
        if action is not SuggestionAction.ISSUE and suggestion_refusal(action, actor, state) is None
    ]


# --------------------------------------------------------------------------- effects


class _Context(NamedTuple):
    now: datetime
    calendar: WorkCalendar
    units: UnitDirectory
    actor: Actor
    lookup: ClueLookup


_YEAR_IN_NUMBER = re.compile(r"[〔\[(（](\d{4})[〕\])）]")


def _reply_days(payload: Mapping[str, Any], key: str = "reply_days") -> int:
    value = payload.get(key)
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValidationError(key, Message("应为工作日天数（整数）"))
    if not 1 <= value <= MAX_REPLY_DAYS:
        raise ValidationError(key, Message("应在 1 到 %n 个工作日之间", n=MAX_REPLY_DAYS))
    return value


def reply_deadline(start: datetime, days: int, calendar: WorkCalendar) -> datetime:
    """The reply deadline: close of office on the `days`-th working day after `start`."""
    return calendar.deadline_after(to_china(start), days)


def _issue(state: SuggestionState | None, payload: Mapping[str, Any], ctx: _Context) -> Any:
    actor = ctx.actor
    suggestion_id = record_uuid(payload, "suggestion_id", "建议编号")
    kind = payload_choice(SuggestionKind, payload.get("kind"), "kind")
    number = payload_text(payload, "number", 60)
    addressed = payload_unit(payload, "addressed_unit", ctx.units, actor.unit)
    codes = payload_codes(payload)
    checked_clues(codes, "clue_codes", ctx.lookup, actor.unit)
    title = payload_text(payload, "title", 100)
    text = payload_text(payload, "text", 4000)
    basis = payload_text(payload, "basis", 1000)
    days = _reply_days(payload)
    issued_at = payload_moment(payload, "issued_at", ctx.now)
    not_ahead(issued_at, ctx.now, "issued_at")
    year = _YEAR_IN_NUMBER.search(number)
    if year is not None and int(year.group(1)) != issued_at.year:
        raise ValidationError(
            "number",
            Message(
                "文号的年份 {year} 与发出日期（{issued}年）不符",
                year=year.group(1),
                issued=str(issued_at.year),
            ),
        )
    deadline = reply_deadline(issued_at, days, ctx.calendar)
    created = SuggestionState(
        suggestion_id=suggestion_id,
        kind=kind,
        status=SuggestionStatus.SENT,
        number=number,
        issuing_unit=actor.unit.code,
        addressed_unit=addressed.code,
        clue_codes=codes,
        title=title,
        text=text,
        basis=basis,
        reply_days=days,
        issued_at=issued_at,
        issued_by=actor.username,
        reply_deadline=deadline,
    )
    details = {
        "kind": kind.value,
        "number": number,
        "addressed_unit": addressed.code,
        "clue_codes": list(codes),
        "reply_deadline": deadline.isoformat(),
    }
    return RecordOutcome(SuggestionAction.ISSUE, created, None, title, details)


def _reply(state: SuggestionState | None, payload: Mapping[str, Any], ctx: _Context) -> Any:
    assert state is not None
    text = payload_text(payload, "reply", 4000)
    files = payload_files(payload)
    replied_at = payload_moment(payload, "replied_at", ctx.now)
    not_ahead(replied_at, ctx.now, "replied_at")
    if replied_at < state.issued_at:
        raise ValidationError("replied_at", Message("不能早于建议发出时间"))
    reply = Reply(text, files, replied_at, ctx.actor.username, state.reply_deadline)
    after = state.evolve(status=SuggestionStatus.REPLIED, replies=(*state.replies, reply))
    details = {
        "replied_at": replied_at.isoformat(),
        "attachments": [f.to_dict() for f in files],
        "late": reply.late,
    }
    return RecordOutcome(SuggestionAction.REPLY, after, state.status, text, details)


def _accept(state: SuggestionState | None, payload: Mapping[str, Any], ctx: _Context) -> Any:
    assert state is not None
    note = payload_text(payload, "note", 2000, required=False)
    after = state.evolve(status=SuggestionStatus.ACCEPTED, review_note=note, reviewed_at=ctx.now)
    return RecordOutcome(SuggestionAction.ACCEPT, after, state.status, note, {})


def _new_deadline(
    state: SuggestionState, payload: Mapping[str, Any], ctx: _Context, required: bool
) -> tuple[int, datetime] | None:
    if payload.get("reply_days") is None and not required:
        return None
    days = _reply_days(payload)
    return days, reply_deadline(ctx.now, days, ctx.calendar)


def _send_back(state: SuggestionState | None, payload: Mapping[str, Any], ctx: _Context) -> Any:
    assert state is not None
    note = payload_text(payload, "note", 2000)
    changes: dict[str, Any] = {"status": SuggestionStatus.RETURNED, "review_note": note}
    changes["reviewed_at"] = ctx.now
    details: dict[str, Any] = {}
    reset = _new_deadline(state, payload, ctx, required=False)
    if reset is not None:
        changes["reply_days"], changes["reply_deadline"] = reset
        details["reply_deadline"] = reset[1].isoformat()
    after = state.evolve(**changes)
    return RecordOutcome(SuggestionAction.SEND_BACK, after, state.status, note, details)


def _reset_deadline(
    state: SuggestionState | None, payload: Mapping[str, Any], ctx: _Context
) -> Any:
    assert state is not None
    reset = _new_deadline(state, payload, ctx, required=True)
    assert reset is not None
    note = payload_text(payload, "note", 2000, required=False)
    after = state.evolve(reply_days=reset[0], reply_deadline=reset[1])
    details = {"reply_deadline": reset[1].isoformat(), "before": state.reply_deadline.isoformat()}
    return RecordOutcome(SuggestionAction.RESET_DEADLINE, after, state.status, note, details)


_Effect = Callable[[SuggestionState | None, Mapping[str, Any], _Context], Any]

_EFFECTS: Mapping[SuggestionAction, _Effect] = {
    SuggestionAction.ISSUE: _issue,
    SuggestionAction.REPLY: _reply,
    SuggestionAction.ACCEPT: _accept,
    SuggestionAction.SEND_BACK: _send_back,
    SuggestionAction.RESET_DEADLINE: _reset_deadline,
}


def _no_clues(code: str) -> None:
    return None


def apply_suggestion_action(
    action: SuggestionAction,
    actor: Actor,
    state: SuggestionState | None,
    payload: Mapping[str, Any],
    now: datetime,
    calendar: WorkCalendar,
    units: UnitDirectory,
    *,
    lookup: ClueLookup = _no_clues,
) -> RecordOutcome:
    """Validate and take `action`; raise SuggestionRefused or ValidationError, changing nothing.

    ISSUE: `state` is None; the payload holds `suggestion_id`, `kind`, `number`,
    `addressed_unit`, `clue_codes` (none: the unit's work as a whole), `title`, `text`,
    `basis`, `reply_days` and maybe `issued_at`; `lookup` finds the clues it names.
    """
    now = to_china(now)
    reason = suggestion_refusal(action, actor, state)
    if reason is not None:
        raise SuggestionRefused(reason, action)
    return _EFFECTS[action](state, payload, _Context(now, calendar, units, actor, lookup))


# --------------------------------------------------------------------------- follow-up


def suggestion_warning_level(
    state: SuggestionState, now: datetime, calendar: WorkCalendar, rules: Rules
) -> int:
    """The warning level 0–3 of the reply deadline (while a reply is owed)."""
    if not state.awaiting_reply:
        return 0
    return warning_level(state.reply_deadline, now, calendar, rules.warnings)


def suggestion_countdown(
    state: SuggestionState, now: datetime, calendar: WorkCalendar
) -> Countdown | None:
    """Office time left until the reply deadline (None when no reply is owed)."""
    if not state.awaiting_reply:
        return None
    return countdown(state.reply_deadline, now, calendar)


def reply_overdue(state: SuggestionState, now: datetime) -> bool:
    """Whether a reply is owed and its deadline has passed."""
    return state.awaiting_reply and to_china(now) > state.reply_deadline


def not_answered_in_time(state: SuggestionState, now: datetime) -> bool:
    """Whether the unit failed to answer in time: a reply is overdue now, or one came late."""
    return reply_overdue(state, now) or any(reply.late for reply in state.replies)
