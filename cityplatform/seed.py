"""Seeding an empty platform database with the demo city and generated clues, in bulk.

A second process generates the clues and turns them into driver rows while this one
writes them, so seeding 100,000 clues keeps both cores busy.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from itertools import islice
from typing import TYPE_CHECKING, Any

from argon2 import PasswordHasher
from sqlalchemy import Connection, func, insert, select
from sqlalchemy.schema import AddConstraint, CreateIndex, DropConstraint, DropIndex

from cityplatform.app import prepare_database
from cityplatform.audit import CLI_ACTOR, PLATFORM_SEED, os_user
from cityplatform.audit import append as append_audit
from cityplatform.changes import code_counter
from cityplatform.db import bulk_insert, stored_row, sync_id_sequence
from cityplatform.domainmap import RULES_NAME
from cityplatform.models import Base, RuleSet, Unit, User
from cityplatform.security import DEFAULT_HASHER
from cityplatform.state import CHANGE_SEQ, set_counter_at_least
from desktop.demo.child import PARALLEL_FROM, produced_in_child
from desktop.domain.rules import Rules
from desktop.domain.timeutil import china_now

if TYPE_CHECKING:
    from desktop.demo.city import DemoCity
    from desktop.demo.generator import DemoClue

BATCH = 5000
SEED_EVENT_BASE = uuid.UUID("3c5e9a70-2b1d-4e8a-8f60-000000000000").int
"""History ids of seeded clues: this base plus (clue index << 8) plus the event's place."""

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
)
ASSISTING_FIELDS = ("clue_id", "unit_code", "position")
EVENT_FIELDS = (
    "clue_id",
    "seq",
    "action_id",
    "action",
    "username",
    "unit_code",
    "device_id",
    "at",
    "from_status",
    "to_status",
    "note",
    "details",
)


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
    """Driver rows of a batch of generated clues, and the highest code number per year."""

    clues: list[tuple[Any, ...]]
    assisting: list[tuple[Any, ...]]
    events: list[tuple[Any, ...]]
    numbers: dict[int, int]


def event_action_id(index: int, position: int) -> str:
    """The stable history id of event `position` of seeded clue `index`."""
    return str(uuid.UUID(int=SEED_EVENT_BASE + (index << 8) + position))


def batch_rows(items: list[DemoClue], first: int, sqlite: bool) -> Batch:
    """Turn generated clues (numbered from `first`) into driver rows; seq = index."""
    batch = Batch([], [], [], {})
    for index, item in enumerate(items, first):
        draft, state = item.draft, item.state
        registered_by = item.events[0].unit_code
        values = {
            "id": index,
            "code": state.code,
            "seq": index,
            "channel": draft.channel.value,
            "category": draft.category.value,
            "priority": state.priority.value,
            "received_at": draft.received_at,
            "reporter_name": draft.reporter_name,
            "reporter_phone": draft.reporter_phone,
            "address": draft.address,
            "county_code": draft.county_code,
            "township_code": draft.township_code,
            "latitude": draft.latitude,
            "longitude": draft.longitude,
            "subject_name": draft.subject_name,
            "subject_credit_code": draft.subject_credit_code,
            "description": draft.description,
            "status": state.status.value,
            "lead_unit": state.lead_unit,
            "registered_at": state.registered_at,
            "registered_by_unit": registered_by,
            "dispatched_at": state.dispatched_at,
            "signed_at": state.signed_at,
            "reported_at": state.reported_at,
            "closed_at": state.closed_at,
            "deadline": state.deadline,
            "handle_deadline": state.handle_deadline,
            "extension_requested_days": state.extension_requested_days,
            "extended_days": state.extended_days,
        }
        batch.clues.append(stored_row([values[f] for f in CLUE_FIELDS], sqlite))
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
                        "seed",
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


def generated_batches(count: int, seed: int, now: datetime, sqlite: bool) -> Iterator[Batch]:
    """Generate the demo clues batch by batch, as driver rows."""
    from desktop.demo.city import load_city
    from desktop.demo.generator import generate_clues

    clues = iter(generate_clues(load_city(), count, seed=seed, now=now))
    first = 1
    while items := list(islice(clues, BATCH)):
        yield batch_rows(items, first, sqlite)
        first += len(items)


def _from_child(count: int, seed: int, now: datetime, sqlite: bool) -> Iterator[Batch]:
    return produced_in_child(generated_batches, (count, seed, now, sqlite), "platform-seed")


BULK_TABLES = ("clues", "clue_assisting_units", "clue_events")


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


def _load_batches(
    connection: Connection, batches: Iterable[Batch], progress: Callable[[int], None] | None
) -> tuple[int, dict[int, int]]:
    loaded = 0
    numbers: dict[int, int] = {}
    for batch in batches:
        bulk_insert(connection, "clues", CLUE_FIELDS, batch.clues, prepared=True)
        bulk_insert(
            connection, "clue_assisting_units", ASSISTING_FIELDS, batch.assisting, prepared=True
        )
        bulk_insert(connection, "clue_events", EVENT_FIELDS, batch.events, prepared=True)
        for year, number in batch.numbers.items():
            numbers[year] = max(numbers.get(year, 0), number)
        loaded += len(batch.clues)
        if progress is not None:
            progress(loaded)
    return loaded, numbers


def seed_demo(
    database_url: str,
    count: int,
    *,
    seed: int = 1,
    now: datetime,
    hasher: PasswordHasher = DEFAULT_HASHER,
    progress: Callable[[int], None] | None = None,
) -> list[DemoAccount]:
    """Fill an empty platform database with the demo city and `count` clues (one transaction)."""
    from desktop.demo.city import DEMO_PASSWORD, load_city

    if count < 0:
        raise ValueError("线索数量不能为负数")
    city = load_city()
    db = prepare_database(database_url)
    try:
        sqlite = db.is_sqlite
        with db.engine.begin() as connection:
            if connection.scalar(select(func.count()).select_from(Unit)):
                raise ValueError("数据库中已有数据，请在空数据库上生成演示数据")
            load_city_rows(connection, city, hasher.hash(DEMO_PASSWORD), now)
            connection.execute(insert(RuleSet), [{"name": RULES_NAME, "data": Rules().to_dict()}])
            source = _from_child if count >= PARALLEL_FROM else generated_batches
            with bulk_loading(connection):
                loaded, numbers = _load_batches(
                    connection, source(count, seed, now, sqlite), progress
                )
            sync_id_sequence(connection, "clues")
            sync_id_sequence(connection, "clue_events")
            set_counter_at_least(connection, CHANGE_SEQ, loaded)
            for year, number in numbers.items():
                set_counter_at_least(connection, code_counter(year), number)
            details = {"clues": loaded, "seed": seed, "rules": "default", "os_user": os_user()}
            append_audit(connection, PLATFORM_SEED, CLI_ACTOR, details, china_now())
    finally:
        db.dispose()
    return demo_accounts(city)
