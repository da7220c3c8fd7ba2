"""Queue queries and full-text search on an encrypted store, each beside the plain store.

Run: python -m bench.cipher_bench [--clues N] [--repeat R] [--json FILE] [--quick]
One store is generated from the demo city (100,000 clues; 5,000 with --quick), copied, and
the copy encrypted in place exactly as a field laptop's store is (SQLCipher, a random key;
the benchmark keeps the key itself, so no keyring is needed). The queries of
bench.store_queries then run through our own query code on both, in the same run: ours is
the encrypted store, its floor the plain one, its target 1.3 times the floor.
Exits non-zero when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import secrets
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import event

from bench.store_queries import NOW, _cases
from bench.timing import HEADER, Measure
from desktop.domain.deadlines import warning_bounds
from desktop.store.cipher_upgrade import encrypt_store_file
from desktop.store.clue_rows import load_calendar, load_rules
from desktop.store.database import (
    DB_FILE,
    ENCRYPTED_CACHE_KIB,
    Store,
    make_engine,
    open_store,
    set_cache,
)
from desktop.store.demo_load import load_demo
from desktop.store.queues import Viewer, query_page

FULL_CLUES = 100_000
QUICK_CLUES = 5_000
TARGET_RATIO = 1.3
"""An encrypted store's queries may take this many times the plain store's."""


def build(folder: Path, clues: int) -> tuple[Path, Path, bytes, dict[str, float]]:
    """A plain store of `clues` demo clues and an encrypted copy of it (with its key)."""
    plain = folder / "plain"
    store = open_store(plain)
    start = time.perf_counter()
    load_demo(store, clues, seed=1, now=NOW)
    generation_s = time.perf_counter() - start
    store.close()
    encrypted = folder / "encrypted"
    shutil.copytree(plain, encrypted)
    key = secrets.token_bytes(32)
    start = time.perf_counter()
    encrypt_store_file(encrypted, key)
    encryption_s = time.perf_counter() - start
    return plain, encrypted, key, {"generation_s": generation_s, "encryption_s": encryption_s}


def paired_median_ms(
    first: Callable[[], object], second: Callable[[], object], repeat: int
) -> tuple[float, float]:
    """The median times of two pieces of work run alternately (a busy machine's slow
    moments then fall on both alike), after a warm-up of each."""
    for work in (first, second, first, second):
        work()
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeat):
        for work, into in ((first, times[0]), (second, times[1])):
            start = time.perf_counter()
            work()
            into.append((time.perf_counter() - start) * 1000)
    return statistics.median(times[0]), statistics.median(times[1])


def _open(folder: Path, key: bytes | None) -> Store:
    """The store as the app opens it; the plain one (the floor) with the encrypted one's page
    cache too, so that the ratio is the cost of encryption alone, not of a smaller cache."""
    engine = make_engine(folder / DB_FILE, key=key)
    if key is None:
        event.listen(engine, "connect", set_cache(ENCRYPTED_CACHE_KIB))
    return Store(folder, engine, key=key)


def measure(plain: Path, encrypted: Path, key: bytes, repeat: int) -> list[Measure]:
    """Every query of bench.store_queries on both stores, encrypted beside plain."""
    stores = {"plain": _open(plain, None), "encrypted": _open(encrypted, key)}
    try:
        with stores["plain"].session() as session:
            rules = load_rules(session)
            calendar = load_calendar(session, rules)
        bounds = warning_bounds(NOW, calendar, rules.warnings)
        measures = []
        for name, viewer, flt, sort, descending, _target in _cases(stores["plain"]):
            sessions = {kind: store.session() for kind, store in stores.items()}

            def run(
                session: Any,
                viewer: Viewer = viewer,
                flt: Any = flt,
                sort: Any = sort,
                descending: bool = descending,
            ) -> int:
                page = query_page(session, viewer, flt, bounds, sort=sort, descending=descending)
                return len(page.rows)

            rows = run(sessions["encrypted"])
            if rows != run(sessions["plain"]):
                raise AssertionError(f"{name}: the encrypted store answers other rows")
            floor_ms, ours_ms = paired_median_ms(
                partial(run, sessions["plain"]), partial(run, sessions["encrypted"]), repeat
            )
            for session in sessions.values():
                session.close()
            measures.append(
                Measure(f"encrypted {name}", ours_ms, floor_ms, TARGET_RATIO * floor_ms, rows)
            )
        ours, floor = sum(m.ours_ms for m in measures), sum(m.floor_ms for m in measures)
        total = Measure("encrypted: all the queries above", ours, floor, TARGET_RATIO * floor)
        return [*measures, total]
    finally:
        for store in stores.values():
            store.close()


def figures(quick: bool) -> list[Measure]:
    """The figures for `python -m bench`: ours the encrypted store, floor the plain one."""
    clues = QUICK_CLUES if quick else FULL_CLUES
    with tempfile.TemporaryDirectory(prefix="cluedesk-cipher-bench-") as folder:
        plain, encrypted, key, _ = build(Path(folder), clues)
        return measure(plain, encrypted, key, 5 if quick else 15)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its table; non-zero exit when a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clues", type=int, default=None)
    parser.add_argument("--repeat", type=int, default=None)
    parser.add_argument("--quick", action="store_true", help="5,000 clues, fewer repeats")
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    args = parser.parse_args(argv)
    clues = args.clues or (QUICK_CLUES if args.quick else FULL_CLUES)
    repeat = args.repeat or (5 if args.quick else 15)
    with tempfile.TemporaryDirectory(prefix="cluedesk-cipher-bench-") as folder:
        plain, encrypted, key, timings = build(Path(folder), clues)
        measures = measure(plain, encrypted, key, repeat)
    print(
        f"{clues} clues: generated in {timings['generation_s']:.1f} s, "
        f"encrypted in place in {timings['encryption_s']:.1f} s"
    )
    print(HEADER)
    for item in measures:
        print(item.line())
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        data = {"figures": {"clues": float(clues), **timings}}
        data["measures"] = [asdict(m) for m in measures]  # type: ignore[assignment]
        args.json.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    missed = [m.name for m in measures if not m.ok]
    if missed:
        print("missed: " + ", ".join(missed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
