"""Reference data: /meta, /directory and /rules."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from pydantic import BaseModel
from sqlalchemy import select

from cityplatform.auth import CallerDep
from cityplatform.context import platform_of
from cityplatform.jsonresp import FastJSONResponse
from cityplatform.models import Unit, User
from desktop.domain.notices import NoticeAction
from desktop.domain.workflow import Action

router = APIRouter(prefix="/api/v1", tags=["reference"])

PROTOCOL_VERSIONS = (1,)


class Meta(BaseModel):
    """Server time, protocol versions, action types, the caller's scope epoch, limits."""

    server_time: str
    protocol_versions: list[int]
    action_types: list[str]
    scope_epoch: int
    user: dict[str, Any]
    limits: dict[str, int]


class Directory(BaseModel):
    """Every unit and user."""

    units: list[dict[str, Any]]
    users: list[dict[str, Any]]


class RulesOut(BaseModel):
    """Rules, published calendar years and their version."""

    rules: dict[str, Any]
    calendar: list[dict[str, Any]]
    version: int


@router.get("/meta", response_model=Meta, summary="平台信息")
def meta(request: Request, caller: CallerDep) -> FastJSONResponse:
    """What the client checks first: clock, versions, action types, scope epoch, limits."""
    platform = platform_of(request)
    return FastJSONResponse(
        {
            "server_time": platform.now().isoformat(),
            "protocol_versions": list(PROTOCOL_VERSIONS),
            "action_types": [action.command_type for action in Action]
            + [action.command_type for action in NoticeAction],
            "scope_epoch": caller.scope_epoch,
            "user": caller.user_json(),
            "limits": platform.settings.limits.to_meta(),
        }
    )


@router.get("/directory", response_model=Directory, summary="单位和用户名录")
def directory(request: Request, caller: CallerDep) -> FastJSONResponse:
    """Every unit of the tree and every user (names for histories and pickers)."""
    platform = platform_of(request)
    with platform.db.read() as session:
        units = session.execute(
            select(Unit.code, Unit.name, Unit.kind, Unit.parent_code, Unit.county_code).order_by(
                Unit.code
            )
        ).all()
        users = session.execute(
            select(User.username, User.display_name, User.role, User.unit_code).order_by(
                User.username
            )
        ).all()
    return FastJSONResponse(
        {
            "units": [
                {"code": c, "name": n, "kind": k, "parent_code": p, "county_code": cc}
                for c, n, k, p, cc in units
            ],
            "users": [
                {"username": u, "display_name": d, "role": r, "unit_code": uc}
                for u, d, r, uc in users
            ],
        }
    )


@router.get("/rules", response_model=RulesOut, summary="时限规则和工作日历")
def rules(request: Request, caller: CallerDep) -> FastJSONResponse:
    """The rules and the calendar years the platform publishes, with their version."""
    platform = platform_of(request)
    with platform.db.read() as session:
        book = platform.rulebook(session)
    return FastJSONResponse(
        {
            "rules": book.rules.to_dict(),
            "calendar": [year.to_dict() for year in book.years],
            "version": book.version,
        }
    )
