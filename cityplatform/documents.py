"""Clue objects of the protocol, built as plain dicts for many clues in a few queries."""

from __future__ import annotations

import mimetypes
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Row, select
from sqlalchemy.orm import Session

from cityplatform.models import (
    AssistingUnit,
    Attachment,
    Clue,
    ClueAttachment,
    ClueEvent,
    Notice,
    NoticeEvent,
)
from desktop.domain.validators import mask_name, mask_phone

CLUE_COLUMNS = (
    Clue.id,
    Clue.code,
    Clue.seq,
    Clue.channel,
    Clue.category,
    Clue.priority,
    Clue.received_at,
    Clue.reporter_name,
    Clue.reporter_phone,
    Clue.address,
    Clue.county_code,
    Clue.township_code,
    Clue.latitude,
    Clue.longitude,
    Clue.subject_name,
    Clue.subject_credit_code,
    Clue.description,
    Clue.status,
    Clue.lead_unit,
    Clue.registered_at,
    Clue.registered_by_unit,
    Clue.dispatched_at,
    Clue.signed_at,
    Clue.reported_at,
    Clue.closed_at,
    Clue.deadline,
    Clue.handle_deadline,
    Clue.extension_requested_days,
    Clue.extended_days,
)

EVENT_COLUMNS = (
    ClueEvent.clue_id,
    ClueEvent.action_id,
    ClueEvent.action,
    ClueEvent.username,
    ClueEvent.unit_code,
    ClueEvent.device_id,
    ClueEvent.at,
    ClueEvent.from_status,
    ClueEvent.to_status,
    ClueEvent.note,
    ClueEvent.details,
)

OCTET = "application/octet-stream"
MASKED_DETAILS = {"reporter_name": mask_name, "reporter_phone": mask_phone}


def select_clues(where: ColumnElement[bool], limit: int | None = None) -> Any:
    """SELECT of the clue columns the documents need, in seq order."""
    statement = select(*CLUE_COLUMNS).where(where).order_by(Clue.seq)
    if limit is not None:
        statement = statement.limit(limit)
    return statement


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def _masked_details(details: Any) -> Any:
    if not isinstance(details, dict) or not (details.keys() & MASKED_DETAILS.keys()):
        return details
    out = dict(details)
    for key, mask in MASKED_DETAILS.items():
        value = out.get(key)
        if isinstance(value, str) and value:
            out[key] = mask(value)
    return out


def clue_documents(
    session: Session, rows: Sequence[Row[Any]], *, masked: bool = False
) -> list[dict[str, Any]]:
    """The protocol's clue objects for rows of `select_clues`, in the rows' order.

    Events, assisting units and attachments come from one query each (no N+1).
    """
    if not rows:
        return []
    ids = [row.id for row in rows]
    events: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for e in session.execute(
        select(*EVENT_COLUMNS)
        .where(ClueEvent.clue_id.in_(ids))
        .order_by(ClueEvent.clue_id, ClueEvent.id)
    ):
        events[e[0]].append(
            {
                "action_id": e[1],
                "action": e[2],
                "username": e[3],
                "unit_code": e[4],
                "device_id": e[5],
                "at": e[6].isoformat(),
                "from_status": e[7],
                "to_status": e[8],
                "note": e[9],
                "details": _masked_details(e[10]) if masked else e[10],
            }
        )
    assisting: dict[int, list[str]] = defaultdict(list)
    for clue_id, unit_code in session.execute(
        select(AssistingUnit.clue_id, AssistingUnit.unit_code)
        .where(AssistingUnit.clue_id.in_(ids))
        .order_by(AssistingUnit.clue_id, AssistingUnit.position, AssistingUnit.unit_code)
    ):
        assisting[clue_id].append(unit_code)
    attachments: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for a in session.execute(
        select(
            ClueAttachment.clue_id,
            ClueAttachment.sha256,
            ClueAttachment.name,
            Attachment.size,
            Attachment.media_type,
            ClueAttachment.added_at,
            ClueAttachment.added_by,
        )
        .join(Attachment, Attachment.sha256 == ClueAttachment.sha256)
        .where(ClueAttachment.clue_id.in_(ids))
        .order_by(ClueAttachment.clue_id, ClueAttachment.added_at, ClueAttachment.sha256)
    ):
        media = a[4]
        if media == OCTET:
            media = mimetypes.guess_type(a[2])[0] or OCTET
        attachments[a[0]].append(
            {
                "sha256": a[1],
                "name": a[2],
                "size": a[3],
                "media_type": media,
                "added_at": a[5].isoformat(),
                "added_by": a[6],
            }
        )
    notices = notice_documents(session, ids)
    out = []
    for r in rows:
        clue_id = r.id
        reporter_name, reporter_phone = r.reporter_name, r.reporter_phone
        if masked:
            reporter_name = mask_name(reporter_name)
            reporter_phone = mask_phone(reporter_phone)
        out.append(
            {
                "code": r.code,
                "version": r.seq,
                "channel": r.channel,
                "category": r.category,
                "priority": r.priority,
                "received_at": r.received_at.isoformat(),
                "reporter_name": reporter_name,
                "reporter_phone": reporter_phone,
                "address": r.address,
                "county_code": r.county_code,
                "township_code": r.township_code,
                "latitude": r.latitude,
                "longitude": r.longitude,
                "subject_name": r.subject_name,
                "subject_credit_code": r.subject_credit_code,
                "description": r.description,
                "status": r.status,
                "lead_unit": r.lead_unit,
                "assisting_units": assisting.get(clue_id, []),
                "registered_at": r.registered_at.isoformat(),
                "registered_by_unit": r.registered_by_unit,
                "dispatched_at": _iso(r.dispatched_at),
                "signed_at": _iso(r.signed_at),
                "reported_at": _iso(r.reported_at),
                "closed_at": _iso(r.closed_at),
                "deadline": _iso(r.deadline),
                "handle_deadline": _iso(r.handle_deadline),
                "extension_requested_days": r.extension_requested_days,
                "extended_days": r.extended_days,
                "events": events.get(clue_id, []),
                "attachments": attachments.get(clue_id, []),
                "notices": [{**n, "clue_code": r.code} for n in notices.get(clue_id, [])],
            }
        )
    return out


NOTICE_EVENT_COLUMNS = (
    NoticeEvent.notice_id,
    NoticeEvent.action_id,
    NoticeEvent.action,
    NoticeEvent.username,
    NoticeEvent.unit_code,
    NoticeEvent.device_id,
    NoticeEvent.at,
    NoticeEvent.from_status,
    NoticeEvent.to_status,
    NoticeEvent.note,
    NoticeEvent.details,
)


def notice_documents(session: Session, clue_ids: Sequence[int]) -> dict[int, list[dict[str, Any]]]:
    """The protocol's notice objects of the clues, by clue id, oldest notice first.

    A notice object is the notice's state (`NoticeState.to_dict()`) with its `version` (the
    change that last changed it) and its complete history; two queries for all the clues.
    """
    found: dict[int, list[dict[str, Any]]] = defaultdict(list)
    if not clue_ids:
        return found
    rows = session.execute(
        select(Notice.clue_id, Notice.notice_id, Notice.seq, Notice.state)
        .where(Notice.clue_id.in_(list(clue_ids)))
        .order_by(Notice.clue_id, Notice.created_at, Notice.notice_id)
    ).all()
    if not rows:
        return found
    events: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for e in session.execute(
        select(*NOTICE_EVENT_COLUMNS)
        .where(NoticeEvent.notice_id.in_([r.notice_id for r in rows]))
        .order_by(NoticeEvent.notice_id, NoticeEvent.id)
    ):
        events[e[0]].append(
            {
                "action_id": e[1],
                "action": e[2],
                "username": e[3],
                "unit_code": e[4],
                "device_id": e[5],
                "at": e[6].isoformat(),
                "from_status": e[7],
                "to_status": e[8],
                "note": e[9],
                "details": e[10],
            }
        )
    for r in rows:
        found[r.clue_id].append(
            {**r.state, "version": r.seq, "events": events.get(r.notice_id, [])}
        )
    return found


def notice_document(session: Session, notice_id: str, clue_code: str) -> dict[str, Any] | None:
    """The notice object of one notice, or None."""
    clue_id = session.scalar(select(Notice.clue_id).where(Notice.notice_id == notice_id))
    if clue_id is None:
        return None
    for item in notice_documents(session, [clue_id])[clue_id]:
        if item["notice_id"] == notice_id:
            return {**item, "clue_code": clue_code}
    return None


def clue_document(session: Session, code: str, *, masked: bool = False) -> dict[str, Any] | None:
    """The clue object of one clue by code, or None."""
    rows = session.execute(select_clues(Clue.code == code)).all()
    documents = clue_documents(session, rows, masked=masked)
    return documents[0] if documents else None
