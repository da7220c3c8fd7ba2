"""Shared fixtures: a fixed "now", the demo city and stores filled from it; and the check
that the PostgreSQL database of CLUEDESK_TEST_POSTGRES answers when that variable is set."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402
from datetime import datetime  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from desktop.domain.timeutil import CHINA_TZ  # noqa: E402
from desktop.reports.font_cache import CACHE_ENV  # noqa: E402

NOW = datetime(2026, 11, 27, 10, 0, tzinfo=CHINA_TZ)
"""A Friday morning: the instant the demo data and the queue tests are seen from."""

TEST_BACKLOG = 0.5
"""The share of the shared demo data left open: the tests need many open clues of every
status, while the demo's own shape (nearly everything closed) has only a few per cent."""

PG_ENV = "CLUEDESK_TEST_POSTGRES"
"""The PostgreSQL test database (a libpq URL). Unset: the PostgreSQL tests are skipped."""


def postgres_problem(raw: str) -> str | None:
    """Why the PostgreSQL database `raw` (a CLUEDESK_TEST_POSTGRES value) cannot be used;
    None when it answers, or when `raw` is empty (PostgreSQL not asked for)."""
    raw = raw.strip()
    if not raw:
        return None
    import psycopg

    conninfo = raw.replace("postgresql+psycopg://", "postgresql://", 1)
    try:
        with psycopg.connect(conninfo, connect_timeout=10) as connection:
            connection.execute("SELECT 1")
    except Exception as error:  # refused, unknown host, bad password or URL: all the same here
        reason = " ".join(str(error).split()) or type(error).__name__
        return (
            f"{PG_ENV} is set, but its PostgreSQL database cannot be used. Start it (.ci/run "
            f"postgres sets one up), or unset {PG_ENV} to skip the PostgreSQL tests. {reason}"
        )
    return None


def pytest_sessionstart(session: pytest.Session) -> None:
    """With CLUEDESK_TEST_POSTGRES set, stop the whole run at once (exit status 1) when that
    database does not answer: its tests must fail, never be skipped or run on SQLite only."""
    problem = postgres_problem(os.environ.get(PG_ENV, ""))
    if problem is not None:
        pytest.exit(problem, returncode=pytest.ExitCode.TESTS_FAILED)


@pytest.fixture(scope="session", autouse=True)
def font_cache_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Parsed fonts are kept in a folder of the run, not in the user's cache folder (the
    report tests copy fonts to temporary folders, each a font of its own; child processes
    inherit the folder)."""
    folder = tmp_path_factory.mktemp("font-cache")
    before = os.environ.get(CACHE_ENV)
    os.environ[CACHE_ENV] = str(folder)
    yield folder
    if before is None:
        os.environ.pop(CACHE_ENV, None)
    else:
        os.environ[CACHE_ENV] = before


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
    """A data directory holding the demo city with 3,000 clues, half of them open (built
    once, read-only)."""
    from desktop.store.database import open_store
    from desktop.store.demo_load import load_demo

    folder = tmp_path_factory.mktemp("demo-store")
    store = open_store(folder)
    load_demo(store, 3000, seed=7, now=NOW, backlog=TEST_BACKLOG)
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


@pytest.fixture
def file_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A keyring for this test (the CI machine has none): tests/keyring_backend.py's
    folder backend, chosen with keyring's own PYTHON_KEYRING_BACKEND, also for the test's
    subprocesses (PYTHONPATH finds the backend). Yields the keyring's folder."""
    import keyring.core
    from keyring_backend import BACKEND, FOLDER_ENV

    folder = tmp_path / "keyring"
    before = keyring.get_keyring()
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", BACKEND)
    monkeypatch.setenv(FOLDER_ENV, str(folder))
    paths = [str(Path(__file__).parent), os.environ.get("PYTHONPATH", "")]
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(p for p in paths if p))
    keyring.core.init_backend()
    assert type(keyring.get_keyring()).__name__ == "FolderKeyring"
    yield folder
    keyring.set_keyring(before)


@pytest.fixture
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No usable keyring at all (keyring's fail backend), as on a bare office PC."""
    import keyring
    from keyring.backends import fail

    before = keyring.get_keyring()
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)
