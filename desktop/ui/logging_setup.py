"""Logging: a rotating log file in the data directory, named loggers per area, Qt's messages too."""

from __future__ import annotations

import logging
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

LOG_DIR = "logs"
LOG_FILE = "cluedesk.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)-8s %(name)s: %(message)s"

ROOT_LOGGER = "cluedesk"
AREAS: tuple[str, ...] = ("ui", "sync", "store", "reports", "qt")
"""The areas with a logger of their own: cluedesk.ui, cluedesk.sync …"""

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}

QtHandler = Callable[[QtMsgType, QMessageLogContext, str], Any]

_file_handler: RotatingFileHandler | None = None
_qt_handler_installed = False
_previous_qt_handler: QtHandler | None = None


def area_logger(area: str) -> logging.Logger:
    """The logger of an area ("ui", "sync", …): cluedesk.<area>."""
    return logging.getLogger(f"{ROOT_LOGGER}.{area}")


def setup_logging(data_dir: Path, level: int = logging.INFO) -> Path:
    """Log cluedesk.* at `level` (other libraries' warnings too) to data_dir/logs/cluedesk.log.

    The file rotates at 1 MB and keeps 5 old files. Calling it again with the same folder
    changes only the level; with another folder it moves the log there. Returns the log file.
    """
    global _file_handler
    log_file = Path(data_dir) / LOG_DIR / LOG_FILE
    root = logging.getLogger()
    if _file_handler is not None and Path(_file_handler.baseFilename) != log_file.resolve():
        shutdown_logging()
    if _file_handler is None:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(
            log_file, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=True
        )
        handler.setFormatter(logging.Formatter(FORMAT))
        root.addHandler(handler)
        _file_handler = handler
    if root.level == logging.NOTSET or root.level > logging.WARNING:
        root.setLevel(logging.WARNING)
    logging.getLogger(ROOT_LOGGER).setLevel(level)
    for area in AREAS:
        area_logger(area)  # created up front so every area exists under cluedesk.*
    return log_file


def log_file() -> Path | None:
    """The log file in use, or None before `setup_logging`."""
    return Path(_file_handler.baseFilename) if _file_handler is not None else None


def shutdown_logging() -> None:
    """Detach and close the log file (tests, or before moving the data directory)."""
    global _file_handler
    if _file_handler is not None:
        logging.getLogger().removeHandler(_file_handler)
        _file_handler.close()
        _file_handler = None


def qt_message_handler(msg_type: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Route one of Qt's messages into logging (cluedesk.qt.<category>)."""
    category = context.category or "default"
    logger = logging.getLogger(
        f"{ROOT_LOGGER}.qt" if category == "default" else f"{ROOT_LOGGER}.qt.{category}"
    )
    where = ""
    if context.file:
        where = f" ({context.file}:{context.line}, {context.function})"
    logger.log(_QT_LEVELS.get(msg_type, logging.WARNING), "%s%s", message, where)


def install_qt_message_handler() -> QtHandler | None:
    """Send Qt's own messages into logging (once); return the handler it replaced.

    The application calls this at start-up; a test restores the previous handler with
    `restore_qt_message_handler()` (pytest-qt has one of its own).
    """
    global _qt_handler_installed, _previous_qt_handler
    if not _qt_handler_installed:
        _previous_qt_handler = qInstallMessageHandler(qt_message_handler)
        _qt_handler_installed = True
    return _previous_qt_handler


def restore_qt_message_handler() -> None:
    """Put back the Qt message handler that was there before ours."""
    global _qt_handler_installed, _previous_qt_handler
    if _qt_handler_installed:
        qInstallMessageHandler(_previous_qt_handler)
        _qt_handler_installed = False
        _previous_qt_handler = None
