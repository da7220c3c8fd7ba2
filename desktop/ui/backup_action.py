"""文件 → 备份线索库…: a manual backup of the open store, taken in a worker, its result shown."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox

from desktop.store.backups import MANUAL, Backup, take_backup
from desktop.store.database import Store
from desktop.store.errors import storage_problem
from desktop.ui.tasks import run_task

log = logging.getLogger("cluedesk.ui.backup")


def size_text(size: int) -> str:
    """A file size in MB (KB below one MB)."""
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB"
    return f"{max(size, 1) / 1024:.0f} KB"


def add_backup_action(window: QMainWindow, menu: QMenu, store: Store) -> QAction:
    """Add 备份线索库… to a window's menu: a rotated manual backup into the data folder's
    backups/, consistent while the window keeps working; where it went (or why not) is shown."""
    action = QAction(QCoreApplication.translate("BackupAction", "备份线索库…"), window)
    action.setObjectName("backup_action")
    action.setStatusTip(
        QCoreApplication.translate("BackupAction", "把本机线索库备份到数据目录的 backups 文件夹")
    )

    def shown(box: QMessageBox) -> None:
        window.backup_box = box  # type: ignore[attr-defined]
        box.open()

    def done(made: object) -> None:
        action.setEnabled(True)
        assert isinstance(made, Backup)
        text = QCoreApplication.translate(
            "BackupAction",
            "已备份线索库到 {0}（{1}）。\n附件文件不在备份中，恢复后会从平台重新下载。",
        ).format(made.path, size_text(made.size))
        shown(
            QMessageBox(
                QMessageBox.Icon.Information,
                QCoreApplication.translate("BackupAction", "备份完成"),
                text,
                parent=window,
            )
        )

    def failed(exc: BaseException) -> None:
        action.setEnabled(True)
        problem = storage_problem(exc, store.db_path)
        log.error("manual backup failed", exc_info=exc)
        reason = (
            str(problem)
            if problem is not None
            else QCoreApplication.translate("BackupAction", "程序内部出错，详细信息已写入日志。")
        )
        text = QCoreApplication.translate(
            "BackupAction", "没有完成备份，原线索库没有改动：{0}"
        ).format(reason)
        shown(
            QMessageBox(
                QMessageBox.Icon.Warning,
                QCoreApplication.translate("BackupAction", "备份没有完成"),
                text,
                parent=window,
            )
        )

    def back_up() -> None:
        action.setEnabled(False)
        db_path = store.db_path
        run_task(lambda _task: take_backup(db_path, MANUAL), done, failed, owner=window)

    action.triggered.connect(back_up)
    window.addAction(action)
    menu.addAction(action)
    return action
