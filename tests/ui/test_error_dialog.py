"""The global exception hook: an error raised in a slot or a thread is logged with its traceback
and told in a calm dialog (the log's place, open its folder, copy the details, continue or
quit); never the exception's name, text or repr; one dialog for a burst of errors."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from desktop.store.errors import disk_full
from desktop.ui import error_dialog
from desktop.ui.error_dialog import ErrorDialog, ExceptionHook, install_exception_hook
from desktop.ui.logging_setup import setup_logging, shutdown_logging

pytestmark = pytest.mark.qt_no_exception_capture  # the hook under test receives them

REPORTER = "张秀英 13912345678"


class Emitter(QObject):
    """Something whose signal reaches a slot that raises."""

    fired = Signal()


@pytest.fixture
def hook(tmp_path: Path) -> Iterator[ExceptionHook]:
    """The hook installed, logging to tmp_path/logs; its dialogs closed afterwards."""
    setup_logging(tmp_path)
    installed = install_exception_hook()
    yield installed
    installed.uninstall()
    for dialog in dialogs():
        dialog.close()
    error_dialog._hook = None
    installed.deleteLater()
    shutdown_logging()


def dialogs() -> list[ErrorDialog]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, ErrorDialog) and w.isVisible()
    ]


def shown_text(dialog: ErrorDialog) -> str:
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    return "\n".join([dialog.windowTitle(), *texts])


def log_text(tmp_path: Path) -> str:
    return (tmp_path / "logs" / "cluedesk.log").read_text(encoding="utf-8")


def raise_in_a_slot(error: BaseException) -> Emitter:
    """Raise `error` in a slot run by the event loop (wait with `qtbot.waitSignal(hook.told)`,
    which runs one, as the window's app.exec does)."""
    emitter = Emitter()

    def slot() -> None:
        raise error

    emitter.fired.connect(slot)
    QTimer.singleShot(0, emitter.fired.emit)  # from the event loop, as a click would
    return emitter


def test_an_error_in_a_slot_is_logged_and_told_calmly(
    qtbot: QtBot, hook: ExceptionHook, tmp_path: Path
) -> None:
    with qtbot.waitSignal(hook.told, timeout=20000):
        emitter = raise_in_a_slot(KeyError("lead_unit"))
    assert len(dialogs()) == 1
    dialog = dialogs()[0]
    text = shown_text(dialog)
    assert "cluedesk 遇到了一个内部错误，您的数据已保存在本机。" in text
    assert str(tmp_path / "logs" / "cluedesk.log") in text
    for hidden in ("lead_unit", "KeyError", "Traceback", "Error("):
        assert hidden not in text
    logged = log_text(tmp_path)
    assert "unexpected error" in logged and "Traceback" in logged
    assert "KeyError: 'lead_unit'" in logged
    assert dialog.continue_button.isDefault()
    dialog.continue_button.click()
    assert not dialog.isVisible() and not dialog.quit_chosen
    del emitter


def test_a_burst_of_errors_gives_one_dialog_that_counts_them(
    qtbot: QtBot, hook: ExceptionHook, tmp_path: Path
) -> None:
    with qtbot.waitSignals([hook.told] * 3, timeout=20000):
        emitters = [raise_in_a_slot(ValueError(f"bad {n}")) for n in range(3)]
    assert log_text(tmp_path).count("unexpected error") == 3
    assert len(dialogs()) == 1
    dialog = dialogs()[0]
    assert dialog.repeats == 2 and "又发生了 2 次错误" in dialog.repeat_label.text()
    assert all(f"ValueError: bad {n}" in log_text(tmp_path) for n in range(3))
    dialog.continue_button.click()
    with qtbot.waitSignal(hook.told, timeout=20000):
        later = raise_in_a_slot(ValueError("later"))  # once closed, the next one is told again
    assert len(dialogs()) == 1
    assert dialogs()[0].repeats == 0
    del emitters, later


def test_an_error_in_a_thread_is_told_on_the_ui_thread(
    qtbot: QtBot, hook: ExceptionHook, tmp_path: Path
) -> None:
    def work() -> None:
        raise RuntimeError(f"reporter {REPORTER}")

    worker = threading.Thread(target=work, name="evidence-copy")
    with qtbot.waitSignal(hook.told, timeout=20000):
        worker.start()
    worker.join(30)
    assert len(dialogs()) == 1
    text = shown_text(dialogs()[0])
    assert "内部错误" in text and REPORTER not in text and "RuntimeError" not in text
    assert "unexpected error in 线程 evidence-copy" in log_text(tmp_path)


def test_a_storage_failure_is_told_in_its_own_plain_words(
    qtbot: QtBot, hook: ExceptionHook, tmp_path: Path
) -> None:
    try:
        raise RuntimeError("INSERT INTO clues VALUES (?)") from disk_full(tmp_path / "x.sqlite3")
    except RuntimeError as exc:
        error = exc
    with qtbot.waitSignal(hook.told, timeout=20000):
        emitter = raise_in_a_slot(error)
    text = shown_text(dialogs()[0])
    assert "磁盘空间不足" in text and "清理磁盘空间后重试" in text and "INSERT" not in text
    del emitter


def test_the_dialog_copies_the_details_opens_the_log_folder_and_can_quit(
    qtbot: QtBot, hook: ExceptionHook, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with qtbot.waitSignal(hook.told, timeout=20000):
        emitter = raise_in_a_slot(KeyError("lead_unit"))
    assert len(dialogs()) == 1
    dialog = dialogs()[0]
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert "Traceback" in copied and "KeyError: 'lead_unit'" in copied
    assert str(tmp_path / "logs" / "cluedesk.log") in copied
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    dialog.open_folder_button.click()
    assert opened == [str(tmp_path / "logs")]
    exits: list[int] = []
    monkeypatch.setattr(QCoreApplication, "exit", lambda status=0: exits.append(status))
    dialog.quit_button.click()
    assert dialog.quit_chosen and exits == [1]
    del emitter


def test_escape_means_continue_not_quit(
    qtbot: QtBot, hook: ExceptionHook, monkeypatch: pytest.MonkeyPatch
) -> None:
    exits: list[int] = []
    monkeypatch.setattr(QCoreApplication, "exit", lambda status=0: exits.append(status))
    with qtbot.waitSignal(hook.told, timeout=20000):
        emitter = raise_in_a_slot(KeyError("x"))
    dialogs()[0].reject()  # Esc, or the window's close box
    assert exits == [] and dialogs() == []
    del emitter
