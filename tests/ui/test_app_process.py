"""`cluedesk --demo` as a user starts it: the window comes up, SIGTERM stops it cleanly with
the demo's platform process, and a killed window leaves no platform behind."""

from __future__ import annotations

import json
import re
import signal
from pathlib import Path

import pytest

from cityplatform.processes import pid_alive
from tests.ui.window_process import (
    WINDOW_SHOWN,
    listening,
    log_text,
    start_window,
    stop,
    wait_for_log,
    wait_until,
    window_env,
)

DEMO = ["--demo", "--account", "xinhai"]


def _platform(folder: Path, text: str, nth: int = -1) -> tuple[int, int]:
    """The demo platform's process id and port of the nth start logged."""
    found = re.findall(r"demo platform at http://127\.0\.0\.1:(\d+) \(process (\d+)\)", text)
    assert found, text[-3000:]
    port, pid = found[nth]
    return int(pid), int(port)


@pytest.mark.slow
def test_the_demo_command_opens_the_window_and_stops_its_platform(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    out = tmp_path / "window.out"
    app = start_window([*DEMO, "--data-dir", str(folder)], window_env(tmp_path), out)
    try:
        text = wait_for_log(folder, f"{WINDOW_SHOWN} xinhai", app, out)
        pid, port = _platform(folder, text)
        assert listening(port)
        app.send_signal(signal.SIGTERM)
        assert app.wait(timeout=60) == 0
    finally:
        stop(app)
    assert "signal 15: quitting" in log_text(folder)
    wait_until(lambda: not listening(port), 30, "the demo platform outlived the window")
    wait_until(lambda: not pid_alive(pid), 30, "the demo platform's process outlived the window")
    assert not (folder / "platform" / "serving.json").exists()


@pytest.mark.slow
def test_a_killed_window_leaves_no_platform_and_the_next_start_runs_one(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    out = tmp_path / "window.out"
    env = window_env(tmp_path)
    first = start_window([*DEMO, "--data-dir", str(folder)], env, out)
    again = None
    try:
        text = wait_for_log(folder, f"{WINDOW_SHOWN} xinhai", first, out)
        old_pid, old_port = _platform(folder, text)
        first.kill()  # SIGKILL (TerminateProcess on Windows): the window cleans up nothing
        first.wait(timeout=60)
        wait_until(lambda: not pid_alive(old_pid), 60, "the platform outlived a killed window")
        assert not listening(old_port)

        again = start_window([*DEMO, "--data-dir", str(folder)], env, out)
        text = wait_for_log(folder, f"{WINDOW_SHOWN} xinhai", again, out, count=2)
        new_pid, new_port = _platform(folder, text)
        record = json.loads((folder / "platform" / "serving.json").read_text(encoding="utf-8"))
        assert record == {"pid": new_pid, "base_url": f"http://127.0.0.1:{new_port}"}
        assert pid_alive(new_pid) and listening(new_port)
        assert not pid_alive(old_pid)  # one platform on the demo database: the new one
        assert text.count("demo platform at") == 2
        again.send_signal(signal.SIGTERM)
        assert again.wait(timeout=60) == 0
        wait_until(lambda: not pid_alive(new_pid), 30, "the platform outlived its window")
    finally:
        stop(first)
        if again is not None:
            stop(again)
