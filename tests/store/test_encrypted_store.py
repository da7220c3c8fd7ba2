"""The store encrypted at rest: SQLCipher with its key in the keyring, attachments with
AES-GCM, and the in-place upgrade of a plain store that loses nothing, even interrupted."""

from __future__ import annotations

import hashlib
import logging
import shutil
import sqlite3
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import keyring
import pytest
from alembic import command
from sqlalchemy import func, select, text

from desktop.domain.workflow import Action
from desktop.store import cipher_files, cipher_upgrade
from desktop.store.attachments import (
    attachment_path,
    copy_out,
    read_plain,
    store_file,
    stored_size,
    verify,
)
from desktop.store.cipher_requests import ATTACHMENTS_PENDING, REQUEST_FILE, request_encryption
from desktop.store.database import DB_FILE, HEAD_REVISION, Store, make_engine, open_store
from desktop.store.errors import StoreUnusable
from desktop.store.local_actions import take_action
from desktop.store.migrate import alembic_config
from desktop.store.models import Clue, OutboxAction
from desktop.store.sqlite_files import (
    ENCRYPTED_MARKER,
    KEYRING_SERVICE,
    SQLITE_MAGIC,
    connect,
    is_encrypted,
    store_id,
    store_key,
)

DEVICE = "laptop-7"
REPORTER = "欧阳翠花"
PHONE = "13912345678"
SECRET_TEXT = "夜间偷排含铬废水至蔷薇河支流的暗管位于厂区西北角"


class Crash(BaseException):
    """The program stopping dead at a step (nothing catches a BaseException there)."""


def _digest(folder: Path, key: bytes | None) -> dict[str, tuple[int, str]]:
    """Every table's row count and a hash of all its rows' content."""
    connection = connect(folder / DB_FILE, key)
    try:
        names = [
            str(name)
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        found = {}
        for name in names:
            rows = sorted(repr(row) for row in connection.execute(f'SELECT * FROM "{name}"'))
            found[name] = (len(rows), hashlib.sha256("\n".join(rows).encode()).hexdigest())
        return found
    finally:
        connection.close()


def _draft(city: Any, now: datetime, description: str) -> dict[str, Any]:
    township = city.unit(city.user(city.demo_accounts()["township"].username).unit_code)
    return {
        "channel": "12369环保举报",
        "received_at": (now - timedelta(hours=1)).isoformat(),
        "category": "水",
        "priority": "紧急",
        "description": description,
        "address": "新海街道通灌北路88号东侧",
        "county_code": township.county_code,
        "township_code": township.code,
        "subject_name": "连云港市某化工有限公司",
        "reporter_name": REPORTER,
        "reporter_phone": PHONE,
    }


@pytest.fixture
def busy_store(fresh_store: Store, demo_city: Any, now: datetime, tmp_path: Path) -> Path:
    """A plain store with clues registered offline (outbox rows, a reporter, attachments);
    closed, so that its folder can be opened again. Returns the data folder."""
    username = demo_city.demo_accounts()["township"].username
    files = []
    for index in range(3):
        source = tmp_path / f"photo-{index}.jpg"
        source.write_bytes(f"{SECRET_TEXT} photo {index} ".encode() * (400 + index))
        files.append(store_file(fresh_store, source))
    for index in range(3):
        draft = _draft(demo_city, now, f"{SECRET_TEXT}（第{index + 1}次）")
        draft["attachments"] = [{"sha256": files[index].sha256, "name": f"现场{index}.jpg"}]
        take_action(fresh_store, username, DEVICE, Action.REGISTER, None, draft, now=now)
    fresh_store.close()
    return fresh_store.data_dir


def _encrypt(folder: Path) -> Store:
    request_encryption(folder)
    store = open_store(folder)
    assert store.key is not None and store.encryption_problem == ""
    return store


def _count(store: Store, model: Any) -> int:
    with store.session() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_upgrade_in_place_keeps_every_row_and_every_attachment(
    busy_store: Path, file_keyring: Path, tmp_path: Path
) -> None:
    before = _digest(busy_store, None)
    assert before["outbox"][0] == 3 and before["clues"][0] == 3
    plain_files = {
        path.name: path.read_bytes() for path in (busy_store / "attachments").glob("??/*")
    }
    assert len(plain_files) == 3

    store = _encrypt(busy_store)
    try:
        assert is_encrypted(busy_store / DB_FILE)
        assert _digest(busy_store, store.key) == before
        assert _count(store, OutboxAction) == 3
        with store.session() as session:
            assert session.scalar(select(Clue.reporter_name).limit(1)) == REPORTER
        for sha256, content in plain_files.items():
            on_disk = attachment_path(store, sha256).read_bytes()
            assert cipher_files.is_encrypted_file(attachment_path(store, sha256))
            assert SECRET_TEXT.encode() not in on_disk
            assert read_plain(store, sha256) == content
            assert verify(store, sha256) and stored_size(store, sha256) == len(content)
            assert copy_out(store, sha256, tmp_path / "out.jpg").read_bytes() == content
        # a new file of an encrypted store is written encrypted, named by its plain digest
        source = tmp_path / "new.txt"
        source.write_text(f"{SECRET_TEXT} 新附件", encoding="utf-8")
        stored = store_file(store, source)
        assert stored.sha256 == hashlib.sha256(source.read_bytes()).hexdigest()
        assert cipher_files.is_encrypted_file(attachment_path(store, stored.sha256))
        assert read_plain(store, stored.sha256) == source.read_bytes()
    finally:
        store.close()
    names = {path.name for path in busy_store.iterdir()}
    assert REQUEST_FILE not in names and ATTACHMENTS_PENDING not in names
    assert not any(name.startswith(".encrypting") for name in names)


def test_a_copied_encrypted_file_without_its_key_is_noise(
    busy_store: Path, file_keyring: Path, tmp_path: Path
) -> None:
    plain = (busy_store / DB_FILE).read_bytes()
    assert SECRET_TEXT.encode() in plain and REPORTER.encode() in plain  # the test can see

    _encrypt(busy_store).close()
    copied = tmp_path / "copied.sqlite3"
    shutil.copyfile(busy_store / DB_FILE, copied)
    data = copied.read_bytes()
    assert not data.startswith(SQLITE_MAGIC)
    for secret in (SECRET_TEXT, REPORTER, PHONE, "连云港市某化工有限公司"):
        assert secret.encode() not in data
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(copied).execute("SELECT count(*) FROM clues").fetchone()


def _key_entry(folder: Path) -> str:
    identity = store_id(folder)
    assert identity is not None
    return identity


def test_the_encrypted_store_opens_only_with_its_key(busy_store: Path, file_keyring: Path) -> None:
    store = _encrypt(busy_store)
    expected = _count(store, Clue)
    store.close()
    store = open_store(busy_store)  # its own key, from the keyring
    assert store.key is not None and _count(store, Clue) == expected == 3
    store.close()
    file_bytes = (busy_store / DB_FILE).read_bytes()

    right = keyring.get_password(KEYRING_SERVICE, _key_entry(busy_store))
    keyring.set_password(KEYRING_SERVICE, _key_entry(busy_store), "ab" * 32)  # another key
    with pytest.raises(StoreUnusable, match="密钥环中保存的密钥打不开"):
        open_store(busy_store)
    keyring.delete_password(KEYRING_SERVICE, _key_entry(busy_store))
    with pytest.raises(StoreUnusable) as missing:
        open_store(busy_store)
    assert str(missing.value).startswith("线索库已加密，但本机密钥环中没有它的密钥")
    assert "新的数据目录" in str(missing.value)
    assert (busy_store / DB_FILE).read_bytes() == file_bytes  # refused, untouched

    assert right is not None
    keyring.set_password(KEYRING_SERVICE, _key_entry(busy_store), right)
    store = open_store(busy_store)
    assert _count(store, Clue) == 3
    store.close()


def test_an_encrypted_store_without_any_keyring_is_refused_with_the_message(
    busy_store: Path, file_keyring: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _encrypt(busy_store).close()
    from keyring.backends import fail

    monkeypatch.setattr(keyring.core, "_keyring_backend", fail.Keyring())
    with pytest.raises(StoreUnusable, match="线索库已加密，但本机密钥环中没有它的密钥"):
        store_key(busy_store)


def test_two_data_folders_have_two_keys(
    busy_store: Path, file_keyring: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other"
    shutil.copytree(busy_store, other)
    first, second = _encrypt(busy_store), _encrypt(other)
    try:
        assert first.key != second.key
        assert store_id(busy_store) != store_id(other)
    finally:
        first.close()
        second.close()


def test_without_a_keyring_the_store_stays_plain_and_says_why(
    busy_store: Path, no_keyring: None, caplog: pytest.LogCaptureFixture
) -> None:
    before = _digest(busy_store, None)
    request_encryption(busy_store)
    with caplog.at_level(logging.WARNING, logger="cluedesk.store"):
        store = open_store(busy_store)
    try:
        assert store.key is None
        assert "平台要求加密本机线索库" in store.encryption_problem
        assert "密钥环" in store.encryption_problem
        assert "fail" in store.encryption_problem.lower()  # the cause: which backend
        assert any("stays plain" in r.getMessage() for r in caplog.records)
        assert _count(store, OutboxAction) == 3
    finally:
        store.close()
    assert (busy_store / DB_FILE).read_bytes().startswith(SQLITE_MAGIC)
    assert _digest(busy_store, None) == before


def _crash_on_call(number: int, real: Callable[..., Any]) -> Callable[..., Any]:
    calls = []

    def step(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        if len(calls) == number:
            raise Crash
        return real(*args, **kwargs)

    return step


INTERRUPTIONS = {
    "during the export": ("_export", 1, cipher_upgrade._export),
    "during the verification": ("_verify", 1, cipher_upgrade._verify),
    "after the marker, before the file is replaced": ("_write_note", 2, cipher_upgrade._write_note),
    "after the file is replaced": ("forget_clean_close", 1, cipher_upgrade.forget_clean_close),
    "between two attachment files": ("encrypt_in_place", 2, cipher_files.encrypt_in_place),
}


@pytest.mark.parametrize("where", list(INTERRUPTIONS))
def test_an_interrupted_upgrade_leaves_a_whole_store_and_the_next_start_finishes_it(
    busy_store: Path, file_keyring: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    before = _digest(busy_store, None)
    contents = {p.name: p.read_bytes() for p in (busy_store / "attachments").glob("??/*")}
    name, number, real = INTERRUPTIONS[where]
    module: Any = cipher_files if name == "encrypt_in_place" else cipher_upgrade
    monkeypatch.setattr(module, name, _crash_on_call(number, real))
    request_encryption(busy_store)
    with pytest.raises(Crash):
        open_store(busy_store)
    monkeypatch.setattr(module, name, real)

    # the store left behind is whole: plain, or encrypted with its key in the keyring
    key = store_key(busy_store)
    assert _digest(busy_store, key) == before
    replaced = name in ("forget_clean_close", "encrypt_in_place")
    assert (key is not None) == replaced

    store = open_store(busy_store)  # the next start finishes the upgrade
    try:
        assert store.key is not None
        assert _digest(busy_store, store.key) == before
        for sha256, content in contents.items():
            assert cipher_files.is_encrypted_file(attachment_path(store, sha256))
            assert read_plain(store, sha256) == content
    finally:
        store.close()
    assert not (busy_store / REQUEST_FILE).exists()
    assert (busy_store / ENCRYPTED_MARKER).exists()


def test_alembic_migrates_an_encrypted_store(busy_store: Path, file_keyring: Path) -> None:
    store = _encrypt(busy_store)
    key = store.key
    store.close()
    engine = make_engine(busy_store / DB_FILE, key=key)
    try:
        config = alembic_config()
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0011")
        with engine.connect() as connection:
            assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar() == (
                "0011"
            )
    finally:
        engine.dispose()
    # The next start migrates it, after a pre-migration backup encrypted like the store.
    reopened = open_store(busy_store)
    try:
        with reopened.engine.connect() as connection:
            assert (
                connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
                == HEAD_REVISION
            )
            assert connection.execute(text("SELECT count(*) FROM outbox")).scalar() == 3
    finally:
        reopened.close()
    assert is_encrypted(busy_store / DB_FILE)
    (saved,) = (busy_store / "backups").glob("*premigrate*")
    assert not saved.read_bytes().startswith(SQLITE_MAGIC)
    assert connect(saved, key).execute("SELECT count(*) FROM outbox").fetchone() == (3,)


def test_backups_of_an_encrypted_store_are_encrypted_and_restore_identically(
    busy_store: Path, file_keyring: Path
) -> None:
    from desktop.store.backups import MANUAL, check_store_file, take_backup
    from desktop.store.recovery import restore

    store = _encrypt(busy_store)
    key = store.key
    before = _digest(busy_store, key)
    store.close()

    made = take_backup(busy_store / DB_FILE, MANUAL)
    data = made.path.read_bytes()
    assert not data.startswith(SQLITE_MAGIC)
    for secret in (REPORTER, PHONE, SECRET_TEXT):
        assert secret.encode() not in data
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(made.path).execute("SELECT count(*) FROM sqlite_master").fetchone()
    assert check_store_file(made.path).revision == HEAD_REVISION

    restored, recovery = restore(busy_store, made.path, damaged=False)
    try:
        assert recovery.restored_from == made.path
        assert is_encrypted(busy_store / DB_FILE)
        assert _count(restored, OutboxAction) == 3
    finally:
        restored.close()
    after = _digest(busy_store, key)
    for table in ("clues", "outbox", "units"):
        assert after[table] == before[table], table

    identity = store_id(busy_store)
    assert identity is not None
    keyring.delete_password(KEYRING_SERVICE, identity)  # another PC's keyring: no key
    with pytest.raises(StoreUnusable, match="不是 SQLite 数据库文件"):
        check_store_file(made.path)


def test_only_an_encrypted_store_gets_the_large_page_cache(
    busy_store: Path, file_keyring: Path
) -> None:
    from desktop.store.database import ENCRYPTED_CACHE_KIB

    plain = open_store(busy_store)
    try:
        with plain.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA cache_size").scalar() == -2000
    finally:
        plain.close()
    store = _encrypt(busy_store)
    try:
        with store.engine.connect() as connection:
            found = connection.exec_driver_sql("PRAGMA cache_size").scalar()
            assert found == -ENCRYPTED_CACHE_KIB
    finally:
        store.close()
