"""The store benchmark on 100,000 clues meets its targets (figures printed with -s)."""

from __future__ import annotations

import pytest

from bench import store_queries


@pytest.mark.slow
def test_store_benchmark_meets_its_targets(capsys: pytest.CaptureFixture[str]) -> None:
    status = store_queries.main(["--clues", "100000", "--repeat", "7"])
    report = capsys.readouterr()
    print(report.out)
    assert status == 0, report.out + report.err
    assert "township: to sign" in report.out


@pytest.mark.slow
def test_window_benchmark_meets_its_targets(capsys: pytest.CaptureFixture[str]) -> None:
    from bench import ui_bench

    argv = ["--clues", "100000", "--repeat", "7", "--window", "bench.ui_window:main_window"]
    status = ui_bench.main(argv)
    report = capsys.readouterr()
    print(report.out)
    assert status == 0, report.out + report.err
    assert "cold start to usable window" in report.out
