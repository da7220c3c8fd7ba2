"""Rotating backups of the store: identical copies, rotation that never deletes before a good new
backup exists, consistency while another connection writes, and restores that keep the old
file and the pending actions only it holds."""

from __future__ import annotations

import sqlite3
import threading
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from desktop.store import backups, migrate
from desktop.store.backups import (
    DAILY,
    MANUAL,
    PREMIGRATE,
    check_store_file,
    daily_backup_if_due,
    latest_good_backup,
    list_backups,
    retention,
    take_backup,
)
from desktop.store.database import DB_FILE, Store, open_store
from desktop.store.errors import StoreUnusable
from desktop.store.recovery import read_salvage, restore
from desktop.store.sync_apply import sync_status
from tests.store.backup_kit import (
    content,
    copy_demo,
    damage,
    outbox_ids,
    register_clue,
    sha256,
)

T0 = datetime(2026, 12, 1, 9, 30)


def test_a_backup_restores_to_an_identical_store(demo_store_dir: Path, tmp_path: Path) -> None:
    store = copy_demo(demo_store_dir, tmp_path / "data")
    codes = [register_clue(store, n) for n in range(3)]
    made = take_backup(store.db_path, MANUAL)
    before = content(store.db_path)
    store.close()
    assert made.path.parent == tmp_path / "data" / "backups"
    assert made.path.name.endswith("-manual.sqlite3") and made.kind == MANUAL
    assert content(made.path) == before  # every table: row counts and content hashes
    assert before["clues"][0] > 3000 and before["outbox"][0] == 3

    other = tmp_path / "elsewhere"  # restored into an empty folder: the same store
    other.mkdir()
    restored, done = restore(other, made.path, damaged=False)
    restored.close()
    assert done.kept is None and done.salvaged == 0
    resync = {"clues": {"server_version"}}  # what a full resync marks
    again, saved = content(other / DB_FILE, skip=resync), content(made.path, skip=resync)
    assert again.pop("sync_state") != saved.pop("sync_state")  # the full-resync mark
    assert again == saved
    assert _state(other / DB_FILE) - _state(made.path) == {("full_resync", "true")}
    assert outbox_ids(other / DB_FILE) == outbox_ids(made.path)
    assert {c for c in codes} <= _clue_codes(other / DB_FILE)


def _state(db: Path) -> set[tuple[str, str]]:
    connection = sqlite3.connect(db)
    try:
        return {
            (str(k), str(v)) for k, v in connection.execute("SELECT key, value FROM sync_state")
        }
    finally:
        connection.close()


def _clue_codes(db: Path) -> set[str]:
    connection = sqlite3.connect(db)
    try:
        return {str(r[0]) for r in connection.execute("SELECT code FROM clues")}
    finally:
        connection.close()


def test_rotation_keeps_the_last_n_of_each_kind(fresh_store: object, tmp_path: Path) -> None:
    db = tmp_path / "data" / DB_FILE
    for day in range(5):
        take_backup(db, MANUAL, now=T0 + timedelta(days=day), keep={MANUAL: 3})
        take_backup(db, DAILY, now=T0 + timedelta(days=day), keep={DAILY: 2})
    manual = list_backups(db.parent, MANUAL)
    assert [b.taken_at for b in manual] == [T0 + timedelta(days=d) for d in (2, 3, 4)]
    assert [b.taken_at for b in list_backups(db.parent, DAILY)] == [
        T0 + timedelta(days=d) for d in (3, 4)
    ]
    assert manual[-1].path.name == "cluedesk-20261205-093000-manual.sqlite3"


def test_the_number_kept_is_a_setting_of_the_data_folder(tmp_path: Path) -> None:
    assert retention(tmp_path) == {DAILY: 7, PREMIGRATE: 3, MANUAL: 10}
    (tmp_path / "settings.ini").write_text(
        "[General]\nlanguage=zh_CN\n\n[backups]\nkeep_daily=14\nkeep_manual=0\n", encoding="utf-8"
    )
    assert retention(tmp_path) == {DAILY: 14, PREMIGRATE: 3, MANUAL: 10}


def test_a_failed_backup_deletes_nothing_and_leaves_no_partial_file(
    fresh_store: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "data" / DB_FILE
    for day in range(3):
        take_backup(db, MANUAL, now=T0 + timedelta(days=day), keep={MANUAL: 3})
    kept = [b.path for b in list_backups(db.parent, MANUAL)]
    real = backups._connect

    def full_disk(path: Path, key: bytes | None) -> sqlite3.Connection:
        connection = real(path, key)
        if path.name.endswith(".part"):  # the copy being written: the disk fills up
            connection.execute("PRAGMA max_page_count = 3")
        return connection

    monkeypatch.setattr(backups, "_connect", full_disk)
    with pytest.raises(StoreUnusable, match="磁盘空间不足"):
        take_backup(db, MANUAL, now=T0 + timedelta(days=9), keep={MANUAL: 3})
    assert [b.path for b in list_backups(db.parent, MANUAL)] == kept
    assert sorted(p.name for p in db.parent.joinpath("backups").iterdir()) == sorted(
        p.name for p in kept
    )


def test_a_copy_that_fails_its_check_is_dropped_and_the_old_ones_stay(
    fresh_store: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "data" / DB_FILE
    take_backup(db, DAILY, now=T0, keep={DAILY: 1})
    monkeypatch.setattr(backups, "_quick_check", lambda _path, _key: ["*** in database main ***"])
    with pytest.raises(StoreUnusable, match="完整性检查"):
        take_backup(db, DAILY, now=T0 + timedelta(days=1), keep={DAILY: 1})
    assert [b.taken_at for b in list_backups(db.parent)] == [T0]
    assert len(list((db.parent / "backups").iterdir())) == 1


def test_a_backup_taken_while_another_connection_writes_is_consistent(
    fresh_store: object, tmp_path: Path
) -> None:
    store = open_store(tmp_path / "data")
    with store.engine.begin() as connection:
        connection.execute(text("CREATE TABLE pairs (n INTEGER, side TEXT)"))
    stop = threading.Event()

    def write() -> None:  # each transaction writes both halves of a pair, or neither
        n = 0
        while not stop.is_set():
            with store.engine.begin() as connection:
                connection.execute(text("INSERT INTO pairs VALUES (:n, 'a')"), {"n": n})
                connection.execute(text("INSERT INTO pairs VALUES (:n, 'b')"), {"n": n})
            n += 1

    writer = threading.Thread(target=write)
    writer.start()
    try:
        made = [
            take_backup(store.db_path, MANUAL, now=T0 + timedelta(minutes=i), keep={MANUAL: 99})
            for i in range(5)
        ]
    finally:
        stop.set()
        writer.join()
    store.close()
    for backup in made:
        check_store_file(backup.path)
        copy = sqlite3.connect(backup.path)
        halves = copy.execute("SELECT n, count(*) FROM pairs GROUP BY n").fetchall()
        copy.close()
        assert all(count == 2 for _n, count in halves)
    assert max(_pairs(b.path) for b in made) > 0


def _pairs(db: Path) -> int:
    connection = sqlite3.connect(db)
    try:
        return int(connection.execute("SELECT count(*) FROM pairs").fetchone()[0])
    finally:
        connection.close()


def test_the_daily_backup_is_taken_once_a_day(fresh_store: object, tmp_path: Path) -> None:
    db = tmp_path / "data" / DB_FILE
    assert daily_backup_if_due(db, T0) is not None
    assert daily_backup_if_due(db, T0 + timedelta(hours=20)) is None
    assert daily_backup_if_due(db, T0 + timedelta(days=1)) is not None
    assert len(list_backups(db.parent, DAILY)) == 2


def test_pre_migration_backups_go_through_the_one_writer_and_rotate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_store(tmp_path)
    real_head = migrate.head_revision()
    monkeypatch.setattr(migrate, "head_revision", lambda: "9999")
    for _ in range(5):
        saved = migrate.upgrade_if_needed(store.engine, store.db_path)
        assert saved is not None and f"-premigrate-rev{real_head}" in saved.name
    store.close()
    assert len(list_backups(tmp_path, PREMIGRATE)) == 3


def test_only_a_sound_cluedesk_store_of_a_known_revision_passes_the_check(
    demo_store_dir: Path, tmp_path: Path
) -> None:
    store = copy_demo(demo_store_dir, tmp_path / "data")
    good = take_backup(store.db_path, MANUAL).path
    store.close()
    assert check_store_file(good).revision == migrate.head_revision()
    text_file = tmp_path / "notes.sqlite3"
    text_file.write_text("不是数据库", encoding="utf-8")
    foreign = tmp_path / "other.sqlite3"
    connection = sqlite3.connect(foreign)
    connection.execute("CREATE TABLE contacts (id INTEGER PRIMARY KEY)")
    connection.close()
    newer = tmp_path / "newer.sqlite3"
    newer.write_bytes(good.read_bytes())
    connection = sqlite3.connect(newer)
    connection.execute("UPDATE alembic_version SET version_num = 'f00dfeed'")
    connection.commit()
    connection.close()
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(good.read_bytes())
    damage(broken, pages=6)
    for path, phrase in [
        (tmp_path / "missing.sqlite3", "不存在"),
        (text_file, "不是 SQLite"),
        (foreign, "不是 cluedesk 的线索库"),
        (newer, "比本程序新"),
        (broken, "完整性检查"),
    ]:
        with pytest.raises(StoreUnusable, match=phrase):
            check_store_file(path)


def test_restoring_keeps_the_old_store_and_brings_back_its_pending_actions(
    demo_store_dir: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "data"
    store = copy_demo(demo_store_dir, folder)
    register_clue(store, 1)
    made = take_backup(store.db_path, DAILY)
    later = [register_clue(store, n) for n in (2, 3)]  # taken after the backup
    store.close()
    damage(folder / DB_FILE)
    with pytest.raises(StoreUnusable, match="损坏"):
        open_store(folder)
    broken = sha256(folder / DB_FILE)
    salvage = read_salvage(folder / DB_FILE)
    assert len(salvage.pending()) == 3  # the outbox pages are readable, the clues' are not

    restored, done = restore(folder, latest_good_backup(folder).path, damaged=True)  # type: ignore[union-attr]
    assert done.restored_from == made.path and done.salvaged == 2
    assert done.kept is not None and done.kept.name.startswith("cluedesk-damaged-")
    assert done.kept.parent == folder and sha256(done.kept) == broken  # kept, untouched
    status = sync_status(restored)
    assert status.pending == 3 and status.cursor is None  # a full resync comes next
    codes = _clue_codes(restored.db_path)
    restored.close()
    assert set(later) <= codes  # the salvaged registers are in the local view again
    assert open_store(folder).close() is None  # the restored store opens cleanly


def test_a_refused_backup_leaves_the_folder_as_it_was(demo_store_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "data"
    copy_demo(demo_store_dir, folder).close()
    before = sorted(p.name for p in folder.iterdir())
    digest = sha256(folder / DB_FILE)
    bogus = tmp_path / "bogus.sqlite3"
    bogus.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    with pytest.raises(StoreUnusable):
        restore(folder, bogus, damaged=False)
    assert sorted(p.name for p in folder.iterdir()) == before
    assert sha256(folder / DB_FILE) == digest


def test_with_no_backup_a_new_store_keeps_the_device_and_the_pending_actions(
    demo_store_dir: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "data"
    store = copy_demo(demo_store_dir, folder)
    register_clue(store, 1)
    device = sync_status(store).device_id or ""
    store.close()
    damage(folder / DB_FILE)
    fresh, done = restore(folder, None, damaged=True)
    status = sync_status(fresh)
    fresh.close()
    assert done.restored_from is None and done.salvaged == 1 and done.kept is not None
    assert status.pending == 1 and (device == "" or status.device_id == device)


def test_a_damaged_outbox_is_read_row_by_row_skipping_what_cannot_be_read(
    fresh_store: object, tmp_path: Path
) -> None:
    store = fresh_store
    assert isinstance(store, Store)
    db = store.db_path
    for n in range(60):
        register_clue(store, n)
    store.close()  # the WAL is folded into the file
    connection = sqlite3.connect(db)
    leaves = [
        int(r[0])
        for r in connection.execute(
            "SELECT pageno FROM dbstat WHERE name = 'outbox' AND pagetype = 'leaf' ORDER BY pageno"
        )
    ]
    page_size = int(connection.execute("PRAGMA page_size").fetchone()[0])
    connection.close()
    assert len(leaves) >= 3
    with db.open("r+b") as out:  # one leaf of the outbox in the middle becomes noise
        out.seek((leaves[len(leaves) // 2] - 1) * page_size)
        out.write(b"\xa5" * page_size)
    salvage = read_salvage(db)
    read = len(salvage.rows["outbox"])
    assert not salvage.complete
    assert 0 < read < 60 and read >= 60 - 60 // len(leaves) - 5
    seqs = [row["seq"] for row in salvage.rows["outbox"]]
    assert seqs == sorted(seqs) and seqs[0] == 1 and seqs[-1] == 60


def test_a_damaged_store_message_names_the_restore_command_when_there_is_a_backup(
    fresh_store: object, tmp_path: Path
) -> None:
    from desktop.store.errors import damaged

    db = tmp_path / "data" / DB_FILE
    without = str(damaged(db, "数据页损坏"))
    assert "restore" not in without and "移到别处保存" in without
    take_backup(db, MANUAL, now=T0)
    with_backup = str(damaged(db, "数据页损坏"))
    assert f"cluedesk restore --latest --data-dir {db.parent}" in with_backup
