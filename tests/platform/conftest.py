"""Fixtures of the platform tests: databases (SQLite, and PostgreSQL when
CLUEDESK_TEST_POSTGRES is set), seeded demo data, an injectable clock, API clients, and
`start_platform` to run a real `cluedesk-platform serve` in a subprocess.

The PostgreSQL tests are skipped only when CLUEDESK_TEST_POSTGRES is unset. Set, its database
must answer: `postgres_base_url` raises PostgresUnreachable otherwise, and loading this module
fails, so the run fails instead of quietly testing SQLite alone.

A sync test starts a real server like this::

    from cityplatform.launcher import start_platform, stop_platform

    base_url, process = start_platform(db_url, data_dir)   # waits for /health
    try:
        ...  # talk to base_url
    finally:
        stop_platform(process)
"""

from __future__ import annotations

import shutil
import warnings
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from cityplatform.launcher import start_platform, stop_platform

warnings.filterwarnings("ignore", message="Using `httpx`", category=UserWarning)

from fastapi.testclient import TestClient  # noqa: E402
from platform_testkit import (  # noqa: E402
    PG_ENV,
    Api,
    Clock,
    make_client,
    pg_schema,
    postgres_base_url,
)


def pytest_configure(config: pytest.Config) -> None:
    """Starlette's TestClient warns that it wants httpx2; the platform tests use httpx."""
    config.addinivalue_line("filterwarnings", "ignore:Using `httpx`:UserWarning")


__all__ = ["start_platform", "stop_platform"]


SEEDED_CLUES = 300
"""Clues in the seeded test database (demo generator, seed 7, now = the tests' NOW)."""

SEEDED_BACKLOG = 0.5
"""The share of the seeded clues left open (the demo's own shape has only a few per cent
open; the tests need open clues of every status)."""


BACKENDS = [
    "sqlite",
    pytest.param(
        "postgresql",
        marks=pytest.mark.skipif(postgres_base_url() is None, reason=f"{PG_ENV} 未设置"),
    ),
]


@pytest.fixture(params=BACKENDS)
def platform_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database: a temporary SQLite file, or a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'platform.sqlite3'}"
        return
    base = postgres_base_url()
    assert base is not None
    with pg_schema(base, "t") as url:
        yield url


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory, now: datetime) -> Path:
    """A seeded SQLite platform database, built once and copied for each test."""
    from cityplatform.security import FAST_HASHER
    from cityplatform.seed import seed_demo

    path = tmp_path_factory.mktemp("platform-template") / "platform.sqlite3"
    seed_demo(
        f"sqlite:///{path}",
        SEEDED_CLUES,
        seed=7,
        now=now,
        hasher=FAST_HASHER,
        backlog=SEEDED_BACKLOG,
    )
    return path


@pytest.fixture
def seeded_url(platform_db_url: str, sqlite_template: Path, now: datetime) -> str:
    """`platform_db_url` holding the demo city and SEEDED_CLUES clues."""
    if platform_db_url.startswith("sqlite:///"):
        shutil.copyfile(sqlite_template, platform_db_url.removeprefix("sqlite:///"))
        return platform_db_url
    from cityplatform.security import FAST_HASHER
    from cityplatform.seed import seed_demo

    seed_demo(
        platform_db_url,
        SEEDED_CLUES,
        seed=7,
        now=now,
        hasher=FAST_HASHER,
        backlog=SEEDED_BACKLOG,
    )
    return platform_db_url


@pytest.fixture
def clock(now: datetime) -> Clock:
    """The platform's clock in API tests."""
    return Clock(now)


@pytest.fixture
def client(seeded_url: str, tmp_path: Path, clock: Clock) -> Iterator[TestClient]:
    """A TestClient on the seeded database."""
    with make_client(seeded_url, tmp_path / "files", clock) as test_client:
        yield test_client


@pytest.fixture
def api(client: TestClient, seeded_url: str) -> Api:
    """Protocol helpers over `client`."""
    return Api(client, seeded_url)


@pytest.fixture
def platform_db(seeded_url: str) -> Iterator[Any]:
    """The seeded database opened directly (cityplatform.db.Database), for checks."""
    from cityplatform.db import open_database

    db = open_database(seeded_url)
    yield db
    db.dispose()


@pytest.fixture
def platform_server(seeded_url: str, tmp_path: Path) -> Iterator[str]:
    """A real `cluedesk-platform serve` (two workers, test hooks on) on the seeded database;
    yields its base URL and stops it afterwards."""
    base_url, process = start_platform(seeded_url, tmp_path / "served-files", workers=2)
    try:
        yield base_url
    finally:
        stop_platform(process)
