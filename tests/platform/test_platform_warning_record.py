"""The warning record (预警台账) on the platform: exact against the work calendar, kept by the
pushes and by the job, the same levels as a client computes, and one job run at a time.

The dates are 2026's on the real calendar: 国庆 Thu 1 – Wed 7 October is off and Sat 10
October is a make-up working day (调休); office hours 08:30–12:00 and 13:30–17:30.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from platform_testkit import Api, Clock, make_client
from sqlalchemy import create_engine, func, select, text

from cityplatform.db import Database
from cityplatform.models import Clue, WarningEpisodeRow
from cityplatform.warning_job import WARNING_JOB_LOCK, load_book, run_warning_job
from desktop.domain.codes import Status
from desktop.domain.deadlines import STAGE_OF_STATUS, warning_level
from desktop.domain.timeutil import CHINA_TZ

STREET = "320706001"


def cst(m: int, d: int, hh: int = 0, mm: int = 0) -> datetime:
    return datetime(2026, m, d, hh, mm, tzinfo=CHINA_TZ)


def _episodes(db: Database, code: str) -> list[tuple[Any, ...]]:
    with db.read() as session:
        rows = session.execute(
            select(
                WarningEpisodeRow.stage,
                WarningEpisodeRow.level,
                WarningEpisodeRow.reached_at,
                WarningEpisodeRow.cleared_at,
                WarningEpisodeRow.cleared_by,
                WarningEpisodeRow.unit_code,
                WarningEpisodeRow.county_code,
            )
            .join(Clue, Clue.id == WarningEpisodeRow.clue_id)
            .where(Clue.code == code)
            .order_by(WarningEpisodeRow.reached_at, WarningEpisodeRow.level)
        )
        return [tuple(row) for row in rows]


def _dispatched_before_the_holiday(api: Api, clock: Clock) -> str:
    """A clue dispatched to the street on Mon 28 September 10:00: due to be signed by Tue 29
    September 17:30; three working days overdue ends Fri 9 October 17:30, so red starts
    strictly after the next office opening, Sat 10 October 08:30 (the make-up day)."""
    clock.current = cst(9, 28, 10)
    county = api.login("haizhou")
    return api.register_and_dispatch(county, lead=STREET, received_at="2026-09-28T09:00:00+08:00")


def test_red_is_reached_at_the_exact_instant_across_the_holiday(
    api: Api, clock: Clock, platform_db: Database
) -> None:
    code = _dispatched_before_the_holiday(api, clock)
    assert _episodes(platform_db, code) == []
    run = run_warning_job(platform_db, cst(10, 10, 8, 30))
    assert run.ran and run.changed >= 1
    level1 = ("sign", 1, cst(9, 28, 17, 30), None, None, STREET, "320706")
    level2 = ("sign", 2, cst(9, 29, 17, 30), None, None, STREET, "320706")
    # At 08:30 on the make-up Saturday the office time overdue equals three days: orange still.
    assert _episodes(platform_db, code) == [level1, level2]
    run_warning_job(platform_db, cst(10, 10, 8, 30) + timedelta(microseconds=1))
    level3 = ("sign", 3, cst(10, 10, 8, 30), None, None, STREET, "320706")
    assert _episodes(platform_db, code) == [level1, level2, level3]


def test_a_clue_signed_after_turning_red_keeps_its_record(
    api: Api, clock: Clock, platform_db: Database
) -> None:
    code = _dispatched_before_the_holiday(api, clock)
    clock.current = cst(10, 12, 9, 15)  # nobody ran the job: the push records what passed
    street = api.login("xinhai")
    result = api.push(street, street.action("sign", code))[0]
    assert result["status"] == "applied", result
    signed = cst(10, 12, 9, 15)
    # (The handling deadline ran from the dispatch: the handle stage starts overdue.)
    assert [e for e in _episodes(platform_db, code) if e[0] == "sign"] == [
        ("sign", 1, cst(9, 28, 17, 30), signed, "stage_completed", STREET, "320706"),
        ("sign", 2, cst(9, 29, 17, 30), signed, "stage_completed", STREET, "320706"),
        ("sign", 3, cst(10, 10, 8, 30), signed, "stage_completed", STREET, "320706"),
    ]
    # The clue object carries the record, and a later job run keeps it.
    run_warning_job(platform_db, cst(10, 13, 9))
    document = api.clue(api.login("haizhou"), code)
    assert document is not None
    sign = [w for w in document["warnings"] if w["stage"] == "sign"]
    assert [(w["stage"], w["level"], w["cleared_by"], w["unit"]) for w in sign] == [
        ("sign", 1, "stage_completed", STREET),
        ("sign", 2, "stage_completed", STREET),
        ("sign", 3, "stage_completed", STREET),
    ]
    assert sign[2]["reached_at"] == "2026-10-10T08:30:00+08:00"
    assert sign[2]["cleared_at"] == "2026-10-12T09:15:00+08:00"
    handle = [(w["level"], w["reached_at"], w["cleared_at"]) for w in document["warnings"][3:]]
    assert handle[0] == (1, "2026-10-12T09:15:00+08:00", None)


def test_an_approved_extension_clears_the_warnings_it_ends(
    api: Api, clock: Clock, platform_db: Database
) -> None:
    code = _dispatched_before_the_holiday(api, clock)
    clock.current = cst(9, 28, 11)
    street = api.login("xinhai")
    assert api.push(street, street.action("sign", code))[0]["status"] == "applied"
    with platform_db.read() as session:
        deadline = session.scalar(select(Clue.deadline).where(Clue.code == code))
    assert deadline is not None
    clock.current = deadline - timedelta(hours=1)
    run_warning_job(platform_db, clock.current)
    assert [e[1] for e in _episodes(platform_db, code) if e[0] == "handle"] == [1]
    street = api.login("xinhai")
    pushed = api.push(
        street, street.action("request_extension", code, {"days": 5, "reason": "需检测"})
    )
    assert pushed[0]["status"] == "applied", pushed
    clock.current = deadline + timedelta(hours=15)  # approved the next morning: orange by then
    county = api.login("haizhou")
    pushed = api.push(county, county.action("approve_extension", code, {"note": "同意"}))
    assert pushed[0]["status"] == "applied", pushed
    handle = [e for e in _episodes(platform_db, code) if e[0] == "handle"]
    assert [(e[1], e[3], e[4]) for e in handle] == [
        (1, clock.current, "extension_approved"),
        (2, clock.current, "extension_approved"),
    ]


def _open_levels(db: Database) -> dict[int, int]:
    """The highest open level of every clue with an open warning."""
    levels: dict[int, int] = {}
    with db.read() as session:
        for clue_id, level in session.execute(
            select(WarningEpisodeRow.clue_id, WarningEpisodeRow.level).where(
                WarningEpisodeRow.cleared_at.is_(None)
            )
        ):
            levels[clue_id] = max(level, levels.get(clue_id, 0))
    return levels


def test_the_job_and_a_client_compute_the_same_levels(platform_db: Database, now: datetime) -> None:
    """At several times, each open clue's highest open level is the level the client's queue
    shows (`warning_level` of its deadline), and a clue under no deadline has none open."""
    with platform_db.read() as session:
        book = load_book(session)
        clues = session.execute(select(Clue.id, Clue.status, Clue.deadline)).all()
    seen: set[int] = set()
    for hours in (0, 4, 30, 100, 400):  # the seed holds the record up to now
        at = now + timedelta(hours=hours)
        assert run_warning_job(platform_db, at).ran
        found = _open_levels(platform_db)
        for clue_id, status, deadline in clues:
            stage = STAGE_OF_STATUS.get(Status(status))
            thresholds = book.rules.warnings_for(stage) if stage else None
            expected = warning_level(deadline, at, book.calendar, thresholds) if thresholds else 0
            assert found.get(clue_id, 0) == expected, (hours, clue_id, status, deadline)
            seen.add(expected)
    assert seen == {0, 1, 2, 3}


def test_a_second_run_at_the_same_time_changes_nothing(
    platform_db: Database, now: datetime
) -> None:
    first = run_warning_job(platform_db, now + timedelta(days=3))
    assert first.ran and first.changed > 0 and first.looked_at > 0
    with platform_db.read() as session:
        seq = session.scalar(select(Clue.seq).order_by(Clue.seq.desc()).limit(1))
    again = run_warning_job(platform_db, now + timedelta(days=3))
    assert again.ran and again.changed == 0
    with platform_db.read() as session:
        assert session.scalar(select(Clue.seq).order_by(Clue.seq.desc()).limit(1)) == seq


def test_a_run_moves_the_changed_clues_in_the_feed(
    api: Api, clock: Clock, platform_db: Database
) -> None:
    code = _dispatched_before_the_holiday(api, clock)
    street = api.login("xinhai")
    _, cursor = api.pull_all(street)
    run_warning_job(platform_db, cst(9, 28, 10, 5))  # the seeded clues' record (to NOW)
    run_warning_job(platform_db, cst(9, 30, 9))
    changes, _ = api.pull_all(street, cursor)
    moved = [c["clue"] for c in changes if c["kind"] == "clue"]
    assert [c["code"] for c in moved] == [code]
    assert [(w["level"], w["cleared_at"]) for w in moved[0]["warnings"]] == [(1, None), (2, None)]


def _job_in_another_process(url: str, at: str) -> dict[str, Any]:
    """`cluedesk-platform warnings-job` in a process (and a connection) of its own."""
    done = subprocess.run(
        [sys.executable, "-m", "cityplatform.cli", "warnings-job", "--db", url, "--now", at]
        + ["--json"],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def test_the_job_runs_once_at_a_time(seeded_url: str) -> None:
    """While another holder has the job's lock a run skips; released, the next run works."""
    at = "2026-12-02T10:00:00+08:00"
    if seeded_url.startswith("sqlite"):
        holder = sqlite3.connect(seeded_url.removeprefix("sqlite:///"), isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")  # the database write lock, as another run holds it
        try:
            assert _job_in_another_process(seeded_url, at) == {
                "ran": False,
                "looked_at": 0,
                "changed": 0,
            }
        finally:
            holder.execute("ROLLBACK")
            holder.close()
    else:
        engine = create_engine(seeded_url.replace("postgresql://", "postgresql+psycopg://", 1))
        try:
            with engine.connect() as pg_holder:
                pg_holder.execute(text("SELECT pg_advisory_lock(:k)"), {"k": WARNING_JOB_LOCK})
                skipped = _job_in_another_process(seeded_url, at)
                pg_holder.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": WARNING_JOB_LOCK})
            assert skipped == {"ran": False, "looked_at": 0, "changed": 0}
        finally:
            engine.dispose()
    ran = _job_in_another_process(seeded_url, at)
    assert ran["ran"] is True and ran["changed"] > 0
    assert _job_in_another_process(seeded_url, at) == {
        "ran": True,
        "looked_at": ran["looked_at"],
        "changed": 0,
    }


def test_a_served_platform_runs_the_job_in_the_background(
    seeded_url: str, tmp_path: Path, now: datetime
) -> None:
    """With the interval set, the platform's own thread fills the record with nobody pushing."""
    with make_client(seeded_url, tmp_path / "files", Clock(now), warning_job_seconds=0.2) as c:
        assert c.get("/health").status_code == 200
        db: Database = c.app.state.platform.db  # type: ignore[attr-defined]
        for _ in range(600):  # up to a minute on a busy machine
            with db.read() as session:
                if session.scalar(select(func.count()).select_from(WarningEpisodeRow)):
                    break
            time.sleep(0.1)
        with db.read() as session:
            assert session.scalar(select(func.count()).select_from(WarningEpisodeRow))
