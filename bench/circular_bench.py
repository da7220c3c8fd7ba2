"""The monthly circular (data + PDF + .xlsx) on a 100,000-clue store, beside a floor.

Run: python -m bench.circular_bench [--clues N] [--repeat R] [--json FILE] [--data-dir DIR]
The floor of each circular is measured in the same run: the same counts per row in bare SQL
(sqlite3 alone: received, closed, level-2 and level-3 warnings, cases filed and closed), and
a PDF of tables of the same size rendered with bare reportlab (plain strings in one embedded
font, no grid setting). Target: the whole circular within 3 s. Exits non-zero when missed.
"""

from __future__ import annotations

import argparse
import io
import json
import sqlite3
import sys
import tempfile
import time
from dataclasses import asdict
from datetime import date, datetime, timedelta
from importlib.resources import as_file, files
from pathlib import Path
from typing import Any

from bench.stores import FULL_CLUES, demo_store, store_size
from bench.timing import HEADER, Measure, median_ms
from desktop.domain.circular import Month
from desktop.domain.timeutil import CHINA_TZ
from desktop.reports.circular import circular_tables, render_circular_bytes, write_circular_workbook
from desktop.store.circular import CircularData, circular_data
from desktop.store.database import DB_FILE, Store, open_store
from desktop.store.demo_load import load_demo

NOW = datetime(2026, 11, 27, 10, 0, tzinfo=CHINA_TZ)
MONTH = Month(2026, 10)
ISSUED = date(2026, 11, 3)
TARGET_MS = 3000.0
HAIZHOU = "320706"
FULL_REPEAT, QUICK_REPEAT = 5, 2


def circular(store: Store, county: str | None) -> tuple[CircularData, int, int]:
    """The whole circular: its data, its PDF and its workbook (bytes written to memory)."""
    data = circular_data(store, MONTH, NOW, county=county)
    pdf = render_circular_bytes(data, ISSUED)
    book = io.BytesIO()
    write_circular_workbook(data, book)
    return data, len(pdf), len(book.getvalue())


_FLOOR_SQL = {
    "clues": "SELECT {g}, COUNT(*), SUM(status = 'closed' AND closed_at <= :now) FROM clues c "
    "WHERE received_at >= :start AND received_at < :end {w} GROUP BY 1",
    "warnings": "SELECT {g}, w.level, COUNT(DISTINCT c.code) FROM warning_episodes w "
    "JOIN clues c ON c.id = w.clue_id WHERE w.level >= 2 AND w.reached_at >= :start "
    "AND w.reached_at < :end {w} GROUP BY 1, 2",
    "cases": "SELECT {g}, COUNT(*), SUM(k.status = 'closed') FROM cases k JOIN clues c "
    "ON c.id = k.clue_id WHERE k.filed_on >= :start AND k.filed_on < :end {w} GROUP BY 1",
    "lists": "SELECT c.code, w.stage, w.unit_code, w.reached_at, w.cleared_at "
    "FROM warning_episodes w JOIN clues c ON c.id = w.clue_id WHERE w.level >= 2 "
    "AND w.reached_at >= :start AND w.reached_at < :end {w} ORDER BY w.reached_at",
}


def floor_counts(db: Path, county: str | None) -> int:
    """The same counts per row in bare SQL; returns how many rows came back."""
    params = {
        "start": MONTH.period.start.isoformat(),
        "end": (MONTH.period.end + timedelta(days=1)).isoformat(),
        "now": NOW.replace(tzinfo=None).isoformat(sep=" "),
    }
    group = "c.county_code" if county is None else "COALESCE(c.lead_unit, c.county_code)"
    where = "" if county is None else f"AND c.county_code = '{county}'"
    with sqlite3.connect(db) as connection:
        rows = 0
        for sql in _FLOOR_SQL.values():
            rows += len(connection.execute(sql.format(g=group, w=where), params).fetchall())
    return rows


def floor_pdf(data: CircularData) -> int:
    """A PDF of tables the size of the circular's, with bare reportlab."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import SimpleDocTemplate, Table

    if "BenchFloor" not in pdfmetrics.getRegisteredFontNames():
        with as_file(files("resources").joinpath("fonts", "ARPLUMingCN-print.ttf")) as path:
            pdfmetrics.registerFont(TTFont("BenchFloor", str(path)))
    story: list[Any] = []
    for table in circular_tables(data):
        rows = [[c.header for c in table.columns], *(list(t) for t in table.texts)]
        flowable = Table(rows, repeatRows=1)
        flowable.setStyle(
            [("FONTNAME", (0, 0), (-1, -1), "BenchFloor"), ("FONTSIZE", (0, 0), (-1, -1), 8)]
        )
        story.append(flowable)
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build(story)
    return len(buffer.getvalue())


def run(clues: int, repeat: int, folder: Path) -> tuple[list[Measure], dict[str, float]]:
    """Build (or open) the store and time the city's and a county's circular."""
    store = open_store(folder)
    start = time.perf_counter()
    if not _has_clues(folder):
        load_demo(store, clues, seed=1, now=NOW)
    generation_s = time.perf_counter() - start
    figures: dict[str, float] = {"clues": float(clues), "generation_s": generation_s}
    measures = []
    try:
        for name, county in (
            ("city circular (9 counties)", None),
            ("county circular (海州区)", HAIZHOU),
        ):
            data, pdf_bytes, xlsx_bytes = circular(store, county)
            ours = median_ms(lambda c=county: circular(store, c), repeat, warmup=1)  # type: ignore[misc]
            floor = median_ms(
                lambda c=county, d=data: (floor_counts(folder / DB_FILE, c), floor_pdf(d)),  # type: ignore[misc]
                repeat,
                warmup=1,
            )
            listed = len(data.overdue) + len(data.red)
            measures.append(Measure(name, ours, floor, TARGET_MS, len(data.rows) + listed))
            key = "city" if county is None else "county"
            figures[f"{key}_pdf_bytes"] = float(pdf_bytes)
            figures[f"{key}_xlsx_bytes"] = float(xlsx_bytes)
            figures[f"{key}_received"] = float(data.totals.counts.get("received", 0))
            figures[f"{key}_listed"] = float(listed)
            parts = _parts(store, county, repeat)
            figures.update({f"{key}_{part}_ms": value for part, value in parts.items()})
    finally:
        store.close()
    return measures, figures


def figures(quick: bool) -> list[Measure]:
    """The circulars' figures on the run's shared demo store."""
    clues = store_size(quick)
    demo = demo_store(clues)
    return run(clues, QUICK_REPEAT if quick else FULL_REPEAT, demo.folder)[0]


def _parts(store: Store, county: str | None, repeat: int) -> dict[str, float]:
    """Where the time of a circular goes: data, PDF, workbook."""
    data = circular_data(store, MONTH, NOW, county=county)
    return {
        "data": median_ms(lambda: circular_data(store, MONTH, NOW, county=county), repeat, 1),
        "pdf": median_ms(lambda: render_circular_bytes(data, ISSUED), repeat, 1),
        "xlsx": median_ms(lambda: write_circular_workbook(data, io.BytesIO()), repeat, 1),
    }


def _has_clues(folder: Path) -> bool:
    db = folder / DB_FILE
    if not db.exists():
        return False
    with sqlite3.connect(db) as connection:
        return bool(connection.execute("SELECT COUNT(*) FROM clues").fetchone()[0])


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its table; non-zero exit when a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clues", type=int, default=FULL_CLUES)
    parser.add_argument("--repeat", type=int, default=FULL_REPEAT)
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    parser.add_argument("--data-dir", type=Path, help="reuse (or keep) the store in this folder")
    args = parser.parse_args(argv)
    if args.data_dir is not None:
        args.data_dir.mkdir(parents=True, exist_ok=True)
        measures, figures = run(args.clues, args.repeat, args.data_dir)
    else:
        with tempfile.TemporaryDirectory(prefix="cluedesk-bench-") as folder:
            measures, figures = run(args.clues, args.repeat, Path(folder))
    print(f"store of {args.clues} clues ready in {figures['generation_s']:.1f} s")
    print(HEADER)
    for measure in measures:
        print(measure.line())
    for key in ("city", "county"):
        data, pdf, xlsx = (figures[f"{key}_{part}_ms"] for part in ("data", "pdf", "xlsx"))
        listed = figures[f"{key}_listed"]
        print(
            f"{key}: data {data:.0f} ms, PDF {pdf:.0f} ms, xlsx {xlsx:.0f} ms; {listed:.0f} listed"
        )  # noqa: E501
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
