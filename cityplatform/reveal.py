"""POST /api/v1/clues/{code}/reporter-reveal: a commission user sees a masked reporter by
recording a reason; the reveal is audited and becomes a history entry the dispatching office
sees (never with the name or phone)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Request
from fastapi import Path as PathParam
from sqlalchemy import insert, select, update
from starlette.responses import Response

from cityplatform import audit
from cityplatform.auth import CallerDep
from cityplatform.changes import next_seq
from cityplatform.context import platform_of
from cityplatform.domainmap import assisting_codes
from cityplatform.errors import (
    AUTHENTICATED_ERRORS,
    error_responses,
    forbidden,
    invalid,
    not_found,
)
from cityplatform.jsonresp import wire_response
from cityplatform.models import Clue, ClueEvent
from desktop.domain.messages import Message
from desktop.domain.reporter_privacy import REPORTER_REVEALED, reveal_reason_problem
from desktop.wire.reporter import RevealOut, RevealRequest

router = APIRouter(prefix="/api/v1", tags=["clues"])

CodePath = Annotated[str, PathParam(description="线索编号", min_length=1, max_length=64)]


@router.post(
    "/clues/{code}/reporter-reveal",
    response_model=RevealOut,
    responses=error_responses(*AUTHENTICATED_ERRORS, 403, 404),
    summary="纪委监委登记理由后查看举报人",
)
def reveal_reporter(
    code: CodePath, body: RevealRequest, request: Request, caller: CallerDep
) -> Response:
    """The reporter of a clue in the caller's scope, for a commission user who gives a reason
    (at least a few characters); audited, and shown in the clue's history to the office."""
    viewer = caller.viewer
    if not viewer.supervisor:
        raise forbidden(Message("只有纪委监委监督人员可以登记理由后查看举报人"))
    reason = body.reason.strip()
    problem = reveal_reason_problem(reason)
    if problem is not None:
        raise invalid(problem, "reason")
    platform = platform_of(request)
    now = platform.now()
    with platform.db.write() as session:
        row = session.scalar(select(Clue).where(Clue.code == code).with_for_update())
        if row is None or not viewer.sees_row(row, assisting_codes(session, row.id)):
            raise not_found(Message("线索 {code} 不存在或不在您的监督范围内", code=code))
        answer = {
            "clue_code": row.code,
            "reporter_name": row.reporter_name,
            "reporter_phone": row.reporter_phone,
            "revealed_at": now,
        }
        seq = next_seq(session)
        platform.hold_after_seq(request)
        session.execute(update(Clue).where(Clue.id == row.id).values(seq=seq))
        session.execute(
            insert(ClueEvent).values(
                clue_id=row.id,
                seq=seq,
                action_id=str(uuid.uuid4()),
                action=REPORTER_REVEALED,
                username=caller.username,
                unit_code=caller.unit.code,
                device_id=caller.device_id,
                at=now,
                from_status=row.status,
                to_status=row.status,
                note=reason,
                details={},
            )
        )
        audit.record_reveal(
            session, audit.AuditActor(caller.username, caller.device_id), row.code, reason, now
        )
        session.commit()
    return wire_response(RevealOut, answer)
