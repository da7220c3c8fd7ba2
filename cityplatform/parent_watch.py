"""A server that stops with the process that started it: it watches its stdin, a pipe from
the parent, which closes when the parent ends, however it ends (killed, crashed, on Windows
or POSIX)."""

from __future__ import annotations

import logging
import os
import signal
import sys
import threading
from typing import BinaryIO

log = logging.getLogger("cityplatform.parent_watch")

GRACE_SECONDS = 20.0
"""How long the server may take to shut down cleanly before the process just ends."""


def _wait_for_eof(stream: BinaryIO) -> None:
    try:
        while stream.read(4096):
            pass
    except (OSError, ValueError):
        pass


def _stop_now() -> None:
    """Ask this process to stop as SIGTERM would (uvicorn's handler shuts down cleanly)."""
    signal.raise_signal(signal.SIGTERM)


def _last_resort(grace: float) -> None:
    timer = threading.Timer(grace, lambda: os._exit(0))
    timer.daemon = True
    timer.start()


def stop_when_stdin_closes(
    stream: BinaryIO | None = None, grace: float = GRACE_SECONDS
) -> threading.Thread:
    """Start a daemon thread that stops this process once `stream` (stdin) reaches its end.

    The parent keeps the pipe's other end open while it wants the server; when it exits or
    is killed, the pipe closes, this thread sees the end, and the server shuts down (after
    `grace` seconds the process ends anyway).
    """
    source = stream if stream is not None else sys.stdin.buffer

    def watch() -> None:
        _wait_for_eof(source)
        print("父进程已退出（标准输入已关闭），平台停止", file=sys.stderr, flush=True)
        _last_resort(grace)
        _stop_now()

    thread = threading.Thread(target=watch, name="parent-watch", daemon=True)
    thread.start()
    return thread
