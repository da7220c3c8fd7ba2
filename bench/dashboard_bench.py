"""The statistics dashboard's first paint on a 100,000-clue store, beside its floor.

Run: python -m bench.dashboard_bench [--clues N] [--repeat R] [--store DIR] [--json FILE]
     python -m bench.dashboard_bench --clues 5000          (a quick run)

Runs with QT_QPA_PLATFORM=offscreen. "First paint" is the time from building the dashboard
(统计看板) to the moment its figures are computed (in the background, as in the window) and
both its charts have been painted with them. Its floor, measured in the same run, is the
very SQL the statistics hand to the driver, replayed through the sqlite3 module alone, plus a
bare QtCharts view with the same bars (the units and the trend) shown and painted. The
target is 500 ms. `--store DIR` reuses a store of the same size built by an earlier run.
Results are written to bench/results/dashboard_bench.json. Exits non-zero when a target is
missed.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import argparse  # noqa: E402
import json  # noqa: E402
import sqlite3  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from dataclasses import asdict  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

from PySide6.QtCharts import (  # noqa: E402
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
)
from PySide6.QtCore import QEvent, QEventLoop, QTimer  # noqa: E402
from PySide6.QtGui import QPaintEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QHBoxLayout, QWidget  # noqa: E402
from sqlalchemy import event  # noqa: E402

from bench.stores import FULL_CLUES, demo_store, store_size  # noqa: E402
from bench.timing import HEADER, Measure, median_ms  # noqa: E402
from bench.ui_bench import NOW, app, prepare_store, workspace  # noqa: E402
from desktop.domain.statistics import Grouping  # noqa: E402
from desktop.store.database import Store, open_store  # noqa: E402
from desktop.store.statistics import compute_statistics  # noqa: E402
from desktop.ui.assessment.periods import PeriodPreset, preset_period  # noqa: E402
from desktop.ui.dashboard.scope import dashboard_scope  # noqa: E402
from desktop.ui.dashboard.view import MAX_BARS, DashboardView  # noqa: E402
from desktop.ui.workspace import Workspace  # noqa: E402

FIRST_PAINT_TARGET_MS = 500.0
FULL_REPEAT, QUICK_REPEAT = 7, 2
SIZE = (1280, 800)
RESULTS = Path(__file__).resolve().parent / "results" / "dashboard_bench.json"
CASES = (
    ("first paint: city, last month", "city", PeriodPreset.LAST_MONTH),
    ("first paint: county, last month", "haizhou", PeriodPreset.LAST_MONTH),
    ("first paint: township, last month", "xinhai", PeriodPreset.LAST_MONTH),
    ("first paint: city, this year", "city", PeriodPreset.THIS_YEAR),
)
"""(name, demo account, period) of each measured first paint."""


def wait_until(done: Any, timeout_s: float = 120.0) -> None:
    """Run the event loop until `done()` holds. The UI thread sleeps between events, as in the
    application's own loop (a busy loop would take the worker's CPU and GIL); a short timer
    wakes it to look again."""
    application = app()
    deadline = time.perf_counter() + timeout_s
    tick = QTimer()
    tick.start(5)
    try:
        while not done():
            if time.perf_counter() > deadline:
                raise TimeoutError("the dashboard was not painted in time")
            application.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    finally:
        tick.stop()


def dispose(host: QWidget) -> None:
    """Close and delete a host window now."""
    host.close()
    host.deleteLater()
    app().sendPostedEvents(None, QEvent.Type.DeferredDelete)


def first_paint(ws: Workspace, preset: PeriodPreset) -> tuple[int, int]:
    """Build the dashboard, show it and wait until both charts are painted with the figures.

    Returns (units compared, trend groups)."""
    host = QWidget()
    host.resize(*SIZE)
    layout = QHBoxLayout(host)
    view = DashboardView(ws, host)
    layout.addWidget(view)
    view.set_preset(preset)
    host.show()
    wait_until(lambda: view.painted)
    assert view.seen is not None
    shape = (len(view.seen.groups), len(view.seen.trend))
    dispose(host)
    return shape


class BareChart(QChartView):
    """A QtCharts view that remembers it was painted."""

    def __init__(self, chart: QChart, parent: QWidget) -> None:
        super().__init__(chart, parent)
        self.painted = False

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        """Paint, then say so."""
        super().paintEvent(event)
        self.painted = True


def bare_charts(units: int, groups: int) -> None:
    """The floor's charts: `units` horizontal bars and `groups` pairs of bars, painted."""
    host = QWidget()
    host.resize(*SIZE)
    layout = QHBoxLayout(host)
    views = []
    for horizontal, count in ((False, groups), (True, units)):
        chart = QChart()
        series = QHorizontalBarSeries() if horizontal else QBarSeries()
        for _ in range(1 if horizontal else 2):
            bars = QBarSet("")
            bars.append([float(i + 1) for i in range(count)])
            series.append(bars)
        chart.addSeries(series)
        chart.createDefaultAxes()
        for axis in chart.axes():
            if isinstance(axis, QBarCategoryAxis):
                axis.setCategories([f"第{i + 1}项" for i in range(count)])
        view = BareChart(chart, host)
        layout.addWidget(view)
        views.append(view)
    host.show()
    wait_until(lambda: all(v.painted for v in views))
    dispose(host)


def captured_sql(store: Store, ws: Workspace, preset: PeriodPreset) -> list[tuple[str, Any]]:
    """Every statement (with its parameters) the dashboard's statistics hand to the driver."""
    statements: list[tuple[str, Any]] = []

    def capture(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        statements.append((statement, parameters))

    period = preset_period(preset, NOW.date())
    scope = dashboard_scope(ws)
    event.listen(store.engine, "before_cursor_execute", capture)
    try:
        compute_statistics(store, period, NOW, by=Grouping.UNIT, unit_codes=scope)
    finally:
        event.remove(store.engine, "before_cursor_execute", capture)
    return statements


def run(store: Store, repeat: int) -> tuple[list[Measure], dict[str, float]]:
    """Measure the dashboard's first paint of each case beside its floor."""
    figures: dict[str, float] = {}
    measures: list[Measure] = []
    raw = sqlite3.connect(store.db_path, isolation_level=None)
    try:
        for index, (name, username, preset) in enumerate(CASES):
            ws = workspace(store, username)
            start = time.perf_counter()
            units, groups = first_paint(ws, preset)
            if index == 0:
                figures["first_paint_cold_ms"] = (time.perf_counter() - start) * 1000

            def ours_run(ws: Workspace = ws, preset: PeriodPreset = preset) -> tuple[int, int]:
                return first_paint(ws, preset)

            ours = median_ms(ours_run, repeat)
            statements = captured_sql(store, ws, preset)

            def floor(
                statements: list[tuple[str, Any]] = statements,
                bars: int = min(units, MAX_BARS),
                groups: int = groups,
            ) -> None:
                raw.execute("BEGIN")  # one read transaction, as the statistics' session
                for sql, params in statements:
                    raw.execute(sql, params).fetchall()
                raw.execute("COMMIT")
                bare_charts(bars, groups)

            floor_ms = median_ms(floor, repeat)
            measures.append(Measure(name, ours, floor_ms, FIRST_PAINT_TARGET_MS, units))
            figures[f"statements: {name}"] = float(len(statements))
    finally:
        raw.close()
    return measures, figures


def figures(quick: bool) -> list[Measure]:
    """The dashboard's first paints on the run's shared demo store, and the run's cold one."""
    QApplication.setQuitOnLastWindowClosed(False)
    app()
    demo = demo_store(store_size(quick))
    store = open_store(demo.folder)
    try:
        measures, found = run(store, QUICK_REPEAT if quick else FULL_REPEAT)
    finally:
        store.close()
    first = measures[0]
    cold = Measure(
        first.name + " (cold: the run's first)",
        found["first_paint_cold_ms"],
        first.floor_ms,
        FIRST_PAINT_TARGET_MS,
        first.rows,
    )
    return [*measures, cold]


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its table; non-zero exit when a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clues", type=int, default=FULL_CLUES)
    parser.add_argument("--repeat", type=int, default=FULL_REPEAT)
    parser.add_argument("--store", type=Path, help="build or reuse the demo store here")
    parser.add_argument("--json", type=Path, default=RESULTS, help="write the figures here")
    args = parser.parse_args(argv)
    QApplication.setQuitOnLastWindowClosed(False)
    app()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="cluedesk-dashboard-bench-") as scratch:
        folder = args.store or Path(scratch)
        store, generation_s = prepare_store(args.clues, folder)
        try:
            measures, figures = run(store, args.repeat)
        finally:
            store.close()
    figures.update(clues=float(args.clues), generation_s=generation_s)
    figures["total_s"] = time.perf_counter() - started
    print(f"dashboard on {args.clues} clues (store generation {generation_s:.1f} s)")
    print(HEADER)
    for measure in measures:
        print(measure.line())
    print(
        "rows: the units compared; floor: the same SQL in bare sqlite3 + a bare QtCharts view "
        "with the same bars painted"
    )
    print(f"first paint, cold (first view of the run): {figures['first_paint_cold_ms']:.1f} ms")
    missed = [m.name for m in measures if not m.ok]
    if figures["first_paint_cold_ms"] > FIRST_PAINT_TARGET_MS:
        missed.append("first paint, cold")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(
        json.dumps(
            {"figures": figures, "measures": [asdict(m) for m in measures]},
            ensure_ascii=False,
            indent=1,
        ),
        encoding="utf-8",
    )
    if missed:
        print("missed: " + ", ".join(missed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
