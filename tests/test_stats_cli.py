"""`cluedesk stats`: the statistics as one JSON object (the same numbers `compute_statistics`
gives) or a Chinese table, the default period, and a Chinese message naming the option with
exit status 2 for bad input; all without Qt."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from desktop.cli import main
from desktop.domain.assessment import Period
from desktop.domain.statistics import FIGURES, Grouping
from desktop.stats_cli import run, stats_json
from desktop.store.statistics import compute_statistics
from tests.conftest import NOW

AT = NOW.isoformat()


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, Any]:
    assert main(["stats", *argv, "--json"]) == 0
    out = capsys.readouterr().out
    assert len(out.strip().splitlines()) == 1  # one object
    return dict(json.loads(out))


def test_json_equals_compute_statistics(
    demo_store_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    printed = _json(
        capsys,
        "--data-dir",
        str(demo_store_dir),
        "--from",
        "2026-09-01",
        "--to",
        "2026-11-15",
        "--by",
        "unit",
        "--at",
        AT,
    )
    from desktop.store.database import open_store

    store = open_store(demo_store_dir)
    try:
        period = Period(date(2026, 9, 1), date(2026, 11, 15))
        found = compute_statistics(store, period, NOW, by=Grouping.UNIT)
    finally:
        store.close()
    assert printed == json.loads(json.dumps(stats_json(found), ensure_ascii=False))
    assert printed["period"] == {"from": "2026-09-01", "to": "2026-11-15"}
    assert printed["synced_at"] == NOW.isoformat()
    assert set(printed["totals"]) == {f.key for f in FIGURES}
    assert printed["totals"]["received"] == found.totals.counts["received"] > 0
    assert printed["totals"]["closure_rate"] == found.totals.value("closure_rate")
    assert [g["key"] for g in printed["groups"]] == [g.key for g in found.groups]
    first = printed["groups"][0]
    assert first["label"] and set(first["figures"]) == {f.key for f in FIGURES}
    assert printed["trend_by"] == "week" and len(printed["trend"]) == 11


def test_the_default_period_is_the_last_whole_month(
    demo_store_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    printed = _json(capsys, "--data-dir", str(demo_store_dir), "--at", AT)
    assert printed["period"] == {"from": "2026-10-01", "to": "2026-10-31"}
    assert printed["groups"] == [] and printed["by"] is None
    by_month = _json(
        capsys,
        "--data-dir",
        str(demo_store_dir),
        "--at",
        AT,
        "--by",
        "month",
        "--from",
        "2026-01-01",
    )
    assert by_month["period"] == {"from": "2026-01-01", "to": "2026-11-27"}
    assert [g["key"] for g in by_month["groups"]][:2] == ["2026-01", "2026-02"]
    assert by_month["groups"][0]["label"] == "2026年1月"
    total = sum(g["figures"]["received"] for g in by_month["groups"])
    assert total == by_month["totals"]["received"]


def test_unit_narrows_the_scope(demo_store_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = ["--data-dir", str(demo_store_dir), "--at", AT, "--from", "2026-06-01", "--by", "unit"]
    everything = _json(capsys, *base)
    busy = [g for g in everything["groups"] if g["figures"]["received"]][:2]
    units = [arg for g in busy for arg in ("--unit", g["key"])]
    narrowed = _json(capsys, *base, *units)
    assert {g["key"] for g in narrowed["groups"]} == {g["key"] for g in busy}
    assert narrowed["totals"]["received"] == sum(g["figures"]["received"] for g in busy)


def test_the_table_is_chinese(demo_store_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["stats", "--data-dir", str(demo_store_dir), "--at", AT, "--by", "channel"]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "统计期：2026-10-01 至 2026-10-31" in out
    assert "数据截至：2026-11-27 10:00" in out
    assert "办结率\t" in out and "按时签收率\t" in out
    assert "来源渠道\t收到线索\t办结\t办结率" in out
    assert "12345热线" in out or "12345" in out
    assert "共 " in out


@pytest.mark.parametrize(
    ("argv", "names"),
    [
        (["--by", "county-seat"], ["--by", "county-seat", "unit"]),
        (["--from", "2026-13-01"], ["--from", "2026-13-01", "日期"]),
        (["--to", "yesterday"], ["--to", "yesterday"]),
        (["--from", "2026-11-10", "--to", "2026-11-01"], ["--to", "早于", "--from"]),
        (["--at", "soon"], ["--at", "soon"]),
        (["--unit", " "], ["--unit"]),
    ],
)
def test_bad_input_is_told_in_chinese_with_status_2(
    demo_store_dir: Path, capsys: pytest.CaptureFixture[str], argv: list[str], names: list[str]
) -> None:
    assert run(["stats", "--data-dir", str(demo_store_dir), *argv]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    message = captured.err.strip()
    assert len(message.splitlines()) == 1 and message.startswith("cluedesk stats: ")
    for name in names:
        assert name in message
    assert any("\u4e00" <= ch <= "\u9fff" for ch in message)


def test_a_folder_without_a_store_is_told(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["stats", "--data-dir", str(tmp_path / "none")]) == 2
    assert "没有线索库" in capsys.readouterr().err
