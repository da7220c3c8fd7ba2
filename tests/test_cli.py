"""The headless command line, as other tools and the tests use it."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from desktop.cli import main
from desktop.domain.calendar import default_calendar
from desktop.domain.deadlines import warning_level
from desktop.domain.rules import Rules


def _json_lines(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_deadline_across_national_day(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["deadline", "--from", "2026-09-30 10:00", "--working-days", "1"]) == 0
    assert capsys.readouterr().out.strip() == "2026-10-08 17:30（星期四）"


def test_deadline_counts_make_up_saturday(capsys: pytest.CaptureFixture[str]) -> None:
    # Friday 13 Feb 2026 + 1 working day = Saturday 14 Feb, a make-up working day.
    assert main(["deadline", "--from", "2026-02-13 16:00", "--working-days", "1"]) == 0
    assert capsys.readouterr().out.strip() == "2026-02-14 17:30（星期六）"


def test_deadline_into_an_unconfirmed_year_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["deadline", "--from", "2026-12-28 09:00", "--working-days", "5"]) == 0
    captured = capsys.readouterr()
    assert captured.out.strip() == "2027-01-04 17:30（星期一）"
    assert "2027 年的节假日安排尚未确认" in captured.err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["deadline", "--from", "2026-02-30", "--working-days", "1"], "--from"),
        (["deadline", "--from", "2026-03-02", "--working-days", "0"], "--working-days"),
    ],
)
def test_deadline_bad_input_names_the_option(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    assert message in capsys.readouterr().err


def test_queue_json_lines(
    demo_store_dir: Path, now: datetime, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = [
        "queue",
        "--data-dir",
        str(demo_store_dir),
        "--format",
        "json",
        "--limit",
        "0",
        "--at",
        now.isoformat(),
    ]
    assert main(argv) == 0
    records = _json_lines(capsys.readouterr().out)
    assert len(records) == 3000
    for key in ("code", "status", "channel", "category", "deadline", "warning_level"):
        assert key in records[0]
    calendar, rules = default_calendar(), Rules()
    for record in records[:300]:
        deadline = datetime.fromisoformat(record["deadline"]) if record["deadline"] else None
        assert record["warning_level"] == warning_level(deadline, now, calendar, rules.warnings)
    deadlines = [r["deadline"] or "9999" for r in records]
    assert deadlines == sorted(deadlines)


def test_queue_filters_compose(
    demo_store_dir: Path, now: datetime, demo_city: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    base = [
        "queue",
        "--data-dir",
        str(demo_store_dir),
        "--format",
        "json",
        "--limit",
        "0",
        "--at",
        now.isoformat(),
    ]
    assert main([*base, "--warning", "3"]) == 0
    red = _json_lines(capsys.readouterr().out)
    assert red and all(r["warning_level"] == 3 for r in red)
    assert main([*base, "--status", "待审核"]) == 0
    reviewing = _json_lines(capsys.readouterr().out)
    assert reviewing and {r["status"] for r in reviewing} == {"reviewing"}
    code = red[0]["code"]
    assert main([*base, "--search", code]) == 0
    assert [r["code"] for r in _json_lines(capsys.readouterr().out)] == [code]
    assert main([*base, "--unit", "320706", "--warning", "3"]) == 0
    mine = _json_lines(capsys.readouterr().out)
    assert mine and len(mine) < len(red)
    assert {r["county"] for r in mine} == {demo_city.unit("320706").name}


def test_queue_json_rows_carry_channel_ref_finding_and_owner(
    demo_store_dir: Path, now: datetime, demo_city: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    from sqlalchemy import select

    from desktop.store.database import open_store
    from desktop.store.models import Clue, ClueEvent

    argv = ["queue", "--data-dir", str(demo_store_dir), "--format", "json", "--limit", "0"]
    assert main([*argv, "--at", now.isoformat()]) == 0
    records = _json_lines(capsys.readouterr().out)
    store = open_store(demo_store_dir)
    try:
        with store.session() as session:
            clues = {c.code: c for c in session.scalars(select(Clue))}
            reported = set(
                session.scalars(
                    select(Clue.code).join(ClueEvent).where(ClueEvent.action == "report")
                )
            )
    finally:
        store.close()
    assert len(records) == len(clues) == 3000
    findings = {"true", "partly_true", "untrue"}
    for record in records:
        clue = clues[record["code"]]
        assert {"channel_ref", "finding", "owner_unit"} <= record.keys()
        ref = record["channel_ref"]
        assert ref is None or (isinstance(ref, str) and ref)
        assert ref == (clue.channel_ref or None)
        assert record["finding"] == clue.finding
        assert record["finding"] is None or record["finding"] in findings
        if record["code"] not in reported:  # null until reported, or until a duplicate
            original = clues.get(clue.duplicate_of or "")  # closes with its original's
            if original is None or record["status"] != "closed":
                assert record["finding"] is None, record
            else:
                assert record["finding"] == original.finding, record
        if record["status"] in ("reviewing", "signoff"):
            assert record["finding"] in findings, record
        assert clue.owner_unit is not None
        assert record["owner_unit"] == demo_city.unit(clue.owner_unit).name  # a name, as lead_unit
    assert any(r["channel_ref"] for r in records) and any(not r["channel_ref"] for r in records)
    assert any(r["finding"] for r in records) and any(not r["finding"] for r in records)
    city = demo_city.unit(demo_city.user(demo_city.demo_accounts()["city"].username).unit_code)
    assert {r["owner_unit"] for r in records if r["owner_unit"] != r["county"]} == {city.name}
    with_ref = next(r for r in records if r["channel_ref"])
    assert main([*argv, "--at", now.isoformat(), "--search", with_ref["channel_ref"]]) == 0
    assert with_ref["code"] in [r["code"] for r in _json_lines(capsys.readouterr().out)]


def test_queue_table_is_readable(
    demo_store_dir: Path, now: datetime, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(["queue", "--data-dir", str(demo_store_dir), "--limit", "5", "--at", now.isoformat()])
        == 0
    )
    out = capsys.readouterr().out.splitlines()
    assert out[0].split()[:3] == ["线索编号", "状态", "举报途径"]
    assert len(out) == 1 + 5 + 1
    assert out[-1].startswith("共显示 5 条")


def test_queue_bad_input(
    demo_store_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["queue", "--data-dir", str(demo_store_dir), "--status", "pending"]) == 2
    assert "--status" in capsys.readouterr().err
    assert main(["queue", "--data-dir", str(demo_store_dir), "--unit", "999"]) == 2
    assert "--unit" in capsys.readouterr().err
    assert main(["queue", "--data-dir", str(tmp_path / "none")]) == 2
    assert "cluedesk demo-data" in capsys.readouterr().err


def test_demo_data_refuses_a_store_with_clues(
    demo_store_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo-data", "--data-dir", str(demo_store_dir), "--clues", "5"]) == 2
    assert "已有线索" in capsys.readouterr().err


def test_console_script_and_env_data_dir(tmp_path: Path) -> None:
    env = {"CLUEDESK_DATA_DIR": str(tmp_path / "env-data"), "PATH": ""}
    script = Path(sys.executable).parent / "cluedesk"
    made = subprocess.run(
        [str(script), "demo-data", "--clues", "40", "--seed", "3"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert made.returncode == 0, made.stderr
    assert (tmp_path / "env-data" / "cluedesk.sqlite3").exists()
    listed = subprocess.run(
        [str(script), "queue", "--format", "json", "--limit", "0"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert listed.returncode == 0, listed.stderr
    assert len(_json_lines(listed.stdout)) == 40


def test_a_reader_that_stops_early_is_no_error(demo_store_dir: Path, now: datetime) -> None:
    # `cluedesk queue --format json | head -1`: the reader closes the pipe after one line,
    # long before the 3,000 rows (far more than a pipe buffer) are written.
    script = Path(sys.executable).parent / "cluedesk"
    argv = [str(script), "queue", "--data-dir", str(demo_store_dir), "--format", "json"]
    process = subprocess.Popen(
        [*argv, "--limit", "0", "--at", now.isoformat()],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    first = json.loads(process.stdout.readline())
    process.stdout.close()
    errors = process.stderr.read().decode()
    assert process.wait(timeout=120) == 0, errors
    assert first["code"].startswith("LYG")
    assert "Traceback" not in errors and "BrokenPipeError" not in errors
