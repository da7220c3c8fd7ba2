"""Helpers of the platform tests: a valid register payload, a movable clock, and a
TestClient wrapper that speaks the sync protocol (imported by conftest and the tests)."""

from __future__ import annotations

import itertools
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi.testclient import TestClient

DRAFT = {
    "channel": "hotline_12345",
    "received_at": "2026-11-27T09:00:00+08:00",
    "category": "air",
    "priority": "normal",
    "description": "某化工厂夜间偷排废气，气味刺鼻",
    "address": "连云港市海州区新海街道苍梧路1号",
    "county_code": "320706",
    "township_code": "320706001",
    "reporter_name": "张三",
    "reporter_phone": "13812345678",
}
"""A valid register payload for 海州区 (320706)."""


class Clock:
    """An injectable clock: starts at the tests' NOW and moves only when told."""

    def __init__(self, start: datetime) -> None:
        self.current = start

    def __call__(self) -> datetime:
        return self.current

    def advance(self, **delta: float) -> datetime:
        """Move forward by a timedelta's keyword arguments."""
        self.current += timedelta(**delta)
        return self.current


@dataclass
class Login:
    """A logged-in device: its tokens, headers and action numbering."""

    username: str
    device_id: str
    tokens: dict[str, Any]
    seq: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    @property
    def headers(self) -> dict[str, str]:
        """The Authorization header."""
        return {"Authorization": f"Bearer {self.tokens['access_token']}"}

    def action(
        self, kind: str, clue_code: str, payload: dict[str, Any] | None = None, **extra: Any
    ) -> dict[str, Any]:
        """A push action (`kind` like "sign" becomes clue.sign.v1)."""
        command = kind if kind.startswith("clue.") else f"clue.{kind}.v1"
        return {
            "action_id": extra.pop("action_id", str(uuid.uuid4())),
            "device_seq": next(self.seq),
            "type": command,
            "clue_code": clue_code,
            "payload": payload or {},
            "client_time": "2026-11-27T10:00:00+08:00",
            **extra,
        }


class Api:
    """A TestClient wrapper speaking the protocol."""

    def __init__(self, client: TestClient, url: str) -> None:
        self.client = client
        self.url = url

    def login(self, username: str, device_id: str | None = None) -> Login:
        """Log in with the demo password."""
        device = device_id or f"dev-{username}"
        response = self.client.post(
            "/api/v1/auth/login",
            json={"username": username, "password": "demo1234", "device_id": device},
        )
        assert response.status_code == 200, response.text
        return Login(username, device, response.json())

    def push(self, login: Login, *actions: dict[str, Any]) -> list[dict[str, Any]]:
        """Push actions; the results."""
        response = self.client.post(
            "/api/v1/push",
            json={"device_id": login.device_id, "actions": list(actions)},
            headers=login.headers,
        )
        assert response.status_code == 200, response.text
        results: list[dict[str, Any]] = response.json()["results"]
        return results

    def pull(
        self, login: Login, cursor: str | None = None, limit: int | None = None
    ) -> dict[str, Any]:
        """One page."""
        params: dict[str, Any] = {}
        if cursor:
            params["cursor"] = cursor
        if limit:
            params["limit"] = limit
        response = self.client.get("/api/v1/pull", params=params, headers=login.headers)
        assert response.status_code == 200, response.text
        page: dict[str, Any] = response.json()
        return page

    def pull_all(
        self, login: Login, cursor: str | None = None, limit: int = 1000
    ) -> tuple[list[dict[str, Any]], str]:
        """Every page from `cursor`; the changes and the final cursor."""
        changes: list[dict[str, Any]] = []
        while True:
            page = self.pull(login, cursor, limit)
            changes.extend(page["changes"])
            cursor = page["cursor"]
            if not page["more"]:
                assert cursor is not None
                return changes, cursor

    def clue(self, login: Login, code: str) -> dict[str, Any] | None:
        """The clue object `login` pulls for `code` (None: not in their scope)."""
        changes, _ = self.pull_all(login)
        found = [c["clue"] for c in changes if c["kind"] == "clue" and c["clue"]["code"] == code]
        return found[-1] if found else None

    def register_and_dispatch(
        self,
        dispatcher: Login,
        lead: str = "320706001",
        assisting: tuple[str, ...] = (),
        **draft: Any,
    ) -> str:
        """A new clue of 海州区 registered and dispatched by `dispatcher`; its code."""
        provisional = f"临20261127-{uuid.uuid4().hex[:8].upper()}"
        results = self.push(
            dispatcher,
            dispatcher.action("register", provisional, {**DRAFT, **draft}),
            dispatcher.action(
                "dispatch", provisional, {"lead_unit": lead, "assisting_units": list(assisting)}
            ),
        )
        assert [r["status"] for r in results] == ["applied", "applied"], results
        code: str = results[0]["clue_code"]
        return code


def make_client(url: str, data_dir: Path, clock: Clock, **settings: Any) -> TestClient:
    """A TestClient on a new app with the protocol header set."""
    from cityplatform.app import create_app
    from cityplatform.config import PlatformSettings

    app = create_app(url, data_dir=data_dir, settings=PlatformSettings(clock=clock, **settings))
    return TestClient(app, headers={"X-Cluedesk-Protocol": "1"})


PG_ENV = "CLUEDESK_TEST_POSTGRES"
PG_CONNECT_TIMEOUT_S = 10
"""How long the reachability check waits for the PostgreSQL server to answer."""


class PostgresUnreachable(RuntimeError):
    """CLUEDESK_TEST_POSTGRES is set, but that database cannot be used."""


_reachable: set[str] = set()
"""URLs already found reachable in this process (checked once each)."""


def postgres_base_url() -> str | None:
    """The PostgreSQL test server from CLUEDESK_TEST_POSTGRES, as a psycopg 3 URL.

    None when the variable is unset: the PostgreSQL tests are then skipped. When it is set,
    the database must answer: PostgresUnreachable otherwise, so that the tests fail (a
    collection error) instead of being skipped or silently run on SQLite alone.
    """
    raw = os.environ.get(PG_ENV, "").strip()
    if not raw:
        return None
    url = raw
    for prefix in ("postgresql+psycopg://", "postgresql://", "postgres://"):
        if raw.startswith(prefix):
            url = "postgresql+psycopg://" + raw[len(prefix) :]
            break
    if url not in _reachable:
        _check_reachable(url)
        _reachable.add(url)
    return url


def _check_reachable(url: str) -> None:
    """Connect once and run SELECT 1; PostgresUnreachable with the reason if that fails."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.pool import NullPool

    try:
        engine = create_engine(
            url, poolclass=NullPool, connect_args={"connect_timeout": PG_CONNECT_TIMEOUT_S}
        )
        try:
            with engine.connect() as connection:
                connection.execute(text("SELECT 1"))
        finally:
            engine.dispose()
    except Exception as error:  # any failure to reach or use it: bad URL, refused, auth
        raise PostgresUnreachable(
            f"{PG_ENV} is set, but its PostgreSQL database cannot be used. Start it (.ci/run "
            f"postgres sets one up), or unset {PG_ENV} to skip the PostgreSQL tests. "
            f"{type(error).__name__}: {str(error).strip()}"
        ) from error


def pg_execute(url: str, sql: str) -> None:
    """Run one statement outside a transaction (CREATE / DROP SCHEMA)."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.execute(text(sql))
    finally:
        engine.dispose()


@contextmanager
def pg_schema(base: str, prefix: str) -> Iterator[str]:
    """A fresh PostgreSQL schema of its own for the duration: the URL that uses it."""
    schema = f"{prefix}_{uuid.uuid4().hex[:16]}"
    pg_execute(base, f'CREATE SCHEMA "{schema}"')
    option = quote(f"-csearch_path={schema}", safe="")
    try:
        yield f"{base}{'&' if '?' in base else '?'}options={option}"
    finally:
        pg_execute(base, f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
