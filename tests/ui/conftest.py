"""UI fixtures: workspaces over a writable copy of the demo store, seen at the tests' `now`."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from shiboken6 import isValid
from sqlalchemy import delete

from cityplatform.launcher import start_platform, stop_platform
from cityplatform.security import FAST_HASHER
from cityplatform.seed import seed_demo
from desktop.domain.timeutil import china_now
from desktop.store.database import DB_FILE, Store, open_store
from desktop.store.models import (
    AccountabilityEvent,
    AccountabilityRecord,
    Suggestion,
    SuggestionEvent,
)
from desktop.ui.startup import Startup
from desktop.ui.tasks import running_tasks
from desktop.ui.workspace import Workspace
from tests.conftest import TEST_BACKLOG

PLATFORM_CLUES = 1000
"""How many clues the test platform is seeded with (half of them open): enough for 新海街道
(`xinhai`) to have open tasks whatever the date."""

MakeWorkspace = Callable[[str], Workspace]
"""make_workspace(username), fresh_desk(username): that user's workspace at the tests' now."""


@pytest.fixture
def demo_copy(demo_store_dir: Path, tmp_path: Path) -> Iterator[Store]:
    """A writable copy of the 3,000-clue demo store."""
    target = tmp_path / "demo-copy"
    target.mkdir()
    shutil.copyfile(demo_store_dir / DB_FILE, target / DB_FILE)
    store = open_store(target)
    yield store
    store.close()


@pytest.fixture
def make_workspace(demo_copy: Store, now: datetime) -> MakeWorkspace:
    """make_workspace(username): that demo user's workspace over the demo copy, clock at `now`."""

    def make(username: str) -> Workspace:
        return Workspace(demo_copy, username, clock=lambda: now)

    return make


@pytest.fixture
def make_record_desk(demo_copy: Store, now: datetime) -> MakeWorkspace:
    """make_workspace over a demo copy without the demo commissions' own records, for tests
    that count exactly the suggestions and accountability records they make."""
    with demo_copy.session() as session:
        for model in (SuggestionEvent, Suggestion, AccountabilityEvent, AccountabilityRecord):
            session.execute(delete(model))
        session.commit()

    def make(username: str) -> Workspace:
        return Workspace(demo_copy, username, clock=lambda: now)

    return make


@pytest.fixture
def fresh_desk(fresh_store: Store, now: datetime) -> MakeWorkspace:
    """fresh_desk(username): a workspace over a store holding the demo city's units and users and
    no clues, for tests that walk their own clues through the loop."""

    def make(username: str) -> Workspace:
        return Workspace(fresh_store, username, clock=lambda: now)

    return make


@pytest.fixture(autouse=True)
def _settings_in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The app's settings file and token store stay inside the test's folder."""
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "cfg"))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")


@dataclass
class RunningPlatform:
    """A real platform process a test may stop and start again on the same address."""

    url: str
    db_url: str
    files: Path
    process: subprocess.Popen[bytes]

    def stop(self) -> None:
        """Stop the platform (the address stops answering)."""
        stop_platform(self.process)

    def start_again(self) -> None:
        """Start the platform again on the same port and database."""
        port = urlsplit(self.url).port
        _url, self.process = start_platform(self.db_url, self.files, port, timeout=60)


@pytest.fixture
def platform(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningPlatform]:
    """A real platform seeded with the demo city and PLATFORM_CLUES clues, half of them open
    (the demo's own shape, nearly all closed, leaves a township without tasks on most days),
    their evidence files in the folder the platform serves them from."""
    folder = tmp_path_factory.mktemp("platform")
    db_url = f"sqlite:///{folder / 'platform.sqlite3'}"
    files = folder / "files"
    seed_demo(
        db_url,
        PLATFORM_CLUES,
        seed=5,
        now=china_now(),
        hasher=FAST_HASHER,
        data_dir=files,
        backlog=TEST_BACKLOG,
    )
    url, process = start_platform(db_url, files, timeout=60)
    running = RunningPlatform(url, db_url, files, process)
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture
def platform_url(platform: RunningPlatform) -> str:
    """The address of a real platform (see `platform`)."""
    return platform.url


@pytest.fixture(autouse=True)
def _no_task_left_behind(qtbot: QtBot) -> Iterator[None]:
    """Every background task a test started has delivered before the next test begins."""
    yield
    qtbot.waitUntil(lambda: running_tasks() == 0, timeout=30000)


def type_chinese(widget: QWidget, text: str) -> None:
    """Type text as an input method commits it (QTest.keyClicks handles only ASCII)."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


@pytest.fixture
def started(qtbot: QtBot) -> Iterator[list[Startup]]:
    """Start-ups made by a test; their windows, demo platforms and stores are closed after."""
    made: list[Startup] = []
    yield made
    qtbot.waitUntil(lambda: running_tasks() == 0, timeout=60000)
    for startup in made:
        if startup.window is not None and isValid(startup.window):
            startup.window.close()
        if startup.demo is not None:
            startup.demo.stop()
        if startup.store is not None:
            startup.store.close()
