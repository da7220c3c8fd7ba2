"""Applying one pushed notice action (`notice.*.v1`) inside its own write transaction.

Checked in the protocol's order like a clue action — duplicate, unknown type, payload types,
clue not found / out of scope, supervisor, the shared rules (`apply_notice_action`) — and an
ISSUE also against the number blocks: its number must lie in a block reserved for the pushing
device, its unit and year, and must not be used yet. An applied action moves its clue's
change seq, so the notice comes with its clue in the next pull.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, and_, insert, or_, select, update
from sqlalchemy.orm import Session

from cityplatform.changes import next_seq
from cityplatform.documents import notice_document
from cityplatform.domainmap import clue_state
from cityplatform.models import Clue, Notice, NoticeEvent, NumberBlock
from cityplatform.payloads import Rejected, checked_payload
from cityplatform.push_apply import _duplicate, _prior, _record, _target
from cityplatform.push_context import PushContext
from desktop.domain.messages import Label, Message
from desktop.domain.notices import (
    NoticeAction,
    NoticeOutcome,
    NoticeRefused,
    NoticeState,
    apply_notice_action,
    field_label,
)
from desktop.domain.validators import ValidationError
from desktop.wire.payloads import NoticePayload
from desktop.wire.sync import ActionIn


def is_notice_type(command_type: str) -> bool:
    """Whether a pushed action is a notice action (notice.*)."""
    return command_type.startswith("notice.")


def check_notice_payload(payload: Mapping[str, Any]) -> None:
    """Refuse payload values of the wrong JSON type (`invalid` naming the key)."""
    checked_payload(NoticePayload, payload)


def _number(action: NoticeAction, payload: Mapping[str, Any]) -> tuple[int, int] | None:
    if action is not NoticeAction.ISSUE:
        return None
    year, seq = payload.get("number_year"), payload.get("number_seq")
    if not isinstance(year, int) or not isinstance(seq, int):
        return None
    return year, seq


def _outcome(
    ctx: PushContext,
    action: NoticeAction,
    before: NoticeState | None,
    item: ActionIn,
    clue: Any,
    number: tuple[int, int] | None,
    now: datetime,
) -> NoticeOutcome:
    book = ctx.book
    try:
        return apply_notice_action(
            action,
            ctx.actor,
            before,
            item.payload,
            now,
            book.calendar,
            book.rules,
            ctx.units,
            clue=clue,
            number=number,
        )
    except NoticeRefused as exc:
        raise Rejected("refused", exc.reason) from None
    except ValidationError as exc:
        if exc.field == "number" and number is None:
            reason = Message("签发操作缺少文书编号（number_year、number_seq）")
            raise Rejected("invalid", reason, "number") from None
        reason = Message(
            "{field}：{message}", field=Label(field_label(exc.field)), message=exc.message
        )
        raise Rejected("invalid", reason, exc.field) from None


def _check_number(session: Session, ctx: PushContext, state: NoticeState) -> None:
    """The issued number lies in a block of this device, unit and year, and is unused."""
    year, seq, text = state.number_year, state.number_seq, state.number
    block = session.scalar(
        select(NumberBlock.id)
        .where(
            NumberBlock.device_id == ctx.caller.device_id,
            NumberBlock.unit_code == state.unit_code,
            NumberBlock.year == year,
            NumberBlock.first <= seq,
            NumberBlock.last >= seq,
        )
        .limit(1)
    )
    if block is None:
        raise Rejected(
            "invalid",
            Message(
                "文书编号 {number} 不在本设备为本单位领取的 {year} 年编号段内",
                number=str(text),
                year=str(year),
            ),
            "number",
        )
    same = and_(
        Notice.unit_code == state.unit_code,
        Notice.number_year == year,
        Notice.number_seq == seq,
    )
    used = session.scalar(select(Notice.notice_id).where(or_(same, Notice.number == text)))
    if used is not None:
        raise Rejected("invalid", Message("文书编号 {number} 已被使用", number=str(text)), "number")


def _write(
    connection: Connection,
    existing: Any,
    clue_id: int,
    state: NoticeState,
    seq: int,
) -> None:
    values = {
        "seq": seq,
        "kind": state.kind.value,
        "status": state.status.value,
        "unit_code": state.unit_code,
        "number": state.number,
        "number_year": state.number_year,
        "number_seq": state.number_seq,
        "state": state.to_dict(),
    }
    if existing is None:
        connection.execute(
            insert(Notice).values(
                notice_id=state.notice_id, clue_id=clue_id, created_at=state.created_at, **values
            )
        )
    else:
        connection.execute(update(Notice).where(Notice.id == existing.id).values(**values))


def apply_notice_to_clue(ctx: PushContext, session: Session, item: ActionIn) -> dict[str, Any]:
    """Validate and apply one notice action inside `session`'s write transaction.

    Raises Rejected for a refusal (the caller rolls back and answers `rejected`).
    """
    connection = session.connection()
    code, target = _target(ctx, connection, item)
    if target is None or target.applied_before:
        prior = _prior(connection, item.action_id)
        if prior is not None:
            return _duplicate(ctx, session, prior, item.action_id)
    try:
        action = NoticeAction.from_command_type(item.type)
    except ValueError:
        raise Rejected(
            "unknown_type", Message("平台不支持的操作类型：{type}", type=item.type)
        ) from None
    check_notice_payload(item.payload)
    if target is None:
        raise Rejected("not_found", Message("线索 {code} 不存在", code=code))
    row, assisting = target.row, target.assisting
    if not ctx.sqlite:  # see push_apply: a racing push of the same action committed first
        prior = _prior(connection, item.action_id)
        if prior is not None:
            return _duplicate(ctx, session, prior, item.action_id)
    viewer = ctx.viewer
    if not viewer.sees(row.county_code, row.lead_unit, row.registered_by_unit, assisting):
        raise Rejected("out_of_scope", Message("线索 {code} 不在您的办理范围内", code=code))
    if viewer.supervisor:
        raise Rejected("refused", Message("纪委监委监督人员只能督办"))
    notice_id = str(item.payload["notice_id"])
    existing = connection.execute(
        select(Notice.id, Notice.clue_id, Notice.state)
        .where(Notice.notice_id == notice_id)
        .with_for_update(of=Notice)
    ).first()
    before: NoticeState | None = None
    if action is NoticeAction.DRAFT:
        if existing is not None:
            raise Rejected(
                "invalid", Message("通知书 {notice} 已存在", notice=str(notice_id)), "notice_id"
            )
    else:
        if existing is None or existing.clue_id != row.id:
            raise Rejected(
                "not_found",
                Message("线索 {code} 没有通知书 {notice}", code=code, notice=str(notice_id)),
            )
        before = NoticeState.from_dict(existing.state).evolve(clue_code=code)
    number = _number(action, item.payload)
    clue = clue_state(row, assisting)
    now = ctx.platform.now()
    outcome = _outcome(ctx, action, before, item, clue, number, now)
    after = outcome.state.evolve(clue_code=code)
    if action is NoticeAction.ISSUE:
        _check_number(session, ctx, after)
    seq = next_seq(session)
    ctx.platform.hold_after_seq(ctx.request)
    connection.execute(update(Clue).where(Clue.id == row.id).values(seq=seq))
    _write(connection, existing, row.id, after, seq)
    connection.execute(
        insert(NoticeEvent).values(
            notice_id=notice_id,
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
        "notice": notice_document(session, notice_id, code),
    }
