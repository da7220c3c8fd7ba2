"""A client installed without the reference platform (cluedesk-platform) works: it logs in and
syncs, opens its window on the saved session and syncs from there, and prints a notice, each
in a process where the platform and its dependencies cannot be imported (the finder of
tests/without_platform.py) against a real platform this test runs in a process of its own."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.demo.city import DEMO_PASSWORD
from desktop.store.database import DB_FILE
from tests.ui.window_process import (
    REPO,
    WINDOW_SHOWN,
    stop,
    wait_for_log,
    wait_until,
    window_env,
)
from tests.without_platform import REPORT_ENV

pytestmark = pytest.mark.slow

USER = "xinhai"


def _env(tmp_path: Path, report: Path) -> dict[str, str]:
    return {**window_env(tmp_path), REPORT_ENV: str(report)}


def _client(args: list[str], tmp_path: Path, name: str, stdin: str = "") -> tuple[str, dict]:
    """Run `cluedesk ARGS` without the platform to completion; its stdout and import report."""
    report = tmp_path / f"{name}.json"
    ran = subprocess.run(
        [sys.executable, "-m", "tests.without_platform", *args],
        cwd=REPO,
        env=_env(tmp_path, report),
        input=stdin,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert ran.returncode == 0, ran.stdout + ran.stderr
    return ran.stdout, _read(report)


def _read(report: Path) -> dict:
    found = json.loads(report.read_text(encoding="utf-8"))
    assert found["attempted"] == [] and found["loaded"] == [], found
    return found


def _state(folder: Path, key: str) -> str | None:
    """A sync state value of the store, read without disturbing the window that has it open."""
    with sqlite3.connect(f"file:{folder / DB_FILE}?mode=ro", uri=True, timeout=30) as db:
        row = db.execute("SELECT value FROM sync_state WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def _a_clue(folder: Path) -> str:
    with sqlite3.connect(f"file:{folder / DB_FILE}?mode=ro", uri=True, timeout=30) as db:
        row = db.execute("SELECT code FROM clues ORDER BY code LIMIT 1").fetchone()
    assert row is not None, "the sync brought no clue"
    return str(row[0])


def test_a_client_without_the_platform_syncs_opens_its_window_and_prints(
    platform_url: str, tmp_path: Path
) -> None:
    folder = tmp_path / "desk"
    command = ["sync", "--server", platform_url, "--username", USER, "--password-stdin"]
    out, report = _client(
        [*command, "--data-dir", str(folder), "--json"], tmp_path, "sync", DEMO_PASSWORD + "\n"
    )
    assert "desktop.sync.engine" in report["client"]
    assert json.loads(out)["pulled_clues"] > 0
    first_sync = _state(folder, "last_sync_at")
    assert first_sync is not None

    # the window: it opens on the saved session and syncs at once
    report_path, output = tmp_path / "window.json", tmp_path / "window.out"
    with output.open("ab") as sink:
        window = subprocess.Popen(
            [sys.executable, "-m", "tests.without_platform", "--data-dir", str(folder)],
            cwd=REPO,
            env=_env(tmp_path, report_path),
            stdin=subprocess.DEVNULL,
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_for_log(folder, f"{WINDOW_SHOWN} {USER}", window, output)
        wait_until(
            lambda: _state(folder, "last_sync_at") != first_sync, 180, "the window did not sync"
        )
        window.terminate()  # as the user closing it (SIGTERM: the window quits cleanly)
        assert window.wait(timeout=60) == 0, output.read_text(encoding="utf-8")
    finally:
        stop(window)
    assert "desktop.ui.main_window" in _read(report_path)["client"]

    # documents: a clue's notice (its draft) as PDF, set in the bundled fonts
    pdf = tmp_path / "notice.pdf"
    _out, report = _client(
        ["notice", _a_clue(folder), "--data-dir", str(folder), "--out", str(pdf)],
        tmp_path,
        "notice",
    )
    assert "desktop.reports.notice_pdf" in report["client"]
    assert pdf.read_bytes().startswith(b"%PDF")
