"""From start to a usable window: open the store, log in if needed, first sync, the window.

Every slow step (opening the store, which may check, back up and migrate it, and looking the
saved session up in the keyring; seeding the demo platform, logging in, the first sync) runs
through the task helper with a progress dialog, never on the UI thread; the user can cancel the
download, and a failure is shown in plain words, never swallowed and never as a repr.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QWidget,
)

from desktop.domain.timeutil import china_now
from desktop.store.backups import daily_backup_if_due, daily_due
from desktop.store.cipher_requests import encryption_requested
from desktop.store.database import Store, open_store
from desktop.store.errors import StoreDamaged, storage_problem
from desktop.store.sync_apply import apply_local_office_hours, device_id, sync_status
from desktop.sync.errors import DeviceRevoked, SyncError
from desktop.sync.tokens import TokenStore, has_saved_session
from desktop.ui.settings import AppSettings
from desktop.ui.sync_controller import Connection, SyncController, login_job, sync_job
from desktop.ui.tasks import Task, run_task, wait_for_tasks
from desktop.ui.workspace import Clock, Workspace

if TYPE_CHECKING:  # the login and recovery dialogs are imported when a start needs them
    from desktop.store.recovery import Recovery
    from desktop.ui.demo_platform import DemoPlatform
    from desktop.ui.login_dialog import DemoAccountDialog, LoginDialog, LoginValues
    from desktop.ui.recovery_dialog import RecoveryDialog

log = logging.getLogger("cluedesk.ui.startup")

WindowFactory = Callable[[Workspace, SyncController, AppSettings], QWidget]
EXIT_REVOKED = 7
BACKUP_MESSAGE_MS = 10_000
"""How long the status bar says that the daily backup was taken (or was not)."""
"""The window's exit status after the platform revoked the device (as `cluedesk sync`'s)."""


def saved_connection(store: Store, ca_bundle: str | None) -> Connection | None:
    """The platform and user this store is bound to, when a login session is saved."""
    status = sync_status(store)
    username = (status.user or {}).get("username")
    if not status.server_url or not username:
        return None
    connection = Connection(status.server_url, str(username), ca_bundle)
    tokens = TokenStore(store.data_dir, device_id(store))  # no HTTP client: none is needed yet
    return connection if has_saved_session(tokens, status.server_url, str(username)) else None


@dataclass(frozen=True)
class OpenedStore:
    """A store opened off the UI thread, and the saved connection found in it (if any)."""

    store: Store
    connection: Connection | None


def open_and_look_up(folder: Path, ca_bundle: str | None) -> OpenedStore:
    """Open (check, back up, migrate) the store and look its saved session up (a worker's job).

    The store's engine may be used from any thread afterwards (SQLAlchemy's SQLite pool does
    not bind a connection to the thread that made it).
    """
    store = open_store(folder)
    try:
        return OpenedStore(store, saved_connection(store, ca_bundle))
    except BaseException:
        store.close()
        raise


class Startup(QObject):
    """Runs the start-up steps; emits `window_ready` with the shown main window."""

    window_ready = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        settings: AppSettings,
        data_dir: Path,
        make_window: WindowFactory,
        *,
        demo: bool = False,
        account: str | None = None,
        clock: Clock = china_now,
    ) -> None:
        super().__init__()
        self.settings = settings
        self.data_dir = data_dir
        self.make_window = make_window
        self.demo: DemoPlatform | None = None
        if demo:  # the platform is imported only for the demo (a bundle does not have it)
            from desktop.ui.demo_platform import DemoPlatform

            self.demo = DemoPlatform(data_dir)
        self.account = account
        self.clock = clock
        self.store: Store | None = None
        self.window: QWidget | None = None
        self.progress: QProgressDialog | None = None
        self.login_dialog: LoginDialog | None = None
        self.account_dialog: DemoAccountDialog | None = None
        self.failure_box: QMessageBox | None = None
        self.connection: Connection | None = None
        self.recovery_dialog: RecoveryDialog | None = None
        self.recovery: Recovery | None = None
        """What the recovery from a damaged store did (None: no recovery at this start)."""
        self.daily_backup: Task[object] | None = None
        self._task: Task[object] | None = None
        self.exit_status = 1  # after a failure; 2 when the data folder or store is unusable

    # -- the steps ---------------------------------------------------------------------------

    def begin(self) -> None:
        """Start: the demo's account choice and platform, or the saved session, or a login."""
        if self.demo is not None:
            if self.account:
                self._start_demo(self.account)
            else:
                self._choose_demo_account()
            return
        folder, ca_bundle = self.data_dir, self.settings.ca_bundle
        if encryption_requested(folder):  # done by the open, before anything else uses it
            text = self.tr("正在按市级平台的要求加密本机线索库和附件，请勿关闭电脑……")
        else:
            text = self.tr("正在打开本机线索库……")
        self._show_progress(text, cancel=False)
        self._run(
            lambda _task: open_and_look_up(folder, ca_bundle),
            self._store_opened,
            self._store_failed,
        )

    def _store_opened(self, opened: object) -> None:
        assert isinstance(opened, OpenedStore)
        self.store = opened.store
        self._hide_progress()
        if opened.connection is not None:
            self._open_window(opened.connection, sync_at_once=True)
        else:
            self._ask_login()

    def _store_failed(self, exc: BaseException) -> None:
        """The store could not be opened: damaged, foreign, newer, read-only, full disk …

        A damaged store (not the demo's) leads to the recovery dialog."""
        self._hide_progress()
        problem = storage_problem(exc)
        if problem is not None:
            self.exit_status = 2
        if isinstance(problem, StoreDamaged) and self.demo is None and self.recovery is None:
            log.error("the store is damaged: offering recovery", exc_info=exc)
            self._offer_recovery(str(problem))
            return
        self._fail(self.plain_failure(exc))

    # -- recovery from a damaged store ---------------------------------------------------------

    def _offer_recovery(self, problem: str) -> None:
        from desktop.ui.recovery_dialog import RecoveryDialog, RecoveryOffer, recovery_offer

        self._show_progress(self.tr("线索库已损坏，正在查找可用的备份……"), cancel=False)
        folder = self.data_dir

        def found(offer: object) -> None:
            assert isinstance(offer, RecoveryOffer)
            self._hide_progress()
            dialog = RecoveryDialog(offer, problem)
            self.recovery_dialog = dialog
            dialog.restore_requested.connect(self._recover)
            dialog.rejected.connect(lambda: self._recovery_declined(problem))
            dialog.open()

        self._run(lambda _task: recovery_offer(folder), found)

    def _recovery_declined(self, problem: str) -> None:
        log.error("start-up failed: %s", problem)
        self.failed.emit(problem)

    def _recover(self, backup: object) -> None:
        """Restore `backup` (None: a new store), keeping the damaged file; then go on."""
        assert backup is None or isinstance(backup, Path)
        self._show_progress(self.tr("正在恢复线索库……"), cancel=False)
        folder, ca_bundle = self.data_dir, self.settings.ca_bundle

        def work(_task: Task[object]) -> tuple[OpenedStore, Recovery]:
            from desktop.store.recovery import restore

            store, done = restore(folder, backup, damaged=True)
            try:
                return OpenedStore(store, saved_connection(store, ca_bundle)), done
            except BaseException:
                store.close()
                raise

        def restored(result: object) -> None:
            assert isinstance(result, tuple)
            opened, done = result
            self.recovery = done
            log.info("store recovered from %s; %d actions salvaged", backup, done.salvaged)
            self._store_opened(opened)

        def failed(exc: BaseException) -> None:
            self._hide_progress()
            message = self.plain_failure(exc)
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("没有恢复"),
                self.tr("没有恢复线索库：{0}").format(message),
            )
            box.finished.connect(lambda _result: self.recovery_dialog_again())
            self.failure_box = box
            box.open()

        self._run(work, restored, failed)

    def recovery_dialog_again(self) -> None:
        """Back to the recovery dialog after a backup could not be restored."""
        dialog = self.recovery_dialog
        if dialog is not None:
            dialog.open()

    def plain_failure(self, exc: BaseException) -> str:
        """What to tell the user about a failed step: plain words, never SQL or a repr."""
        if isinstance(exc, SyncError):
            return str(exc)
        problem = storage_problem(exc, self.store.db_path if self.store is not None else None)
        if problem is not None:
            log.error("start-up step stopped by a storage problem", exc_info=exc)
            return str(problem)
        log.error("start-up step failed unexpectedly", exc_info=exc)
        return self.tr("程序内部出错，详细信息已写入日志，已保存的数据不受影响。")

    def _choose_demo_account(self) -> None:
        from desktop.ui.login_dialog import DemoAccountDialog

        dialog = DemoAccountDialog()
        self.account_dialog = dialog
        dialog.accepted.connect(lambda: self._start_demo(dialog.username()))
        dialog.rejected.connect(lambda: self.failed.emit(""))
        dialog.open()

    def _start_demo(self, username: str) -> None:
        demo = self.demo
        assert demo is not None
        self._show_progress(self.tr("正在启动演示平台（首次运行需生成演示城市）……"), cancel=False)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(demo.stop)

        def start(_task: Task[object]) -> tuple[Connection, OpenedStore]:
            from desktop.ui.demo_platform import follow_demo_port

            base_url = demo.start()
            store = open_store(demo.client_dir(username))
            try:
                follow_demo_port(store, base_url)
                return Connection(base_url, username), OpenedStore(store, None)
            except BaseException:
                store.close()
                raise

        def started(result: object) -> None:
            assert isinstance(result, tuple)
            connection, opened = result
            self.store = opened.store
            self._check_demo_session(connection)

        self._run(start, started, self._store_failed)

    def _check_demo_session(self, connection: Connection) -> None:
        store = self.store
        assert store is not None

        def saved(found: object) -> None:
            if found == connection:
                self._hide_progress()
                self._open_window(connection, sync_at_once=True)
            else:
                from desktop.demo.city import DEMO_PASSWORD

                self._login(connection, DEMO_PASSWORD)

        self._run(lambda _task: saved_connection(store, None), saved)

    def _ask_login(self) -> None:
        from desktop.ui.login_dialog import LoginDialog

        dialog = LoginDialog(self.settings, stay_open=True)
        self.login_dialog = dialog
        dialog.submitted.connect(self._login_entered)
        dialog.rejected.connect(lambda: self.failed.emit(""))
        dialog.open()

    def _login_entered(self, values: LoginValues) -> None:
        connection = Connection(values.server_url, values.username, values.ca_bundle)
        self._login(connection, values.password, values.device_kind)

    def _login(self, connection: Connection, password: str, device_kind: str | None = None) -> None:
        store = self.store
        assert store is not None
        self.connection = connection
        if self.login_dialog is None:
            self._show_progress(
                self.tr("正在登录 {0}……").format(connection.server_url), cancel=False
            )
        self._run(
            lambda _task: login_job(store, connection, password, device_kind),
            lambda _user: self._logged_in(connection),
            self._login_failed,
        )

    def _logged_in(self, connection: Connection) -> None:
        if self.login_dialog is not None:
            self.login_dialog.succeeded()
        self._first_sync(connection)

    def _login_failed(self, exc: BaseException) -> None:
        self._hide_progress()
        if isinstance(exc, DeviceRevoked):
            if self.login_dialog is not None:
                self.login_dialog.hide()
            self.device_revoked()
            return
        message = self.plain_failure(exc)
        if self.login_dialog is None:
            self._fail(self.tr("演示账号登录失败：{0}").format(message))
            return
        self.login_dialog.show_error(self.tr("登录失败：{0}").format(message))

    def _first_sync(self, connection: Connection) -> None:
        store = self.store
        assert store is not None
        self._show_progress(self.tr("正在从平台下载线索……"), cancel=True)

        def synced(summary: object) -> None:
            from desktop.sync.engine import SyncSummary  # loaded by the sync that ended

            assert isinstance(summary, SyncSummary)
            self._hide_progress()
            self._open_window(connection, sync_at_once=False)

        def sync_failed(exc: BaseException) -> None:
            self._hide_progress()
            if isinstance(exc, DeviceRevoked):
                self.device_revoked()
                return
            message = self.plain_failure(exc)
            self._fail(self.tr("首次同步没有完成：{0}").format(message))

        self._run(lambda task: sync_job(store, connection, task), synced, sync_failed)

    def _open_window(self, connection: Connection, *, sync_at_once: bool) -> None:
        assert self.store is not None
        self.connection = connection
        apply_local_office_hours(self.store, self.settings.office_hours)
        try:
            workspace = Workspace(
                self.store, connection.username, connection.server_url, self.clock
            )
        except LookupError as exc:  # the user's data never arrived: sync again
            log.error("the user's own record is missing from the store", exc_info=exc)
            self._fail(
                self.tr("本机线索库中没有用户 {0} 的资料，请联网后重新登录同步。").format(
                    connection.username
                )
            )
            return
        controller = SyncController(  # right after a first sync: it is online
            workspace,
            connection,
            self.settings.sync_interval_minutes,
            online=None if sync_at_once else True,
        )
        window = self.make_window(workspace, controller, self.settings)
        controller.setParent(window)
        controller.device_revoked.connect(self.device_revoked)
        self.window = window
        window.show()
        log.info("main window shown for %s", connection.username)
        controller.start_auto()
        if sync_at_once:
            controller.sync_now()
        controller.finished.connect(lambda *_: self.back_up_daily())
        QTimer.singleShot(0, self, self.back_up_daily)  # once the window has painted
        self.window_ready.emit(window)

    def device_revoked(self) -> None:
        """The platform revoked this device (lost or stolen): wipe the data folder, say so
        in a modal message, close the window and end (no login is offered: on a laptop
        reported lost, a login dialog would only invite its finder)."""
        message = self.tr(
            "本机已被平台停用，本机上的线索数据和登录信息已清除。如有疑问请联系本单位管理员。"
        )
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("本机已停用"), message)
        box.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.exit_status = EXIT_REVOKED
        box.finished.connect(lambda _result: self.failed.emit(message))
        self.failure_box = box
        box.open()  # before the window closes: the application lives on until it is read
        window = self.window
        if window is not None:
            closer = getattr(window, "close_without_asking", window.close)
            closer()
        connection = self.connection
        self.settings.username = ""
        if self.daily_backup is not None:  # a backup being written would outlive the wipe
            wait_for_tasks()
        if self.store is not None:
            from desktop.sync.revocation import wipe_revoked_device

            outcome = wipe_revoked_device(
                self.store,
                connection.server_url if connection is not None else None,
                connection.username if connection is not None else None,
                ca_bundle=self.settings.ca_bundle,
            )
            if not outcome.report.complete:
                left = self.tr("、").join(sorted(outcome.report.failed))
                box.setInformativeText(
                    self.tr("以下文件未能删除，请关闭本程序后手动删除：{0}").format(left)
                )
        log.warning("the platform revoked this device: data folder wiped, window closed")

    def back_up_daily(self) -> None:
        """The day's backup, in a worker once the window has painted (or a sync ended), when
        the latest daily one is older than a day; never two at once. The window's status bar
        says while it is taken, and when it is done.

        The backup goes through SQLite's backup API (`desktop.store.backups`): a consistent
        copy of the store while the window reads and writes it in WAL mode."""
        store = self.store
        if store is None or self.daily_backup is not None or not daily_due(store.data_dir):
            return
        db_path = store.db_path
        self._say(self.tr("正在备份本机线索库……"))

        def done(result: object) -> None:
            self.daily_backup = None
            if result is not None:
                self._say(self.tr("本机线索库已备份"), BACKUP_MESSAGE_MS)

        def failed(exc: BaseException) -> None:
            self.daily_backup = None
            log.error("the daily backup was not taken: %s", storage_problem(exc) or exc)
            self._say(self.tr("今天的自动备份没有完成，详细信息已写入日志"), BACKUP_MESSAGE_MS)

        self.daily_backup = run_task(
            lambda _task: daily_backup_if_due(db_path), done, failed, owner=self
        )

    def _say(self, text: str, timeout_ms: int = 0) -> None:
        """A message in the window's status bar (none before the window is shown)."""
        window = self.window
        if isinstance(window, QMainWindow) and shiboken6.isValid(window):
            window.statusBar().showMessage(text, timeout_ms)

    # -- plumbing ----------------------------------------------------------------------------

    def _run(
        self,
        work: Callable[[Task[object]], object],
        done: Callable[[object], None],
        failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        def progress(_phase: str, done_count: int, total: int) -> None:
            if self.progress is not None and total:
                self.progress.setMaximum(total)
                self.progress.setValue(min(done_count, total))

        def on_error(exc: BaseException) -> None:
            self._task = None
            if failed is not None:
                failed(exc)
            else:
                self._hide_progress()
                self._fail(self.plain_failure(exc))

        def on_done(result: object) -> None:
            self._task = None
            done(result)

        self._task = run_task(work, on_done, on_error, progress, owner=self)

    def _show_progress(self, text: str, *, cancel: bool) -> None:
        if self.progress is None:
            self.progress = QProgressDialog()
            self.progress.setWindowTitle(self.tr("cluedesk 线索办理工作台"))
            self.progress.setMinimumDuration(0)
            self.progress.setAutoClose(False)
            self.progress.setAutoReset(False)
            self.progress.canceled.connect(self._cancel)
        self.progress.setLabelText(text)
        self.progress.setRange(0, 0)
        if cancel:
            self.progress.setCancelButtonText(self.tr("取消"))  # makes the button if need be
        else:
            self.progress.setCancelButton(None)  # no blank button where nothing can stop
        self.progress.show()

    def _hide_progress(self) -> None:
        if self.progress is not None:
            self.progress.hide()

    def _cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def _fail(self, message: str) -> None:
        log.error("start-up failed: %s", message)
        box = QMessageBox(QMessageBox.Icon.Critical, self.tr("无法启动"), message)
        box.finished.connect(lambda _result: self.failed.emit(message))
        self.failure_box = box  # kept: a parentless box nobody holds would vanish at once
        box.open()
