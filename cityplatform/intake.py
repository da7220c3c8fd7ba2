"""POST /api/v1/intake: channel systems register clues, idempotent by channel + external id."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter, Request
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from starlette.responses import Response

from cityplatform.auth import Caller, CallerDep
from cityplatform.changes import insert_registered, next_code, next_seq
from cityplatform.context import Platform, platform_of
from cityplatform.domainmap import load_directory
from cityplatform.errors import AUTHENTICATED_ERRORS, ApiError, error_responses, invalid
from cityplatform.jsonresp import wire_response
from cityplatform.models import Clue, IntakeRef
from cityplatform.warning_record import record_action
from desktop.domain.codes import Channel, Role
from desktop.domain.units import Actor
from desktop.domain.validators import ValidationError
from desktop.domain.workflow import Action, ActionRefused, apply_action
from desktop.wire.reference import IntakeOut
from desktop.wire.reference import IntakeRequest as IntakeBody

router = APIRouter(prefix="/api/v1", tags=["intake"])


def _existing(platform: Platform, channel: str, external_id: str) -> dict[str, Any] | None:
    with platform.db.read() as session:
        found = session.execute(
            select(Clue.code, Clue.status)
            .join(IntakeRef, IntakeRef.clue_id == Clue.id)
            .where(IntakeRef.channel == channel, IntakeRef.external_id == external_id)
        ).one_or_none()
    return {"code": found[0], "status": found[1]} if found is not None else None


def _register(
    platform: Platform, caller: Caller, body: IntakeBody, channel: str, request: Request
) -> dict[str, Any] | None:
    """Register the clue; None when another request registered this external id first."""
    payload = body.model_dump(exclude={"external_id"})
    payload["channel"] = channel
    payload["channel_ref"] = body.external_id
    actor = Actor(
        username=caller.username,
        role=caller.role,
        unit=caller.unit,
        display_name=caller.display_name,
        device_id=f"intake:{channel}",
        post=caller.post,
    )
    now = platform.now()
    try:
        with platform.db.write() as session:
            if session.get(IntakeRef, (channel, body.external_id)) is not None:
                return None
            book = platform.rulebook(session)
            units = load_directory(session)
            try:
                outcome = apply_action(
                    Action.REGISTER, actor, None, payload, now, book.calendar, book.rules, units
                )
            except ActionRefused as exc:
                raise ApiError(403, "forbidden", exc.reason) from None
            except ValidationError as exc:
                raise invalid(str(exc), exc.field) from None
            code = next_code(session, now.year)
            seq = next_seq(session)
            platform.hold_after_seq(request)
            row = insert_registered(
                session,
                outcome,
                code=code,
                action_id=str(uuid.uuid4()),
                actor=actor,
                at=now,
                seq=seq,
            )
            state = outcome.state.evolve(code=code)
            record_action(
                session.connection(), book, row.id, None, state, Action.REGISTER.value, now
            )
            session.add(
                IntakeRef(
                    channel=channel, external_id=body.external_id, clue_id=row.id, created_at=now
                )
            )
            session.commit()
            return {"code": code, "status": row.status}
    except IntegrityError:
        return None


@router.post(
    "/intake",
    response_model=IntakeOut,
    status_code=201,
    responses={
        200: {"model": IntakeOut, "description": "该渠道编号已登记过：原来的线索"},
        **error_responses(*AUTHENTICATED_ERRORS, 403, 409),
    },
    summary="渠道系统登记线索",
)
def intake(body: IntakeBody, request: Request, caller: CallerDep) -> Response:
    """Register a clue into the county's dispatch queue; the same external id answers 200."""
    platform = platform_of(request)
    if caller.role is not Role.DISPATCHER or not caller.unit.dispatches:
        raise ApiError(403, "forbidden", "只有市、县区攻坚办的渠道账号可以登记线索")
    try:
        channel = Channel.from_text(body.channel).value
    except ValueError:
        raise invalid(f"「{body.channel}」不是有效的举报途径", "channel") from None
    existing = _existing(platform, channel, body.external_id)
    if existing is not None:
        return wire_response(IntakeOut, existing)
    created = _register(platform, caller, body, channel, request)
    if created is None:
        existing = _existing(platform, channel, body.external_id)
        if existing is None:
            raise ApiError(409, "conflict", "登记冲突，请重试")
        return wire_response(IntakeOut, existing)
    return wire_response(IntakeOut, created, status_code=201)
