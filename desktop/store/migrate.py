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

from desktop.store.errors import (
    BACKUP_DIR,
    StoreUnusable,
    newer_version,
    problem_from,
)
from desktop.store.health import create_private_file, private_dir

log = logging.getLogger("cluedesk.store")


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
    """Copy the database, consistently even in WAL mode, to a timestamped file beside it.

    The folder and the copy are readable by the user only; a copy that could not be finished
    (a full disk) is removed and the upgrade refused with StoreUnusable.
    """
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = db_path.parent / BACKUP_DIR / f"{db_path.stem}-{stamp}-rev{revision}.sqlite3"
    try:
        private_dir(target.parent)
        if not target.exists():
            create_private_file(target)
        source = sqlite3.connect(db_path)
        try:
            copy = sqlite3.connect(target)
            try:
                source.backup(copy)
            finally:
                copy.close()
        finally:
            source.close()
    except (OSError, sqlite3.Error) as exc:
        target.unlink(missing_ok=True)
        problem = problem_from(exc, target)
        if problem is None:
            raise
        message = f"升级线索库前的备份没有完成，线索库没有改动。{problem}"
        raise StoreUnusable(message, target) from exc
    return target


def _known(revision: str) -> bool:
    try:
        return ScriptDirectory.from_config(alembic_config()).get_revision(revision) is not None
    except CommandError:
        return False


def refuse_unknown(revision: str, db_path: Path) -> None:
    """Refuse (StoreUnusable) a store at a revision this program does not know: a newer one."""
    if not _known(revision):
        raise newer_version(db_path, revision)


def upgrade_if_needed(engine: Engine, db_path: Path) -> Path | None:
    """Bring the database to the head revision; return the backup made, if any.

    A newer database than this program knows is refused rather than damaged.
    """
    head = head_revision()
    current = current_revision(engine)
    if current == head:
        return None
    if current is not None:
        refuse_unknown(current, db_path)
    saved = backup(db_path, current) if current is not None else None
    if saved is not None:
        log.info("database backed up to %s before upgrading %s -> %s", saved, current, head)
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    return saved
