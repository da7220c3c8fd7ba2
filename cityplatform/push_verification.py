"""Applying one pushed weekly-verification action (`verification.draw.v1`,
`verification.record.v1`) inside its own write transaction.

A draw names no clue: the platform keeps each drawn clue the office owns under a claim
(office, week, clue) — the batch that reaches it first keeps the clue; a later batch's
duplicate items stay in it marked dropped, and its answer says which. A record names its
clue: a failure (处置流程不规范 / 整改不到位) applies 核查不合格 to the clue through the workflow
in the same transaction, so the clue goes back to its unit with the rework deadline.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from cityplatform.changes import AttachmentRef, next_seq
from cityplatform.models import (
    Clue,
    VerificationBatch,
    VerificationClaim,
    VerificationItem,
    VerificationResultRow,
)
from cityplatform.payloads import Rejected, checked_payload
from cityplatform.push_apply import _check_uploaded, apply_action_to_clue
from cityplatform.push_context import PushContext
from cityplatform.verification import batch_document
from desktop.domain.messages import Message
from desktop.domain.validators import ValidationError
from desktop.domain.verification import (
    DRAW_TYPE,
    RECORD_TYPE,
    ItemStatus,
    Round,
    SamplePlan,
    VerificationResult,
    check_result,
    clue_action_of,
    item_status,
    may_verify,
    next_round,
    week_start,
)
from desktop.wire.sync import ActionIn
from desktop.wire.verification import (
    DROPPED_CLAIMED,
    DROPPED_NOT_CANDIDATE,
    DrawPayload,
    RecordPayload,
)


def _verifier(ctx: PushContext) -> None:
    refusal = may_verify(ctx.actor)
    if refusal is not None:
        raise Rejected("refused", refusal)


def _draw(ctx: PushContext, session: Session, item: ActionIn) -> dict[str, Any]:
    prior = session.scalar(
        select(VerificationBatch).where(VerificationBatch.action_id == item.action_id)
    )
    if prior is not None:
        return {
            "action_id": item.action_id,
            "status": "duplicate",
            "seq": prior.seq,
            "verification": batch_document(session, prior.batch_id),
        }
    payload = checked_payload(DrawPayload, item.payload)
    _verifier(ctx)
    try:
        week_start(payload.week)
    except ValueError:
        raise Rejected(
            "invalid", Message("核查周格式不对：{week}", week=payload.week), "week"
        ) from None
    try:
        plan = SamplePlan.from_dict(payload.plan)
    except ValueError:
        raise Rejected("invalid", Message("抽样方案格式不对"), "plan") from None
    if not payload.items:
        raise Rejected("invalid", Message("没有抽取任何线索"), "items")
    exists = session.scalar(
        select(VerificationBatch.id).where(VerificationBatch.batch_id == payload.batch_id)
    )
    if exists is not None:
        raise Rejected("invalid", Message("核查批次已存在"), "batch_id")
    office = ctx.actor.unit.code
    drawn = list({i.clue_code: i for i in payload.items}.values())
    codes = [i.clue_code for i in drawn]
    clues = {
        row.code: row
        for row in session.execute(
            select(Clue.code, Clue.owner_unit, Clue.county_code, Clue.closed_at).where(
                Clue.code.in_(codes)
            )
        )
    }
    claimed = set(
        session.scalars(
            select(VerificationClaim.clue_code).where(
                VerificationClaim.office == office,
                VerificationClaim.week == payload.week,
                VerificationClaim.clue_code.in_(codes),
            )
        )
    )
    now = ctx.platform.now()
    seq = next_seq(session)
    ctx.platform.hold_after_seq(ctx.request)
    session.execute(
        insert(VerificationBatch).values(
            batch_id=payload.batch_id,
            seq=seq,
            office=office,
            week=payload.week,
            plan=plan.to_dict(),
            seed=payload.seed,
            drawn_by=ctx.actor.username,
            drawn_by_name=ctx.caller.display_name,
            drawn_at=now,
            action_id=item.action_id,
        )
    )
    for position, drawn_item in enumerate(drawn):
        clue = clues.get(drawn_item.clue_code)
        dropped = ""
        if clue is None or (clue.owner_unit or clue.county_code) != office:
            dropped = DROPPED_NOT_CANDIDATE
        elif drawn_item.clue_code in claimed:
            dropped = DROPPED_CLAIMED
        session.execute(
            insert(VerificationItem).values(
                batch_id=payload.batch_id,
                position=position,
                clue_code=drawn_item.clue_code,
                unit_code=drawn_item.unit_code,
                channel=drawn_item.channel,
                closed_at=clue.closed_at if clue is not None else None,
                dropped=dropped,
            )
        )
        if not dropped:
            session.execute(
                insert(VerificationClaim).values(
                    office=office,
                    week=payload.week,
                    clue_code=drawn_item.clue_code,
                    batch_id=payload.batch_id,
                )
            )
    return {
        "action_id": item.action_id,
        "status": "applied",
        "seq": seq,
        "verification": batch_document(session, payload.batch_id),
    }


def _refusal_of(status: ItemStatus, code: str) -> Message:
    if status is ItemStatus.REWORK:
        return Message("线索 {code} 正在整改，重新办结后才能复核", code=code)
    return Message("线索 {code} 已核查合格，无需再次核查", code=code)


def _record(ctx: PushContext, session: Session, item: ActionIn) -> dict[str, Any]:
    prior = session.scalar(
        select(VerificationResultRow).where(VerificationResultRow.action_id == item.action_id)
    )
    if prior is not None:
        batch = session.scalar(
            select(VerificationBatch).where(VerificationBatch.batch_id == prior.batch_id)
        )
        assert batch is not None
        return {
            "action_id": item.action_id,
            "status": "duplicate",
            "clue_code": prior.clue_code,
            "seq": batch.seq,
            "verification": batch_document(session, prior.batch_id),
            "clue": ctx.document(session, prior.clue_code),
        }
    payload = checked_payload(RecordPayload, item.payload)
    _verifier(ctx)
    assert item.clue_code is not None  # checked by push
    code = ctx.resolve(session, item.clue_code)
    batch = session.scalar(
        select(VerificationBatch)
        .where(VerificationBatch.batch_id == payload.batch_id)
        .with_for_update()
    )
    if batch is None or batch.office != ctx.actor.unit.code:
        raise Rejected("not_found", Message("核查批次不存在"))
    drawn = session.scalar(
        select(VerificationItem).where(
            VerificationItem.batch_id == batch.batch_id, VerificationItem.clue_code == code
        )
    )
    if drawn is None:
        raise Rejected("not_found", Message("线索 {code} 不在该核查批次中", code=code))
    if drawn.dropped == DROPPED_CLAIMED:
        raise Rejected(
            "refused",
            Message(
                "线索 {code} 已由本单位他人在第 {week} 周抽取核查，本条核查结果未被采纳",
                code=code,
                week=batch.week,
            ),
        )
    if drawn.dropped:
        raise Rejected(
            "refused", Message("线索 {code} 不属于本单位核查范围，已从批次中移除", code=code)
        )
    try:
        result, note = check_result(item.payload)
    except ValidationError as exc:
        raise Rejected("invalid", exc.text, exc.field) from None
    rounds = [
        Round(r.round, VerificationResult(r.verdict), r.verified_at)
        for r in session.scalars(
            select(VerificationResultRow).where(
                VerificationResultRow.batch_id == batch.batch_id,
                VerificationResultRow.clue_code == code,
            )
        )
    ]
    clue = session.execute(select(Clue.status, Clue.closed_at).where(Clue.code == code)).first()
    if clue is None:
        raise Rejected("not_found", Message("线索 {code} 不存在", code=code))
    status = item_status(rounds, clue.status, clue.closed_at)
    if not status.open:
        raise Rejected("refused", _refusal_of(status, code))
    files = [AttachmentRef(f.sha256, f.name) for f in payload.attachments or ()]
    _check_uploaded(ctx, session, files)
    taken = clue_action_of(RECORD_TYPE, item.payload)
    if taken is not None:
        action, clue_payload = taken
        sub = ActionIn.model_validate(
            {
                "action_id": item.action_id,
                "device_seq": item.device_seq,
                "type": action.command_type,
                "clue_code": code,
                "payload": clue_payload,
            }
        )
        answer = apply_action_to_clue(ctx, session, sub)
        seq = int(answer["seq"])
    else:
        seq = next_seq(session)
        ctx.platform.hold_after_seq(ctx.request)
        answer = {"action_id": item.action_id, "status": "applied", "clue_code": code, "seq": seq}
    session.execute(
        insert(VerificationResultRow).values(
            batch_id=batch.batch_id,
            clue_code=code,
            round=next_round(rounds),
            verdict=result.value,
            note=note,
            attachments=[{"sha256": f.sha256, "name": f.name} for f in files],
            verified_by=ctx.actor.username,
            verified_by_name=ctx.caller.display_name,
            verified_at=ctx.platform.now(),
            action_id=item.action_id,
        )
    )
    session.execute(
        update(VerificationBatch).where(VerificationBatch.id == batch.id).values(seq=seq)
    )
    answer["verification"] = batch_document(session, batch.batch_id)
    return answer


def apply_verification_action(ctx: PushContext, session: Session, item: ActionIn) -> dict[str, Any]:
    """Validate and apply one verification action inside `session`'s write transaction;
    raises Rejected for a refusal (the caller rolls back and answers it)."""
    if item.type == DRAW_TYPE:
        return _draw(ctx, session, item)
    if item.type == RECORD_TYPE:
        if item.clue_code is None:
            raise Rejected("invalid", Message("缺少线索编号"), "clue_code")
        return _record(ctx, session, item)
    raise Rejected("unknown_type", Message("平台不支持的操作类型：{type}", type=item.type))
