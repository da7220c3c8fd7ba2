"""Storage failures in plain words: SQLite's, SQLAlchemy's and the system's errors become the
clerk's sentence (what happened, what to do), never SQL, its parameters or a Python repr."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import IntegrityError, OperationalError

from desktop.store.database import DB_FILE, make_engine, open_store
from desktop.store.errors import StoreUnusable, storage_problem

REPORTER = "张秀英"
PHONE = "13912345678"
SQL_WORDS = ("SELECT", "INSERT", "UPDATE", "DELETE", "VALUES", "[SQL", "parameters")


def plain(message: str) -> None:
    """A message a clerk may read: no SQL, no parameters, no reporter data, no repr."""
    for word in (*SQL_WORDS, REPORTER, PHONE, "Error(", "sqlite3.", "sqlalchemy"):
        assert word not in message, (word, message)


def full_connection(path: Path) -> sqlite3.Connection:
    """A connection on a database that cannot grow any more (SQLITE_FULL on the next page)."""
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE reports (name TEXT, phone TEXT, content TEXT)")
    connection.commit()
    pages = connection.execute("PRAGMA page_count").fetchone()[0]
    connection.execute(f"PRAGMA max_page_count = {pages}")
    return connection


def test_a_full_database_reads_as_a_full_disk(tmp_path: Path) -> None:
    connection = full_connection(tmp_path / "x.sqlite3")
    with pytest.raises(sqlite3.OperationalError) as raised:
        for _ in range(100):
            connection.execute(
                "INSERT INTO reports VALUES (?, ?, ?)", (REPORTER, PHONE, "油烟" * 500)
            )
    problem = storage_problem(raised.value, tmp_path / DB_FILE)
    assert problem is not None and "磁盘空间不足" in str(problem) and "清理磁盘" in str(problem)
    assert str(tmp_path / DB_FILE) in str(problem)
    plain(str(problem))


def test_sqlalchemy_errors_are_looked_through_and_their_sql_never_shown(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'plain.sqlite3'}")  # no handle_error here
    with engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE reports (name TEXT, phone TEXT, content TEXT)")
        pages = connection.exec_driver_sql("PRAGMA page_count").scalar()
    with pytest.raises(OperationalError) as raised, engine.begin() as connection:
        connection.exec_driver_sql(f"PRAGMA max_page_count = {pages}")
        for _ in range(100):
            connection.execute(
                text("INSERT INTO reports VALUES (:name, :phone, :content)"),
                {"name": REPORTER, "phone": PHONE, "content": "噪声" * 500},
            )
    assert "INSERT" in str(raised.value)  # what SQLAlchemy would have shown
    problem = storage_problem(raised.value)
    assert problem is not None and "磁盘空间不足" in str(problem)
    plain(str(problem))
    engine.dispose()


@pytest.mark.parametrize(
    ("message", "words"),
    [
        ("database or disk is full", "磁盘空间不足"),
        ("attempt to write a readonly database", "不可读写"),
        ("database disk image is malformed", "已损坏"),
        ("file is not a database", "已损坏"),
        ("unable to open database file", "不可读写"),
        ("disk I/O error", "磁盘错误"),
    ],
)
def test_sqlite_messages_without_a_result_code_are_recognised(message: str, words: str) -> None:
    wrapped = OperationalError("UPDATE clues SET reporter = ?", (REPORTER,), Exception())
    wrapped.orig = sqlite3.OperationalError(message)  # as another driver would carry it
    problem = storage_problem(wrapped)
    assert problem is not None and words in str(problem)
    assert "本机线索库" in str(problem)
    plain(str(problem))


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.ENOSPC, "磁盘空间不足"),
        (errno.EROFS, "没有权限写入"),
        (errno.EACCES, "没有权限写入"),
    ],
)
def test_system_errors_on_files_name_the_file_and_what_to_do(
    tmp_path: Path, code: int, words: str
) -> None:
    target = tmp_path / "attachments" / "ab" / "abcdef"
    try:
        raise RuntimeError("copy failed") from OSError(code, "system text", str(target))
    except RuntimeError as exc:
        problem = storage_problem(exc)
    assert problem is not None and words in str(problem) and str(target) in str(problem)
    assert "system text" not in str(problem)


def test_a_read_only_database_reads_as_one(tmp_path: Path) -> None:
    db = tmp_path / "ro.sqlite3"
    sqlite3.connect(db).execute("CREATE TABLE t (x)").connection.commit()
    readonly = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True)  # works as root too
    with pytest.raises(sqlite3.OperationalError) as raised:
        readonly.execute("INSERT INTO t VALUES (?)", (PHONE,))
    problem = storage_problem(raised.value, db)
    assert problem is not None and "不可读写" in str(problem) and str(db) in str(problem)
    plain(str(problem))


def test_other_errors_are_not_storage_problems() -> None:
    assert storage_problem(KeyError("lead_unit")) is None
    assert storage_problem(ValueError("bad")) is None
    assert storage_problem(ConnectionRefusedError(errno.ECONNREFUSED, "refused")) is None
    known = StoreUnusable("磁盘空间不足")
    try:
        raise RuntimeError("outer") from known
    except RuntimeError as exc:
        assert storage_problem(exc) is known


def test_the_store_keeps_parameters_out_of_its_errors(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    try:
        with pytest.raises(IntegrityError) as raised, store.engine.begin() as connection:
            for _ in range(2):
                connection.execute(
                    text("INSERT INTO sync_state (key, value) VALUES (:key, :value)"),
                    {"key": PHONE, "value": REPORTER},
                )
        assert PHONE not in str(raised.value) and REPORTER not in str(raised.value)
        assert "hide_parameters" in str(raised.value)
    finally:
        store.close()


def test_the_stores_engine_turns_a_full_disk_into_the_plain_sentence(tmp_path: Path) -> None:
    db = tmp_path / "store.sqlite3"
    engine = make_engine(db)
    with engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE reports (name TEXT)")
        pages = connection.exec_driver_sql("PRAGMA page_count").scalar()
    with pytest.raises(StoreUnusable) as raised, engine.begin() as connection:
        connection.exec_driver_sql(f"PRAGMA max_page_count = {pages}")
        for _ in range(100):
            connection.execute(text("INSERT INTO reports VALUES (:name)"), {"name": REPORTER * 300})
    assert "磁盘空间不足" in str(raised.value) and str(db) in str(raised.value)
    plain(str(raised.value))
    engine.dispose()
