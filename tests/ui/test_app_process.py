"""`cluedesk --demo` as a user starts it: the window comes up, and SIGTERM stops it cleanly,
the demo's platform process with it."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest


def _log_text(folder: Path) -> str:
    log = folder / "logs" / "cluedesk.log"
    return log.read_text(encoding="utf-8") if log.exists() else ""


def _listening(port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(0.5)
        return probe.connect_ex(("127.0.0.1", port)) == 0


@pytest.mark.slow
def test_the_demo_command_opens_the_window_and_stops_its_platform(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    script = Path(sys.executable).with_name("cluedesk")
    command = [str(script), "--demo", "--account", "xinhai", "--data-dir", str(folder)]
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    app = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 180
        while "main window shown for xinhai" not in _log_text(folder):
            assert app.poll() is None, app.stdout.read().decode() if app.stdout else ""
            assert time.monotonic() < deadline, _log_text(folder)
            time.sleep(0.2)
        found = re.search(r"demo platform at http://127\.0\.0\.1:(\d+)", _log_text(folder))
        assert found is not None
        port = int(found.group(1))
        assert _listening(port)
        app.send_signal(signal.SIGTERM)
        assert app.wait(timeout=60) == 0
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
    assert "signal 15: quitting" in _log_text(folder)
    deadline = time.monotonic() + 15
    while _listening(port) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _listening(port), "the demo platform outlived the window"
