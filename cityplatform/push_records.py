"""Applying one pushed action on a clue's sub-record (a notice, a penalty case) inside its own
write transaction, the same way for every kind.

Checked in the protocol's order like a clue action — duplicate, unknown type, payload types,
clue not found / out of scope, supervisor, the shared rules — and a numbered action also
against the number blocks: its number must lie in a block reserved for the pushing device, its
unit and year, and must not be used yet. An applied action moves its clue's change seq, so the
record comes with its clue in the next pull of everyone who sees the clue.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pydantic import BaseModel
from sqlalchemy import Connection, Select, insert, select, update
from sqlalchemy.orm import Session

from cityplatform.changes import next_seq
from cityplatform.domainmap import clue_state
from cityplatform.models import Clue, NumberBlock
from cityplatform.payloads import Rejected, checked_payload
from cityplatform.push_apply import Target, _duplicate, _prior, _record, _target
from cityplatform.push_context import PushContext
from desktop.domain.case_actions import CaseRefused
from desktop.domain.clue import ClueState
from desktop.domain.messages import Label, Message
from desktop.domain.notices import NoticeRefused
from desktop.domain.validators import ValidationError
from desktop.wire.sync import ActionIn

Number = tuple[int, int]


@dataclass(frozen=True)
class Pushed:
    """What a kind's rules need of one pushed action, beside the actor and the platform's book."""

    action: Any
    before: Any
    payload: Mapping[str, Any]
    clue: ClueState
    connection: Connection
    clue_id: int
    code: str
    number: Number | None
    now: datetime


@dataclass(frozen=True)
class PushedKind:
    """A kind of clue sub-record as the platform applies pushed actions on it."""

    prefix: str
    """What the command types of its actions start with."""
    id_key: str
    """The payload key and column naming the record."""
    answer_key: str
    """The key of the record's document in an `applied` answer."""
    model: Any
    event_model: Any
    payload_model: type[BaseModel]
    action_of: Callable[[str], Any]
    """The kind's action of a command type (ValueError for none)."""
    creates: Any
    """The action that makes a new record."""
    from_dict: Callable[[Any], Any]
    rules: Callable[[PushContext, Pushed], Any]
    """The outcome of the shared rules (raising `refused` or ValidationError)."""
    refused: type[NoticeRefused] | type[CaseRefused]
    field_label: Callable[[str], str]
    no_number: Callable[[], Message]
    """The reason given for a numbered action pushed without its number."""
    exists: Callable[[str], Message]
    missing: Callable[[str, str], Message]
    numbered: Callable[[Any], bool]
    check_number: Callable[[Session, PushContext, Any, Any, Number], None]
    """(session, ctx, action, state after, number): the number is the device's and unused."""
    row_values: Callable[[Any], dict[str, Any]]
    """Columns of the record's row that hold a state (besides seq, ids and created_at)."""
    document: Callable[[Session, str, str], dict[str, Any] | None]

    def is_type(self, command_type: str) -> bool:
        """Whether a pushed action is an action of this kind."""
        return command_type.startswith(self.prefix)

    def check_payload(self, payload: Mapping[str, Any]) -> None:
        """Refuse payload values of the wrong JSON type (`invalid` naming the key)."""
        checked_payload(self.payload_model, payload)


def pushed_number(payload: Mapping[str, Any]) -> Number | None:
    """The (year, sequence) number a pushed action carries, if both are integers."""
    year, seq = payload.get("number_year"), payload.get("number_seq")
    if not isinstance(year, int) or not isinstance(seq, int):
        return None
    return year, seq


def check_number(
    session: Session,
    ctx: PushContext,
    unit: str,
    number: Number,
    text: str,
    used: Select[Any],
    series: str | None = None,
) -> None:
    """The number lies in a block of this device, unit and year (and series, when given), and
    `used` (the records already holding it) finds none."""
    year, seq = number
    statement = select(NumberBlock.id).where(
        NumberBlock.device_id == ctx.caller.device_id,
        NumberBlock.unit_code == unit,
        NumberBlock.year == year,
        NumberBlock.first <= seq,
        NumberBlock.last >= seq,
    )
    if series is not None:
        statement = statement.where(NumberBlock.series == series)
    if session.scalar(statement.limit(1)) is None:
        raise Rejected(
            "invalid",
            Message(
                "文书编号 {number} 不在本设备为本单位领取的 {year} 年编号段内",
                number=text,
                year=str(year),
            ),
            "number",
        )
    if session.scalar(used.limit(1)) is not None:
        raise Rejected("invalid", Message("文书编号 {number} 已被使用", number=text), "number")


def _outcome(kind: PushedKind, ctx: PushContext, pushed: Pushed) -> Any:
    try:
        return kind.rules(ctx, pushed)
    except kind.refused as exc:
        raise Rejected("refused", exc.reason) from None
    except ValidationError as exc:
        if exc.field == "number" and pushed.number is None:
            raise Rejected("invalid", kind.no_number(), "number") from None
        reason = Message(
            "{field}：{message}", field=Label(kind.field_label(exc.field)), message=exc.message
        )
        raise Rejected("invalid", reason, exc.field) from None


def _checked_clue(
    ctx: PushContext, session: Session, item: ActionIn, kind: PushedKind
) -> tuple[str, Target | None, Any, dict[str, Any] | None]:
    """The clue an action names, its kind's action, or the duplicate answer when applied."""
    connection = session.connection()
    code, target = _target(ctx, connection, item)
    if target is None or target.applied_before:
        prior = _prior(connection, item.action_id)
        if prior is not None:
            return code, target, None, _duplicate(ctx, session, prior, item.action_id)
    try:
        action = kind.action_of(item.type)
    except ValueError:
        raise Rejected(
            "unknown_type", Message("平台不支持的操作类型：{type}", type=item.type)
        ) from None
    kind.check_payload(item.payload)
    if target is None:
        raise Rejected("not_found", Message("线索 {code} 不存在", code=code))
    if not ctx.sqlite:  # see push_apply: a racing push of the same action committed first
        prior = _prior(connection, item.action_id)
        if prior is not None:
            return code, target, action, _duplicate(ctx, session, prior, item.action_id)
    row, viewer = target.row, ctx.viewer
    if not viewer.sees(row.county_code, row.lead_unit, row.registered_by_unit, target.assisting):
        raise Rejected("out_of_scope", Message("线索 {code} 不在您的办理范围内", code=code))
    if viewer.supervisor:
        raise Rejected("refused", Message("纪委监委监督人员只能督办"))
    return code, target, action, None


def apply_record_action(
    kind: PushedKind, ctx: PushContext, session: Session, item: ActionIn
) -> dict[str, Any]:
    """Validate and apply one action of `kind` inside `session`'s write transaction.

    Raises Rejected for a refusal (the caller rolls back and answers `rejected`).
    """
    code, target, action, answered = _checked_clue(ctx, session, item, kind)
    if answered is not None:
        return answered
    assert target is not None
    connection = session.connection()
    row = target.row
    model, id_column = kind.model, getattr(kind.model, kind.id_key)
    record_id = str(item.payload[kind.id_key])
    existing = connection.execute(
        select(model.id, model.clue_id, model.state)
        .where(id_column == record_id)
        .with_for_update(of=model)
    ).first()
    before: Any = None
    if action is kind.creates:
        if existing is not None:
            raise Rejected("invalid", kind.exists(record_id), kind.id_key)
    else:
        if existing is None or existing.clue_id != row.id:
            raise Rejected("not_found", kind.missing(code, record_id))
        before = kind.from_dict(existing.state).evolve(clue_code=code)
    number = pushed_number(item.payload) if kind.numbered(action) else None
    now = ctx.platform.now()
    clue = clue_state(row, target.assisting)
    pushed = Pushed(action, before, item.payload, clue, connection, row.id, code, number, now)
    outcome = _outcome(kind, ctx, pushed)
    after = outcome.state.evolve(clue_code=code)
    if number is not None:
        kind.check_number(session, ctx, action, after, number)
    seq = next_seq(session)
    ctx.platform.hold_after_seq(ctx.request)
    connection.execute(update(Clue).where(Clue.id == row.id).values(seq=seq))
    values = {"seq": seq, **kind.row_values(after)}
    if existing is None:
        connection.execute(
            insert(model).values(
                **{kind.id_key: getattr(after, kind.id_key)},
                clue_id=row.id,
                created_at=after.created_at,
                **values,
            )
        )
    else:
        connection.execute(update(model).where(model.id == existing.id).values(**values))
    connection.execute(
        insert(kind.event_model).values(
            **{kind.id_key: record_id},
            seq=seq,
            action_id=item.action_id,
            action=action.value,
            username=ctx.actor.username,
            unit_code=ctx.actor.unit.code,
            device_id=ctx.actor.device_id,
            at=now,
            from_status=outcome.from_status.value if outcome.from_status else None,
            to_status=after.status.value,
            note=outcome.note,
            details=dict(outcome.details),
        )
    )
    _record(connection, ctx, item, code, seq, now)
    return {
        "action_id": item.action_id,
        "status": "applied",
        "clue_code": code,
        "seq": seq,
        "state": None,
        kind.answer_key: kind.document(session, record_id, code),
    }
