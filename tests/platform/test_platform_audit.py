"""The tamper-evident audit log: what is recorded, `cluedesk-platform audit verify` on a used
platform, and every kind of tampering done with SQL behind the platform's back; the export;
appends racing from threads, processes and server workers never fork the chain."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import threading
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import requests
from fastapi.testclient import TestClient
from platform_testkit import DRAFT, Api, Clock
from sqlalchemy import Engine, create_engine, select, text
from sqlalchemy.pool import NullPool

from cityplatform import audit
from cityplatform.audit import AuditActor, AuditError
from cityplatform.db import Database, normalize_url, open_database
from cityplatform.models import AuditEntry, AuditHead
from cityplatform.security import FAST_HASHER
from cityplatform.users import add_user, disable_user, import_calendar, move_user, set_password
from desktop.domain.rules import Rules

PLATFORM_CLI = Path(sys.executable).parent / "cluedesk-platform"
BLOCKS = "/api/v1/number-blocks"


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(PLATFORM_CLI), *args], capture_output=True, text=True, timeout=120, check=False
    )


@pytest.fixture
def engine(seeded_url: str) -> Iterator[Engine]:
    """A plain engine on the platform database: the tamperer's own connection."""
    made = create_engine(normalize_url(seeded_url), poolclass=NullPool)
    yield made
    made.dispose()


def _entries(engine: Engine) -> list[AuditEntry]:
    db = Database(engine)
    with db.read() as session:
        return list(session.scalars(select(AuditEntry).order_by(AuditEntry.seq)))


def use_the_platform(api: Api, client: TestClient, clock: Clock, url: str) -> dict[str, Any]:
    """Logins (good and bad), pushes (applied, duplicate, rejected), a refresh, a number
    block, a logout, and the administrator's commands. Returns what must never be audited."""
    secrets: dict[str, Any] = {"passwords": ["demo1234", "wrong-pass-1", "s3cret-new"]}
    bad = client.post(
        "/api/v1/auth/login",
        json={"username": "xinhai", "password": "wrong-pass-1", "device_id": "pc-x"},
    )
    assert bad.status_code == 401
    unknown = client.post(
        "/api/v1/auth/login",
        json={"username": "demo1234", "password": "demo1234", "device_id": "pc-x"},
    )  # a password typed into the user name field stays out of the log
    assert unknown.status_code == 401
    county, street = api.login("haizhou"), api.login("xinhai")
    clock.advance(minutes=1)
    code = api.register_and_dispatch(county)  # with the reporter's name and phone
    sign = street.action("sign", code)
    assert api.push(street, sign)[0]["status"] == "applied"
    clock.advance(minutes=1)
    assert api.push(street, {**sign, "device_seq": 99})[0]["status"] == "duplicate"
    refused = api.push(street, street.action("approve", code))[0]
    assert refused["status"] == "rejected"
    block = client.post(
        BLOCKS,
        json={"device_id": street.device_id, "unit_code": "320706001", "year": 2026, "size": 5},
        headers=street.headers,
    )
    assert block.status_code == 200
    clock.advance(minutes=1)
    refreshed = client.post(
        "/api/v1/auth/refresh",
        json={"refresh_token": street.tokens["refresh_token"], "device_id": street.device_id},
    )
    assert refreshed.status_code == 200
    logout = client.post("/api/v1/auth/logout", headers=county.headers)
    assert logout.status_code == 200
    db = open_database(url)
    try:
        add_user(
            db,
            username="auditor1",
            unit_code="320706001",
            role="handler",
            password="s3cret-new",
            hasher=FAST_HASHER,
        )
        set_password(db, "auditor1", "s3cret-new", hasher=FAST_HASHER)
        move_user(db, "auditor1", "320706002")
        disable_user(db, "auditor1")
        import_calendar(db, {"rules": Rules().to_dict()})
    finally:
        db.dispose()
    secrets["tokens"] = [
        street.tokens["refresh_token"],
        street.tokens["access_token"],
        county.tokens["refresh_token"],
        refreshed.json()["refresh_token"],
    ]
    secrets["reporter"] = [DRAFT["reporter_name"], DRAFT["reporter_phone"]]
    return secrets


@pytest.fixture
def used(api: Api, client: TestClient, clock: Clock, seeded_url: str) -> dict[str, Any]:
    """The seeded platform after `use_the_platform`."""
    return use_the_platform(api, client, clock, seeded_url)


def test_a_used_platform_verifies_and_records_every_kind(
    used: dict[str, Any], seeded_url: str, engine: Engine
) -> None:
    result = _cli("audit", "verify", "--db", seeded_url)
    assert result.returncode == 0, result.stdout + result.stderr
    entries = _entries(engine)
    assert f"共 {len(entries)} 条" in result.stdout and "完整" in result.stdout
    assert [e.seq for e in entries] == list(range(1, len(entries) + 1))
    kinds = [e.kind for e in entries]
    assert kinds[0] == "platform.seed"
    assert set(kinds) >= {
        "auth.login",
        "auth.login_failed",
        "auth.refresh",
        "auth.logout",
        "push.action",
        "number_block.reserve",
        "user.add",
        "user.passwd",
        "user.move",
        "user.disable",
        "rules.import",
    }
    pushes = [json.loads(e.details) for e in entries if e.kind == "push.action"]
    assert [(p["type"], p["status"], p.get("code")) for p in pushes] == [
        ("clue.register.v1", "applied", None),
        ("clue.dispatch.v1", "applied", None),
        ("clue.sign.v1", "applied", None),
        ("clue.sign.v1", "duplicate", None),
        ("clue.approve.v1", "rejected", "refused"),
    ]
    assert all(p["action_id"] and p["clue_code"].startswith("LYG") for p in pushes[1:])
    failed = [json.loads(e.details) for e in entries if e.kind == "auth.login_failed"]
    assert failed == [
        {"device_name": "", "result": "bad_credentials"},
        {"device_name": "", "result": "bad_credentials", "unknown_user": True},
    ]
    unknown = next(e for e in entries if e.kind == "auth.login_failed" and "unknown" in e.details)
    assert unknown.username == ""
    for entry in entries:
        assert entry.details == audit.canonical(json.loads(entry.details))
        everything = f"{entry.username} {entry.device_id} {entry.details}"
        for secret in [*used["passwords"], *used["tokens"], *used["reporter"]]:
            assert secret not in everything, (entry.kind, secret)


def test_the_hash_is_sha256_of_the_canonical_list() -> None:
    details = {"b": "中文", "a": [1, {"z": None, "y": True}]}
    moment = "2026-11-27T10:00:00.000000+08:00"
    whole = [7, audit.GENESIS, moment, "auth.login", {"username": "u", "device_id": "d"}, details]
    text = json.dumps(whole, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    expected = hashlib.sha256(text.encode("utf-8")).hexdigest()
    got = audit.entry_hash(
        7, audit.GENESIS, moment, "auth.login", AuditActor("u", "d"), audit.canonical(details)
    )
    assert got == expected


def test_refused_secrets_never_enter_the_log(platform_db: Database) -> None:
    actor = AuditActor("xinhai", "pc-1")
    for details in (
        {"password": "x"},
        {"nested": {"refresh_token": "x"}},
        {"list": [{"reporter_phone": "138"}]},
    ):
        with platform_db.write() as session, pytest.raises(AuditError):
            audit.append(session, audit.LOGIN, actor, details, datetime.now().astimezone())


def test_a_rolled_back_action_leaves_no_entry(platform_db: Database, engine: Engine) -> None:
    before = len(_entries(engine))
    moment = datetime.now().astimezone()
    with platform_db.write() as session:
        audit.append(session, audit.LOGIN, AuditActor("xinhai", "pc-1"), {"n": 1}, moment)
        session.rollback()
    with platform_db.write() as session:
        audit.append(session, audit.LOGIN, AuditActor("xinhai", "pc-1"), {"n": 2}, moment)
        session.commit()
    entries = _entries(engine)
    assert len(entries) == before + 1 and json.loads(entries[-1].details) == {"n": 2}
    assert audit.verify_database(platform_db).intact


# ---------------------------------------------------------------- tampering


def _row(engine: Engine, seq: int) -> AuditEntry:
    return next(e for e in _entries(engine) if e.seq == seq)


def _hash_of(entry: AuditEntry, seq: int, prev: str, details: str) -> str:
    actor = AuditActor(entry.username, entry.device_id)
    return audit.entry_hash(seq, prev, audit.time_text(entry.at), entry.kind, actor, details)


def _edited(entry: AuditEntry) -> str:
    details = json.loads(entry.details)
    details["status"] = "forged"
    return audit.canonical(details)


def _shift(connection: Any, after: int, by: int) -> None:
    """Renumber every entry after `after` by `by` (two steps: the key stays unique)."""
    connection.execute(
        text("UPDATE audit_log SET seq = -(seq + :by) WHERE seq > :after"),
        {"by": by, "after": after},
    )
    connection.execute(text("UPDATE audit_log SET seq = -seq WHERE seq < 0"))


def _insert_copy(
    connection: Any, source: int, seq: int, prev: str, digest: str, details: str
) -> None:
    connection.execute(
        text(
            "INSERT INTO audit_log (seq, at, kind, username, device_id, details, prev_hash, hash) "
            "SELECT :seq, at, kind, username, device_id, :details, :prev, :hash "
            "FROM audit_log WHERE seq = :source"
        ),
        {"seq": seq, "details": details, "prev": prev, "hash": digest, "source": source},
    )


def edit_details(engine: Engine, k: int, last: int) -> str:
    entry = _row(engine, k)
    with engine.begin() as connection:
        connection.execute(
            text("UPDATE audit_log SET details = :d WHERE seq = :k"), {"d": _edited(entry), "k": k}
        )
    return f"第 {k} 条审计记录被修改"


def edit_and_rehash(engine: Engine, k: int, last: int) -> str:
    entry = _row(engine, k)
    details = _edited(entry)
    digest = _hash_of(entry, k, entry.prev_hash, details)
    with engine.begin() as connection:
        connection.execute(
            text("UPDATE audit_log SET details = :d, hash = :h WHERE seq = :k"),
            {"d": details, "h": digest, "k": k},
        )
    return f"第 {k} 条审计记录被修改"


def edit_actor(engine: Engine, k: int, last: int) -> str:
    with engine.begin() as connection:
        connection.execute(
            text("UPDATE audit_log SET username = 'someone' WHERE seq = :k"), {"k": k}
        )
    return f"第 {k} 条审计记录被修改"


def delete_middle(engine: Engine, k: int, last: int) -> str:
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM audit_log WHERE seq = :k"), {"k": k})
    return f"第 {k} 条审计记录被删除"


def delete_and_renumber(engine: Engine, k: int, last: int) -> str:
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM audit_log WHERE seq = :k"), {"k": k})
        _shift(connection, k, -1)
        connection.execute(text("UPDATE audit_head SET seq = seq - 1"))
    return f"第 {k} 条审计记录被删除"


def insert_middle(engine: Engine, k: int, last: int) -> str:
    """An entry slipped in after k, with a correct link to k and its own hash recomputed."""
    entry = _row(engine, k)
    details = audit.canonical({"note": "inserted"})
    digest = _hash_of(entry, k + 1, entry.hash, details)
    with engine.begin() as connection:
        _shift(connection, k, 1)
        _insert_copy(connection, k, k + 1, entry.hash, digest, details)
        connection.execute(text("UPDATE audit_head SET seq = seq + 1"))
    return f"第 {k + 1} 条审计记录是插入的"


def insert_at_end(engine: Engine, k: int, last: int) -> str:
    entry = _row(engine, last)
    details = audit.canonical({"note": "inserted"})
    digest = _hash_of(entry, last + 1, entry.hash, details)
    with engine.begin() as connection:
        _insert_copy(connection, last, last + 1, entry.hash, digest, details)
    return f"第 {last + 1} 条审计记录是插入的"


def delete_last(engine: Engine, k: int, last: int) -> str:
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM audit_log WHERE seq = :last"), {"last": last})
    return f"第 {last} 条审计记录被删除（记录链末尾被截断）"


def delete_the_head(engine: Engine, k: int, last: int) -> str:
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM audit_head"))
    return "审计链头记录缺失或被修改"


TAMPERING: list[Callable[[Engine, int, int], str]] = [
    edit_details,
    edit_and_rehash,
    edit_actor,
    delete_middle,
    delete_and_renumber,
    insert_middle,
    insert_at_end,
    delete_last,
    delete_the_head,
]


@pytest.mark.parametrize("tamper", TAMPERING, ids=[t.__name__ for t in TAMPERING])
def test_tampering_with_sql_is_found_and_named(
    tamper: Callable[[Engine, int, int], str],
    used: dict[str, Any],
    seeded_url: str,
    engine: Engine,
) -> None:
    last = len(_entries(engine))
    assert last > 12
    expected = tamper(engine, last // 2, last)
    result = _cli("audit", "verify", "--db", seeded_url)
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stdout.strip().startswith(expected), result.stdout


# ---------------------------------------------------------------- export


def test_the_export_verifies_on_its_own(
    used: dict[str, Any], seeded_url: str, engine: Engine, tmp_path: Path
) -> None:
    whole = tmp_path / "audit.jsonl"
    result = _cli("audit", "export", "--db", seeded_url, "--out", str(whole))
    assert result.returncode == 0, result.stderr
    lines = whole.read_text(encoding="utf-8").splitlines()
    entries = _entries(engine)
    assert len(lines) == len(entries)
    first = json.loads(lines[0])
    assert set(first) == {"seq", "time", "kind", "actor", "details", "prev_hash", "hash"}
    assert first["prev_hash"] == audit.GENESIS
    assert json.loads(lines[-1])["hash"] == entries[-1].hash
    checked = _cli("audit", "verify", "--file", str(whole))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert f"共 {len(lines)} 条" in checked.stdout

    # a slice by time: the administrator's commands (timed by the real clock, after the
    # platform's test clock), to the end of the day after them (a bare date)
    added = next(e for e in entries if e.kind == "user.add")
    since = audit.time_text(added.at)
    until = (added.at + timedelta(days=1)).date().isoformat()
    part = _cli("audit", "export", "--db", seeded_url, "--from", since, "--to", until)
    assert part.returncode == 0, part.stderr
    sliced = [json.loads(line) for line in part.stdout.splitlines()]
    assert [e["kind"] for e in sliced] == [
        "user.add",
        "user.passwd",
        "user.move",
        "user.disable",
        "rules.import",
    ]
    assert sliced[0]["seq"] == added.seq and sliced[0]["prev_hash"] != audit.GENESIS
    (tmp_path / "part.jsonl").write_text(part.stdout, encoding="utf-8")
    assert _cli("audit", "verify", "--file", str(tmp_path / "part.jsonl")).returncode == 0
    nothing = _cli("audit", "export", "--db", seeded_url, "--to", "2000-01-01")
    assert nothing.returncode == 0 and nothing.stdout == ""

    # an edited line is named
    middle = len(lines) // 2
    entry = json.loads(lines[middle])
    entry["details"]["forged"] = True
    lines[middle] = audit.canonical(entry)
    whole.write_text("\n".join(lines) + "\n", encoding="utf-8")
    broken = _cli("audit", "verify", "--file", str(whole))
    assert broken.returncode == 1
    assert broken.stdout.strip() == f"第 {entry['seq']} 条审计记录被修改"


# ---------------------------------------------------------------- concurrency


APPENDER = r"""
import sys
from datetime import datetime, timedelta
from cityplatform import audit
from cityplatform.db import open_database

db = open_database(sys.argv[1])
for n in range(int(sys.argv[3])):
    with db.write() as session:
        audit.append(session, audit.LOGIN, audit.AuditActor(sys.argv[2], "proc"), {"n": n},
                     datetime.now().astimezone())
        session.commit()
db.dispose()
"""


def test_concurrent_appends_never_fork_the_chain(seeded_url: str, engine: Engine) -> None:
    """Threads and processes appending at once (each entry its own transaction)."""
    before = len(_entries(engine))
    threads, processes, each = 6, 3, 25
    children = [
        subprocess.Popen(
            [sys.executable, "-c", APPENDER, seeded_url, f"process-{p}", str(each)],
            stderr=subprocess.PIPE,
            text=True,
        )
        for p in range(processes)
    ]
    db = open_database(seeded_url)
    start = threading.Barrier(threads)

    def append(worker: int) -> None:
        start.wait()
        for n in range(each):
            with db.write() as session:
                actor = AuditActor(f"thread-{worker}", "thread")
                audit.append(session, audit.LOGIN, actor, {"n": n}, datetime.now().astimezone())
                session.commit()

    try:
        with ThreadPoolExecutor(max_workers=threads) as pool:
            list(pool.map(append, range(threads)))
        for child in children:
            _, errors = child.communicate(timeout=120)
            assert child.returncode == 0, errors
        verdict = audit.verify_database(db)
    finally:
        db.dispose()
    total = before + (threads + processes) * each
    assert verdict.intact, verdict.summary()
    assert verdict.count == verdict.last_seq == total
    entries = _entries(engine)
    assert [e.seq for e in entries] == list(range(1, total + 1))
    with Database(engine).read() as session:
        head = session.get(AuditHead, 1)
        assert head is not None and (head.seq, head.hash) == (total, entries[-1].hash)


def test_server_workers_logging_in_and_pushing_at_once_keep_one_chain(
    platform_server: str, seeded_url: str
) -> None:
    """Two worker processes of a real server, many clients at once."""

    def work(n: int) -> int:
        http = requests.Session()
        http.headers["X-Cluedesk-Protocol"] = "1"
        device = f"race-{n}-{uuid.uuid4().hex[:6]}"
        wrong = http.post(
            f"{platform_server}/api/v1/auth/login",
            json={"username": "haizhou", "password": "nope-nope", "device_id": device},
            timeout=60,
        )
        assert wrong.status_code in (401, 429)
        answer = http.post(
            f"{platform_server}/api/v1/auth/login",
            json={"username": "xinhai", "password": "demo1234", "device_id": device},
            timeout=60,
        )
        assert answer.status_code == 200, answer.text
        http.headers["Authorization"] = f"Bearer {answer.json()['access_token']}"
        push = http.post(
            f"{platform_server}/api/v1/push",
            json={
                "device_id": device,
                "actions": [
                    {
                        "action_id": str(uuid.uuid4()),
                        "device_seq": 1,
                        "type": "clue.sign.v1",
                        "clue_code": "LYG-NO-SUCH",
                        "payload": {},
                    }
                ],
            },
            timeout=60,
        )
        assert push.status_code == 200, push.text
        return n

    with ThreadPoolExecutor(max_workers=12) as pool:
        assert len(list(pool.map(work, range(36)))) == 36
    result = _cli("audit", "verify", "--db", seeded_url)
    assert result.returncode == 0, result.stdout + result.stderr
