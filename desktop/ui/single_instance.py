"""One window per data folder: a lock file in the folder, and a local socket on which a second
start asks the running window to come forward.

The lock (QLockFile) says which process has the folder; a lock left by a process that no
longer runs is stale and taken over, so a crash does not block the next start. The socket's
name is derived from the folder's resolved path (hashed), so it works as a Windows named
pipe and as a Unix socket, and different data folders run side by side.
"""

from __future__ import annotations

import getpass
import hashlib
import logging
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLockFile, QObject, QSysInfo, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger("cluedesk.ui.instance")

LOCK_FILE = "cluedesk.lock"
RAISE_REQUEST = b"raise\n"
RAISE_REPLY = b"ok\n"
KNOCK_TIMEOUT_MS = 2000
PATIENCE_SECONDS = 20.0
"""How long a second start keeps knocking while the first one is still starting up."""
RETRY_SECONDS = 0.25


class FolderBusy(Exception):
    """Another running cluedesk has the data folder and does not answer."""

    def __init__(self, folder: Path, pid: int | None, host: str = "") -> None:
        super().__init__(folder, pid, host)
        self.folder = folder
        self.pid = pid
        self.host = host

    def __str__(self) -> str:
        return self.message()

    def message(self) -> str:
        """What to tell the user (in the window's language once the translators are in)."""
        if self.host:
            text = QCoreApplication.translate(
                "SingleInstance",
                "数据目录 {0} 正由另一台计算机（{1}）上的 cluedesk 使用。"
                "请先在那台计算机上关闭 cluedesk，或用 --data-dir 指定本机的数据目录。",
            )
            return text.format(self.folder, self.host)
        if self.pid:
            text = QCoreApplication.translate(
                "SingleInstance",
                "数据目录 {0} 正由另一个 cluedesk 窗口（进程 {1}）使用，但它没有响应。"
                "请切换到那个窗口；如果它已无响应，请结束该进程后再启动。",
            )
            return text.format(self.folder, self.pid)
        text = QCoreApplication.translate(
            "SingleInstance",
            "数据目录 {0} 正由另一个 cluedesk 窗口使用，但它没有响应。"
            "请切换到那个窗口；如果它已无响应，请结束该进程后再启动。",
        )
        return text.format(self.folder)


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment (some Windows services)
        return ""


def server_name(data_dir: Path) -> str:
    """The local socket name of the window on `data_dir` (the same for every spelling of it)."""
    resolved = os.path.normcase(str(Path(data_dir).resolve()))
    digest = hashlib.sha256(f"{_user()}\0{resolved}".encode()).hexdigest()[:24]
    return f"cluedesk-{digest}"


def knock(name: str, timeout_ms: int = KNOCK_TIMEOUT_MS) -> bool:
    """Ask the window listening on `name` to come forward; whether it said it did."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(timeout_ms):
        return False
    try:
        socket.write(RAISE_REQUEST)
        socket.flush()
        if not socket.waitForBytesWritten(timeout_ms) and socket.bytesToWrite():
            return False
        reply = b""
        deadline = time.monotonic() + timeout_ms / 1000
        while not reply.endswith(b"\n") and time.monotonic() < deadline:
            if not socket.waitForReadyRead(timeout_ms):
                break
            reply += bytes(socket.readAll().data())
        return reply == RAISE_REPLY
    finally:
        socket.abort()


def _allow_foreground() -> None:
    """Windows gives the foreground to the process the user just started; let the running
    window take it from us (without this it only flashes in the taskbar)."""
    if sys.platform == "win32":
        import ctypes

        ctypes.windll.user32.AllowSetForegroundWindow(-1)  # ASFW_ANY


class SingleInstance(QObject):
    """This process's claim on a data folder; emits `activation_requested` when a later
    start on the same folder asks the window to come forward."""

    activation_requested = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.name = server_name(self.data_dir)
        self.lock = QLockFile(str(self.data_dir / LOCK_FILE))
        self.lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
        self.server: QLocalServer | None = None
        self._buffers: dict[QLocalSocket, bytes] = {}

    def owner(self) -> tuple[int | None, str]:
        """The process id and computer name written in the lock file (the running window)."""
        try:
            lines = (self.data_dir / LOCK_FILE).read_text(encoding="utf-8").splitlines()
        except (OSError, ValueError):
            return None, ""
        pid = int(lines[0]) if lines and lines[0].strip().isdigit() else None
        host = lines[2].strip() if len(lines) > 2 else ""
        return pid, host

    def _elsewhere(self) -> str:
        """The other computer's name when the lock was taken on another one (a shared folder)."""
        _pid, host = self.owner()
        return host if host and host != QSysInfo.machineHostName() else ""

    def _try_lock(self) -> bool:
        if self.lock.tryLock(0):
            return True
        error = self.lock.error()
        if error == QLockFile.LockError.LockFailedError:
            return False
        # the lock file cannot be written (a permission problem): do not stand in the way
        log.warning("cannot take the data folder's lock (%s); starting without it", error)
        return True

    def claim(self, patience: float = PATIENCE_SECONDS) -> bool:
        """Take the data folder (True), or ask the window that has it to come forward (False).

        While the other process runs but does not answer yet (it is starting), keep trying
        for `patience` seconds; raises FolderBusy when it never answers.
        """
        deadline = time.monotonic() + patience
        while True:
            if self._try_lock():
                return True
            _allow_foreground()
            if knock(self.name):
                log.info("another window has this data folder; asked it to come forward")
                return False
            elsewhere = self._elsewhere()
            if elsewhere or time.monotonic() >= deadline:
                raise FolderBusy(self.data_dir, self.owner()[0], elsewhere)
            time.sleep(RETRY_SECONDS)

    def listen(self) -> bool:
        """Answer later starts on this folder (call after claim() and QApplication)."""
        QLocalServer.removeServer(self.name)  # a socket file left by a crash (Unix)
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            log.warning("cannot listen for later starts: %s", server.errorString())
            return False
        server.newConnection.connect(self._accept)
        self.server = server
        return True

    def release(self) -> None:
        """Stop listening and give the data folder's lock back."""
        if self.server is not None:
            self.server.close()
            self.server = None
        if self.lock.isLocked():
            self.lock.unlock()

    def _accept(self) -> None:
        assert self.server is not None
        while (connection := self.server.nextPendingConnection()) is not None:
            self._buffers[connection] = b""
            connection.readyRead.connect(lambda c=connection: self._read(c))
            connection.disconnected.connect(lambda c=connection: self._forget(c))
            self._read(connection)

    def _read(self, connection: QLocalSocket) -> None:
        if connection not in self._buffers:
            return
        data = self._buffers[connection] + bytes(connection.readAll().data())
        self._buffers[connection] = data
        if not data.endswith(b"\n"):
            if len(data) > len(RAISE_REQUEST):
                connection.abort()
            return
        if data == RAISE_REQUEST:
            log.info("a second start on this data folder asked the window to come forward")
            self.activation_requested.emit()
            connection.write(RAISE_REPLY)
            connection.flush()
        connection.disconnectFromServer()

    def _forget(self, connection: QLocalSocket) -> None:
        self._buffers.pop(connection, None)
        connection.deleteLater()
