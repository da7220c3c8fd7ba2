"""The benchmarks run, on small sizes, and their figures are sane.

No test here compares a time with an absolute target: the targets of DESIGN.md ("Where the bar
is", on 100,000 clues) are for the benches themselves to report (`python -m bench.…`, each
figure beside a floor measured in the same run), and a loaded machine must not fail the suite.
So a bench's exit status (non-zero when it misses a target) is not asserted either. What is
checked: every figure is a finite, positive number, the expected figures are all there, the
counts are right, and where a floor is measured our figure is within a generous multiple of it
(a broken query plan or an N+1 shows as a ratio far beyond that on any machine).
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

RATIO_LIMIT = 20.0
"""How many times its floor (measured in the same run) our total may take, on small sizes.

Seen on a loaded 2-core machine: about 4 for the queue queries and 7 for the queue view on
5,000 clues, 1.5-5 for the sync on 300 (fixed costs weigh more on small sizes than on 100,000)."""

pytestmark = pytest.mark.slow


def _sane(value: Any) -> bool:
    """A finite, positive number."""
    return isinstance(value, int | float) and math.isfinite(value) and value > 0


def _read(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def test_store_benchmark_runs_on_a_small_store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from bench import store_queries

    out = tmp_path / "store.json"
    status = store_queries.main(["--clues", "5000", "--repeat", "5", "--json", str(out)])
    report = capsys.readouterr()
    assert status in (0, 1), report.out + report.err  # 1: a target missed, which is not ours
    result = _read(out)
    figures, measures = result["figures"], result["measures"]
    assert figures["clues"] == 5000
    assert _sane(figures["generation_s"]), figures
    assert len(measures) == 20
    for measure in measures:
        assert _sane(measure["ours_ms"]) and _sane(measure["floor_ms"]), measure
        assert measure["name"] in report.out
    by_name = {m["name"]: m for m in measures}
    assert by_name["city: all by deadline"]["rows"] > 0
    assert by_name["search city: 化工 (2 chars)"]["rows"] > 0
    ours = sum(m["ours_ms"] for m in measures)
    floor = sum(m["floor_ms"] for m in measures)
    assert ours <= RATIO_LIMIT * floor, (ours, floor, report.out)
    assert "demo generation of 5000 clues" in report.out


def test_window_benchmark_runs_on_a_small_store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from bench import ui_bench

    out = tmp_path / "ui.json"
    argv = ["--clues", "5000", "--repeat", "3", "--json", str(out)]
    status = ui_bench.main([*argv, "--window", "bench.ui_window:main_window"])
    report = capsys.readouterr()
    assert status in (0, 1), report.out + report.err
    result = _read(out)
    figures, measures = result["figures"], result["measures"]
    assert figures["clues"] == 5000
    for key in ("first_rows_cold_ms", "rss_mb", "generation_s", "total_s"):
        assert _sane(figures[key]), (key, figures)
    for key in ("window_start_s", "window_rss_mb"):  # the cold start of the real main window
        assert _sane(figures[key]), (key, figures)
    assert len(measures) == 9
    for measure in measures:
        assert _sane(measure["ours_ms"]) and _sane(measure["floor_ms"]), measure
        assert measure["name"] in report.out
    assert measures[0]["name"] == "first rows: city, all clues"
    assert measures[0]["rows"] == 5000
    ours = sum(m["ours_ms"] for m in measures)
    floor = sum(m["floor_ms"] for m in measures)
    assert ours <= RATIO_LIMIT * floor, (ours, floor, report.out)
    assert "cold start to usable window" in report.out


def test_sync_benchmark_runs_on_a_small_platform(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from bench import sync_bench

    out = tmp_path / "sync.json"
    argv = ["--clues", "300", "--clients", "4", "--pull-seconds", "1", "--json", str(out)]
    status = sync_bench.main(argv)
    report = capsys.readouterr()
    assert status in (0, 1), report.out + report.err
    result = _read(out)
    facts, figures = result["facts"], result["figures"]
    assert facts["initial_pulled"] == facts["floor_clues"] == 300
    assert 0 < facts["changed"] <= facts["changed_pulled"]
    assert 0 < facts["pushed"] == facts["push_applied"]
    assert facts["concurrent_requests"] > 0
    assert _sane(facts["concurrent_p99_ms"]), facts
    assert len(figures) == 5
    for figure in figures:
        assert _sane(figure["seconds"]), figure
        assert figure["name"] in report.out
    initial, push = figures[0]["seconds"], figures[3]["seconds"]
    assert _sane(facts["initial_floor_seconds"]) and _sane(facts["push_floor_seconds"]), facts
    assert initial <= RATIO_LIMIT * facts["initial_floor_seconds"], (facts, report.out)
    assert push <= RATIO_LIMIT * facts["push_floor_seconds"], (facts, report.out)


def test_notice_benchmark_runs_on_a_small_batch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from bench import notice_bench

    out = tmp_path / "notice.json"
    status = notice_bench.main(["--count", "12", "--no-office", "--json", str(out)])
    report = capsys.readouterr()
    assert status in (0, 1), report.out + report.err
    result = _read(out)
    assert result["count"] == 12
    keys = (
        "first_notice_ms",
        "first_import_ms",
        "batch_median_ms",
        "batch_p95_ms",
        "render_many_per_notice_ms",
        "pdf_bytes",
    )
    for key in keys:
        assert _sane(result[key]), (key, result)
    assert result["batch_median_ms"] <= result["batch_p95_ms"]
    assert result["libreoffice"] is None
    assert "one notice in a batch of 12" in report.out


def test_statistics_benchmark_runs_on_a_small_store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from bench import stats_bench

    out = tmp_path / "stats.json"
    status = stats_bench.main(["--clues", "3000", "--repeat", "3", "--json", str(out)])
    report = capsys.readouterr()
    assert status in (0, 1), report.out + report.err
    result = _read(out)
    figures, measures = result["figures"], result["measures"]
    assert figures["clues"] == 3000 and _sane(figures["generation_s"]), figures
    assert len(measures) == 6
    for measure in measures:
        assert _sane(measure["ours_ms"]) and _sane(measure["floor_ms"]), measure
        assert measure["name"] in report.out
    by_name = {m["name"]: m for m in measures}
    assert by_name["month by unit (totals+units+trend)"]["rows"] > 0  # clues received
    assert by_name["year by month"]["rows"] > by_name["month by channel"]["rows"]
    assert by_name["click: every sign on time"]["rows"] > 0
    assert by_name["click: a unit's late handling"]["rows"] > 0
    ours = sum(m["ours_ms"] for m in measures)
    floor = sum(m["floor_ms"] for m in measures)
    assert ours <= RATIO_LIMIT * floor, (ours, floor, report.out)


def test_dashboard_benchmark_runs_on_a_small_store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from bench import dashboard_bench

    out = tmp_path / "dashboard.json"
    status = dashboard_bench.main(["--clues", "3000", "--repeat", "2", "--json", str(out)])
    report = capsys.readouterr()
    assert status in (0, 1), report.out + report.err
    result = _read(out)
    figures, measures = result["figures"], result["measures"]
    assert figures["clues"] == 3000
    for key in ("first_paint_cold_ms", "generation_s", "total_s"):
        assert _sane(figures[key]), (key, figures)
    assert [m["name"] for m in measures] == [case[0] for case in dashboard_bench.CASES]
    for measure in measures:
        assert _sane(measure["ours_ms"]) and _sane(measure["floor_ms"]), measure
        assert measure["name"] in report.out
        assert figures[f"statements: {measure['name']}"] > 0  # the floor replayed the SQL
    by_name = {m["name"]: m for m in measures}
    assert by_name["first paint: township, last month"]["rows"] == 1
    assert by_name["first paint: city, this year"]["rows"] > 100  # every unit with figures
    ours = sum(m["ours_ms"] for m in measures)
    floor = sum(m["floor_ms"] for m in measures)
    assert ours <= RATIO_LIMIT * floor, (ours, floor, report.out)
    assert "first paint, cold" in report.out


def test_circular_benchmark_runs_on_a_small_store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from bench import circular_bench

    out = tmp_path / "circular.json"
    status = circular_bench.main(["--clues", "3000", "--repeat", "2", "--json", str(out)])
    report = capsys.readouterr()
    assert status in (0, 1), report.out + report.err
    result = _read(out)
    figures, measures = result["figures"], result["measures"]
    assert figures["clues"] == 3000
    for key in ("city", "county"):
        for part in ("data_ms", "pdf_ms", "xlsx_ms", "pdf_bytes", "xlsx_bytes", "received"):
            assert _sane(figures[f"{key}_{part}"]), (key, part, figures)
    assert [m["name"] for m in measures] == [
        "city circular (9 counties)",
        "county circular (海州区)",
    ]
    for measure in measures:
        assert _sane(measure["ours_ms"]) and _sane(measure["floor_ms"]), measure
        assert measure["name"] in report.out
        assert measure["ours_ms"] <= RATIO_LIMIT * measure["floor_ms"], (measure, report.out)
    assert measures[0]["rows"] >= 9


def test_cipher_benchmark_runs_on_a_tiny_store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from bench import cipher_bench
    from bench.timing import Measure

    out = tmp_path / "cipher.json"
    status = cipher_bench.main(["--clues", "400", "--repeat", "3", "--json", str(out)])
    report = capsys.readouterr()
    assert status in (0, 1), report.out + report.err
    result = _read(out)
    assert result["figures"]["clues"] == 400
    assert _sane(result["figures"]["encryption_s"])
    measures = result["measures"]
    assert len(measures) == 21  # the 20 queries of the store benchmark and their total
    for measure in measures:
        assert _sane(measure["ours_ms"]) and _sane(measure["floor_ms"]), measure
        assert measure["target_ms"] == pytest.approx(1.3 * measure["floor_ms"])
        assert measure["name"] in report.out
    total = measures[-1]
    assert total["ours_ms"] <= RATIO_LIMIT * total["floor_ms"], report.out

    monkeypatch.setattr(cipher_bench, "QUICK_CLUES", 300)  # `python -m bench`'s interface
    quick = cipher_bench.figures(quick=True)
    assert len(quick) == 21 and all(isinstance(m, Measure) for m in quick)
    assert all(m.target_ms == pytest.approx(1.3 * m.floor_ms) for m in quick)
