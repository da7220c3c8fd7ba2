"""Fault-injection kit of the sync tests, against the real city platform (nothing mocked).

- `PlatformDb`: a seeded platform database (a copy of a SQLite template, or a fresh
  PostgreSQL schema when CLUEDESK_TEST_POSTGRES is set), read directly for the checks.
- `Server`: `cluedesk-platform serve` in a subprocess (test hooks on) on a fixed port, which
  can be stopped and started again on the same database and port, with other settings.
- `FaultProxy`: a loopback HTTP proxy in front of the server, transparent until a fault is
  armed: drop a request, drop the answer after the server processed it, cut an answer
  midway, corrupt a request body. One request per connection, so faults hit exact requests.
- `Device`: a client data directory (store, HTTP client, the actions it took).
- `DirectClient`: a plain HTTP client of an account, for server-side changes and views.
- `check_invariants`: the one check every fault test ends with (store equals the server's
  view; every action applied at most once; none lost).
"""

from __future__ import annotations

import gzip
import itertools
import json
import os
import queue
import re
import shutil
import signal
import socket
import socketserver
import sqlite3
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from random import Random
from typing import Any
from urllib.parse import parse_qsl, quote

import requests
from sqlalchemy import Engine, create_engine, select, text
from sqlalchemy.pool import NullPool

from cityplatform.db import normalize_url
from cityplatform.launcher import free_port, start_platform, stop_platform
from desktop.demo.city import DEMO_PASSWORD, load_city
from desktop.domain.clue import STATE_FIELDS, ClueState
from desktop.domain.codes import DONE_STATUSES, Status
from desktop.domain.timeutil import china_now, to_china
from desktop.domain.validators import ValidationError
from desktop.domain.workflow import Action, ActionRefused, allowed_actions, apply_action
from desktop.store.action_context import action_context
from desktop.store.clue_rows import (
    clue_state,
    load_actor,
    load_calendar,
    load_directory,
    load_rules,
)
from desktop.store.database import Store, open_store
from desktop.store.local_actions import LocalAction, take_action
from desktop.store.models import AssistingUnit, Clue, ClueAttachment, ClueEvent, OutboxAction
from desktop.store.sync_apply import device_id, read_state, sync_problems
from desktop.sync.api import PlatformApi
from desktop.sync.auth import login, open_client
from desktop.sync.engine import SyncRun, SyncSummary
from desktop.sync.http import RetryPolicy

BIN = Path(sys.executable).parent
PLATFORM_CLI = BIN / "cluedesk-platform"
PG_ENV = "CLUEDESK_TEST_POSTGRES"
SEED_CLUES = 300
SEED = 5
SEED_BACKLOG = 0.5
COUNTY = "320706"
TOWNSHIP_UNIT = "320706001"
OTHER_TOWNSHIP = "320706002"
DEPARTMENT_UNIT = "320706901"
FAST_RETRY = RetryPolicy(total=2, backoff_factor=0.05, backoff_max=0.2)
"""Three attempts per idempotent call, quickly (the proxy counts them)."""
WAIT = 30.0
ACCOUNTS = {key: user.username for key, user in load_city().demo_accounts().items()}
"""Demo account key → user name: township xinhai, county haizhou, city, department hzhb, …"""
CJK = re.compile(r"[\u4e00-\u9fff]")


def wait_for(predicate: Callable[[], Any], what: str, timeout: float = WAIT) -> Any:
    """Poll `predicate` until it returns something true; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(0.01)


def draft(subject: str, now: datetime | None = None) -> dict[str, Any]:
    """A valid register payload of 海州区 (county 320706), township 新海街道."""
    moment = now or china_now()
    return {
        "channel": "日常检查",
        "received_at": (moment - timedelta(hours=1)).isoformat(),
        "category": "水",
        "priority": "一般",
        "description": f"巡查发现{subject}排污口有异常排放",
        "address": "海州区新海街道通灌北路88号",
        "county_code": COUNTY,
        "township_code": TOWNSHIP_UNIT,
        "subject_name": subject,
    }


OTHER_COUNTY = "320722"
"""东海县: where the city transfers a clue of 海州区 that is not 海州's."""
PAYLOADS: dict[Action, dict[str, Any]] = {
    Action.SIGN: {},
    Action.RETURN: {"reason": "不属于本单位职责范围"},
    Action.REQUEST_EXTENSION: {"days": 5, "reason": "需要补充监测数据"},
    Action.APPROVE_EXTENSION: {"note": "同意延期"},
    Action.DENY_EXTENSION: {"reason": "时限内可以办结"},
    # Evidence is not the point of the sync tests: an untrue finding needs none.
    Action.REPORT: {
        "result": "现场核查未发现异常排放",
        "finding": "untrue",
        "measures": "已督促企业规范管理排污口",
    },
    Action.SIGNOFF_APPROVE: {"note": "同意上报"},
    Action.SIGNOFF_REJECT: {"reason": "核查结论依据不足，请补充"},
    Action.CALLBACK: {"callback": "satisfied", "note": "举报人对处理结果满意"},
    Action.APPROVE: {"note": "同意办结"},
    Action.REJECT: {"reason": "整改材料不全，请补充"},
    Action.REOPEN: {"reason": "举报人不满意，重新办理"},
    Action.VERIFICATION_FAIL: {"reason": "现场核查仍有排放"},
    Action.URGE: {"note": "请抓紧办理"},
    Action.ASSIST_REPORT: {"note": "已配合现场检查"},
    Action.RETURN_TO_CITY: {"reason": "被反映地点不在本县区"},
    Action.TRANSFER: {"target_county": OTHER_COUNTY, "reason": "属地为东海县"},
    Action.TAKE_OVER: {"reason": "重点线索，市级提级办理"},
    Action.REFUSE: {"ground": "no_facts", "reason": "举报内容无具体违法事实"},
}
DISPATCH_TARGETS = (TOWNSHIP_UNIT, OTHER_TOWNSHIP, DEPARTMENT_UNIT)


def payload_for(
    action: Action, rng: Random | None = None, *, original: str | None = None
) -> dict[str, Any]:
    """A valid payload for `action` (a dispatch picks its lead unit with `rng`; marking a
    duplicate names its `original`)."""
    if action is Action.DISPATCH:
        return {"lead_unit": (rng or Random(0)).choice(DISPATCH_TARGETS)}
    if action is Action.MARK_DUPLICATE:
        assert original is not None, "a duplicate names its original"
        return {"original": original, "note": "同一企业同一问题的重复举报"}
    return dict(PAYLOADS[action])


def original_for(clue: ClueState, others: Iterable[ClueState]) -> str | None:
    """The clue `clue` can be marked a duplicate of: another clue of its county that is
    neither a duplicate nor refused, an open one first (then code order); None if none."""
    candidates = sorted(
        (other.status in DONE_STATUSES, other.code)
        for other in others
        if other.code != clue.code
        and other.county_code == clue.county_code
        and other.status not in (Status.DUPLICATE, Status.REFUSED)
        and not other.code.startswith("临")
    )
    return candidates[0][1] if candidates else None


# ---------------------------------------------------------------- the platform database


def _with_schema(url: str, schema: str) -> str:
    option = quote(f"-csearch_path={schema}", safe="")
    joiner = "&" if "?" in url else "?"
    return f"{url}{joiner}options={option}"


def postgres_base_url() -> str | None:
    """The PostgreSQL test server from CLUEDESK_TEST_POSTGRES, as a psycopg 3 URL."""
    raw = os.environ.get(PG_ENV, "").strip()
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


@dataclass
class History:
    """The server's history: every event by action id, duplicates, applied actions."""

    events: dict[str, tuple[str, str, int]]
    """action_id → (clue code, device_id, seq)."""
    duplicates: dict[str, int]
    """action_id → how many history entries it has, where more than one."""
    applied: dict[str, tuple[str, int]]
    """The platform's applied-actions record: action_id → (device_id, seq)."""
    derived: frozenset[str] = frozenset()
    """Entries the platform made itself as a consequence of a pushed action (a duplicate
    closed with its original): they carry the pushing device's id, but no device took them."""

    def of_device(self, device: str) -> set[str]:
        """The action ids in the history that came from `device` (taken on it, not derived)."""
        return {
            aid
            for aid, (_, dev, _) in self.events.items()
            if dev == device and aid not in self.derived
        }


@dataclass
class PlatformDb:
    """A platform database of one test: its URL, and direct reads for the checks."""

    url: str
    schema: str | None = None
    prepared: bool = True
    _engine: Engine | None = field(default=None, repr=False)

    @property
    def backend(self) -> str:
        """The backend: "sqlite" or "postgresql"."""
        return "postgresql" if self.schema else "sqlite"

    @property
    def sqlite_path(self) -> Path:
        """The SQLite file."""
        return Path(self.url.removeprefix("sqlite:///"))

    def engine(self) -> Engine:
        """An engine on the database (no pooling: the server owns the connections)."""
        if self._engine is None:
            self._engine = create_engine(normalize_url(self.url), poolclass=NullPool)
        return self._engine

    def history(self) -> History:
        """Every history entry and applied action of the platform."""
        with self.engine().connect() as connection:
            rows = connection.execute(
                text(
                    "SELECT e.action_id, c.code, e.device_id, e.seq, e.action FROM clue_events e "
                    "JOIN clues c ON c.id = e.clue_id"
                )
            ).all()
            dupes = connection.execute(
                text(
                    "SELECT action_id, COUNT(*) FROM clue_events GROUP BY action_id "
                    "HAVING COUNT(*) > 1"
                )
            ).all()
            applied = connection.execute(
                text("SELECT action_id, device_id, seq FROM applied_actions")
            ).all()
        return History(
            events={r[0]: (r[1], r[2] or "", int(r[3])) for r in rows},
            duplicates={r[0]: int(r[1]) for r in dupes},
            applied={r[0]: (r[1], int(r[2])) for r in applied},
            derived=frozenset(r[0] for r in rows if r[4] == Action.CLOSE_WITH_ORIGINAL.value),
        )

    def scalar(self, sql: str, **params: Any) -> Any:
        """One value of a query on the platform database."""
        with self.engine().connect() as connection:
            return connection.execute(text(sql), params).scalar()

    def writer_busy(self) -> bool:
        """Whether a write transaction holding a change number is open right now.

        SQLite: the database's write lock is taken (writers use BEGIN IMMEDIATE).
        PostgreSQL: a transaction holds the row lock it took updating `counters`.
        """
        if self.schema is None:
            probe = sqlite3.connect(self.sqlite_path, timeout=0, isolation_level=None)
            try:
                probe.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                return "locked" in str(exc)
            else:
                probe.execute("ROLLBACK")
                return False
            finally:
                probe.close()
        held = self.scalar(
            "SELECT COUNT(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = :schema AND c.relname = 'counters' "
            "AND l.mode = 'RowExclusiveLock' AND l.granted",
            schema=self.schema,
        )
        return bool(held)

    def dispose(self) -> None:
        """Close the engine; drop a PostgreSQL schema."""
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
        if self.schema is not None:
            base = postgres_base_url()
            assert base is not None
            _pg_execute(base, f'DROP SCHEMA IF EXISTS "{self.schema}" CASCADE')


def seed_database(url: str) -> None:
    """The demo city and SEED_CLUES clues, seen from now (fast password hashes), with
    SEED_BACKLOG of them open (the demo's own shape has only a few per cent open)."""
    from cityplatform.security import FAST_HASHER
    from cityplatform.seed import seed_demo

    seed_demo(url, SEED_CLUES, seed=SEED, now=china_now(), hasher=FAST_HASHER, backlog=SEED_BACKLOG)


def build_sqlite_template(folder: Path) -> Path:
    """A seeded and prepared SQLite platform database, to be copied for each test."""
    path = folder / "platform.sqlite3"
    db = PlatformDb(f"sqlite:///{path}", prepared=False)
    seed_database(db.url)
    server = Server(db, folder / "template-server")
    server.start()
    try:
        prepare_scope(server)
    finally:
        server.stop()
        db.dispose()
    checkpoint = sqlite3.connect(path)
    try:
        checkpoint.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        checkpoint.close()
    return path


def new_database(backend: str, template: Path, folder: Path) -> PlatformDb:
    """A database for one test: a copy of the template, or a freshly seeded PG schema."""
    if backend == "sqlite":
        path = folder / "platform.sqlite3"
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(template, path)
        return PlatformDb(f"sqlite:///{path}")
    base = postgres_base_url()
    assert base is not None, f"{PG_ENV} 未设置"
    schema = f"t_{uuid.uuid4().hex[:16]}"
    _pg_execute(base, f'CREATE SCHEMA "{schema}"')
    db = PlatformDb(_with_schema(base, schema), schema=schema, prepared=False)
    seed_database(db.url)
    return db


# ---------------------------------------------------------------- plain HTTP clients


class DirectClient:
    """An account on its own device speaking the protocol with plain requests (no store)."""

    def __init__(self, url: str, username: str, device: str | None = None) -> None:
        self.url = url
        self.username = username
        self.device_id = device or f"direct-{username}-{uuid.uuid4().hex[:8]}"
        self.session = requests.Session()
        self.session.headers["X-Cluedesk-Protocol"] = "1"
        self.session.headers["Connection"] = "close"  # no stale connections across restarts
        self.seq = itertools.count(1)
        self.login()

    def login(self) -> None:
        """Log in with the demo password."""
        answer = self.session.post(
            f"{self.url}/api/v1/auth/login",
            json={
                "username": self.username,
                "password": DEMO_PASSWORD,
                "device_id": self.device_id,
                "device_name": "fault test",
            },
            timeout=30,
        )
        assert answer.status_code == 200, answer.text
        self.session.headers["Authorization"] = f"Bearer {answer.json()['access_token']}"

    def call(self, method: str, path: str, **options: Any) -> requests.Response:
        """A call; an expired or invalid access token → log in again, once."""
        options.setdefault("timeout", 60)
        answer = self.session.request(method, self.url + path, **options)
        if answer.status_code == 401:
            self.login()
            answer = self.session.request(method, self.url + path, **options)
        return answer

    def action(self, action: Action, code: str, payload: Mapping[str, Any]) -> dict[str, Any]:
        """A push action of this device."""
        return {
            "action_id": str(uuid.uuid4()),
            "device_seq": next(self.seq),
            "type": action.command_type,
            "clue_code": code,
            "payload": dict(payload),
            "client_time": china_now().isoformat(),
        }

    def push(
        self, *actions: dict[str, Any], headers: Mapping[str, str] | None = None
    ) -> list[dict[str, Any]]:
        """POST /push; the results."""
        answer = self.call(
            "POST",
            "/api/v1/push",
            json={"device_id": self.device_id, "actions": list(actions)},
            headers=dict(headers or {}),
        )
        assert answer.status_code == 200, answer.text
        results: list[dict[str, Any]] = answer.json()["results"]
        return results

    def do(
        self,
        action: Action,
        code: str,
        payload: Mapping[str, Any] | None = None,
        *,
        expect: str | None = "applied",
        headers: Mapping[str, str] | None = None,
    ) -> dict[str, Any]:
        """Push one action; check its status (unless `expect` is None)."""
        body = payload if payload is not None else payload_for(action)
        [result] = self.push(self.action(action, code, body), headers=headers)
        if expect is not None:
            assert result["status"] == expect, result
        return result

    def view(self) -> dict[str, dict[str, Any]]:
        """Every clue the account sees: a full pull from scratch."""
        clues: dict[str, dict[str, Any]] = {}
        cursor: str | None = None
        for _ in range(1000):
            params: dict[str, Any] = {"limit": 1000}
            if cursor:
                params["cursor"] = cursor
            page = self.call("GET", "/api/v1/pull", params=params)
            assert page.status_code == 200, page.text
            data = page.json()
            for change in data["changes"]:
                if change["kind"] == "clue":
                    clues[change["clue"]["code"]] = change["clue"]
                else:
                    clues.pop(change["clue_code"], None)
            cursor = data["cursor"]
            if not data["more"]:
                return clues
        raise AssertionError("the pull never ended")

    def close(self) -> None:
        """Close the session."""
        self.session.close()


# ---------------------------------------------------------------- the server


class Server:
    """`cluedesk-platform serve` on one database and one port, restartable."""

    def __init__(self, db: PlatformDb, folder: Path, port: int | None = None) -> None:
        self.db = db
        self.folder = folder
        self.port = port or free_port()
        self.process: subprocess.Popen[bytes] | None = None
        self.clients: dict[str, DirectClient] = {}
        self.starts = 0

    @property
    def url(self) -> str:
        """The server's own URL (not through the proxy)."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def log_path(self) -> Path:
        """The server's output, across restarts."""
        return self.folder / "files" / "platform-serve.log"

    def start(self, env: Mapping[str, str] | None = None, workers: int = 1) -> None:
        """Start serving (and wait for /health); `env` adds settings (e.g. a fake clock)."""
        assert self.process is None or self.process.poll() is not None, "already running"
        _, self.process = start_platform(
            self.db.url, self.folder / "files", port=self.port, workers=workers, env=env
        )
        self.starts += 1

    def stop(self) -> None:
        """Stop serving (SIGTERM to the server's process group, waited for)."""
        if self.process is not None:
            stop_platform(self.process)

    def restart(self, env: Mapping[str, str] | None = None) -> None:
        """Stop, then start again on the same database and port."""
        self.stop()
        self.start(env)

    def client(self, key: str) -> DirectClient:
        """A logged-in plain client of a demo account ("county", "city", …), reused."""
        if key not in self.clients:
            self.clients[key] = DirectClient(self.url, ACCOUNTS.get(key, key))
        return self.clients[key]

    def view(self, username: str) -> dict[str, dict[str, Any]]:
        """The server's view of a user's scope, pulled from scratch on an inspector device."""
        return self.client(username).view()

    def cli(self, *args: str) -> subprocess.CompletedProcess[str]:
        """A `cluedesk-platform` admin command on this server's database."""
        command, *rest = args
        if command == "user":
            argv = [str(PLATFORM_CLI), "user", rest[0], "--db", self.db.url, *rest[1:]]
        else:
            argv = [str(PLATFORM_CLI), command, "--db", self.db.url, *rest]
        result = subprocess.run(argv, capture_output=True, text=True, timeout=120, check=False)
        assert result.returncode == 0, result.stdout + result.stderr
        return result

    def close(self) -> None:
        """Stop the server, close the clients."""
        for client in self.clients.values():
            client.close()
        self.clients.clear()
        self.stop()


def prepare_scope(server: Server) -> None:
    """Give the township work: new clues dispatched to 新海街道 (some signed, one reported),
    one where it assists, two left registered, the seeded dispatched ones the county owns
    re-dispatched to it."""
    county = server.client("county")
    township = server.client("township")
    regs = [county.action(Action.REGISTER, f"临PREP-{i}", draft(f"准备线索{i}")) for i in range(9)]
    codes = [r["clue_code"] for r in county.push(*regs)]
    assert all(not code.startswith("临") for code in codes), codes
    dispatches = [
        county.action(Action.DISPATCH, code, {"lead_unit": TOWNSHIP_UNIT}) for code in codes[:6]
    ]
    dispatches.append(
        county.action(
            Action.DISPATCH,
            codes[6],
            {"lead_unit": OTHER_TOWNSHIP, "assisting_units": [TOWNSHIP_UNIT]},
        )
    )
    seeded = [
        code
        for code, clue in sorted(county.view().items())
        if clue["status"] == "dispatched"
        and clue["lead_unit"] != TOWNSHIP_UNIT
        and (clue["owner_unit"] or clue["county_code"]) == COUNTY  # only the owner dispatches
    ]
    dispatches += [
        county.action(Action.DISPATCH, code, {"lead_unit": TOWNSHIP_UNIT}) for code in seeded
    ]
    results = county.push(*dispatches)
    assert {r["status"] for r in results} == {"applied"}, results
    signs = [township.action(Action.SIGN, code, {}) for code in codes[:3]]
    signs.append(township.action(Action.REPORT, codes[0], PAYLOADS[Action.REPORT]))
    results = township.push(*signs)
    assert {r["status"] for r in results} == {"applied"}, results
    server.db.prepared = True


# ---------------------------------------------------------------- the proxy


@dataclass
class Fault:
    """A fault armed on the proxy for matching requests: `kind` is drop_request,
    drop_response, cut_response, corrupt_body or corrupt_response (a byte of the answer's
    body flipped); the first `after` matches pass, then
    `times` matches (None: every one while armed) get the fault."""

    kind: str
    method: str
    path: str
    after: int = 0
    times: int | None = 1
    query: Mapping[str, str] | None = None
    seen: int = 0
    fired: int = 0

    def take(self, method: str, path: str, query: Mapping[str, str]) -> bool:
        """Whether this request gets the fault (counts the match)."""
        if method != self.method or not path.startswith(self.path):
            return False
        if self.query and any(query.get(k) != v for k, v in self.query.items()):
            return False
        self.seen += 1
        if self.seen <= self.after:
            return False
        if self.times is not None and self.fired >= self.times:
            return False
        self.fired += 1
        return True


@dataclass(frozen=True)
class Seen:
    """A request the proxy relayed (or not): status and error code of the server's answer."""

    method: str
    path: str
    query: dict[str, str]
    status: int | None
    code: str | None
    fault: str | None


def _read_head(sock: socket.socket) -> tuple[bytes, bytes] | None:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            return None
        data += chunk
        if len(data) > 1 << 20:
            raise ValueError("head too large")
    head, _, rest = data.partition(b"\r\n\r\n")
    return head, rest


def _error_code(response: bytes) -> tuple[int | None, str | None]:
    head, _, body = response.partition(b"\r\n\r\n")
    try:
        status = int(head.split(b" ", 2)[1])
    except (IndexError, ValueError):
        return None, None
    if status < 400:
        return status, None
    try:
        if b"content-encoding: gzip" in head.lower():
            body = gzip.decompress(body)
        error = json.loads(body).get("error") or {}
        return status, str(error.get("code") or "")
    except (ValueError, OSError, AttributeError):
        return status, None


class _Relay(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True
    proxy: FaultProxy


class _Handler(socketserver.BaseRequestHandler):
    def handle(self) -> None:
        server = self.server
        assert isinstance(server, _Relay)
        server.proxy.relay(self.request)


class FaultProxy:
    """A loopback HTTP/1.1 proxy to the server's port; faults are armed per request."""

    def __init__(self, upstream_port: int) -> None:
        self.upstream_port = upstream_port
        self._server = _Relay(("127.0.0.1", 0), _Handler)
        self._server.proxy = self
        self.port = int(self._server.server_address[1])
        self._lock = threading.Lock()
        self.faults: list[Fault] = []
        self.log: list[Seen] = []
        self.in_flight: dict[tuple[str, str], int] = {}
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        """The URL clients use."""
        return f"http://127.0.0.1:{self.port}"

    def arm(
        self,
        kind: str,
        method: str,
        path: str,
        *,
        after: int = 0,
        times: int | None = 1,
        query: Mapping[str, str] | None = None,
    ) -> Fault:
        """Arm a fault (see `Fault`)."""
        fault = Fault(kind, method, path, after, times, query)
        with self._lock:
            self.faults.append(fault)
        return fault

    def clear(self) -> None:
        """Disarm every fault."""
        with self._lock:
            self.faults.clear()

    def mark(self) -> int:
        """A position in the log, for `since`."""
        with self._lock:
            return len(self.log)

    def since(self, mark: int, method: str | None = None, path: str = "") -> list[Seen]:
        """The requests relayed after `mark`, optionally of one method and path prefix."""
        with self._lock:
            seen = self.log[mark:]
        return [
            s for s in seen if (method is None or s.method == method) and s.path.startswith(path)
        ]

    def busy(self, method: str, path: str) -> int:
        """How many such requests are with the server right now."""
        with self._lock:
            return sum(n for (m, p), n in self.in_flight.items() if m == method and p == path)

    def _fault_for(self, method: str, path: str, query: Mapping[str, str]) -> str | None:
        with self._lock:
            for fault in self.faults:
                if fault.take(method, path, query):
                    return fault.kind
        return None

    def _record(self, seen: Seen) -> None:
        with self._lock:
            self.log.append(seen)

    def relay(self, client: socket.socket) -> None:
        """Relay one request on `client` to the server, applying an armed fault."""
        client.settimeout(120)
        try:
            got = _read_head(client)
            if got is None:
                return
            head, body = got
            lines = head.split(b"\r\n")
            method, target, _ = lines[0].decode("latin-1").split(" ", 2)
            headers = [line for line in lines[1:] if line]
            length = 0
            for line in headers:
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value.strip())
            while len(body) < length:
                chunk = client.recv(min(1 << 20, length - len(body)))
                if not chunk:
                    return
                body += chunk
        except (OSError, ValueError):
            return
        path, _, raw_query = target.partition("?")
        query = dict(parse_qsl(raw_query))
        fault = self._fault_for(method, path, query)
        if fault == "drop_request":
            self._record(Seen(method, path, query, None, None, fault))
            return
        if fault == "corrupt_body" and body:
            middle = len(body) // 2
            body = body[:middle] + bytes([body[middle] ^ 0x5A]) + body[middle + 1 :]
        kept = [
            line
            for line in headers
            if line.partition(b":")[0].strip().lower()
            not in (b"connection", b"keep-alive", b"proxy-connection")
        ]
        request = b"\r\n".join([lines[0], *kept, b"Connection: close", b"", b""]) + body
        key = (method, path)
        with self._lock:
            self.in_flight[key] = self.in_flight.get(key, 0) + 1
        try:
            response = self._forward(request)
        finally:
            with self._lock:
                self.in_flight[key] -= 1
        if response is None:  # the server is down: the client sees a closed connection
            self._record(Seen(method, path, query, None, None, "server_down"))
            return
        status, code = _error_code(response)
        self._record(Seen(method, path, query, status, code, fault))
        try:
            if fault == "drop_response":
                return
            if fault == "corrupt_response":  # one byte of the body flipped, length kept
                head_end = response.index(b"\r\n\r\n") + 4
                middle = head_end + (len(response) - head_end) // 2
                response = (
                    response[:middle] + bytes([response[middle] ^ 0x5A]) + response[middle + 1 :]
                )
            if fault == "cut_response":
                head_end = response.index(b"\r\n\r\n") + 4
                half = head_end + (len(response) - head_end) // 2
                client.sendall(response[:half])
                return
            client.sendall(response)
        except OSError:
            return

    def _forward(self, request: bytes) -> bytes | None:
        try:
            upstream = socket.create_connection(("127.0.0.1", self.upstream_port), timeout=5)
        except OSError:
            return None
        with upstream:
            upstream.settimeout(120)
            try:
                upstream.sendall(request)
                parts = []
                while chunk := upstream.recv(1 << 20):
                    parts.append(chunk)
            except OSError:
                return None
        response = b"".join(parts)
        return response or None

    def close(self) -> None:
        """Stop relaying."""
        self._server.shutdown()
        self._server.server_close()


# ---------------------------------------------------------------- client devices


class Device:
    """A client device: its data directory, store and HTTP client, for one account.

    It talks to `url` (the proxy) and remembers every action it took (`taken`).
    """

    def __init__(self, url: str, key: str, data_dir: Path) -> None:
        self.url = url
        self.key = key
        self.username = ACCOUNTS.get(key, key)
        self.data_dir = data_dir
        self.taken: list[str] = []
        self.open()

    def open(self) -> None:
        """Open the store and a new HTTP client (tokens from the data directory)."""
        self.store: Store = open_store(self.data_dir)
        self.http = open_client(
            self.store, self.url, self.username, retry=FAST_RETRY, use_keyring=False
        )

    def close(self) -> None:
        """Close the HTTP client and the store."""
        self.http.close()
        self.store.close()

    def reopen(self) -> None:
        """Close and open again (a restarted client: no access token in memory)."""
        self.close()
        self.open()

    @property
    def device_id(self) -> str:
        """This device's id."""
        return device_id(self.store)

    def login(self) -> None:
        """Log in with the demo password."""
        login(self.store, self.http, self.username, DEMO_PASSWORD, f"fault-{self.key}")

    def ensure_login(self) -> None:
        """Log in unless a refresh token is saved."""
        if self.http.access_token is None and self.http.tokens is not None:
            if self.http.tokens.load(self.http.server_url, self.username) is None:
                self.login()

    def api(self) -> PlatformApi:
        """The typed API on this device's HTTP client."""
        return PlatformApi(self.http)

    def sync(self, **options: Any) -> SyncSummary:
        """One sync run (logging in first if needed); SyncRun options (clock, progress, …)."""
        self.ensure_login()
        return SyncRun(self.store, self.api(), **options).run()

    def act(
        self,
        action: Action,
        code: str | None,
        payload: Mapping[str, Any] | None = None,
        *,
        now: datetime | None = None,
    ) -> LocalAction:
        """Take an action offline on this device."""
        body = payload if payload is not None else payload_for(action)
        taken = take_action(
            self.store, self.username, self.device_id, action, code, dict(body), now=now
        )
        self.taken.append(taken.action_id)
        return taken

    def cursor(self) -> str | None:
        """The stored pull cursor."""
        value = read_state(self.store, "cursor")
        return str(value) if value is not None else None

    def codes(self, *statuses: str, lead: str | None = None) -> list[str]:
        """Codes of clues in the store (with these statuses, led by `lead`), in code order."""
        statement = select(Clue.code).order_by(Clue.code)
        if statuses:
            statement = statement.where(Clue.status.in_(statuses))
        if lead is not None:
            statement = statement.where(Clue.lead_unit == lead)
        with self.store.session() as session:
            return list(session.scalars(statement))

    def row(self, code: str) -> Clue | None:
        """The clue row (local view) with `code`."""
        with self.store.session() as session:
            return session.scalars(select(Clue).where(Clue.code == code)).one_or_none()

    def outbox(self, state: str | None = None) -> list[OutboxAction]:
        """Outbox rows in order (of one state: pending or rejected)."""
        statement = select(OutboxAction).order_by(OutboxAction.seq)
        if state is not None:
            statement = statement.where(OutboxAction.state == state)
        with self.store.session() as session:
            return list(session.scalars(statement))

    def payload(self, action: Action, code: str, rng: Random | None = None) -> dict[str, Any]:
        """`payload_for` an action on a clue of the store (a duplicate's original chosen by
        `original_for` among the store's clues)."""
        if action is not Action.MARK_DUPLICATE:
            return payload_for(action, rng)
        with self.store.session() as session:
            states = [clue_state(session, row) for row in session.scalars(select(Clue))]
        [clue] = [s for s in states if s.code == code]
        return payload_for(action, rng, original=original_for(clue, states))

    def allowed(
        self, now: datetime | None = None, *, statuses: Collection[str] = ()
    ) -> list[tuple[str, Action]]:
        """Every (clue, action) this device's user may take now, in code order (of clues in
        `statuses`, if given): the rules allow it, and they accept the payload `payload`
        gives it (a dry run: e.g. no approval before a required callback or while a
        rectification notice is open, no extension beyond what is left)."""
        moment = to_china(now) if now is not None else china_now()
        found = []
        with self.store.session() as session:
            actor = load_actor(session, self.username, self.device_id)
            rules = load_rules(session)
            calendar = load_calendar(session, rules)
            units = load_directory(session)
            rows = list(session.scalars(select(Clue).order_by(Clue.code)))
            states = {row.code: clue_state(session, row) for row in rows}
            for row in rows:
                if statuses and row.status not in statuses:
                    continue
                state = states[row.code]
                for action in allowed_actions(actor, state, moment, calendar, rules, units):
                    original = None
                    if action is Action.MARK_DUPLICATE:
                        original = original_for(state, states.values())
                        if original is None:
                            continue
                    payload = payload_for(action, original=original)
                    context = action_context(session, action, row.id, moment)
                    try:
                        apply_action(
                            action,
                            actor,
                            state,
                            payload,
                            moment,
                            calendar,
                            rules,
                            units,
                            code=row.code,
                            context=context,
                        )
                    except (ActionRefused, ValidationError):
                        continue
                    found.append((row.code, action))
        return found

    def able(self, action: Action, *statuses: str) -> list[str]:
        """Codes of the clues (in `statuses`, if given) on which this device's user may take
        `action` now with its `payload`, in code order."""
        return [code for code, each in self.allowed(statuses=statuses) if each is action]


# ---------------------------------------------------------------- the invariants


def _instant(value: Any) -> Any:
    if isinstance(value, str) and len(value) >= 19 and value[4:5] == "-" and "T" in value:
        return datetime.fromisoformat(value)
    return value


@dataclass(frozen=True)
class LocalClue:
    """What the check compares of a clue in the store."""

    code: str
    provisional: bool
    version: int
    state: dict[str, Any]
    """The view's workflow fields (or the platform's snapshot, for clues with pending work)."""
    assisting: frozenset[str]
    events: frozenset[str]
    """Action ids of confirmed (not pending) history entries."""
    attachments: frozenset[str]


def local_clues(store: Store, *, from_snapshot: Collection[str] = ()) -> dict[str, LocalClue]:
    """Every clue of the store; clues in `from_snapshot` as the platform last sent them."""
    with store.session() as session:
        assisting: dict[int, set[str]] = {}
        for clue_id, unit in session.execute(
            select(AssistingUnit.clue_id, AssistingUnit.unit_code)
        ):
            assisting.setdefault(clue_id, set()).add(unit)
        events: dict[int, set[str]] = {}
        for clue_id, action_id in session.execute(
            select(ClueEvent.clue_id, ClueEvent.action_id).where(ClueEvent.pending.is_(False))
        ):
            events.setdefault(clue_id, set()).add(action_id)
        files: dict[int, set[str]] = {}
        for clue_id, sha in session.execute(select(ClueAttachment.clue_id, ClueAttachment.sha256)):
            files.setdefault(clue_id, set()).add(sha)
        found = {}
        for row in session.scalars(select(Clue)):
            if row.code in from_snapshot and row.server_state is not None:
                snap = row.server_state
                state = {name: _instant(snap.get(name)) for name in STATE_FIELDS}
                units = frozenset(snap.get("assisting_units") or ())
            else:
                state = {name: getattr(row, name) for name in STATE_FIELDS}
                units = frozenset(assisting.get(row.id, ()))
            found[row.code] = LocalClue(
                code=row.code,
                provisional=row.provisional,
                version=row.server_version,
                state=state,
                assisting=units,
                events=frozenset(events.get(row.id, ())),
                attachments=frozenset(files.get(row.id, ())),
            )
        return found


def _differences(local: dict[str, LocalClue], view: Mapping[str, Mapping[str, Any]]) -> list[str]:
    problems = []
    for code in sorted(set(local) - set(view)):
        problems.append(f"{code}: in the store, not in the server's view")
    for code in sorted(set(view) - set(local)):
        problems.append(f"{code}: in the server's view, not in the store")
    for code in sorted(set(local) & set(view)):
        ours, theirs = local[code], view[code]
        if ours.provisional:
            problems.append(f"{code}: still provisional")
        if ours.version != theirs["version"]:
            problems.append(f"{code}.version: {ours.version} != {theirs['version']}")
        for name in STATE_FIELDS:
            if ours.state[name] != _instant(theirs[name]):
                problems.append(f"{code}.{name}: {ours.state[name]!r} != {theirs[name]!r}")
        if ours.assisting != set(theirs["assisting_units"]):
            problems.append(f"{code}.assisting: {sorted(ours.assisting)} != server")
        server_events = {e["action_id"] for e in theirs["events"]}
        if ours.events != server_events:
            problems.append(
                f"{code}.events: only here {sorted(ours.events - server_events)}, "
                f"only on the server {sorted(server_events - ours.events)}"
            )
        server_files = {a["sha256"] for a in theirs["attachments"]}
        if ours.attachments != server_files:
            problems.append(f"{code}.attachments: {sorted(ours.attachments)} != server")
    return problems


@dataclass
class Checked:
    """What `check_invariants` saw: the server's view and history, the client's problems."""

    view: dict[str, dict[str, Any]]
    history: History
    problems: dict[str, Any]
    pending: list[str]


def check_invariants(
    device: Device,
    server: Server,
    *,
    problems: Collection[str] | None = None,
    pending: Collection[str] = (),
) -> Checked:
    """The invariants after a fault-free sync of `device`.

    1. The store equals the server's view of the user's scope (a full pull from scratch on
       another device): the same codes; per clue status, units, stage times, deadlines,
       version, the set of history action ids and attachments. Clues with pending actions
       (only those in `pending`) are compared by the platform state they were built on.
    2. Every action was applied at most once: no action id twice in the server's history,
       every applied action with exactly one history entry, and this device's entries are
       exactly the actions it took that were not rejected (besides the entries the platform
       derived from them: duplicates closed with their original).
    3. None lost: each action the device took is in the server's history, or in its sync
       problems with the server's (Chinese) reason, or still pending if `pending` allows it;
       no other action is pending. `problems` (when given) is the exact set of rejected ids.
    """
    outbox = device.outbox()
    waiting = [o.action_id for o in outbox if o.state == "pending"]
    assert set(waiting) <= set(pending), f"actions still pending: {sorted(waiting)}"
    with_pending = {o.clue_code for o in outbox if o.state == "pending"}
    view = server.view(device.username)
    local = local_clues(device.store, from_snapshot=with_pending)
    diffs = _differences(local, view)
    assert not diffs, "store differs from the server's view:\n" + "\n".join(diffs[:30])

    history = server.db.history()
    assert not history.duplicates, f"action ids applied twice: {history.duplicates}"
    assert not history.derived & set(history.applied), "a pushed action counted as derived"
    for action_id, (_, seq) in history.applied.items():
        assert action_id in history.events, f"applied action {action_id} has no history entry"
        assert history.events[action_id][2] == seq, f"{action_id}: seq differs from its record"

    rejected = {p.action_id: p for p in sync_problems(device.store)}
    for problem in rejected.values():
        assert problem.reason and CJK.search(problem.reason), problem
        assert problem.action_id not in history.events, f"rejected but applied: {problem}"
    if problems is not None:
        assert set(rejected) == set(problems), (sorted(rejected), sorted(problems))
    ours = history.of_device(device.device_id)
    taken = set(device.taken)
    assert len(taken) == len(device.taken), "an action id was used twice by the client"
    assert ours <= taken, f"history entries of this device it never took: {ours - taken}"
    for action_id in device.taken:
        places = [action_id in ours, action_id in rejected, action_id in waiting]
        assert sum(places) == 1, f"action {action_id}: history/problems/pending = {places}"
    assert len(ours) == len(taken) - len(rejected) - len(waiting)
    return Checked(view, history, dict(rejected), waiting)


# ---------------------------------------------------------------- a whole test setup


@dataclass
class Rig:
    """One test's platform: database, server, proxy, and the devices made on it."""

    db: PlatformDb
    server: Server
    proxy: FaultProxy
    folder: Path
    devices: list[Device] = field(default_factory=list)

    def device(self, key: str) -> Device:
        """A new client device of a demo account, talking through the proxy."""
        made = Device(self.proxy.url, key, self.folder / f"device-{len(self.devices) + 1}-{key}")
        self.devices.append(made)
        return made

    def check(self, device: Device, **options: Any) -> Checked:
        """`check_invariants` of a device on this rig's server."""
        return check_invariants(device, self.server, **options)


@contextmanager
def open_rig(backend: str, template: Path, folder: Path) -> Iterator[Rig]:
    """Database, server and proxy for one test; all closed and removed afterwards."""
    db = new_database(backend, template, folder / "platform")
    server = Server(db, folder / "server")
    proxy: FaultProxy | None = None
    rig: Rig | None = None
    try:
        server.start()
        if not db.prepared:
            prepare_scope(server)
        proxy = FaultProxy(server.port)
        rig = Rig(db, server, proxy, folder)
        yield rig
    finally:
        if rig is not None:
            for made in rig.devices:
                made.close()
        if proxy is not None:
            proxy.close()
        server.close()
        db.dispose()


# ---------------------------------------------------------------- a client in a child process


CHILD_SYNC = r"""
import json, sys, time
from pathlib import Path
from sqlalchemy import event
from desktop.store.database import open_store
from desktop.sync import engine
from desktop.sync.api import PlatformApi
from desktop.sync.auth import open_client
from desktop.sync.http import RetryPolicy

args = json.loads(sys.argv[1])
store = open_store(Path(args["data_dir"]))
wal = Path(args["data_dir"]) / "cluedesk.sqlite3-wal"


def small_cache(connection, _record):
    # A tiny page cache spills the open transaction's pages into the WAL before COMMIT.
    connection.execute("PRAGMA cache_size=4")


event.listen(store.engine, "connect", small_cache)
store.engine.dispose()
http = open_client(
    store, args["url"], args["username"], use_keyring=False,
    retry=RetryPolicy(total=2, backoff_factor=0.05, backoff_max=0.2),
)
real_apply = engine.apply_pull_page
pages = {"n": 0, "block": False, "cursor": None}


def hold_commit(session):
    # The page is written in the open transaction: stop right before its COMMIT.
    if pages["block"]:
        session.flush()
        print("BLOCKED", pages["cursor"], wal.stat().st_size, flush=True)
        time.sleep(3600)


event.listen(store.sessions, "before_commit", hold_commit)


def apply_pull_page(store_, changes, cursor, *rest, **options):
    pages["n"] += 1
    pages["cursor"] = cursor
    pages["block"] = pages["n"] == args["block_on_page"]
    result = real_apply(store_, changes, cursor, *rest, **options)
    print("PAGE", pages["n"], cursor, wal.stat().st_size, flush=True)
    return result


engine.apply_pull_page = apply_pull_page
engine.run_sync(store, PlatformApi(http), page_size=args["page_size"])
print("DONE", flush=True)
"""


class ChildSync:
    """`run_sync` of a data directory in a child Python process that stops right before
    committing pull page `block_on_page` and says so.

    It prints "PAGE <n> <cursor> <WAL bytes>" after each committed page and
    "BLOCKED <cursor> <WAL bytes>" once the blocked page is written but not committed.
    """

    def __init__(
        self, data_dir: Path, url: str, username: str, *, page_size: int, block_on_page: int
    ) -> None:
        args = {
            "data_dir": str(data_dir),
            "url": url,
            "username": username,
            "page_size": page_size,
            "block_on_page": block_on_page,
        }
        self.process = subprocess.Popen(
            [sys.executable, "-c", CHILD_SYNC, json.dumps(args)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"},
        )
        self.lines: queue.Queue[str | None] = queue.Queue()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))
        self.lines.put(None)

    def wait_line(self, prefix: str, timeout: float = WAIT) -> list[str]:
        """The lines until one starting with `prefix` (that one last); fails on exit."""
        got: list[str] = []
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            try:
                line = self.lines.get(timeout=max(left, 0.01))
            except queue.Empty:
                raise AssertionError(f"child said no {prefix!r} in {timeout:.0f} s") from None
            if line is None:
                self.process.wait(timeout=WAIT)
                assert self.process.stderr is not None
                raise AssertionError(
                    f"child exited ({self.process.returncode}) before {prefix!r}:\n"
                    + "\n".join(got)
                    + self.process.stderr.read()[-3000:]
                )
            got.append(line)
            if line.startswith(prefix):
                return got

    def kill(self) -> int:
        """SIGKILL the child (by its pid) and reap it; its return code."""
        os.kill(self.process.pid, signal.SIGKILL)
        return self.process.wait(timeout=WAIT)


def sqlite_ok(path: Path) -> bool:
    """Whether SQLite's integrity check passes on the file."""
    connection = sqlite3.connect(path)
    try:
        return connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        connection.close()


def pick(items: Iterable[Any], what: str) -> Any:
    """The first item, or a clear failure naming what was looked for."""
    for item in items:
        return item
    raise AssertionError(f"no {what}")
