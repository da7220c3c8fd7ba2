"""Shared fixtures: a fixed "now", the demo city and stores filled from it."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402
from datetime import datetime  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from desktop.domain.timeutil import CHINA_TZ  # noqa: E402

NOW = datetime(2026, 11, 27, 10, 0, tzinfo=CHINA_TZ)
"""A Friday morning: the instant the demo data and the queue tests are seen from."""


@pytest.fixture(scope="session")
def now() -> datetime:
    """The fixed instant of the tests."""
    return NOW


@pytest.fixture(scope="session")
def demo_city():  # type: ignore[no-untyped-def]
    """The demo city (units and users)."""
    from desktop.demo.city import load_city

    return load_city()


@pytest.fixture(scope="session")
def demo_store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data directory holding the demo city with 3,000 clues (built once, read-only)."""
    from desktop.store.database import open_store
    from desktop.store.demo_load import load_demo

    folder = tmp_path_factory.mktemp("demo-store")
    store = open_store(folder)
    load_demo(store, 3000, seed=7, now=NOW)
    store.close()
    return folder


@pytest.fixture
def demo_store(demo_store_dir: Path):  # type: ignore[no-untyped-def]
    """The shared demo store, opened; do not write to it (use `fresh_store`)."""
    from desktop.store.database import open_store

    store = open_store(demo_store_dir)
    yield store
    store.close()


@pytest.fixture
def fresh_store(tmp_path: Path, demo_city) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """An empty store with the demo city's units and users, for tests that write."""
    from desktop.store.database import open_store
    from desktop.store.demo_load import load_units_and_users

    store = open_store(tmp_path / "data")
    with store.engine.begin() as connection:
        load_units_and_users(connection, demo_city)
    yield store
    store.close()
