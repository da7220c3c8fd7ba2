"""The local view of a clue written back as a protocol clue object (for checks and tests)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.timeutil import to_china
from desktop.store.clue_rows import assisting_codes
from desktop.store.database import Store
from desktop.store.models import Attachment, Clue, ClueAttachment, ClueEvent, Notice, NoticeEvent
from desktop.store.notice_rows import state_of
from desktop.store.sync_apply.parse import (
    BLANKABLE_FIELDS,
    ENUM_FIELDS,
    OPTIONAL_TEXT_FIELDS,
    OPTIONAL_TIME_FIELDS,
    TEXT_FIELDS,
)


def _iso(value: datetime | None) -> str | None:
    return to_china(value).isoformat() if value is not None else None


def export_clue(store: Store, code: str) -> dict[str, Any] | None:
    """The local view of a clue as a protocol clue object (None if the store lacks it)."""
    with store.session() as session:
        row = session.scalars(select(Clue).where(Clue.code == code)).one_or_none()
        if row is None:
            return None
        data: dict[str, Any] = {"code": row.code, "version": row.server_version}
        texts = (*ENUM_FIELDS, *TEXT_FIELDS, *BLANKABLE_FIELDS, *OPTIONAL_TEXT_FIELDS)
        for name in (*texts, "latitude", "longitude"):
            data[name] = getattr(row, name)
        for name in ("received_at", "registered_at", *OPTIONAL_TIME_FIELDS):
            data[name] = _iso(getattr(row, name))
        data["extension_requested_days"] = row.extension_requested_days
        data["extended_days"] = row.extended_days
        data["assisting_units"] = list(assisting_codes(session, row.id))
        data["events"] = [
            {
                "action_id": e.action_id,
                "action": e.action,
                "username": e.username,
                "unit_code": e.unit_code,
                "device_id": e.device_id,
                "at": _iso(e.at),
                "from_status": e.from_status,
                "to_status": e.to_status,
                "note": e.note,
                "details": e.details,
                "pending": e.pending,
            }
            for e in session.scalars(
                select(ClueEvent).where(ClueEvent.clue_id == row.id).order_by(ClueEvent.id)
            )
        ]
        data["attachments"] = [
            {
                "sha256": link.sha256,
                "name": link.name,
                "size": size,
                "media_type": media_type,
                "added_at": _iso(link.added_at),
                "added_by": link.added_by,
            }
            for link, size, media_type in session.execute(
                select(ClueAttachment, Attachment.size, Attachment.media_type)
                .join(Attachment, Attachment.sha256 == ClueAttachment.sha256)
                .where(ClueAttachment.clue_id == row.id)
                .order_by(ClueAttachment.added_at, ClueAttachment.sha256)
            )
        ]
        data["notices"] = _notices(session, row)
        return data


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
            {
                "action_id": e.action_id,
                "action": e.action,
                "username": e.username,
                "unit_code": e.unit_code,
                "device_id": e.device_id,
                "at": _iso(e.at),
                "from_status": e.from_status,
                "to_status": e.to_status,
                "note": e.note,
                "details": e.details,
            }
            for e in session.scalars(
                select(NoticeEvent)
                .where(NoticeEvent.notice_id == notice.notice_id)
                .order_by(NoticeEvent.id)
            )
        ]
        out.append(item)
    return out
