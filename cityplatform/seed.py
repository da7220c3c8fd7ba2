"""Seeding an empty platform database with the demo city and generated clues, in bulk.

A second process generates the clues and turns them into driver rows while this one
writes them, so seeding 100,000 clues keeps both cores busy. Besides the clues and their
histories it writes what they cite and carry: the evidence files (rows, and the files in the
data folder's attachment store), the channels' references (intake refs), the notices and the
penalty cases with their histories, and the number counters and blocks they were numbered
from (notices', 立案号 and 行政处罚决定书 numbers).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from argon2 import PasswordHasher
from sqlalchemy import Connection, delete, func, insert, or_, select, update
from sqlalchemy.schema import AddConstraint, CreateIndex, DropConstraint, DropIndex

from cityplatform.app import prepare_database
from cityplatform.audit import CLI_ACTOR, PLATFORM_SEED, os_user
from cityplatform.audit import append as append_audit
from cityplatform.changes import code_counter
from cityplatform.db import bulk_insert, default_data_dir, stored_row, sync_id_sequence
from cityplatform.domainmap import RULES_NAME
from cityplatform.models import (
    Attachment,
    Base,
    Clue,
    ClueEvent,
    NumberBlock,
    RuleSet,
    Unit,
    User,
    VerificationBatch,
    VerificationClaim,
    VerificationItem,
    VerificationResultRow,
)
from cityplatform.numbers import notice_counter, number_counter
from cityplatform.security import DEFAULT_HASHER
from cityplatform.state import CHANGE_SEQ, set_counter_at_least
from cityplatform.supervision_records import SUPERVISION_KINDS
from cityplatform.warning_record import episode_row
from desktop.demo.child import PARALLEL_FROM, produced_in_child
from desktop.demo.supervision import RedWarning, red_warnings
from desktop.domain.calendar import default_calendar
from desktop.domain.cases import CaseAction
from desktop.domain.clue import draft_record, state_record
from desktop.domain.notice_actions import NoticeAction
from desktop.domain.notice_numbers import CASE_SERIES, DECISION_SERIES, parse_number
from desktop.domain.rules import Rules
from desktop.domain.timeutil import china_now
from desktop.wire.records import Event

if TYPE_CHECKING:
    from desktop.demo.city import DemoCity
    from desktop.demo.generator import DemoClue

BATCH = 5000
SEED_EVENT_BASE = uuid.UUID("3c5e9a70-2b1d-4e8a-8f60-000000000000").int
"""History ids of seeded clues: this base plus (clue index << 8) plus the event's place."""
SEED_NOTICE_EVENT_BASE = uuid.UUID("7d2c4b81-5e3a-4c19-b0d4-000000000000").int
"""History ids of seeded notices: this base plus (clue index << 8) plus (the notice's place
<< 4) plus the event's place."""
SEED_CASE_EVENT_BASE = uuid.UUID("c41f6e27-8a05-4d3b-9e72-000000000000").int
"""History ids of seeded penalty cases: this base plus (clue index << 8) plus (the case's
place << 4) plus the event's place."""
SEED_DEVICE = "seed"
"""The device the seeded histories are recorded from."""

CLUE_FIELDS = (
    "id",
    "code",
    "seq",
    "channel",
    "category",
    "priority",
    "received_at",
    "reporter_name",
    "reporter_phone",
    "address",
    "county_code",
    "township_code",
    "latitude",
    "longitude",
    "subject_name",
    "subject_credit_code",
    "description",
    "status",
    "lead_unit",
    "registered_at",
    "registered_by_unit",
    "dispatched_at",
    "signed_at",
    "reported_at",
    "closed_at",
    "deadline",
    "handle_deadline",
    "extension_requested_days",
    "extended_days",
    "channel_ref",
    "owner_unit",
    "due_by",
    "finding",
    "callback",
    "duplicate_of",
    "extension_count",
)
ASSISTING_FIELDS = ("clue_id", "unit_code", "position")
CLUE_ATTACHMENT_FIELDS = ("clue_id", "sha256", "name", "added_at", "added_by")
INTAKE_FIELDS = ("channel", "external_id", "clue_id", "created_at")
WARNING_FIELDS = (
    "clue_id",
    "stage",
    "level",
    "deadline",
    "reached_at",
    "cleared_at",
    "cleared_by",
    "unit_code",
    "county_code",
)
NOTICE_FIELDS = (
    "notice_id",
    "clue_id",
    "seq",
    "kind",
    "status",
    "unit_code",
    "number",
    "number_year",
    "number_seq",
    "created_at",
    "state",
)
NOTICE_EVENT_FIELDS = ("notice_id", "seq", *Event.model_fields)
"""Columns of a seeded notice history row: its notice, change seq and the wire's entry."""
CASE_FIELDS = (
    "case_id",
    "clue_id",
    "seq",
    "status",
    "unit_code",
    "number",
    "number_year",
    "number_seq",
    "decision_number",
    "decision_year",
    "decision_seq",
    "filed_on",
    "closed_on",
    "created_at",
    "state",
)
CASE_EVENT_FIELDS = ("case_id", "seq", *Event.model_fields)
"""Columns of a seeded penalty-case history row: its case, change seq and the wire's entry."""

Used = dict[tuple[str, str, int], tuple[int, datetime, str]]
"""The highest number used per (series, unit, year), when one was first used and by whom."""
EVENT_FIELDS = ("clue_id", "seq", *Event.model_fields)
"""Columns of a seeded clue history row: its clue, change seq and the wire's entry."""


@dataclass(frozen=True)
class DemoAccount:
    """A demo account to print: what it shows, how to log in, role and unit."""

    key: str
    username: str
    password: str
    display_name: str
    role: str
    role_label: str
    unit_code: str
    unit_name: str

    def to_json(self) -> dict[str, str]:
        """The account as JSON."""
        return {
            "key": self.key,
            "username": self.username,
            "password": self.password,
            "display_name": self.display_name,
            "role": self.role,
            "role_label": self.role_label,
            "unit_code": self.unit_code,
            "unit_name": self.unit_name,
        }


@dataclass
class Batch:
    """Driver rows of a batch of generated clues, the highest code number per year, and
    what the notices and cited files need once every batch is in."""

    clues: list[tuple[Any, ...]]
    assisting: list[tuple[Any, ...]]
    events: list[tuple[Any, ...]]
    numbers: dict[int, int]
    attachments: list[tuple[Any, ...]] = field(default_factory=list)
    intake: list[tuple[Any, ...]] = field(default_factory=list)
    notices: list[tuple[Any, ...]] = field(default_factory=list)
    notice_events: list[tuple[Any, ...]] = field(default_factory=list)
    notice_numbers: dict[tuple[str, int], tuple[int, datetime, str]] = field(default_factory=dict)
    """The highest notice number per (unit, year), when it was first used and by whom."""
    cases: list[tuple[Any, ...]] = field(default_factory=list)
    case_events: list[tuple[Any, ...]] = field(default_factory=list)
    case_numbers: Used = field(default_factory=dict)
    """The highest 立案号 and decision number per (series, unit, year), first used when, by whom."""
    files: dict[str, tuple[datetime, str]] = field(default_factory=dict)
    """Each cited file's first citation: when and by whom."""
    reds: list[RedWarning] = field(default_factory=list)
    """The level-3 warnings of the batch's clues, for the commissions' records."""
    warnings: list[tuple[Any, ...]] = field(default_factory=list)
    """The warning record of the batch's clues over their whole history."""


def event_action_id(index: int, position: int) -> str:
    """The stable history id of event `position` of seeded clue `index`."""
    return str(uuid.UUID(int=SEED_EVENT_BASE + (index << 8) + position))


def case_event_action_id(index: int, case: int, position: int) -> str:
    """The stable history id of event `position` of case `case` of seeded clue `index`."""
    return str(uuid.UUID(int=SEED_CASE_EVENT_BASE + (index << 8) + (case << 4) + position))


def notice_event_action_id(index: int, notice: int, position: int) -> str:
    """The stable history id of event `position` of notice `notice` of seeded clue `index`."""
    return str(uuid.UUID(int=SEED_NOTICE_EVENT_BASE + (index << 8) + (notice << 4) + position))


def _earlier(
    known: dict[Any, tuple[Any, ...]], key: Any, value: tuple[Any, ...], at: int = 0
) -> None:
    """Keep `value` under `key` unless the one kept there is earlier (by its item `at`)."""
    old = known.get(key)
    if old is None or value[at] < old[at]:
        known[key] = value


def batch_rows(items: list[DemoClue], first: int, sqlite: bool) -> Batch:
    """Turn generated clues (numbered from `first`) into driver rows; seq = index."""
    batch = Batch([], [], [], {})
    for index, item in enumerate(items, first):
        draft, state = item.draft, item.state
        values = {
            **draft_record(draft),
            **state_record(state),  # where the clue is now (a transfer moves it)
            "id": index,
            "code": state.code,
            "seq": index,
            "registered_by_unit": item.events[0].unit_code,
        }
        batch.clues.append(stored_row([values[f] for f in CLUE_FIELDS], sqlite))
        if draft.channel_ref:
            intake = (draft.channel.value, draft.channel_ref, index, state.registered_at)
            batch.intake.append(stored_row(intake, sqlite))
        for cited in item.attachments:
            row = (index, cited.sha256, cited.name, cited.added_at, cited.added_by)
            batch.attachments.append(stored_row(row, sqlite))
            _earlier(batch.files, cited.sha256, (cited.added_at, cited.added_by))
        _notice_rows(batch, item, index, sqlite)
        _case_rows(batch, item, index, sqlite)
        batch.reds.extend(red_warnings(state, item.warnings))
        for episode, unit in item.warnings:
            row = episode_row(index, episode, unit, state.county_code)
            batch.warnings.append(stored_row([row[f] for f in WARNING_FIELDS], sqlite))
        for position, unit in enumerate(state.assisting_units):
            batch.assisting.append((index, unit, position))
        for position, event in enumerate(item.events):
            batch.events.append(
                stored_row(
                    (
                        index,
                        index,
                        event_action_id(index, position),
                        event.action.value,
                        event.username,
                        event.unit_code,
                        SEED_DEVICE,
                        event.at,
                        event.from_status.value if event.from_status else None,
                        event.to_status.value,
                        event.note,
                        dict(event.details),
                    ),
                    sqlite,
                )
            )
        year, number = int(state.code[3:7]), int(state.code[7:])
        batch.numbers[year] = max(batch.numbers.get(year, 0), number)
    return batch


def _event_values(record_id: str, index: int, action_id: str, event: Any) -> tuple[Any, ...]:
    """A history entry of a demo notice or case, in the columns of its events table."""
    return (
        record_id,
        index,
        action_id,
        event.action.value,
        event.username,
        event.unit_code,
        SEED_DEVICE,
        event.at,
        event.from_status.value if event.from_status else None,
        event.to_status.value,
        event.note,
        dict(event.details),
    )


def _notice_rows(batch: Batch, item: DemoClue, index: int, sqlite: bool) -> None:
    for place, notice in enumerate(item.notices):
        state = notice.state
        row = (
            state.notice_id,
            index,
            index,
            state.kind.value,
            state.status.value,
            state.unit_code,
            state.number,
            state.number_year,
            state.number_seq,
            state.created_at,
            state.to_dict(),
        )
        batch.notices.append(stored_row(row, sqlite))
        for position, event in enumerate(notice.events):
            action_id = notice_event_action_id(index, place, position)
            values = _event_values(state.notice_id, index, action_id, event)
            batch.notice_events.append(stored_row(values, sqlite))
            if event.action is NoticeAction.ISSUE and state.number_year and state.number_seq:
                _note_number(
                    batch.notice_numbers,
                    (state.unit_code, state.number_year),
                    (state.number_seq, event.at, event.username),
                )
            if event.action is NoticeAction.FILE_CASE:  # a 立案号 also where no case is kept
                parsed = parse_number(str(event.details.get("case_number") or ""))
                if parsed is not None:
                    key = (CASE_SERIES, event.unit_code, parsed[1])
                    _note_number(batch.case_numbers, key, (parsed[2], event.at, event.username))


def _case_rows(batch: Batch, item: DemoClue, index: int, sqlite: bool) -> None:
    """The penalty cases of a clue, their histories, and the numbers they used."""
    for place, case in enumerate(item.cases):
        state = case.state
        decision = state.decision
        row = (
            state.case_id,
            index,
            index,
            state.status.value,
            state.unit_code,
            state.number,
            state.number_year,
            state.number_seq,
            decision.number if decision is not None else None,
            decision.number_year if decision is not None else None,
            decision.number_seq if decision is not None else None,
            state.filed_on,
            state.closed_on,
            state.created_at,
            state.to_dict(),
        )
        batch.cases.append(stored_row(row, sqlite))
        for position, event in enumerate(case.events):
            action_id = case_event_action_id(index, place, position)
            values = _event_values(state.case_id, index, action_id, event)
            batch.case_events.append(stored_row(values, sqlite))
            used = None
            if event.action is CaseAction.FILE and state.number_year and state.number_seq:
                used = (CASE_SERIES, state.number_year, state.number_seq)
            elif event.action is CaseAction.DECIDE and decision is not None:
                used = (DECISION_SERIES, decision.number_year, decision.number_seq)
            if used is not None:
                series, year, seq = used
                key = (series, state.unit_code, year)
                _note_number(batch.case_numbers, key, (seq, event.at, event.username))


def _note_number(
    known: dict[Any, tuple[int, datetime, str]],
    key: Any,
    used: tuple[int, datetime, str],
) -> None:
    """Keep the highest number of a unit and year, and when and by whom one was first used."""
    old = known.get(key)
    if old is None:
        known[key] = used
        return
    first = used[1:] if used[1] < old[1] else old[1:]
    known[key] = (max(used[0], old[0]), *first)


def generated_batches(
    count: int, seed: int, now: datetime, sqlite: bool, backlog: float | None = None
) -> Iterator[Batch]:
    """Generate the demo clues batch by batch, as driver rows."""
    from desktop.demo.city import load_city
    from desktop.demo.generator import generate_clues

    clues = iter(generate_clues(load_city(), count, seed=seed, now=now, backlog=backlog))
    first = 1
    while items := list(islice(clues, BATCH)):
        yield batch_rows(items, first, sqlite)
        first += len(items)


def _from_child(
    count: int, seed: int, now: datetime, sqlite: bool, backlog: float | None = None
) -> Iterator[Batch]:
    args = (count, seed, now, sqlite, backlog)
    return produced_in_child(generated_batches, args, "platform-seed")


BULK_TABLES = (
    "clues",
    "clue_assisting_units",
    "clue_events",
    "clue_attachments",
    "intake_refs",
    "notices",
    "notice_events",
    "cases",
    "case_events",
)


@contextmanager
def bulk_loading(connection: Connection) -> Iterator[None]:
    """Drop the secondary indexes (and on PostgreSQL the foreign keys) of the clue tables,
    and build them again once the rows are in: one sorted build beats row-by-row upkeep.

    Runs inside the caller's transaction; a failure restores everything.
    """
    tables = [Base.metadata.tables[name] for name in BULK_TABLES]
    indexes = [index for table in tables for index in table.indexes]
    foreign_keys = (
        [fk for table in tables for fk in table.foreign_key_constraints]
        if connection.dialect.name == "postgresql"
        else []
    )
    for fk in foreign_keys:
        connection.execute(DropConstraint(fk))
    for index in indexes:
        connection.execute(DropIndex(index))
    yield
    for index in indexes:
        connection.execute(CreateIndex(index))
    for fk in foreign_keys:
        connection.execute(AddConstraint(fk))


def load_city_rows(
    connection: Connection, city: DemoCity, password_hash: str, now: datetime
) -> None:
    """Insert the demo city's units (parents first) and users (all with one password hash)."""
    placed: set[str] = set()
    pending = list(city.units)
    ordered = []
    while pending:
        ready = [u for u in pending if u.parent_code is None or u.parent_code in placed]
        if not ready:
            raise ValueError("单位树中存在找不到上级的单位：" + pending[0].code)
        ordered.extend(ready)
        placed.update(u.code for u in ready)
        pending = [u for u in pending if u.code not in placed]
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
    connection.execute(
        insert(User),
        [
            {
                "username": u.username,
                "display_name": u.display_name,
                "password_hash": password_hash,
                "role": u.role.value,
                "unit_code": u.unit_code,
                "post": u.post.value,
                "phone": u.phone,
                "disabled": False,
                "scope_epoch": 1,
                "created_at": now,
            }
            for u in city.users
        ],
    )


def demo_accounts(city: DemoCity) -> list[DemoAccount]:
    """The demo accounts of the city, to print."""
    from desktop.demo.city import DEMO_PASSWORD

    accounts = []
    for key, user in city.demo_accounts().items():
        unit = city.unit(user.unit_code)
        accounts.append(
            DemoAccount(
                key=key,
                username=user.username,
                password=DEMO_PASSWORD,
                display_name=user.display_name,
                role=user.role.value,
                role_label=user.role.label,
                unit_code=unit.code,
                unit_name=unit.name,
            )
        )
    return accounts


@dataclass
class _Loaded:
    """What the batches brought, besides their rows: counts and first uses."""

    clues: int = 0
    numbers: dict[int, int] = field(default_factory=dict)
    notice_numbers: dict[tuple[str, int], tuple[int, datetime, str]] = field(default_factory=dict)
    case_numbers: Used = field(default_factory=dict)
    files: dict[str, tuple[datetime, str]] = field(default_factory=dict)
    reds: list[RedWarning] = field(default_factory=list)


def _load_batches(
    connection: Connection, batches: Iterable[Batch], progress: Callable[[int], None] | None
) -> _Loaded:
    loaded = _Loaded()
    for batch in batches:
        bulk_insert(connection, "clues", CLUE_FIELDS, batch.clues, prepared=True)
        bulk_insert(
            connection, "clue_assisting_units", ASSISTING_FIELDS, batch.assisting, prepared=True
        )
        bulk_insert(connection, "clue_events", EVENT_FIELDS, batch.events, prepared=True)
        bulk_insert(
            connection,
            "clue_attachments",
            CLUE_ATTACHMENT_FIELDS,
            batch.attachments,
            prepared=True,
        )
        bulk_insert(connection, "intake_refs", INTAKE_FIELDS, batch.intake, prepared=True)
        bulk_insert(connection, "warning_episodes", WARNING_FIELDS, batch.warnings, prepared=True)
        bulk_insert(connection, "notices", NOTICE_FIELDS, batch.notices, prepared=True)
        bulk_insert(
            connection, "notice_events", NOTICE_EVENT_FIELDS, batch.notice_events, prepared=True
        )
        for year, number in batch.numbers.items():
            loaded.numbers[year] = max(loaded.numbers.get(year, 0), number)
        bulk_insert(connection, "cases", CASE_FIELDS, batch.cases, prepared=True)
        bulk_insert(connection, "case_events", CASE_EVENT_FIELDS, batch.case_events, prepared=True)
        for key, used in batch.notice_numbers.items():
            _note_number(loaded.notice_numbers, key, used)
        for case_key, used in batch.case_numbers.items():
            _note_number(loaded.case_numbers, case_key, used)
        for sha256, first_use in batch.files.items():
            _earlier(loaded.files, sha256, first_use)
        loaded.reds.extend(batch.reds)
        loaded.clues += len(batch.clues)
        if progress is not None:
            progress(loaded.clues)
    return loaded


def _supervision_rows(
    connection: Connection, city: DemoCity, loaded: _Loaded, now: datetime, sqlite: bool
) -> int:
    """The commissions' suggestions and accountability records over the demo's red warnings,
    each a change after the clues'; the last change seq."""
    from desktop.demo.supervision import event_action_id, plan_supervision

    units = city.directory()
    done = plan_supervision(city, loaded.reds, default_calendar(), now)
    seq = loaded.clues
    for kind_name, index, record in done.records():
        kind = SUPERVISION_KINDS[kind_name]
        seq += 1
        record_id = getattr(record.state, kind.id_key)
        values = {kind.id_key: record_id, "seq": seq, **kind.row_values(record.state, units)}
        values["created_at"] = record.state.created_at
        connection.execute(insert(kind.model), [values])
        entries = [
            {
                kind.id_key: record_id,
                "seq": seq,
                **event.entry(event_action_id(kind_name, index, position), SEED_DEVICE),
            }
            for position, event in enumerate(record.events)
        ]
        connection.execute(insert(kind.event_model), entries)
    for table in ("suggestions", "suggestion_events"):
        sync_id_sequence(connection, table)
    for table in ("accountability_records", "accountability_events"):
        sync_id_sequence(connection, table)
    return seq


def _verification_rows(
    connection: Connection, city: DemoCity, now: datetime, seed: int, last_seq: int
) -> int:
    """The dispatching offices' weekly verification of the demo's closed clues
    (`desktop.demo.verification`), each batch a change after the records'; the last seq."""
    from desktop.demo.verification import (
        Failure,
        closing_of,
        demo_dispatchers,
        item_values,
        plan_verification,
        result_values,
    )

    closed = connection.execute(
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
    failed = connection.execute(
        select(Clue.code, ClueEvent.username, ClueEvent.at, ClueEvent.note, ClueEvent.action_id)
        .join(ClueEvent, ClueEvent.clue_id == Clue.id)
        .where(ClueEvent.action == "verification_fail")
    )
    failures = [Failure(*row) for row in failed]
    names = {u.username: u.display_name for u in city.users}
    seq = last_seq
    for batch in plan_verification(closings, failures, demo_dispatchers(city), names, now, seed):
        seq += 1
        connection.execute(
            insert(VerificationBatch),
            [
                {
                    "batch_id": batch.batch_id,
                    "seq": seq,
                    "office": batch.office,
                    "week": batch.week,
                    "plan": batch.plan.to_dict(),
                    "seed": batch.seed,
                    "drawn_by": batch.drawn_by,
                    "drawn_by_name": batch.drawn_by_name,
                    "drawn_at": batch.drawn_at,
                    "action_id": batch.action_id,
                }
            ],
        )
        items = [item_values(batch.batch_id, item) for item in batch.items]
        connection.execute(insert(VerificationItem), items)
        claims = [
            {
                "office": batch.office,
                "week": batch.week,
                "clue_code": item.clue_code,
                "batch_id": batch.batch_id,
            }
            for item in batch.items
        ]
        connection.execute(insert(VerificationClaim), claims)
        if batch.results:
            results = [result_values(batch.batch_id, result) for result in batch.results]
            connection.execute(insert(VerificationResultRow), results)
    for table in ("verification_batches", "verification_items", "verification_claims"):
        sync_id_sequence(connection, table)
    sync_id_sequence(connection, "verification_results")
    return seq


def _evidence_rows(connection: Connection, now: datetime) -> None:
    """Every demo evidence file as a complete attachment (the cited ones are dated later)."""
    from desktop.demo.evidence import evidence_files

    rows = [
        {
            "sha256": f.sha256,
            "size": f.size,
            "received": f.size,
            "complete": True,
            "media_type": f.media_type,
            "uploaded_by": SEED_DEVICE,
            "created_at": now,
            "completed_at": now,
        }
        for f in evidence_files()
    ]
    connection.execute(insert(Attachment), rows)


def _date_evidence(connection: Connection, files: dict[str, tuple[datetime, str]]) -> None:
    """Date each cited evidence file by its first citation; drop the ones nobody cites."""
    from desktop.demo.evidence import evidence_files

    for item in evidence_files():
        first_use = files.get(item.sha256)
        if first_use is None:
            connection.execute(delete(Attachment).where(Attachment.sha256 == item.sha256))
            continue
        at, username = first_use
        connection.execute(
            update(Attachment)
            .where(Attachment.sha256 == item.sha256)
            .values(created_at=at, completed_at=at, uploaded_by=username)
        )


def write_evidence_files(data_dir: Path, digests: Iterable[str]) -> int:
    """Put the demo evidence files with these digests into the platform's attachment store
    (`<data_dir>/attachments/ab/abcdef…`, each written beside and renamed into place);
    returns how many were written (a file already there is kept)."""
    from desktop.demo.evidence import write_evidence

    def mkdir(folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)

    folder = Path(data_dir) / "attachments"
    return write_evidence(digests, lambda sha: folder / sha[:2] / sha, mkdir, 0o640)


def _notice_numbers(
    connection: Connection, numbers: dict[tuple[str, int], tuple[int, datetime, str]]
) -> None:
    """Each unit's notice numbers of a year were handed out as one block 1..n to the seed
    device; the counter goes on from n."""
    for (unit_code, year), (last, at, username) in sorted(numbers.items()):
        set_counter_at_least(connection, notice_counter(unit_code, year), last)
        connection.execute(
            insert(NumberBlock).values(
                unit_code=unit_code,
                year=year,
                first=1,
                last=last,
                device_id=SEED_DEVICE,
                username=username,
                created_at=at,
            )
        )


def _case_numbers(connection: Connection, numbers: Used) -> None:
    """Each unit's 立案号 and decision numbers of a year were handed out as one block 1..n of
    their series to the seed device; the counters go on from n, so that a new filing never
    takes a number the demo used."""
    for (series, unit_code, year), (last, at, username) in sorted(numbers.items()):
        set_counter_at_least(connection, number_counter(series, unit_code, year), last)
        connection.execute(
            insert(NumberBlock).values(
                unit_code=unit_code,
                year=year,
                first=1,
                last=last,
                device_id=SEED_DEVICE,
                username=username,
                created_at=at,
                series=series,
            )
        )


def seed_demo(
    database_url: str,
    count: int,
    *,
    seed: int = 1,
    now: datetime,
    hasher: PasswordHasher = DEFAULT_HASHER,
    progress: Callable[[int], None] | None = None,
    data_dir: Path | None = None,
    backlog: float | None = None,
) -> list[DemoAccount]:
    """Fill an empty platform database with the demo city and `count` clues (one transaction).

    The evidence files the clues cite go into `data_dir`'s attachment store (by default the
    folder beside a SQLite database that `cluedesk-platform serve` uses; with PostgreSQL and
    no `data_dir` only their rows are written). `backlog` leaves that share of the clues
    open (see `generate_clues`); None gives the source platform's shape.
    """
    from desktop.demo.city import DEMO_PASSWORD, load_city

    if count < 0:
        raise ValueError("线索数量不能为负数")
    if backlog is not None and not 0 <= backlog <= 1:
        raise ValueError("积压比例应在 0 到 1 之间")
    city = load_city()
    db = prepare_database(database_url)
    try:
        sqlite = db.is_sqlite
        folder = Path(data_dir) if data_dir is not None else default_data_dir(db)
        with db.engine.begin() as connection:
            if connection.scalar(select(func.count()).select_from(Unit)):
                raise ValueError("数据库中已有数据，请在空数据库上生成演示数据")
            load_city_rows(connection, city, hasher.hash(DEMO_PASSWORD), now)
            connection.execute(insert(RuleSet), [{"name": RULES_NAME, "data": Rules().to_dict()}])
            _evidence_rows(connection, now)
            source = _from_child if count >= PARALLEL_FROM else generated_batches
            with bulk_loading(connection):
                loaded = _load_batches(
                    connection, source(count, seed, now, sqlite, backlog), progress
                )
            for table in ("clues", "clue_events", "notices", "notice_events", "cases"):
                sync_id_sequence(connection, table)
            sync_id_sequence(connection, "case_events")
            last_seq = _supervision_rows(connection, city, loaded, now, sqlite)
            last_seq = _verification_rows(connection, city, now, seed, last_seq)
            set_counter_at_least(connection, CHANGE_SEQ, last_seq)
            for year, number in loaded.numbers.items():
                set_counter_at_least(connection, code_counter(year), number)
            _notice_numbers(connection, loaded.notice_numbers)
            _case_numbers(connection, loaded.case_numbers)
            _date_evidence(connection, loaded.files)
            if folder is not None:
                write_evidence_files(folder, loaded.files)
            details = {
                "clues": loaded.clues,
                "seed": seed,
                "rules": "default",
                "os_user": os_user(),
            }
            if backlog is not None:
                details["backlog"] = backlog
            append_audit(connection, PLATFORM_SEED, CLI_ACTOR, details, china_now())
    finally:
        db.dispose()
    return demo_accounts(city)
