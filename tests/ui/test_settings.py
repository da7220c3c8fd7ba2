"""The typed settings: defaults, round trips, bad values read as defaults, upgrades; logging."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from datetime import time
from logging.handlers import RotatingFileHandler
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, qWarning

from desktop.domain.calendar import OfficeHours
from desktop.ui import logging_setup
from desktop.ui.settings import (
    CURRENT_VERSION,
    VERSION_KEY,
    AppSettings,
    check_server_url,
    open_settings,
    upgrade,
)


def ini(path: Path) -> QSettings:
    return QSettings(str(path), QSettings.Format.IniFormat)


@pytest.fixture
def settings_file(tmp_path: Path) -> Path:
    return tmp_path / "cluedesk.ini"


@pytest.fixture
def settings(settings_file: Path) -> AppSettings:
    return AppSettings(ini(settings_file))


def test_defaults(settings: AppSettings) -> None:
    assert settings.server_url == ""
    assert settings.username == ""
    assert settings.ca_bundle is None
    assert settings.sync_interval_minutes == 10
    assert settings.office_hours == OfficeHours()
    assert settings.morning_start == time(8, 30)
    assert settings.afternoon_end == time(17, 30)
    assert settings.notifications_enabled is True
    assert settings.notify_new_tasks is True
    assert settings.notify_warning_levels is True
    assert settings.language == "zh_CN"
    assert settings.window_geometry == b""
    assert settings.table_header_state == b""
    assert settings.last_data_dir == ""
    assert settings.version == CURRENT_VERSION


def test_values_survive_a_new_settings_object(settings_file: Path) -> None:
    first = AppSettings(ini(settings_file))
    first.server_url = "https://hb.example.gov.cn"
    first.username = "xinhai"
    first.ca_bundle = "/etc/ssl/city.pem"
    first.sync_interval_minutes = 30
    first.office_hours = OfficeHours(((time(9, 0), time(12, 0)), (time(14, 0), time(18, 0))))
    first.notifications_enabled = False
    first.notify_warning_levels = False
    first.language = "en"
    first.window_geometry = b"\x01\x02geometry"
    first.splitter_state = b"\x00splitter"
    first.last_data_dir = "D:/线索数据"
    first.sync()

    second = AppSettings(ini(settings_file))
    assert second.server_url == "https://hb.example.gov.cn"
    assert second.username == "xinhai"
    assert second.ca_bundle == "/etc/ssl/city.pem"
    assert second.sync_interval_minutes == 30
    assert second.morning_start == time(9, 0)
    assert second.afternoon_start == time(14, 0)
    assert second.afternoon_end == time(18, 0)
    assert second.notifications_enabled is False
    assert second.notify_new_tasks is True
    assert second.notify_warning_levels is False
    assert second.language == "en"
    assert second.window_geometry == b"\x01\x02geometry"
    assert second.splitter_state == b"\x00splitter"
    assert second.last_data_dir == "D:/线索数据"


def test_clearing_the_ca_bundle_removes_it(settings: AppSettings) -> None:
    settings.ca_bundle = "/tmp/ca.pem"
    settings.ca_bundle = None
    assert settings.ca_bundle is None
    assert not settings.settings.contains("platform/ca_bundle")


HAND_EDITED = """[General]
settings\\version=2

[platform]
server_url=ftp://nowhere
username=xinhai

[sync]
interval_minutes=100000

[notifications]
enabled=maybe
new_tasks=0
warning_levels=off

[ui]
language=klingon

[office_hours]
morning_start=25:99
morning_end=12:00
afternoon_start=13:30
afternoon_end=17:30

[window]
geometry=not bytes
"""


def test_a_hand_edited_file_with_bad_values_reads_as_defaults(
    settings_file: Path, caplog: pytest.LogCaptureFixture
) -> None:
    settings_file.write_text(HAND_EDITED, encoding="utf-8")
    with caplog.at_level(logging.WARNING, "cluedesk.ui.settings"):
        settings = AppSettings(ini(settings_file))
        assert settings.server_url == ""
        assert settings.username == "xinhai"
        assert settings.sync_interval_minutes == 10
        assert settings.notifications_enabled is True
        assert settings.notify_new_tasks is False
        assert settings.notify_warning_levels is False
        assert settings.language == "zh_CN"
        assert settings.office_hours == OfficeHours()
        assert settings.window_geometry == b""
    assert "platform/server_url" in caplog.text


def test_office_hours_that_overlap_fall_back_to_the_defaults(settings_file: Path) -> None:
    raw = ini(settings_file)
    raw.setValue("office_hours/morning_start", "09:00")
    raw.setValue("office_hours/morning_end", "14:00")
    raw.setValue("office_hours/afternoon_start", "13:00")
    raw.setValue("office_hours/afternoon_end", "18:00")
    assert AppSettings(raw).office_hours == OfficeHours()


def test_the_sync_interval_range(settings: AppSettings) -> None:
    for good in (1, 240):
        settings.sync_interval_minutes = good
        assert settings.sync_interval_minutes == good
    for bad in (0, 241, -5):
        settings.sync_interval_minutes = bad
        assert settings.sync_interval_minutes == 10


def test_a_fresh_file_gets_the_current_version_without_upgrading(settings: AppSettings) -> None:
    assert settings.upgraded == []
    assert settings.settings.value(VERSION_KEY) is not None


def test_a_version_1_file_is_upgraded_by_renaming_its_keys(settings_file: Path) -> None:
    settings_file.write_text(
        "[General]\nserver=https://old.example.cn\nuser=hzhb\nsync_interval=15\n",
        encoding="utf-8",
    )
    settings = AppSettings(ini(settings_file))
    assert settings.upgraded == [2]
    assert settings.version == 2
    assert settings.server_url == "https://old.example.cn"
    assert settings.username == "hzhb"
    assert settings.sync_interval_minutes == 15
    assert not settings.settings.contains("server")
    # Upgrading again does nothing.
    assert AppSettings(ini(settings_file)).upgraded == []


def test_upgrade_steps_run_in_order_from_the_stored_version(settings_file: Path) -> None:
    raw = ini(settings_file)
    raw.setValue(VERSION_KEY, 2)
    raw.setValue("a", "1")
    ran: list[int] = []

    def step(version: int) -> Callable[[QSettings], None]:
        def run(s: QSettings) -> None:
            ran.append(version)
            if version == 3:
                s.setValue("b", s.value("a"))

        return run

    steps = {version: step(version) for version in (2, 3, 4)}
    assert upgrade(raw, steps) == [3, 4]
    assert ran == [3, 4]
    assert raw.value("b") == "1"
    assert int(raw.value(VERSION_KEY)) == 4


def test_a_file_from_a_newer_version_is_left_alone(settings_file: Path) -> None:
    raw = ini(settings_file)
    raw.setValue(VERSION_KEY, 99)
    raw.setValue("server", "x")
    assert AppSettings(raw).upgraded == []
    assert raw.contains("server")


def test_open_settings_uses_the_cluedesk_ini_file() -> None:
    opened = open_settings()
    assert opened.format() == QSettings.Format.IniFormat
    assert opened.organizationName() == "cluedesk"
    assert opened.applicationName() == "cluedesk"


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("https://hb.example.gov.cn", True),
        ("http://127.0.0.1:8765/api", True),
        ("HTTPS://HB.EXAMPLE.CN", True),
        ("", False),
        ("hb.example.gov.cn", False),
        ("ftp://hb.example.gov.cn", False),
        ("https://", False),
        ("https://hb example.cn", False),
    ],
)
def test_check_server_url(text: str, ok: bool) -> None:
    problem = check_server_url(text)
    assert (problem is None) == ok
    if problem is not None:
        assert "平台地址" in problem


# -- logging ---------------------------------------------------------------------------------


@pytest.fixture
def logs(tmp_path: Path) -> Iterator[Path]:
    """A data folder to log into; logging is put back as it was after the test."""
    levels = {name: logging.getLogger(name).level for name in ("", "cluedesk")}
    yield tmp_path / "data"
    logging_setup.shutdown_logging()
    for name, level in levels.items():
        logging.getLogger(name).setLevel(level)


def test_setup_logging_writes_a_rotating_file_in_the_data_dir(logs: Path) -> None:
    path = logging_setup.setup_logging(logs)
    assert path == logs / "logs" / "cluedesk.log"
    assert logging_setup.setup_logging(logs) == path  # idempotent: one handler
    handlers = [
        h
        for h in logging.getLogger().handlers
        if getattr(h, "baseFilename", "") == str(path.resolve())
    ]
    assert len(handlers) == 1
    assert handlers[0].maxBytes == 1_000_000 and handlers[0].backupCount == 5  # type: ignore[attr-defined]
    logging_setup.area_logger("sync").info("同步完成 %d", 3)
    logging.getLogger("cluedesk.ui.fonts").debug("not at INFO")
    handlers[0].flush()
    text = path.read_text(encoding="utf-8")
    assert "cluedesk.sync: 同步完成 3" in text
    assert "not at INFO" not in text
    assert logging_setup.log_file() == path.resolve()


def test_setup_logging_moves_to_another_data_dir(logs: Path, tmp_path: Path) -> None:
    logging_setup.setup_logging(logs)
    other = logging_setup.setup_logging(tmp_path / "other", level=logging.DEBUG)
    logging.getLogger("cluedesk.store").debug("moved")
    assert logging_setup.log_file() == other.resolve()
    ours = [h for h in logging.getLogger().handlers if isinstance(h, RotatingFileHandler)]
    assert [h.baseFilename for h in ours] == [str(other.resolve())]
    ours[0].flush()
    assert "moved" in other.read_text(encoding="utf-8")


def test_qt_messages_go_into_logging(caplog: pytest.LogCaptureFixture) -> None:
    previous = logging_setup.install_qt_message_handler()
    try:
        assert logging_setup.install_qt_message_handler() is previous  # idempotent
        with caplog.at_level(logging.DEBUG, "cluedesk.qt"):
            qWarning("a Qt warning")
        record = next(r for r in caplog.records if "a Qt warning" in r.getMessage())
        assert record.levelno == logging.WARNING
        assert record.name.startswith("cluedesk.qt")
    finally:
        logging_setup.restore_qt_message_handler()
