"""End to end: client devices syncing with the real city platform server (no mocks)."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import threading
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from sqlalchemy import delete, func, select

from desktop.demo.city import DEMO_PASSWORD
from desktop.domain.timeutil import china_now
from desktop.domain.workflow import Action, ActionRefused
from desktop.store.attachments import store_file
from desktop.store.models import Clue, ClueEvent, OutboxAction
from desktop.store.sync_apply import (
    discard_problem,
    export_clue,
    next_push_batch,
    read_state,
    sync_problems,
    sync_status,
)
from desktop.sync.api import PlatformApi
from desktop.sync.auth import login, open_client
from desktop.sync.errors import LoginRequired, OffsetMismatch, SyncError, UpgradeRequired
from desktop.sync.uploads import upload_file

if TYPE_CHECKING:
    from sync_testkit import Device, Platform

pytestmark = pytest.mark.slow

Make = Callable[[str], "Device"]
BIN = Path(sys.executable).parent


# ---------------------------------------------------------------- helpers


def _normal(value: Any) -> Any:
    """JSON with instants as datetimes, so equal instants compare equal however written."""
    if isinstance(value, str) and len(value) >= 19 and value[4:5] == "-" and "T" in value:
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            return value
    if isinstance(value, dict):
        return {k: _normal(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_normal(v) for v in value]
    return value


def _comparable(clue: dict[str, Any]) -> dict[str, Any]:
    data = _normal(clue)
    data["assisting_units"] = sorted(data["assisting_units"])
    data["attachments"] = sorted(data["attachments"], key=lambda a: a["sha256"])
    events = [{k: v for k, v in e.items() if k != "pending"} for e in data["events"]]
    data["events"] = sorted(events, key=lambda e: (e["at"], e["action_id"]))
    return data


def assert_same_as_server(device: Device, view: dict[str, dict[str, Any]]) -> None:
    """The device's store holds exactly the server's view: every clue, every field."""
    with device.store.session() as session:
        local_codes = set(session.scalars(select(Clue.code)))
    assert local_codes == set(view)
    for code, server in view.items():
        local = export_clue(device.store, code)
        assert local is not None
        ours, theirs = _comparable(local), _comparable(server)
        for key in theirs:
            assert ours.get(key) == theirs[key], f"{code}.{key}"


def _local(device: Device, code: str) -> Clue:
    with device.store.session() as session:
        return session.scalars(select(Clue).where(Clue.code == code)).one()


def _outbox(device: Device) -> list[OutboxAction]:
    with device.store.session() as session:
        return list(session.scalars(select(OutboxAction).order_by(OutboxAction.seq)))


def _draft(subject: str) -> dict[str, Any]:
    return {
        "channel": "日常检查",
        "received_at": (china_now() - timedelta(hours=1)).isoformat(),
        "category": "水",
        "priority": "一般",
        "description": f"巡查发现{subject}排污口有异常排放",
        "address": "海州区新海街道通灌北路88号",
        "county_code": "320706",
        "township_code": "320706001",
        "subject_name": subject,
    }


def _new_dispatched_clue(county: Device, lead_unit: str, subject: str) -> str:
    """Register and dispatch a clue offline on the county's device, then sync it up."""
    registered = county.act(Action.REGISTER, None, _draft(subject))
    county.act(Action.DISPATCH, registered.clue_code, {"lead_unit": lead_unit})
    summary = county.sync()
    assert (summary.applied, summary.rejected) == (2, 0)
    with county.store.session() as session:
        code = session.scalar(select(Clue.code).where(Clue.subject_name == subject))
    assert code is not None and not code.startswith("临")
    return str(code)


# ---------------------------------------------------------------- tests


def test_initial_sync_of_a_county_equals_the_servers_view(platform: Platform, device: Make) -> None:
    county = device("county")
    summary = county.sync()
    view = platform.view("county")
    assert summary.pulled_clues == len(view) > 0
    assert summary.directory_updated and summary.rules_updated
    assert not summary.cancelled and summary.problems == 0
    assert read_state(county.store, "cursor")
    assert_same_as_server(county, view)
    # Every clue of the county, and only those.
    assert {c["county_code"] for c in view.values()} == {platform.unit("county")}
    again = county.sync()
    assert (again.pulled_clues, again.directory_updated, again.rules_updated) == (0, False, False)


def test_paged_pull_can_be_cancelled_and_resumed(platform: Platform, device: Make) -> None:
    county = device("county")
    cancel = threading.Event()
    pages: list[int] = []

    def progress(phase: str, done: int, total: int | None) -> None:
        if phase == "pull":
            pages.append(done)
            if len(pages) == 3:
                cancel.set()

    first = county.sync(page_size=10, progress=progress, cancel=cancel)
    assert first.cancelled and first.pages == 2 and first.pulled_clues == 20
    assert read_state(county.store, "cursor")
    rest = county.sync(page_size=10)
    assert not rest.cancelled and rest.pulled_clues + 20 == len(platform.view("county"))
    assert_same_as_server(county, platform.view("county"))


def test_offline_actions_are_applied_on_the_server(platform: Platform, device: Make) -> None:
    county = device("county")
    county.sync()
    with county.store.session() as session:
        waiting = session.scalars(
            select(Clue.code).where(Clue.status.in_(["registered", "returned"])).order_by(Clue.id)
        ).all()
        open_clue = session.scalars(
            select(Clue.code).where(Clue.status == "handling").order_by(Clue.id)
        ).first()
    assert waiting and open_clue
    dispatch = county.act(Action.DISPATCH, waiting[0], {"lead_unit": platform.unit("township")})
    urge = county.act(Action.URGE, open_clue, {"note": "请于本周内办结"})
    assert _local(county, waiting[0]).status == "dispatched"  # the view shows it at once
    summary = county.sync(push_batch=1)
    assert (summary.applied, summary.rejected, summary.pending) == (2, 0, 0)
    assert _outbox(county) == []
    view = platform.view("county")
    server = view[waiting[0]]
    assert server["status"] == "dispatched" and server["lead_unit"] == platform.unit("township")
    ours = {e["action_id"]: e for e in server["events"]}
    assert ours[dispatch.action_id]["device_id"] == county.device_id
    assert urge.action_id in {e["action_id"] for e in view[open_clue]["events"]}
    with county.store.session() as session:
        assert not session.scalar(select(func.count()).where(ClueEvent.pending))
    assert_same_as_server(county, view)


def test_register_offline_gets_the_real_code_after_sync(platform: Platform, device: Make) -> None:
    county = device("county")
    county.sync()
    registered = county.act(Action.REGISTER, None, _draft("离线登记化工厂"))
    provisional = registered.clue_code
    assert provisional.startswith("临")
    dispatch = county.act(Action.DISPATCH, provisional, {"lead_unit": platform.unit("township")})
    summary = county.sync()
    assert (summary.applied, summary.rejected) == (2, 0)
    view = platform.view("county")
    [code] = [c for c, clue in view.items() if clue["subject_name"] == "离线登记化工厂"]
    assert not code.startswith("临")
    row = _local(county, code)
    assert not row.provisional and row.status == "dispatched"
    with county.store.session() as session:
        assert session.scalar(select(Clue.id).where(Clue.code == provisional)) is None
    actions = {e["action_id"] for e in view[code]["events"]}
    assert {registered.action_id, dispatch.action_id} <= actions
    assert_same_as_server(county, view)
    # The queue search finds the real code, and only the real one.
    result = subprocess.run(
        [
            str(BIN / "cluedesk"),
            "queue",
            "--data-dir",
            str(county.data_dir),
            "--format",
            "json",
            "--search",
            code[-6:],
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    found = [json.loads(line)["code"] for line in result.stdout.splitlines() if line.strip()]
    assert code in found and provisional not in found


def test_a_lost_push_answer_comes_back_as_duplicate(platform: Platform, device: Make) -> None:
    county = device("county")
    county.sync()
    registered = county.act(Action.REGISTER, None, _draft("应答丢失的登记"))
    api = PlatformApi(county.http)
    [result] = api.push(next_push_batch(county.store, 10))  # applied; the answer is "lost"
    assert result.status == "applied"
    summary = county.sync()
    assert (summary.applied, summary.duplicate) == (0, 1)
    real = result.clue_code
    assert _local(county, real).provisional is False
    with county.store.session() as session:
        assert session.scalar(select(Clue.id).where(Clue.code == registered.clue_code)) is None
    assert_same_as_server(county, platform.view("county"))


def test_two_devices_see_each_others_changes(platform: Platform, device: Make) -> None:
    county, township = device("county"), device("township")
    county.sync()
    township.sync()
    code = _new_dispatched_clue(county, platform.unit("township"), "两台设备互相可见")
    township.sync()
    assert _local(township, code).status == "dispatched"
    township.act(Action.SIGN, code, {})
    township.act(
        Action.REPORT,
        code,
        {"result": "现场核查未见异常排放", "finding": "untrue", "measures": "已告知企业规范管理"},
    )
    assert township.sync().applied == 2
    county.sync()
    row = _local(county, code)
    assert row.status == "reviewing"
    county.act(Action.APPROVE, code, {"note": "同意办结"})
    county.sync()
    township.sync()
    assert _local(township, code).status == "closed"
    assert_same_as_server(township, platform.view("township"))
    assert_same_as_server(county, platform.view("county"))


def test_rejected_action_shows_in_sync_problems_with_the_servers_reason(
    platform: Platform, device: Make
) -> None:
    county, first, second = device("county"), device("township"), device("township")
    county.sync()
    code = _new_dispatched_clue(county, platform.unit("township"), "两台设备同时签收")
    first.sync()
    second.sync()
    first.act(Action.SIGN, code, {})
    late = second.act(Action.SIGN, code, {})  # offline, not knowing the other device signed
    assert first.sync().applied == 1
    summary = second.sync()
    assert (summary.applied, summary.rejected, summary.problems) == (0, 1, 1)
    [problem] = sync_problems(second.store)
    assert problem.action_id == late.action_id and problem.clue_code == code
    assert problem.code == "refused"
    assert "办理中" in problem.reason  # the platform's own Chinese reason
    row = _local(second, code)
    assert row.status == "handling" and row.server_state["status"] == "handling"
    with second.store.session() as session:
        assert not session.scalar(select(func.count()).where(ClueEvent.pending))
    assert_same_as_server(second, platform.view("township"))
    discard_problem(second.store, late.action_id)
    assert sync_problems(second.store) == [] and sync_status(second.store).problems == 0


def test_a_moved_user_gets_a_reset_that_keeps_the_outbox(
    platform: Platform, device: Make, demo_city: Any
) -> None:
    county, township = device("county"), device("township")
    county.sync()
    code = _new_dispatched_clue(county, platform.unit("township"), "调岗前的线索")
    township.sync()
    assert code in {c.code for c in _all(township)}
    township.act(Action.SIGN, code, {})
    other = next(
        u.code
        for u in demo_city.handling_units("320706")
        if u.kind.value in ("township", "street") and u.code != platform.unit("township")
    )
    platform.cli("user", "move", "--username", township.username, "--unit", other)
    summary = township.sync()
    assert summary.reset
    # The sign was pushed first (and answered: the user no longer leads that clue).
    assert summary.applied + summary.rejected == 1
    assert sync_status(township.store).pending == 0
    assert_same_as_server(township, platform.view("township"))
    assert township.sync().reset is False


def test_attachments_go_up_resumably_before_the_action(
    platform: Platform, device: Make, tmp_path: Path
) -> None:
    county = device("county")
    county.sync()
    source = tmp_path / "现场照片.bin"
    source.write_bytes(os.urandom(2 * 1024 * 1024 + 12345))
    stored = store_file(county.store, source)
    with county.store.session() as session:
        code = session.scalars(
            select(Clue.code).where(Clue.status == "handling").order_by(Clue.id)
        ).first()
    assert code is not None
    api = PlatformApi(county.http)
    # An earlier run was interrupted after the first chunk.
    api.upload_chunk(stored.sha256, 0, stored.size, source.read_bytes()[: 1024 * 1024])
    assert api.upload_status(stored.sha256).received == 1024 * 1024
    with pytest.raises(OffsetMismatch) as mismatch:  # a stale offset: told where to resume
        api.upload_chunk(stored.sha256, 0, stored.size, b"x" * 10)
    assert mismatch.value.received == 1024 * 1024
    urge = county.act(
        Action.URGE,
        code,
        {"note": "附现场照片", "attachments": [{"sha256": stored.sha256, "name": source.name}]},
    )
    summary = county.sync()
    assert summary.uploaded_files == 1 and summary.applied == 1, summary
    assert api.upload_status(stored.sha256).complete
    assert upload_file(api, county.store, stored.sha256, api_limits(api)) is False
    view = platform.view("county")
    assert urge.action_id in {e["action_id"] for e in view[code]["events"]}
    [meta] = [a for a in view[code]["attachments"] if a["sha256"] == stored.sha256]
    assert meta["size"] == stored.size
    download = platform.session("county").get(
        f"{platform.url}/api/v1/attachments/{stored.sha256}", timeout=60
    )
    assert hashlib.sha256(download.content).hexdigest() == stored.sha256
    assert_same_as_server(county, view)


def api_limits(api: PlatformApi) -> Any:
    """The platform's limits as /meta states them."""
    return api.meta().limits


def test_token_refresh_rotation_and_reuse(platform: Platform, device: Make) -> None:
    township = device("township")
    township.sync()
    tokens = township.http.tokens
    assert tokens is not None
    old = tokens.load(platform.url, township.username)
    assert old is not None
    township.http.access_token = "not-a-token"  # token_invalid: refresh and retry once
    township.sync()
    rotated = tokens.load(platform.url, township.username)
    assert rotated is not None and rotated.token != old.token
    # Presenting the rotated-away token again: the platform revokes the device.
    tokens.save(platform.url, township.username, old.token, old.expires_at)
    township.http.access_token = None
    with pytest.raises(LoginRequired) as error:
        township.sync()
    assert error.value.code == "refresh_reused"
    assert tokens.load(platform.url, township.username) is None
    township.login()
    assert not township.sync().cancelled


def test_disabled_user_must_log_in_again_and_keeps_the_outbox(
    platform: Platform, device: Make
) -> None:
    county = device("county")
    county.sync()
    with county.store.session() as session:
        code = session.scalars(
            select(Clue.code).where(Clue.status == "handling").order_by(Clue.id)
        ).first()
    urge = county.act(Action.URGE, code, {"note": "停用前的督办"})
    platform.cli("user", "disable", "--username", county.username)
    with pytest.raises(LoginRequired) as error:
        county.sync()
    assert error.value.code == "user_disabled"
    assert [o.action_id for o in _outbox(county)] == [urge.action_id]
    assert _outbox(county)[0].state == "pending"


def test_supervisor_sees_masked_reporters_and_may_not_urge(
    platform: Platform, device: Make
) -> None:
    supervisor = device("supervisor")
    supervisor.sync()
    view = platform.view("supervisor")
    assert_same_as_server(supervisor, view)
    phones = [c["reporter_phone"] for c in view.values() if c["reporter_phone"]]
    assert phones and all("****" in phone for phone in phones)
    with supervisor.store.session() as session:
        code = session.scalars(
            select(Clue.code).where(Clue.status == "handling").order_by(Clue.id)
        ).first()
    with pytest.raises(ActionRefused):  # the commission urges by its own 督办函
        supervisor.act(Action.URGE, code, {"note": "纪委监委督办：请按期办结"})


def test_an_unsupported_protocol_version_asks_for_an_upgrade(
    platform: Platform, device: Make
) -> None:
    county = device("county")
    county.sync()
    county.http.session.headers["X-Cluedesk-Protocol"] = "99"
    with pytest.raises(UpgradeRequired):
        county.sync()


def test_another_account_takes_over_a_store_only_with_nothing_unsent(
    platform: Platform, device: Make
) -> None:
    county = device("county")
    county.sync()
    with county.store.session() as session:
        code = session.scalars(
            select(Clue.code).where(Clue.status == "handling").order_by(Clue.id)
        ).first()
    county.act(Action.URGE, code, {"note": "未上传的督办"})
    county.http.close()
    county.http = open_client(
        county.store, platform.url, platform.username("township"), use_keyring=False
    )
    with pytest.raises(SyncError, match="未同步操作"):
        login(county.store, county.http, platform.username("township"), DEMO_PASSWORD)
    with county.store.session() as session, session.begin():  # the county's work is gone
        session.execute(delete(OutboxAction))
        session.execute(delete(ClueEvent).where(ClueEvent.pending))
    login(county.store, county.http, platform.username("township"), DEMO_PASSWORD)
    county.key = "township"
    county.sync()
    assert_same_as_server(county, platform.view("township"))


def _cli(*args: str, stdin: str = "", env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "cluedesk"), "sync", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        check=False,
    )


def test_the_sync_command(platform: Platform, tmp_path: Path, client_env: dict[str, str]) -> None:
    folder = str(tmp_path / "cli")
    common = ["--server", platform.url, "--username", platform.username("county"), "--data-dir"]
    first = _cli(
        *common, folder, "--password-stdin", "--json", stdin=DEMO_PASSWORD + "\n", env=client_env
    )
    assert first.returncode == 0, first.stderr
    record = json.loads(first.stdout)
    assert record["ok"] and record["pulled_clues"] == len(platform.view("county"))
    token_file = Path(folder) / "refresh-token.json"
    assert token_file.exists() and (token_file.stat().st_mode & 0o777) == 0o600
    # The saved refresh token is enough the second time: no password needed.
    second = _cli(*common, folder, env=client_env)
    assert second.returncode == 0, second.stderr
    assert "已与" in second.stdout and "下载更新" in second.stdout
    wrong = _cli(
        *common, str(tmp_path / "other"), "--password-stdin", stdin="wrong\n", env=client_env
    )
    assert wrong.returncode == 3 and "用户名或密码错误" in wrong.stderr
    no_password = _cli(*common, str(tmp_path / "third"), env=client_env)
    assert no_password.returncode == 2 and "--password-stdin" in no_password.stderr
    dead = _cli(
        "--server",
        "http://127.0.0.1:9",
        "--username",
        "haizhou",
        "--data-dir",
        str(tmp_path / "fourth"),
        "--password-stdin",
        "--json",
        stdin="x\n",
        env=client_env,
    )
    assert dead.returncode == 4 and "无法连接" in dead.stderr
    assert json.loads(dead.stdout)["ok"] is False


def _all(device: Device) -> list[Clue]:
    with device.store.session() as session:
        return list(session.scalars(select(Clue)))


def test_a_second_sync_of_the_same_folder_is_refused_while_one_runs(
    platform: Platform, device: Make
) -> None:
    from filelock import FileLock

    from desktop.sync.engine import LOCK_FILE
    from desktop.sync.errors import SyncBusy

    county = device("county")
    county.sync()
    county.act(Action.URGE, county_code(county, "handling"), {"note": "请加快办理"})
    # Another process (another window, `cluedesk sync`) holds the folder's sync lock.
    with FileLock(county.store.data_dir / LOCK_FILE):
        with pytest.raises(SyncBusy):
            county.sync()
        assert sync_status(county.store).pending == 1  # refused before anything was sent
    assert county.sync().applied == 1


def county_code(device: Device, status: str) -> str:
    """The first clue of the device's store in `status`."""
    with device.store.session() as session:
        code = session.scalars(
            select(Clue.code).where(Clue.status == status).order_by(Clue.id)
        ).first()
    assert code is not None
    return code
