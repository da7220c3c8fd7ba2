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

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget

from desktop.demo.city import DEMO_PASSWORD
from desktop.domain.timeutil import china_now
from desktop.store.cipher_requests import encryption_requested
from desktop.store.database import Store, open_store
from desktop.store.errors import storage_problem
from desktop.store.sync_apply import apply_local_office_hours, sync_status
from desktop.sync.auth import has_session, open_client
from desktop.sync.engine import SyncSummary
from desktop.sync.errors import SyncError
from desktop.ui.demo_platform import DemoPlatform, follow_demo_port
from desktop.ui.login_dialog import DemoAccountDialog, LoginDialog, LoginValues
from desktop.ui.settings import AppSettings
from desktop.ui.sync_controller import Connection, SyncController, login_job, sync_job
from desktop.ui.tasks import Task, run_task
from desktop.ui.workspace import Clock, Workspace

log = logging.getLogger("cluedesk.ui.startup")

WindowFactory = Callable[[Workspace, SyncController, AppSettings], QWidget]


def saved_connection(store: Store, ca_bundle: str | None) -> Connection | None:
    """The platform and user this store is bound to, when a login session is saved."""
    status = sync_status(store)
    username = (status.user or {}).get("username")
    if not status.server_url or not username:
        return None
    connection = Connection(status.server_url, str(username), ca_bundle)
    with open_client(store, connection.server_url, connection.username) as http:
        return connection if has_session(http) else None


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
        self.demo = DemoPlatform(data_dir) if demo else None
        self.account = account
        self.clock = clock
        self.store: Store | None = None
        self.window: QWidget | None = None
        self.progress: QProgressDialog | None = None
        self.login_dialog: LoginDialog | None = None
        self.account_dialog: DemoAccountDialog | None = None
        self.failure_box: QMessageBox | None = None
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
        """The store could not be opened: damaged, foreign, newer, read-only, full disk …"""
        self._hide_progress()
        if storage_problem(exc) is not None:
            self.exit_status = 2
        self._fail(self.plain_failure(exc))

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
                self._login(connection, DEMO_PASSWORD)

        self._run(lambda _task: saved_connection(store, None), saved)

    def _ask_login(self) -> None:
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
            assert isinstance(summary, SyncSummary)
            self._hide_progress()
            self._open_window(connection, sync_at_once=False)

        def sync_failed(exc: BaseException) -> None:
            self._hide_progress()
            message = self.plain_failure(exc)
            self._fail(self.tr("首次同步没有完成：{0}").format(message))

        self._run(lambda task: sync_job(store, connection, task), synced, sync_failed)

    def _open_window(self, connection: Connection, *, sync_at_once: bool) -> None:
        assert self.store is not None
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
        self.window = window
        window.show()
        log.info("main window shown for %s", connection.username)
        controller.start_auto()
        if sync_at_once:
            controller.sync_now()
        self.window_ready.emit(window)

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
