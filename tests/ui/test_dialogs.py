"""The login, demo-account, settings, about and help dialogs, driven as a person would."""

from __future__ import annotations

from datetime import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QDialogButtonBox, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from desktop import __version__
from desktop.domain.calendar import OfficeHours
from desktop.ui.about_dialog import AboutDialog
from desktop.ui.help_dialog import (
    HelpDialog,
    Shortcut,
    ShortcutsModel,
    action_text,
    key_text,
)
from desktop.ui.login_dialog import DemoAccountDialog, LoginDialog, LoginValues
from desktop.ui.settings import AppSettings
from desktop.ui.settings_dialog import SettingsDialog

LEFT = Qt.MouseButton.LeftButton

# The offscreen platform cannot pass a dialog's size hints on; it says so for every dialog.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def settings_file(tmp_path: Path) -> Path:
    return tmp_path / "cluedesk.ini"


@pytest.fixture
def settings(settings_file: Path) -> AppSettings:
    return AppSettings(QSettings(str(settings_file), QSettings.Format.IniFormat))


def reopen(settings_file: Path) -> AppSettings:
    return AppSettings(QSettings(str(settings_file), QSettings.Format.IniFormat))


def type_into(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


def press(qtbot: QtBot, button: QAbstractButton) -> None:
    """Check a check box or radio button with the space bar."""
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)


def ok(dialog: QWidget) -> None:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    button = box.button(QDialogButtonBox.StandardButton.Ok)
    QtBot.mouseClick(button, LEFT)


# -- login -----------------------------------------------------------------------------------


@pytest.fixture
def login(qtbot: QtBot, settings: AppSettings) -> LoginDialog:
    settings.server_url = "https://hb.example.gov.cn"
    dialog = LoginDialog(settings)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_login_starts_with_the_remembered_address(login: LoginDialog) -> None:
    assert login.server_url.text() == "https://hb.example.gov.cn"
    assert login.username.text() == ""
    assert login.password.echoMode() == QLineEdit.EchoMode.Password
    assert not login.error.isVisible()
    assert not login.advanced.isVisible()


def test_login_refuses_an_address_without_http_and_stays_open(
    qtbot: QtBot, login: LoginDialog
) -> None:
    type_into(qtbot, login.server_url, "hb.example.gov.cn")
    qtbot.keyClicks(login.username, "xinhai")
    qtbot.keyClicks(login.password, "secret")
    with qtbot.assertNotEmitted(login.accepted), qtbot.assertNotEmitted(login.submitted):
        ok(login)
    assert login.isVisible()
    assert login.error.isVisible()
    assert "http://" in login.error.text()
    assert login.username.text() == "xinhai" and login.password.text() == "secret"


@pytest.mark.parametrize(("field", "word"), [("username", "用户名"), ("password", "密码")])
def test_login_names_the_missing_field(
    qtbot: QtBot, login: LoginDialog, field: str, word: str
) -> None:
    if field != "username":
        qtbot.keyClicks(login.username, "xinhai")
    ok(login)
    assert login.isVisible()
    assert word in login.error.text()


def test_login_accepts_and_remembers_address_and_user_but_not_the_password(
    qtbot: QtBot, login: LoginDialog, settings_file: Path
) -> None:
    type_into(qtbot, login.server_url, "http://127.0.0.1:8765/")
    qtbot.keyClicks(login.username, "xinhai")
    qtbot.keyClicks(login.password, "demo1234")
    with qtbot.waitSignal(login.accepted), qtbot.waitSignal(login.submitted) as submitted:
        ok(login)
    expected = LoginValues("http://127.0.0.1:8765", "xinhai", "demo1234", None)
    assert submitted.args == [expected]
    assert login.values() == expected
    login.settings.sync()  # type: ignore[union-attr]
    again = reopen(settings_file)
    assert again.server_url == "http://127.0.0.1:8765"
    assert again.username == "xinhai"
    assert "demo1234" not in settings_file.read_text(encoding="utf-8")


def test_a_login_error_keeps_what_the_user_typed(qtbot: QtBot, login: LoginDialog) -> None:
    qtbot.keyClicks(login.username, "xinhai")
    qtbot.keyClicks(login.password, "wrong")
    ok(login)
    login.show()  # the caller reopens the dialog with the platform's answer
    login.show_error("登录失败：用户名或密码不正确")
    assert login.error.isVisible()
    assert login.error.text() == "登录失败：用户名或密码不正确"
    assert login.username.text() == "xinhai" and login.password.text() == "wrong"
    assert not login.is_busy()


def test_login_staying_open_while_the_caller_logs_in(
    qtbot: QtBot, settings: AppSettings, settings_file: Path
) -> None:
    dialog = LoginDialog(settings, stay_open=True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.server_url, "https://hb.example.gov.cn")
    qtbot.keyClicks(dialog.username, "hzhb")
    qtbot.keyClicks(dialog.password, "pw")
    with qtbot.waitSignal(dialog.submitted), qtbot.assertNotEmitted(dialog.accepted):
        ok(dialog)
    assert dialog.isVisible() and dialog.is_busy()
    assert dialog.busy.isVisible()
    assert not dialog.username.isEnabled() and not dialog.password.isEnabled()

    dialog.show_error("无法连接平台")
    assert not dialog.is_busy() and dialog.username.isEnabled()
    assert dialog.error.text() == "无法连接平台"
    assert reopen(settings_file).username == ""  # nothing remembered before a login worked

    with qtbot.waitSignal(dialog.submitted):
        ok(dialog)
    assert not dialog.error.isVisible()
    with qtbot.waitSignal(dialog.accepted):
        dialog.succeeded()
    settings.sync()
    assert reopen(settings_file).username == "hzhb"


def test_login_ca_bundle_in_the_advanced_section(
    qtbot: QtBot, login: LoginDialog, tmp_path: Path
) -> None:
    QtBot.mouseClick(login.advanced_toggle, LEFT)
    assert login.advanced.isVisible()
    qtbot.keyClicks(login.username, "xinhai")
    qtbot.keyClicks(login.password, "pw")
    qtbot.keyClicks(login.ca_bundle.edit, str(tmp_path / "missing.pem"))
    ok(login)
    assert login.isVisible()
    assert "CA 证书文件不存在" in login.error.text()
    pem = tmp_path / "city.pem"
    pem.write_text("-----BEGIN CERTIFICATE-----\n", encoding="ascii")
    type_into(qtbot, login.ca_bundle.edit, str(pem))
    with qtbot.waitSignal(login.accepted):
        ok(login)
    assert login.values().ca_bundle == str(pem)
    assert login.settings is not None and login.settings.ca_bundle == str(pem)


def test_a_remembered_ca_bundle_opens_the_advanced_section(
    qtbot: QtBot, settings: AppSettings
) -> None:
    settings.ca_bundle = "/etc/ssl/city.pem"
    dialog = LoginDialog(settings)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.advanced.isVisible()
    assert dialog.ca_bundle.edit.text() == "/etc/ssl/city.pem"


# -- demo accounts ---------------------------------------------------------------------------


def test_demo_account_choice(qtbot: QtBot, demo_city: object) -> None:
    dialog = DemoAccountDialog(demo_city)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    assert list(dialog.buttons_by_username) == ["xinhai", "hzhb", "haizhou", "hzjw"]
    assert dialog.username() == "xinhai"
    assert "新海街道" in dialog.buttons_by_username["xinhai"].text()
    assert "海州区纪委监委" in dialog.buttons_by_username["hzjw"].text()
    press(qtbot, dialog.buttons_by_username["haizhou"])
    assert dialog.username() == "haizhou"
    with qtbot.waitSignal(dialog.accepted):
        ok(dialog)
    assert dialog.username() == "haizhou"


# -- settings --------------------------------------------------------------------------------


@pytest.fixture
def settings_dialog(qtbot: QtBot, settings: AppSettings) -> SettingsDialog:
    settings.server_url = "https://hb.example.gov.cn"
    settings.sync_interval_minutes = 15
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_settings_dialog_shows_the_settings(settings_dialog: SettingsDialog) -> None:
    assert settings_dialog.server_url.text() == "https://hb.example.gov.cn"
    assert settings_dialog.sync_interval.value() == 15
    assert settings_dialog.morning_start.time().toString("HH:mm") == "08:30"
    assert settings_dialog.afternoon_end.time().toString("HH:mm") == "17:30"
    assert settings_dialog.notifications_enabled.isChecked()
    assert settings_dialog.language.currentData() == "zh_CN"


def test_settings_dialog_saves_on_ok(
    qtbot: QtBot, settings_dialog: SettingsDialog, settings_file: Path
) -> None:
    type_into(qtbot, settings_dialog.server_url, "http://10.0.0.5:8000")
    settings_dialog.sync_interval.selectAll()
    qtbot.keyClicks(settings_dialog.sync_interval, "30")
    settings_dialog.morning_start.setTime(settings_dialog.morning_start.time().addSecs(1800))
    press(qtbot, settings_dialog.notify_warning_levels)
    settings_dialog.language.setCurrentIndex(settings_dialog.language.findData("en"))
    with qtbot.waitSignal(settings_dialog.accepted):
        ok(settings_dialog)
    assert settings_dialog.restart_needed
    saved = reopen(settings_file)
    assert saved.server_url == "http://10.0.0.5:8000"
    assert saved.sync_interval_minutes == 30
    assert saved.morning_start == time(9, 0)
    assert saved.notify_warning_levels is False
    assert saved.notify_new_tasks is True
    assert saved.language == "en"


def test_settings_dialog_refuses_a_bad_address(
    qtbot: QtBot, settings_dialog: SettingsDialog, settings_file: Path
) -> None:
    type_into(qtbot, settings_dialog.server_url, "www.example.cn")
    with qtbot.assertNotEmitted(settings_dialog.accepted):
        ok(settings_dialog)
    assert settings_dialog.isVisible()
    assert "平台地址" in settings_dialog.error.text()
    assert reopen(settings_file).server_url == "https://hb.example.gov.cn"


def test_settings_dialog_refuses_overlapping_office_hours(
    qtbot: QtBot, settings_dialog: SettingsDialog, settings_file: Path
) -> None:
    settings_dialog.morning_end.setTime(settings_dialog.afternoon_start.time().addSecs(3600))
    ok(settings_dialog)
    assert settings_dialog.isVisible()
    assert "下午的上班时间" in settings_dialog.error.text()
    assert reopen(settings_file).office_hours == OfficeHours()
    settings_dialog.morning_end.setTime(settings_dialog.morning_start.time())
    ok(settings_dialog)
    assert "上午" in settings_dialog.error.text()


def test_settings_dialog_print_fonts(
    qtbot: QtBot, settings_dialog: SettingsDialog, settings_file: Path, tmp_path: Path
) -> None:
    type_into(qtbot, settings_dialog.font_dir, str(tmp_path / "no-such-folder"))
    ok(settings_dialog)
    assert settings_dialog.isVisible() and "字体文件夹不存在" in settings_dialog.error.text()
    assert reopen(settings_file).print_font_dir == ""
    type_into(qtbot, settings_dialog.font_dir, str(tmp_path))
    press(qtbot, settings_dialog.prefer_official_fonts)
    ok(settings_dialog)
    saved = reopen(settings_file)
    assert (saved.print_font_dir, saved.prefer_official_fonts) == (str(tmp_path), False)


def test_settings_dialog_cancel_saves_nothing(
    qtbot: QtBot, settings_dialog: SettingsDialog, settings_file: Path
) -> None:
    type_into(qtbot, settings_dialog.server_url, "https://other.example.cn")
    press(qtbot, settings_dialog.notifications_enabled)
    assert not settings_dialog.notify_new_tasks.isEnabled()
    with qtbot.waitSignal(settings_dialog.rejected):
        qtbot.keyClick(settings_dialog, Qt.Key.Key_Escape)
    saved = reopen(settings_file)
    assert saved.server_url == "https://hb.example.gov.cn"
    assert saved.notifications_enabled is True


# -- about and help --------------------------------------------------------------------------


def test_about_names_version_and_opens_the_data_folder(qtbot: QtBot, tmp_path: Path) -> None:
    opened: list[QUrl] = []
    data = tmp_path / "数据"
    data.mkdir()
    log_file = data / "logs" / "cluedesk.log"

    def opener(url: QUrl) -> bool:
        opened.append(url)
        return True

    dialog = AboutDialog(data, log_file, opener=opener)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = " ".join(label.text() for label in dialog.findChildren(type(dialog.data_label)))
    assert __version__ in texts
    assert "PySide6" in texts and "Qt" in texts
    assert str(data) in dialog.data_label.text()
    assert "cluedesk.log" in dialog.log_label.text()
    dialog.data_label.linkActivated.emit(QUrl.fromLocalFile(str(data)).toString())
    dialog.log_label.linkActivated.emit(QUrl.fromLocalFile(str(log_file)).toString())
    assert [Path(url.toLocalFile()) for url in opened] == [data, data / "logs"]


def test_about_without_locations(qtbot: QtBot) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert dialog.data_label.text() == "（未设置）"


SHORTCUTS: list[Shortcut] = [
    ("查找(&F)", QKeySequence.StandardKey.Find),
    ("立即同步", "F5"),
    ("签收…", QKeySequence("Ctrl+Shift+S")),
    ("没有快捷键", ""),
    ("关闭 && 退出", [QKeySequence("Ctrl+Q"), QKeySequence("Alt+F4")]),
]


def test_help_lists_the_shortcuts_in_native_text(qtbot: QtBot, qtmodeltester: object) -> None:
    dialog = HelpDialog(SHORTCUTS)
    qtbot.addWidget(dialog)
    dialog.show()
    model = dialog.model
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    rows = [
        tuple(model.data(model.index(r, c)) for c in range(model.columnCount()))
        for r in range(model.rowCount())
    ]
    native = QKeySequence.SequenceFormat.NativeText
    assert rows == [
        ("查找(F)", QKeySequence(QKeySequence.StandardKey.Find).toString(native)),
        ("立即同步", "F5"),
        ("签收", QKeySequence("Ctrl+Shift+S").toString(native)),
        ("关闭 & 退出", QKeySequence("Ctrl+Q").toString(native) + ", " + "Alt+F4"),
    ]
    assert model.headerData(1, Qt.Orientation.Horizontal) == "快捷键"
    assert dialog.tabs.count() == 1  # no guide given: only the shortcuts


def test_help_helpers() -> None:
    assert action_text("&Open…") == "Open"
    assert key_text("Ctrl+F") == QKeySequence("Ctrl+F").toString(
        QKeySequence.SequenceFormat.NativeText
    )
    assert ShortcutsModel([]).rowCount() == 0
