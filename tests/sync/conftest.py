"""The real city platform for end-to-end sync tests, and client devices that talk to it.

`platform` seeds a fresh SQLite platform database with `cityplatform.seed.seed_demo` (fast
password hashing) and runs a real `cluedesk-platform serve` on a free loopback port with
`cityplatform.launcher.start_platform`, stopped with `stop_platform` at teardown. Nothing of
the platform is mocked: the client talks HTTP to the real server. The classes live in
`sync_testkit`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sync_testkit import Device, Platform

from cityplatform.launcher import LOG_NAME, start_platform, stop_platform
from cityplatform.security import FAST_HASHER
from cityplatform.seed import seed_demo
from desktop.domain.timeutil import china_now

SEED_CLUES = 300
SEED_BACKLOG = 0.5
"""The share of the seeded clues left open (the demo's own shape has only a few per cent)."""
CLIENT_ENV = {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
"""Subprocess clients keep tokens in their 0600 file, never in the tester's keyring."""


@pytest.fixture
def platform(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Platform]:
    """A freshly seeded platform server on a loopback port (one per test)."""
    folder = tmp_path_factory.mktemp("platform")
    db_url = f"sqlite:///{folder / 'platform.sqlite3'}"
    now = china_now().replace(second=0, microsecond=0)
    files = folder / "files"
    accounts = seed_demo(
        db_url,
        SEED_CLUES,
        seed=5,
        now=now,
        hasher=FAST_HASHER,
        data_dir=files,
        backlog=SEED_BACKLOG,
    )
    url, process = start_platform(db_url, files, timeout=60)
    try:
        yield Platform(url, db_url, {a.key: a.to_json() for a in accounts}, files / LOG_NAME)
    finally:
        stop_platform(process)


@pytest.fixture
def device(platform: Platform, tmp_path: Path) -> Iterator[Callable[[str], Device]]:
    """Make client devices: `device("county")` gets a new data directory each call."""
    made: list[Device] = []

    def make(key: str) -> Device:
        folder = tmp_path / f"device-{len(made) + 1}-{key}"
        made.append(Device(platform, key, folder))
        return made[-1]

    yield make
    for item in made:
        item.close()


@pytest.fixture
def client_env() -> dict[str, str]:
    """The environment for `cluedesk` subprocesses (file token store, no real keyring)."""
    return {**os.environ, **CLIENT_ENV}
