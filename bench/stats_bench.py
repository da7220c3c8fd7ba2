"""The statistics on a 100,000-clue store, each beside raw sqlite3.

Run: python -m bench.stats_bench [--clues N] [--repeat R] [--json FILE]
Each measure is `compute_statistics` (totals, the groups and the trend) or a click-through
(`figure_codes`); its floor is the very SQL our code hands to the driver, all of its statements
run with the sqlite3 module alone in the same run. Exits non-zero when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import event

from bench.stores import FULL_CLUES, demo_store, store_size
from bench.timing import HEADER, Measure, median_ms
from desktop.domain.assessment import Period
from desktop.domain.statistics import Grouping
from desktop.domain.timeutil import CHINA_TZ
from desktop.store.database import Store, open_store
from desktop.store.demo_load import load_demo
from desktop.store.statistics import compute_statistics, figure_codes

NOW = datetime(2026, 11, 27, 10, 0, tzinfo=CHINA_TZ)
MONTH = Period(date(2026, 10, 1), date(2026, 10, 31))
QUARTER = Period(date(2026, 9, 1), date(2026, 11, 27))
YEAR = Period(date(2026, 1, 1), date(2026, 11, 27))

MONTH_TARGET_MS = 500.0
"""The dashboard's first paint (≤ 500 ms) computes a month by unit with its trend."""
QUARTER_TARGET_MS = 1500.0
YEAR_TARGET_MS = 6000.0
CLICK_TARGET_MS = 200.0
FULL_REPEAT, QUICK_REPEAT = 7, 3


def _cases(store: Store) -> list[tuple[str, Callable[[], int], float]]:
    def stats(period: Period, by: Grouping) -> Callable[[], int]:
        def work() -> int:
            found = compute_statistics(store, period, NOW, by=by)
            return int(found.totals.counts["received"])

        return work

    first = compute_statistics(store, MONTH, NOW, by=Grouping.UNIT)
    worst = max(first.groups, key=lambda g: g.figures.counts["handle_late"], default=None)
    unit = worst.key if worst is not None else ""

    def click() -> int:
        return len(figure_codes(store, MONTH, NOW, "handle_late", by=Grouping.UNIT, group=unit))

    def click_all() -> int:
        return len(figure_codes(store, MONTH, NOW, "sign_on_time_rate"))

    return [
        ("month by unit (totals+units+trend)", stats(MONTH, Grouping.UNIT), MONTH_TARGET_MS),
        ("month by channel", stats(MONTH, Grouping.CHANNEL), MONTH_TARGET_MS),
        ("quarter by unit", stats(QUARTER, Grouping.UNIT), QUARTER_TARGET_MS),
        ("year by month", stats(YEAR, Grouping.MONTH), YEAR_TARGET_MS),
        ("click: a unit's late handling", click, CLICK_TARGET_MS),
        ("click: every sign on time", click_all, CLICK_TARGET_MS),
    ]


def run(clues: int, repeat: int, folder: Path) -> tuple[list[Measure], dict[str, float]]:
    """Build the store, then measure every case beside its floor."""
    store = open_store(folder)
    start = time.perf_counter()
    load_demo(store, clues, seed=1, now=NOW)
    figures = {"clues": float(clues), "generation_s": time.perf_counter() - start}
    store.close()
    return measure(folder, repeat), figures


def measure(folder: Path, repeat: int) -> list[Measure]:
    """Measure every case beside its floor on the demo store in `folder`."""
    store = open_store(folder)  # measure as the application would: a freshly opened store
    raw = sqlite3.connect(store.db_path, isolation_level=None)
    captured: list[tuple[str, Any]] = []

    def capture(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        captured.append((statement, parameters))

    measures = []
    for name, ours, target in _cases(store):
        captured.clear()
        event.listen(store.engine, "before_cursor_execute", capture)
        rows = ours()
        event.remove(store.engine, "before_cursor_execute", capture)
        statements = [
            (sql, params)
            for sql, params in captured
            if sql.lstrip().upper()[:6] in ("SELECT", "WITH")
        ]
        ours_ms = median_ms(ours, repeat)

        def floor(statements: list[tuple[str, Any]] = statements) -> int:
            raw.execute("BEGIN")  # one read transaction, like the session ours runs in
            try:
                return sum(len(raw.execute(sql, params).fetchall()) for sql, params in statements)
            finally:
                raw.execute("COMMIT")

        floor_ms = median_ms(floor, repeat)
        measures.append(Measure(name, ours_ms, floor_ms, target, rows))
    raw.close()
    store.close()
    return measures


def figures(quick: bool) -> list[Measure]:
    """The statistics' figures on the run's shared demo store."""
    demo = demo_store(store_size(quick))
    return measure(demo.folder, QUICK_REPEAT if quick else FULL_REPEAT)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its table; non-zero exit when a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clues", type=int, default=FULL_CLUES)
    parser.add_argument("--repeat", type=int, default=FULL_REPEAT)
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="cluedesk-bench-") as folder:
        measures, figures = run(args.clues, args.repeat, Path(folder))
    print(
        f"statistics of a store of {args.clues} clues (demo generated in "
        f"{figures['generation_s']:.1f} s)"
    )
    print(HEADER)
    for measure in measures:
        print(measure.line())
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(
            json.dumps(
                {"figures": figures, "measures": [asdict(m) for m in measures]},
                ensure_ascii=False,
                indent=1,
            ),
            encoding="utf-8",
        )
    missed = [m.name for m in measures if not m.ok]
    if missed:
        print("missed: " + ", ".join(missed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
