"""The demo stores of one benchmark run: each size generated once and shared by the benches."""

from __future__ import annotations

import atexit
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desktop.domain.timeutil import CHINA_TZ
from desktop.store.database import HEAD_REVISION, open_store
from desktop.store.demo_load import load_demo

NOW = datetime(2026, 11, 27, 10, 0, tzinfo=CHINA_TZ)
"""The moment every store benchmark looks at its demo store from."""
SEED = 1
FULL_CLUES = 100_000
"""The size of the store every target is set for (DESIGN.md, "Where the bar is")."""
QUICK_CLUES = 3_000
"""The size of a smoke run (`python -m bench --quick`)."""


def store_size(quick: bool) -> int:
    """How many clues the shared demo store of a full or a quick run holds."""
    return QUICK_CLUES if quick else FULL_CLUES


@dataclass(frozen=True)
class DemoStore:
    """A generated demo store: its data folder, its size and how long generating it took."""

    folder: Path
    clues: int
    generation_s: float


_stores: dict[int, DemoStore] = {}
_scratch: list[tempfile.TemporaryDirectory[str]] = []


def demo_store(clues: int) -> DemoStore:
    """The demo store of `clues` clues (seed 1, seen at NOW) for this process's run.

    Generated on first use in a folder under the system's temporary directory (named by
    size, seed and schema revision), then handed to every bench that asks for the same size;
    `release` deletes the folders (at the latest when the process exits). A bench only reads
    the store it is given.
    """
    found = _stores.get(clues)
    if found is not None:
        return found
    if not _scratch:
        _scratch.append(
            tempfile.TemporaryDirectory(prefix="cluedesk-bench-stores-", ignore_cleanup_errors=True)
        )
    folder = Path(_scratch[0].name) / f"{clues}-seed{SEED}-rev{HEAD_REVISION}"
    store = open_store(folder)
    try:
        start = time.perf_counter()
        load_demo(store, clues, seed=SEED, now=NOW)
        generation_s = time.perf_counter() - start
    finally:
        store.close()
    made = DemoStore(folder, clues, generation_s)
    _stores[clues] = made
    return made


def release() -> None:
    """Delete the demo stores generated so far (the next `demo_store` generates anew)."""
    _stores.clear()
    while _scratch:
        _scratch.pop().cleanup()


atexit.register(release)
