"""Schema upgrades: Alembic run in process on the platform database."""

from __future__ import annotations

from importlib.resources import files

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Engine


def alembic_config() -> Config:
    """An Alembic config pointing at the migrations inside the package."""
    config = Config()
    config.set_main_option("script_location", str(files("cityplatform") / "migrations"))
    return config


def head_revision() -> str:
    """The newest schema revision this platform knows."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at (None for an empty database)."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def _known(revision: str) -> bool:
    try:
        return ScriptDirectory.from_config(alembic_config()).get_revision(revision) is not None
    except CommandError:
        return False


def upgrade_if_needed(engine: Engine) -> bool:
    """Bring the database to the head revision; return whether anything was done.

    A database newer than this program knows is refused rather than damaged.
    """
    head = head_revision()
    current = current_revision(engine)
    if current == head:
        return False
    if current is not None and not _known(current):
        raise RuntimeError(f"数据库版本 {current} 比本程序新，请升级平台程序（数据未做任何改动）")
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    return True
