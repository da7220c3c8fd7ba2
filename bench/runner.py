"""`python -m bench`: every benchmark of the project in one run, printed as one table.

Each registered module of bench/ offers `figures(quick: bool) -> list[Measure]`: every figure
measured beside its floor in the same run. The runner takes them in order, keeps going when
one crashes (the table says which; the exit status is then 1), and never fails on a missed
target (a measurement, not a test). Stores of the same size are generated once per run.
"""

from __future__ import annotations

import argparse
import ast
import gc
import importlib
import importlib.util
import json
import math
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from bench import stores
from bench.machine import describe
from bench.table import Outcome, Report, cells, parse_markdown, text_table, write_markdown
from bench.timing import Measure

# ---------------------------------------------------------------------------- the registry
# Every benchmark of the project, in the order a run takes them: a module of bench/ that
# offers `figures(quick: bool) -> list[Measure]`. A new benchmark is one more line here, and
# its figures go into docs/performance.md (tests/test_benchmarks.py holds the two together).
BENCHMARKS: tuple[str, ...] = (
    "store_queries",
    "sync_bench",
    "snapshot_bench",
    "notice_bench",
    "ui_bench",
    "stats_bench",
    "dashboard_bench",
    "circular_bench",
    "cipher_bench",
)
# ------------------------------------------------------------------------------------------

__all__ = ["BENCHMARKS", "Benchmark", "main", "parse_markdown", "registered", "run"]


@dataclass(frozen=True)
class Benchmark:
    """One benchmark of a run: its name, a line saying what it measures, its figures."""

    name: str
    figures: Callable[[bool], list[Measure]]
    title: str = ""


def module_title(name: str) -> str:
    """The first line of a bench module's docstring, read without importing the module."""
    spec = importlib.util.find_spec(f"bench.{name}")
    if spec is None or spec.origin is None:
        return ""
    source = Path(spec.origin).read_text(encoding="utf-8")
    doc = ast.get_docstring(ast.parse(source)) or ""
    return doc.splitlines()[0] if doc else ""


def module_benchmark(name: str) -> Benchmark:
    """The benchmark of the module bench.`name` (imported only when it runs)."""

    def figures(quick: bool) -> list[Measure]:
        found: list[Measure] = importlib.import_module(f"bench.{name}").figures(quick)
        return found

    return Benchmark(name, figures, module_title(name))


def registered() -> list[Benchmark]:
    """Every registered benchmark, in run order."""
    return [module_benchmark(name) for name in BENCHMARKS]


def size_of(quick: bool) -> str:
    """What a run's size means, for its headline."""
    clues = stores.store_size(quick)
    return f"{'quick' if quick else 'full'} size (stores of {clues:,} clues)"


def run_one(benchmark: Benchmark, quick: bool) -> Outcome:
    """Run one benchmark; a crash becomes the outcome's error, never the run's end."""
    outcome = Outcome(benchmark.name, benchmark.title)
    start = time.perf_counter()
    try:
        measures = benchmark.figures(quick)
        if not measures:
            raise RuntimeError("the benchmark gave no figures")
        for measure in measures:
            if not isinstance(measure, Measure) or not math.isfinite(measure.ours_ms):
                raise RuntimeError(f"not a measured figure: {measure!r}")
        outcome.measures = list(measures)
    except (Exception, SystemExit) as error:  # noqa: BLE001 - any crash is reported, not raised
        outcome.error = f"{type(error).__name__}: {error}".splitlines()[0]
        outcome.traceback = traceback.format_exc()
    outcome.seconds = time.perf_counter() - start
    gc.collect()
    return outcome


def run(
    benchmarks: Sequence[Benchmark], quick: bool, progress: Callable[[str], None] | None = None
) -> Report:
    """Run the benchmarks in order and gather their outcomes (the stores released at the end)."""
    report = Report(size_of(quick), describe(), [])
    start = time.perf_counter()
    try:
        for number, benchmark in enumerate(benchmarks, start=1):
            if progress:
                progress(f"[{number}/{len(benchmarks)}] {benchmark.name} …")
            outcome = run_one(benchmark, quick)
            report.outcomes.append(outcome)
            if progress:
                state = "CRASHED: " + outcome.traceback if outcome.error else "done"
                progress(
                    f"[{number}/{len(benchmarks)}] {benchmark.name} {state} "
                    f"({outcome.seconds:.1f} s)"
                )
    finally:
        stores.release()
    report.seconds = time.perf_counter() - start
    return report


def report_json(report: Report) -> dict[str, Any]:
    """The run as JSON-ready data (an infinite target or ratio is null)."""

    def figure(measure: Measure) -> dict[str, Any]:
        data = asdict(measure)
        data["target_ms"] = measure.target_ms if math.isfinite(measure.target_ms) else None
        ratio = measure.ratio
        data["ratio"] = ratio if measure.floor_ms > 0 and math.isfinite(ratio) else None
        data["result"] = cells(measure)[4]
        return data

    return {
        "size": report.size,
        "machine": report.machine,
        "seconds": report.seconds,
        "benchmarks": [
            {
                "name": o.name,
                "title": o.title,
                "seconds": o.seconds,
                "error": o.error,
                "traceback": o.traceback,
                "figures": [figure(m) for m in o.measures],
            }
            for o in report.outcomes
        ],
    }


def choose(benchmarks: Sequence[Benchmark], only: str | None) -> list[Benchmark]:
    """The benchmarks `--only` names (all when it is None), in run order."""
    if not only:
        return list(benchmarks)
    wanted = [name.strip() for name in only.split(",") if name.strip()]
    known = {b.name for b in benchmarks}
    unknown = [name for name in wanted if name not in known]
    if unknown:
        raise SystemExit(
            f"unknown benchmark: {', '.join(unknown)} (known: {', '.join(sorted(known))})"
        )
    return [b for b in benchmarks if b.name in wanted]


OFFSCREEN_NOTES = ("This plugin does not support",)
"""Qt's offscreen platform says so on every window it cannot resize to its hints: noise here."""
_handlers: list[Callable[..., None]] = []


def quiet_offscreen_notes() -> None:
    """Keep the offscreen platform's notes out of the run's output (other messages pass)."""
    try:
        from PySide6.QtCore import QtMsgType, qInstallMessageHandler
    except ImportError:
        return
    previous: list[Any] = []

    def handler(kind: QtMsgType, context: Any, message: str) -> None:
        if message.startswith(OFFSCREEN_NOTES):
            return
        if previous and previous[0] is not None:
            previous[0](kind, context, message)
        else:
            print(message, file=sys.stderr)

    previous.append(qInstallMessageHandler(handler))
    _handlers.append(handler)  # Qt holds no Python reference of its own


def main(argv: Sequence[str] | None = None, benchmarks: Sequence[Benchmark] | None = None) -> int:
    """Run the benchmarks and print the table: 0, or 1 when a benchmark crashed.

    `benchmarks` replaces the registry (a test runs a broken one beside real ones this way).
    """
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes: a smoke run")
    parser.add_argument("--only", metavar="NAME[,NAME]", help="run only these benchmarks")
    parser.add_argument("--markdown", type=Path, metavar="FILE", help="write the table there")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write the figures there")
    parser.add_argument("--list", action="store_true", help="list the benchmarks and stop")
    args = parser.parse_args(argv)
    available = list(registered() if benchmarks is None else benchmarks)
    if args.list:
        for benchmark in available:
            print(f"{benchmark.name:<18} {benchmark.title}")
        return 0
    chosen = choose(available, args.only)
    report = run(chosen, args.quick, progress=lambda line: print(line, file=sys.stderr))
    print(text_table(report), flush=True)
    if args.markdown:
        old = args.markdown.read_text(encoding="utf-8") if args.markdown.exists() else None
        args.markdown.parent.mkdir(parents=True, exist_ok=True)
        args.markdown.write_text(write_markdown(report, old), encoding="utf-8")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(
            json.dumps(report_json(report), ensure_ascii=False, indent=1), encoding="utf-8"
        )
    return 1 if report.crashed else 0
