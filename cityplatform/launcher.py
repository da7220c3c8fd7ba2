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

LOG_NAME = "platform-serve.log"


def free_port() -> int:
    """A loopback TCP port that is free right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _command() -> list[str]:
    script = Path(sys.executable).with_name("cluedesk-platform")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "cityplatform.cli"]


def _healthy(base_url: str) -> bool:
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
) -> tuple[str, subprocess.Popen[bytes]]:
    """Start `cluedesk-platform serve` on 127.0.0.1 and wait for /health.

    Returns the base URL (http://127.0.0.1:PORT) and the process; stop it with
    `stop_platform`. The server's output goes to `data_dir/platform-serve.log`. With
    `testing`, CLUEDESK_PLATFORM_TESTING=1 enables the test hooks (delay after seq, fake now).
    """
    data_dir = Path(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    chosen = port if port is not None else free_port()
    environment = dict(os.environ)
    if testing:
        environment[TESTING_ENV] = "1"
    environment.update(env or {})
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
    ]
    log_path = data_dir / LOG_NAME
    with log_path.open("ab") as log:
        process = subprocess.Popen(
            command,
            stdout=log,
            stderr=subprocess.STDOUT,
            env=environment,
            start_new_session=True,
        )
    base_url = f"http://127.0.0.1:{chosen}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            output = log_path.read_text(encoding="utf-8", errors="replace")
            raise RuntimeError(f"平台进程已退出（{process.returncode}）：\n{output[-4000:]}")
        if _healthy(base_url):
            return base_url, process
        time.sleep(0.1)
    stop_platform(process)
    output = log_path.read_text(encoding="utf-8", errors="replace")
    raise RuntimeError(f"平台在 {timeout:.0f} 秒内没有就绪：\n{output[-4000:]}")


def stop_platform(process: subprocess.Popen[bytes], timeout: float = 10.0) -> None:
    """Stop a server started by `start_platform` (its whole process group: workers too)."""
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        process.wait(timeout=timeout)
