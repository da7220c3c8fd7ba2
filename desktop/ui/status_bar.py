"""The status bar: online or offline, the last sync, pending actions, sync with progress."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QStatusBar, QWidget

from desktop.domain.timeutil import to_china
from desktop.store.sync_apply import sync_status
from desktop.ui.sync_controller import SyncController
from desktop.ui.workspace import Workspace

if TYPE_CHECKING:
    from desktop.sync.engine import SyncSummary


class SyncStatusBar(QStatusBar):
    """Shows the sync state and runs sync on demand; the progress bar appears while it runs."""

    problems_requested = Signal()
    """The user clicked the sync-problem count (show 同步问题)."""

    def __init__(
        self, workspace: Workspace, sync: SyncController, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.sync = sync
        self.online_label = QLabel()
        self.online_label.setObjectName("online")
        self.last_sync_label = QLabel()
        self.pending_label = QLabel()
        self.problems_label = QLabel()
        self.problems_label.setObjectName("syncProblems")
        self.problems_label.setTextFormat(Qt.TextFormat.RichText)
        self.problems_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.problems_label.linkActivated.connect(lambda _link: self.problems_requested.emit())
        self.problems_label.hide()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.hide()
        self.sync_button = QPushButton(self.tr("立即同步"))
        self.sync_button.setToolTip(self.tr("与市级平台同步（F5）"))
        for widget in (
            self.online_label,
            self.last_sync_label,
            self.pending_label,
            self.problems_label,
        ):
            self.addPermanentWidget(widget)
        self.addPermanentWidget(self.progress)
        self.addPermanentWidget(self.cancel_button)
        self.addPermanentWidget(self.sync_button)
        self.sync_button.clicked.connect(sync.sync_now)
        self.cancel_button.clicked.connect(sync.cancel)
        sync.started.connect(self._started)
        sync.progress.connect(self._progress)
        sync.finished.connect(self._finished)
        sync.failed.connect(self._failed)
        sync.online_changed.connect(lambda _online: self._show_online())
        sync.login_required.connect(self._stopped)
        workspace.events.clues_changed.connect(self.refresh_counts)
        self._show_online()
        self.refresh_counts()

    def _show_online(self) -> None:
        online = self.sync.online
        if self.sync.connection is None:
            text, tip = self.tr("未连接平台"), self.tr("没有配置市级平台地址")
        elif online is None:
            text, tip = (
                self.tr("◌ 连接待检测"),
                self.tr("本次启动后尚未与 {0} 通信").format(self.sync.connection.server_url),
            )
        elif online:
            text, tip = self.tr("● 在线"), self.sync.connection.server_url
        else:
            text, tip = (
                self.tr("○ 离线"),
                self.tr("无法连接 {0}，可继续离线办理").format(self.sync.connection.server_url),
            )
        self.online_label.setText(text)
        self.online_label.setToolTip(tip)

    def refresh_counts(self) -> None:
        """Read the last sync time and the outbox counts again (cheap: two counts)."""
        status = sync_status(self.workspace.store)
        if status.last_sync_at:
            moment = to_china(datetime.fromisoformat(status.last_sync_at))
            self.last_sync_label.setText(self.tr("上次同步 {0}").format(f"{moment:%m-%d %H:%M}"))
        else:
            self.last_sync_label.setText(self.tr("从未同步"))
        if status.pending:
            self.pending_label.setText(self.tr("待上传 {0} 个操作").format(status.pending))
        else:
            self.pending_label.setText(self.tr("无待上传操作"))
        self.problem_count = status.problems
        self.problems_label.setVisible(bool(status.problems))
        if status.problems:  # refused actions are not "waiting": they need the user
            text = self.tr("%n 个操作被平台拒绝", "", status.problems)
            self.problems_label.setText(f'⚠ <a href="problems">{text}</a>')
            self.problems_label.setToolTip(self.tr("点击查看「同步问题」（Ctrl+Shift+P）"))

    def _started(self) -> None:
        self.sync_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.setFormat(self.tr("同步中"))
        self.progress.show()
        self.cancel_button.show()
        self.showMessage(self.tr("正在同步……"))

    def _progress(self, phase: str, done: int, total: int) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
            self.progress.setFormat(f"{phase} %v/%m")
        else:
            self.progress.setRange(0, 0)
            self.progress.setFormat(phase)
        self.showMessage(phase)

    def _stopped(self) -> None:
        self.sync_button.setEnabled(True)
        self.progress.hide()
        self.cancel_button.hide()
        self.refresh_counts()

    def _finished(self, summary: SyncSummary) -> None:
        from desktop.sync.engine import summary_lines  # loaded by the sync that ended

        self._stopped()
        self.setToolTip("")
        self.showMessage("  ".join(summary_lines(summary)[:2]), 10_000)

    def _failed(self, message: str) -> None:
        self._stopped()
        self.setToolTip(message)  # the whole sentence, where a narrow window cuts it off
        self.showMessage(message, 60_000)
