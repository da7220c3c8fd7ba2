"""The store side of syncing the commissions' own records: the next batch of queued actions,
the files they cite, recording the platform's answers, and writing a page of the supervision
feed (each one transaction; the local view rebuilt for every record touched).

A full fetch (no cursor) is mark-and-sweep like the clue feed's reset: every record from the
platform is marked (server_version 0) and the page that ends the fetch deletes the marked
records no pending action needs.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select, update

from desktop.domain.timeutil import to_china
from desktop.store.attachments import payload_files
from desktop.store.database import Store
from desktop.store.models import SupervisionOutbox
from desktop.store.supervision_rows import (
    KINDS,
    PENDING,
    StoredKind,
    kind_of_command,
    rebuild_view,
)
from desktop.store.sync_apply.record_outbox import (
    PushTally,
    next_actions,
    outbox_counts,
    take_answer,
)
from desktop.store.sync_apply.state import get_value, put_value
from desktop.wire.supervision import SupervisionChange
from desktop.wire.sync import PushResult

CURSOR_KEY = "supervision_cursor"
"""The sync_state key of the supervision feed's cursor."""


def next_supervision_batch(store: Store, limit: int) -> list[dict[str, Any]]:
    """The next queued actions to push, oldest first, as protocol JSON (no clue code)."""
    return next_actions(store, SupervisionOutbox, limit)


def supervision_files(store: Store) -> list[tuple[str, str]]:
    """The files (sha256, name) queued actions cite, to upload before pushing them."""
    with store.session() as session:
        found: dict[str, str] = {}
        for payload in session.scalars(
            select(SupervisionOutbox.payload).where(SupervisionOutbox.state == PENDING)
        ):
            for sha, name in payload_files(payload):
                found.setdefault(sha, name)
        return list(found.items())


def supervision_counts(store: Store) -> tuple[int, int]:
    """(pending, rejected) queued actions on commission records."""
    return outbox_counts(store, SupervisionOutbox)


def _write(session: Any, kind: StoredKind, document: Any) -> str:
    """Store the platform's state and history of one record (unless older than ours)."""
    data = document.model_dump(mode="json")
    record_id = data[kind.id_key]
    version, events = data.pop("version"), data.pop("events")
    row = kind.row(session, record_id)
    if row is not None and row.server_state is not None and row.server_version > version:
        return record_id
    state = kind.from_dict(data)
    if row is None:
        row = kind.show(session, None, record_id, state, state.created_at)
        session.flush()
    row.server_state = state.to_dict()
    row.server_version = version
    event = kind.event_model
    key = getattr(event, kind.id_key)
    session.execute(delete(event).where(key == record_id, event.pending.is_(False)))
    confirmed = [e["action_id"] for e in events]
    session.execute(delete(event).where(event.action_id.in_(confirmed)))
    for e in events:
        session.add(
            event(
                **{kind.id_key: record_id},
                **{k: e[k] for k in ("action_id", "action", "username", "unit_code")},
                device_id=e.get("device_id", ""),
                at=to_china(datetime.fromisoformat(e["at"])),
                from_status=e.get("from_status"),
                to_status=e["to_status"],
                note=e.get("note", ""),
                details=e.get("details") or {},
                pending=False,
            )
        )
    return record_id


def record_supervision_results(
    store: Store, sent: Sequence[dict[str, Any]], results: Sequence[PushResult]
) -> PushTally:
    """Record the platform's answers to a pushed batch in one transaction."""
    tally = PushTally()
    with store.session() as session, session.begin():
        touched: set[tuple[str, str]] = set()
        for action, result in zip(sent, results, strict=True):
            kind = kind_of_command(str(action["type"]))
            record_id = str(action["payload"][kind.id_key])
            act = session.scalars(
                select(SupervisionOutbox).where(SupervisionOutbox.action_id == result.action_id)
            ).first()
            if take_answer(session, act, result, tally):
                document = getattr(result, kind.name)
                if document is not None:
                    _write(session, kind, document)
                session.execute(
                    update(kind.event_model)
                    .where(kind.event_model.action_id == result.action_id)
                    .values(pending=False)
                )
            elif result.status != "retry":  # refused: its step leaves the record's history
                session.execute(
                    delete(kind.event_model).where(
                        kind.event_model.action_id == result.action_id,
                        kind.event_model.pending.is_(True),
                    )
                )
            touched.add((kind.name, record_id))
        session.flush()
        for name, record_id in touched:
            rebuild_view(session, KINDS[name], record_id)
    return tally


def read_supervision_cursor(store: Store) -> str | None:
    """Where this device stands in the supervision feed (None: fetch everything)."""
    with store.session() as session:
        value = get_value(session, CURSOR_KEY, None)
        return str(value) if value else None


def apply_supervision_page(
    store: Store, changes: Sequence[SupervisionChange], cursor: str, *, more: bool, full: bool
) -> int:
    """Write one page of the feed and its cursor in one transaction; the records written.

    `full`: the fetch started without a cursor — the first page marks every platform record,
    the last one sweeps those the fetch did not bring and no pending action needs.
    """
    with store.session() as session, session.begin():
        if full and not get_value(session, "supervision_sweeping", False):
            for kind in KINDS.values():
                session.execute(
                    update(kind.model)
                    .where(kind.model.server_state.is_not(None))
                    .values(server_version=0)
                )
            put_value(session, "supervision_sweeping", True)
        touched: list[tuple[StoredKind, str]] = []
        for change in changes:
            kind = KINDS[change.kind]
            document = getattr(change, change.kind)
            touched.append((kind, _write(session, kind, document)))
        session.flush()
        for kind, record_id in touched:
            rebuild_view(session, kind, record_id)
        if not more and get_value(session, "supervision_sweeping", False):
            _sweep(session)
            put_value(session, "supervision_sweeping", None)
        put_value(session, CURSOR_KEY, cursor)
        return len(touched)


def _sweep(session: Any) -> None:
    """Delete the marked platform records that no pending action needs."""
    waiting = set(
        session.scalars(
            select(SupervisionOutbox.record_id).where(SupervisionOutbox.state == PENDING)
        )
    )
    for kind in KINDS.values():
        stale = session.scalars(
            select(kind.model).where(
                kind.model.server_state.is_not(None), kind.model.server_version == 0
            )
        )
        for row in stale:
            if getattr(row, kind.id_key) not in waiting:
                session.delete(row)


def restart_supervision_feed(store: Store) -> None:
    """Forget the feed's cursor: the next fetch brings everything again (and sweeps)."""
    with store.session() as session, session.begin():
        put_value(session, CURSOR_KEY, None)
        put_value(session, "supervision_sweeping", None)


def drop_supervision_records(store: Store) -> int:
    """Another account takes the store over: delete every commission record no queued action
    of this device needs, with the feed's cursor; the number of records deleted."""
    with store.session() as session, session.begin():
        waiting = set(session.scalars(select(SupervisionOutbox.record_id)))
        dropped = 0
        for kind in KINDS.values():
            for row in session.scalars(select(kind.model)):
                if getattr(row, kind.id_key) not in waiting:
                    session.delete(row)
                    dropped += 1
        put_value(session, CURSOR_KEY, None)
        put_value(session, "supervision_sweeping", None)
        return dropped
