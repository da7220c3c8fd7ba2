"""Sync in the background: on demand and at an interval, with progress, cancel and login."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from desktop.store.database import Store
from desktop.store.errors import storage_problem
from desktop.sync.errors import (
    Cancelled,
    DeviceRevoked,
    LoginFailed,
    LoginRequired,
    Offline,
    SyncError,
    TlsError,
    UpgradeRequired,
)
from desktop.ui.tasks import Task, run_task
from desktop.ui.workspace import Workspace

if TYPE_CHECKING:  # the HTTP client and the engine are imported by the worker that syncs
    from desktop.sync.engine import SyncSummary
    from desktop.sync.http import UserInfo

log = logging.getLogger("cluedesk.ui.sync")


@dataclass(frozen=True)
class Connection:
    """Where and as whom the window syncs."""

    server_url: str
    username: str
    ca_bundle: str | None = None


def sync_job(store: Store, connection: Connection, task: Task[Any]) -> SyncSummary:
    """One sync run in a worker thread (LoginRequired when no session is saved)."""
    from desktop.sync.api import PlatformApi
    from desktop.sync.auth import has_session, open_client
    from desktop.sync.engine import run_sync

    with open_client(
        store, connection.server_url, connection.username, ca_bundle=connection.ca_bundle
    ) as http:
        if not has_session(http):
            raise LoginRequired(QCoreApplication.translate("SyncController", "需要登录"))
        return run_sync(store, PlatformApi(http), progress=task.report, cancel=task.cancel_event)


def login_job(
    store: Store, connection: Connection, password: str, device_kind: str | None = None
) -> UserInfo:
    """Log in in a worker thread: keeps the tokens and binds the store to the user (and
    remembers the device's kind in it when the dialog said which)."""
    from desktop.sync.auth import login, open_client

    with open_client(
        store, connection.server_url, connection.username, ca_bundle=connection.ca_bundle
    ) as http:
        return login(store, http, connection.username, password, device_kind=device_kind)


class SyncController(QObject):
    """Runs sync through the task helper; the status bar and the views listen to its signals."""

    started = Signal()
    progress = Signal(str, int, int)
    """(phase name in Chinese, done, total; 0 total: unknown)."""
    finished = Signal(object)
    """The run's SyncSummary."""
    failed = Signal(str)
    """A sentence for the user."""
    online_changed = Signal(bool)
    login_required = Signal()
    device_revoked = Signal()
    """The platform revoked this device: automatic syncs have stopped; the data is to go."""

    def __init__(
        self,
        workspace: Workspace,
        connection: Connection | None,
        interval_minutes: int = 10,
        parent: QObject | None = None,
        *,
        online: bool | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.connection = connection
        self.online = online
        """True after the last exchange with the platform worked, False when it could not be
        reached, None before any (a sync just done at start-up counts)."""
        self.last_summary: SyncSummary | None = None
        self._task: Task[SyncSummary] | None = None
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.sync_now)
        self.set_interval(interval_minutes)

    @property
    def running(self) -> bool:
        """Whether a sync run is in progress."""
        return self._task is not None

    def phase_name(self, phase: str) -> str:
        """The Chinese name of a sync phase."""
        names = {
            "meta": self.tr("连接平台"),
            "reference": self.tr("更新单位和规则"),
            "attachments": self.tr("上传附件"),
            "push": self.tr("上传本机操作"),
            "pull": self.tr("下载线索更新"),
            "snapshot": self.tr("下载线索快照（KB）"),
        }
        return names.get(phase, phase)

    def set_interval(self, minutes: int) -> None:
        """Sync automatically every `minutes` (while the timer runs)."""
        self._timer.setInterval(max(1, minutes) * 60_000)

    def start_auto(self) -> None:
        """Start syncing at the interval."""
        self._timer.start()

    def stop_auto(self) -> None:
        """Stop the automatic syncs (a run in progress goes on)."""
        self._timer.stop()

    def sync_now(self) -> bool:
        """Start a run unless one is running or nothing is configured; True when started."""
        if self._task is not None or self.connection is None:
            return False
        store, connection = self.workspace.store, self.connection
        self._task = run_task(
            lambda task: sync_job(store, connection, task),
            self._done,
            self._failed,
            lambda phase, done, total: self.progress.emit(self.phase_name(phase), done, total),
            owner=self,
        )
        self.started.emit()
        return True

    def cancel(self) -> None:
        """Ask the running sync to stop after its current step (what is done stays)."""
        if self._task is not None:
            self._task.cancel()

    def _set_online(self, online: bool) -> None:
        if online != self.online:
            self.online = online
            self.online_changed.emit(online)

    def _done(self, summary: SyncSummary) -> None:
        self._task = None
        self.last_summary = summary
        self._set_online(True)
        if summary.directory_updated or summary.rules_updated or summary.reset:
            self.workspace.reload_reference()
            self.workspace.events.reference_changed.emit()
        self.workspace.events.clues_changed.emit()
        self.finished.emit(summary)

    def _failed(self, exc: BaseException) -> None:
        self._task = None
        if isinstance(exc, DeviceRevoked):  # no more syncs, no more reads of the store
            self.stop_auto()
            self.connection = None
            self.device_revoked.emit()
            return
        if isinstance(exc, Offline) and not isinstance(exc, TlsError):
            self._set_online(False)
        elif isinstance(exc, SyncError) and not isinstance(exc, Cancelled):
            self._set_online(True)
        self.workspace.events.clues_changed.emit()  # pages applied before the failure stay
        if isinstance(exc, LoginRequired):
            self.login_required.emit()
            return
        self.failed.emit(self.failure_text(exc))

    def failure_text(self, exc: BaseException) -> str:
        """What to tell the user about a failed run or login: plain words, never SQL or a repr.

        A storage failure (a full disk, a read-only folder, a damaged store) says what to do;
        anything unexpected says that the details are in the log, where its traceback goes.
        """
        if isinstance(exc, Cancelled):
            return self.tr("同步已取消，已完成的部分已保存")
        if isinstance(exc, TlsError):
            return self.tr("无法建立安全连接：{0}").format(exc)
        if isinstance(exc, Offline):
            return self.tr("无法连接平台，当前离线工作：{0}").format(exc)
        if isinstance(exc, LoginFailed):
            return self.tr("登录失败：{0}").format(exc)
        if isinstance(exc, UpgradeRequired):
            return self.tr("平台要求升级本程序：{0}").format(exc)
        if isinstance(exc, SyncError):
            return self.tr("同步失败：{0}").format(exc)
        problem = storage_problem(exc, self.workspace.store.db_path)
        if problem is not None:
            log.error("sync stopped: the store could not be written or read", exc_info=exc)
            return self.tr("同步没有完成：{0}").format(problem)
        log.error("sync failed unexpectedly", exc_info=exc)
        return self.tr("同步没有完成：程序内部出错，详细信息已写入日志，已保存的数据不受影响")
