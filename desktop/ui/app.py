"""The composition root of the window: application, logging, fonts, translations, start-up."""

from __future__ import annotations

import logging
import signal
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import __version__
from desktop.store.database import default_data_dir
from desktop.store.health import StoreUnusable, prepare_data_dir
from desktop.ui.error_dialog import install_exception_hook
from desktop.ui.fonts import apply_default_font
from desktop.ui.i18n import install_translators
from desktop.ui.logging_setup import install_qt_message_handler, setup_logging
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import AppSettings
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


def make_application(argv: list[str]) -> QApplication:
    """The QApplication with its names, high-DPI policy, font and translations."""
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    app.setOrganizationName("cluedesk")
    app.setApplicationName("cluedesk")
    app.setApplicationVersion(__version__)
    settings = AppSettings()
    install_translators(app, settings.language)
    app.setApplicationDisplayName(QCoreApplication.translate("App", "cluedesk 线索办理工作台"))
    apply_default_font(app)
    return app


def quit_on_signals(app: QApplication) -> QTimer:
    """Quit cleanly on Ctrl+C or SIGTERM (the demo's platform process is stopped on the way).

    Python handles signals only when it runs, so a timer wakes it up now and then.
    """

    def request_quit(signum: int, _frame: object) -> None:
        log.info("signal %d: quitting", signum)
        app.quit()

    signal.signal(signal.SIGINT, request_quit)
    signal.signal(signal.SIGTERM, request_quit)
    timer = QTimer(app)
    timer.start(300)
    timer.timeout.connect(lambda: None)
    return timer


def refuse(message: str) -> int:
    """Say why the window cannot start (stderr and a critical message box); exit status 2."""
    print(f"cluedesk: {message}", file=sys.stderr)
    make_application(sys.argv[:1])
    QMessageBox.critical(None, QCoreApplication.translate("Startup", "无法启动"), message)
    return 2


def run(options: AppOptions) -> int:
    """Open the window (after login and first sync when needed); returns the exit status."""
    folder = data_folder(options)
    try:
        prepare_data_dir(folder)
    except StoreUnusable as exc:
        return refuse(str(exc))
    log_path = setup_logging(folder)
    app = make_application(sys.argv[:1])
    install_qt_message_handler()
    install_exception_hook()
    log.info("cluedesk %s starting, data in %s, log in %s", __version__, folder, log_path)
    startup = Startup(AppSettings(), folder, MainWindow, demo=options.demo, account=options.account)
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
