"""Pushed notice actions (`notice.*.v1`), applied by `push_records`: the rules
(`apply_notice_action`), and an ISSUE's number checked against the device's blocks."""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from cityplatform.documents import notice_document
from cityplatform.models import Notice, NoticeEvent
from cityplatform.push_context import PushContext
from cityplatform.push_records import Number, Pushed, PushedKind, check_number
from desktop.domain.messages import Message
from desktop.domain.notice_actions import NOTICE_COMMAND_PREFIX
from desktop.domain.notices import (
    NoticeAction,
    NoticeOutcome,
    NoticeRefused,
    NoticeState,
    apply_notice_action,
    field_label,
)
from desktop.wire.payloads import NoticePayload


def _rules(ctx: PushContext, pushed: Pushed) -> NoticeOutcome:
    book = ctx.book
    return apply_notice_action(
        pushed.action,
        ctx.actor,
        pushed.before,
        pushed.payload,
        pushed.now,
        book.calendar,
        book.rules,
        ctx.units,
        clue=pushed.clue,
        number=pushed.number,
    )


def _check_number(
    session: Session, ctx: PushContext, action: Any, state: NoticeState, number: Number
) -> None:
    """The issued number lies in a block of this device, unit and year, and is unused."""
    text = str(state.number)
    same = and_(
        Notice.unit_code == state.unit_code,
        Notice.number_year == state.number_year,
        Notice.number_seq == state.number_seq,
    )
    used = select(Notice.notice_id).where(or_(same, Notice.number == text))
    year, seq = state.number_year, state.number_seq
    assert year is not None and seq is not None
    check_number(session, ctx, state.unit_code, (year, seq), text, used)


def _row_values(state: NoticeState) -> dict[str, Any]:
    return {
        "kind": state.kind.value,
        "status": state.status.value,
        "unit_code": state.unit_code,
        "number": state.number,
        "number_year": state.number_year,
        "number_seq": state.number_seq,
        "state": state.to_dict(),
    }


NOTICE_KIND = PushedKind(
    prefix=NOTICE_COMMAND_PREFIX,
    id_key="notice_id",
    answer_key="notice",
    model=Notice,
    event_model=NoticeEvent,
    payload_model=NoticePayload,
    action_of=NoticeAction.from_command_type,
    creates=NoticeAction.DRAFT,
    from_dict=NoticeState.from_dict,
    rules=_rules,
    refused=NoticeRefused,
    field_label=field_label,
    no_number=lambda: Message("签发操作缺少文书编号（number_year、number_seq）"),
    exists=lambda notice: Message("通知书 {notice} 已存在", notice=notice),
    missing=lambda code, notice: Message(
        "线索 {code} 没有通知书 {notice}", code=code, notice=notice
    ),
    numbered=lambda action: action is NoticeAction.ISSUE,
    check_number=_check_number,
    row_values=_row_values,
    document=notice_document,
)
"""Notices as the platform applies pushed actions on them."""
