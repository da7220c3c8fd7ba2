"""Schema upgrades at start-up: back the file up, then run Alembic in process."""

from __future__ import annotations

import logging
from importlib.resources import files
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Engine

from desktop.store.backups import PREMIGRATE, take_backup
from desktop.store.errors import BACKUP_DIR as BACKUP_DIR
from desktop.store.errors import StoreUnusable, newer_version

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
    """Back the store up before upgrading it (a `premigrate` backup in its backups/ folder).

    The copy is consistent even in WAL mode and readable by the user only; a copy that could
    not be finished (a full disk) leaves nothing behind and the upgrade is refused with
    StoreUnusable.
    """
    try:
        return take_backup(db_path, PREMIGRATE, revision=revision).path
    except StoreUnusable as exc:
        message = f"升级线索库前的备份没有完成，线索库没有改动。{exc}"
        raise StoreUnusable(message, exc.path) from exc


def known_revision(revision: str) -> bool:
    """Whether this program knows the schema revision (a newer cluedesk's is unknown)."""
    try:
        return ScriptDirectory.from_config(alembic_config()).get_revision(revision) is not None
    except CommandError:
        return False


def refuse_unknown(revision: str, db_path: Path) -> None:
    """Refuse (StoreUnusable) a store at a revision this program does not know: a newer one."""
    if not known_revision(revision):
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
