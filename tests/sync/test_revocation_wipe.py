"""A revoked device against the real platform: its next sync applies nothing, lists its
unsent actions on the platform (without reporter data) and wipes the data folder — store,
attachments, backups, exports, tokens in the keyring and the file, the store's key — and
the platform records the wipe; `cluedesk sync` says so with its own exit status; the wipe
itself on a folder with a store still open, files briefly in use and links out of it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError
from sqlalchemy import func, select

from cityplatform import audit, devices
from cityplatform.db import Database, open_database
from cityplatform.models import AppliedAction, AuditEntry, ClueEvent
from desktop.domain.timeutil import china_now
from desktop.domain.workflow import Action
from desktop.store.attachments import store_file
from desktop.store.errors import StoreUnusable
from desktop.store.models import Clue
from desktop.store.sqlite_files import KEYRING_SERVICE as STORE_KEY_SERVICE
from desktop.store.wipe import wipe_data_dir
from desktop.sync import tokens as token_module
from desktop.sync.errors import DeviceRevoked
from desktop.sync.http import PlatformHttp
from desktop.sync.revocation import wipe_revoked_device

if TYPE_CHECKING:
    from sync_testkit import Device, Platform

Make = Callable[[str], "Device"]
REPO = Path(__file__).resolve().parents[2]
NAME, PHONE = "钱多多", "13900001111"
"""The reporter of the revoked device's unsent registration."""


class MemoryKeyring(KeyringBackend):
    """A keyring in memory: what the client keeps there can be looked at."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.entries.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    """The process's keyring, in memory, for one test."""
    before = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    try:
        yield ring
    finally:
        keyring.set_keyring(before)


@pytest.fixture
def platform_db(platform: Platform) -> Iterator[Database]:
    """The running platform's database, opened directly for revoking and checks."""
    db = open_database(platform.db_url)
    yield db
    db.dispose()


def _counts(db: Database) -> tuple[int, int]:
    with db.read() as session:
        events = session.scalar(select(func.count()).select_from(ClueEvent)) or 0
        applied = session.scalar(select(func.count()).select_from(AppliedAction)) or 0
    return events, applied


def _audit_kinds(db: Database, device_id: str) -> dict[str, list[dict[str, Any]]]:
    with db.read() as session:
        rows = session.scalars(select(AuditEntry).order_by(AuditEntry.seq)).all()
    found: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        details = json.loads(row.details)
        if device_id in (row.device_id, details.get("target_device")):
            found.setdefault(row.kind, []).append(details)
    return found


def _draft() -> dict[str, Any]:
    return {
        "channel": "日常检查",
        "received_at": china_now().replace(microsecond=0).isoformat(),
        "category": "水",
        "priority": "一般",
        "description": "巡查发现排污口有异常排放",
        "address": "海州区新海街道通灌北路88号",
        "county_code": "320706",
        "township_code": "320706001",
        "subject_name": "某化工厂",
        "reporter_name": NAME,
        "reporter_phone": PHONE,
    }


def _open_clue(device: Device) -> str:
    with device.store.session() as session:
        code = session.scalars(
            select(Clue.code).where(Clue.status == "handling").order_by(Clue.id)
        ).first()
    assert code is not None
    return str(code)


def _leave_clue_data(folder: Path) -> None:
    """What else a used data folder holds: backups, an export, a temporary file, settings."""
    (folder / "backups").mkdir(exist_ok=True)
    (folder / "backups" / "cluedesk-20270101-0900.sqlite3").write_bytes(b"backup")
    (folder / "线索清单.xlsx").write_bytes(b"export")
    (folder / ".new-abc.sqlite3").write_bytes(b"temp")
    (folder / "logs").mkdir(exist_ok=True)
    (folder / "logs" / "cluedesk.log").write_text("started\n", encoding="utf-8")
    (folder / "settings.ini").write_text(
        "[platform]\nserver_url=http://x\nusername=haizhou\n\n[ui]\nlanguage=zh_CN\n",
        encoding="utf-8",
    )


def _assert_wiped(folder: Path) -> None:
    left = {p.name for p in folder.iterdir()} - {"sync.lock"}  # an empty lock file stays
    assert left == {"logs", "settings.ini"}, left
    settings = (folder / "settings.ini").read_text(encoding="utf-8")
    assert "username" not in settings and "server_url=http://x" in settings
    assert "language=zh_CN" in settings


def test_a_revoked_device_pushes_nothing_lists_its_actions_and_wipes_everything(
    platform: Platform,
    device: Make,
    platform_db: Database,
    memory_keyring: MemoryKeyring,
    tmp_path: Path,
) -> None:
    county, other = device("county"), device("county")
    county.http.tokens = token_module.TokenStore(
        county.data_dir, county.device_id, use_keyring=True
    )
    county.sync()
    other.sync()
    assert any(service == token_module.SERVICE for service, _ in memory_keyring.entries)
    code = _open_clue(county)
    photo = tmp_path / "现场照片.jpg"
    photo.write_bytes(os.urandom(4096))
    stored = store_file(county.store, photo)
    registered = county.act(Action.REGISTER, None, _draft())
    urge = county.act(
        Action.URGE,
        code,
        {"note": "附现场照片", "attachments": [{"sha256": stored.sha256, "name": photo.name}]},
    )
    folder = county.data_dir
    _leave_clue_data(folder)
    (folder / "refresh-token.json").write_text("{}", encoding="utf-8")  # an old fallback copy
    (folder / "store-id").write_text("store-123", encoding="utf-8")
    memory_keyring.set_password(STORE_KEY_SERVICE, "store-123", "00" * 32)
    devices.revoke(platform_db, county.device_id, reason="笔记本电脑丢失", by="王科长")
    before = _counts(platform_db)

    with pytest.raises(DeviceRevoked):
        county.sync()
    outcome = wipe_revoked_device(county.store, platform.url, county.username)

    assert outcome.report.complete and outcome.confirmed
    _assert_wiped(folder)
    assert not any(service == token_module.SERVICE for service, _ in memory_keyring.entries)
    assert (STORE_KEY_SERVICE, "store-123") not in memory_keyring.entries
    assert county.store.engine.pool.checkedout() == 0  # closed before its files went
    assert _counts(platform_db) == before  # nothing of it applied
    listed = devices.refused_actions(platform_db, outcome.device_id)
    assert [(r.action_id, r.kind) for r in listed] == [
        (registered.action_id, "clue.register.v1"),
        (urge.action_id, "clue.urge.v1"),
    ]
    assert listed[1].clue_code == code and listed[0].clue_code == registered.clue_code
    kinds = _audit_kinds(platform_db, outcome.device_id)
    assert len(kinds[audit.DEVICE_REVOKED]) == 1
    assert kinds[audit.PUSH_REFUSED_REVOKED][0]["refused"] == 2
    assert len(kinds[audit.DEVICE_WIPED]) == 1
    with platform_db.read() as session:
        text = " ".join(session.scalars(select(AuditEntry.details)))
    refused_text = json.dumps([r.to_json() for r in listed], ensure_ascii=False)
    for found in (text, refused_text):
        assert NAME not in found and PHONE not in found
    (row,) = [d for d in devices.list_devices(platform_db) if d.device_id == outcome.device_id]
    assert row.revoked and row.wipe_confirmed_at is not None

    # the same user's other device keeps working; the revoked one cannot log in again
    assert other.sync().applied == 0
    with PlatformHttp(platform.url, outcome.device_id) as again, pytest.raises(DeviceRevoked):
        again.login(county.username, "demo1234", "lost")
    assert not (folder / "cluedesk.sqlite3").exists()
    with pytest.raises(StoreUnusable):  # the closed store is sealed: no empty file made
        with county.store.session() as session:
            session.scalar(select(func.count()).select_from(Clue))
    assert not (folder / "cluedesk.sqlite3").exists()


def test_cluedesk_sync_wipes_and_exits_with_its_own_status(
    platform: Platform, device: Make, platform_db: Database, client_env: dict[str, str]
) -> None:
    township = device("township")
    township.sync()
    folder = township.data_dir
    _leave_clue_data(folder)
    device_id = township.device_id
    township.close()
    devices.revoke(platform_db, device_id, reason="被盗", by="admin")

    result = subprocess.run(
        [
            sys.executable,  # this checkout's code, wherever the package is installed from
            "-m",
            "desktop.cli",
            "sync",
            "--server",
            platform.url,
            "--username",
            township.username,
            "--data-dir",
            str(folder),
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=180,
        env=client_env,
        cwd=REPO,
        check=False,
    )
    assert result.returncode == 7, result.stdout + result.stderr
    said = "本机已被平台停用，本机上的线索数据和登录信息已清除。如有疑问请联系本单位管理员。"
    assert said in result.stderr
    assert json.loads(result.stdout)["error"] == "device_revoked"
    _assert_wiped(folder)
    assert len(_audit_kinds(platform_db, device_id)[audit.DEVICE_WIPED]) == 1


def test_the_wipe_retries_a_file_in_use_and_never_follows_a_link_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, outside = tmp_path / "data", tmp_path / "elsewhere"
    (folder / "attachments").mkdir(parents=True)
    outside.mkdir()
    (outside / "keep.txt").write_text("not ours", encoding="utf-8")
    (folder / "cluedesk.sqlite3").write_bytes(b"db")
    (folder / "cluedesk.sqlite3-wal").write_bytes(b"wal")
    (folder / "attachments" / ("a" * 64)).write_bytes(b"file")
    os.symlink(outside, folder / "attachments" / "link-out")
    os.symlink(outside, folder / "exports")
    busy = {"cluedesk.sqlite3": 2}  # a scanner holds the store for two attempts
    real_unlink = os.unlink

    def unlink(path: Any, *args: Any, **kwargs: Any) -> None:
        name = Path(path).name
        if busy.get(name):
            busy[name] -= 1
            raise PermissionError(13, "in use", str(path))
        real_unlink(path, *args, **kwargs)

    monkeypatch.setattr(os, "unlink", unlink)
    waited: list[float] = []
    report = wipe_data_dir(folder, sleep=waited.append)
    assert report.complete and len(waited) == 2
    assert sorted(p.name for p in folder.iterdir()) == []
    assert (outside / "keep.txt").read_text(encoding="utf-8") == "not ours"

    (folder / "cluedesk.sqlite3").write_bytes(b"db")
    busy["cluedesk.sqlite3"] = 100  # never released: reported, the rest still goes
    (folder / "backups").mkdir()
    report = wipe_data_dir(folder, sleep=waited.append)
    assert not report.complete and list(report.failed) == ["cluedesk.sqlite3"]
    assert "backups" in report.removed
