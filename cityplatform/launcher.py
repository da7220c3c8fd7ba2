"""Running a real `cluedesk-platform serve` in a child process on a loopback port (tests, demo)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Mapping
from pathlib import Path

from cityplatform.config import TESTING_ENV
from cityplatform.processes import kill_tree_windows, new_group_options, signal_group

LOG_NAME = "platform-serve.log"


def free_port() -> int:
    """A loopback TCP port that is free right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _command() -> list[str]:
    return [sys.executable, "-m", "cityplatform.cli"]


def _code_root() -> str:
    """The folder this process imported cityplatform from: the child imports the same code
    (not another copy an installed `cluedesk-platform` script would find)."""
    return str(Path(__file__).resolve().parent.parent)


def platform_answers(base_url: str) -> bool:
    """Whether a platform answers /health at `base_url` (within a second)."""
    try:
        with urllib.request.urlopen(f"{base_url}/health", timeout=1) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError):
        return False


def start_platform(
    db_url: str,
    data_dir: Path,
    port: int | None = None,
    *,
    workers: int = 1,
    env: Mapping[str, str] | None = None,
    testing: bool = True,
    timeout: float = 30.0,
    stop_with_parent: bool = False,
    access_log: bool = True,
) -> tuple[str, subprocess.Popen[bytes]]:
    """Start `cluedesk-platform serve` on 127.0.0.1 and wait for /health.

    Returns the base URL (http://127.0.0.1:PORT) and the process; stop it with
    `stop_platform`. The server's output goes to `data_dir/platform-serve.log`. With
    `testing`, CLUEDESK_PLATFORM_TESTING=1 enables the test hooks (delay after seq, fake now).
    With `stop_with_parent` the server watches a pipe on its stdin whose other end only this
    process holds (`serve --stop-with-stdin`): when this process ends, even killed, the
    server stops too. Without `access_log` the server writes no line per request (benchmarks).
    """
    data_dir = Path(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    chosen = port if port is not None else free_port()
    environment = dict(os.environ)
    if testing:
        environment[TESTING_ENV] = "1"
    environment.update(env or {})
    inherited = environment.get("PYTHONPATH")
    environment["PYTHONPATH"] = os.pathsep.join([_code_root(), *([inherited] if inherited else [])])
    command = [
        *_command(),
        "serve",
        "--db",
        db_url,
        "--host",
        "127.0.0.1",
        "--port",
        str(chosen),
        "--workers",
        str(workers),
        "--data-dir",
        str(data_dir),
        *(["--stop-with-stdin"] if stop_with_parent else []),
        *([] if access_log else ["--no-access-log"]),
    ]
    log_path = data_dir / LOG_NAME
    with log_path.open("ab") as log:
        process = subprocess.Popen(
            command,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.PIPE if stop_with_parent else subprocess.DEVNULL,
            env=environment,
            **new_group_options(),
        )
    base_url = f"http://127.0.0.1:{chosen}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            output = log_path.read_text(encoding="utf-8", errors="replace")
            raise RuntimeError(f"平台进程已退出（{process.returncode}）：\n{output[-4000:]}")
        if platform_answers(base_url):
            return base_url, process
        time.sleep(0.1)
    stop_platform(process)
    output = log_path.read_text(encoding="utf-8", errors="replace")
    raise RuntimeError(f"平台在 {timeout:.0f} 秒内没有就绪：\n{output[-4000:]}")


def stop_platform(process: subprocess.Popen[bytes], timeout: float = 10.0) -> None:
    """Stop a server started by `start_platform` (its whole process group: workers too).

    A server that watches its stdin is stopped by closing the pipe (it shuts down cleanly,
    on every system); one that does not, or does not stop in time, gets SIGTERM and then
    SIGKILL to its process group (on Windows: `taskkill /T /F`).
    """
    if process.stdin is not None:
        try:
            process.stdin.close()
        except OSError:
            pass
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            pass
    if process.poll() is not None:
        return
    if sys.platform == "win32":
        kill_tree_windows(process.pid)
        process.wait(timeout=timeout)
        return
    signal_group(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        signal_group(process.pid, signal.SIGKILL)
        process.wait(timeout=timeout)
