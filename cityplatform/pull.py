"""GET /api/v1/pull: the change feed of the caller's scope in sequence order, with tombstones."""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from sqlalchemy import and_, exists, func, select
from sqlalchemy.orm import Session
from starlette.responses import Response

from cityplatform.auth import Caller, CallerDep
from cityplatform.context import platform_of
from cityplatform.documents import clue_documents, select_clues
from cityplatform.errors import AUTHENTICATED_ERRORS, ApiError, bad_request, error_responses
from cityplatform.jsonresp import wire_response
from cityplatform.models import Clue, ScopeExit
from cityplatform.scope import Viewer
from cityplatform.state import (
    CHANGE_SEQ,
    INSTANCE_ID,
    TOMBSTONE_HORIZON,
    counter_value,
    get_setting,
)
from desktop.wire.records import PullPage

router = APIRouter(prefix="/api/v1", tags=["sync"])


@dataclass(frozen=True)
class Cursor:
    """Where a client stands in the feed: last seq seen, scope epoch, database instance.

    `base` is set while a pull from scratch is under way: the feed head when it began.
    Tombstones older than that cannot concern it, so pruning them does not stop it.
    """

    seq: int
    epoch: int
    instance: str
    base: int | None = None

    def encode(self) -> str:
        """The opaque text handed to the client."""
        data: dict[str, Any] = {"s": self.seq, "e": self.epoch, "i": self.instance}
        if self.base is not None:
            data["b"] = self.base
        raw = json.dumps(data, separators=(",", ":"))
        return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")

    @classmethod
    def decode(cls, text: str) -> Cursor:
        """Read a cursor; ValueError when it is not one of ours."""
        try:
            padded = text + "=" * (-len(text) % 4)
            data = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
        except (ValueError, binascii.Error, UnicodeError) as exc:
            raise ValueError(text) from exc
        if not isinstance(data, dict):
            raise ValueError(text)
        seq, epoch, instance = data.get("s"), data.get("e"), data.get("i")
        base = data.get("b")
        if not (
            isinstance(seq, int)
            and isinstance(epoch, int)
            and isinstance(instance, str)
            and seq >= 0
            and (base is None or (isinstance(base, int) and base >= 0))
        ):
            raise ValueError(text)
        return cls(seq, epoch, instance, base)


CURSOR_HELP = "上一页给出的 cursor；不给则从头开始"
LIMIT_HELP = "每页最多几条（超过平台上限按上限）"


def _reset(message: str) -> ApiError:
    return ApiError(410, "reset_required", message)


def _limit(raw: int | None, default: int, maximum: int) -> int:
    return default if raw is None else min(raw, maximum)


def tombstones(session: Session, viewer: Viewer, after: int, limit: int) -> list[tuple[int, str]]:
    """(seq, code) of clues that left the viewer's unit (or area) after `after` and are not
    back."""
    code = viewer.exit_key
    back_in_scope = exists(
        select(Clue.id).where(Clue.id == ScopeExit.clue_id, viewer.clue_filter())
    )
    newest = func.max(ScopeExit.seq)
    statement = (
        select(newest, ScopeExit.clue_code)
        .where(ScopeExit.unit_code == code, ScopeExit.seq > after, ~back_in_scope)
        .group_by(ScopeExit.clue_id, ScopeExit.clue_code)
        .order_by(newest)
        .limit(limit)
    )
    return [(int(seq), clue_code) for seq, clue_code in session.execute(statement)]


def read_page(
    session: Session, caller: Caller, cursor: Cursor | None, limit: int
) -> dict[str, Any]:
    """One page of the feed, read in one snapshot (the caller's session)."""
    head = counter_value(session, CHANGE_SEQ)
    instance = get_setting(session, INSTANCE_ID)
    horizon = int(get_setting(session, TOMBSTONE_HORIZON, "0") or 0)
    after = 0
    base: int | None = head
    if cursor is not None:
        base = cursor.base
        if cursor.instance != instance or cursor.seq > head:
            raise _reset("平台数据已重建，请先推送再完整同步")
        if cursor.epoch != caller.scope_epoch:
            raise _reset("您的单位或角色已变更，请先推送再完整同步")
        if max(cursor.seq, cursor.base or 0) < horizon:
            raise _reset("同步位置太旧，请先推送再完整同步")
        after = cursor.seq
    viewer = caller.viewer
    rows = session.execute(
        select_clues(and_(Clue.seq > after, viewer.clue_filter()), limit + 1)
    ).all()
    gone = tombstones(session, viewer, after, limit + 1) if viewer.gets_tombstones() else []
    picked: list[tuple[int, Any]] = []
    i = j = 0
    while len(picked) < limit and (i < len(rows) or j < len(gone)):
        if j >= len(gone) or (i < len(rows) and rows[i].seq < gone[j][0]):
            picked.append((rows[i].seq, rows[i]))
            i += 1
        else:
            picked.append((gone[j][0], gone[j][1]))
            j += 1
    more = i < len(rows) or j < len(gone)
    documents = iter(
        clue_documents(session, [r for _, r in picked if not isinstance(r, str)], viewer)
    )
    changes: list[dict[str, Any]] = []
    for seq, item in picked:
        if isinstance(item, str):
            changes.append({"kind": "tombstone", "seq": seq, "clue_code": item})
        else:
            changes.append({"kind": "clue", "seq": seq, "clue": next(documents)})
    last = picked[-1][0] if picked and more else max(head, after)
    next_cursor = Cursor(last, caller.scope_epoch, instance, base if more else None)
    return {"changes": changes, "cursor": next_cursor.encode(), "more": more}


@router.get(
    "/pull",
    response_model=PullPage,
    responses=error_responses(*AUTHENTICATED_ERRORS, 410),
    summary="拉取变更",
)
def pull(
    request: Request,
    caller: CallerDep,
    cursor: Annotated[str | None, Query(description="上一页给出的 cursor；不给则从头开始")] = None,
    limit: Annotated[
        int | None, Query(ge=1, description="每页最多几条（超过平台上限按上限）")
    ] = None,
) -> Response:
    """Changes after `cursor` (none: from the beginning), at most `limit` (≤ 1000)."""
    platform = platform_of(request)
    limits = platform.settings.limits
    size = _limit(limit, limits.pull_default, limits.pull_page)
    position: Cursor | None = None
    if cursor:
        try:
            position = Cursor.decode(cursor)
        except ValueError:
            raise bad_request("cursor 无法识别", "cursor") from None
    with platform.db.snapshot() as session:
        page = read_page(session, caller, position, size)
    return wire_response(PullPage, page)
