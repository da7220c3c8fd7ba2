"""The first sync by snapshot against the real city platform: the store it leaves equals the
one pulled pages leave, row for row; a download cut or cancelled resumes with Range; a
corrupt file is fetched again, then pages are pulled; a feed that moves after the snapshot
reaches the client by pull; a user moved between the snapshot and the pull gets a reset and
the new scope; local work makes the client pull pages. SQLite and PostgreSQL platforms.

Every test ends with `check_invariants` (tests/sync/faultkit.py).
"""

from __future__ import annotations

import shutil
import sqlite3
import threading
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import pytest
from faultkit import OTHER_TOWNSHIP, PG_ENV, Device, Rig, draft, open_rig, postgres_base_url
from faultkit import build_sqlite_template as build_template
from sqlalchemy import Integer, select

from cityplatform.config import SNAPSHOT_WAIT_ENV
from desktop.domain.workflow import Action
from desktop.store.errors import StoreUnusable
from desktop.store.models import Base, Clue
from desktop.store.sync_apply import read_state, snapshot_load, write_state
from desktop.store.sync_apply.parse import SyncDataError
from desktop.sync import snapshot_sync
from desktop.sync.errors import Offline
from desktop.sync.snapshot_sync import OFFER_KEY, first_sync_by_snapshot, part_path

pytestmark = pytest.mark.slow

BACKENDS = [
    "sqlite",
    pytest.param(
        "postgresql",
        marks=pytest.mark.skipif(postgres_base_url() is None, reason=f"{PG_ENV} 未设置"),
    ),
]
SNAPSHOT = {"snapshot_min_clues": 1}
"""Sync options that take the snapshot for any scope (the seeded one is small)."""
PAGES = {"snapshot_min_clues": None}
"""Sync options that never take one."""
SNAPSHOTS = "/api/v1/snapshots/"


@pytest.fixture(scope="session")
def snapshot_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeded, prepared SQLite platform database every SQLite test copies."""
    return build_template(tmp_path_factory.mktemp("snapshot-template"))


@pytest.fixture
def rig(request: pytest.FixtureRequest, snapshot_template: Path, tmp_path: Path) -> Any:
    """Database, server and fault proxy of one test (SQLite unless parametrized)."""
    backend = getattr(request, "param", "sqlite")
    with open_rig(backend, snapshot_template, tmp_path) as made:
        yield made


CLUE_KEYS = {"clue_id"}
"""Columns holding a clue's row id (compared as the clue's code: ids are local)."""


def store_rows(device: Device) -> dict[str, list[tuple[Any, ...]]]:
    """Every table of the store that sync writes, row by row in id order, with local row ids
    left out and clue ids replaced by codes (sync state and the device's own tables aside)."""
    skipped = {"sync_state", "outbox", "number_blocks", "sync_runs"}
    out: dict[str, list[tuple[Any, ...]]] = {}
    with device.store.session() as session:
        codes = dict(session.execute(select(Clue.id, Clue.code)).all())
        for table in Base.metadata.sorted_tables:
            if table.name in skipped:
                continue
            keep = [
                c
                for c in table.columns
                if not (c.primary_key and isinstance(c.type, Integer) and c.name == "id")
            ]
            order = [c for c in table.primary_key.columns] or keep
            rows = session.execute(select(*keep).order_by(*order)).all()
            names = [c.name for c in keep]
            out[table.name] = [
                tuple(
                    codes.get(value, value) if name in CLUE_KEYS else value
                    for name, value in zip(names, row, strict=True)
                )
                for row in rows
            ]
    return out


def search_hits(device: Device, words: list[str]) -> dict[str, list[str]]:
    """The codes the search index finds for each word."""
    from desktop.store.search import SEARCH_TABLE, match_expression

    found: dict[str, list[str]] = {}
    with device.store.session() as session:
        connection = session.connection()
        for word in words:
            expression = match_expression(word)
            assert expression is not None
            rows = connection.exec_driver_sql(
                f"SELECT c.code FROM {SEARCH_TABLE} s JOIN clues c ON c.id = s.rowid "
                f"WHERE {SEARCH_TABLE} MATCH ? ORDER BY c.code",
                (expression,),
            )
            found[word] = [code for (code,) in rows]
    return found


@pytest.mark.parametrize("rig", BACKENDS, indirect=True)
@pytest.mark.parametrize(
    ("key", "parallel"), [("city", False), ("township", False), ("city", True)]
)
def test_a_snapshot_leaves_the_store_a_pull_leaves_row_for_row(
    rig: Rig, key: str, parallel: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    if parallel:  # the clue rows made in a second process, as for a large scope
        monkeypatch.setattr(snapshot_load, "PARALLEL_FROM", 1)
    by_snapshot, by_pages = rig.device(key), rig.device(key)
    taken = by_snapshot.sync(**SNAPSHOT)
    pulled = by_pages.sync(**PAGES)
    assert taken.snapshot_bytes > 0 and pulled.snapshot_bytes == 0
    assert taken.pages == 1 and pulled.pages >= 1  # the snapshot, then one page to its end
    assert taken.pulled_clues == pulled.pulled_clues > 0
    mine, theirs = store_rows(by_snapshot), store_rows(by_pages)
    assert mine.keys() == theirs.keys()
    for table, rows in theirs.items():
        assert mine[table] == rows, table
    assert len(mine["clue_events"]) > len(mine["clues"]) > 0
    if key == "city":  # every kind of record came through
        for table in ("notices", "notice_events", "warning_episodes", "clue_attachments"):
            assert mine[table], table
    words = ["化工", "污水", "噪声", "LYG"]
    assert search_hits(by_snapshot, words) == search_hits(by_pages, words)
    assert read_state(by_snapshot.store, OFFER_KEY) is None
    assert not list((by_snapshot.data_dir / "snapshot").glob("*"))  # the file is gone
    rig.check(by_snapshot)


@pytest.mark.parametrize("rig", BACKENDS, indirect=True)
def test_a_download_cut_midway_resumes_with_range_and_checks_the_digest(rig: Rig) -> None:
    county = rig.device("county")
    rig.proxy.arm("cut_response", "GET", SNAPSHOTS)
    mark = rig.proxy.mark()
    with pytest.raises(Offline):
        county.sync(**SNAPSHOT)
    offer = read_state(county.store, OFFER_KEY)
    assert offer is not None
    part = part_path(county.store, offer["id"])
    assert 0 < part.stat().st_size < offer["size"]  # the part stays for the next run
    assert county.codes() == [] and county.cursor() is None  # nothing loaded

    summary = county.sync(**SNAPSHOT)
    downloads = rig.proxy.since(mark, "GET", SNAPSHOTS)
    assert [d.fault for d in downloads] == ["cut_response", None]
    assert downloads[1].status == 206  # the second one continued the part
    assert len(offers(rig, mark)) == 1  # the kept offer was used again
    assert summary.snapshot_bytes == offer["size"] and not part.exists()
    rig.check(county)


def test_a_run_stopped_after_loading_leaves_no_file_behind(rig: Rig) -> None:
    county = rig.device("county")
    offered: list[dict[str, Any]] = []

    def progress(phase: str, done: int, total: int | None) -> None:
        kept = read_state(county.store, OFFER_KEY)
        if phase == "snapshot" and kept and not offered:
            offered.append(kept)

    summary = county.sync(progress=progress, **SNAPSHOT)
    assert summary.snapshot_bytes > 0 and offered
    # As if the run had stopped between the load's commit and the file's deletion:
    part = part_path(county.store, offered[0]["id"])
    part.write_bytes(b"loaded already")
    write_state(county.store, **{OFFER_KEY: offered[0]})
    again = county.sync(**SNAPSHOT)
    assert again.snapshot_bytes == 0 and not part.exists()
    assert read_state(county.store, OFFER_KEY) is None
    rig.check(county)


def test_a_kept_offer_whose_file_is_gone_is_replaced_by_a_new_one(rig: Rig) -> None:
    county = rig.device("county")
    rig.proxy.arm("cut_response", "GET", SNAPSHOTS)
    with pytest.raises(Offline):
        county.sync(**SNAPSHOT)
    kept = read_state(county.store, OFFER_KEY)
    assert kept is not None
    gone = {**kept, "id": "0123456789abcdef-1"}  # as if newer files had replaced it
    part_path(county.store, kept["id"]).rename(part_path(county.store, gone["id"]))
    write_state(county.store, **{OFFER_KEY: gone})
    mark = rig.proxy.mark()
    summary = county.sync(**SNAPSHOT)
    downloads = [
        (d.path.rsplit("/", 1)[1], d.status) for d in rig.proxy.since(mark, "GET", SNAPSHOTS)
    ]
    assert downloads == [(gone["id"], 404), (kept["id"], 200)]
    assert len(offers(rig, mark)) == 1 and summary.snapshot_bytes == kept["size"]
    assert not part_path(county.store, gone["id"]).exists()
    rig.check(county)


def test_a_cancelled_download_keeps_its_part_and_resumes(rig: Rig) -> None:
    county = rig.device("county")
    cancel = threading.Event()

    def progress(phase: str, done: int, total: int | None) -> None:
        if phase == "snapshot" and done > 0:
            cancel.set()  # the user stops the run during the download

    summary = county.sync(cancel=cancel, progress=progress, **SNAPSHOT)
    assert summary.cancelled and county.cursor() is None and county.codes() == []
    offer = read_state(county.store, OFFER_KEY)
    assert offer is not None
    held = part_path(county.store, offer["id"]).stat().st_size
    assert held > 0
    mark = rig.proxy.mark()
    summary = county.sync(**SNAPSHOT)
    assert summary.snapshot_bytes == offer["size"]
    downloads = [d.status for d in rig.proxy.since(mark, "GET", SNAPSHOTS)]
    assert downloads == ([206] if held < offer["size"] else [])  # only the rest was fetched
    rig.check(county)


@pytest.mark.parametrize("damaged", [False, True])
def test_a_part_complete_before_its_check_is_checked_from_the_disk(rig: Rig, damaged: bool) -> None:
    """A run stopped after the last block, before the digest was checked: the next run reads
    the part's digest from the disk, then loads it, or downloads it again when it was
    damaged meanwhile."""
    county = rig.device("county")
    cancel = threading.Event()

    def progress(phase: str, done: int, total: int | None) -> None:
        if phase == "snapshot" and total and done == total:
            cancel.set()  # the run stops right after the last block

    summary = county.sync(cancel=cancel, progress=progress, **SNAPSHOT)
    assert summary.cancelled and county.cursor() is None and county.codes() == []
    offer = read_state(county.store, OFFER_KEY)
    assert offer is not None
    part = part_path(county.store, offer["id"])
    assert part.stat().st_size == offer["size"]
    if damaged:
        data = bytearray(part.read_bytes())
        data[len(data) // 2] ^= 0xFF
        part.write_bytes(bytes(data))
    mark = rig.proxy.mark()
    summary = county.sync(**SNAPSHOT)
    assert summary.snapshot_bytes == offer["size"] and county.cursor() is not None
    downloads = [d.status for d in rig.proxy.since(mark, "GET", SNAPSHOTS)]
    assert downloads == ([200] if damaged else [])
    rig.check(county)


@pytest.mark.parametrize("rig", BACKENDS, indirect=True)
def test_a_corrupt_download_is_fetched_again(rig: Rig) -> None:
    county = rig.device("county")
    rig.proxy.arm("corrupt_response", "GET", SNAPSHOTS)
    mark = rig.proxy.mark()
    summary = county.sync(**SNAPSHOT)
    downloads = rig.proxy.since(mark, "GET", SNAPSHOTS)
    assert [(d.fault, d.status) for d in downloads] == [("corrupt_response", 200), (None, 200)]
    assert summary.snapshot_bytes > 0
    rig.check(county)


def test_a_download_corrupt_twice_falls_back_to_pages(rig: Rig) -> None:
    county = rig.device("county")
    rig.proxy.arm("corrupt_response", "GET", SNAPSHOTS, times=None)
    mark = rig.proxy.mark()
    summary = county.sync(**SNAPSHOT)
    faults = [d.fault for d in rig.proxy.since(mark, "GET", SNAPSHOTS)]
    assert faults == ["corrupt_response"] * 2
    assert summary.snapshot_bytes == 0 and summary.pulled_clues > 0
    assert read_state(county.store, OFFER_KEY) is None
    assert not list((county.data_dir / "snapshot").glob("*.part"))  # nothing corrupt kept
    rig.check(county)


@pytest.mark.parametrize("rig", BACKENDS, indirect=True)
def test_changes_after_the_snapshots_position_arrive_by_pull(rig: Rig) -> None:
    county = rig.device("county")
    other = rig.server.client("county")
    made: list[str] = []

    def progress(phase: str, done: int, total: int | None) -> None:
        if phase == "snapshot" and total and not made:  # the feed moves during the download
            [result] = other.push(other.action(Action.REGISTER, "临AFTER-1", draft("快照后登记")))
            made.append(result["clue_code"])

    summary = county.sync(progress=progress, **SNAPSHOT)
    assert summary.snapshot_bytes > 0 and made
    row = county.row(made[0])
    assert row is not None and row.subject_name == "快照后登记"
    assert summary.pulled_clues == len(rig.server.view("county"))
    rig.check(county)


@pytest.mark.parametrize("rig", BACKENDS, indirect=True)
def test_a_user_moved_between_snapshot_and_pull_is_reset_to_the_new_scope(rig: Rig) -> None:
    township = rig.device("township")
    moved: list[bool] = []

    def progress(phase: str, done: int, total: int | None) -> None:
        if phase == "snapshot" and total and not moved:  # after the offer, downloading
            rig.server.cli(
                "user", "move", "--username", township.username, "--unit", OTHER_TOWNSHIP
            )
            moved.append(True)

    summary = township.sync(progress=progress, **SNAPSHOT)
    # The snapshot's cursor carries the old scope epoch: the pull answered 410, and the
    # full resync (by a snapshot of the new scope) replaced the old township's clues.
    assert moved and summary.reset and summary.snapshot_bytes > 0
    assert set(township.codes()) == set(rig.server.view("township"))
    rows = [township.row(code) for code in township.codes()]
    assert rows and all(r is not None and OTHER_TOWNSHIP in _units(r) for r in rows)
    rig.check(township)
    assert not township.sync(**SNAPSHOT).reset


def _units(row: Clue) -> set[str]:
    return {row.lead_unit or "", row.registered_by_unit or "", row.township_code or ""} | {
        u for u in (row.server_state or {}).get("assisting_units", [])
    }


def test_an_action_taken_during_the_download_makes_the_client_pull_pages(rig: Rig) -> None:
    county = rig.device("county")
    taken: list[str] = []

    def progress(phase: str, done: int, total: int | None) -> None:
        if phase == "snapshot" and total and not taken:  # the user registers a clue meanwhile
            taken.append(county.act(Action.REGISTER, None, draft("下载快照时登记")).action_id)

    summary = county.sync(progress=progress, **SNAPSHOT)
    # The store holds local work: the snapshot was not loaded (nothing of it is kept) and
    # the pages merged with the pending register, which the next run sends.
    assert taken and summary.snapshot_bytes == 0 and summary.pulled_clues > 0
    assert read_state(county.store, OFFER_KEY) is None
    assert not list((county.data_dir / "snapshot").glob("*.part"))
    assert [a.action_id for a in county.outbox("pending")] == taken
    assert len(county.codes()) == len(rig.server.view("county")) + 1  # with the provisional
    assert county.sync(**SNAPSHOT).applied == 1
    rig.check(county)


@pytest.mark.parametrize("rig", BACKENDS, indirect=True)
def test_an_outbox_kept_through_a_stopped_download_is_sent_and_comes_back(rig: Rig) -> None:
    county = rig.device("county")
    cancel = threading.Event()

    def progress(phase: str, done: int, total: int | None) -> None:
        if phase == "snapshot" and total:
            cancel.set()  # stopped (as if killed) during the first download

    assert county.sync(cancel=cancel, progress=progress, **SNAPSHOT).cancelled
    registered = county.act(Action.REGISTER, None, draft("下载中断后离线登记"))
    summary = county.sync(**SNAPSHOT)
    # The register was pushed first; the kept (older) snapshot does not hold its clue, the
    # pull after the snapshot's position brings it.
    assert summary.applied == 1 and summary.snapshot_bytes > 0
    assert registered.action_id in rig.db.history().events
    [code] = [
        c for c, v in rig.server.view("county").items() if v["subject_name"] == "下载中断后离线登记"
    ]
    row = county.row(code)
    assert row is not None and not row.provisional
    rig.check(county)


def test_a_user_moved_before_a_sync_gets_a_snapshot_of_the_new_scope(rig: Rig) -> None:
    township = rig.device("township")
    township.sync(**PAGES)
    before = set(township.codes())
    rig.server.cli("user", "move", "--username", township.username, "--unit", OTHER_TOWNSHIP)
    summary = township.sync(**SNAPSHOT)
    assert summary.reset and summary.snapshot_bytes > 0
    assert set(township.codes()) == set(rig.server.view("township")) != before
    rig.check(township)


def offers(rig: Rig, mark: int) -> list[Any]:
    """The GET /snapshot requests (offers) since `mark`."""
    return [
        s for s in rig.proxy.since(mark, "GET", "/api/v1/snapshot") if s.path == "/api/v1/snapshot"
    ]


def test_an_encrypted_store_pulls_pages_and_never_holds_a_plain_snapshot(
    rig: Rig, file_keyring: Path
) -> None:
    from desktop.store.cipher_upgrade import encrypt_store_file
    from desktop.store.sqlite_files import ensure_store_key

    laptop = rig.device("county")
    laptop.close()
    encrypt_store_file(laptop.data_dir, ensure_store_key(laptop.data_dir))
    laptop.open()
    assert laptop.store.key is not None
    mark = rig.proxy.mark()
    summary = laptop.sync(**SNAPSHOT)
    assert summary.snapshot_bytes == 0 and summary.pulled_clues > 0
    assert offers(rig, mark) == [] and rig.proxy.since(mark, "GET", SNAPSHOTS) == []
    assert not (laptop.data_dir / "snapshot").exists() or not any(
        (laptop.data_dir / "snapshot").iterdir()
    )
    rig.check(laptop)


def test_a_scope_whose_first_file_is_still_being_built_is_asked_again_then_taken(
    rig: Rig,
) -> None:
    """The platform answers "preparing" instead of holding the request while a large scope's
    file is built (here it waits no time at all): the client asks again, then loads it."""
    rig.server.restart(env={SNAPSHOT_WAIT_ENV: "0"})
    county = rig.device("county")
    mark = rig.proxy.mark()
    summary = county.sync(**SNAPSHOT)
    asked = offers(rig, mark)
    assert len(asked) >= 2 and all(a.status == 200 for a in asked)
    assert summary.snapshot_bytes > 0 and summary.pulled_clues > 0
    rig.check(county)


def test_a_client_that_waited_long_enough_for_a_first_file_pulls_pages(
    rig: Rig, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past `PREPARE_WAIT_S` of "preparing" the client stops asking and pulls pages."""
    monkeypatch.setattr(snapshot_sync, "PREPARE_WAIT_S", 0.0)
    rig.server.restart(env={SNAPSHOT_WAIT_ENV: "0"})
    county = rig.device("county")
    mark = rig.proxy.mark()
    summary = county.sync(**SNAPSHOT)
    assert len(offers(rig, mark)) == 1 and rig.proxy.since(mark, "GET", SNAPSHOTS) == []
    assert summary.snapshot_bytes == 0 and summary.pulled_clues > 0
    assert read_state(county.store, OFFER_KEY) is None
    rig.check(county)


POOLED = 5
"""Connections checked out at once to see every one the store's pool keeps (its size)."""


def connection_settings(device: Device) -> set[tuple[Any, ...]]:
    """The distinct settings a load could leave on the store's pooled connections: attached
    databases and the pragmas it changes."""
    with ExitStack() as stack:
        connections = [stack.enter_context(device.store.engine.connect()) for _ in range(POOLED)]
        return {
            (
                tuple(row[1] for row in connection.exec_driver_sql("PRAGMA database_list")),
                *(
                    connection.exec_driver_sql(f"PRAGMA {name}").scalar()
                    for name in ("cache_size", "wal_autocheckpoint", "foreign_keys", "threads")
                ),
            )
            for connection in connections
        }


def log_bytes(device: Device) -> int:
    """The size of the store's write-ahead log once the background checkpoints are done."""
    device.store.settle()
    wal = device.store.db_path.with_name(device.store.db_path.name + "-wal")
    return wal.stat().st_size if wal.exists() else 0


def downloaded_file(city: Device, target: Path) -> str:
    """The city's snapshot downloaded to `target` (nothing loaded); its cursor."""
    taken: list[str] = []

    def keep(path: Path, offered: str) -> Any:
        shutil.copyfile(path, target)
        taken.append(offered)
        raise snapshot_load.StoreNotEmpty

    assert first_sync_by_snapshot(city.store, city.api(), min_clues=1, load=keep) is None
    return taken[0]


@pytest.mark.parametrize("parallel", [False, True])
def test_a_file_whose_notices_the_wire_refuses_changes_nothing(
    rig: Rig, parallel: bool, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A refused record, found in this process or the second one, rolls the whole load back
    and names the bad part; the loading connection is left as it was. The good file then
    loads, and its log is copied into the store file in the background."""
    if parallel:
        monkeypatch.setattr(snapshot_load, "PARALLEL_FROM", 1)
    city = rig.device("city")
    city.sync(**PAGES)
    before, cursor, settings = store_rows(city), city.cursor(), connection_settings(city)
    assert len(settings) == 1 and ("main",) in next(iter(settings))
    good, bad = tmp_path / "good.sqlite3", tmp_path / "bad.sqlite3"
    offered = downloaded_file(city, good)
    shutil.copyfile(good, bad)
    with sqlite3.connect(bad) as db:
        db.execute("""UPDATE clues SET notices = '[{"id": 1}]' WHERE ordinal = 2""")
    with pytest.raises(SyncDataError) as refused:
        snapshot_load.load_snapshot(city.store, bad, offered)
    assert refused.value.path.startswith("snapshot.clues[2].notices")
    assert store_rows(city) == before and city.cursor() == cursor
    assert connection_settings(city) == settings

    snapshot_load.load_snapshot(city.store, good, offered)
    assert store_rows(city) == before and city.cursor() == offered
    assert connection_settings(city) == settings and log_bytes(city) == 0
    rig.check(city)


def damage(path: Path, table: str) -> None:
    """Overwrite the leaf pages of one table of a SQLite file."""
    db = sqlite3.connect(path)
    try:
        size = db.execute("PRAGMA page_size").fetchone()[0]
        pages = [
            number
            for (number,) in db.execute(
                "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf'", (table,)
            )
        ]
    finally:
        db.close()
    assert pages
    with open(path, "r+b") as file:
        for number in pages:
            file.seek((number - 1) * size)
            file.write(bytes([0xA5]) * size)


@pytest.mark.parametrize("when", ["before", "while copying"])
def test_a_file_with_damaged_pages_is_refused_as_the_file_not_the_store(
    rig: Rig, when: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A file whose pages are damaged, found before the load or only when the store's own
    connection copies from it (which SQLite reports as the store's damage): the load is
    refused as a damaged snapshot and the store keeps what it had."""
    city = rig.device("city")
    city.sync(**PAGES)
    before, cursor, settings = store_rows(city), city.cursor(), connection_settings(city)
    damaged = tmp_path / "damaged.sqlite3"
    offered = downloaded_file(city, damaged)
    if when == "before":
        damage(damaged, "clues")
    else:
        copy = snapshot_load._write_items

        def damaging(connection: Any, base: int) -> None:
            damage(damaged, "warnings")  # as if the disk failed under the load
            copy(connection, base)

        monkeypatch.setattr(snapshot_load, "_write_items", damaging)
    with pytest.raises(SyncDataError) as refused:
        snapshot_load.load_snapshot(city.store, damaged, offered)
    assert refused.value.path == "snapshot" and "损坏" in refused.value.problem
    assert store_rows(city) == before and city.cursor() == cursor
    assert connection_settings(city) == settings
    rig.check(city)


def test_a_store_problem_met_while_loading_stays_a_store_problem(
    rig: Rig, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The file is sound: what the store's connection reports is the store's."""
    city = rig.device("city")
    city.sync(**PAGES)
    before, cursor = store_rows(city), city.cursor()
    good = tmp_path / "good.sqlite3"
    offered = downloaded_file(city, good)

    def failing(connection: Any, base: int) -> None:
        raise StoreUnusable("磁盘已满", city.store.db_path)

    monkeypatch.setattr(snapshot_load, "_write_items", failing)
    with pytest.raises(StoreUnusable):
        snapshot_load.load_snapshot(city.store, good, offered)
    assert store_rows(city) == before and city.cursor() == cursor
