"""Stopping a server process and its children, and asking whether a process lives, on POSIX
and on Windows alike (no os.killpg or SIGKILL on Windows; os.kill(pid, 0) there would end it)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from typing import Any

POLL_SECONDS = 0.1


def new_group_options() -> dict[str, Any]:
    """Popen options that start a child in a process group of its own (stopped as one)."""
    if sys.platform == "win32":
        return {"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP}
    return {"start_new_session": True}


def pid_alive(pid: int) -> bool:
    """Whether a process with this id is running (a zombie of ours counts as ended)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":
        import ctypes

        still_active = 259
        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return ctypes.get_last_error() == 5  # ERROR_ACCESS_DENIED: it exists
        code = ctypes.c_ulong()
        try:
            if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
                return False
            return code.value == still_active
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a child of ours that ended but was not waited for yet
        done, _status = os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True
    return done == 0


def wait_gone(pid: int, timeout: float) -> bool:
    """Wait up to `timeout` seconds for the process to end; whether it did."""
    deadline = time.monotonic() + timeout
    while pid_alive(pid):
        if time.monotonic() >= deadline:
            return False
        time.sleep(POLL_SECONDS)
    return True


def signal_group(pid: int, number: int) -> None:
    """Send a signal to the process group the process leads (or to the process) (POSIX)."""
    if sys.platform == "win32":
        return
    try:
        if os.getpgid(pid) == pid:
            os.killpg(pid, number)
        else:
            os.kill(pid, number)
    except ProcessLookupError:
        pass


def kill_tree_windows(pid: int) -> None:
    """End a process and its children at once (Windows: `taskkill /T /F`)."""
    subprocess.run(
        ["taskkill", "/PID", str(pid), "/T", "/F"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,
    )


def terminate_tree(pid: int, timeout: float = 10.0) -> bool:
    """Stop a process and its children: politely (SIGTERM to its group) and, after
    `timeout` seconds, by force (SIGKILL; on Windows `taskkill /T /F`). Whether it ended."""
    if not pid_alive(pid):
        return True
    if sys.platform == "win32":
        kill_tree_windows(pid)
        return wait_gone(pid, timeout)
    signal_group(pid, signal.SIGTERM)
    if wait_gone(pid, timeout):
        return True
    signal_group(pid, signal.SIGKILL)
    return wait_gone(pid, timeout)
