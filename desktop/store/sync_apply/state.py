"""The sync state: small named values in `sync_state` (cursor, device id, binding, last run)
and the status the sync panel shows."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from desktop.domain.timeutil import china_now
from desktop.store.database import Store
from desktop.store.models import OutboxAction, SyncState
from desktop.store.sync_apply.outbox import PENDING, REJECTED


def get_value(session: Session, key: str, default: Any = None) -> Any:
    """A sync state value in the caller's transaction."""
    row = session.get(SyncState, key)
    return default if row is None else row.value


def put_value(session: Session, key: str, value: Any) -> None:
    """Set a sync state value in the caller's transaction (None removes the key)."""
    if value is None:
        session.execute(delete(SyncState).where(SyncState.key == key))
    else:
        session.merge(SyncState(key=key, value=value))


def save_cursor(session: Session, cursor: str | None) -> None:
    """Keep the pull cursor (in the transaction that applied its page)."""
    put_value(session, "cursor", cursor)


def read_state(store: Store, key: str, default: Any = None) -> Any:
    """A value of the sync state (cursor, server_url, user, last_sync_at, …)."""
    with store.session() as session:
        return get_value(session, key, default)


def write_state(store: Store, **values: Any) -> None:
    """Set sync state values in one transaction (None removes a key)."""
    with store.session() as session, session.begin():
        for key, value in values.items():
            put_value(session, key, value)


def device_id(store: Store) -> str:
    """This device's id: generated once, then always the same for this store."""
    with store.session() as session, session.begin():
        current = get_value(session, "device_id")
        if current is None:
            current = str(uuid.uuid4())
            put_value(session, "device_id", current)
        return str(current)


def mark_synced(store: Store, *, skew_seconds: float | None) -> str:
    """Record the end of a successful sync run; returns its time (ISO)."""
    stamp = china_now().isoformat()
    write_state(store, last_sync_at=stamp, clock_skew_seconds=skew_seconds)
    return stamp


@dataclass(frozen=True)
class SyncStatus:
    """What the sync panel shows: binding, device, cursor, last run, clock, outbox."""

    server_url: str | None
    user: Mapping[str, Any] | None
    device_id: str | None
    cursor: str | None
    last_sync_at: str | None
    clock_skew_seconds: float | None
    pending: int
    problems: int


def sync_status(store: Store) -> SyncStatus:
    """The store's sync state and outbox counts."""
    with store.session() as session:
        counts = dict(
            session.execute(
                select(OutboxAction.state, func.count()).group_by(OutboxAction.state)
            ).all()
        )
        return SyncStatus(
            server_url=get_value(session, "server_url"),
            user=get_value(session, "user"),
            device_id=get_value(session, "device_id"),
            cursor=get_value(session, "cursor"),
            last_sync_at=get_value(session, "last_sync_at"),
            clock_skew_seconds=get_value(session, "clock_skew_seconds"),
            pending=int(counts.get(PENDING, 0)),
            problems=int(counts.get(REJECTED, 0)),
        )
