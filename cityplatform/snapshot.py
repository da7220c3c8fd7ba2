"""GET /api/v1/snapshot and /api/v1/snapshots/{id}: the first sync of a large scope as one
file (built and cached by `snapshot_build`) instead of pull pages."""

from __future__ import annotations

import os
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi import Path as PathParam
from starlette.responses import Response

from cityplatform.attachments import FILE_ANSWERS, _CheckedRangeFile
from cityplatform.auth import Caller, CallerDep
from cityplatform.context import Platform, platform_of
from cityplatform.errors import AUTHENTICATED_ERRORS, error_responses, not_found
from cityplatform.jsonresp import wire_response
from cityplatform.pull import Cursor, feed_state
from cityplatform.snapshot_build import (
    build_soon,
    cached,
    folder_of,
    newest,
    scope_count,
    scope_key,
    snapshot_id,
)
from desktop.wire.snapshot import SnapshotOffer

router = APIRouter(prefix="/api/v1", tags=["sync"])

SNAPSHOT_MEDIA = "application/vnd.sqlite3"
SNAPSHOT_ANSWERS: dict[int | str, dict[str, object]] = {
    code: {
        **answer,
        "content": {SNAPSHOT_MEDIA: {"schema": {"type": "string", "format": "binary"}}},
    }
    for code, answer in FILE_ANSWERS.items()
}
"""The file answers (200, 206) in the snapshot's own media type."""
RETRY_AFTER = 5
"""Seconds after which a client told "preparing" asks again."""


def make_offer(platform: Platform, caller: Caller, min_clues: int) -> dict[str, object]:
    """The offer for `caller`: the scope's file at the feed head, or the newest kept one when
    a build at the head has not finished within `settings.snapshot_wait` seconds (or, when
    there is none yet, "preparing": ask again after `retry_after` seconds)."""
    viewer = caller.viewer
    folder = folder_of(platform.data_dir)
    with platform.db.snapshot() as session:
        feed = feed_state(session)
        count = scope_count(session, viewer)
    if count < min_clues:
        return {"available": False, "clues": count}
    built = cached(folder, snapshot_id(scope_key(viewer), feed.head))
    if built is None:
        build_soon(platform.db, viewer, platform.data_dir, platform.settings.snapshot_wait)
        built = newest(folder, scope_key(viewer), feed.instance, feed.horizon)
    if built is None:
        return {"available": False, "clues": count, "preparing": True, "retry_after": RETRY_AFTER}
    facts = built.facts
    cursor = Cursor(facts.seq, caller.scope_epoch, facts.instance)
    return {
        "available": True,
        "clues": facts.clues,
        "events": facts.events,
        "format": facts.format,
        "id": built.id,
        "cursor": cursor.encode(),
        "size": built.size,
        "sha256": built.sha256,
    }


@router.get(
    "/snapshot",
    response_model=SnapshotOffer,
    responses=error_responses(*AUTHENTICATED_ERRORS),
    summary="首次同步的快照（大范围时代替逐页拉取）",
)
def offer(
    request: Request,
    caller: CallerDep,
    min_clues: Annotated[
        int, Query(ge=0, description="范围内线索少于此数时不提供快照（逐页拉取更快）")
    ] = 0,
) -> Response:
    """A snapshot of the caller's scope: its id, the pull cursor of its position, size and
    SHA-256. Built in the background on the first request after the feed moved; until the
    scope has a file, the answer says "preparing" and when to ask again."""
    platform = platform_of(request)
    answer = make_offer(platform, caller, min_clues)
    return wire_response(SnapshotOffer, answer)


@router.get(
    "/snapshots/{snapshot_id}",
    response_class=Response,
    responses={**SNAPSHOT_ANSWERS, **error_responses(*AUTHENTICATED_ERRORS, 404, 416)},
    summary="下载快照文件（支持 Range 断点续传）",
)
def download(
    request: Request,
    caller: CallerDep,
    snapshot_id: Annotated[
        str, PathParam(description="快照标识（见 GET /snapshot）", pattern=r"^[0-9a-f]{16}-[0-9]+$")
    ],
) -> Response:
    """The snapshot file; a Range header answers 206 with the part asked for. Only a user of
    the scope it was built for gets it."""
    platform = platform_of(request)
    key = scope_key(caller.viewer)
    built = (
        cached(folder_of(platform.data_dir), snapshot_id) if snapshot_id.startswith(key) else None
    )
    if built is None:
        # the same answer for an unknown, replaced or someone else's snapshot: no leak
        raise not_found("快照不存在、已被更新的快照取代或不属于您的查看范围")
    try:
        stat = os.stat(built.path)
    except FileNotFoundError:
        raise not_found("快照已被更新的快照取代") from None
    return _CheckedRangeFile(
        built.path,
        media_type=SNAPSHOT_MEDIA,
        headers={"ETag": f'"{built.sha256}"'},
        stat_result=stat,
    )
