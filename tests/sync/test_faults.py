"""Faults between the client and the real city platform: dropped connections, killed
clients, lost answers, concurrent syncs, rejections, restarts, late commits, scope changes,
resets, attachments, expiring tokens and skewed clocks.

Every test ends with a fault-free sync and `check_invariants` (tests/sync/faultkit.py): the
store equals the server's view of the user's scope, every action was applied at most once,
and none was lost.
"""

from __future__ import annotations

import hashlib
import math
import signal
import threading
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from random import Random
from typing import Any

import pytest
from faultkit import (
    FAST_RETRY,
    OTHER_TOWNSHIP,
    PG_ENV,
    TOWNSHIP_UNIT,
    ChildSync,
    Rig,
    build_sqlite_template,
    draft,
    open_rig,
    pick,
    postgres_base_url,
    sqlite_ok,
    wait_for,
)
from sqlalchemy import func, select

from cityplatform.config import DELAY_HEADER, FAKE_NOW_ENV
from desktop.domain.timeutil import china_now
from desktop.domain.workflow import Action
from desktop.store.attachments import attachment_path, store_file
from desktop.store.database import DB_FILE
from desktop.store.models import Attachment, ClueAttachment
from desktop.store.sync_apply import export_clue, sync_problems, sync_status
from desktop.sync.api import PlatformApi
from desktop.sync.auth import open_client
from desktop.sync.engine import SyncRun, SyncSummary, summary_lines
from desktop.sync.errors import Offline

pytestmark = pytest.mark.slow

MIB = 1024 * 1024
BACKENDS = [
    "sqlite",
    pytest.param(
        "postgresql",
        marks=pytest.mark.skipif(postgres_base_url() is None, reason=f"{PG_ENV} 未设置"),
    ),
]


@pytest.fixture(scope="session")
def fault_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeded, prepared SQLite platform database every SQLite test copies."""
    return build_sqlite_template(tmp_path_factory.mktemp("fault-template"))


@pytest.fixture
def rig(request: pytest.FixtureRequest, fault_template: Path, tmp_path: Path) -> Iterator[Rig]:
    """Database, server and fault proxy of one test (SQLite unless parametrized)."""
    backend = getattr(request, "param", "sqlite")
    with open_rig(backend, fault_template, tmp_path) as made:
        yield made


def _photo(folder: Path, name: str, size: int, seed: int) -> Path:
    path = folder / name
    path.write_bytes(Random(seed).randbytes(size))
    return path


# ---------------------------------------------------------------- 1. dropped mid-page


def test_connection_dropped_mid_page_fails_clearly_and_keeps_no_partial_page(rig: Rig) -> None:
    county = rig.device("county")
    cursors: list[str | None] = []

    def progress(phase: str, done: int, total: int | None) -> None:
        if phase == "pull" and total is None:
            cursors.append(county.cursor())

    rig.proxy.arm("cut_response", "GET", "/api/v1/pull", after=1)
    mark = rig.proxy.mark()
    with pytest.raises(Offline) as error:
        county.sync(page_size=10, progress=progress)
    assert "连接中断" in str(error.value)
    pulls = rig.proxy.since(mark, "GET", "/api/v1/pull")
    assert [p.fault for p in pulls] == [None, "cut_response"]  # a cut body is not re-sent
    # Page 1 and its cursor were committed; nothing of the cut page 2.
    assert cursors[0] is None and cursors[1] is not None
    assert county.cursor() == cursors[1]
    assert len(county.codes()) == 10

    summary = county.sync(page_size=10)
    assert not summary.reset and summary.pulled_clues == len(rig.server.view("county")) - 10
    rig.check(county)


# ---------------------------------------------------------------- 2. SIGKILL before commit


def test_client_killed_before_committing_a_page_recovers(rig: Rig) -> None:
    county = rig.device("county")
    county.login()  # the child process refreshes with the token saved in the data dir
    county.close()
    child = ChildSync(
        county.data_dir, rig.proxy.url, county.username, page_size=10, block_on_page=3
    )
    lines = child.wait_line("BLOCKED")
    pages = [line.split() for line in lines if line[:4] == "PAGE"]
    committed = {int(n): cursor for _, n, cursor, _ in pages}
    _, held_cursor, wal_bytes = lines[-1].split()
    assert sorted(committed) == [1, 2]
    # The page is in the WAL, uncommitted (the child's small cache spilled it there).
    assert int(wal_bytes) > int(pages[-1][3])
    assert child.kill() == -signal.SIGKILL

    county.open()  # the store opens: SQLite recovers from the WAL
    assert sqlite_ok(county.data_dir / DB_FILE)
    assert county.cursor() == committed[2] != held_cursor
    assert len(county.codes()) == 20  # pages 1 and 2, nothing of page 3

    summary = county.sync(page_size=10)
    assert summary.pulled_clues == len(rig.server.view("county")) - 20
    rig.check(county)


# ---------------------------------------------------------------- 3. lost push answer


def test_a_lost_push_answer_comes_back_duplicate_and_nothing_is_applied_twice(rig: Rig) -> None:
    county = rig.device("county")
    county.sync()
    registered = county.act(Action.REGISTER, None, draft("应答丢失的登记"))
    county.act(Action.DISPATCH, registered.clue_code, {"lead_unit": TOWNSHIP_UNIT})
    county.act(Action.APPROVE, pick(county.able(Action.APPROVE), "clue the county may close"))
    county.act(Action.URGE, pick(county.codes("handling"), "handling clue"))

    # Every answer of the run is lost: the push is sent three times, then the run fails.
    rig.proxy.arm("drop_response", "POST", "/api/v1/push", times=None)
    mark = rig.proxy.mark()
    with pytest.raises(Offline):
        county.sync()
    pushes = rig.proxy.since(mark, "POST", "/api/v1/push")
    assert [(p.status, p.fault) for p in pushes] == [(200, "drop_response")] * 3
    history = rig.db.history()
    assert set(county.taken) <= set(history.events) and not history.duplicates
    assert len(county.outbox("pending")) == 4  # the client does not know yet
    rig.proxy.clear()

    summary = county.sync()
    assert (summary.applied, summary.duplicate, summary.rejected) == (0, 4, 0)
    assert county.row(registered.clue_code) is None  # renamed to the platform's code
    rig.check(county)

    # Only the first answer lost: the transport re-sends and gets "duplicate" in the same run.
    county.act(Action.URGE, pick(county.codes("handling"), "handling clue"), {"note": "再次督办"})
    county.act(Action.DISPATCH, pick(county.able(Action.DISPATCH, "registered"), "registered clue"))
    rig.proxy.arm("drop_response", "POST", "/api/v1/push", times=1)
    mark = rig.proxy.mark()
    summary = county.sync()
    assert (summary.applied, summary.duplicate, summary.rejected) == (0, 2, 0)
    assert len(rig.proxy.since(mark, "POST", "/api/v1/push")) == 2
    rig.check(county)


# ---------------------------------------------------------------- 4. two syncs at once


@pytest.mark.parametrize("rig", BACKENDS, indirect=True)
def test_two_syncs_pushing_at_once_apply_every_action_exactly_once(rig: Rig) -> None:
    county = rig.device("county")
    county.sync()
    # Actions that change the status: pushed twice, the second copy cannot be applied again.
    closing = county.able(Action.APPROVE)[:2]
    dispatching = county.able(Action.DISPATCH, "registered")[:2]
    assert len(closing) == len(dispatching) == 2, (closing, dispatching)
    for code in closing:
        county.act(Action.APPROVE, code)
    for code in dispatching:
        county.act(Action.DISPATCH, code, {"lead_unit": TOWNSHIP_UNIT})
    county.act(Action.URGE, pick(county.codes("handling"), "handling clue"))
    taken = len(county.taken)

    slow = county.http  # holds each change number 0.4 s before committing (test hook)
    slow.session.headers[DELAY_HEADER] = "0.4"
    other = open_client(
        county.store, rig.proxy.url, county.username, retry=FAST_RETRY, use_keyring=False
    )
    other.access_token = slow.access_token  # the same login (a second refresh would rotate)
    outcome: dict[str, SyncSummary | BaseException] = {}

    def run(name: str, http: Any) -> None:
        try:
            outcome[name] = SyncRun(county.store, PlatformApi(http)).run()
        except BaseException as exc:  # noqa: BLE001 - reported below
            outcome[name] = exc

    first = threading.Thread(target=run, args=("first", slow))
    first.start()
    wait_for(
        lambda: rig.proxy.busy("POST", "/api/v1/push") and rig.db.writer_busy(),
        "the first push to hold a change number",
    )
    second = threading.Thread(target=run, args=("second", other))
    second.start()
    first.join(60)
    second.join(60)
    other.close()
    del slow.session.headers[DELAY_HEADER]
    a, b = outcome["first"], outcome["second"]
    assert isinstance(a, SyncSummary), a
    assert isinstance(b, SyncSummary), b
    # Each action was answered applied to exactly one of the runs, duplicate to the other;
    # never "rejected": the second copy of an applied action is a duplicate.
    assert (a.rejected, b.rejected) == (0, 0), (a, b)
    assert a.applied + b.applied == taken
    assert a.applied + a.duplicate == taken and b.applied + b.duplicate == taken

    summary = county.sync()
    assert (summary.applied, summary.pending, summary.problems) == (0, 0, 0)
    rig.check(county, problems=())


# ---------------------------------------------------------------- 5. one rejected in a batch


def test_one_rejected_action_in_a_batch_leaves_the_others_applied(rig: Rig) -> None:
    township = rig.device("township")
    township.sync()
    a, b, c = township.codes("dispatched", lead=TOWNSHIP_UNIT)[:3]
    township.act(Action.SIGN, a)
    refused = township.act(Action.SIGN, b)
    township.act(Action.SIGN, c)
    township.act(Action.REPORT, a)
    # Meanwhile the county makes another unit the lead of b; 新海街道 only assists.
    rig.server.client("county").do(
        Action.DISPATCH, b, {"lead_unit": OTHER_TOWNSHIP, "assisting_units": [TOWNSHIP_UNIT]}
    )

    summary = township.sync()
    assert (summary.applied, summary.rejected, summary.problems) == (3, 1, 1)
    [problem] = sync_problems(township.store)
    assert (problem.action_id, problem.clue_code, problem.code) == (refused.action_id, b, "refused")
    assert problem.reason == "只有主办单位可以签收"  # the platform's own words
    row_b, row_a = township.row(b), township.row(a)
    assert row_b is not None and row_a is not None
    assert (row_b.status, row_b.lead_unit) == ("dispatched", OTHER_TOWNSHIP)  # view rebuilt
    assert row_a.status == "reviewing"
    rig.check(township, problems={refused.action_id})


# ---------------------------------------------------------------- 6. server restarted


def test_server_restarted_mid_sync(rig: Rig) -> None:
    county = rig.device("county")
    county.sync()
    county.act(Action.URGE, pick(county.codes("handling"), "handling clue"))
    county.act(Action.APPROVE, pick(county.able(Action.APPROVE), "clue the county may close"))
    before = county.cursor()
    stopped: list[bool] = []

    def stop_before_pull(phase: str, done: int, total: int | None) -> None:
        if phase == "pull" and not stopped:
            rig.server.stop()
            stopped.append(True)

    with pytest.raises(Offline):
        county.sync(progress=stop_before_pull)
    assert county.outbox() == []  # the push was answered and recorded before the stop
    assert county.cursor() == before
    rig.server.start()  # same database, same port
    after = county.sync()
    assert after.pulled_clues + after.skipped_clues == 2  # the two clues the push changed
    rig.check(county)

    # Restarted between two pages of a paged pull: the same run carries on.
    fresh = rig.device("county")
    restarted: list[int] = []

    def restart_mid_pull(phase: str, done: int, total: int | None) -> None:
        if phase == "pull" and total is None and done == 20 and not restarted:
            rig.server.restart()
            restarted.append(rig.server.starts)

    summary = fresh.sync(page_size=10, progress=restart_mid_pull)
    total = len(rig.server.view("county"))
    assert restarted == [3] and summary.pulled_clues == total
    assert summary.pages == math.ceil(total / 10)
    assert fresh.sync().pulled_clues == 0
    rig.check(fresh)


# ---------------------------------------------------------------- 7. late commit


@pytest.mark.parametrize("rig", BACKENDS, indirect=True)
def test_a_pull_during_a_late_commit_does_not_skip_it(rig: Rig) -> None:
    township = rig.device("township")
    township.sync()
    late_code, next_code = township.codes("dispatched", lead=TOWNSHIP_UNIT)[:2]
    county, city = rig.server.client("county"), rig.server.client("city")
    answers: dict[str, dict[str, Any]] = {}

    def late_push() -> None:  # takes change N, holds it 3 s, then commits
        answers["late"] = county.do(
            Action.URGE, late_code, {"note": "慢提交的督办"}, headers={DELAY_HEADER: "3"}
        )

    def next_push() -> None:  # change N+1, written behind N
        answers["next"] = city.do(Action.URGE, next_code, {"note": "市级督办"})

    late = threading.Thread(target=late_push)
    late.start()
    wait_for(rig.db.writer_busy, "the late push to hold its change number")
    following = threading.Thread(target=next_push)
    following.start()
    during = township.sync()  # pulls while N is not committed yet
    assert late.is_alive(), "the pull must happen while change N is held"
    assert during.pulled_clues == 0
    late.join(60)
    following.join(60)
    assert answers["next"]["seq"] == answers["late"]["seq"] + 1

    after = township.sync()
    assert after.pulled_clues == 2  # N and N+1: the pull during the hold skipped nothing
    for code, name in ((late_code, "late"), (next_code, "next")):
        exported = export_clue(township.store, code)
        assert exported is not None
        assert answers[name]["action_id"] in {e["action_id"] for e in exported["events"]}
    rig.check(township)


# ---------------------------------------------------------------- 8. reassigned away


def test_a_clue_reassigned_away_while_offline(rig: Rig) -> None:
    township = rig.device("township")
    township.sync()
    code, other = township.codes("dispatched", lead=TOWNSHIP_UNIT)[:2]
    sign = township.act(Action.SIGN, code)
    report = township.act(Action.REPORT, code)
    township.act(Action.SIGN, other)
    # Meanwhile the county re-dispatches the clue to another township.
    rig.server.client("county").do(Action.DISPATCH, code, {"lead_unit": OTHER_TOWNSHIP})

    summary = township.sync()
    assert (summary.applied, summary.rejected, summary.pending) == (1, 2, 0)
    problems = sync_problems(township.store)
    assert [p.action_id for p in problems] == [sign.action_id, report.action_id]
    for problem in problems:
        assert problem.code == "out_of_scope"
        assert problem.reason == f"线索 {code} 不在您的办理范围内"
    assert township.row(code) is None  # left the scope: gone from the store
    rig.check(township, problems={sign.action_id, report.action_id})
    again = township.sync()
    assert again.problems == 2  # the rejections stay until the user deals with them
    rig.check(township, problems={sign.action_id, report.action_id})


# ---------------------------------------------------------------- 9. user moved


def test_a_moved_user_gets_the_new_scope_and_keeps_the_outbox(rig: Rig) -> None:
    township = rig.device("township")
    township.sync()
    old = pick(township.codes("dispatched", lead=TOWNSHIP_UNIT), "dispatched clue")
    sign = township.act(Action.SIGN, old)
    registered = township.act(Action.REGISTER, None, draft("调岗前离线登记的化工厂"))
    rig.server.cli("user", "move", "--username", township.username, "--unit", OTHER_TOWNSHIP)

    summary = township.sync()
    assert summary.reset
    assert (summary.applied, summary.rejected, summary.pending) == (1, 1, 0)
    [problem] = sync_problems(township.store)  # kept through the reset
    assert (problem.action_id, problem.code) == (sign.action_id, "out_of_scope")
    assert township.row(old) is None and township.row(registered.clue_code) is None
    view = rig.server.view("township")
    [new_code] = [c for c, clue in view.items() if clue["subject_name"] == "调岗前离线登记的化工厂"]
    row = township.row(new_code)
    assert row is not None and not row.provisional and row.registered_by_unit == OTHER_TOWNSHIP
    status = sync_status(township.store)
    assert status.user is not None and status.user["unit_code"] == OTHER_TOWNSHIP
    rig.check(township, problems={sign.action_id})
    assert not township.sync().reset


# ---------------------------------------------------------------- 10. cursor too old


def test_a_cursor_older_than_the_tombstone_horizon_resets_to_a_full_resync(rig: Rig) -> None:
    township = rig.device("township")
    township.sync()
    gone, stays = township.codes("dispatched", lead=TOWNSHIP_UNIT)[:2]
    sign = township.act(Action.SIGN, stays)
    rig.server.client("county").do(Action.DISPATCH, gone, {"lead_unit": OTHER_TOWNSHIP})
    rig.server.cli("prune", "--days", "0")  # the tombstone of `gone` is pruned
    horizon = int(rig.db.scalar("SELECT value FROM settings WHERE key = 'tombstone_horizon'"))
    exits = rig.db.scalar("SELECT COUNT(*) FROM scope_exits WHERE clue_code = :c", c=gone)
    assert horizon > 0 and exits == 0

    summary = township.sync()
    assert summary.reset and (summary.applied, summary.rejected) == (1, 0)
    # No tombstone could tell the client; the end of the full resync swept the clue.
    assert township.row(gone) is None
    row = township.row(stays)
    assert row is not None and row.status == "handling"
    rig.check(township, problems=())
    assert sign.action_id in rig.db.history().events


def test_a_paged_full_resync_after_a_prune_completes_even_when_interrupted(rig: Rig) -> None:
    township = rig.device("township")
    township.sync()
    gone = pick(township.codes("dispatched", lead=TOWNSHIP_UNIT), "dispatched clue")
    rig.server.client("county").do(Action.DISPATCH, gone, {"lead_unit": OTHER_TOWNSHIP})
    rig.server.cli("prune", "--days", "0")  # as `serve` does at every start (180 days)

    # 410, then the full resync (pages of 5) is cut on its second page: half a reset.
    rig.proxy.arm("cut_response", "GET", "/api/v1/pull", after=2)
    mark = rig.proxy.mark()
    with pytest.raises(Offline):
        township.sync(page_size=5)
    pulls = [(p.status, p.code) for p in rig.proxy.since(mark, "GET", "/api/v1/pull")]
    assert pulls[:2] == [(410, "reset_required"), (200, None)]
    assert pulls[2] == (200, None), (
        "page 2 of a pull from scratch was refused as older than the tombstone horizon: "
        f"{pulls[2]} (cityplatform/pull.py read_page checks cursor.seq < horizon for the "
        "cursor of page 1, whose seq is that of old clues)"
    )
    assert township.row(gone) is not None  # marked, not swept yet
    rig.proxy.clear()

    summary = township.sync(page_size=5)
    assert not summary.reset
    assert township.row(gone) is None  # the end of the resumed full resync swept it
    rig.check(township, problems=())

    # A new device's first sync over several pages, after the prune.
    fresh = rig.device("county")
    assert fresh.sync(page_size=10).pages > 1
    rig.check(fresh)


# ---------------------------------------------------------------- 11. attachments


def test_an_interrupted_attachment_upload_resumes_where_the_server_stands(
    rig: Rig, tmp_path: Path
) -> None:
    county = rig.device("county")
    county.sync()
    photo = _photo(tmp_path, "现场照片.jpg", 2 * MIB + 12345, seed=11)
    stored = store_file(county.store, photo)
    code = pick(county.codes("handling"), "handling clue")
    attachments = [{"sha256": stored.sha256, "name": photo.name}]
    county.act(Action.URGE, code, {"note": "附现场照片", "attachments": attachments})
    path = f"/api/v1/attachments/{stored.sha256}"

    # The connection breaks for every chunk after the first: the run fails.
    rig.proxy.arm("drop_request", "PUT", path, after=1, times=None)
    mark = rig.proxy.mark()
    with pytest.raises(Offline):
        county.sync()
    puts = rig.proxy.since(mark, "PUT", path)
    assert [(p.query["offset"], p.fault) for p in puts] == [("0", None)] + [
        (str(MIB), "drop_request")
    ] * 3
    # The status of an upload is told only to the device that uploads it.
    state = county.api().upload_status(stored.sha256)
    assert (state.received, state.size, state.complete) == (MIB, stored.size, False)
    assert len(county.outbox("pending")) == 1
    rig.proxy.clear()

    mark = rig.proxy.mark()
    summary = county.sync()
    assert (summary.uploaded_files, summary.applied) == (1, 1)
    assert [p.query["offset"] for p in rig.proxy.since(mark, "PUT", path)] == [
        str(MIB),
        str(2 * MIB),
    ]  # resumed at the server's offset, nothing sent twice
    download = rig.server.client("county").call("GET", path)
    assert hashlib.sha256(download.content).hexdigest() == stored.sha256
    rig.check(county)


def test_a_corrupt_chunk_is_discarded_and_uploaded_again_cleanly(rig: Rig, tmp_path: Path) -> None:
    county = rig.device("county")
    county.sync()
    photo = _photo(tmp_path, "整改前照片.jpg", 2 * MIB + 777, seed=12)
    stored = store_file(county.store, photo)
    code = pick(county.codes("handling"), "handling clue")
    attachments = [{"sha256": stored.sha256, "name": photo.name}]
    urge = county.act(Action.URGE, code, {"note": "附整改前照片", "attachments": attachments})
    path = f"/api/v1/attachments/{stored.sha256}"

    rig.proxy.arm("corrupt_body", "PUT", path, query={"offset": str(2 * MIB)})
    mark = rig.proxy.mark()
    summary = county.sync()
    puts = rig.proxy.since(mark, "PUT", path)
    assert [(p.query["offset"], p.status, p.code) for p in puts] == [
        ("0", 200, None),
        (str(MIB), 200, None),
        (str(2 * MIB), 422, "digest_mismatch"),
    ]
    assert "SHA-256" in summary.upload_failures[stored.sha256]
    # The action waits for its file (attachment_missing), it is not a sync problem.
    assert (summary.applied, summary.retry, summary.pending, summary.problems) == (0, 1, 1, 0)
    state = county.api().upload_status(stored.sha256)
    assert state.received == 0 and not state.complete  # the bad upload was discarded

    mark = rig.proxy.mark()
    summary = county.sync()
    assert (summary.uploaded_files, summary.applied, summary.upload_failures) == (1, 1, {})
    assert [p.query["offset"] for p in rig.proxy.since(mark, "PUT", path)] == [
        "0",
        str(MIB),
        str(2 * MIB),
    ]
    download = rig.server.client("county").call("GET", path)
    assert hashlib.sha256(download.content).hexdigest() == stored.sha256
    assert urge.action_id in rig.db.history().events
    rig.check(county)


def test_the_same_photo_attached_twice_is_stored_once(rig: Rig, tmp_path: Path) -> None:
    county = rig.device("county")
    county.sync()
    photo = _photo(tmp_path, "现场照片.jpg", 300 * 1024, seed=13)
    copy = tmp_path / "现场照片-副本.jpg"
    copy.write_bytes(photo.read_bytes())
    stored, again = store_file(county.store, photo), store_file(county.store, copy)
    assert stored == again
    p, q = county.codes("handling")[:2]
    for code, name in ((p, photo.name), (q, copy.name), (p, copy.name)):
        attachments = [{"sha256": stored.sha256, "name": name}]
        county.act(Action.URGE, code, {"note": "附现场照片", "attachments": attachments})
    path = f"/api/v1/attachments/{stored.sha256}"
    mark = rig.proxy.mark()
    summary = county.sync()
    assert (summary.uploaded_files, summary.applied) == (1, 3)
    assert len(rig.proxy.since(mark, "PUT", path)) == 1

    sha = stored.sha256
    assert rig.db.scalar("SELECT COUNT(*) FROM attachments WHERE sha256 = :s", s=sha) == 1
    links = rig.db.scalar("SELECT COUNT(*) FROM clue_attachments WHERE sha256 = :s", s=sha)
    assert links == 2  # one per clue, however often attached
    files = [f for f in (rig.server.folder / "files").rglob(sha + "*") if f.is_file()]
    assert [f.name for f in files] == [sha]
    assert rig.server.view("county")[p]["attachments"][0]["name"] == photo.name  # first name
    with county.store.session() as session:
        assert session.scalar(select(func.count()).where(Attachment.sha256 == sha)) == 1
        assert session.scalar(select(func.count()).where(ClueAttachment.sha256 == sha)) == 2
    assert attachment_path(county.store, sha).exists()
    assert [f.name for f in county.store.attachments_dir.rglob(sha + "*")] == [sha]
    rig.check(county)


# ---------------------------------------------------------------- 12. token expiring


def test_an_access_token_expiring_mid_sync_is_refreshed_once(rig: Rig) -> None:
    county = rig.device("county")
    county.login()
    jumped: list[bool] = []

    def clock_jump(phase: str, done: int, total: int | None) -> None:
        if phase == "pull" and total is None and done == 20 and not jumped:
            later = (china_now() + timedelta(minutes=20)).isoformat()
            rig.server.restart(env={FAKE_NOW_ENV: later})  # access tokens live 15 minutes
            jumped.append(True)

    mark = rig.proxy.mark()
    summary = county.sync(page_size=10, progress=clock_jump)
    assert jumped and not summary.cancelled
    assert summary.pulled_clues == len(rig.server.view("county"))
    seen = rig.proxy.since(mark)
    refused = [(s.method, s.path, s.code) for s in seen if s.status == 401]
    assert refused == [("GET", "/api/v1/pull", "token_expired")]
    at = next(i for i, s in enumerate(seen) if s.status == 401)
    assert [(s.path, s.status) for s in seen[at + 1 : at + 3]] == [
        ("/api/v1/auth/refresh", 200),
        ("/api/v1/pull", 200),
    ]
    assert len([s for s in seen if s.path == "/api/v1/auth/refresh"]) == 1
    assert county.sync().pulled_clues == 0  # the new token keeps working
    rig.check(county)


# ---------------------------------------------------------------- 13. client clock off


def test_a_client_clock_days_off_is_reported_and_does_not_reorder(rig: Rig) -> None:
    ahead, behind = rig.device("county"), rig.device("county")

    def plus_two_days() -> Any:
        return china_now() + timedelta(days=2)

    def minus_three_days() -> Any:
        return china_now() - timedelta(days=3)

    first = ahead.sync(clock=plus_two_days)
    second = behind.sync(clock=minus_three_days)
    assert first.skew_warning and abs(first.clock_skew_seconds + 2 * 86400) < 120
    assert second.skew_warning and abs(second.clock_skew_seconds - 3 * 86400) < 120
    assert any("本机时钟与服务器相差约" in line for line in summary_lines(second))
    stored_skew = sync_status(behind.store).clock_skew_seconds
    assert stored_skew is not None and abs(stored_skew - 3 * 86400) < 120

    code = pick(ahead.codes("handling"), "handling clue")
    registered = pick(behind.able(Action.DISPATCH, "registered"), "registered clue")
    early = ahead.act(Action.URGE, code, {"note": "时钟快两天的督办"}, now=plus_two_days())
    ahead.sync(clock=plus_two_days)
    # Taken "five days earlier" by the other device's clock, but pushed later.
    late = behind.act(Action.URGE, code, {"note": "时钟慢三天的督办"}, now=minus_three_days())
    dispatch = behind.act(
        Action.DISPATCH, registered, {"lead_unit": TOWNSHIP_UNIT}, now=minus_three_days()
    )
    assert behind.sync(clock=minus_three_days).applied == 2
    now = china_now()

    history = rig.db.history()
    assert history.events[early.action_id][2] < history.events[late.action_id][2]
    view = rig.server.view("county")
    events = {e["action_id"]: e for e in view[code]["events"] + view[registered]["events"]}
    for taken in (early, late, dispatch):  # server time, never the client's
        at = events[taken.action_id]["at"]
        assert abs((datetime.fromisoformat(at) - now).total_seconds()) < 600, at
    exported = export_clue(behind.store, code)
    assert exported is not None
    order = [e["action_id"] for e in exported["events"]]
    assert order.index(early.action_id) < order.index(late.action_id)  # the server's order
    ahead.sync(clock=plus_two_days)
    rig.check(ahead)
    rig.check(behind)
