"""Importing a channel's list into the store: every row checked against the REGISTER rules and
against the work-order numbers the store already knows (clues of the scope, registrations
waiting in the outbox), and the whole valid rows queued as REGISTER actions in one
transaction. Importing the same list twice adds nothing: each of its rows is a duplicate.

Also the column mapping of each channel, remembered for the next list."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.codes import Channel
from desktop.domain.import_mapping import FIELDS_BY_KEY
from desktop.domain.import_rows import (
    ImportSetup,
    Judging,
    RowResult,
    RowStatus,
    check_rows,
    code_text,
)
from desktop.domain.import_table import ImportTable
from desktop.domain.timeutil import to_china
from desktop.domain.workflow import Action
from desktop.store.clue_rows import load_judging
from desktop.store.database import Store
from desktop.store.local_actions import record_action
from desktop.store.models import Clue, ImportMapping, OutboxAction

Progress = Callable[[int, int], None]
"""progress(rows done, rows to queue)."""

_CHUNK = 500


def import_judging(session: Session, username: str, device_id: str) -> Judging:
    """The user, directory, rules and calendar an import's rows are judged by."""
    actor, units, rules, calendar = load_judging(session, username, device_id)
    return Judging(actor, units, rules, calendar)


def known_refs(session: Session, channel: Channel, refs: Iterable[str]) -> dict[str, str]:
    """The work-order numbers of a channel the store already has a clue for (a clue of the
    scope, or one registered here and waiting in the outbox): number → clue code."""
    wanted = sorted({r for r in refs if r})
    found: dict[str, str] = {}
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        rows = session.execute(
            select(Clue.channel_ref, Clue.code)
            .where(Clue.channel == channel.value, Clue.channel_ref.in_(chunk))
            .order_by(Clue.id)
        )
        for ref, code in rows:
            found.setdefault(ref, code)
    queued = session.execute(
        select(OutboxAction.payload, OutboxAction.clue_code).where(
            OutboxAction.command_type == Action.REGISTER.command_type
        )
    )
    targets = set(wanted)
    for payload, code in queued:
        if isinstance(payload, Mapping) and payload.get("channel") == channel.value:
            ref = str(payload.get("channel_ref") or "")
            if ref in targets:
                found.setdefault(ref, code)
    return found


def _setup(
    session: Session,
    username: str,
    device_id: str,
    channel: Channel,
    columns: Mapping[str, int | None],
    now: datetime,
) -> ImportSetup:
    return ImportSetup(channel, columns, import_judging(session, username, device_id), now)


def _refs(table: ImportTable, columns: Mapping[str, int | None]) -> list[str]:
    column = columns.get("channel_ref")
    return [code_text(row.cell(column)) for row in table.rows]


def preview_import(
    store: Store,
    username: str,
    device_id: str,
    table: ImportTable,
    channel: Channel,
    columns: Mapping[str, int | None],
    now: datetime,
) -> tuple[RowResult, ...]:
    """The row report of a list as importing it now would make it, writing nothing."""
    with store.session() as session:
        setup = _setup(session, username, device_id, channel, columns, to_china(now))
        return check_rows(table, setup, known_refs(session, channel, _refs(table, columns)))


def queue_import(
    store: Store,
    username: str,
    device_id: str,
    table: ImportTable,
    channel: Channel,
    columns: Mapping[str, int | None],
    now: datetime,
    *,
    mapping: Mapping[str, str | None] | None = None,
    progress: Progress | None = None,
) -> tuple[RowResult, ...]:
    """Check every row and queue the accepted ones as REGISTER actions, all in one
    transaction (and remember `mapping` for the channel); the row report, each queued row
    with its provisional clue code."""
    moment = to_china(now)
    with store.session() as session, session.begin():
        setup = _setup(session, username, device_id, channel, columns, moment)
        judging = setup.judging
        results = check_rows(table, setup, known_refs(session, channel, _refs(table, columns)))
        accepted = sum(r.status is RowStatus.ACCEPTED for r in results)
        done: list[RowResult] = []
        queued = 0
        for result in results:
            if result.status is not RowStatus.ACCEPTED:
                done.append(result)
                continue
            local = record_action(
                session,
                username,
                device_id,
                Action.REGISTER,
                None,
                result.payload,
                moment,
                str(uuid.uuid4()),
                judging=(judging.actor, dict(judging.units), judging.rules, judging.calendar),
            )
            done.append(
                RowResult(
                    result.number,
                    result.status,
                    result.channel_ref,
                    payload=result.payload,
                    clue_code=local.clue_code,
                )
            )
            queued += 1
            if progress is not None:
                progress(queued, accepted)
        if mapping is not None:
            save_mapping(session, channel, mapping, moment)
    return tuple(done)


# --------------------------------------------------------------------------- mappings


def remembered_mapping(store: Store, channel: Channel) -> dict[str, str | None] | None:
    """The column mapping last used for a channel's lists (field → header), or None."""
    with store.session() as session:
        row = session.get(ImportMapping, channel.value)
        if row is None or not isinstance(row.columns, Mapping):
            return None
        return {
            str(k): (str(v) if v else None) for k, v in row.columns.items() if k in FIELDS_BY_KEY
        }


def save_mapping(
    session: Session, channel: Channel, mapping: Mapping[str, str | None], now: datetime
) -> None:
    """Remember a channel's column mapping (inside the caller's transaction)."""
    columns: dict[str, Any] = {k: v for k, v in mapping.items() if k in FIELDS_BY_KEY}
    row = session.get(ImportMapping, channel.value)
    if row is None:
        session.add(ImportMapping(channel=channel.value, columns=columns, updated_at=now))
    else:
        row.columns = columns
        row.updated_at = now


def remember_mapping(
    store: Store, channel: Channel, mapping: Mapping[str, str | None], now: datetime
) -> None:
    """Remember a channel's column mapping in its own transaction."""
    with store.session() as session, session.begin():
        save_mapping(session, channel, mapping, to_china(now))
