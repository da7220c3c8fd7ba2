"""GET /api/v1/pull: the change feed of the caller's scope in sequence order, with tombstones."""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from typing import Annotated, Any, cast

from fastapi import APIRouter, Query, Request
from sqlalchemy import (
    BigInteger,
    Connection,
    Integer,
    Select,
    String,
    and_,
    bindparam,
    exists,
    func,
    select,
)
from sqlalchemy.orm import Session
from starlette.responses import Response

from cityplatform.auth import Caller, ClaimsDep, caller_from_row, caller_params, caller_select
from cityplatform.context import platform_of
from cityplatform.documents import clue_documents, select_clues
from cityplatform.errors import AUTHENTICATED_ERRORS, ApiError, bad_request, error_responses
from cityplatform.jsonresp import FastJSONResponse, wire_response
from cityplatform.models import Clue, Counter, ScopeExit, Setting
from cityplatform.scope import Reach, Viewer
from cityplatform.state import CHANGE_SEQ, INSTANCE_ID, TOMBSTONE_HORIZON
from desktop.domain.codes import Role, UnitKind
from desktop.domain.units import UnitInfo
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


def _tombstones_select(viewer: Viewer, after: Any, limit: Any) -> Select[*tuple[Any, ...]]:
    code = viewer.exit_key
    back_in_scope = exists(
        select(Clue.id).where(Clue.id == ScopeExit.clue_id, viewer.clue_filter())
    )
    newest = func.max(ScopeExit.seq)
    return (
        select(newest, ScopeExit.clue_code)
        .where(ScopeExit.unit_code == code, ScopeExit.seq > after, ~back_in_scope)
        .group_by(ScopeExit.clue_id, ScopeExit.clue_code)
        .order_by(newest)
        .limit(limit)
    )


def tombstones(session: Session, viewer: Viewer, after: int, limit: int) -> list[tuple[int, str]]:
    """(seq, code) of clues that left the viewer's unit (or area) after `after` and are not
    back."""
    statement = _tombstones_select(viewer, after, limit)
    return [(int(seq), clue_code) for seq, clue_code in session.execute(statement)]


SCOPE_UNIT, SCOPE_COUNTY = "scope_unit", "scope_county"
"""The parameters a page statement binds to the viewer's unit code and county code."""


@dataclass(frozen=True)
class FeedQueries:
    """The two statements of a page for one kind of scope: the clues in scope after a
    position, and the tombstones (None for a scope that never loses a clue). They bind
    `after`, `limit` and the viewer's unit (SCOPE_UNIT, SCOPE_COUNTY)."""

    clues: Select[*tuple[Any, ...]]
    tombstones: Select[*tuple[Any, ...]] | None


_BY_REACH: dict[Reach, FeedQueries] = {}
"""The page statements of each reach (a statement per reach: every unit of a reach shares it,
so that executing it finds its own compiled form and result metadata in the cache)."""


def _feed_queries(kind: UnitKind, has_county: bool) -> FeedQueries:
    # The scope's own rules (Viewer.clue_filter, exit_key) applied to a stand-in unit whose
    # code and county are bound parameters: one statement object for every unit of a kind,
    # so that its compiled form and result metadata serve every viewer as they are.
    stand_in: Any = UnitInfo(
        code=cast(str, bindparam(SCOPE_UNIT, type_=String)),
        name="",
        kind=kind,
        parent_code=None,
        county_code=cast(str, bindparam(SCOPE_COUNTY, type_=String)) if has_county else None,
    )
    viewer = Viewer("", Role.HANDLER, stand_in)
    after, limit = bindparam("after", type_=BigInteger), bindparam("limit", type_=Integer)
    clues = select_clues(and_(Clue.seq > after, viewer.clue_filter())).limit(limit)
    gone = _tombstones_select(viewer, after, limit) if viewer.gets_tombstones() else None
    return FeedQueries(clues, gone)


def feed_queries(viewer: Viewer) -> tuple[FeedQueries, dict[str, Any]]:
    """The page statements of `viewer`'s reach (built once per process) and the parameters
    that bind them to `viewer`'s unit."""
    unit = viewer.unit
    queries = _BY_REACH.get(viewer.reach)
    if queries is None:
        queries = _BY_REACH.setdefault(
            viewer.reach, _feed_queries(unit.kind, unit.county_code is not None)
        )
    return queries, {SCOPE_UNIT: unit.code, SCOPE_COUNTY: unit.county_code}


@dataclass(frozen=True)
class FeedState:
    """Where the feed stands in a snapshot: its head, the database instance, the horizon
    below which tombstones were pruned."""

    head: int
    instance: str
    horizon: int


def _setting(key: str) -> Any:
    return select(Setting.value).where(Setting.key == key).scalar_subquery()


FEED_COLUMNS = (
    select(Counter.value).where(Counter.name == CHANGE_SEQ).scalar_subquery().label("feed_head"),
    _setting(INSTANCE_ID).label("feed_instance"),
    _setting(TOMBSTONE_HORIZON).label("feed_horizon"),
)
"""The feed's state as three columns of a SELECT (read beside the caller, one round trip)."""

_FEED = select(*FEED_COLUMNS)
_PULL_CALLER = caller_select(*FEED_COLUMNS)


def feed_of(row: Any) -> FeedState:
    """The feed's state from a row holding `FEED_COLUMNS`."""
    return FeedState(int(row.feed_head or 0), row.feed_instance or "", int(row.feed_horizon or 0))


def feed_state(session: Session) -> FeedState:
    """The feed's state as `session`'s snapshot sees it (one query)."""
    return feed_of(session.execute(_FEED).one())


def start_of(caller: Caller, cursor: Cursor | None, feed: FeedState) -> int:
    """Where a page after `cursor` starts (0: from scratch), or the 410 reset_required it
    calls for: another database instance, a changed scope, a position pruned away."""
    if cursor is None:
        return 0
    if cursor.instance != feed.instance or cursor.seq > feed.head:
        raise _reset("平台数据已重建，请先推送再完整同步")
    if cursor.epoch != caller.scope_epoch:
        raise _reset("您的单位或角色已变更，请先推送再完整同步")
    if max(cursor.seq, cursor.base or 0) < feed.horizon:
        raise _reset("同步位置太旧，请先推送再完整同步")
    return cursor.seq


def head_page(caller: Caller, cursor: Cursor | None, feed: FeedState) -> dict[str, Any] | None:
    """The empty page of a client at the head of the feed (None when it is not there).

    Nothing lies beyond the head: every change (a clue's new seq, a tombstone) takes its seq
    from the counter in its own transaction, so no state of the database that shows the head
    holds a change above it. Such a client learns that without a query of the clues.
    """
    after = start_of(caller, cursor, feed)
    if after < feed.head:
        return None
    position = Cursor(max(feed.head, after), caller.scope_epoch, feed.instance)
    return {"changes": [], "cursor": position.encode(), "more": False}


def read_page(
    session: Session,
    caller: Caller,
    cursor: Cursor | None,
    limit: int,
    feed: FeedState | None = None,
) -> dict[str, Any]:
    """One page of the feed, read in one snapshot (the caller's session); `feed` when the
    feed's state was already read in it."""
    return page_of(session.connection(), caller, cursor, limit, feed, session)


def page_of(
    connection: Connection,
    caller: Caller,
    cursor: Cursor | None,
    limit: int,
    feed: FeedState | None = None,
    session: Session | None = None,
) -> dict[str, Any]:
    """One page of the feed, read in the connection's transaction (one snapshot). The clue
    documents are built in `session`, or in a session on the connection made only when the
    page holds clues."""
    if feed is None:
        feed = feed_of(connection.execute(_FEED).one())
    at_head = head_page(caller, cursor, feed)
    if at_head is not None:
        return at_head
    head, instance = feed.head, feed.instance
    after = cursor.seq if cursor is not None else 0
    base = cursor.base if cursor is not None else head
    viewer = caller.viewer
    queries, params = feed_queries(viewer)
    params.update(after=after, limit=limit + 1)
    rows = connection.execute(queries.clues, params).all()
    gone: list[tuple[int, str]] = []
    if queries.tombstones is not None:
        found = connection.execute(queries.tombstones, params)
        gone = [(int(seq), clue_code) for seq, clue_code in found]
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
    clue_rows = [r for _, r in picked if not isinstance(r, str)]
    if not clue_rows:
        built: list[dict[str, Any]] = []
    elif session is not None:
        built = clue_documents(session, clue_rows, viewer)
    else:
        with Session(bind=connection) as own:
            built = clue_documents(own, clue_rows, viewer)
    documents = iter(built)
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
    claims: ClaimsDep,
    cursor: Annotated[str | None, Query(description="上一页给出的 cursor；不给则从头开始")] = None,
    limit: Annotated[
        int | None, Query(ge=1, description="每页最多几条（超过平台上限按上限）")
    ] = None,
) -> Response:
    """Changes after `cursor` (none: from the beginning), at most `limit` (≤ 1000).

    The caller's row (revoked login or device, disabled user, scope epoch) and the feed's
    state come in one query; a client at the head needs nothing more. Otherwise the caller,
    the feed's state and the page are read again in one snapshot.
    """
    platform = platform_of(request)
    limits = platform.settings.limits
    size = _limit(limit, limits.pull_default, limits.pull_page)
    position: Cursor | None = None
    unreadable = False
    if cursor:
        try:
            position = Cursor.decode(cursor)
        except ValueError:
            unreadable = True
    params = caller_params(claims)
    with platform.db.statement_connection() as connection:
        # One statement, one consistent view: enough for a client at the head of the feed.
        row = connection.execute(_PULL_CALLER, params).one_or_none()
        caller = caller_from_row(platform, claims, row)
        if unreadable:
            raise bad_request("cursor 无法识别", "cursor")
        page = head_page(caller, position, feed_of(row))
    if page is None:  # the feed moved on: the page is read in one snapshot, caller again too
        with platform.db.snapshot_connection() as connection, connection.begin():
            row = connection.execute(_PULL_CALLER, params).one_or_none()
            caller = caller_from_row(platform, claims, row)
            page = page_of(connection, caller, position, size, feed_of(row))
    if not page["changes"]:
        return FastJSONResponse(page)  # nothing to check against the wire model
    return wire_response(PullPage, page)
