"""The suite cannot pass for the wrong reason: the PostgreSQL tests fail, not skip, when
CLUEDESK_TEST_POSTGRES names a database that does not answer; and `.ci/run` stops with a
message when it cannot start, prepare or reach PostgreSQL (the stages are checked with stub
commands on PATH, so nothing here touches the machine's PostgreSQL)."""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CI_RUN = ROOT / ".ci" / "run"
PG_ENV = "CLUEDESK_TEST_POSTGRES"
UNREACHABLE = "postgresql://x:y@127.0.0.1:1/none"
"""Nothing listens on port 1: the connection is refused at once."""


def test_pytest_stops_when_the_postgresql_database_does_not_answer() -> None:
    """The root conftest checks the database before anything runs (the sync tests' own URL
    helper included): exit status 1 and the reason, not a run with those tests skipped."""
    env = {**os.environ, PG_ENV: UNREACHABLE}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "--collect-only", "-q"]
        + [str(Path(__file__).relative_to(ROOT))],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    output = done.stdout + done.stderr
    assert done.returncode == pytest.ExitCode.TESTS_FAILED, output
    assert f"{PG_ENV} is set, but its PostgreSQL database cannot be used" in output
    assert "collected" not in output, output


# ----------------------------------------------------------------------------- .ci/run


def _commands(script: str) -> list[str]:
    """The script's lines, without comment lines and blank lines."""
    lines = (line.strip() for line in script.splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def test_ci_run_stops_on_any_failure() -> None:
    """Strict mode first, and no failure of the database set-up ignored."""
    script = CI_RUN.read_text(encoding="utf-8")
    commands = _commands(script)
    assert commands[0] == "set -euo pipefail", commands[:3]
    assert not re.search(r"\|\|\s*true\b", script), "a failure is ignored with || true"
    assert "pg_isready" in script  # a readiness wait, bounded, then an explicit failure
    assert "PG_WAIT_SECONDS" in script


STUB = """#!/bin/sh
# A stand-in for {name} in the .ci/run tests: logs its call, answers as configured.
echo "{name} $*" >> "$STUB_LOG"
{body}
"""
STUBS = {
    "pg_lsclusters": 'printf "%s\\n" "$STUB_CLUSTERS"',
    "pg_ctlcluster": (
        'case "$3" in status) exit "${STUB_STATUS_RC:-3}";; '
        'start) exit "${STUB_START_RC:-0}";; esac; exit 1'
    ),
    # Ready from the (STUB_READY_AFTER + 1)-th call on (its calls are counted in the log).
    "pg_isready": (
        'test "$(grep -c "^pg_isready" "$STUB_LOG")" -gt "${STUB_READY_AFTER:-0}" || exit 2'
    ),
    "sleep": "exit 0",
    "su": 'cat >/dev/null; exit "${STUB_SU_RC:-0}"',
    "psql": 'exit "${STUB_PSQL_RC:-0}"',
    "apt-get": "exit 1",
    "dpkg": "exit 1",
    # Past the PostgreSQL step the script would build a virtual environment and run the whole
    # suite: should `.ci/run postgres` ever go on (a broken step), it stops here, at once.
    "python3": "exit 1",
}


needs_bash = pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")


def _called(calls: str) -> set[str]:
    """The names of the stubs that ran."""
    return {line.split()[0] for line in calls.splitlines() if line.strip()}


@pytest.fixture
def stubbed(tmp_path: Path) -> dict[str, str]:
    """An environment whose PATH finds the stubs first (their calls logged in STUB_LOG)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name, body in STUBS.items():
        path = bin_dir / name
        path.write_text(STUB.format(name=name, body=body), encoding="utf-8")
        path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    log = tmp_path / "calls.log"
    log.touch()
    env = {
        **os.environ,
        "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
        "STUB_LOG": str(log),
        "STUB_CLUSTERS": "15 main 5433 down postgres /var/lib/postgresql/15/main /dev/null",
        "PG_WAIT_SECONDS": "3",
    }
    env.pop(PG_ENV, None)
    return env


def _ci_postgres(env: dict[str, str], **stub: str) -> tuple[subprocess.CompletedProcess[str], str]:
    done = subprocess.run(
        ["bash", str(CI_RUN), "postgres"],
        env={**env, **stub},
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    return done, Path(env["STUB_LOG"]).read_text(encoding="utf-8")


@needs_bash
def test_ci_run_prepares_postgresql_and_gives_its_url(stubbed: dict[str, str]) -> None:
    """The cluster started, waited for until ready, prepared, logged in to: its URL."""
    done, calls = _ci_postgres(stubbed, STUB_READY_AFTER="2")
    assert done.returncode == 0, done.stderr
    url = "postgresql://cluedesk:cluedesk@127.0.0.1:5433/cluedesk_test"  # the cluster's port
    assert f"{PG_ENV}={url}" in done.stdout
    assert "pg_ctlcluster 15 main start" in calls
    assert calls.count("pg_isready -q -h 127.0.0.1 -p 5433") == 3
    assert f"psql -q -X -t -A -c SELECT 1 {url}" in calls  # logged in as the test role


@needs_bash
@pytest.mark.parametrize(
    ("stub", "message", "not_reached"),
    [
        ({"STUB_CLUSTERS": ""}, "no PostgreSQL cluster named main", "pg_ctlcluster"),
        ({"STUB_START_RC": "1"}, "cannot start PostgreSQL 15/main", "pg_isready"),
        ({"STUB_READY_AFTER": "99"}, "does not accept connections on 127.0.0.1:5433", "su"),
        ({"STUB_SU_RC": "1"}, "cannot create the PostgreSQL role cluedesk", "psql"),
        ({"STUB_PSQL_RC": "2"}, "cannot log in to cluedesk_test as cluedesk", None),
    ],
)
def test_ci_run_stops_when_postgresql_cannot_be_used(
    stubbed: dict[str, str],
    stub: dict[str, str],
    message: str,
    not_reached: str | None,
) -> None:
    """Each stage that fails stops the script there: status 1, a message, no URL given."""
    done, calls = _ci_postgres(stubbed, **stub)
    assert done.returncode == 1, done.stdout + done.stderr
    assert message in done.stderr
    assert PG_ENV not in done.stdout
    assert not_reached not in _called(calls), calls


@needs_bash
def test_ci_run_waits_for_postgresql_a_bounded_time(stubbed: dict[str, str]) -> None:
    """Never ready: PG_WAIT_SECONDS attempts a second apart, then a failure."""
    done, calls = _ci_postgres(stubbed, STUB_READY_AFTER="99", PG_WAIT_SECONDS="4")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "after 4 s" in done.stderr
    assert calls.count("pg_isready ") == 4
    assert calls.count("sleep 1") == 3
