"""Filling a store with the demo city: units, users, and generated clues with their histories,
the evidence files they cite (rows, and the files in the store's attachment folder), their
notices and their penalty cases with their histories, as if the platform had sent them.

Generating 100,000 clues is CPU work and so is turning them into rows; writing them is
SQLite's. A second process generates and converts while this one writes, so both cores work.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from itertools import islice
from typing import TYPE_CHECKING, Any

from sqlalchemy import Boolean, Connection, func, insert, or_, select
from sqlalchemy.orm import Session

from desktop.demo.child import PARALLEL_FROM, produced_in_child
from desktop.domain.warning_record import episode_columns
from desktop.store.attachments import attachment_path
from desktop.store.case_rows import CASES
from desktop.store.clue_rows import clue_state, draft_values, load_calendar, state_values
from desktop.store.database import Store
from desktop.store.health import PRIVATE_FILE, private_dir
from desktop.store.models import (
    AssistingUnit,
    Attachment,
    Case,
    CaseEvent,
    Clue,
    ClueAttachment,
    ClueEvent,
    Notice,
    NoticeEvent,
    SyncState,
    Unit,
    User,
    VerificationBatch,
    VerificationItem,
    VerificationResultRow,
    WarningEpisode,
)
from desktop.store.notice_rows import NOTICES
from desktop.store.record_kinds import RecordKind
from desktop.store.search import INSERT_SQL, index_params
from desktop.store.supervision_rows import KINDS
from desktop.store.types import ChinaDateTime, JsonText, china_text, json_text
from desktop.store.warnings import stored_episode

if TYPE_CHECKING:
    from desktop.demo.city import DemoCity
    from desktop.demo.generator import DemoClue, DemoNotice
    from desktop.demo.penalties import DemoCase

BATCH = 5000
EVENT_BASE = uuid.UUID("6f1d3c1e-7a52-4f57-9d3e-000000000000").int
"""Demo history ids: this base plus the clue id and the event's place (stable per seed)."""
NOTICE_EVENT_BASE = uuid.UUID("1a7e5c93-4d28-4b6f-8e05-000000000000").int
"""Demo notice history ids: this base plus (clue id << 8), (the notice's place << 4) and the
event's place."""
CASE_EVENT_BASE = uuid.UUID("9e4d2a17-6c3b-4f85-a1d0-000000000000").int
"""Demo penalty-case history ids: this base plus (clue id << 8), (the case's place << 4) and
the event's place."""

Statement = tuple[str, list[tuple[Any, ...]]]
"""SQL with driver parameters for executemany."""


def load_units_and_users(connection: Connection, city: DemoCity) -> None:
    """Insert the demo city's units (parents first) and users, skipping ones already there."""
    known = set(connection.scalars(select(Unit.code)))
    pending = [u for u in city.units if u.code not in known]
    ordered = []
    placed = set(known)
    while pending:
        ready = [u for u in pending if u.parent_code is None or u.parent_code in placed]
        if not ready:
            raise ValueError("单位树中存在找不到上级的单位：" + pending[0].code)
        ordered.extend(ready)
        placed.update(u.code for u in ready)
        pending = [u for u in pending if u.code not in placed]
    if ordered:
        connection.execute(
            insert(Unit),
            [
                {
                    "code": u.code,
                    "name": u.name,
                    "kind": u.kind.value,
                    "parent_code": u.parent_code,
                    "county_code": u.county_code,
                    "legal_name": u.legal_name,
                    "review_body": u.review_body,
                    "court": u.court,
                }
                for u in ordered
            ],
        )
    users = set(connection.scalars(select(User.username)))
    new_users = [u for u in city.users if u.username not in users]
    if new_users:
        connection.execute(
            insert(User),
            [
                {
                    "username": u.username,
                    "display_name": u.display_name,
                    "role": u.role.value,
                    "unit_code": u.unit_code,
                    "phone": u.phone,
                    "post": u.post.value,
                }
                for u in new_users
            ],
        )


def _converter(column_type: object) -> Callable[[Any], object] | None:
    if isinstance(column_type, ChinaDateTime):
        return china_text
    if isinstance(column_type, JsonText):
        return json_text
    if isinstance(column_type, Boolean):
        return int
    return None


def insert_statement(model: type[Any], rows: list[dict[str, Any]]) -> Statement:
    """An executemany INSERT of plain rows, values stored as the model's column types store them."""
    columns = list(rows[0]) if rows else []
    table = model.__table__
    converters = [
        (i, convert)
        for i, name in enumerate(columns)
        if (convert := _converter(table.c[name].type)) is not None
    ]
    params: list[tuple[Any, ...]] = []
    for row in rows:
        values = [row[name] for name in columns]
        for i, convert in converters:
            if values[i] is not None:
                values[i] = convert(values[i])
        params.append(tuple(values))
    names = ", ".join(columns)
    marks = ", ".join("?" * len(columns))
    return f"INSERT INTO {table.name} ({names}) VALUES ({marks})", params


SearchRows = list[tuple[int, tuple[str, str, str, str]]]
"""Clue id and (code, subject, address, description) of each clue to index for search."""


def clue_statements(
    batch: list[DemoClue], first_id: int, now: datetime
) -> tuple[list[Statement], SearchRows]:
    """The INSERTs of a batch of generated clues (clues, assisting units, history, cited
    files, notices and their history) and what the search index needs; the writer builds
    the index rows, to share the work out."""
    clue_rows: list[dict[str, Any]] = []
    assisting: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    cited: list[dict[str, Any]] = []
    notices: list[dict[str, Any]] = []
    notice_events: list[dict[str, Any]] = []
    cases: list[dict[str, Any]] = []
    case_events: list[dict[str, Any]] = []
    warnings: list[dict[str, Any]] = []
    search: SearchRows = []
    for clue_id, item in enumerate(batch, first_id):
        draft, state = item.draft, item.state
        clue_rows.append(
            {
                "id": clue_id,
                "code": state.code,
                "provisional": False,
                "server_version": 1,
                "updated_at": item.events[-1].at if item.events else now,
                **draft_values(draft),
                **state_values(state),
            }
        )
        assisting.extend(
            {"clue_id": clue_id, "unit_code": u, "position": i}
            for i, u in enumerate(state.assisting_units)
        )
        for index, event in enumerate(item.events):
            events.append(
                {
                    "clue_id": clue_id,
                    "action_id": str(uuid.UUID(int=EVENT_BASE + (clue_id << 8) + index)),
                    "action": event.action.value,
                    "username": event.username,
                    "unit_code": event.unit_code,
                    "device_id": "platform",
                    "at": event.at,
                    "from_status": event.from_status.value if event.from_status else None,
                    "to_status": event.to_status.value,
                    "note": event.note,
                    "details": dict(event.details),
                    "pending": False,
                }
            )
        cited.extend(
            {
                "clue_id": clue_id,
                "sha256": a.sha256,
                "name": a.name,
                "added_at": a.added_at,
                "added_by": a.added_by,
            }
            for a in item.attachments
        )
        for place, notice in enumerate(item.notices):
            _record_rows(NOTICES, NOTICE_EVENT_BASE, notices, notice_events, clue_id, place, notice)
        for place, case in enumerate(item.cases):
            _record_rows(CASES, CASE_EVENT_BASE, cases, case_events, clue_id, place, case)
        warnings.extend(
            {"clue_id": clue_id, **episode_columns(episode), "unit_code": unit}
            for episode, unit in item.warnings
        )
        search.append((clue_id, (state.code, draft.subject_name, draft.address, draft.description)))
    statements = [insert_statement(Clue, clue_rows)]
    if assisting:
        statements.append(insert_statement(AssistingUnit, assisting))
    if events:
        statements.append(insert_statement(ClueEvent, events))
    if cited:
        statements.append(insert_statement(ClueAttachment, cited))
    if notices:
        statements.append(insert_statement(Notice, notices))
        statements.append(insert_statement(NoticeEvent, notice_events))
    if cases:
        statements.append(insert_statement(Case, cases))
        statements.append(insert_statement(CaseEvent, case_events))
    if warnings:
        statements.append(insert_statement(WarningEpisode, warnings))
    return statements, search


def _record_rows(
    kind: RecordKind[Any],
    event_base: int,
    rows: list[dict[str, Any]],
    events: list[dict[str, Any]],
    clue_id: int,
    place: int,
    record: DemoNotice | DemoCase,
) -> None:
    """A notice or penalty case as the platform sent it (its snapshot, version 1) and its
    history."""
    state = record.state
    record_id = getattr(state, kind.id_key)
    history: Sequence[Any] = record.events  # DemoNoticeEvent or DemoCaseEvent, the same fields
    rows.append(
        {
            kind.id_key: record_id,
            "clue_id": clue_id,
            **kind.row_values(state),
            "updated_at": history[-1].at if history else state.created_at,
            "server_state": state.to_dict(),
            "server_version": 1,
            "pending": False,
        }
    )
    for index, event in enumerate(history):
        number = event_base + (clue_id << 8) + (place << 4) + index
        events.append(
            {
                kind.id_key: record_id,
                "action_id": str(uuid.UUID(int=number)),
                "action": event.action.value,
                "username": event.username,
                "unit_code": event.unit_code,
                "device_id": "platform",
                "at": event.at,
                "from_status": event.from_status.value if event.from_status else None,
                "to_status": event.to_status.value,
                "note": event.note,
                "details": dict(event.details),
                "pending": False,
            }
        )


def generated_statements(
    count: int, seed: int, now: datetime, first_id: int, backlog: float | None = None
) -> Iterator[tuple[list[Statement], SearchRows]]:
    """Generate the demo clues batch by batch: its INSERTs and its search rows."""
    from desktop.demo.city import load_city
    from desktop.demo.generator import generate_clues

    clues = iter(generate_clues(load_city(), count, seed=seed, now=now, backlog=backlog))
    next_id = first_id
    while batch := list(islice(clues, BATCH)):
        yield clue_statements(batch, next_id, now)
        next_id += len(batch)


def _from_child(
    count: int, seed: int, now: datetime, first_id: int, backlog: float | None = None
) -> Iterator[tuple[list[Statement], SearchRows]]:
    args = (count, seed, now, first_id, backlog)
    return produced_in_child(generated_statements, args, "demo-generator")


def _supervision_rows(connection: Connection, now: datetime) -> None:
    """The commissions' suggestions and accountability records over the red warnings of the
    loaded clues (`desktop.demo.supervision`), as the platform would have sent them."""
    from desktop.demo.city import load_city
    from desktop.demo.supervision import RedWarning, event_action_id, plan_supervision

    with Session(bind=connection) as session:
        red = select(Clue, WarningEpisode).join(WarningEpisode, WarningEpisode.clue_id == Clue.id)
        reds = [
            RedWarning(clue_state(session, clue), stored_episode(row), row.unit_code)
            for clue, row in session.execute(red.where(WarningEpisode.level == 3))
        ]
        done = plan_supervision(load_city(), reds, load_calendar(session), now)
    for kind_name, index, record in done.records():
        kind = KINDS[kind_name]
        record_id = getattr(record.state, kind.id_key)
        row = {
            kind.id_key: record_id,
            **kind.row_values(record.state),
            "updated_at": record.events[-1].at,
            "server_state": record.state.to_dict(),
            "server_version": 1,
            "pending": False,
        }
        connection.execute(insert(kind.model), [row])
        entries = [
            {
                kind.id_key: record_id,
                **event.entry(event_action_id(kind_name, index, position), "platform"),
                "pending": False,
            }
            for position, event in enumerate(record.events)
        ]
        connection.execute(insert(kind.event_model), entries)


def _verification_rows(connection: Connection, now: datetime, seed: int) -> None:
    """The dispatching offices' weekly verification of the loaded clues
    (`desktop.demo.verification`), as the platform would have sent it."""
    from desktop.demo.city import load_city
    from desktop.demo.verification import (
        Failure,
        closing_of,
        demo_dispatchers,
        item_values,
        plan_verification,
        result_values,
    )

    city = load_city()
    with Session(bind=connection) as session:
        closed = session.execute(
            select(
                Clue.code, Clue.owner_unit, Clue.county_code, Clue.lead_unit, Clue.channel,
                ClueEvent.at,
            )
            .join(ClueEvent, ClueEvent.clue_id == Clue.id)
            .where(
                ClueEvent.to_status == "closed",
                or_(ClueEvent.from_status.is_(None), ClueEvent.from_status != "closed"),
                Clue.lead_unit.is_not(None),
            )
        )  # fmt: skip
        closings = [closing_of(*row) for row in closed]
        failed = session.execute(
            select(Clue.code, ClueEvent.username, ClueEvent.at, ClueEvent.note, ClueEvent.action_id)
            .join(ClueEvent, ClueEvent.clue_id == Clue.id)
            .where(ClueEvent.action == "verification_fail")
        )
        failures = [Failure(*row) for row in failed]
    names = {u.username: u.display_name for u in city.users}
    batches = plan_verification(closings, failures, demo_dispatchers(city), names, now, seed)
    batch_rows, item_rows, result_rows = [], [], []
    for batch in batches:
        batch_rows.append(
            {
                "batch_id": batch.batch_id,
                "office": batch.office,
                "week": batch.week,
                "plan": batch.plan.to_dict(),
                "seed": batch.seed,
                "drawn_by": batch.drawn_by,
                "drawn_by_name": batch.drawn_by_name,
                "drawn_at": batch.drawn_at,
                "server_version": 1,
            }
        )
        item_rows += [item_values(batch.batch_id, item) for item in batch.items]
        result_rows += [result_values(batch.batch_id, result) for result in batch.results]
    for model, rows in (
        (VerificationBatch, batch_rows),
        (VerificationItem, item_rows),
        (VerificationResultRow, result_rows),
    ):
        if rows:
            connection.execute(insert(model), rows)


def _evidence_rows(connection: Connection, now: datetime) -> None:
    """Every demo evidence file as an attachment row (dated and thinned out afterwards)."""
    from desktop.demo.evidence import evidence_files

    rows = [
        {"sha256": f.sha256, "size": f.size, "media_type": f.media_type, "created_at": now}
        for f in evidence_files()
    ]
    sql, params = insert_statement(Attachment, rows)
    connection.exec_driver_sql(sql, params)


def _cited_evidence(connection: Connection) -> list[str]:
    """Keep the evidence files the clues cite, dated by their first citation; return them."""
    connection.exec_driver_sql(
        "DELETE FROM attachments WHERE sha256 NOT IN (SELECT sha256 FROM clue_attachments)"
    )
    connection.exec_driver_sql(
        "UPDATE attachments SET created_at = (SELECT MIN(added_at) FROM clue_attachments "
        "WHERE clue_attachments.sha256 = attachments.sha256)"
    )
    return list(connection.exec_driver_sql("SELECT sha256 FROM attachments").scalars())


def write_evidence_files(store: Store, digests: Iterable[str]) -> int:
    """Put the demo evidence files with these digests into the store's attachment folder
    (written beside and renamed into place, readable by the user only); returns how many
    were written (a file already there is kept)."""
    from desktop.demo.evidence import write_evidence

    return write_evidence(
        digests, lambda sha: attachment_path(store, sha), private_dir, PRIVATE_FILE
    )


@contextmanager
def indexes_rebuilt_after(connection: Connection, models: Iterable[type[Any]]) -> Iterator[None]:
    """Drop the secondary indexes of some tables, and create them again afterwards.

    A bulk load into empty tables followed by one sorted index build beats updating fifteen
    B-trees row by row. Runs inside the caller's transaction: a failure restores everything.
    """
    tables = [model.__tablename__ for model in models]
    marks = ", ".join("?" * len(tables))
    indexes = connection.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master "
        f"WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({marks})",
        tuple(tables),
    ).fetchall()
    for name, _ in indexes:
        connection.exec_driver_sql(f'DROP INDEX "{name}"')
    yield
    for _, sql in indexes:
        connection.exec_driver_sql(sql)


def load_demo(
    store: Store,
    count: int,
    *,
    seed: int = 1,
    now: datetime,
    progress: Callable[[int], None] | None = None,
    backlog: float | None = None,
) -> int:
    """Generate the demo city with `count` clues into an empty store, in one transaction.

    `backlog` leaves that share of the clues open (see `generate_clues`, for tests that need
    many open clues); None gives the source platform's shape.
    """
    from desktop.demo.city import load_city

    with store.engine.begin() as connection:
        if connection.scalar(select(func.count()).select_from(Clue)):
            raise ValueError(f"数据目录 {store.data_dir} 中已有线索，请换一个空目录生成演示数据")
        load_units_and_users(connection, load_city())
        default_cache = connection.exec_driver_sql("PRAGMA cache_size").scalar()
        connection.exec_driver_sql("PRAGMA cache_size=-262144")  # 256 MiB while bulk loading
        source = _from_child if count >= PARALLEL_FROM else generated_statements
        loaded = 0
        _evidence_rows(connection, now)
        bulk = (
            Clue,
            ClueEvent,
            AssistingUnit,
            ClueAttachment,
            Notice,
            NoticeEvent,
            Case,
            CaseEvent,
            WarningEpisode,
        )
        with indexes_rebuilt_after(connection, bulk):
            for statements, search in source(count, seed, now, 1, backlog):
                for sql, params in statements:
                    connection.exec_driver_sql(sql, params)
                connection.exec_driver_sql(INSERT_SQL, index_params(search))
                loaded += len(search)
                if progress is not None:
                    progress(loaded)
        connection.exec_driver_sql(f"PRAGMA cache_size={int(default_cache or -2000)}")
        _supervision_rows(connection, now)
        _verification_rows(connection, now, seed)
        write_evidence_files(store, _cited_evidence(connection))
        demo: dict[str, Any] = {"seed": seed, "clues": count, "now": now.isoformat()}
        if backlog is not None:
            demo["backlog"] = backlog
        connection.execute(insert(SyncState), [{"key": "demo", "value": demo}])
    return loaded
