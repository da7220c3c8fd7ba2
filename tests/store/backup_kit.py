"""Helpers of the backup and recovery tests (no tests here): a store's content as row counts and
hashes, pending actions taken as the window takes them, and damage done to a copy."""

from __future__ import annotations

import hashlib
import random
import shutil
import sqlite3
from datetime import timedelta
from pathlib import Path
from typing import Any

from desktop.domain.workflow import Action
from desktop.store.database import DB_FILE, Store, open_store
from desktop.store.health import CLEAN_CLOSE_SUFFIX
from desktop.store.local_actions import take_action
from tests.conftest import NOW

PAGE = 4096


def content(db: Path, *, skip: dict[str, set[str]] | None = None) -> dict[str, tuple[int, str]]:
    """Every table's row count and a SHA-256 over its rows in primary-key order.

    `skip`: columns left out per table (what a full resync is meant to change).
    """
    skip = skip or {}
    connection = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        tables = [
            (str(name), str(sql or ""))
            for name, sql in connection.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        found: dict[str, tuple[int, str]] = {}
        for name, sql in tables:
            if sql.upper().startswith("CREATE VIRTUAL"):
                continue  # its shadow tables hold its rows
            info = connection.execute(f'PRAGMA table_info("{name}")').fetchall()
            keys = [str(r[1]) for r in sorted(info, key=lambda r: r[5]) if r[5]]
            columns = [str(r[1]) for r in info if str(r[1]) not in skip.get(name, set())]
            order = ", ".join(f'"{k}"' for k in keys) if keys else "rowid"
            listed = ", ".join(f'"{c}"' for c in columns)
            digest = hashlib.sha256()
            count = 0
            for row in connection.execute(f'SELECT {listed} FROM "{name}" ORDER BY {order}'):
                digest.update(repr(row).encode())
                count += 1
            found[name] = (count, digest.hexdigest())
        return found
    finally:
        connection.close()


def copy_demo(demo_store_dir: Path, folder: Path) -> Store:
    """A writable copy of the shared demo store, opened."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(demo_store_dir / DB_FILE, folder / DB_FILE)
    return open_store(folder)


def register_clue(store: Store, n: int, username: str = "haizhou") -> str:
    """Register a clue on this device (a pending action); its provisional code."""
    payload: dict[str, Any] = {
        "channel": "hotline_12345",
        "channel_ref": f"GD2026112700{n:02d}",
        "received_at": (NOW - timedelta(hours=1)).isoformat(),
        "category": "water",
        "priority": "normal",
        "county_code": "320706",
        "township_code": None,
        "subject_name": f"备份测试洗车行{n}",
        "subject_credit_code": None,
        "address": "海州区新海街道建设东路139号",
        "description": f"洗车污水直排雨水管网（第 {n} 条）",
        "reporter_name": "张三",
        "reporter_phone": "13812345678",
    }
    return take_action(store, username, "test", Action.REGISTER, None, payload, now=NOW).clue_code


def outbox_ids(db: Path) -> list[str]:
    """The action ids in a store file's clue outbox, in order."""
    connection = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return [str(r[0]) for r in connection.execute("SELECT action_id FROM outbox ORDER BY seq")]
    finally:
        connection.close()


def damage(db: Path, pages: int = 3) -> None:
    """Overwrite pages in the middle of the file with noise (same size, same name), and
    drop the clean-close record as a crash would."""
    count = db.stat().st_size // PAGE
    noise = random.Random(20261205).randbytes(PAGE * pages)
    with db.open("r+b") as out:
        out.seek((count // 2) * PAGE)
        out.write(noise)
    Path(f"{db}{CLEAN_CLOSE_SUFFIX}").unlink(missing_ok=True)


def sha256(path: Path) -> str:
    """The file's SHA-256."""
    return hashlib.sha256(path.read_bytes()).hexdigest()
