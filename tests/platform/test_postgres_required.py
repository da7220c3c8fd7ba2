"""CLUEDESK_TEST_POSTGRES set means the PostgreSQL tests run: an unreachable database fails
them (PostgresUnreachable from the URL helper), it never turns them into skips."""

from __future__ import annotations

import os

import pytest
from platform_testkit import PG_ENV, PostgresUnreachable, postgres_base_url

CONFIGURED = os.environ.get(PG_ENV, "").strip()
"""The PostgreSQL test database of this run, if any (read before any test changes it)."""


def test_unset_means_no_postgresql(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(PG_ENV, raising=False)
    assert postgres_base_url() is None
    monkeypatch.setenv(PG_ENV, "  ")
    assert postgres_base_url() is None


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://x:y@127.0.0.1:1/none",  # nothing listens on port 1: refused at once
        "postgres://x:y@127.0.0.1:1/none",
        "postgresql+psycopg://x:y@127.0.0.1:1/none",
        "not a database url",
    ],
)
def test_set_but_unreachable_raises_instead_of_skipping(
    monkeypatch: pytest.MonkeyPatch, url: str
) -> None:
    monkeypatch.setenv(PG_ENV, url)
    with pytest.raises(PostgresUnreachable) as raised:
        postgres_base_url()
    message = str(raised.value)
    assert PG_ENV in message
    assert "cannot be used" in message
    assert "y@" not in message  # the password is not echoed


@pytest.mark.skipif(not CONFIGURED, reason=f"{PG_ENV} not set")
def test_a_reachable_database_gives_its_psycopg_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(PG_ENV, CONFIGURED)
    url = postgres_base_url()
    assert url is not None and url.startswith("postgresql+psycopg://")
    assert postgres_base_url() == url  # checked once, then remembered
