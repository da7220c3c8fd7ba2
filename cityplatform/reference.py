"""Reference data: /meta, /directory and /rules."""

from __future__ import annotations

from fastapi import APIRouter, Request
from sqlalchemy import select
from starlette.responses import Response

from cityplatform.auth import CallerDep
from cityplatform.context import platform_of
from cityplatform.errors import AUTHENTICATED_ERRORS, error_responses
from cityplatform.jsonresp import columns, rows_of, wire_response
from cityplatform.models import Unit, User
from desktop.domain.case_actions import CaseAction
from desktop.domain.notices import NoticeAction
from desktop.domain.workflow import Action
from desktop.wire.reference import Directory, Meta, RulesOut, UnitOut, UserOut

router = APIRouter(prefix="/api/v1", tags=["reference"])

PROTOCOL_VERSIONS = (1,)


@router.get(
    "/meta",
    response_model=Meta,
    responses=error_responses(*AUTHENTICATED_ERRORS),
    summary="平台信息",
)
def meta(request: Request, caller: CallerDep) -> Response:
    """What the client checks first: clock, versions, action types, scope epoch, limits."""
    platform = platform_of(request)
    return wire_response(
        Meta,
        {
            "server_time": platform.now(),
            "protocol_versions": list(PROTOCOL_VERSIONS),
            "action_types": [action.command_type for action in Action]
            + [action.command_type for action in NoticeAction]
            + [action.command_type for action in CaseAction],
            "scope_epoch": caller.scope_epoch,
            "user": caller.user_json(),
            "limits": platform.settings.limits.to_meta(),
        },
    )


@router.get(
    "/directory",
    response_model=Directory,
    responses=error_responses(*AUTHENTICATED_ERRORS),
    summary="单位和用户名录",
)
def directory(request: Request, caller: CallerDep) -> Response:
    """Every unit of the tree and every user (names for histories and pickers)."""
    platform = platform_of(request)
    with platform.db.read() as session:
        units = session.execute(select(*columns(Unit, UnitOut)).order_by(Unit.code))
        users = session.execute(select(*columns(User, UserOut)).order_by(User.username))
        answer = {"units": rows_of(units), "users": rows_of(users)}
    return wire_response(Directory, answer)


@router.get(
    "/rules",
    response_model=RulesOut,
    responses=error_responses(*AUTHENTICATED_ERRORS),
    summary="时限规则和工作日历",
)
def rules(request: Request, caller: CallerDep) -> Response:
    """The rules and the calendar years the platform publishes, with their version."""
    platform = platform_of(request)
    with platform.db.read() as session:
        book = platform.rulebook(session)
    return wire_response(
        RulesOut,
        {
            "rules": book.rules.to_dict(),
            "calendar": [year.to_dict() for year in book.years],
            "version": book.version,
        },
    )
