"""Recovery: put a backup (or a new store) in place of a damaged or unwanted one, keep the old
file, bring back the pending actions still readable in it, and ask for a full resync.

The old file is never deleted: a damaged one is renamed `cluedesk-damaged-<time>.sqlite3`
beside it, a sound one becomes a `pre-restore` backup. The actions the user took that the
backup does not hold (rows of the outbox tables, matched by their action id) are read from
the old file row by row, skipping what cannot be read, and appended to the restored store's
outbox; the sync cursors are then dropped so the next sync pushes them and pulls every clue
again (what changed on the platform since the backup comes back that way).
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from desktop.domain.messages import Message
from desktop.store.backups import (
    PRE_RESTORE,
    Backup,
    backup_dir,
    check_store_file,
    copy_database,
    open_database,
    parse_name,
)
from desktop.store.database import DB_FILE, Store, open_store
from desktop.store.errors import StoreUnusable, driver_errors
from desktop.store.health import forget_clean_close, private_dir
from desktop.store.sqlite_files import has_sqlite_header, marker_path

log = logging.getLogger("cluedesk.store.recovery")

OUTBOX_TABLES = ("outbox", "supervision_outbox", "verification_outbox")
"""The tables of actions taken on this device and not yet accepted by the platform."""
PENDING = "pending"
CURSOR_KEYS = ("cursor", "supervision_cursor", "verification_cursor")
DEVICE_KEYS = ("device_id", "device_seq")
"""Sync state a new store takes over from the old file: the device stays the same device."""
PROBE_LIMIT = 1_000_000
"""The highest row number probed one by one when a table cannot be read in one go."""
_SIDES = ("-wal", "-shm")
_STAMP = "%Y%m%d-%H%M%S"


@dataclass
class Salvage:
    """The outbox rows read from an old store file, per table (as column → value)."""

    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    device: dict[str, Any] = field(default_factory=dict)
    complete: bool = True
    """False when some rows or tables could not be read."""

    def pending(self) -> list[dict[str, Any]]:
        """The rows of every outbox table still waiting to be pushed."""
        return [r for rows in self.rows.values() for r in rows if r.get("state") == PENDING]


@dataclass(frozen=True)
class Recovery:
    """What a restore did: the backup used (None: a new store), the old file kept, and how
    many actions found only in the old file were put back in the outbox."""

    restored_from: Path | None
    kept: Path | None
    salvaged: int
    salvage_complete: bool


# -- reading what can be read ------------------------------------------------------------------


def _columns(connection: sqlite3.Connection, table: str) -> list[str]:
    return [str(r[1]) for r in connection.execute(f'PRAGMA table_info("{table}")')]


def _rows(connection: sqlite3.Connection, table: str, columns: Sequence[str]) -> tuple[list, bool]:
    """The rows of `table`, all at once when possible, else one by one: (rows, complete)."""
    listed = ", ".join(f'"{c}"' for c in columns)
    try:
        found = connection.execute(f'SELECT {listed} FROM "{table}" ORDER BY seq').fetchall()
        return [dict(zip(columns, r, strict=True)) for r in found], True
    except driver_errors() as exc:
        log.warning("the %s table cannot be read in one go (%s): row by row", table, exc)
    seen: set[int] = set()
    for order in ("ASC", "DESC"):  # both ends of the b-tree, as far as each is readable
        try:
            for (seq,) in connection.execute(f'SELECT seq FROM "{table}" ORDER BY seq {order}'):
                seen.add(int(seq))
        except driver_errors():
            pass
    top = min(max(seen, default=0) + 1000, PROBE_LIMIT)
    rows = []
    for seq in range(1, top + 1):
        try:
            row = connection.execute(
                f'SELECT {listed} FROM "{table}" WHERE seq = ?', (seq,)
            ).fetchone()
        except driver_errors():
            continue
        if row is not None:
            rows.append(dict(zip(columns, row, strict=True)))
    return rows, False


def _copy_with_sides(source: Path, folder: Path) -> Path:
    """A byte copy of a store file and its WAL, to read without touching the original."""
    handle, name = tempfile.mkstemp(dir=folder, prefix=".salvage-", suffix=".sqlite3")
    os.close(handle)
    copy = Path(name)
    shutil.copyfile(source, copy)
    wal = Path(f"{source}-wal")
    if wal.is_file():
        shutil.copyfile(wal, Path(f"{copy}-wal"))
    return copy


"""What reading an old store file can meet: damage, or the key of an encrypted one gone."""


def read_salvage(old: Path) -> Salvage:
    """The outbox rows (and device identity) readable from a store file, damaged or not.

    Reads a copy, so the kept file is never written to; never raises for damage.
    """
    salvage = Salvage()
    try:
        copy = _copy_with_sides(old, old.parent)
    except OSError as exc:
        log.error("cannot copy %s to read its pending actions: %s", old, exc)
        return Salvage(complete=False)
    try:
        connection = open_database(copy)
        try:
            for table in OUTBOX_TABLES:
                try:
                    columns = _columns(connection, table)
                except driver_errors():
                    columns = []
                if "action_id" not in columns or "seq" not in columns:
                    salvage.complete = salvage.complete and table != "outbox"
                    continue
                rows, complete = _rows(connection, table, columns)
                salvage.rows[table] = rows
                salvage.complete = salvage.complete and complete
            for key in DEVICE_KEYS:
                try:
                    row = connection.execute(
                        "SELECT value FROM sync_state WHERE key = ?", (key,)
                    ).fetchone()
                except driver_errors():
                    row = None
                if row is not None:
                    salvage.device[key] = row[0]
        finally:
            connection.close()
    except driver_errors(StoreUnusable) as exc:  # damage, or a key that is gone
        log.error("cannot read the pending actions of %s: %s", old, exc)
        salvage.complete = False
    finally:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{copy}{suffix}").unlink(missing_ok=True)
    return salvage


def _action_ids(connection: sqlite3.Connection, table: str) -> set[str]:
    try:
        return {str(r[0]) for r in connection.execute(f'SELECT action_id FROM "{table}"')}
    except driver_errors():
        return set()


def missing_from(salvage: Salvage, backup: Path) -> int:
    """How many pending actions read from the old file the backup does not hold."""
    connection = open_database(backup)
    try:
        known = {table: _action_ids(connection, table) for table in OUTBOX_TABLES}
    finally:
        connection.close()
    return sum(
        1
        for table, rows in salvage.rows.items()
        for row in rows
        if row.get("state") == PENDING and row["action_id"] not in known.get(table, set())
    )


# -- putting things in place -------------------------------------------------------------------


def _move_with_sides(source: Path, target: Path) -> None:
    os.replace(source, target)
    for suffix in _SIDES:
        side = Path(f"{source}{suffix}")
        if side.exists():
            os.replace(side, Path(f"{target}{suffix}"))


def move_aside(data_dir: Path, *, damaged: bool, now: datetime | None = None) -> Path | None:
    """Move the store file (with its WAL) out of the way, never deleting it; where it went.

    A damaged file stays in the data folder as `cluedesk-damaged-<time>.sqlite3`; a sound
    one becomes a `pre-restore` backup. None when there was no store file.
    """
    db_path = Path(data_dir) / DB_FILE
    if not os.path.lexists(db_path):
        return None
    stamp = (now or datetime.now()).strftime(_STAMP)
    if damaged:
        target = db_path.with_name(f"{db_path.stem}-damaged-{stamp}.sqlite3")
    else:
        folder = private_dir(backup_dir(data_dir))
        target = folder / f"{db_path.stem}-{stamp}-{PRE_RESTORE}.sqlite3"
    serial = 1
    while os.path.lexists(target):
        serial += 1
        target = target.with_name(target.name.replace(".sqlite3", f"-{serial}.sqlite3"))
    _move_with_sides(db_path, target)
    forget_clean_close(db_path)
    log.info("the store file was moved aside to %s", target)
    return target


def _append(store: Store, salvage: Salvage, *, rebuild: bool) -> int:
    """Append the salvaged rows the store's outbox tables lack; the number appended."""
    from desktop.store.sync_apply.state import get_value, put_value
    from desktop.store.sync_apply.view import rebuild_touched
    from desktop.store.sync_apply.work import Work

    appended = 0
    codes: list[str] = []
    with store.session() as session, session.begin():
        connection = session.connection()
        for table, rows in salvage.rows.items():
            present = {
                str(r[1]) for r in connection.exec_driver_sql(f'PRAGMA table_info("{table}")')
            }
            known = {
                str(r[0]) for r in connection.exec_driver_sql(f'SELECT action_id FROM "{table}"')
            }
            for row in sorted(rows, key=lambda r: int(r["seq"])):
                if row["action_id"] in known:
                    continue
                values = {k: v for k, v in row.items() if k in present and k != "seq"}
                names = ", ".join(f'"{k}"' for k in values)
                marks = ", ".join("?" for _ in values)
                connection.exec_driver_sql(
                    f'INSERT INTO "{table}" ({names}) VALUES ({marks})', tuple(values.values())
                )
                known.add(row["action_id"])
                appended += 1
                if table == "outbox" and row.get("state") == PENDING:
                    codes.append(str(row["clue_code"]))
        for key, value in salvage.device.items():
            if key == "device_id" and get_value(session, key) is None:
                put_value(session, key, _json(value))
            if key == "device_seq":
                current = int(get_value(session, key, 0) or 0)
                put_value(session, key, max(current, int(_json(value) or 0)))
        if rebuild and codes:
            rebuild_touched(Work(session), codes)
    return appended


def _json(raw: Any) -> Any:
    import json

    try:
        return json.loads(raw) if isinstance(raw, str) else raw
    except ValueError:
        return raw


def full_resync(store: Store) -> None:
    """Drop every sync cursor: the next sync pulls every clue and record again."""
    from desktop.store.sync_apply import reset_server_data
    from desktop.store.sync_apply.state import write_state

    reset_server_data(store)
    write_state(store, **{key: None for key in CURSOR_KEYS})


def restore(
    data_dir: Path,
    source: Path | None,
    *,
    damaged: bool,
    now: datetime | None = None,
) -> tuple[Store, Recovery]:
    """Put the backup `source` (None: a new, empty store) in place and open it.

    `source` is checked before anything is touched. The current file is moved aside (see
    `move_aside`); the pending actions only it holds are appended to the restored outbox;
    after a backup, the sync cursors are dropped for a full resync. Returns the opened
    store, migrated as usual when the backup is older. StoreUnusable when it cannot be done
    (the folder is then as it was).
    """
    folder = Path(data_dir)
    if source is not None:
        check_store_file(source, folder)
    db_path = folder / DB_FILE
    kept = move_aside(folder, damaged=damaged, now=now)
    try:
        if source is not None:
            copy_database(source, db_path, data_dir=folder)
            if not has_sqlite_header(db_path):  # an encrypted backup: the store is too
                marker_path(folder).touch()
        store = open_store(folder)
    except BaseException:
        if kept is not None and not os.path.lexists(db_path):
            for suffix in ("", *_SIDES):
                Path(f"{db_path}{suffix}").unlink(missing_ok=True)
            _move_with_sides(kept, db_path)
        raise
    try:
        salvage = read_salvage(kept) if kept is not None else Salvage()
        salvaged = _append(store, salvage, rebuild=source is not None)
        if source is not None:
            full_resync(store)
    except BaseException:
        store.close()
        raise
    log.info(
        "store restored from %s; %d pending actions brought back from %s",
        source or "nothing (a new store)",
        salvaged,
        kept,
    )
    return store, Recovery(source, kept, salvaged, salvage.complete)


def restore_latest(data_dir: Path, *, damaged: bool) -> tuple[Store, Recovery]:
    """Restore the newest sound backup; StoreUnusable when there is none."""
    from desktop.store.backups import latest_good_backup

    latest = latest_good_backup(data_dir)
    if latest is None:
        raise StoreUnusable(
            Message("数据目录 {folder} 中没有可用的备份", folder=str(data_dir)), Path(data_dir)
        )
    return restore(data_dir, latest.path, damaged=damaged)


def describe(path: Path) -> Backup | None:
    """The backup a path names, if it is one of ours."""
    return parse_name(path)


def kept_files(data_dir: Path) -> Iterable[Path]:
    """The damaged store files kept in a data folder."""
    return sorted(Path(data_dir).glob("*-damaged-*.sqlite3"))
