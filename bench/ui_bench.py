"""The queue view on a 100,000-clue store: first rows, re-filter and re-sort, the countdown tick.

Run: python -m bench.ui_bench [--clues N] [--repeat R] [--store DIR] [--json FILE]
     python -m bench.ui_bench --clues 5000          (a quick run)
     python -m bench.ui_bench --store DIR --window MODULE:FUNCTION   (cold start of a window)

Runs with QT_QPA_PLATFORM=offscreen. Each figure stands beside its floor: the bare store
queries the view makes (query_ids, rows_by_id) or the bare countdown computations, so the
ratio shows what the Qt layer adds. `--store DIR` reuses a store of the same size built by an
earlier run (or builds it there). Results are written to bench/results/ui_bench.json.
Exits non-zero when a target is missed.

The cold-start measurement (≤ 1.0 s to a usable window, ≤ 200 MB RSS) takes a window
factory `MODULE:FUNCTION`, called as FUNCTION(data_dir: Path) -> QWidget in a fresh process;
`bench.window_start.measure_window` does the same in-process for any callable that builds
a window.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import argparse  # noqa: E402
import json  # noqa: E402
import re  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from dataclasses import asdict, replace  # noqa: E402
from datetime import datetime, timedelta  # noqa: E402
from pathlib import Path  # noqa: E402

from PySide6.QtCore import QEvent, Qt  # noqa: E402
from PySide6.QtWidgets import QWidget  # noqa: E402
from sqlalchemy import func, select  # noqa: E402

from bench.stores import FULL_CLUES, demo_store, store_size  # noqa: E402
from bench.timing import HEADER, Measure, median_ms  # noqa: E402
from bench.window_start import (  # noqa: E402
    COLD_START_TARGET_S,
    RSS_TARGET_MB,
    app,
    median_start,
    rss_mb,
    window_child,
)
from desktop.domain.deadlines import countdown, warning_level  # noqa: E402
from desktop.domain.timeutil import CHINA_TZ  # noqa: E402
from desktop.store.database import DB_FILE, Store, open_store  # noqa: E402
from desktop.store.demo_load import load_demo  # noqa: E402
from desktop.store.models import Clue  # noqa: E402
from desktop.store.queues import Queue, QueueFilter, SortKey, query_ids, rows_by_id  # noqa: E402
from desktop.ui.queue_model import Column, QueueModel, sql_order  # noqa: E402
from desktop.ui.queue_view import QueueView  # noqa: E402
from desktop.ui.workspace import Workspace  # noqa: E402

NOW = datetime(2026, 11, 27, 10, 0, tzinfo=CHINA_TZ)
FIRST_ROWS_TARGET_MS = 300.0
REQUERY_TARGET_MS = 100.0
TICK_TARGET_MS = 16.0
VISIBLE_ROWS = 40
FULL_REPEAT, QUICK_REPEAT = 15, 3
WINDOW = "bench.ui_window:main_window"
"""The real main window (the city office's, over the store), for the cold start."""
BARE_WINDOW = "bench.window_start:bare_window"
"""The cold start's floor: a bare Qt window with a table of as many cells, no store."""
RESULTS = Path(__file__).resolve().parent / "results" / "ui_bench.json"


def prepare_store(clues: int, folder: Path) -> tuple[Store, float]:
    """Open the store in `folder`, reusing it if it holds `clues` clues, else generating them."""
    if (folder / DB_FILE).exists():
        store = open_store(folder)
        with store.session() as session:
            held = int(session.scalar(select(func.count()).select_from(Clue)) or 0)
        if held == clues:
            return store, 0.0
        store.close()
        raise SystemExit(f"{folder} holds {held} clues, not {clues}: use another --store")
    store = open_store(folder)
    start = time.perf_counter()
    load_demo(store, clues, seed=1, now=NOW)
    generation_s = time.perf_counter() - start
    store.close()
    return open_store(folder), generation_s  # measured as the application opens it


def workspace(store: Store, username: str) -> Workspace:
    """A demo user's workspace, seen at the benchmark's fixed now."""
    return Workspace(store, username, clock=lambda: NOW)


def bare_first_rows(ws: Workspace, flt: QueueFilter, sort: SortKey, descending: bool) -> int:
    """The floor of showing a queue: its ids and the first block of rows, no Qt."""
    bounds = ws.bounds()
    with ws.store.session() as session:
        ids = query_ids(session, ws.viewer, flt, bounds, sort=sort, descending=descending)
        rows_by_id(session, ids[:200], bounds)
    return len(ids)


def visible_cells(view: QueueView) -> int:
    """Ask the model for every visible cell's text and colour, as painting does."""
    first, last = view.model.visible_rows()
    model = view.model
    for row in range(first, last + 1):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            model.data(index)
            model.data(index, Qt.ItemDataRole.BackgroundRole)
    return last - first + 1


_hosts: list[QWidget] = []


def shown_view(ws: Workspace, rows: int = VISIBLE_ROWS) -> QueueView:
    """A queue view sized to show about `rows` rows, in a plain host window (not yet shown).

    The host has no layout, as a splitter pane would hold it; `close_view` disposes of both.
    """
    host = QWidget()
    _hosts.append(host)  # the host window is owned here until close_view
    view = QueueView(ws, host)
    height = view.table.verticalHeader().defaultSectionSize() * rows
    height += view.table.horizontalHeader().sizeHint().height() + 40
    host.resize(1400, height)
    view.setGeometry(0, 0, 1400, height)
    return view


def show_view(view: QueueView) -> None:
    """Show the view's host window and let it paint."""
    view.window().show()
    app().processEvents()


def close_view(view: QueueView) -> None:
    """Close and delete the view and its host now."""
    host = view.window()
    host.close()
    _hosts.remove(host)
    host.deleteLater()
    app().sendPostedEvents(None, QEvent.Type.DeferredDelete)


def measure_first_rows(
    ws: Workspace, name: str, flt: QueueFilter, repeat: int
) -> tuple[Measure, float]:
    """A new view: filter set, shown, first rows painted. Returns (median, cold first run)."""

    def first_rows() -> int:
        view = shown_view(ws)
        view.set_filter(flt)
        show_view(view)
        visible_cells(view)
        count = view.row_count()
        close_view(view)
        return count

    start = time.perf_counter()
    rows = first_rows()
    cold_ms = (time.perf_counter() - start) * 1000
    ours = median_ms(first_rows, repeat)
    floor = median_ms(lambda: bare_first_rows(ws, flt, SortKey.DEADLINE, False), repeat)
    return Measure(name, ours, floor, FIRST_ROWS_TARGET_MS, rows), cold_ms


def measure_requery(
    view: QueueView, name: str, flt: QueueFilter, sort: Column, order: Qt.SortOrder, repeat: int
) -> Measure:
    """Re-filter (to `flt`) or re-sort (by `sort`) a shown view, and repaint its rows.

    Between runs the view goes back to the plain queue sorted by deadline, so every run
    really changes what is shown. Only the change itself is timed.
    """
    application = app()
    model = view.model
    resort = sort != Column.DEADLINE

    def reset() -> None:
        model.sort(Column.DEADLINE, Qt.SortOrder.AscendingOrder)
        view.set_filter(flt if resort else QueueFilter(queue=flt.queue))
        application.processEvents()

    def change() -> None:
        if resort:
            model.sort(sort, order)
        else:
            view.set_filter(flt)
        application.processEvents()
        visible_cells(view)

    timings = []
    for attempt in range(repeat + 2):
        reset()
        start = time.perf_counter()
        change()
        if attempt >= 2:  # two warm-up runs
            timings.append((time.perf_counter() - start) * 1000)
    key, descending = sql_order(sort, order) or (SortKey.DEADLINE, False)
    floor = median_ms(lambda: bare_first_rows(view.workspace, flt, key, descending), repeat)
    return Measure(name, statistics.median(timings), floor, REQUERY_TARGET_MS, view.row_count())


def measure_tick(view: QueueView, repeat: int) -> tuple[Measure, Measure]:
    """The countdown tick of the visible rows: the model's work, and with the repaint.

    The clock alternates between 10:00 and 11:00 of a working day, so every tick changes
    every visible countdown text (the worst case: every row is updated and repainted).
    """
    application = app()
    ws = view.workspace
    view.set_filter(QueueFilter(queue=Queue.WARNINGS))
    application.processEvents()
    visible = visible_cells(view)
    model: QueueModel = view.model
    step = [0]

    def moment() -> datetime:
        return NOW + timedelta(hours=step[0] % 2)

    def tick() -> None:
        step[0] += 1
        model.tick(moment())

    def tick_and_paint() -> None:
        tick()
        application.processEvents()  # paints the cells the tick changed

    rows = [model.clue_row(r) for r in range(visible)]

    def floor() -> None:
        now = moment()
        for row in rows:
            if row is not None and row.deadline is not None:
                warning_level(row.deadline, now, ws.calendar, ws.rules.warnings)
                countdown(row.deadline, now, ws.calendar).short_text()

    floor_ms = median_ms(floor, repeat)
    name = f"countdown tick, {visible} visible rows"
    alone = Measure(name, median_ms(tick, repeat), floor_ms, TICK_TARGET_MS, visible)
    painted = Measure(
        name + " + repaint", median_ms(tick_and_paint, repeat), floor_ms, TICK_TARGET_MS, visible
    )
    return alone, painted


def run(store: Store, repeat: int) -> tuple[list[Measure], dict[str, float]]:
    """Measure the queue view's figures on an opened store."""
    figures: dict[str, float] = {}
    county = workspace(store, "haizhou")
    city = workspace(store, "city")
    measures: list[Measure] = []
    first, cold = measure_first_rows(city, "first rows: city, all clues", QueueFilter(), repeat)
    figures["first_rows_cold_ms"] = cold
    measures.append(first)
    measures.append(
        measure_first_rows(
            county, "first rows: county, to dispatch", QueueFilter(queue=Queue.TO_DISPATCH), repeat
        )[0]
    )
    view = shown_view(county)
    show_view(view)
    ascending, descending = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder
    cases: list[tuple[str, QueueFilter, Column, Qt.SortOrder]] = [
        ("re-filter: text 化工", QueueFilter(text="化工"), Column.DEADLINE, ascending),
        (
            "re-filter: channel 12345",
            QueueFilter(channels=frozenset({"hotline_12345"})),
            Column.DEADLINE,
            ascending,
        ),
        (
            "re-filter: warning level 3",
            QueueFilter(warning_levels=frozenset({3})),
            Column.DEADLINE,
            ascending,
        ),
        ("re-sort: all by received, newest first", QueueFilter(), Column.RECEIVED, descending),
        (
            "re-sort: warnings, worst first",
            QueueFilter(queue=Queue.WARNINGS),
            Column.WARNING,
            descending,
        ),
    ]
    for name, flt, column, order in cases:
        measures.append(measure_requery(view, name, flt, column, order, repeat))
    measures.extend(measure_tick(view, repeat))
    close_view(view)
    figures["rss_mb"] = rss_mb()
    return measures, figures


def figures(quick: bool) -> list[Measure]:
    """The queue view's figures and the main window's cold start, on the run's shared store."""
    app()
    demo = demo_store(store_size(quick))
    store = open_store(demo.folder)
    try:
        measures, found = run(store, QUICK_REPEAT if quick else FULL_REPEAT)
    finally:
        store.close()
    first = measures[0]
    cold = Measure(
        first.name + " (cold: the run's first view)",
        found["first_rows_cold_ms"],
        first.floor_ms,
        FIRST_ROWS_TARGET_MS,
        first.rows,
    )
    runs = 1 if quick else 3  # the median of three: the first warms the disk cache
    window = median_start(WINDOW, demo.folder, runs)
    bare = median_start(BARE_WINDOW, demo.folder, runs)
    return [
        *(replace(m, name=_sizeless(m.name)) for m in measures),
        cold,
        Measure(
            "cold start to a usable main window",
            window.seconds * 1000,
            bare.seconds * 1000,
            COLD_START_TARGET_S * 1000,
        ),
        Measure(
            "memory (RSS) of the main window at start",
            window.rss_mb,
            bare.rss_mb,
            RSS_TARGET_MB,
            unit="MB",
        ),
    ]


def _sizeless(name: str) -> str:
    """A figure's name without the count of rows the store's size decides (the tick's)."""
    return re.sub(r"^countdown tick, \d+ ", "countdown tick, ", name)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its table; non-zero exit when a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clues", type=int, default=FULL_CLUES)
    parser.add_argument("--repeat", type=int, default=FULL_REPEAT)
    parser.add_argument("--store", type=Path, help="build or reuse the demo store here")
    parser.add_argument("--json", type=Path, default=RESULTS, help="write the figures here")
    parser.add_argument("--window", help="also measure a cold start: MODULE:FUNCTION(data_dir)")
    parser.add_argument("--window-child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    app()
    if args.window_child:
        window_child(args.window_child, args.store)
        return 0
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="cluedesk-ui-bench-") as scratch:
        folder = args.store or Path(scratch)
        store, generation_s = prepare_store(args.clues, folder)
        try:
            measures, figures = run(store, args.repeat)
        finally:
            store.close()
        window = None
        if args.window:  # the median of three fresh processes (the first warms the disk cache)
            window = median_start(args.window, folder, 3)
    figures.update(clues=float(args.clues), generation_s=generation_s)
    figures["total_s"] = time.perf_counter() - started
    print(f"queue view on {args.clues} clues (store generation {generation_s:.1f} s)")
    print(HEADER)
    for measure in measures:
        print(measure.line())
    print(f"first rows, cold (first view of the run): {figures['first_rows_cold_ms']:.1f} ms")
    missed = [m.name for m in measures if not m.ok]
    if figures["first_rows_cold_ms"] > FIRST_ROWS_TARGET_MS:
        missed.append("first rows, cold")
    if window is not None:
        figures.update(window_start_s=window.seconds, window_rss_mb=window.rss_mb)
        print(
            f"cold start to usable window: {window.seconds:.2f} s (target "
            f"{COLD_START_TARGET_S} s), RSS {window.rss_mb:.0f} MB (target {RSS_TARGET_MB:.0f})"
        )
        if not window.ok:
            missed.append("cold start")
    print(
        f"bench process RSS {figures['rss_mb']:.0f} MB (store generation included if it ran); "
        f"whole run {figures['total_s']:.1f} s"
    )
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
