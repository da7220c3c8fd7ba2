"""Sync with the reference platform on 100,000 clues, each figure beside its floor.

Run: python -m bench.sync_bench [--clues N] [--clients C] [--pull-seconds S] [--json FILE]
     python -m bench.sync_bench --clues 500 --clients 4 --pull-seconds 1   (a quick run)

- initial sync of the whole city (the city office's scope) vs. a bare script fetching the
  same pages, parsing them and bulk-inserting them into SQLite (target ≤ 3 × the floor);
- incremental sync with nothing new (≤ 100 ms) and after 1,000 clues changed (≤ 1.5 s);
- push of 1,000 offline actions (≤ 2 s);
- 50 concurrent clients doing incremental pulls: throughput and p99 latency.
Exits non-zero when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import requests
from sqlalchemy import create_engine, select, text
from sqlalchemy.pool import NullPool

from bench.http_load import LoadResult, closed_loop
from bench.timing import Measure
from cityplatform.launcher import start_platform, stop_platform
from cityplatform.security import FAST_HASHER
from cityplatform.seed import seed_demo
from desktop.demo.city import DEMO_PASSWORD, load_city
from desktop.domain.codes import OPEN_STATUSES, Status
from desktop.domain.timeutil import china_now
from desktop.domain.workflow import Action
from desktop.store.database import Store, open_store
from desktop.store.local_actions import take_action
from desktop.store.models import Clue
from desktop.store.sync_apply import read_state
from desktop.sync.api import PlatformApi
from desktop.sync.auth import login, open_client
from desktop.sync.engine import SyncSummary, run_sync

NOW = china_now()
PAGE = 1000
FULL_CLUES, QUICK_CLUES = 100_000, 300
PROTOCOL = {"X-Cluedesk-Protocol": "1", "Accept-Encoding": "gzip"}
PULLS_A_SECOND = 1000.0
"""The target of 50 clients pulling incrementally on 2 workers: answers a second, at least."""
P99_MS = 100.0
"""…and the 99th percentile of their answers' latency, at most."""


@dataclass
class Figure:
    """One benchmark line."""

    name: str
    seconds: float
    target: str
    ok: bool
    detail: str = ""

    def line(self) -> str:
        """A table line for the report."""
        mark = "ok" if self.ok else "MISSED"
        return f"{self.name:<46} {self.seconds:>9.3f} s  {self.target:<22} {mark}  {self.detail}"


def open_codes(store: Store, count: int, offset: int = 0) -> list[str]:
    """Codes of open, dispatched clues of a store, in code order."""
    with store.session() as session:
        return list(
            session.scalars(
                Clue.__table__.select()
                .with_only_columns(Clue.code)
                .where(Clue.status.in_([s.value for s in OPEN_STATUSES]))
                .where(Clue.status != Status.REGISTERED.value)
                .order_by(Clue.code)
                .offset(offset)
                .limit(count)
            )
        )


class Device:
    """A client data folder logged in to the platform as one user."""

    def __init__(self, folder: Path, base_url: str, username: str) -> None:
        self.store: Store = open_store(folder)
        self.http = open_client(self.store, base_url, username, use_keyring=False)
        login(self.store, self.http, username, DEMO_PASSWORD, "bench")
        self.api = PlatformApi(self.http)
        self.username = username

    def sync(self) -> tuple[float, SyncSummary]:
        """One sync run and its wall time (pull pages even for a first sync: the snapshot
        has a benchmark of its own, bench/snapshot_bench.py)."""
        start = time.perf_counter()
        summary = run_sync(self.store, self.api, page_size=PAGE, snapshot_min_clues=None)
        return time.perf_counter() - start, summary

    def urge(self, count: int, note: str) -> int:
        """Take `count` urge actions offline on open clues of this store."""
        codes = open_codes(self.store, count)
        for code in codes:
            take_action(
                self.store, self.username, "bench", Action.URGE, code, {"note": note}, now=None
            )
        return len(codes)

    def close(self) -> None:
        """Release the store."""
        self.store.close()


def bare_initial_sync(
    base_url: str, token: str, target: Path, cursor: str | None = None
) -> tuple[float, int, int]:
    """The floor: the same pages fetched, parsed and bulk-inserted by a bare script (all the
    changes after `cursor` when one is given: the floor of an incremental sync)."""
    db = sqlite3.connect(target)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute(
        "CREATE TABLE clues (code TEXT PRIMARY KEY, version INTEGER, status TEXT, data TEXT)"
    )
    db.execute("CREATE TABLE events (action_id TEXT PRIMARY KEY, code TEXT, action TEXT, at TEXT)")
    session = requests.Session()
    session.headers.update({**PROTOCOL, "Authorization": f"Bearer {token}"})
    start = time.perf_counter()
    clues = fetched = 0
    while True:
        params: dict[str, str | int] = {"limit": PAGE}
        if cursor:
            params["cursor"] = cursor
        answer = session.get(f"{base_url}/api/v1/pull", params=params, timeout=120)
        answer.raise_for_status()
        fetched += len(answer.content)
        page = answer.json()
        rows: list[tuple[str, int, str, str]] = []
        events: list[tuple[str, str, str, str]] = []
        for change in page["changes"]:
            if change["kind"] != "clue":
                continue
            clue = change["clue"]
            rows.append((clue["code"], clue["version"], clue["status"], json.dumps(clue)))
            events.extend(
                (e["action_id"], clue["code"], e["action"], e["at"]) for e in clue["events"]
            )
        with db:
            db.executemany("INSERT OR REPLACE INTO clues VALUES (?, ?, ?, ?)", rows)
            db.executemany("INSERT OR REPLACE INTO events VALUES (?, ?, ?, ?)", events)
        clues += len(rows)
        cursor = page["cursor"]
        if not page["more"]:
            break
    seconds = time.perf_counter() - start
    db.close()
    return seconds, clues, fetched


def bare_push(base_url: str, device: Device, codes: list[str], note: str) -> float:
    """The floor of a push: the same kind of actions POSTed in batches of 500 by a bare script
    (JSON encoded and decoded, nothing stored), on the same platform."""
    session = requests.Session()
    token = device.http.access_token or ""
    session.headers.update({**PROTOCOL, "Authorization": f"Bearer {token}"})
    actions = [
        {
            "action_id": str(uuid.uuid4()),
            "device_seq": seq,
            "type": Action.URGE.command_type,
            "clue_code": code,
            "payload": {"note": note},
        }
        for seq, code in enumerate(codes, start=1)
    ]
    start = time.perf_counter()
    for first in range(0, len(actions), 500):
        batch: dict[str, Any] = {
            "device_id": device.http.device_id,
            "actions": actions[first : first + 500],
        }
        answer = session.post(f"{base_url}/api/v1/push", json=batch, timeout=120)
        answer.raise_for_status()
        results = answer.json()["results"]
        if any(result["status"] != "applied" for result in results):
            raise RuntimeError(f"floor push not applied: {results[0]}")
    return time.perf_counter() - start


def bare_pull_ms(base_url: str, token: str, cursor: str, repeat: int) -> float:
    """The median time (ms) of one pull request at `cursor` by a bare script, alone."""
    session = requests.Session()
    session.headers.update({**PROTOCOL, "Authorization": f"Bearer {token}"})
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        answer = session.get(
            f"{base_url}/api/v1/pull", params={"cursor": cursor, "limit": str(PAGE)}, timeout=60
        )
        answer.raise_for_status()
        answer.json()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


BENCH_PG_ENV = "CLUEDESK_BENCH_POSTGRES"
"""A PostgreSQL server for the concurrent-clients figure (else CLUEDESK_TEST_POSTGRES's)."""
TEST_PG_ENV = "CLUEDESK_TEST_POSTGRES"


def bench_postgres_url() -> str | None:
    """The PostgreSQL server the concurrent figure runs on (psycopg 3 URL), or None: SQLite."""
    raw = (os.environ.get(BENCH_PG_ENV) or os.environ.get(TEST_PG_ENV) or "").strip()
    if not raw:
        return None
    for prefix in ("postgresql+psycopg://", "postgresql://", "postgres://"):
        if raw.startswith(prefix):
            return "postgresql+psycopg://" + raw[len(prefix) :]
    return raw


def _pg_execute(url: str, sql: str) -> None:
    engine = create_engine(url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    try:
        with engine.connect() as connection:
            connection.execute(text(sql))
    finally:
        engine.dispose()


@contextmanager
def postgres_schema(base: str) -> Iterator[str]:
    """A fresh schema of the PostgreSQL server for the duration: the URL that uses it."""
    schema = f"bench_{uuid.uuid4().hex[:12]}"
    _pg_execute(base, f'CREATE SCHEMA "{schema}"')
    option = quote(f"-csearch_path={schema}", safe="")
    try:
        yield f"{base}{'&' if '?' in base else '?'}options={option}"
    finally:
        _pg_execute(base, f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


def pulling_users(db_url: str, count: int) -> list[str]:
    """`count` user names to pull as, one login each: the demo accounts (but the
    administrator) first, then the city's other users in name order, round again if short."""
    from cityplatform.db import open_database
    from cityplatform.models import User

    db = open_database(db_url)
    try:
        with db.read() as session:
            names = list(
                session.scalars(
                    select(User.username).where(User.disabled.is_(False)).order_by(User.username)
                )
            )
    finally:
        db.dispose()
    accounts = load_city().demo_accounts()
    first = [u.username for key, u in accounts.items() if key != "admin" and u.username in names]
    others = [n for n in names if n not in first and n != accounts["admin"].username]
    pool = first + others
    return [pool[i % len(pool)] for i in range(count)]


def head_cursors(db_url: str, tokens: dict[str, str]) -> dict[str, str]:
    """For each user's token, the cursor at the head of the feed (nothing new to pull)."""
    from cityplatform.db import open_database
    from cityplatform.models import User
    from cityplatform.pull import Cursor
    from cityplatform.state import CHANGE_SEQ, INSTANCE_ID, counter_value, get_setting

    db = open_database(db_url)
    try:
        with db.read() as session:
            head = counter_value(session, CHANGE_SEQ)
            instance = get_setting(session, INSTANCE_ID)
            epochs = {n: e for n, e in session.execute(select(User.username, User.scope_epoch))}
    finally:
        db.dispose()
    return {
        token: Cursor(head, int(epochs[name]), instance).encode() for token, name in tokens.items()
    }


def log_in(base_url: str, username: str, device: str) -> str:
    """An access token of `username` on a device of its own."""
    answer = requests.post(
        f"{base_url}/api/v1/auth/login",
        json={
            "username": username,
            "password": DEMO_PASSWORD,
            "device_id": device,
            "device_name": "bench",
        },
        headers=PROTOCOL,
        timeout=60,
    )
    answer.raise_for_status()
    return str(answer.json()["access_token"])


@dataclass(frozen=True)
class LoadFigures:
    """The concurrent figure: pulls and /health under the same load, rounds' medians."""

    database: str
    clients: int
    pull: LoadResult
    health: LoadResult


def _median_result(results: list[LoadResult]) -> LoadResult:
    """The round whose rate is the median (its p99 with it)."""
    ordered = sorted(results, key=lambda r: r.per_second)
    return ordered[len(ordered) // 2]


def concurrent_load(
    base_url: str, db_url: str, clients: int, seconds: float, rounds: int = 3
) -> LoadFigures:
    """`clients` keep-alive clients, each a login of its own, pulling incrementally at the head
    of the feed for `seconds`, beside the same clients asking /health (the floor: HTTP, the
    framework and one database round trip, without our pull); rounds alternate, medians kept."""
    users = pulling_users(db_url, clients)
    tokens = {
        log_in(base_url, name, f"bench-load-{index:03d}"): name for index, name in enumerate(users)
    }
    cursors = head_cursors(db_url, tokens)
    pulls = [
        (
            {"cursor": cursors[token], "limit": str(PAGE)},
            {**PROTOCOL, "Authorization": f"Bearer {token}"},
        )
        for token in tokens
    ]
    healths: list[tuple[dict[str, str] | None, dict[str, str]]] = [
        (None, dict(PROTOCOL)) for _ in tokens
    ]
    pulled: list[LoadResult] = []
    floor: list[LoadResult] = []
    for _ in range(rounds):
        floor.append(closed_loop(base_url, "/health", healths, seconds))
        pulled.append(closed_loop(base_url, "/api/v1/pull", pulls, seconds))
    for result in (*pulled, *floor):
        if result.errors:
            raise RuntimeError(f"concurrent requests failed: {result.first_error}")
    database = "PostgreSQL" if db_url.startswith("postgresql") else "SQLite"
    return LoadFigures(database, clients, _median_result(pulled), _median_result(floor))


def _timed(work: Callable[[], Any]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def run(
    clues: int, folder: Path, clients: int = 50, pull_seconds: float = 10.0
) -> tuple[list[Figure], dict[str, Any]]:
    """Seed a platform, start it, and measure the sync figures."""
    accounts = load_city().demo_accounts()
    db_url = f"sqlite:///{folder / 'platform.sqlite3'}"
    pg_url = bench_postgres_url()
    seeding = _timed(lambda: seed_demo(db_url, clues, seed=1, now=NOW, hasher=FAST_HASHER))
    base_url, process = start_platform(db_url, folder / "platform", workers=2, access_log=False)
    figures: list[Figure] = []
    facts: dict[str, Any] = {"clues": clues, "seed_seconds": round(seeding, 1)}
    try:
        city = Device(folder / "city", base_url, accounts["city"].username)
        initial, summary = city.sync()
        facts["initial_pulled"] = summary.pulled_clues
        token = city.http.access_token or ""
        floor, floor_clues, fetched = bare_initial_sync(base_url, token, folder / "floor.sqlite3")
        facts["floor_clues"], facts["fetched_bytes"] = floor_clues, fetched
        facts["initial_floor_seconds"] = round(floor, 3)
        ratio = initial / floor
        figures.append(
            Figure(
                "initial sync of the city's clues",
                initial,
                "≤ 3 × floor",
                ratio <= 3.0,
                f"floor {floor:.1f} s, ratio {ratio:.2f}, {summary.pulled_clues} clues",
            )
        )

        quiet = statistics.median(city.sync()[0] for _ in range(5))
        head = str(read_state(city.store, "cursor") or "")
        facts["quiet_floor_seconds"] = bare_pull_ms(base_url, token, head, 5) / 1000
        figures.append(
            Figure(
                "incremental sync, nothing new (median of 5)", quiet, "≤ 0.100 s", quiet <= 0.100
            )
        )

        county = Device(folder / "county", base_url, accounts["county"].username)
        county.sync()
        changed = county.urge(1000, "请抓紧办理并按时反馈")
        county.sync()
        before = str(read_state(city.store, "cursor") or "")
        after_changes, summary = city.sync()
        changes_floor = bare_initial_sync(base_url, token, folder / "floor-changes.sqlite3", before)
        facts["changed_floor_seconds"] = round(changes_floor[0], 3)
        facts["changed"], facts["changed_pulled"] = changed, summary.pulled_clues
        figures.append(
            Figure(
                f"incremental sync after {changed} changed clues",
                after_changes,
                "≤ 1.5 s",
                after_changes <= 1.5 and summary.pulled_clues >= changed,
                f"{summary.pulled_clues} clues pulled",
            )
        )

        taken = city.urge(1000, "市攻坚办督办：限期办结")
        pushing, summary = city.sync()
        bare = Device(folder / "bare", base_url, accounts["city"].username)
        facts["pushed"], facts["push_applied"] = taken, summary.applied
        others = open_codes(city.store, taken, offset=taken)
        if len(others) < taken:  # a small store: the floor urges the same clues once more
            others = open_codes(city.store, taken)
        push_floor = bare_push(base_url, bare, others, "市攻坚办督办：限期办结")
        bare.close()
        city.sync()  # the floor's changes pulled too: the cursor below is at the head
        facts["push_floor_seconds"] = round(push_floor, 3)
        figures.append(
            Figure(
                f"push of {taken} offline actions (and pull back)",
                pushing,
                "≤ 2 s",
                pushing <= 2.0 and summary.applied == taken,
                f"{summary.applied} applied; floor {push_floor:.2f} s "
                f"(bare POSTs), ratio {pushing / push_floor:.2f}",
            )
        )

        if pg_url is None:
            load = concurrent_load(base_url, db_url, clients, pull_seconds)
        county.close()
        city.close()
    finally:
        stop_platform(process)
    if pg_url is not None:
        load = _postgres_load(pg_url, clues, folder, clients, pull_seconds)
    facts.update(load_facts(load))
    figures += load_lines(load, pull_seconds)
    return figures, facts


def _postgres_load(
    pg_url: str, clues: int, folder: Path, clients: int, seconds: float
) -> LoadFigures:
    """The concurrent figure on a fresh PostgreSQL schema seeded like the SQLite platform."""
    with postgres_schema(pg_url) as url:
        seed_demo(url, clues, seed=1, now=NOW, hasher=FAST_HASHER)
        base_url, process = start_platform(url, folder / "pg-platform", workers=2, access_log=False)
        try:
            return concurrent_load(base_url, url, clients, seconds)
        finally:
            stop_platform(process)


def load_facts(load: LoadFigures) -> dict[str, Any]:
    """The concurrent figure's facts for the JSON report."""
    pull, health = load.pull, load.health
    return {
        "concurrent_database": load.database,
        "concurrent_clients": load.clients,
        "concurrent_requests": pull.requests,
        "concurrent_rps": round(pull.per_second, 1),
        "concurrent_p50_ms": round(pull.p50_ms, 2),
        "concurrent_p99_ms": round(pull.p99_ms, 2),
        "health_requests": health.requests,
        "health_rps": round(health.per_second, 1),
        "health_p99_ms": round(health.p99_ms, 2),
    }


def load_lines(load: LoadFigures, seconds: float) -> list[Figure]:
    """The concurrent figure's two report lines: rate and p99, each beside /health's."""
    pull, health = load.pull, load.health
    where = f"{load.clients} clients on {load.database}"
    return [
        Figure(
            f"{where}: incremental pulls a second",
            seconds,
            "≥ 1000/s",
            pull.per_second >= PULLS_A_SECOND,
            f"{pull.per_second:.0f}/s ({pull.requests} in {pull.seconds:.1f} s); "
            f"floor /health {health.per_second:.0f}/s",
        ),
        Figure(
            f"{where}: p99 of an incremental pull",
            pull.p99_ms / 1000,
            "≤ 0.100 s",
            pull.p99_ms <= P99_MS,
            f"p50 {pull.p50_ms:.1f} ms; floor /health p99 {health.p99_ms:.1f} ms",
        ),
    ]


def figures(quick: bool) -> list[Measure]:
    """The sync figures, each beside its floor: bare HTTP scripts against the same platform."""
    clues, clients, seconds = (QUICK_CLUES, 4, 1.0) if quick else (FULL_CLUES, 50, 10.0)
    with tempfile.TemporaryDirectory(
        prefix="cluedesk-sync-bench-", ignore_cleanup_errors=True
    ) as folder:
        found, facts = run(clues, Path(folder), clients, seconds)
    initial, quiet, changed, push = (f.seconds * 1000 for f in found[:4])
    initial_floor = facts["initial_floor_seconds"] * 1000
    where = facts["concurrent_database"]
    return [
        Measure(
            "initial sync of the city's clues (target 3 × floor)",
            initial,
            initial_floor,
            3 * initial_floor,
            facts["initial_pulled"],
        ),
        Measure(
            "incremental sync, nothing new (median of 5)",
            quiet,
            facts["quiet_floor_seconds"] * 1000,
            100.0,
        ),
        Measure(
            "incremental sync after changed clues (1,000 in a full run)",
            changed,
            facts["changed_floor_seconds"] * 1000,
            1500.0,
            facts["changed_pulled"],
        ),
        Measure(
            "push of offline actions (1,000 in a full run) and pull back",
            push,
            facts["push_floor_seconds"] * 1000,
            2000.0,
            facts["pushed"],
        ),
        Measure(
            f"concurrent clients pulling on {where} (50 in a full run): pulls a second",
            facts["concurrent_rps"],
            facts["health_rps"],
            PULLS_A_SECOND,
            facts["concurrent_requests"],
            unit="req/s",
            better="higher",
        ),
        Measure(
            f"concurrent clients pulling on {where} (50 in a full run): p99 latency",
            facts["concurrent_p99_ms"],
            facts["health_p99_ms"],
            P99_MS,
            facts["concurrent_requests"],
        ),
    ]


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; non-zero exit when a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clues", type=int, default=FULL_CLUES)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--pull-seconds", type=float, default=10.0)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="cluedesk-sync-bench-") as folder:
        figures, facts = run(args.clues, Path(folder), args.clients, args.pull_seconds)
    print(
        f"platform seeded with {facts['clues']} clues in {facts['seed_seconds']} s; "
        f"{facts['fetched_bytes'] / 1e6:.0f} MB of pull answers (decoded; gzip on the wire)"
    )
    for figure in figures:
        print(figure.line())
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(
            json.dumps(
                {"facts": facts, "figures": [f.__dict__ for f in figures]},
                ensure_ascii=False,
                indent=1,
            ),
            encoding="utf-8",
        )
    missed = [f.name for f in figures if not f.ok]
    if missed:
        print("missed: " + ", ".join(missed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
