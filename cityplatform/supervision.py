"""GET /api/v1/supervision: the commissions' own records the caller sees (suggestions and
accountability records), in change order after a cursor of their own.

The cursor has the pull's shape (seq, scope epoch, database instance): a client whose scope
or platform changed is told to start again (410), like the clue feed. A record changes seq
whenever an action touches it, so a page from a cursor holds every record that changed since.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from sqlalchemy import and_
from sqlalchemy.orm import Session
from starlette.responses import Response

from cityplatform.auth import Caller, CallerDep
from cityplatform.context import platform_of
from cityplatform.errors import AUTHENTICATED_ERRORS, ApiError, bad_request, error_responses
from cityplatform.jsonresp import wire_response
from cityplatform.pull import CURSOR_HELP, LIMIT_HELP, Cursor
from cityplatform.state import CHANGE_SEQ, INSTANCE_ID, counter_value, get_setting
from cityplatform.supervision_records import ACCOUNTABILITY, SUGGESTIONS, SupervisionKind
from cityplatform.supervision_scope import accountability_filter, suggestion_filter
from desktop.wire.supervision import SupervisionPage

router = APIRouter(prefix="/api/v1", tags=["sync"])


def _rows(session: Session, kind: SupervisionKind, where: Any, after: int, limit: int) -> list[Any]:
    model = kind.model
    statement = kind.select_rows().where(and_(model.seq > after, where))
    return list(session.execute(statement.order_by(model.seq).limit(limit)).all())


def read_supervision_page(
    session: Session, caller: Caller, cursor: Cursor | None, limit: int
) -> dict[str, Any]:
    """One page of the caller's commission records, read in one snapshot."""
    head = counter_value(session, CHANGE_SEQ)
    instance = get_setting(session, INSTANCE_ID)
    after = 0
    if cursor is not None:
        if cursor.instance != instance or cursor.seq > head:
            raise ApiError(410, "reset_required", "平台数据已重建，请重新同步")
        if cursor.epoch != caller.scope_epoch:
            raise ApiError(410, "reset_required", "您的单位或角色已变更，请重新同步")
        after = cursor.seq
    viewer = caller.viewer
    found: list[tuple[int, SupervisionKind, Any]] = []
    for kind, where in (
        (SUGGESTIONS, suggestion_filter(viewer)),
        (ACCOUNTABILITY, accountability_filter(viewer)),
    ):
        found.extend((row.seq, kind, row) for row in _rows(session, kind, where, after, limit + 1))
    found.sort(key=lambda item: item[0])
    picked, more = found[:limit], len(found) > limit
    changes: list[dict[str, Any]] = []
    for seq, kind, row in picked:
        document = kind.documents(session, [row])[0]
        changes.append({"kind": kind.name, "seq": seq, kind.name: document})
    last = picked[-1][0] if picked and more else max(head, after)
    next_cursor = Cursor(last, caller.scope_epoch, instance)
    return {"changes": changes, "cursor": next_cursor.encode(), "more": more}


@router.get(
    "/supervision",
    response_model=SupervisionPage,
    responses=error_responses(*AUTHENTICATED_ERRORS, 410),
    summary="拉取纪委监委建议与问责记录",
)
def supervision(
    request: Request,
    caller: CallerDep,
    cursor: Annotated[str | None, Query(description=CURSOR_HELP)] = None,
    limit: Annotated[int | None, Query(ge=1, description=LIMIT_HELP)] = None,
) -> Response:
    """The suggestions and accountability records the caller sees that changed after
    `cursor` (none: all of them), at most `limit` (≤ the pull page limit)."""
    platform = platform_of(request)
    limits = platform.settings.limits
    size = limits.pull_default if limit is None else min(limit, limits.pull_page)
    position: Cursor | None = None
    if cursor:
        try:
            position = Cursor.decode(cursor)
        except ValueError:
            raise bad_request("cursor 无法识别", "cursor") from None
    with platform.db.snapshot() as session:
        page = read_supervision_page(session, caller, position, size)
    return wire_response(SupervisionPage, page)
