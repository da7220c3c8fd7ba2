"""POST /api/v1/push: each action validated by the shared rules and applied in its own
transaction, answered applied | duplicate | rejected | retry."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from fastapi import APIRouter, Request
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session

from cityplatform.auth import Caller, CallerDep
from cityplatform.changes import (
    AttachmentRef,
    apply_outcome,
    insert_registered,
    next_code,
    next_seq,
)
from cityplatform.context import Platform, platform_of
from cityplatform.documents import clue_document
from cityplatform.domainmap import assisting_codes, clue_state, load_directory
from cityplatform.errors import ApiError, invalid, too_large
from cityplatform.jsonresp import FastJSONResponse
from cityplatform.models import AppliedAction, Attachment, Clue, ProvisionalCode
from cityplatform.payloads import Rejected, check_payload, field_key
from desktop.domain.units import Actor, UnitInfo
from desktop.domain.validators import ValidationError
from desktop.domain.workflow import Action, ActionRefused, apply_action

log = logging.getLogger("cityplatform.push")

router = APIRouter(prefix="/api/v1", tags=["sync"])


class ActionIn(BaseModel):
    """One action of a push, in the device's order."""

    model_config = ConfigDict(strict=True, extra="ignore")

    action_id: str = Field(min_length=1, max_length=64)
    device_seq: int
    type: str = Field(min_length=1, max_length=64)
    clue_code: str = Field(min_length=1, max_length=64)
    payload: dict[str, Any] = Field(default_factory=dict)
    client_time: str | None = Field(default=None, max_length=64)


class PushBody(BaseModel):
    """POST /push."""

    model_config = ConfigDict(strict=True, extra="forbid")

    device_id: str = Field(min_length=1, max_length=64)
    actions: list[ActionIn]


class PushResults(BaseModel):
    """One result per action, in order."""

    results: list[dict[str, Any]]


def _check_uploaded(session: Session, refs: list[AttachmentRef]) -> None:
    if not refs:
        return
    complete = set(
        session.scalars(
            select(Attachment.sha256).where(
                Attachment.sha256.in_([r.sha256 for r in refs]), Attachment.complete.is_(True)
            )
        )
    )
    missing = [r for r in refs if r.sha256 not in complete]
    if missing:
        names = "、".join(r.name for r in missing)
        raise Rejected("attachment_missing", f"附件尚未上传完成：{names}", "attachments")


@dataclass
class PushContext:
    """What every action of one push shares."""

    platform: Platform
    caller: Caller
    units: Mapping[str, UnitInfo]
    request: Request | None

    @property
    def actor(self) -> Actor:
        """The caller as the rules see them."""
        caller = self.caller
        return Actor(
            username=caller.username,
            role=caller.role,
            unit=caller.unit,
            display_name=caller.display_name,
            device_id=caller.device_id,
        )


def _document(ctx: PushContext, session: Session, code: str) -> dict[str, Any] | None:
    viewer = ctx.caller.viewer
    row = session.scalar(select(Clue).where(Clue.code == code))
    if row is None or not viewer.sees_row(row, assisting_codes(session, row.id)):
        return None
    return clue_document(session, code, masked=viewer.supervisor)


def _duplicate(
    ctx: PushContext, session: Session, prior: AppliedAction, action_id: str
) -> dict[str, Any]:
    result: dict[str, Any] = {
        "action_id": action_id,
        "status": "duplicate",
        "clue_code": prior.clue_code,
        "seq": prior.seq,
    }
    if prior.provisional_code:
        result["provisional_code"] = prior.provisional_code
    result["clue"] = _document(ctx, session, prior.clue_code)
    return result


def _resolve_code(session: Session, device_id: str, named: str) -> str:
    mapped = session.scalar(
        select(ProvisionalCode.code).where(
            ProvisionalCode.device_id == device_id, ProvisionalCode.provisional_code == named
        )
    )
    return mapped or named


def _record(
    session: Session,
    ctx: PushContext,
    item: ActionIn,
    code: str,
    seq: int,
    now: datetime,
    provisional: str | None = None,
) -> None:
    session.add(
        AppliedAction(
            action_id=item.action_id,
            device_id=ctx.caller.device_id,
            username=ctx.caller.username,
            type=item.type,
            clue_code=code,
            provisional_code=provisional,
            seq=seq,
            applied_at=now,
        )
    )


def _register(
    ctx: PushContext, session: Session, item: ActionIn, refs: list[AttachmentRef]
) -> dict[str, Any]:
    platform = ctx.platform
    provisional = item.clue_code
    mapped = _resolve_code(session, ctx.caller.device_id, provisional)
    if mapped != provisional:
        raise Rejected("invalid", f"临时编号 {provisional} 已登记为 {mapped}", "clue_code")
    now = platform.now()
    book = platform.rulebook(session)
    actor = ctx.actor
    if ctx.caller.viewer.supervisor:
        raise Rejected("refused", "纪委监委监督人员只能督办")
    try:
        outcome = apply_action(
            Action.REGISTER, actor, None, item.payload, now, book.calendar, book.rules, ctx.units
        )
    except ActionRefused as exc:
        raise Rejected("refused", exc.reason) from None
    except ValidationError as exc:
        raise Rejected("invalid", str(exc), field_key(exc.field)) from None
    _check_uploaded(session, refs)
    code = next_code(session, now.year)
    seq = next_seq(session)
    platform.hold_after_seq(ctx.request)
    insert_registered(
        session,
        outcome,
        code=code,
        action_id=item.action_id,
        actor=actor,
        at=now,
        seq=seq,
        attachments=refs,
    )
    session.add(
        ProvisionalCode(
            device_id=ctx.caller.device_id,
            provisional_code=provisional,
            code=code,
            action_id=item.action_id,
        )
    )
    _record(session, ctx, item, code, seq, now, provisional)
    session.flush()
    return {
        "action_id": item.action_id,
        "status": "applied",
        "clue_code": code,
        "provisional_code": provisional,
        "seq": seq,
        "clue": _document(ctx, session, code),
    }


def _apply(ctx: PushContext, session: Session, item: ActionIn) -> dict[str, Any]:
    """Validate and apply one action inside `session`'s write transaction."""
    prior = session.get(AppliedAction, item.action_id)
    if prior is not None:
        return _duplicate(ctx, session, prior, item.action_id)
    try:
        action = Action.from_command_type(item.type)
    except ValueError:
        raise Rejected("unknown_type", f"平台不支持的操作类型：{item.type}") from None
    refs = check_payload(item.payload)
    if action is Action.REGISTER:
        return _register(ctx, session, item, refs)
    platform = ctx.platform
    code = _resolve_code(session, ctx.caller.device_id, item.clue_code)
    row = session.execute(
        select(Clue).where(Clue.code == code).with_for_update()
    ).scalar_one_or_none()
    if row is None:
        raise Rejected("not_found", f"线索 {code} 不存在")
    # A concurrent push of the same action may have committed while this one waited for the
    # clue's row lock (PostgreSQL, READ COMMITTED): answer duplicate, not a refusal.
    prior = session.scalar(select(AppliedAction).where(AppliedAction.action_id == item.action_id))
    if prior is not None:
        return _duplicate(ctx, session, prior, item.action_id)
    viewer = ctx.caller.viewer
    assisting = assisting_codes(session, row.id)
    if not viewer.sees_row(row, assisting):
        raise Rejected("out_of_scope", f"线索 {code} 不在您的办理范围内")
    if viewer.supervisor and action is not Action.URGE:
        raise Rejected("refused", "纪委监委监督人员只能督办")
    now = platform.now()
    book = platform.rulebook(session)
    before = clue_state(row, assisting)
    actor = ctx.actor
    try:
        outcome = apply_action(
            action, actor, before, item.payload, now, book.calendar, book.rules, ctx.units
        )
    except ActionRefused as exc:
        raise Rejected("refused", exc.reason) from None
    except ValidationError as exc:
        raise Rejected("invalid", str(exc), field_key(exc.field)) from None
    _check_uploaded(session, refs)
    seq = next_seq(session)
    platform.hold_after_seq(ctx.request)
    apply_outcome(
        session,
        row,
        before,
        outcome,
        action_id=item.action_id,
        actor=actor,
        at=now,
        seq=seq,
        attachments=refs,
    )
    _record(session, ctx, item, code, seq, now)
    session.flush()
    return {
        "action_id": item.action_id,
        "status": "applied",
        "clue_code": code,
        "seq": seq,
        "clue": _document(ctx, session, code),
    }


def _rejection(ctx: PushContext, session: Session, item: ActionIn, exc: Rejected) -> dict[str, Any]:
    code = _resolve_code(session, ctx.caller.device_id, item.clue_code)
    result: dict[str, Any] = {
        "action_id": item.action_id,
        "status": "rejected",
        "code": exc.code,
        "reason": exc.reason,
    }
    if exc.field is not None:
        result["field"] = exc.field
    result["clue_code"] = code
    result["clue"] = _document(ctx, session, code) if exc.code != "out_of_scope" else None
    return result


def apply_one(ctx: PushContext, item: ActionIn) -> dict[str, Any]:
    """Apply one action in its own transaction; a lost race on its id answers duplicate."""
    for attempt in range(2):
        try:
            with ctx.platform.db.write() as session:
                try:
                    result = _apply(ctx, session, item)
                except Rejected as exc:
                    session.rollback()
                    return _rejection(ctx, session, item, exc)
                session.commit()
                return result
        except IntegrityError:
            if attempt:
                log.warning("action %s conflicts with stored data", item.action_id)
                return {
                    "action_id": item.action_id,
                    "status": "rejected",
                    "code": "invalid",
                    "reason": "操作编号与平台已有的记录冲突",
                    "field": "action_id",
                    "clue_code": item.clue_code,
                    "clue": None,
                }
    raise AssertionError("unreachable")


def _retry(item: ActionIn, reason: str) -> dict[str, Any]:
    return {"action_id": item.action_id, "status": "retry", "reason": reason}


@router.post("/push", response_model=PushResults, summary="推送操作")
def push(body: PushBody, request: Request, caller: CallerDep) -> FastJSONResponse:
    """Apply the device's actions in order, each in its own transaction."""
    platform = platform_of(request)
    limit = platform.settings.limits.push_batch
    if len(body.actions) > limit:
        raise too_large(f"一次最多推送 {limit} 个操作，本次 {len(body.actions)} 个")
    if body.device_id != caller.device_id:
        raise ApiError(403, "forbidden", "device_id 与登录的设备不一致")
    for index in range(1, len(body.actions)):
        if body.actions[index].device_seq <= body.actions[index - 1].device_seq:
            raise invalid("device_seq 必须严格递增", f"actions.{index}.device_seq")
    with platform.db.read() as session:
        units = load_directory(session)
    ctx = PushContext(platform, caller, units, request)
    results: list[dict[str, Any]] = []
    failure = ""
    for item in body.actions:
        if failure:
            results.append(_retry(item, failure))
            continue
        try:
            results.append(apply_one(ctx, item))
        except (OperationalError, DBAPIError) as exc:
            if isinstance(exc, DBAPIError) and not isinstance(exc, OperationalError):
                if not exc.connection_invalidated:
                    raise
            log.warning("push action %s will be retried: %s", item.action_id, exc)
            failure = "平台暂时繁忙，请稍后重试"
            results.append(_retry(item, failure))
    return FastJSONResponse({"results": results})
