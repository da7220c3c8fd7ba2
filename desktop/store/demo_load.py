"""Filling a store with the demo city: units, users, and generated clues with their histories."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from itertools import islice
from typing import TYPE_CHECKING

from sqlalchemy import Connection, func, insert, select

from desktop.store.clue_rows import draft_values, state_values
from desktop.store.database import Store
from desktop.store.models import AssistingUnit, Clue, ClueEvent, SyncState, Unit, User
from desktop.store.search import index_clues

if TYPE_CHECKING:
    from desktop.demo.city import DemoCity
    from desktop.demo.generator import DemoClue

BATCH = 5000
EVENT_NAMESPACE = uuid.UUID("6f1d3c1e-7a52-4f57-9d3e-2b8c1a0e5d11")


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
                }
                for u in new_users
            ],
        )


def _batches(items: Iterable[DemoClue], size: int) -> Iterator[list[DemoClue]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def load_clues(
    connection: Connection,
    clues: Iterable[DemoClue],
    *,
    now: datetime,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Bulk-insert generated clues with their assisting units, history and search index."""
    next_id = int(connection.scalar(select(func.coalesce(func.max(Clue.id), 0))) or 0) + 1
    loaded = 0
    for batch in _batches(clues, BATCH):
        clue_rows: list[dict[str, object]] = []
        assisting: list[dict[str, object]] = []
        events: list[dict[str, object]] = []
        search: list[tuple[int, tuple[str, str, str, str]]] = []
        for item in batch:
            clue_id = next_id
            next_id += 1
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
            assisting.extend({"clue_id": clue_id, "unit_code": u} for u in state.assisting_units)
            for index, event in enumerate(item.events):
                events.append(
                    {
                        "clue_id": clue_id,
                        "action_id": str(uuid.uuid5(EVENT_NAMESPACE, f"{state.code}/{index}")),
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
            search.append(
                (clue_id, (state.code, draft.subject_name, draft.address, draft.description))
            )
        connection.execute(insert(Clue), clue_rows)
        if assisting:
            connection.execute(insert(AssistingUnit), assisting)
        if events:
            connection.execute(insert(ClueEvent), events)
        index_clues(connection, search)
        loaded += len(batch)
        if progress is not None:
            progress(loaded)
    return loaded


def load_demo(
    store: Store,
    count: int,
    *,
    seed: int = 1,
    now: datetime,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Generate the demo city with `count` clues into an empty store, in one transaction."""
    from desktop.demo.city import load_city
    from desktop.demo.generator import generate_clues

    city = load_city()
    with store.engine.begin() as connection:
        if connection.scalar(select(func.count()).select_from(Clue)):
            raise ValueError(f"数据目录 {store.data_dir} 中已有线索，请换一个空目录生成演示数据")
        load_units_and_users(connection, city)
        loaded = load_clues(
            connection, generate_clues(city, count, seed=seed, now=now), now=now, progress=progress
        )
        connection.execute(
            insert(SyncState),
            [{"key": "demo", "value": {"seed": seed, "clues": count, "now": now.isoformat()}}],
        )
    return loaded
