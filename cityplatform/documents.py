"""Clue objects of the protocol, built as plain dicts for many clues in a few queries."""

from __future__ import annotations

import mimetypes
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, Row, select
from sqlalchemy.orm import Session

from cityplatform.jsonresp import columns
from cityplatform.models import (
    AssistingUnit,
    Attachment,
    Case,
    CaseEvent,
    Clue,
    ClueAttachment,
    ClueEvent,
    Notice,
    NoticeEvent,
    WarningEpisodeRow,
)
from cityplatform.scope import Viewer
from desktop.domain.reporter_privacy import REPORTER_REVEALED
from desktop.domain.validators import mask_name, mask_phone
from desktop.wire.records import CaseEvent as CaseEventOut
from desktop.wire.records import ClueEvent as ClueEventOut
from desktop.wire.records import ClueOut
from desktop.wire.records import NoticeEvent as NoticeEventOut

CLUE_COLUMNS = (Clue.id, Clue.seq, *columns(Clue, ClueOut))
"""What a clue object needs of its row: the wire's fields that are columns, id and seq."""

EVENT_COLUMNS = (ClueEvent.clue_id, *columns(ClueEvent, ClueEventOut))

OCTET = "application/octet-stream"
MASKED_DETAILS = {"reporter_name": mask_name, "reporter_phone": mask_phone}


def select_clues(where: ColumnElement[bool], limit: int | None = None) -> Any:
    """SELECT of the clue columns the documents need, in seq order."""
    statement = select(*CLUE_COLUMNS).where(where).order_by(Clue.seq)
    if limit is not None:
        statement = statement.limit(limit)
    return statement


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
    session: Session, rows: Sequence[Row[Any]], viewer: Viewer
) -> list[dict[str, Any]]:
    """The protocol's clue objects for rows of `select_clues`, in the rows' order, as
    `viewer` gets them: the reporter (in the clue's fields and in every history entry's
    details) masked unless `viewer.may_see_reporter`, reveal entries only for those who
    `sees_reveals`.

    Events, assisting units, attachments, notices and cases come from one query each (no N+1).
    """
    if not rows:
        return []
    ids = [row.id for row in rows]
    masked = {row.id for row in rows if not viewer.may_see_reporter(row)}
    hidden_reveals = {row.id for row in rows if not viewer.sees_reveals(row)}
    events: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for e in session.execute(
        select(*EVENT_COLUMNS)
        .where(ClueEvent.clue_id.in_(ids))
        .order_by(ClueEvent.clue_id, ClueEvent.id)
    ):
        if e.action == REPORTER_REVEALED and e.clue_id in hidden_reveals:
            continue
        event = dict(e._mapping)
        if e.clue_id in masked:
            event["details"] = _masked_details(event["details"])
        events[e.clue_id].append(event)
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
        media = a.media_type
        if media == OCTET:
            media = mimetypes.guess_type(a.name)[0] or OCTET
        attachments[a.clue_id].append({**a._mapping, "media_type": media})
    notices = notice_documents(session, ids)
    cases = case_documents(session, ids)
    warnings = warning_documents(session, ids)
    out = []
    for r in rows:
        clue_id = r.id
        document = dict(r._mapping)
        if clue_id in masked:
            document["reporter_name"] = mask_name(r.reporter_name)
            document["reporter_phone"] = mask_phone(r.reporter_phone)
        document["version"] = r.seq
        document["assisting_units"] = assisting.get(clue_id, [])
        document["events"] = events.get(clue_id, [])
        document["attachments"] = attachments.get(clue_id, [])
        document["notices"] = [{**n, "clue_code": r.code} for n in notices.get(clue_id, [])]
        document["cases"] = [{**c, "clue_code": r.code} for c in cases.get(clue_id, [])]
        document["warnings"] = warnings.get(clue_id, [])
        out.append(document)
    return out


WARNING_COLUMNS = (
    WarningEpisodeRow.clue_id,
    WarningEpisodeRow.stage,
    WarningEpisodeRow.level,
    WarningEpisodeRow.deadline,
    WarningEpisodeRow.reached_at,
    WarningEpisodeRow.cleared_at,
    WarningEpisodeRow.cleared_by,
    WarningEpisodeRow.unit_code.label("unit"),
)


def warning_documents(session: Session, clue_ids: Sequence[int]) -> dict[int, list[dict[str, Any]]]:
    """The warning record of the clues (`WarningOut` objects), by clue id, in the order the
    levels were reached; one query for all the clues."""
    found: dict[int, list[dict[str, Any]]] = defaultdict(list)
    if not clue_ids:
        return found
    rows = session.execute(
        select(*WARNING_COLUMNS)
        .where(WarningEpisodeRow.clue_id.in_(list(clue_ids)))
        .order_by(
            WarningEpisodeRow.clue_id,
            WarningEpisodeRow.reached_at,
            WarningEpisodeRow.level,
            WarningEpisodeRow.id,
        )
    )
    for row in rows:
        episode = dict(row._mapping)
        found[episode.pop("clue_id")].append(episode)
    return found


NOTICE_EVENT_COLUMNS = (NoticeEvent.notice_id, *columns(NoticeEvent, NoticeEventOut))
CASE_EVENT_COLUMNS = (CaseEvent.case_id, *columns(CaseEvent, CaseEventOut))


def _record_documents(
    session: Session,
    clue_ids: Sequence[int],
    table: Any,
    history: Any,
    event_columns: Sequence[Any],
    key: str,
) -> dict[int, list[dict[str, Any]]]:
    """The protocol's objects of a clue's records (notices or cases), by clue id, oldest
    first: each record's state (its `state` JSON) with its `version` (the change that last
    changed it) and its complete history; two queries for all the clues."""
    found: dict[int, list[dict[str, Any]]] = defaultdict(list)
    if not clue_ids:
        return found
    record_id = getattr(table, key)
    rows = session.execute(
        select(table.clue_id, record_id.label("record_id"), table.seq, table.state)
        .where(table.clue_id.in_(list(clue_ids)))
        .order_by(table.clue_id, table.created_at, record_id)
    ).all()
    if not rows:
        return found
    events: dict[str, list[dict[str, Any]]] = defaultdict(list)
    event_key = getattr(history, key)
    for e in session.execute(
        select(*event_columns)
        .where(event_key.in_([r.record_id for r in rows]))
        .order_by(event_key, history.id)
    ):
        events[getattr(e, key)].append(dict(e._mapping))
    for r in rows:
        found[r.clue_id].append(
            {**r.state, "version": r.seq, "events": events.get(r.record_id, [])}
        )
    return found


def notice_documents(session: Session, clue_ids: Sequence[int]) -> dict[int, list[dict[str, Any]]]:
    """The protocol's notice objects of the clues, by clue id, oldest notice first.

    A notice object is the notice's state (`NoticeState.to_dict()`) with its `version` (the
    change that last changed it) and its complete history; two queries for all the clues.
    """
    return _record_documents(
        session, clue_ids, Notice, NoticeEvent, NOTICE_EVENT_COLUMNS, "notice_id"
    )


def case_documents(session: Session, clue_ids: Sequence[int]) -> dict[int, list[dict[str, Any]]]:
    """The protocol's penalty-case objects of the clues, by clue id, oldest case first (the
    case's state, `CaseState.to_dict()`, with its `version` and complete history)."""
    return _record_documents(session, clue_ids, Case, CaseEvent, CASE_EVENT_COLUMNS, "case_id")


def notice_document(session: Session, notice_id: str, clue_code: str) -> dict[str, Any] | None:
    """The notice object of one notice, or None."""
    clue_id = session.scalar(select(Notice.clue_id).where(Notice.notice_id == notice_id))
    if clue_id is None:
        return None
    for item in notice_documents(session, [clue_id])[clue_id]:
        if item["notice_id"] == notice_id:
            return {**item, "clue_code": clue_code}
    return None


def case_document(session: Session, case_id: str, clue_code: str) -> dict[str, Any] | None:
    """The penalty-case object of one case, or None."""
    clue_id = session.scalar(select(Case.clue_id).where(Case.case_id == case_id))
    if clue_id is None:
        return None
    for item in case_documents(session, [clue_id])[clue_id]:
        if item["case_id"] == case_id:
            return {**item, "clue_code": clue_code}
    return None


def clue_document(session: Session, code: str, viewer: Viewer) -> dict[str, Any] | None:
    """The clue object of one clue by code as `viewer` gets it (see `clue_documents`), or
    None."""
    rows = session.execute(select_clues(Clue.code == code)).all()
    documents = clue_documents(session, rows, viewer)
    return documents[0] if documents else None
