"""The window of a device the platform revoked: at its next sync, and at the start of the
day with a saved session, the data folder is wiped, a modal message says so and the window
ends with its own exit status."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from cityplatform import devices
from cityplatform.db import Database, open_database
from desktop.demo.city import DEMO_PASSWORD
from desktop.store.database import open_store
from desktop.store.sync_apply import device_id
from desktop.sync.api import PlatformApi
from desktop.sync.auth import login, open_client
from desktop.sync.engine import run_sync
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import AppSettings
from desktop.ui.startup import EXIT_REVOKED, Startup
from tests.ui.conftest import RunningPlatform

pytestmark = pytest.mark.qt_log_ignore("^This plugin does not support")

SAID = "本机已被平台停用，本机上的线索数据和登录信息已清除。如有疑问请联系本单位管理员。"


@pytest.fixture
def platform_db(platform: RunningPlatform) -> Iterator[Database]:
    """The running platform's database, for revoking devices."""
    db = open_database(platform.db_url)
    yield db
    db.dispose()


def _logged_in_folder(folder: Path, url: str) -> str:
    """A data folder logged in as xinhai and synced once, its session saved; its device."""
    store = open_store(folder)
    try:
        with open_client(store, url, "xinhai") as http:
            login(store, http, "xinhai", DEMO_PASSWORD)
            run_sync(store, PlatformApi(http))
        return device_id(store)
    finally:
        store.close()


def _assert_wiped(folder: Path) -> None:
    left = {p.name for p in folder.iterdir()} - {"sync.lock", "cluedesk.lock"}
    assert left <= {"logs", "settings.ini"}, left


def _revoked_then_ended(qtbot: QtBot, startup: Startup, folder: Path) -> None:
    qtbot.waitUntil(lambda: startup.failure_box is not None, timeout=120000)
    box = startup.failure_box
    assert box is not None and box.isVisible() and box.isModal()
    assert box.text() == SAID
    window = startup.window
    assert window is None or not window.isVisible()
    _assert_wiped(folder)
    assert AppSettings().username == ""
    assert startup.exit_status == EXIT_REVOKED
    with qtbot.waitSignal(startup.failed, timeout=10000) as ended:
        box.accept()
    assert ended.args == [SAID]


def test_the_next_sync_of_a_revoked_device_wipes_it_and_the_window_ends(
    qtbot: QtBot,
    platform: RunningPlatform,
    platform_db: Database,
    tmp_path: Path,
    started: list[Startup],
) -> None:
    folder = tmp_path / "data"
    device = _logged_in_folder(folder, platform.url)
    settings = AppSettings()
    settings.server_url, settings.username = platform.url, "xinhai"
    startup = Startup(settings, folder, MainWindow)
    started.append(startup)
    with qtbot.waitSignal(startup.window_ready, timeout=120000) as ready:
        startup.begin()
    window = ready.args[0]
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: not window.sync.running, timeout=120000)  # the start's own sync
    assert (folder / "cluedesk.sqlite3").exists()

    devices.revoke(platform_db, device, reason="笔记本电脑丢失", by="王科长")
    assert window.sync.sync_now()
    _revoked_then_ended(qtbot, startup, folder)
    assert not window.sync.sync_now()  # no more syncs
    wiped = [d for d in devices.list_devices(platform_db) if d.device_id == device]
    assert wiped[0].wipe_confirmed_at is not None


def test_a_device_revoked_overnight_is_wiped_at_the_start(
    qtbot: QtBot,
    platform: RunningPlatform,
    platform_db: Database,
    tmp_path: Path,
    started: list[Startup],
) -> None:
    folder = tmp_path / "data"
    device = _logged_in_folder(folder, platform.url)
    devices.revoke(platform_db, device, reason="被盗", by="admin")
    settings = AppSettings()
    settings.server_url, settings.username = platform.url, "xinhai"
    startup = Startup(settings, folder, MainWindow)
    started.append(startup)
    startup.begin()  # the saved session opens the window, whose first sync is refused
    _revoked_then_ended(qtbot, startup, folder)
