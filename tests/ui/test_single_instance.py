"""One window per data folder: a second start brings the first window forward and ends with
status 0; another data folder runs side by side; a killed window does not block the next."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QLockFile, QSettings
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from desktop.ui.app import bring_forward
from desktop.ui.settings import AppSettings, settings_path
from desktop.ui.single_instance import LOCK_FILE, FolderBusy, SingleInstance, server_name
from tests.ui.window_process import (
    STARTED,
    log_text,
    start_window,
    stop,
    wait_for_log,
    window_env,
)

HANDED_OVER = "asked it to come forward"
RAISE_HEARD = "a second start on this data folder asked the window to come forward"
BROUGHT_FORWARD = "window brought forward"


def test_the_socket_name_follows_the_folder_not_its_spelling(tmp_path: Path) -> None:
    folder = tmp_path / "数据"
    folder.mkdir()
    assert server_name(folder) == server_name(tmp_path / "x" / ".." / "数据")
    assert server_name(folder) != server_name(tmp_path / "other")
    assert server_name(folder).startswith("cluedesk-")
    assert str(tmp_path) not in server_name(folder)


def test_a_folder_held_by_a_silent_process_is_refused_with_its_pid(tmp_path: Path) -> None:
    held = QLockFile(str(tmp_path / LOCK_FILE))
    assert held.tryLock(0)  # a live process (this one) that listens on no socket
    try:
        with pytest.raises(FolderBusy) as refused:
            SingleInstance(tmp_path).claim(patience=0.5)
        assert refused.value.pid == os.getpid()
        assert str(tmp_path) in str(refused.value) and "没有响应" in str(refused.value)
    finally:
        held.unlock()
    instance = SingleInstance(tmp_path)
    assert instance.claim(patience=0.5)  # free again: taken at once
    instance.release()
    assert SingleInstance(tmp_path).claim(patience=0.5)


def test_a_folder_locked_on_another_computer_is_refused_at_once(tmp_path: Path) -> None:
    (tmp_path / LOCK_FILE).write_text("4242\ncluedesk.exe\nKEJI-PC07\n\n\n", encoding="utf-8")
    with pytest.raises(FolderBusy) as refused:
        SingleInstance(tmp_path).claim(patience=60)  # no waiting for a window it cannot reach
    assert refused.value.host == "KEJI-PC07"
    assert "另一台计算机（KEJI-PC07）" in str(refused.value)


def test_a_minimised_window_is_restored_when_brought_forward(qtbot: QtBot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    window.showMinimized()
    qtbot.waitUntil(window.isMinimized, timeout=10000)
    bring_forward(window)
    assert not window.isMinimized()
    assert window.isVisible()


@pytest.mark.slow
def test_a_second_start_brings_the_first_window_forward_and_exits_0(tmp_path: Path) -> None:
    folder, other = tmp_path / "data", tmp_path / "other"
    folder.mkdir()
    english = AppSettings(QSettings(str(settings_path(folder)), QSettings.Format.IniFormat))
    english.language = "en"  # this folder's own setting, read before the application is made
    english.sync()
    env = window_env(tmp_path)
    first = start_window(["--data-dir", str(folder)], env, tmp_path / "first.out")
    third = None
    try:
        wait_for_log(folder, STARTED, first, tmp_path / "first.out")
        second = start_window(["--data-dir", str(folder)], env, tmp_path / "second.out")
        assert second.wait(timeout=120) == 0
        said = (tmp_path / "second.out").read_text(encoding="utf-8")
        assert said.startswith("cluedesk: ") and "Traceback" not in said  # said in English
        text = wait_for_log(folder, BROUGHT_FORWARD, first, tmp_path / "first.out")
        assert RAISE_HEARD in text and HANDED_OVER in text
        assert text.count(STARTED) == 1  # the second start opened nothing
        assert "language en:" in text
        assert first.poll() is None

        third = start_window(["--data-dir", str(other)], env, tmp_path / "third.out")
        other_log = wait_for_log(other, STARTED, third, tmp_path / "third.out")
        assert third.poll() is None and first.poll() is None  # side by side
        assert HANDED_OVER not in other_log
        assert "language zh_CN:" in other_log  # its own settings, not the first folder's
        first.terminate()
        third.terminate()
        assert first.wait(timeout=60) == 0
        assert third.wait(timeout=60) == 0
    finally:
        stop(first)
        if third is not None:
            stop(third)
    assert not (folder / LOCK_FILE).exists()  # given back on the way out


@pytest.mark.slow
def test_a_killed_window_does_not_block_the_next_start(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    env = window_env(tmp_path)
    out = tmp_path / "window.out"
    first = start_window(["--data-dir", str(folder)], env, out)
    again = None
    try:
        wait_for_log(folder, STARTED, first, out)
        first.kill()  # no clean-up at all: the lock file stays behind
        first.wait(timeout=60)
        assert (folder / LOCK_FILE).exists()
        again = start_window(["--data-dir", str(folder)], env, out)
        wait_for_log(folder, STARTED, again, out, count=2)
        assert HANDED_OVER not in log_text(folder)
        knocker = start_window(["--data-dir", str(folder)], env, tmp_path / "knock.out")
        assert knocker.wait(timeout=120) == 0
        wait_for_log(folder, BROUGHT_FORWARD, again, out)
        assert again.poll() is None
    finally:
        stop(first)
        if again is not None:
            stop(again)
