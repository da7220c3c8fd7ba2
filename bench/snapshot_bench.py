"""The first sync by snapshot of the city's scope, beside the JSON floor and a bare file copy.

Run: python -m bench.snapshot_bench [--clues N] [--repeat R] [--platform-db SEEDED.sqlite3]
     python -m bench.snapshot_bench --clues 3000 --repeat 3   (the quick size)

On a platform seeded and started for the run (two workers):

- the snapshot's build on the platform (the first offer after the feed moved): reported,
  no target;
- the first sync of a new device of the city office with the snapshot (offer, download,
  digest, bulk load, the pull to the feed head), target ≤ 15 s at 100,000 clues, beside
  two floors measured in the same run: the JSON floor (`sync_bench.bare_initial_sync`: the
  same clues' pull pages fetched, parsed and bulk-inserted by a bare script) and a bare
  copy of the snapshot file over loopback HTTP (the same bytes written to disk, nothing
  else).

Each figure is the median of `repeat` runs (new devices, the same cached file).
"""

from __future__ import annotations

import argparse
import math
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import requests

from bench.sync_bench import NOW, PROTOCOL, Device, bare_initial_sync
from bench.timing import Measure
from cityplatform.launcher import start_platform, stop_platform
from cityplatform.security import FAST_HASHER
from cityplatform.seed import seed_demo
from desktop.demo.city import load_city
from desktop.sync.engine import run_sync
from desktop.sync.snapshot_sync import SNAPSHOT_MIN_CLUES

FULL_CLUES, QUICK_CLUES = 100_000, 3_000
TARGET_MS = 15_000.0
BLOCK = 1 << 20


def bare_copy(base_url: str, token: str, snapshot_id: str, target: Path) -> tuple[float, int]:
    """The copy floor: the snapshot's bytes fetched over loopback HTTP and written to a file."""
    session = requests.Session()
    session.headers.update(
        {**PROTOCOL, "Authorization": f"Bearer {token}", "Accept-Encoding": "identity"}
    )
    start = time.perf_counter()
    size = 0
    with session.get(f"{base_url}/api/v1/snapshots/{snapshot_id}", stream=True, timeout=600) as r:
        r.raise_for_status()
        with open(target, "wb") as file:
            for block in r.iter_content(BLOCK):
                file.write(block)
                size += len(block)
    seconds = time.perf_counter() - start
    target.unlink()
    return seconds, size


def run(clues: int, folder: Path, repeat: int, seeded: Path | None = None) -> dict[str, Any]:
    """Seed a platform (or copy the `seeded` database), start it, and measure; the facts of
    the run."""
    city = load_city().demo_accounts()["city"].username
    db_url = f"sqlite:///{folder / 'platform.sqlite3'}"
    started = time.perf_counter()
    if seeded is not None:
        shutil.copyfile(seeded, folder / "platform.sqlite3")
    else:
        seed_demo(db_url, clues, seed=1, now=NOW, hasher=FAST_HASHER)
    facts: dict[str, Any] = {"clues": clues, "seed_seconds": round(time.perf_counter() - started)}
    base_url, process = start_platform(db_url, folder / "platform", workers=2, timeout=120)
    try:
        first = Device(folder / "offer", base_url, city)
        begun = time.perf_counter()
        offer = first.api.snapshot_offer(SNAPSHOT_MIN_CLUES)
        while offer.preparing:  # the build goes on in the platform's background
            time.sleep(0.5)
            offer = first.api.snapshot_offer(SNAPSHOT_MIN_CLUES)
        facts["build_ms"] = (time.perf_counter() - begun) * 1000
        assert offer.available and offer.id is not None and offer.size is not None
        facts["size"] = offer.size
        token = first.http.access_token or ""
        first.close()
        ours, json_floor, copy_floor = [], [], []
        for number in range(repeat):
            device = Device(folder / f"city-{number}", base_url, city)
            begun = time.perf_counter()
            summary = run_sync(device.store, device.api)
            ours.append((time.perf_counter() - begun) * 1000)
            assert summary.snapshot_bytes == offer.size, "the sync did not take the snapshot"
            facts["pulled"] = summary.pulled_clues
            device.close()
            copied, size = bare_copy(base_url, token, offer.id, folder / "copy.sqlite3")
            assert size == offer.size
            copy_floor.append(copied * 1000)
            seconds, floor_clues, _ = bare_initial_sync(
                base_url, token, folder / f"floor-{number}.sqlite3"
            )
            assert floor_clues == summary.pulled_clues
            json_floor.append(seconds * 1000)
        facts["ours_ms"] = statistics.median(ours)
        facts["json_floor_ms"] = statistics.median(json_floor)
        facts["copy_floor_ms"] = statistics.median(copy_floor)
        facts["runs"] = {"ours": ours, "json": json_floor, "copy": copy_floor}
    finally:
        stop_platform(process)
    return facts


def measures(facts: dict[str, Any]) -> list[Measure]:
    """The table lines of a run."""
    clues = facts["pulled"]
    return [
        Measure(
            "first sync by snapshot (city scope) vs JSON pull floor",
            facts["ours_ms"],
            facts["json_floor_ms"],
            TARGET_MS,
            clues,
        ),
        Measure(
            "first sync by snapshot vs a bare copy of the file",
            facts["ours_ms"],
            facts["copy_floor_ms"],
            TARGET_MS,
            clues,
        ),
        Measure(
            "snapshot build on the platform (no target)",
            facts["build_ms"],
            facts["copy_floor_ms"],
            math.inf,
            clues,
        ),
    ]


def figures(quick: bool) -> list[Measure]:
    """The snapshot figures of a quick or full run."""
    clues, repeat = (QUICK_CLUES, 3) if quick else (FULL_CLUES, 1)
    with tempfile.TemporaryDirectory(
        prefix="cluedesk-snapshot-bench-", ignore_cleanup_errors=True
    ) as folder:
        facts = run(clues, Path(folder), repeat)
    return measures(facts)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; non-zero exit when the target is missed."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clues", type=int, default=FULL_CLUES)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument(
        "--platform-db", type=Path, help="a seeded platform SQLite file to copy (no seeding)"
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="cluedesk-snapshot-bench-") as folder:
        facts = run(args.clues, Path(folder), args.repeat, args.platform_db)
    print(
        f"platform seeded with {facts['clues']} clues in {facts['seed_seconds']} s; "
        f"snapshot {facts['size'] / 1e6:.0f} MB, built in {facts['build_ms'] / 1000:.1f} s"
    )
    print(f"runs (ms): {facts['runs']}")
    missed = False
    for measure in measures(facts):
        print(measure.line())
        missed = missed or not measure.ok
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
