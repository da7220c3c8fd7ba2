"""The migrations produce exactly the models' schema, and upgrades back the database up."""

from __future__ import annotations

import sqlite3
import warnings
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, text

from desktop.store import migrate
from desktop.store.database import (
    DB_FILE,
    HEAD_REVISION,
    StoreUnusable,
    make_engine,
    open_store,
)
from desktop.store.models import Base
from desktop.store.schema_extras import (
    CREATE_HISTORY_GUARD,
    CREATE_SEARCH,
    include_object,
)


def _schema(path: Path) -> dict[str, object]:
    """Everything SQLite knows of a database's schema, in comparable form."""
    db = sqlite3.connect(path)
    try:
        out: dict[str, object] = {}
        objects = db.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master "
            "WHERE name NOT LIKE 'sqlite_%' AND name != 'alembic_version' ORDER BY name"
        ).fetchall()
        for kind, name, table, sql in objects:
            normalized = " ".join((sql or "").replace('"', "").split()).lower()
            if kind == "table" and not name.startswith("clue_search"):
                out[f"table:{name}:columns"] = db.execute(f"PRAGMA table_info({name})").fetchall()
                out[f"table:{name}:fks"] = sorted(
                    row[2:] for row in db.execute(f"PRAGMA foreign_key_list({name})").fetchall()
                )
                out[f"table:{name}:indexes"] = sorted(
                    (row[1], row[2], row[3])
                    for row in db.execute(f"PRAGMA index_list({name})").fetchall()
                )
            elif kind == "index":
                out[f"index:{name}"] = (
                    table,
                    db.execute(f"PRAGMA index_xinfo({name})").fetchall(),
                    normalized if sql else None,
                )
            else:
                out[f"{kind}:{name}"] = normalized
        return out
    finally:
        db.close()


def test_migrations_produce_exactly_the_models_schema(tmp_path: Path) -> None:
    migrated = open_store(tmp_path / "migrated")
    migrated.close()

    modelled = tmp_path / "modelled.sqlite3"
    engine = create_engine(f"sqlite:///{modelled}")
    Base.metadata.create_all(engine)
    with engine.begin() as connection:
        connection.execute(text(CREATE_SEARCH))
        connection.execute(text(CREATE_HISTORY_GUARD))
    engine.dispose()

    ours, theirs = _schema(tmp_path / "migrated" / DB_FILE), _schema(modelled)
    assert set(ours) == set(theirs)
    for key in ours:
        assert ours[key] == theirs[key], key


def test_autogenerate_finds_nothing_to_migrate(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    with store.engine.connect() as connection, warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*expression-based index.*")
        context = MigrationContext.configure(
            connection, opts={"include_object": include_object, "compare_type": True}
        )
        assert compare_metadata(context, Base.metadata) == []
    store.close()


def test_downgrade_and_upgrade_again(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    config = migrate.alembic_config()
    with store.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "base")
    with store.engine.connect() as connection:
        tables = connection.execute(
            text("SELECT name FROM sqlite_master WHERE type='table' AND name != 'alembic_version'")
        ).fetchall()
    assert tables == []
    migrate.upgrade_if_needed(store.engine, store.db_path)
    assert migrate.current_revision(store.engine) == migrate.head_revision()
    store.close()


def test_the_fast_path_knows_the_newest_migration() -> None:
    assert HEAD_REVISION == migrate.head_revision()


def test_a_newer_database_is_refused_by_open_store_too(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    with store.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'f00dfeed'"))
    store.close()
    with pytest.raises(StoreUnusable, match="比本程序新"):
        open_store(tmp_path)


def test_open_is_idempotent_and_makes_no_backup_when_current(tmp_path: Path) -> None:
    open_store(tmp_path).close()
    store = open_store(tmp_path)
    assert migrate.upgrade_if_needed(store.engine, store.db_path) is None
    assert not (tmp_path / migrate.BACKUP_DIR).exists()
    store.close()


def test_upgrade_backs_up_an_older_database_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_store(tmp_path)
    with store.engine.begin() as connection:
        connection.execute(text("CREATE TABLE marker (v TEXT)"))
        connection.execute(text("INSERT INTO marker VALUES ('before upgrade')"))
    real_head = migrate.head_revision()
    # Pretend this program knows a newer revision: the file must be copied before upgrading.
    monkeypatch.setattr(migrate, "head_revision", lambda: "9999")
    saved = migrate.upgrade_if_needed(store.engine, store.db_path)
    assert saved is not None and saved.exists()
    assert saved.parent == tmp_path / migrate.BACKUP_DIR
    assert f"rev{real_head}" in saved.name
    copy = sqlite3.connect(saved)
    assert copy.execute("SELECT v FROM marker").fetchall() == [("before upgrade",)]
    copy.close()
    store.close()


def test_a_newer_database_is_refused_untouched(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    with store.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'f00dfeed'"))
    store.close()
    before = (tmp_path / DB_FILE).read_bytes()
    engine = make_engine(tmp_path / DB_FILE)
    with pytest.raises(StoreUnusable, match="比本程序新"):
        migrate.upgrade_if_needed(engine, tmp_path / DB_FILE)
    engine.dispose()
    assert (tmp_path / DB_FILE).read_bytes() == before


def test_store_pragmas(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    with store.engine.connect() as connection:
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    store.close()
