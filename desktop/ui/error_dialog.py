"""The global exception hook: an unexpected error is logged in full and told calmly, once.

`install_exception_hook` replaces `sys.excepthook` (which also receives what a Qt slot
raises: PySide6 hands it there) and `threading.excepthook`. Every error's traceback goes to
the log; the user sees `ErrorDialog`: what happened in plain words (a storage failure in the
words of desktop.store.errors), where the log is, a button to open its folder and one to copy
the details, and the choice to go on working or to quit. It never shows an exception's class,
its text or a repr (they may be a bare `lead_unit`, or hold reporter data). While it is open,
further errors are only counted in it: a burst of errors does not stack dialogs.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop import __version__
from desktop.store.errors import storage_problem
from desktop.ui.logging_setup import log_file

log = logging.getLogger("cluedesk.ui.errors")

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]
QUIT_STATUS = 1
"""The exit status when the user quits from the dialog."""


@dataclass(frozen=True)
class Caught:
    """One unexpected exception, as the hook received it."""

    kind: type[BaseException]
    error: BaseException
    trace: TracebackType | None
    where: str = ""
    """Where it was raised, when not on the UI thread ("线程 …")."""

    def details(self) -> str:
        """The text "复制详细信息" copies: version, time, the log's place and the traceback."""
        lines = [
            f"cluedesk {__version__}",
            f"{datetime.now():%Y-%m-%d %H:%M:%S}",
            QCoreApplication.translate("ErrorDialog", "日志文件：{0}").format(
                log_file() or QCoreApplication.translate("ErrorDialog", "（未启用）")
            ),
        ]
        if self.where:
            lines.append(self.where)
        trace = "".join(traceback.format_exception(self.kind, self.error, self.trace))
        return "\n".join(lines) + "\n\n" + trace


def plain_words(error: BaseException) -> str:
    """What the dialog says happened: a storage problem's own sentence, else the calm one."""
    problem = storage_problem(error)
    if problem is not None:
        return str(problem)
    return QCoreApplication.translate(
        "ErrorDialog", "cluedesk 遇到了一个内部错误，您的数据已保存在本机。"
    )


class ErrorDialog(QDialog):
    """Tells the user calmly that something went wrong; continue or quit."""

    def __init__(self, caught: Caught, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caught = caught
        self.repeats = 0
        self.quit_chosen = False
        self.setWindowTitle(self.tr("cluedesk 出现问题"))
        icon = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size)
        )
        self.message = QLabel(plain_words(caught.error))
        self.message.setWordWrap(True)
        self.message.setObjectName("errorMessage")
        self.advice = QLabel(
            self.tr(
                "您可以继续工作。如果问题反复出现，请退出后重新打开 cluedesk，"
                "并把日志文件交给技术支持人员。"
            )
        )
        self.advice.setWordWrap(True)
        where = log_file()
        self.log_place = QLabel(
            self.tr("日志文件：{0}").format(where)
            if where is not None
            else self.tr("本次运行没有写日志文件。")
        )
        self.log_place.setWordWrap(True)
        self.log_place.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.repeat_label = QLabel()
        self.repeat_label.setWordWrap(True)
        self.repeat_label.hide()
        buttons = QDialogButtonBox()
        self.open_folder_button = QPushButton(self.tr("打开日志文件夹(&O)"))
        self.open_folder_button.setEnabled(where is not None)
        self.copy_button = QPushButton(self.tr("复制详细信息(&C)"))
        self.continue_button = QPushButton(self.tr("继续工作(&G)"))
        self.quit_button = QPushButton(self.tr("退出 cluedesk(&Q)"))
        buttons.addButton(self.open_folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.continue_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.continue_button.setDefault(True)
        self.open_folder_button.clicked.connect(self.open_log_folder)
        self.copy_button.clicked.connect(self.copy_details)
        self.continue_button.clicked.connect(self.accept)
        self.quit_button.clicked.connect(self.choose_quit)  # Esc and the close box continue
        layout = QVBoxLayout(self)
        layout.addWidget(icon)
        for label in (self.message, self.advice, self.log_place, self.repeat_label):
            layout.addWidget(label)
        layout.addWidget(buttons)
        self.setMinimumWidth(min(560, self._screen_width() - 40))

    def _screen_width(self) -> int:
        screen = self.screen() or QGuiApplication.primaryScreen()
        return screen.availableGeometry().width() if screen is not None else 800

    def count_repeat(self) -> None:
        """One more error arrived while the dialog is open (logged, not shown again)."""
        self.repeats += 1
        self.repeat_label.setText(
            self.tr("此后又发生了 %n 次错误，均已写入日志。", "", self.repeats)
        )
        self.repeat_label.show()

    def choose_quit(self) -> None:
        """The user chose to quit cluedesk."""
        self.quit_chosen = True
        self.accept()

    def open_log_folder(self) -> bool:
        """Open the folder of the log file in the system's file manager."""
        where = log_file()
        if where is None:
            return False
        return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(where.parent))))

    def copy_details(self) -> None:
        """Put the details (with the traceback) on the clipboard for technical support."""
        QGuiApplication.clipboard().setText(self.caught.details())
        self.copy_button.setText(self.tr("已复制(&C)"))


class ExceptionHook(QObject):
    """Receives every unexpected exception; logs it and shows one `ErrorDialog` at a time."""

    arrived = Signal(object)
    """A Caught, from any thread; handled on the UI thread."""
    told = Signal()
    """The user was told of an error (its dialog shown, or counted in the open one)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dialog: ErrorDialog | None = None
        self.previous_hook: ExceptHook = sys.excepthook
        self.previous_thread_hook = threading.excepthook
        self.arrived.connect(self.show_dialog)

    def install(self) -> None:
        """Become `sys.excepthook` and `threading.excepthook`."""
        sys.excepthook = self.handle
        threading.excepthook = self.handle_thread

    def uninstall(self) -> None:
        """Put back the hooks that were there before (tests)."""
        if sys.excepthook == self.handle:
            sys.excepthook = self.previous_hook
        if threading.excepthook == self.handle_thread:
            threading.excepthook = self.previous_thread_hook

    def handle(
        self, kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        """sys.excepthook: log the traceback, then show the dialog (or count the error)."""
        if issubclass(kind, KeyboardInterrupt):
            self.previous_hook(kind, error, trace)
            return
        try:
            self.caught(Caught(kind, error, trace))
        except Exception:  # the hook itself must not fail silently
            self.previous_hook(kind, error, trace)

    def handle_thread(self, args: threading.ExceptHookArgs) -> None:
        """threading.excepthook: the same, the dialog shown on the UI thread."""
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        name = args.thread.name if args.thread is not None else "?"
        where = QCoreApplication.translate("ErrorDialog", "线程 {0}").format(name)
        try:
            self.caught(Caught(args.exc_type, args.exc_value, args.exc_traceback, where))
        except Exception:
            self.previous_thread_hook(args)

    def caught(self, caught: Caught) -> None:
        """Log one exception in full; hand it to the UI thread's dialog."""
        log.error(
            "unexpected error%s",
            f" in {caught.where}" if caught.where else "",
            exc_info=(caught.kind, caught.error, caught.trace),
        )
        application = QCoreApplication.instance()
        if application is None:  # too early or too late for a window: one calm line
            print(self.terminal_line(), file=sys.stderr)
            return
        if threading.current_thread() is threading.main_thread():  # Qt's GUI thread too
            self.show_dialog(caught)
        elif isValid(self):
            self.arrived.emit(caught)  # queued to the UI thread

    def terminal_line(self) -> str:
        """What the terminal gets instead of a traceback."""
        where = log_file()
        if where is None:
            return QCoreApplication.translate("ErrorDialog", "cluedesk：内部错误")
        return QCoreApplication.translate("ErrorDialog", "cluedesk：内部错误，详见日志 {0}").format(
            where
        )

    def show_dialog(self, caught: object) -> None:
        """Show the dialog for `caught`, or count it in the one already open."""
        assert isinstance(caught, Caught)
        if self.dialog is not None and isValid(self.dialog) and self.dialog.isVisible():
            self.dialog.count_repeat()
            self.told.emit()
            return
        dialog = ErrorDialog(caught, QApplication.activeWindow())
        self.dialog = dialog
        dialog.finished.connect(lambda _result: self.quit() if dialog.quit_chosen else None)
        if QThread.currentThread().loopLevel() == 0:  # no event loop yet (or any more)
            print(self.terminal_line(), file=sys.stderr)
            QTimer.singleShot(0, self.told.emit)
            dialog.exec()
        else:
            dialog.open()
            self.told.emit()

    def quit(self) -> None:
        """The user chose to quit: end the event loop with status 1."""
        log.info("quitting after an unexpected error, as the user chose")
        QCoreApplication.exit(QUIT_STATUS)


_hook: ExceptionHook | None = None


def install_exception_hook() -> ExceptionHook:
    """Install the global exception hook (once; the application calls it at start-up)."""
    global _hook
    if _hook is None or not isValid(_hook):
        _hook = ExceptionHook(QCoreApplication.instance())
        _hook.install()
    return _hook
