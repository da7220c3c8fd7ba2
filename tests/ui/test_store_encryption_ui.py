"""The window's side of store encryption: the device's kind in the login and settings
dialogs, the banner when the store could not be encrypted, and an encrypted store's
attachments shown and opened as their plain content."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from desktop.domain.workflow import Action
from desktop.store import cipher_files
from desktop.store.attachments import attachment_path, store_file, viewer_folder
from desktop.store.cipher_requests import request_encryption
from desktop.store.database import Store, open_store
from desktop.store.local_actions import take_action
from desktop.ui.attachments_panel import AttachmentsModel, _thumbnails
from desktop.ui.login_dialog import LoginDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import AppSettings
from desktop.ui.settings_dialog import SettingsDialog
from desktop.ui.sync_controller import SyncController
from desktop.ui.tasks import running_tasks
from desktop.ui.workspace import Workspace
from tests.ui.test_clue_detail import clue_code, made, open_panel, png


def _settings(path: Path) -> AppSettings:
    return AppSettings(QSettings(str(path), QSettings.Format.IniFormat))


def _ok(qtbot: QtBot, dialog: LoginDialog | SettingsDialog) -> None:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_the_login_dialog_asks_the_device_kind_and_remembers_it(
    qtbot: QtBot, tmp_path: Path
) -> None:
    settings = _settings(tmp_path / "settings.ini")
    dialog = LoginDialog(settings)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.device_kind.currentText() in ("办公电脑", "外业笔记本")  # detected
    qtbot.keyClicks(dialog.server_url, "http://127.0.0.1:8765")
    qtbot.keyClicks(dialog.username, "xinhai")
    qtbot.keyClicks(dialog.password, "demo1234")
    dialog.device_kind.setCurrentIndex(dialog.device_kind.findText("外业笔记本"))
    with qtbot.waitSignal(dialog.submitted) as submitted:
        _ok(qtbot, dialog)
    assert submitted.args[0].device_kind == "field"
    settings.sync()
    again = LoginDialog(_settings(tmp_path / "settings.ini"))
    qtbot.addWidget(again)
    assert again.device_kind.kind() == "field"
    assert again.device_kind.currentText() == "外业笔记本"


def test_the_settings_dialog_changes_the_device_kind(qtbot: QtBot, tmp_path: Path) -> None:
    settings = _settings(tmp_path / "settings.ini")
    settings.device_kind = "field"
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.device_kind.currentText() == "外业笔记本"
    dialog.device_kind.setCurrentIndex(dialog.device_kind.findData("office"))
    with qtbot.waitSignal(dialog.accepted):
        _ok(qtbot, dialog)
    assert _settings(tmp_path / "settings.ini").device_kind == "office"


def _reopened(store: Store, *, request: bool) -> Store:
    store.close()
    if request:
        request_encryption(store.data_dir)
    return open_store(store.data_dir)


def test_the_window_says_when_the_store_could_not_be_encrypted(
    qtbot: QtBot, fresh_store: Store, no_keyring: None, now: datetime, tmp_path: Path
) -> None:
    store = _reopened(fresh_store, request=True)
    try:
        assert store.key is None
        workspace = Workspace(store, "xinhai", clock=lambda: now)
        window = MainWindow(workspace, SyncController(workspace, None), _settings(tmp_path / "s"))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: window.store_banner.isVisible())
        assert "平台要求加密本机线索库" in window.store_banner.text()
        assert "密钥环" in window.store_banner.text()
        window.close()
    finally:
        store.close()


def test_no_banner_when_nothing_is_wrong(
    qtbot: QtBot, fresh_store: Store, now: datetime, tmp_path: Path
) -> None:
    workspace = Workspace(fresh_store, "xinhai", clock=lambda: now)
    window = MainWindow(workspace, SyncController(workspace, None), _settings(tmp_path / "s"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.store_banner.isHidden()
    window.close()


def test_an_encrypted_store_s_attachment_is_shown_and_opened_plain(
    qtbot: QtBot, fresh_store: Store, file_keyring: Path, now: datetime, tmp_path: Path
) -> None:
    workspace = Workspace(fresh_store, "xinhai", clock=lambda: now)
    clue = made(workspace, "handling")
    code = clue_code(workspace, clue)
    photo = png(tmp_path / "a.png")
    stored = store_file(fresh_store, photo)
    payload = {
        "result": "已处理",
        "finding": "true",
        "measures": "责令整改",
        "attachments": [{"sha256": stored.sha256, "name": "现场.png"}],
    }
    take_action(fresh_store, "xinhai", workspace.device_id, Action.REPORT, code, payload, now=now)
    store = _reopened(fresh_store, request=True)
    try:
        assert store.key is not None
        assert cipher_files.is_encrypted_file(attachment_path(store, stored.sha256))
        _thumbnails.pop(stored.sha256, None)
        panel = open_panel(qtbot, Workspace(store, "xinhai", clock=lambda: now), clue)
        model = panel.attachments.model
        assert model.index(0).data() == "现场.png"
        qtbot.waitUntil(lambda: stored.sha256 in _thumbnails, timeout=20000)
        opened: list[QUrl] = []
        panel.attachments.opener = lambda url: opened.append(url) or True
        panel.attachments.open_attachment(model.index(0).data(AttachmentsModel.InfoRole))
        qtbot.waitUntil(lambda: bool(opened), timeout=20000)
        path = Path(opened[0].toLocalFile())
        assert path.read_bytes() == photo.read_bytes()
        assert viewer_folder() in path.parents  # private, removed when the program ends
    finally:
        store.close()


def test_the_start_encrypts_a_requested_store_behind_its_progress_dialog(
    qtbot: QtBot, fresh_store: Store, file_keyring: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from desktop.ui import startup as startup_module

    folder = fresh_store.data_dir
    fresh_store.close()
    request_encryption(folder)
    release = threading.Event()
    real_open = startup_module.open_store

    def slow_open(data_dir: Path) -> Store:
        assert release.wait(30)
        return real_open(data_dir)

    monkeypatch.setattr(startup_module, "open_store", slow_open)
    startup = startup_module.Startup(AppSettings(), folder, MainWindow)
    try:
        startup.begin()
        progress = startup.progress
        assert progress is not None
        qtbot.addWidget(progress)
        assert "正在按市级平台的要求加密本机线索库" in progress.labelText()
        release.set()
        qtbot.waitUntil(lambda: startup.login_dialog is not None, timeout=60000)
        assert startup.login_dialog is not None
        qtbot.addWidget(startup.login_dialog)
        assert startup.store is not None and startup.store.key is not None
        startup.login_dialog.reject()
    finally:
        release.set()
        qtbot.waitUntil(lambda: running_tasks() == 0, timeout=60000)
        if startup.store is not None:
            startup.store.close()
