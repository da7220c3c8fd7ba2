"""Pushed penalty-case actions (`case.*.v1`), applied by `push_records`: the rules
(`apply_case_action`, with the clue's notices for FILE), and FILE's and DECIDE's numbers
checked against the number blocks of their series ("case", "decision") reserved for the
pushing device, its unit and year."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, and_, or_, select
from sqlalchemy.orm import Session

from cityplatform.documents import case_document
from cityplatform.models import Case, CaseEvent, Notice
from cityplatform.push_context import PushContext
from cityplatform.push_records import Number, Pushed, PushedKind, check_number
from desktop.domain.case_actions import CASE_COMMAND_PREFIX
from desktop.domain.cases import (
    NUMBER_SERIES,
    CaseAction,
    CaseActionOutcome,
    CaseRefused,
    CaseState,
    apply_case_action,
    case_field_label,
)
from desktop.domain.messages import Message
from desktop.domain.notices import NoticeState
from desktop.wire.payloads import CasePayload


def _notices(connection: Connection, clue_id: int, code: str) -> list[NoticeState]:
    rows = connection.execute(
        select(Notice.state).where(Notice.clue_id == clue_id).order_by(Notice.id)
    )
    return [NoticeState.from_dict(data).evolve(clue_code=code) for (data,) in rows]


def _rules(ctx: PushContext, pushed: Pushed) -> CaseActionOutcome:
    book = ctx.book
    filing = pushed.action is CaseAction.FILE
    return apply_case_action(
        pushed.action,
        ctx.actor,
        pushed.before,
        pushed.payload,
        pushed.now,
        book.calendar,
        book.rules,
        ctx.units,
        clue=pushed.clue,
        notices=_notices(pushed.connection, pushed.clue_id, pushed.code) if filing else [],
        number=pushed.number,
    )


def _check_number(
    session: Session, ctx: PushContext, action: CaseAction, state: CaseState, number: Number
) -> None:
    """The 立案号 or decision's number lies in a block of its series and is unused."""
    series = NUMBER_SERIES[action]
    year, seq = number
    unit = state.unit_code
    decision = state.decision
    if series == "case":
        text = state.number
        same = and_(Case.unit_code == unit, Case.number_year == year, Case.number_seq == seq)
        used = select(Case.case_id).where(or_(same, Case.number == text))
    else:
        text = decision.number if decision is not None else state.number
        same = and_(Case.unit_code == unit, Case.decision_year == year, Case.decision_seq == seq)
        used = select(Case.case_id).where(or_(same, Case.decision_number == text))
    check_number(session, ctx, unit, number, text, used, series)


def _row_values(state: CaseState) -> dict[str, Any]:
    decision = state.decision
    return {
        "status": state.status.value,
        "unit_code": state.unit_code,
        "number": state.number,
        "number_year": state.number_year,
        "number_seq": state.number_seq,
        "decision_number": decision.number if decision is not None else None,
        "decision_year": decision.number_year if decision is not None else None,
        "decision_seq": decision.number_seq if decision is not None else None,
        "filed_on": state.filed_on,
        "closed_on": state.closed_on,
        "state": state.to_dict(),
    }


CASE_KIND = PushedKind(
    prefix=CASE_COMMAND_PREFIX,
    id_key="case_id",
    answer_key="case",
    model=Case,
    event_model=CaseEvent,
    payload_model=CasePayload,
    action_of=CaseAction.from_command_type,
    creates=CaseAction.FILE,
    from_dict=CaseState.from_dict,
    rules=_rules,
    refused=CaseRefused,
    field_label=case_field_label,
    no_number=lambda: Message("该操作缺少文书编号（number_year、number_seq）"),
    exists=lambda case: Message("案件 {case} 已存在", case=case),
    missing=lambda code, case: Message("线索 {code} 没有案件 {case}", code=code, case=case),
    numbered=lambda action: action in NUMBER_SERIES,
    check_number=_check_number,
    row_values=_row_values,
    document=case_document,
)
"""Penalty cases as the platform applies pushed actions on them."""
