"""Applying one pushed penalty-case action (`case.*.v1`) inside its own write transaction.

Checked like a notice action — duplicate, unknown type, payload types, clue not found / out of
scope, supervisor, the shared rules (`apply_case_action`, with the clue's notices for FILE) —
and FILE and DECIDE also against the number blocks: the 立案号 or the decision's number must
lie in a block of its series ("case", "decision") reserved for the pushing device, its unit
and year, and must not be used yet. An applied action moves its clue's change seq, so the case
comes with its clue in the next pull of everyone who sees the clue.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, and_, insert, or_, select, update
from sqlalchemy.orm import Session

from cityplatform.changes import next_seq
from cityplatform.documents import case_document
from cityplatform.domainmap import clue_state
from cityplatform.models import Case, CaseEvent, Clue, Notice, NumberBlock
from cityplatform.payloads import Rejected, checked_payload
from cityplatform.push_apply import _duplicate, _prior, _record, _target
from cityplatform.push_context import PushContext
from desktop.domain.cases import (
    NUMBER_SERIES,
    CaseAction,
    CaseActionOutcome,
    CaseRefused,
    CaseState,
    apply_case_action,
    case_field_label,
)
from desktop.domain.clue import ClueState
from desktop.domain.messages import Label, Message
from desktop.domain.notices import NoticeState
from desktop.domain.validators import ValidationError
from desktop.wire.payloads import CasePayload
from desktop.wire.sync import ActionIn


def is_case_type(command_type: str) -> bool:
    """Whether a pushed action is a penalty-case action (case.*)."""
    return command_type.startswith("case.")


def check_case_payload(payload: Mapping[str, Any]) -> None:
    """Refuse payload values of the wrong JSON type (`invalid` naming the key)."""
    checked_payload(CasePayload, payload)


def _number(action: CaseAction, payload: Mapping[str, Any]) -> tuple[int, int] | None:
    if action not in NUMBER_SERIES:
        return None
    year, seq = payload.get("number_year"), payload.get("number_seq")
    if not isinstance(year, int) or not isinstance(seq, int):
        return None
    return year, seq


def _outcome(
    ctx: PushContext,
    action: CaseAction,
    before: CaseState | None,
    item: ActionIn,
    clue: ClueState,
    notices: list[NoticeState],
    number: tuple[int, int] | None,
    now: datetime,
) -> CaseActionOutcome:
    book = ctx.book
    try:
        return apply_case_action(
            action,
            ctx.actor,
            before,
            item.payload,
            now,
            book.calendar,
            book.rules,
            ctx.units,
            clue=clue,
            notices=notices,
            number=number,
        )
    except CaseRefused as exc:
        raise Rejected("refused", exc.reason) from None
    except ValidationError as exc:
        if exc.field == "number" and number is None:
            reason = Message("该操作缺少文书编号（number_year、number_seq）")
            raise Rejected("invalid", reason, "number") from None
        reason = Message(
            "{field}：{message}", field=Label(case_field_label(exc.field)), message=exc.message
        )
        raise Rejected("invalid", reason, exc.field) from None


def _check_number(
    session: Session, ctx: PushContext, series: str, unit: str, number: tuple[int, int], text: str
) -> None:
    """The number lies in a block of this device, unit, year and series, and is unused."""
    year, seq = number
    block = session.scalar(
        select(NumberBlock.id)
        .where(
            NumberBlock.device_id == ctx.caller.device_id,
            NumberBlock.unit_code == unit,
            NumberBlock.year == year,
            NumberBlock.series == series,
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
                number=text,
                year=str(year),
            ),
            "number",
        )
    if series == "case":
        same = and_(Case.unit_code == unit, Case.number_year == year, Case.number_seq == seq)
        used = select(Case.case_id).where(or_(same, Case.number == text))
    else:
        same = and_(Case.unit_code == unit, Case.decision_year == year, Case.decision_seq == seq)
        used = select(Case.case_id).where(or_(same, Case.decision_number == text))
    if session.scalar(used.limit(1)) is not None:
        raise Rejected("invalid", Message("文书编号 {number} 已被使用", number=text), "number")


def _write(connection: Connection, existing: Any, clue_id: int, state: CaseState, seq: int) -> None:
    decision = state.decision
    values = {
        "seq": seq,
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
    if existing is None:
        connection.execute(
            insert(Case).values(
                case_id=state.case_id, clue_id=clue_id, created_at=state.created_at, **values
            )
        )
    else:
        connection.execute(update(Case).where(Case.id == existing.id).values(**values))


def _notices(connection: Connection, clue_id: int, code: str) -> list[NoticeState]:
    rows = connection.execute(
        select(Notice.state).where(Notice.clue_id == clue_id).order_by(Notice.id)
    )
    return [NoticeState.from_dict(data).evolve(clue_code=code) for (data,) in rows]


def apply_case_to_clue(ctx: PushContext, session: Session, item: ActionIn) -> dict[str, Any]:
    """Validate and apply one case action inside `session`'s write transaction.

    Raises Rejected for a refusal (the caller rolls back and answers `rejected`).
    """
    connection = session.connection()
    code, target = _target(ctx, connection, item)
    if target is None or target.applied_before:
        prior = _prior(connection, item.action_id)
        if prior is not None:
            return _duplicate(ctx, session, prior, item.action_id)
    try:
        action = CaseAction.from_command_type(item.type)
    except ValueError:
        raise Rejected(
            "unknown_type", Message("平台不支持的操作类型：{type}", type=item.type)
        ) from None
    check_case_payload(item.payload)
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
    case_id = str(item.payload["case_id"])
    existing = connection.execute(
        select(Case.id, Case.clue_id, Case.state)
        .where(Case.case_id == case_id)
        .with_for_update(of=Case)
    ).first()
    before: CaseState | None = None
    if action is CaseAction.FILE:
        if existing is not None:
            raise Rejected("invalid", Message("案件 {case} 已存在", case=case_id), "case_id")
    else:
        if existing is None or existing.clue_id != row.id:
            raise Rejected(
                "not_found",
                Message("线索 {code} 没有案件 {case}", code=code, case=case_id),
            )
        before = CaseState.from_dict(existing.state).evolve(clue_code=code)
    number = _number(action, item.payload)
    clue = clue_state(row, assisting)
    notices = _notices(connection, row.id, code) if action is CaseAction.FILE else []
    now = ctx.platform.now()
    outcome = _outcome(ctx, action, before, item, clue, notices, number, now)
    after = outcome.state.evolve(clue_code=code)
    series = NUMBER_SERIES.get(action)
    if series is not None and number is not None:
        decision = after.decision
        text = decision.number if decision is not None else after.number
        _check_number(session, ctx, series, after.unit_code, number, text)
    seq = next_seq(session)
    ctx.platform.hold_after_seq(ctx.request)
    connection.execute(update(Clue).where(Clue.id == row.id).values(seq=seq))
    _write(connection, existing, row.id, after, seq)
    connection.execute(
        insert(CaseEvent).values(
            case_id=case_id,
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
        "case": case_document(session, case_id, code),
    }
