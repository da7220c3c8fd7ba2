"""The local view of a clue written back as a protocol clue object (for checks and tests)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.store import case_rows
from desktop.store.clue_rows import assisting_codes
from desktop.store.database import Store
from desktop.store.models import (
    Attachment,
    Case,
    CaseEvent,
    Clue,
    ClueAttachment,
    ClueEvent,
    Notice,
    NoticeEvent,
    WarningEpisode,
)
from desktop.store.notice_rows import state_of
from desktop.store.sync_apply.parse import VALUE_FIELDS
from desktop.wire import records as wire
from desktop.wire.base import build

EVENT_FIELDS = tuple(wire.Event.model_fields)


def _event(row: Any) -> dict[str, Any]:
    return {name: getattr(row, name) for name in EVENT_FIELDS}


def export_clue(store: Store, code: str) -> dict[str, Any] | None:
    """The local view of a clue as a protocol clue object (None if the store lacks it)."""
    with store.session() as session:
        row = session.scalars(select(Clue).where(Clue.code == code)).one_or_none()
        if row is None:
            return None
        data: dict[str, Any] = {name: getattr(row, name) for name in VALUE_FIELDS}
        data["code"] = row.code
        data["version"] = row.server_version
        data["assisting_units"] = list(assisting_codes(session, row.id))
        data["events"] = [
            _event(e)
            for e in session.scalars(
                select(ClueEvent).where(ClueEvent.clue_id == row.id).order_by(ClueEvent.id)
            )
        ]
        data["attachments"] = [
            {**_link(link), "size": size, "media_type": media_type}
            for link, size, media_type in session.execute(
                select(ClueAttachment, Attachment.size, Attachment.media_type)
                .join(Attachment, Attachment.sha256 == ClueAttachment.sha256)
                .where(ClueAttachment.clue_id == row.id)
                .order_by(ClueAttachment.added_at, ClueAttachment.sha256)
            )
        ]
        data["notices"] = _notices(session, row)
        data["cases"] = _cases(session, row)
        data["warnings"] = _warnings(session, row)
        return build(wire.ClueOut, data).model_dump(mode="json")


def _warnings(session: Session, clue: Clue) -> list[dict[str, Any]]:
    """The clue's warning record as protocol objects, in the platform's order."""
    rows = session.scalars(
        select(WarningEpisode)
        .where(WarningEpisode.clue_id == clue.id)
        .order_by(WarningEpisode.reached_at, WarningEpisode.level, WarningEpisode.id)
    )
    return [
        {
            "stage": w.stage,
            "level": w.level,
            "deadline": w.deadline,
            "reached_at": w.reached_at,
            "cleared_at": w.cleared_at,
            "cleared_by": w.cleared_by,
            "unit": w.unit_code,
        }
        for w in rows
    ]


def _link(link: ClueAttachment) -> dict[str, Any]:
    fields = wire.AttachmentOut.model_fields
    return {name: getattr(link, name) for name in fields if hasattr(link, name)}


def _notices(session: Session, clue: Clue) -> list[dict[str, Any]]:
    """The clue's notices as protocol notice objects, in the platform's order."""
    out = []
    rows = session.scalars(
        select(Notice)
        .where(Notice.clue_id == clue.id)
        .order_by(Notice.created_at, Notice.notice_id)
    )
    for notice in rows:
        item = state_of(notice, clue.code).to_dict()
        item["version"] = notice.server_version
        item["events"] = [
            _event(e)
            for e in session.scalars(
                select(NoticeEvent)
                .where(NoticeEvent.notice_id == notice.notice_id)
                .order_by(NoticeEvent.id)
            )
        ]
        out.append(item)
    return out


def _cases(session: Session, clue: Clue) -> list[dict[str, Any]]:
    """The clue's penalty cases as protocol case objects, in the platform's order."""
    out = []
    rows = session.scalars(
        select(Case).where(Case.clue_id == clue.id).order_by(Case.created_at, Case.case_id)
    )
    for case in rows:
        item = case_rows.state_of(case, clue.code).to_dict()
        item["version"] = case.server_version
        item["events"] = [
            _event(e)
            for e in session.scalars(
                select(CaseEvent).where(CaseEvent.case_id == case.case_id).order_by(CaseEvent.id)
            )
        ]
        out.append(item)
    return out
