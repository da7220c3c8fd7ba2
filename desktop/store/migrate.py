"""Schema upgrades at start-up: back the file up, then run Alembic in process."""

from __future__ import annotations

import logging
import sqlite3
from datetime import datetime
from importlib.resources import files
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Engine

log = logging.getLogger("cluedesk.store")

BACKUP_DIR = "backups"


def alembic_config() -> Config:
    """An Alembic config pointing at the migrations inside the package."""
    config = Config()
    config.set_main_option("script_location", str(files("desktop.store") / "migrations"))
    return config


def head_revision() -> str:
    """The newest schema revision this version of cluedesk knows."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at (None for a new, empty database)."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def backup(db_path: Path, revision: str | None) -> Path:
    """Copy the database, consistently even in WAL mode, to a timestamped file beside it."""
    folder = db_path.parent / BACKUP_DIR
    folder.mkdir(exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{db_path.stem}-{stamp}-rev{revision}.sqlite3"
    source = sqlite3.connect(db_path)
    try:
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
        finally:
            copy.close()
    finally:
        source.close()
    return target


def _known(revision: str) -> bool:
    try:
        return ScriptDirectory.from_config(alembic_config()).get_revision(revision) is not None
    except CommandError:
        return False


def upgrade_if_needed(engine: Engine, db_path: Path) -> Path | None:
    """Bring the database to the head revision; return the backup made, if any.

    A newer database than this program knows is refused rather than damaged.
    """
    head = head_revision()
    current = current_revision(engine)
    if current == head:
        return None
    if current is not None and not _known(current):
        raise RuntimeError(
            f"数据库版本 {current} 比本程序新，请升级 cluedesk 后再打开（数据未做任何改动）"
        )
    saved = backup(db_path, current) if current is not None else None
    if saved is not None:
        log.info("database backed up to %s before upgrading %s -> %s", saved, current, head)
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    return saved
