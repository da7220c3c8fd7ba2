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
import math
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import requests

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
        """One sync run and its wall time."""
        start = time.perf_counter()
        summary = run_sync(self.store, self.api, page_size=PAGE)
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


def concurrent_pulls(
    base_url: str, tokens: list[str], cursor: str, seconds: float
) -> tuple[int, float, float]:
    """Clients pulling incrementally in parallel: (requests, per second, p99 ms)."""
    latencies: list[float] = []
    lock = threading.Lock()
    stop = time.monotonic() + seconds
    errors: list[str] = []

    def client(token: str) -> None:
        session = requests.Session()
        session.headers.update({**PROTOCOL, "Authorization": f"Bearer {token}"})
        mine = []
        while time.monotonic() < stop:
            begin = time.perf_counter()
            answer = session.get(
                f"{base_url}/api/v1/pull", params={"cursor": cursor, "limit": str(PAGE)}, timeout=60
            )
            mine.append((time.perf_counter() - begin) * 1000)
            if answer.status_code != 200:
                errors.append(f"{answer.status_code} {answer.text[:200]}")
                return
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=client, args=(t,)) for t in tokens]
    begin = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - begin
    if errors:
        raise RuntimeError("concurrent pulls failed: " + errors[0])
    latencies.sort()
    p99 = latencies[max(int(len(latencies) * 0.99) - 1, 0)]
    return len(latencies), len(latencies) / elapsed, p99


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
    seeding = _timed(lambda: seed_demo(db_url, clues, seed=1, now=NOW, hasher=FAST_HASHER))
    base_url, process = start_platform(db_url, folder / "platform", workers=2)
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

        cursor = str(read_state(city.store, "cursor") or "")
        tokens = [token] * clients
        count, per_second, p99 = concurrent_pulls(base_url, tokens, cursor, pull_seconds)
        facts["alone_pull_ms"] = round(bare_pull_ms(base_url, token, cursor, 10), 1)
        facts.update(
            {
                "concurrent_requests": count,
                "concurrent_rps": round(per_second, 1),
                "concurrent_p99_ms": round(p99, 1),
            }
        )
        figures.append(
            Figure(
                f"{clients} clients pulling incrementally for {pull_seconds:g} s",
                pull_seconds,
                "reported",
                True,
                f"{count} requests, {per_second:.0f}/s, p99 {p99:.0f} ms",
            )
        )
        county.close()
        city.close()
    finally:
        stop_platform(process)
    return figures, facts


def figures(quick: bool) -> list[Measure]:
    """The sync figures, each beside its floor: bare HTTP scripts against the same platform."""
    clues, clients, seconds = (QUICK_CLUES, 4, 1.0) if quick else (FULL_CLUES, 50, 10.0)
    with tempfile.TemporaryDirectory(
        prefix="cluedesk-sync-bench-", ignore_cleanup_errors=True
    ) as folder:
        found, facts = run(clues, Path(folder), clients, seconds)
    initial, quiet, changed, push, _ = (f.seconds * 1000 for f in found)
    initial_floor = facts["initial_floor_seconds"] * 1000
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
            "concurrent clients pulling (50 in a full run): p99 latency",
            facts["concurrent_p99_ms"],
            facts["alone_pull_ms"],
            math.inf,
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
