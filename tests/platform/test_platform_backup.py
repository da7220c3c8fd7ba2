"""`cluedesk-platform backup` and `restore`: a SQLite round trip (while the server runs), and a
PostgreSQL round trip through pg_dump/pg_restore into a scratch database."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import uuid
from pathlib import Path

import pytest
from platform_testkit import PG_ENV, pg_execute, postgres_base_url
from sqlalchemy import create_engine, inspect, text

from cityplatform.cli import main
from cityplatform.launcher import start_platform, stop_platform


def rows(url: str) -> dict[str, tuple[int, str]]:
    """Every table's row count and a hash of its rows (in a stable order)."""
    engine = create_engine(url)
    try:
        found = {}
        with engine.connect() as connection:
            for table in sorted(inspect(connection).get_table_names()):
                data = connection.execute(text(f'SELECT * FROM "{table}"')).all()
                lines = sorted(repr(tuple(str(v) for v in row)) for row in data)
                found[table] = (len(data), hashlib.sha256("\n".join(lines).encode()).hexdigest())
        return found
    finally:
        engine.dispose()


def test_sqlite_round_trip_while_the_server_runs(
    sqlite_template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    live = tmp_path / "platform.sqlite3"
    shutil.copyfile(sqlite_template, live)
    url = f"sqlite:///{live}"
    _address, process = start_platform(url, tmp_path / "files", timeout=60)
    try:
        out = tmp_path / "平台备份.sqlite3"
        assert main(["backup", "--db", url, "--out", str(out)]) == 0
        assert str(out) in capsys.readouterr().out
    finally:
        stop_platform(process)
    assert rows(f"sqlite:///{out}") == rows(url)
    assert main(["backup", "--db", url, "--out", str(out)]) == 2  # never overwrites
    assert "已存在" in capsys.readouterr().err

    assert main(["restore", str(out), "--db", url]) == 2  # a non-empty database
    assert "--force" in capsys.readouterr().err
    target = tmp_path / "restored" / "platform.sqlite3"
    assert main(["restore", str(out), "--db", f"sqlite:///{target}"]) == 0
    assert rows(f"sqlite:///{target}") == rows(url)
    connection = sqlite3.connect(live)
    connection.execute("DELETE FROM clue_events")
    connection.commit()
    connection.close()
    assert main(["restore", str(out), "--db", url, "--force"]) == 0
    assert rows(url) == rows(f"sqlite:///{out}")


def test_a_file_that_is_not_a_platform_backup_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bogus = tmp_path / "notes.sqlite3"
    connection = sqlite3.connect(bogus)
    connection.execute("CREATE TABLE notes (x)")
    connection.close()
    target = tmp_path / "p.sqlite3"
    assert main(["restore", str(bogus), "--db", f"sqlite:///{target}"]) == 2
    assert "不是市级平台的数据库" in capsys.readouterr().err and not target.exists()
    assert main(["backup", "--db", f"sqlite:///{tmp_path / 'none.sqlite3'}", "--out", "x"]) == 2
    assert "不存在" in capsys.readouterr().err


@pytest.mark.skipif(postgres_base_url() is None, reason=f"{PG_ENV} 未设置")
def test_postgresql_round_trip_into_a_scratch_database(
    sqlite_template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from cityplatform.security import FAST_HASHER
    from cityplatform.seed import seed_demo
    from tests.conftest import NOW

    base = postgres_base_url()
    assert base is not None
    name = f"cluedesk_restore_{uuid.uuid4().hex[:12]}"
    source_name = f"cluedesk_backup_{uuid.uuid4().hex[:12]}"
    pg_execute(base, f'CREATE DATABASE "{source_name}"')
    pg_execute(base, f'CREATE DATABASE "{name}"')
    engine_url = create_engine(base).url
    source = engine_url.set(database=source_name).render_as_string(hide_password=False)
    scratch = engine_url.set(database=name).render_as_string(hide_password=False)
    try:
        seed_demo(source, 50, seed=3, now=NOW, hasher=FAST_HASHER)
        out = tmp_path / "platform.dump"
        assert main(["backup", "--db", source, "--out", str(out)]) == 0
        assert out.read_bytes().startswith(b"PGDMP")
        password = create_engine(base).url.password
        if password:
            assert str(password) not in capsys.readouterr().out
        assert main(["restore", str(out), "--db", scratch]) == 0
        assert rows(scratch) == rows(source)
        assert main(["restore", str(out), "--db", scratch]) == 2  # now not empty
        assert main(["restore", str(out), "--db", scratch, "--force"]) == 0
        assert rows(scratch) == rows(source)
    finally:
        pg_execute(base, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        pg_execute(base, f'DROP DATABASE IF EXISTS "{source_name}" WITH (FORCE)')
