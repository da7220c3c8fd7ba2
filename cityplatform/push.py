"""POST /api/v1/push: each action validated by the shared rules and applied in its own
transaction, answered applied | duplicate | rejected | retry."""

from __future__ import annotations

import logging
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.security import HTTPAuthorizationCredentials
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from cityplatform import audit
from cityplatform.auth import (
    BEARER_SCHEME,
    Caller,
    DeviceRevoked,
    authenticate,
    device_is_revoked,
)
from cityplatform.context import platform_of
from cityplatform.devices import pushed_actions, refuse_push
from cityplatform.domainmap import load_directory
from cityplatform.errors import AUTHENTICATED_ERRORS, ApiError, error_responses, invalid, too_large
from cityplatform.jsonresp import wire_response
from cityplatform.payloads import Rejected
from cityplatform.push_apply import apply_action_to_clue
from cityplatform.push_cases import CASE_KIND
from cityplatform.push_context import PushContext
from cityplatform.push_notices import NOTICE_KIND
from cityplatform.push_records import apply_record_action
from cityplatform.push_supervision import apply_supervision_action
from cityplatform.push_verification import apply_verification_action
from cityplatform.security import TokenInvalid, read_access_token
from cityplatform.supervision_records import supervision_kind
from desktop.domain.messages import Message, chinese_text, message_data
from desktop.domain.verification import COMMAND_PREFIX as VERIFICATION_PREFIX
from desktop.wire.sync import ActionIn, PushAnswer, PushRequest

log = logging.getLogger("cityplatform.push")

RECORD_KINDS = (NOTICE_KIND, CASE_KIND)
"""The kinds of clue sub-records pushed actions may act on (other actions act on the clue)."""

router = APIRouter(prefix="/api/v1", tags=["sync"])


def _rejection(ctx: PushContext, session: Session, item: ActionIn, exc: Rejected) -> dict[str, Any]:
    code = ctx.resolve(session, item.clue_code) if item.clue_code is not None else None
    result: dict[str, Any] = {
        "action_id": item.action_id,
        "status": "rejected",
        "code": exc.code,
        "reason": chinese_text(exc.reason),
    }
    template = message_data(exc.reason)
    if template is not None:
        result["template"] = template
    if exc.field is not None:
        result["field"] = exc.field
    result["clue_code"] = code
    result["clue"] = None
    if code is not None and exc.code != "out_of_scope":
        result["clue"] = ctx.document(session, code)
    return result


def _apply(ctx: PushContext, session: Session, item: ActionIn) -> dict[str, Any]:
    """Apply one action: on a commission's own record, a clue's sub-record or the clue."""
    supervision = supervision_kind(item.type)
    if supervision is not None:
        return apply_supervision_action(supervision, ctx, session, item)
    if item.type.startswith(VERIFICATION_PREFIX):
        return apply_verification_action(ctx, session, item)
    if item.clue_code is None:
        raise Rejected("invalid", Message("缺少线索编号"), "clue_code")
    kind = next((k for k in RECORD_KINDS if k.is_type(item.type)), None)
    if kind is not None:
        return apply_record_action(kind, ctx, session, item)
    return apply_action_to_clue(ctx, session, item)


def apply_one(ctx: PushContext, item: ActionIn) -> dict[str, Any]:
    """Apply one action in its own transaction; a lost race on its id answers duplicate."""
    for attempt in range(2):
        try:
            with ctx.session() as session:
                try:
                    result = _apply(ctx, session, item)
                except Rejected as exc:
                    session.rollback()
                    return _rejection(ctx, session, item, exc)
                if result.get("status") == "applied":  # audited with the change it made
                    audit.append(
                        session,
                        audit.PUSH_ACTION,
                        _actor(ctx),
                        answer_details(item, result),
                        ctx.platform.now(),
                    )
                session.commit()
                ctx.remember(result)
                return result
        except IntegrityError:
            if attempt:
                log.warning("action %s conflicts with stored data", item.action_id)
                return {
                    "action_id": item.action_id,
                    "status": "rejected",
                    "code": "invalid",
                    "reason": "操作编号与平台已有的记录冲突",
                    "template": Message("操作编号与平台已有的记录冲突").to_data(),
                    "field": "action_id",
                    "clue_code": item.clue_code,
                    "clue": None,
                }
    raise AssertionError("unreachable")


def _retry(item: ActionIn, reason: str) -> dict[str, Any]:
    return {"action_id": item.action_id, "status": "retry", "reason": reason}


def _actor(ctx: PushContext) -> audit.AuditActor:
    return audit.AuditActor(ctx.caller.username, ctx.caller.device_id)


def answer_details(item: ActionIn, result: dict[str, Any]) -> dict[str, Any]:
    """What the audit keeps of an action's answer: which action, and how it was answered."""
    details: dict[str, Any] = {
        "action_id": item.action_id,
        "device_seq": item.device_seq,
        "type": item.type,
        "clue_code": result.get("clue_code") or item.clue_code,
        "status": result.get("status"),
    }
    for key in ("code", "field", "seq"):
        if result.get(key) is not None:
            details[key] = result[key]
    kind = supervision_kind(item.type)
    if kind is not None and isinstance(item.payload.get(kind.id_key), str):
        details[kind.id_key] = item.payload[kind.id_key]
    return details


def _audit_answers(ctx: PushContext, items: list[ActionIn], results: list[dict[str, Any]]) -> None:
    """One entry per action answered without a change (duplicate, rejected, retry), in one
    transaction after the answers: they wrote nothing to roll back with."""
    records = [
        audit.Record(audit.PUSH_ACTION, _actor(ctx), answer_details(item, result))
        for item, result in zip(items, results, strict=True)
        if result.get("status") != "applied"
    ]
    if not records:
        return
    try:
        with ctx.session() as session:
            audit.append_many(session, records, ctx.platform.now())
            session.commit()
    except SQLAlchemyError as exc:  # the answers changed nothing; they are sent anyway
        log.error("push answers of %s not audited: %s", ctx.caller.device_id, exc)


async def push_caller(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(BEARER_SCHEME)],
) -> Caller:
    """The caller of a push; a revoked device's actions are recorded as refused (applied
    nowhere, listed for the office) before it is answered `device_revoked`."""
    try:
        return await run_in_threadpool(authenticate, request, credentials)
    except DeviceRevoked as exc:
        revoked = exc
    except ApiError as exc:  # an expired token of a revoked device still names the device
        if exc.code != "token_expired" or credentials is None:
            raise
        found = await run_in_threadpool(_revoked_by_expired, request, credentials.credentials)
        if found is None:
            raise
        revoked = found
    actions = pushed_actions(await request.body())
    platform = platform_of(request)
    await run_in_threadpool(refuse_push, platform, revoked.device_id, revoked.username, actions)
    raise revoked


def _revoked_by_expired(request: Request, token: str) -> DeviceRevoked | None:
    """The refusal of an expired (but genuine) access token's device, when it is revoked."""
    platform = platform_of(request)
    try:
        claims = read_access_token(
            platform.secret(), token.strip(), platform.now(), allow_expired=True
        )
    except TokenInvalid:
        return None
    with platform.db.read() as session:
        if not device_is_revoked(session, claims.device_id):
            return None
    return DeviceRevoked(claims.device_id, claims.username)


PushCallerDep = Annotated[Caller, Depends(push_caller)]


@router.post(
    "/push",
    response_model=PushAnswer,
    responses=error_responses(*AUTHENTICATED_ERRORS, 403),
    summary="推送操作",
)
def push(body: PushRequest, request: Request, caller: PushCallerDep) -> Response:
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
        ctx = PushContext(platform, caller, units, platform.rulebook(session), request)
        ctx.load_codes(session, (item.clue_code for item in body.actions if item.clue_code))
    results: list[dict[str, Any]] = []
    failure = ""
    with ctx.writing():
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
        _audit_answers(ctx, body.actions, results)
    return wire_response(PushAnswer, {"results": results})
