"""GET /api/v1/verification: the weekly verification batches of the caller's office (每周核查),
in change order after a cursor of their own, and the batch documents push answers carry.

The cursor has the pull's shape (seq, scope epoch, database instance): a client whose scope
or platform changed is told to start again (410). A batch changes seq whenever a draw or a
result touches it, so a page from a cursor holds every batch that changed since.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from sqlalchemy import select
from sqlalchemy.orm import Session
from starlette.responses import Response

from cityplatform.auth import CallerDep
from cityplatform.context import platform_of
from cityplatform.errors import AUTHENTICATED_ERRORS, ApiError, bad_request, error_responses
from cityplatform.jsonresp import wire_response
from cityplatform.models import VerificationBatch, VerificationItem, VerificationResultRow
from cityplatform.pull import CURSOR_HELP, LIMIT_HELP, Cursor
from cityplatform.state import CHANGE_SEQ, INSTANCE_ID, counter_value, get_setting
from desktop.wire.verification import VerificationPage

router = APIRouter(prefix="/api/v1", tags=["sync"])


def batch_documents(session: Session, batches: Sequence[VerificationBatch]) -> list[dict[str, Any]]:
    """The wire documents of batches: items in drawing order with their results by round."""
    ids = [b.batch_id for b in batches]
    if not ids:
        return []
    items: dict[str, list[VerificationItem]] = {}
    for item in session.scalars(
        select(VerificationItem)
        .where(VerificationItem.batch_id.in_(ids))
        .order_by(VerificationItem.batch_id, VerificationItem.position)
    ):
        items.setdefault(item.batch_id, []).append(item)
    results: dict[tuple[str, str], list[VerificationResultRow]] = {}
    for result in session.scalars(
        select(VerificationResultRow)
        .where(VerificationResultRow.batch_id.in_(ids))
        .order_by(VerificationResultRow.round)
    ):
        results.setdefault((result.batch_id, result.clue_code), []).append(result)
    return [
        {
            "batch_id": b.batch_id,
            "office": b.office,
            "week": b.week,
            "plan": b.plan,
            "seed": b.seed,
            "drawn_by": b.drawn_by,
            "drawn_by_name": b.drawn_by_name,
            "drawn_at": b.drawn_at,
            "version": b.seq,
            "items": [
                {
                    "clue_code": i.clue_code,
                    "unit_code": i.unit_code,
                    "channel": i.channel,
                    "closed_at": i.closed_at,
                    "dropped": i.dropped,
                    "results": [
                        {
                            "round": r.round,
                            "verdict": r.verdict,
                            "note": r.note,
                            "attachments": r.attachments or [],
                            "verified_by": r.verified_by,
                            "verified_by_name": r.verified_by_name,
                            "verified_at": r.verified_at,
                            "action_id": r.action_id,
                        }
                        for r in results.get((b.batch_id, i.clue_code), [])
                    ],
                }
                for i in items.get(b.batch_id, [])
            ],
        }
        for b in batches
    ]


def batch_document(session: Session, batch_id: str) -> dict[str, Any] | None:
    """One batch's document (None: no such batch)."""
    batch = session.scalar(select(VerificationBatch).where(VerificationBatch.batch_id == batch_id))
    return batch_documents(session, [batch])[0] if batch is not None else None


def read_verification_page(
    session: Session, office: str, epoch: int, cursor: Cursor | None, limit: int
) -> dict[str, Any]:
    """One page of an office's batches, read in one snapshot."""
    head = counter_value(session, CHANGE_SEQ)
    instance = get_setting(session, INSTANCE_ID)
    after = 0
    if cursor is not None:
        if cursor.instance != instance or cursor.seq > head:
            raise ApiError(410, "reset_required", "平台数据已重建，请重新同步")
        if cursor.epoch != epoch:
            raise ApiError(410, "reset_required", "您的单位或角色已变更，请重新同步")
        after = cursor.seq
    rows = list(
        session.scalars(
            select(VerificationBatch)
            .where(VerificationBatch.office == office, VerificationBatch.seq > after)
            .order_by(VerificationBatch.seq)
            .limit(limit + 1)
        )
    )
    picked, more = rows[:limit], len(rows) > limit
    last = picked[-1].seq if picked and more else max(head, after)
    return {
        "batches": batch_documents(session, picked),
        "cursor": Cursor(last, epoch, instance).encode(),
        "more": more,
    }


@router.get(
    "/verification",
    response_model=VerificationPage,
    responses=error_responses(*AUTHENTICATED_ERRORS, 410),
    summary="拉取本单位的每周核查批次",
)
def verification(
    request: Request,
    caller: CallerDep,
    cursor: Annotated[str | None, Query(description=CURSOR_HELP)] = None,
    limit: Annotated[int | None, Query(ge=1, description=LIMIT_HELP)] = None,
) -> Response:
    """The weekly verification batches of the caller's office that changed after `cursor`
    (none: all of them), at most `limit` (≤ the pull page limit)."""
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
        page = read_verification_page(session, caller.unit.code, caller.scope_epoch, position, size)
    return wire_response(VerificationPage, page)
