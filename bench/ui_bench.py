"""The queue view on a 100,000-clue store: first rows, re-filter and re-sort, the countdown tick.

Run: python -m bench.ui_bench [--clues N] [--repeat R] [--store DIR] [--json FILE]
     python -m bench.ui_bench --clues 5000          (a quick run)
     python -m bench.ui_bench --store DIR --window MODULE:FUNCTION   (cold start of a window)

Runs with QT_QPA_PLATFORM=offscreen. Each queue figure (first rows, a re-filter by every
filter of the filter bar, a re-sort by every sortable column) stands beside its floor: the
very SQL the view hands to the driver for it, replayed with the sqlite3 module alone, plus a
bare Qt table (a plain model of the same texts) reset and painted with as many cells; the
tick's floor is the bare countdown computations. So the ratio shows what our layers add.
`--store DIR` reuses a store of the same size built by an earlier run (or builds it there).
Results are written to bench/results/ui_bench.json.
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
import sqlite3  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from dataclasses import asdict, replace  # noqa: E402
from datetime import date, datetime, timedelta  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QPersistentModelIndex, Qt  # noqa: E402
from PySide6.QtWidgets import QTableView, QWidget  # noqa: E402
from sqlalchemy import event, func, select  # noqa: E402

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
from desktop.store.queues import Queue, QueueFilter  # noqa: E402
from desktop.ui.queue_model import Column, QueueModel  # noqa: E402
from desktop.ui.queue_view import QueueView  # noqa: E402
from desktop.ui.workspace import Workspace  # noqa: E402

NOW = datetime(2026, 11, 27, 10, 0, tzinfo=CHINA_TZ)
FIRST_ROWS_TARGET_MS = 50.0
COLD_FIRST_ROWS_TARGET_MS = 300.0
"""The run's very first view (fonts, styles and the store's pages loaded): the old bar."""
REQUERY_TARGET_MS = 50.0
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


class SqlReplay:
    """The floor's store part: the statements our code hands to the driver, captured while
    it runs and replayed with the sqlite3 module alone in one read transaction."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.statements: list[tuple[str, Any]] = []
        self.raw = sqlite3.connect(store.db_path, isolation_level=None)
        self.raw.execute("BEGIN")

    def _capture(self, _conn: Any, _cursor: Any, statement: str, params: Any, *_: Any) -> None:
        self.statements.append((statement, params))

    def capture(self, work: Callable[[], object]) -> list[tuple[str, Any]]:
        """Run `work` once and return the statements it ran."""
        self.statements = []
        event.listen(self.store.engine, "before_cursor_execute", self._capture)
        try:
            work()
        finally:
            event.remove(self.store.engine, "before_cursor_execute", self._capture)
        return self.statements

    def run(self, statements: list[tuple[str, Any]]) -> list[tuple[Any, ...]]:
        """Fetch every statement's rows; the rows of the first (the page) are returned."""
        first: list[tuple[Any, ...]] = []
        for number, (sql, params) in enumerate(statements):
            rows = self.raw.execute(sql, params).fetchall()
            if number == 0:
                first = rows
        return first

    def close(self) -> None:
        """Close the bare connection."""
        self.raw.close()


class BareTable(QAbstractTableModel):
    """The floor's Qt part: a plain model of texts, no formatting, no cache, no clock."""

    def __init__(self, columns: int) -> None:
        super().__init__()
        self.columns = columns
        self.rows: list[tuple[str, ...]] = []

    def show(self, rows: list[tuple[str, ...]]) -> None:
        """Reset to `rows` of texts."""
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        """Number of rows."""
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        """Number of columns."""
        return 0 if parent.isValid() else self.columns

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        """The text of a cell."""
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        row = self.rows[index.row()]
        return row[index.column()] if index.column() < len(row) else ""


def bare_cells(table: QTableView, model: BareTable) -> int:
    """Ask the bare model for every visible cell, as painting does."""
    last = table.rowAt(table.viewport().height() - 1)
    last = model.rowCount() - 1 if last < 0 else last
    for row in range(max(0, table.rowAt(0)), last + 1):
        for column in range(model.columnCount()):
            model.data(model.index(row, column))
    return last + 1


SQL_FLOORS: dict[str, float] = {}
"""The SQL part of each queue figure's floor (ms), by figure: reported beside the table."""


class Floor:
    """The floor of one queue change, run in turn with ours so both see the same machine: the
    same SQL in bare sqlite3, then a bare table reset to the texts our view shows (taken
    once, outside the timing) and painted. With `new_window` (the floor of a new view's
    first rows) each run makes, fills and shows a new bare table window, as ours makes a new
    view, and closes it after the timing."""

    def __init__(
        self,
        replay: SqlReplay,
        statements: list[tuple[str, Any]],
        view: QueueView,
        *,
        new_window: bool = False,
    ):
        self.replay = replay
        self.statements = statements
        self.new_window = new_window
        model = view.model
        first, last = model.visible_rows()
        self.texts = [
            tuple(str(model.data(model.index(r, c)) or "") for c in range(model.columnCount()))
            for r in range(max(0, first), last + 1)
        ]
        self.row_height = view.table.verticalHeader().defaultSectionSize()
        self.size = view.table.size()
        self.widths = [view.table.columnWidth(c) for c in range(model.columnCount())]
        self.sql_ms: list[float] = []
        self.table: QTableView | None = None
        self.model = BareTable(len(Column))
        if not new_window:  # one table, reset by every run
            self.table, self.model = self._bare()
            app().processEvents()

    def _bare(self, texts: list[tuple[str, ...]] | None = None) -> tuple[QTableView, BareTable]:
        """A bare table window with the queue view's cells (its column widths and row height,
        no row numbers), holding `texts` from the start, shown (not yet painted)."""
        model = BareTable(len(Column))
        model.rows = texts or []
        table = QTableView()
        table.setWordWrap(False)  # as the queue's cells: one line, elided
        table.setModel(model)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(self.row_height)
        table.resize(self.size)
        for column, width in enumerate(self.widths):
            table.setColumnWidth(column, width)
        table.show()
        return table, model

    def run(self) -> float:
        """One run of the floor, in milliseconds (its SQL part is kept in `sql_ms`)."""
        start = time.perf_counter()
        self.replay.run(self.statements)
        self.sql_ms.append((time.perf_counter() - start) * 1000)
        if self.new_window:
            table, self.model = self._bare(self.texts)
            self.table = table
        else:
            assert self.table is not None
            table = self.table
            self.model.show(self.texts)
        app().processEvents()
        bare_cells(table, self.model)
        took = (time.perf_counter() - start) * 1000
        if self.new_window:  # disposed of outside the timing, as ours is
            self.close()
        return took

    def close(self) -> None:
        """Dispose of the bare table (once)."""
        if self.table is None:
            return
        self.table.close()
        self.table.deleteLater()
        self.table = None
        app().sendPostedEvents(None, QEvent.Type.DeferredDelete)


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
    ws: Workspace, replay: SqlReplay, name: str, flt: QueueFilter, repeat: int
) -> tuple[Measure, float]:
    """A new view: filter set, shown, first rows painted. Returns (median, cold first run)."""
    shown: list[QueueView] = []

    def first_rows() -> int:
        view = shown_view(ws)
        view.set_filter(flt)
        show_view(view)
        visible_cells(view)
        count = view.row_count()
        shown.append(view)
        return count

    def done() -> None:
        while shown:
            close_view(shown.pop())

    start = time.perf_counter()
    rows = first_rows()
    cold_ms = (time.perf_counter() - start) * 1000
    done()
    statements = replay.capture(first_rows)
    floor = Floor(replay, statements, shown[-1], new_window=True)
    done()
    ours: list[float] = []
    floors: list[float] = []
    for attempt in range(repeat + 2):
        start = time.perf_counter()
        first_rows()
        took = (time.perf_counter() - start) * 1000
        done()
        bare = floor.run()
        if attempt >= 2:  # two warm-up runs
            ours.append(took)
            floors.append(bare)
    floor.close()
    SQL_FLOORS[name] = statistics.median(floor.sql_ms)
    measure = Measure(
        name, statistics.median(ours), statistics.median(floors), FIRST_ROWS_TARGET_MS, rows
    )
    return measure, cold_ms


def measure_change(
    view: QueueView,
    replay: SqlReplay,
    name: str,
    setup: Callable[[], None],
    change: Callable[[], None],
    repeat: int,
) -> Measure:
    """A change of a shown view (a re-filter or a re-sort) and the repaint of its rows, run
    in turn with its floor.

    Before each run `setup` puts the view back where the change starts from, so every run
    really changes what is shown. Only the change itself is timed.
    """
    application = app()

    def changed() -> None:
        change()
        application.processEvents()
        visible_cells(view)

    setup()
    application.processEvents()
    statements = replay.capture(changed)
    floor = Floor(replay, statements, view)
    ours: list[float] = []
    floors: list[float] = []
    for attempt in range(repeat + 2):
        setup()
        application.processEvents()
        start = time.perf_counter()
        changed()
        took = (time.perf_counter() - start) * 1000
        bare = floor.run()
        if attempt >= 2:  # two warm-up runs
            ours.append(took)
            floors.append(bare)
    floor.close()
    SQL_FLOORS[name] = statistics.median(floor.sql_ms)
    return Measure(
        name,
        statistics.median(ours),
        statistics.median(floors),
        REQUERY_TARGET_MS,
        view.row_count(),
    )


def refilter_cases(ws: Workspace) -> list[tuple[str, QueueFilter]]:
    """One re-filter per filter of the filter bar, over the city's whole queue."""
    county = "320706"  # 海州区
    with ws.store.session() as session:  # the county's busiest township
        township = session.scalar(
            select(Clue.township_code)
            .where(Clue.county_code == county, Clue.township_code.is_not(None))
            .group_by(Clue.township_code)
            .order_by(func.count().desc())
            .limit(1)
        )
    return [
        ("re-filter: text 化工", QueueFilter(text="化工")),
        ("re-filter: channel 12345", QueueFilter(channels=frozenset({"hotline_12345"}))),
        ("re-filter: category water", QueueFilter(categories=frozenset({"water"}))),
        ("re-filter: priority urgent", QueueFilter(priorities=frozenset({"urgent"}))),
        ("re-filter: county", QueueFilter(county_code=county)),
        ("re-filter: township", QueueFilter(county_code=county, township_code=township)),
        ("re-filter: warning level 3", QueueFilter(warning_levels=frozenset({3}))),
        (
            "re-filter: received in one month",
            QueueFilter(received_from=date(2026, 6, 1), received_to=date(2026, 6, 30)),
        ),
    ]


RESORTS: list[tuple[str, Column, Qt.SortOrder]] = [
    ("re-sort: by warning, worst first", Column.WARNING, Qt.SortOrder.DescendingOrder),
    ("re-sort: by time left", Column.COUNTDOWN, Qt.SortOrder.DescendingOrder),
    ("re-sort: by deadline", Column.DEADLINE, Qt.SortOrder.AscendingOrder),
    ("re-sort: by received, newest first", Column.RECEIVED, Qt.SortOrder.DescendingOrder),
]
"""One re-sort per sortable column of the queue, over the city's whole queue."""


def measure_queue(view: QueueView, replay: SqlReplay, repeat: int) -> list[Measure]:
    """Every re-filter and every re-sort of a shown view of the city's whole queue."""
    model = view.model
    plain = QueueFilter()

    def back_to_plain() -> None:
        model.sort(Column.DEADLINE, Qt.SortOrder.AscendingOrder)
        view.set_filter(plain)

    measures = []
    for name, flt in refilter_cases(view.workspace):

        def refilter(flt: QueueFilter = flt) -> None:
            view.set_filter(flt)

        measures.append(measure_change(view, replay, name, back_to_plain, refilter, repeat))
    for name, column, order in RESORTS:
        start = Column.RECEIVED if column != Column.RECEIVED else Column.DEADLINE

        def from_other(start: Column = start) -> None:
            view.set_filter(plain)
            model.sort(start, Qt.SortOrder.AscendingOrder)

        def resort(column: Column = column, order: Qt.SortOrder = order) -> None:
            model.sort(column, order)

        measures.append(measure_change(view, replay, name, from_other, resort, repeat))
    return measures


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
    replay = SqlReplay(store)
    measures: list[Measure] = []
    try:
        first, cold = measure_first_rows(
            city, replay, "first rows: city, all clues", QueueFilter(), repeat
        )
        figures["first_rows_cold_ms"] = cold
        measures.append(first)
        measures.append(
            measure_first_rows(
                county,
                replay,
                "first rows: county, to dispatch",
                QueueFilter(queue=Queue.TO_DISPATCH),
                repeat,
            )[0]
        )
        view = shown_view(city)
        show_view(view)
        measures.extend(measure_queue(view, replay, repeat))
        close_view(view)
    finally:
        replay.close()
    view = shown_view(county)
    show_view(view)
    measures.extend(measure_tick(view, repeat))
    close_view(view)
    figures["rss_mb"] = rss_mb()
    figures.update({f"sql floor ms: {name}": ms for name, ms in SQL_FLOORS.items()})
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
        COLD_FIRST_ROWS_TARGET_MS,
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
    for name, ms in SQL_FLOORS.items():
        print(f"  of which the bare SQL, {name}: {ms:.2f} ms")
    missed = [m.name for m in measures if not m.ok]
    if figures["first_rows_cold_ms"] > COLD_FIRST_ROWS_TARGET_MS:
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
