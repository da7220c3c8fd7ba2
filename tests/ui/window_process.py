"""Running the real `cluedesk` window in a process of its own (headless), as a user starts it:
`python -m desktop.cli …` from this checkout, its output in a file, its log read back."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
STARTED = "starting, data in"
WINDOW_SHOWN = "main window shown for"


def window_env(tmp_path: Path) -> dict[str, str]:
    """The environment of a headless window: offscreen Qt, no keyring, config in tmp_path."""
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }


def start_window(args: list[str], env: dict[str, str], output: Path) -> subprocess.Popen[bytes]:
    """Start `cluedesk ARGS` (this checkout's code); its stdout and stderr go to `output`."""
    with output.open("ab") as sink:
        return subprocess.Popen(
            [sys.executable, "-m", "desktop.cli", *args],
            cwd=REPO,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=sink,
            stderr=subprocess.STDOUT,
        )


def log_text(folder: Path) -> str:
    """The window's log in a data folder (empty before it exists)."""
    log = folder / "logs" / "cluedesk.log"
    return log.read_text(encoding="utf-8") if log.exists() else ""


def wait_for_log(
    folder: Path,
    text: str,
    process: subprocess.Popen[bytes] | None,
    output: Path,
    *,
    count: int = 1,
    timeout: float = 240.0,
) -> str:
    """Wait until the log holds `text` `count` times (the process must keep running)."""
    deadline = time.monotonic() + timeout
    while log_text(folder).count(text) < count:
        if process is not None and process.poll() is not None:
            raise AssertionError(
                f"the window ended ({process.returncode}) before logging {text!r}:\n"
                + output.read_text(encoding="utf-8", errors="replace")[-3000:]
                + log_text(folder)[-3000:]
            )
        if time.monotonic() > deadline:
            raise AssertionError(f"no {text!r} in the log:\n{log_text(folder)[-3000:]}")
        time.sleep(0.2)
    return log_text(folder)


def listening(port: int) -> bool:
    """Whether something accepts connections on 127.0.0.1:port."""
    with socket.socket() as probe:
        probe.settimeout(0.5)
        return probe.connect_ex(("127.0.0.1", port)) == 0


def wait_until(condition: Callable[[], bool], timeout: float, message: str) -> None:
    """Poll `condition()` until it is true; fail with `message` after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(message)
        time.sleep(0.2)


def stop(process: subprocess.Popen[bytes]) -> None:
    """End a window process that is still running (a test's clean-up)."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
