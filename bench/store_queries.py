"""Queue queries and full-text search on a 100,000-clue store, each beside raw sqlite3.

Run: python -m bench.store_queries [--clues N] [--repeat R] [--json FILE]
The floor of each query is the very same SQL, fetched with the sqlite3 module alone.
Exits non-zero when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
import time
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import event

from bench.stores import FULL_CLUES, demo_store, store_size
from bench.timing import HEADER, Measure, median_ms
from desktop.domain.codes import UnitKind
from desktop.domain.deadlines import warning_bounds
from desktop.domain.timeutil import CHINA_TZ
from desktop.domain.units import UnitInfo
from desktop.store.clue_rows import load_calendar, load_directory, load_rules
from desktop.store.database import Store, open_store
from desktop.store.demo_load import load_demo
from desktop.store.queues import Queue, QueueFilter, SortKey, Viewer, query_page

NOW = datetime(2026, 11, 27, 10, 0, tzinfo=CHINA_TZ)
QUEUE_TARGET_MS = 50.0
SEARCH_TARGET_MS = 100.0
GENERATION_TARGET_S = 30.0
FULL_REPEAT, QUICK_REPEAT = 15, 3


def _cases(store: Store) -> list[tuple[str, Viewer, QueueFilter, SortKey, bool, float]]:
    from desktop.demo.city import load_city

    city = load_city()
    with store.session() as session:
        units = load_directory(session)
    accounts = city.demo_accounts()
    township = Viewer(units[accounts["township"].unit_code])
    department = Viewer(units[accounts["department"].unit_code])
    county = Viewer(units[accounts["county"].unit_code])
    whole_city = Viewer(UnitInfo("320700", "全市", UnitKind.CITY_OFFICE, None, None))
    q, t = QUEUE_TARGET_MS, SEARCH_TARGET_MS
    d, r = SortKey.DEADLINE, SortKey.RECEIVED
    return [
        ("township: to sign", township, QueueFilter(queue=Queue.TO_SIGN), d, False, q),
        ("township: handling", township, QueueFilter(queue=Queue.HANDLING), d, False, q),
        ("township: all, newest first", township, QueueFilter(), r, True, q),
        ("department: handling", department, QueueFilter(queue=Queue.HANDLING), d, False, q),
        ("county: to dispatch", county, QueueFilter(queue=Queue.TO_DISPATCH), d, False, q),
        ("county: to review", county, QueueFilter(queue=Queue.TO_REVIEW), d, False, q),
        ("county: closed, newest first", county, QueueFilter(queue=Queue.CLOSED), r, True, q),
        ("county: all by deadline", county, QueueFilter(), d, False, q),
        ("county: warnings (1-3)", county, QueueFilter(queue=Queue.WARNINGS), d, False, q),
        (
            "county: overdue level 3",
            county,
            QueueFilter(warning_levels=frozenset({3})),
            d,
            False,
            q,
        ),
        ("city: all by deadline", whole_city, QueueFilter(), d, False, q),
        ("city: all, newest first", whole_city, QueueFilter(), r, True, q),
        (
            "city: level 2, sorted by warning",
            whole_city,
            QueueFilter(warning_levels=frozenset({2})),
            SortKey.WARNING,
            False,
            q,
        ),
        (
            "city: 12345 + water + urgent",
            whole_city,
            QueueFilter(
                channels=frozenset({"hotline_12345"}),
                categories=frozenset({"water"}),
                priorities=frozenset({"urgent"}),
            ),
            d,
            False,
            q,
        ),
        (
            "city: received in one month",
            whole_city,
            QueueFilter(
                received_from=datetime(2026, 6, 1).date(), received_to=datetime(2026, 6, 30).date()
            ),
            r,
            True,
            q,
        ),
        (
            "city: category water",
            whole_city,
            QueueFilter(categories=frozenset({"water"})),
            d,
            False,
            q,
        ),
        (
            "city: levels 1 and 3, worst first",
            whole_city,
            QueueFilter(warning_levels=frozenset({1, 3})),
            SortKey.WARNING,
            False,
            q,
        ),
        ("search city: 化工 (2 chars)", whole_city, QueueFilter(text="化工"), r, True, t),
        ("search city: 夜间偷排 (4 chars)", whole_city, QueueFilter(text="夜间偷排"), r, True, t),
        ("search city: 噪 (1 char)", whole_city, QueueFilter(text="噪"), r, True, t),
        ("search city: code fragment 000123", whole_city, QueueFilter(text="000123"), r, True, t),
        (
            "search county: 河道 + open only",
            county,
            QueueFilter(queue=Queue.WARNINGS, text="河道"),
            d,
            False,
            t,
        ),
    ]


def run(clues: int, repeat: int, folder: Path) -> tuple[list[Measure], dict[str, float]]:
    """Build the store, then measure every query beside its floor."""
    store = open_store(folder)
    start = time.perf_counter()
    load_demo(store, clues, seed=1, now=NOW)
    generation_s = time.perf_counter() - start
    figures = {"clues": float(clues), "generation_s": generation_s}
    store.close()
    return measure(folder, repeat), figures


def measure(folder: Path, repeat: int) -> list[Measure]:
    """Measure every query beside its floor on the demo store in `folder`."""
    store = open_store(folder)  # measure as the application would: a freshly opened store
    with store.session() as session:
        rules = load_rules(session)
        calendar = load_calendar(session, rules)
    bounds = warning_bounds(NOW, calendar, rules.warnings)
    raw = sqlite3.connect(store.db_path, isolation_level=None)
    raw.execute("BEGIN")  # one read transaction, like the session our queries run in
    measures = []
    captured: list[tuple[str, Any]] = []

    def capture(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        captured.append((statement, parameters))

    for name, viewer, flt, sort, descending, target in _cases(store):
        session = store.session()

        def ours(
            viewer: Viewer = viewer,
            flt: QueueFilter = flt,
            sort: SortKey = sort,
            descending: bool = descending,
            session: Any = session,
        ) -> int:
            page = query_page(session, viewer, flt, bounds, sort=sort, descending=descending)
            return len(page.rows)

        # The floor runs the very SQL and parameters our query hands to the driver.
        event.listen(store.engine, "before_cursor_execute", capture)
        rows = ours()
        event.remove(store.engine, "before_cursor_execute", capture)
        sql, params = captured[-1]
        ours_ms = median_ms(ours, repeat)

        def floor(sql: str = sql, params: Any = params) -> int:
            return len(raw.execute(sql, params).fetchall())

        floor_ms = median_ms(floor, repeat)
        session.close()
        measures.append(Measure(name, ours_ms, floor_ms, target, rows))
    raw.close()
    store.close()
    return measures


def figures(quick: bool) -> list[Measure]:
    """The queries' figures on the run's shared demo store, and the store's generation."""
    clues = store_size(quick)
    demo = demo_store(clues)
    generation = Measure(
        "demo generation of the store (no floor)",
        demo.generation_s * 1000,
        0.0,
        GENERATION_TARGET_S * 1000,
        clues,
    )
    return [generation, *measure(demo.folder, QUICK_REPEAT if quick else FULL_REPEAT)]


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
        f"demo generation of {args.clues} clues into the store: "
        f"{figures['generation_s']:.1f} s (target {GENERATION_TARGET_S:.0f} s)"
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
    if figures["generation_s"] > GENERATION_TARGET_S:
        missed.append("demo generation")
    if missed:
        print("missed: " + ", ".join(missed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
