"""The first-sync snapshot: the offer the platform makes and the file's layout, defined once.

A snapshot is a SQLite file holding every clue of a scope exactly as a pull from scratch
gives it, as of one feed position, in columns taken from the wire's models:

- `clues`: one row per clue (`ordinal` 1, 2, … in feed order), one column per field of
  `ClueOut` but its lists; `notices` and `cases` hold their lists as the wire's JSON;
- `assisting_units`, `events`, `attachments`, `warnings`: one row per item of those lists of
  `ClueOut`, keyed by the clue's `ordinal` and the item's `position`, one column per field of
  the item's model (`ClueEvent`, `AttachmentOut`, `WarningOut`; a unit code for assisting);
- `snapshot`: the file's facts (`SnapshotFacts`) as key/value rows.

Cells are plain values as a store keeps them (`cell`): instants as naive China time text
with microseconds (so text order is time order), dates as ISO text, codes as their strings,
booleans as 0/1, objects as canonical JSON. The platform checks every clue against
`ClueOut` before writing it; the client checks the file's SHA-256 and reads the columns back
through this module.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from enum import Enum
from typing import Any

from pydantic import BaseModel, Field

from desktop.domain.timeutil import CHINA_TZ, to_china
from desktop.wire.base import Answer, Count, Sha256, adapter
from desktop.wire.records import AttachmentOut, CaseOut, ClueEvent, ClueOut, NoticeOut, WarningOut
from desktop.wire.text import canonical_json

FORMAT_VERSION = 1
"""The layout of the snapshot file; a client refuses a format it does not know."""

CLUE_TABLE = "clues"
FACTS_TABLE = "snapshot"
ASSISTING_TABLE = "assisting_units"
ITEM_MODELS: Mapping[str, type[BaseModel]] = {
    "events": ClueEvent,
    "attachments": AttachmentOut,
    "warnings": WarningOut,
}
"""The list fields of ClueOut kept in their own tables (named as the field), by item model."""
RECORD_MODELS: Mapping[str, type[BaseModel]] = {"notices": NoticeOut, "cases": CaseOut}
"""The list fields of ClueOut kept as the wire's JSON in a column of `clues`."""
RECORD_LISTS = {name: adapter(list[model]) for name, model in RECORD_MODELS.items()}  # type: ignore[valid-type]
CLUE_COLUMNS: tuple[str, ...] = tuple(
    name for name in ClueOut.model_fields if name not in ITEM_MODELS and name != ASSISTING_TABLE
)
"""The columns of `clues` after `ordinal`: ClueOut's fields but its own-table lists."""
ITEM_COLUMNS: Mapping[str, tuple[str, ...]] = {
    table: tuple(model.model_fields) for table, model in ITEM_MODELS.items()
}
"""The columns of each item table after `ordinal, position`: its model's fields."""

Cell = str | int | float | None


def china_text(moment: datetime) -> str:
    """An instant as a cell: naive China time, microseconds always written."""
    if moment.tzinfo is not CHINA_TZ:
        moment = to_china(moment)
    return moment.replace(tzinfo=None).isoformat(" ", "microseconds")


def cell(value: Any) -> Cell:
    """A field's value as a cell of the file."""
    if value is None or isinstance(value, int | float) and not isinstance(value, bool | Enum):
        return value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, datetime):
        return china_text(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return value
    if isinstance(value, BaseModel):
        value = value.model_dump(mode="json")
    return canonical_json(value)


class SnapshotFacts(Answer):
    """What a snapshot file holds: its format, the feed position of its rows and counts."""

    format: int = Field(ge=1)
    seq: Count
    """The feed position the rows are as of (a pull continues after it)."""
    instance: str = Field(min_length=1)
    """The platform database the position belongs to."""
    clues: Count
    events: Count


class SnapshotOffer(Answer):
    """GET /snapshot: whether a snapshot of the caller's scope is worth taking, and which.

    `available` is false when the scope holds fewer clues than the caller asked for
    (`min_clues`): pulls are faster then, and while the platform builds the scope's first file
    (`preparing`). Otherwise `id` names the file to download,
    `cursor` is the pull cursor of its position (for this caller), `size` and `sha256` check
    the download.
    """

    available: bool
    clues: Count
    """The clues in the caller's scope (in the file, when there is one)."""
    format: int = FORMAT_VERSION
    id: str | None = Field(default=None, pattern=r"^[0-9a-f]{16}-[0-9]+$")
    cursor: str | None = None
    size: Count | None = None
    sha256: Sha256 | None = None
    events: Count | None = None
    preparing: bool = False
    """No file yet: the platform is building one; ask again after `retry_after` seconds."""
    retry_after: Count | None = None


def _quoted(names: Iterable[str]) -> str:
    return ", ".join(f'"{name}"' for name in names)


def create_tables(db: sqlite3.Connection) -> None:
    """The empty tables of a snapshot file."""
    db.execute(
        f'CREATE TABLE "{CLUE_TABLE}" (ordinal INTEGER PRIMARY KEY, {_quoted(CLUE_COLUMNS)})'
    )
    db.execute(
        f'CREATE TABLE "{ASSISTING_TABLE}" (ordinal INTEGER, position INTEGER, unit_code TEXT, '
        "PRIMARY KEY (ordinal, position)) WITHOUT ROWID"
    )
    for table, names in ITEM_COLUMNS.items():
        db.execute(
            f'CREATE TABLE "{table}" (ordinal INTEGER, position INTEGER, {_quoted(names)}, '
            "PRIMARY KEY (ordinal, position)) WITHOUT ROWID"
        )
    db.execute(f'CREATE TABLE "{FACTS_TABLE}" (key TEXT PRIMARY KEY, value TEXT NOT NULL)')


def _insert(table: str, width: int) -> str:
    return f'INSERT INTO "{table}" VALUES ({", ".join("?" * width)})'


def insert_clues(db: sqlite3.Connection, first: int, clues: Sequence[ClueOut]) -> None:
    """Add checked clues, the first of them with ordinal `first`."""
    rows: list[tuple[Cell, ...]] = []
    assisting: list[tuple[Cell, ...]] = []
    items: dict[str, list[tuple[Cell, ...]]] = {table: [] for table in ITEM_MODELS}
    for ordinal, clue in enumerate(clues, first):
        rows.append(
            (
                ordinal,
                *(
                    RECORD_LISTS[name].dump_json(getattr(clue, name)).decode()
                    if name in RECORD_MODELS
                    else cell(getattr(clue, name))
                    for name in CLUE_COLUMNS
                ),
            )
        )
        units = dict.fromkeys(clue.assisting_units)
        assisting.extend((ordinal, position, unit) for position, unit in enumerate(units))
        for table, names in ITEM_COLUMNS.items():
            items[table].extend(
                (ordinal, position, *(cell(getattr(item, name)) for name in names))
                for position, item in enumerate(getattr(clue, table))
            )
    db.executemany(_insert(CLUE_TABLE, 1 + len(CLUE_COLUMNS)), rows)
    db.executemany(_insert(ASSISTING_TABLE, 3), assisting)
    for table, names in ITEM_COLUMNS.items():
        db.executemany(_insert(table, 2 + len(names)), items[table])


def write_facts(db: sqlite3.Connection, facts: SnapshotFacts) -> None:
    """Record the file's facts."""
    db.executemany(
        f'INSERT INTO "{FACTS_TABLE}" VALUES (?, ?)',
        [(k, json.dumps(v)) for k, v in facts.model_dump(mode="json").items()],
    )


def read_facts(db: sqlite3.Connection) -> SnapshotFacts:
    """The file's facts (WireError or sqlite3.Error when it is not a snapshot)."""
    rows: Mapping[str, Any] = dict(db.execute(f'SELECT key, value FROM "{FACTS_TABLE}"'))
    text = "{" + ",".join(f"{json.dumps(k)}:{v}" for k, v in rows.items()) + "}"
    return adapter(SnapshotFacts).validate_json(text)


def select_clues(extra: str = "", ordinals: range | None = None) -> str:
    """SELECT of `clues` in ordinal order: ordinal, CLUE_COLUMNS, then `extra` columns; only
    the `ordinals` given (a range of step 1), or all."""
    more = f", {extra}" if extra else ""
    where = (
        ""
        if ordinals is None
        else f" WHERE ordinal >= {ordinals.start} AND ordinal < {ordinals.stop}"
    )
    return (
        f'SELECT ordinal, {_quoted(CLUE_COLUMNS)}{more} FROM "{CLUE_TABLE}" c{where} '
        "ORDER BY ordinal"
    )


def select_items(table: str) -> str:
    """SELECT of an item table (or `assisting_units`) in (ordinal, position) order."""
    names = ("unit_code",) if table == ASSISTING_TABLE else ITEM_COLUMNS[table]
    return f'SELECT ordinal, {_quoted(names)} FROM "{table}" ORDER BY ordinal, position'
