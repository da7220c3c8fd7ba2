"""The composition root of the window: application, logging, fonts, translations, start-up."""

from __future__ import annotations

import logging
import os
import signal
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop import __version__
from desktop.store.database import default_data_dir
from desktop.store.health import StoreUnusable, prepare_data_dir
from desktop.ui.error_dialog import install_exception_hook
from desktop.ui.fonts import apply_default_font
from desktop.ui.i18n import install_translators
from desktop.ui.logging_setup import install_qt_message_handler, setup_logging
from desktop.ui.main_window import MainWindow
from desktop.ui.platform_check import (
    EXIT_MISSING_LIBRARIES,
    missing_display_libraries,
    missing_libraries_message,
)
from desktop.ui.settings import AppSettings
from desktop.ui.single_instance import FolderBusy, SingleInstance
from desktop.ui.startup import Startup

log = logging.getLogger("cluedesk.ui")


@dataclass(frozen=True)
class AppOptions:
    """What the command line asked the window for."""

    data_dir: Path | None = None
    demo: bool = False
    account: str | None = None


def data_folder(options: AppOptions) -> Path:
    """The data folder: the one asked for, or the default (its demo/ subfolder for the demo)."""
    if options.data_dir is not None:
        return options.data_dir
    return default_data_dir() / "demo" if options.demo else default_data_dir()


def make_application(argv: list[str], settings: AppSettings | None = None) -> QApplication:
    """The QApplication with its names, high-DPI policy, font and translations.

    The language is the one in `settings` (the data folder's); without them, the user's
    settings file's.
    """
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    app.setOrganizationName("cluedesk")
    app.setApplicationName("cluedesk")
    app.setApplicationVersion(__version__)
    install_translators(app, (settings if settings is not None else AppSettings()).language)
    app.setApplicationDisplayName(QCoreApplication.translate("App", "cluedesk 线索办理工作台"))
    apply_default_font(app)
    return app


def quit_on_signals(app: QApplication) -> QTimer:
    """Quit cleanly on Ctrl+C or SIGTERM (the demo's platform process is stopped on the way).

    Python handles signals only when it runs, so a timer wakes it up now and then.
    """

    def request_quit(signum: int, _frame: object) -> None:
        log.info("signal %d: quitting", signum)
        QTimer.singleShot(0, app.quit)  # also when the signal comes before the loop runs

    signal.signal(signal.SIGINT, request_quit)
    signal.signal(signal.SIGTERM, request_quit)
    timer = QTimer(app)
    timer.start(300)
    timer.timeout.connect(lambda: None)
    return timer


def refuse(message: str | Callable[[], str], settings: AppSettings | None = None) -> int:
    """Say why the window cannot start (stderr and a critical message box); exit status 2.

    A `message` given as a function is made once the translators of `settings` are in.
    """
    if missing_display_libraries(os.environ):  # Qt would abort instead of showing a box
        print(f"cluedesk: {message() if callable(message) else message}", file=sys.stderr)
        return 2
    make_application(sys.argv[:1], settings)
    text = message() if callable(message) else message
    print(f"cluedesk: {text}", file=sys.stderr)
    QMessageBox.critical(None, QCoreApplication.translate("Startup", "无法启动"), text)
    return 2


def bring_forward(window: QWidget | None) -> None:
    """Show the window on top of the others and give it the keyboard (restored if minimised).

    A modal dialog of the window (or, before the window exists, the login, a progress or a
    message box) comes forward instead when one is open; before the main window exists,
    whatever top-level window is shown.
    """
    modal = QApplication.activeModalWidget()
    if modal is not None and window is not None and not window.isAncestorOf(modal):
        modal = None  # not this window's: another window's business
    target = modal or window
    if target is None:
        target = next((w for w in QApplication.topLevelWidgets() if w.isVisible()), None)
    if target is None:
        return
    if target.isMinimized():
        target.setWindowState(
            (target.windowState() & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowActive
        )
    target.show()
    target.raise_()
    target.activateWindow()
    log.info("window brought forward (%s)", type(target).__name__)


def run(options: AppOptions) -> int:
    """Open the window (after login and first sync when needed); returns the exit status.

    One window per data folder: a second start on the same folder asks the running window
    to come forward and ends with status 0.
    """
    folder = data_folder(options)
    try:
        prepare_data_dir(folder)
    except StoreUnusable as exc:
        return refuse(str(exc))
    log_path = setup_logging(folder)
    settings = AppSettings.for_folder(folder)
    missing = missing_display_libraries(os.environ)
    if missing:  # before Qt aborts with a message that blames the wrong library
        speak(settings)
        problem = missing_libraries_message(missing)
        print(f"cluedesk: {problem}", file=sys.stderr)
        log.error("cannot open the window: %s", problem)
        return EXIT_MISSING_LIBRARIES
    instance = SingleInstance(folder)
    try:
        if not instance.claim():
            speak(settings)
            said = QCoreApplication.translate("App", "该数据目录的窗口已经打开，已把它切换到前面。")
            print(f"cluedesk: {said}", file=sys.stderr)
            return 0
    except FolderBusy as exc:
        log.error("the data folder is held by a window that does not answer: %s", exc)
        return refuse(exc.message, settings)
    try:
        return _run_window(options, folder, settings, log_path, instance)
    finally:
        instance.release()


def speak(settings: AppSettings) -> None:
    """Translate what is said before (or instead of) the window: a windowless application
    (no platform plugin is loaded) with the translators of the data folder's language."""
    if QCoreApplication.instance() is None:
        install_translators(QCoreApplication(sys.argv[:1]), settings.language)


def _run_window(
    options: AppOptions,
    folder: Path,
    settings: AppSettings,
    log_path: Path,
    instance: SingleInstance,
) -> int:
    app = make_application(sys.argv[:1], settings)
    install_qt_message_handler()
    install_exception_hook()
    log.info("cluedesk %s starting, data in %s, log in %s", __version__, folder, log_path)
    startup = Startup(settings, folder, MainWindow, demo=options.demo, account=options.account)
    instance.listen()
    instance.activation_requested.connect(lambda: bring_forward(startup.window))
    status: list[int] = []
    quit_on_signals(app)

    def stopped(message: str) -> None:
        status.append(startup.exit_status if message else 0)
        app.quit()

    startup.failed.connect(stopped)
    startup.begin()
    result = app.exec()
    if startup.store is not None:
        startup.store.close()  # notes the clean close: the next start skips the full check
    return status[0] if status else int(result)
