"""The demo platform of `cluedesk --demo`: a SQLite platform seeded once in a data folder."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from desktop.domain.timeutil import china_now

DEMO_CLUES = 5000
DB_FILE = "platform.sqlite3"
MARKER = "seeded.json"


def demo_database_url(folder: Path) -> str:
    """The SQLite URL of the demo platform kept in `folder`."""
    return f"sqlite:///{Path(folder) / DB_FILE}"


def is_seeded(folder: Path) -> bool:
    """Whether `folder` holds a completely seeded demo platform."""
    return (Path(folder) / MARKER).is_file() and (Path(folder) / DB_FILE).is_file()


def ensure_demo_platform(
    folder: Path,
    *,
    clues: int = DEMO_CLUES,
    now: datetime | None = None,
    progress: Callable[[int], None] | None = None,
) -> str:
    """Seed the demo platform in `folder` unless it is already there; returns its database URL.

    The folder is also the platform's data folder (`cluedesk-platform serve --data-dir`):
    the evidence files the demo clues cite go into its attachment store. An interrupted
    seeding (a database without the marker) is thrown away and done again.
    """
    from cityplatform.seed import seed_demo

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    url = demo_database_url(folder)
    if is_seeded(folder):
        return url
    for leftover in folder.glob(DB_FILE + "*"):
        leftover.unlink()
    moment = now or china_now()
    seed_demo(url, clues, now=moment, progress=progress, data_dir=folder)
    marker = {"clues": clues, "now": moment.isoformat()}
    (folder / MARKER).write_text(json.dumps(marker), encoding="utf-8")
    return url
