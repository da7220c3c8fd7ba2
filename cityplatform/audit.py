"""The tamper-evident audit log: who did what on the platform, as a SHA-256 hash chain.

Every entry carries its `seq`, time, kind, actor (user name and device), details (canonical
JSON: sorted keys, compact, UTF-8), the previous entry's hash, and its own hash: SHA-256 of
the canonical serialization of ``[seq, prev_hash, time, kind, actor, details]``.

- **Appending** takes the chain head row first (``UPDATE audit_head … RETURNING``): a row
  lock on PostgreSQL, the database write lock on SQLite. Concurrent writers, in any number
  of worker processes, queue on that row and never fork the chain. An entry is appended in
  the transaction of what it records, as that transaction's last statement (so the head's
  lock is held briefly and always taken last: no lock-order deadlock), and a rolled-back
  action leaves no entry.
- **Verifying** walks the chain in seq order and names the first entry edited, inserted or
  deleted; the head row (last seq and hash, kept apart from the entries) catches entries
  deleted from the end. Someone able to rewrite the whole tail *and* the head goes unseen by
  any hash chain: anchor the head hash that `verify` prints somewhere else now and then.
- **Never** put secrets (passwords, tokens) or reporters' personal data in details:
  `append` refuses such keys.
"""

from __future__ import annotations

import getpass
import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, func, select
from sqlalchemy.orm import Session

from cityplatform.db import Database, stored_value
from cityplatform.models import AuditEntry, AuditHead
from desktop.domain.timeutil import to_china
from desktop.wire.text import canonical_json

GENESIS = "0" * 64
"""The prev_hash of the first entry."""
HEAD_ID = 1
"""The id of the one chain-head row."""

LOGIN = "auth.login"
LOGIN_FAILED = "auth.login_failed"
REFRESH = "auth.refresh"
REFRESH_GRACE = "auth.refresh_grace"
REFRESH_REFUSED = "auth.refresh_refused"
REFRESH_REUSED = "auth.refresh_reused"
LOGOUT = "auth.logout"
PUSH_ACTION = "push.action"
REPORTER_REVEAL = "reporter.reveal"
RULES_IMPORT = "rules.import"
USER_ADD = "user.add"
USER_PASSWD = "user.passwd"
USER_DISABLE = "user.disable"
USER_MOVE = "user.move"
NUMBER_BLOCK = "number_block.reserve"
PLATFORM_SEED = "platform.seed"
DEVICE_REVOKED = "device.revoked"
PUSH_REFUSED_REVOKED = "push.refused_revoked"
DEVICE_WIPED = "device.wiped"
POLICY_STORE_ENCRYPTION = "policy.store_encryption"

KINDS = frozenset(
    {
        LOGIN,
        LOGIN_FAILED,
        REFRESH,
        REFRESH_GRACE,
        REFRESH_REFUSED,
        REFRESH_REUSED,
        LOGOUT,
        PUSH_ACTION,
        REPORTER_REVEAL,
        RULES_IMPORT,
        USER_ADD,
        USER_PASSWD,
        USER_DISABLE,
        USER_MOVE,
        NUMBER_BLOCK,
        PLATFORM_SEED,
        DEVICE_REVOKED,
        PUSH_REFUSED_REVOKED,
        DEVICE_WIPED,
        POLICY_STORE_ENCRYPTION,
    }
)
"""Every kind of entry the platform writes (docs/audit.md describes each)."""

FORBIDDEN_KEYS = frozenset(
    {
        "password",
        "token",
        "access_token",
        "refresh_token",
        "secret",
        "reporter_name",
        "reporter_phone",
    }
)
"""Keys `append` refuses anywhere in details: secrets and reporters' personal data."""


class AuditError(ValueError):
    """Details that must not go into the audit log."""


@dataclass(frozen=True)
class AuditActor:
    """Who did it: a platform user name and device ("" when unknown or not a user)."""

    username: str = ""
    device_id: str = ""

    def to_json(self) -> dict[str, str]:
        """The actor as it is hashed and exported."""
        return {"device_id": self.device_id, "username": self.username}


CLI_ACTOR = AuditActor("", "cli")
"""An administrator at the platform's command line (no platform user)."""


def os_user() -> str:
    """The operating-system account running this process ("" when unknown)."""
    try:
        return getpass.getuser()
    except (KeyError, OSError, ImportError):
        return ""


canonical = canonical_json
"""Canonical JSON text (the wire's): sorted keys, no spaces, non-ASCII kept (hashed as UTF-8)."""


def _storable(text: str) -> str:
    """Text every database stores and UTF-8 encodes: NUL and lone surrogates (which a
    request may carry) become U+FFFD, so what is stored is exactly what is hashed."""
    if "\x00" in text:
        text = text.replace("\x00", "\ufffd")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in text)
    return text


def time_text(moment: datetime) -> str:
    """An entry's time as it is hashed and exported: ISO 8601, China time, microseconds."""
    return to_china(moment).isoformat(timespec="microseconds")


def entry_hash(
    seq: int, prev_hash: str, time: str, kind: str, actor: AuditActor, details: str
) -> str:
    """SHA-256 (hex) of canonical([seq, prev_hash, time, kind, actor, details]).

    `details` is the details' canonical text; it is spliced in as is, which is exactly
    what canonical() of the list would produce.
    """
    head = ",".join(canonical(part) for part in (seq, prev_hash, time, kind, actor.to_json()))
    return hashlib.sha256(f"[{head},{details}]".encode()).hexdigest()


def _checked(value: Any, where: str = "details") -> Any:
    if isinstance(value, Mapping):
        for key, item in value.items():
            if not isinstance(key, str):
                raise AuditError(f"{where} 的键必须是文本")
            if key.lower() in FORBIDDEN_KEYS:
                raise AuditError(f"审计记录不得包含 {where}.{key}")
            _checked(item, f"{where}.{key}")
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            _checked(item, f"{where}.{index}")
    return value


@dataclass(frozen=True)
class Record:
    """An entry to append: its kind, actor and details."""

    kind: str
    actor: AuditActor
    details: Mapping[str, Any]


_HEAD_SQL = {
    "take": "UPDATE audit_head SET seq = seq + {p} WHERE id = 1 RETURNING seq, hash",
    "create": (
        "INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, {p}) ON CONFLICT (id) DO NOTHING"
    ),
    "insert": (
        "INSERT INTO audit_log (seq, at, kind, username, device_id, details, prev_hash, hash) "
        "VALUES ({p}, {p}, {p}, {p}, {p}, {p}, {p}, {p})"
    ),
    "move": "UPDATE audit_head SET hash = {p}, at = {p} WHERE id = 1",
}
"""The statements of an append, as plain driver SQL: `take` locks the head row until commit
(a row lock on PostgreSQL; SQLite's write transaction already holds the database) and
answers the new last seq and the previous last hash (not changed yet); `move` sets the head
to the new last entry. Sent with `exec_driver_sql` (errors still come as SQLAlchemy's, so a
failing database answers `retry` as before), they skip statement compilation: an applied push
action pays for three small statements, not for building them."""

_SQL = {
    style: {name: sql.format(p=mark) for name, sql in _HEAD_SQL.items()}
    for style, mark in (("sqlite", "?"), ("postgresql", "%s"))
}


def _connection(executor: Session | Connection) -> Connection:
    if isinstance(executor, Session):
        executor.flush()  # the audited changes first: the chain head is the last lock taken
        return executor.connection()
    return executor


def append_many(
    executor: Session | Connection, records: Sequence[Record], at: datetime
) -> list[int]:
    """Append entries (in order, all timed `at`) in the caller's transaction; their seqs.

    Call it last in the transaction: it locks the chain head until the caller commits.
    """
    if not records:
        return []
    prepared: list[tuple[Record, str]] = []
    for record in records:
        if record.kind not in KINDS:
            raise AuditError(f"未知的审计记录类别：{record.kind}")
        prepared.append((record, _storable(canonical(_checked(dict(record.details))))))
    connection = _connection(executor)
    sqlite = connection.dialect.name == "sqlite"
    sql = _SQL["sqlite" if sqlite else "postgresql"]
    count = len(prepared)
    row = connection.exec_driver_sql(sql["take"], (count,)).first()
    if row is None:  # a database created without the migration's head row
        connection.exec_driver_sql(sql["create"], (GENESIS,))
        row = connection.exec_driver_sql(sql["take"], (count,)).one()
    last, prev = int(row[0]), str(row[1])
    moment = to_china(at)
    when = time_text(moment)
    stored_at = stored_value(moment, sqlite)
    rows: list[tuple[Any, ...]] = []
    for offset, (record, details) in enumerate(prepared):
        seq = last - count + 1 + offset
        actor = AuditActor(_storable(record.actor.username), _storable(record.actor.device_id))
        digest = entry_hash(seq, prev, when, record.kind, actor, details)
        rows.append(
            (seq, stored_at, record.kind, actor.username, actor.device_id, details, prev, digest)
        )
        prev = digest
    connection.exec_driver_sql(sql["insert"], rows if count > 1 else rows[0])
    connection.exec_driver_sql(sql["move"], (prev, stored_at))
    return [row[0] for row in rows]


def append(
    executor: Session | Connection,
    kind: str,
    actor: AuditActor,
    details: Mapping[str, Any],
    at: datetime,
) -> int:
    """Append one entry in the caller's transaction (call it last); its seq."""
    return append_many(executor, [Record(kind, actor, details)], at)[0]


def record_reveal(
    session: Session, actor: AuditActor, clue_code: str, reason: str, at: datetime
) -> int:
    """Record that a masked reporter was shown to `actor` (POST /clues/{code}/reporter-reveal),
    with the reason given and never the name or phone."""
    return append(session, REPORTER_REVEAL, actor, {"clue_code": clue_code, "reason": reason}, at)


# ---------------------------------------------------------------- verification


@dataclass(frozen=True)
class StoredEntry:
    """An entry as stored or exported: time as hashed, details as canonical text."""

    seq: int
    time: str
    kind: str
    actor: AuditActor
    details: str
    prev_hash: str
    hash: str

    def intact(self, seq: int | None = None) -> bool:
        """Whether its own hash matches its content (with `seq` instead of its own)."""
        try:
            canonical_details = canonical(json.loads(self.details))
        except ValueError:
            return False
        if canonical_details != self.details:
            return False
        number = self.seq if seq is None else seq
        expected = entry_hash(
            number, self.prev_hash, self.time, self.kind, self.actor, self.details
        )
        return expected == self.hash

    def to_json(self) -> dict[str, Any]:
        """The export line's object."""
        try:
            details: Any = json.loads(self.details)
        except ValueError:
            details = self.details
        return {
            "seq": self.seq,
            "time": self.time,
            "kind": self.kind,
            "actor": self.actor.to_json(),
            "details": details,
            "prev_hash": self.prev_hash,
            "hash": self.hash,
        }


@dataclass(frozen=True)
class Finding:
    """The first break of the chain: which entry, what happened, in Chinese."""

    seq: int
    problem: str
    """"modified", "inserted", "deleted" or "head"."""
    message: str


def _modified(seq: int) -> Finding:
    return Finding(seq, "modified", f"第 {seq} 条审计记录被修改")


def _inserted(seq: int) -> Finding:
    return Finding(seq, "inserted", f"第 {seq} 条审计记录是插入的（不在原有记录链中）")


def _deleted(first: int, last: int, tail: bool = False) -> Finding:
    where = f"第 {first} 条" if first == last else f"第 {first}–{last} 条"
    suffix = "（记录链末尾被截断）" if tail else ""
    return Finding(first, "deleted", f"{where}审计记录被删除{suffix}")


RENUMBER_SEARCH = 64
"""How many deleted entries a renumbered tail is recognized across."""


class ChainWalk:
    """Checks entries fed in seq order; keeps the first finding."""

    def __init__(self, start_seq: int = 1, start_prev: str = GENESIS) -> None:
        self.first_seq = start_seq
        self.last_seq = start_seq - 1
        self.last_hash = start_prev
        self.before_last: str | None = None
        self.held: StoredEntry | None = None
        self.count = 0
        self.finding: Finding | None = None

    def feed(self, entry: StoredEntry) -> bool:
        """Check the next entry; False once the chain is broken (stop feeding)."""
        if self.finding is None:
            self.count += 1
            self.finding = self._step(entry)
        return self.finding is None

    def _step(self, entry: StoredEntry) -> Finding | None:
        held, self.held = self.held, None
        expected = self.last_seq + 1
        if entry.prev_hash != self.last_hash:
            if self.before_last is not None and entry.prev_hash == self.before_last:
                return _inserted(self.last_seq)  # this entry links past the previous one
            if held is not None:
                return _modified(held.seq)
            if entry.seq > expected:
                return _deleted(expected, entry.seq - 1)
            if not entry.intact():
                for gap in range(1, RENUMBER_SEARCH + 1):
                    if entry.intact(entry.seq + gap):  # later entries renumbered down
                        return _deleted(expected, expected + gap - 1)
                return _modified(entry.seq)
            # the link is broken though the entry is whole: the previous entry's hash changed
            return _modified(self.last_seq if self.last_seq >= self.first_seq else entry.seq)
        if held is not None:
            return _modified(held.seq)
        if entry.seq != expected:
            return _modified(entry.seq)
        if not entry.intact():
            self.held = entry  # modified, or inserted: the next entry's link tells
        self.before_last, self.last_hash, self.last_seq = self.last_hash, entry.hash, entry.seq
        return None

    def finish(self, head: tuple[int, str] | None) -> Finding | None:
        """The finding after the last entry, checked against the chain head (None: none)."""
        if self.finding is not None:
            return self.finding
        if self.held is not None:
            if head is not None and head[0] < self.held.seq:
                self.finding = _inserted(self.held.seq)
            else:
                self.finding = _modified(self.held.seq)
            return self.finding
        if head is None:
            return None
        head_seq, head_hash = head
        if head_seq > self.last_seq:
            self.finding = _deleted(self.last_seq + 1, head_seq, tail=True)
        elif head_seq < self.last_seq:
            self.finding = _inserted(head_seq + 1)
        elif head_hash != self.last_hash:
            self.finding = _modified(self.last_seq) if self.last_seq else _head_broken()
        return self.finding


def _head_broken() -> Finding:
    return Finding(0, "head", "审计链头记录缺失或被修改")


@dataclass(frozen=True)
class Verdict:
    """The result of a verification: entries seen, the last one, the head, the finding."""

    count: int
    first_seq: int | None
    last_seq: int | None
    last_hash: str
    head: tuple[int, str] | None
    finding: Finding | None

    @property
    def intact(self) -> bool:
        """Whether no break was found."""
        return self.finding is None

    def summary(self) -> str:
        """One line in Chinese for the command line."""
        if self.finding is not None:
            return self.finding.message
        if not self.count:
            return "审计记录完整：尚无记录"
        return (
            f"审计记录完整：共 {self.count} 条（第 {self.first_seq}–{self.last_seq} 条），"
            f"最后一条的哈希 {self.last_hash}"
        )


_ENTRIES = select(
    AuditEntry.seq,
    AuditEntry.at,
    AuditEntry.kind,
    AuditEntry.username,
    AuditEntry.device_id,
    AuditEntry.details,
    AuditEntry.prev_hash,
    AuditEntry.hash,
).order_by(AuditEntry.seq)


def _stored(row: Any) -> StoredEntry:
    return StoredEntry(
        seq=int(row[0]),
        time=time_text(row[1]),
        kind=str(row[2]),
        actor=AuditActor(str(row[3] or ""), str(row[4] or "")),
        details=str(row[5]),
        prev_hash=str(row[6]),
        hash=str(row[7]),
    )


def _read_head(connection: Connection) -> tuple[int, str] | None:
    row = connection.execute(
        select(AuditHead.seq, AuditHead.hash).where(AuditHead.id == HEAD_ID)
    ).first()
    return (int(row[0]), str(row[1])) if row is not None else None


def verify_database(db: Database) -> Verdict:
    """Walk the whole chain of the database in one snapshot, against its head row."""
    with db.snapshot() as session:
        connection = session.connection()
        head = _read_head(connection)
        walk = ChainWalk()
        first: int | None = None
        for row in connection.execute(_ENTRIES.execution_options(yield_per=2000)):
            entry = _stored(row)
            if first is None:
                first = entry.seq
            if not walk.feed(entry):
                break
        finding = walk.finish(head)
        if head is None and finding is None:
            finding = _head_broken()
    return Verdict(walk.count, first, walk.last_seq or None, walk.last_hash, head, finding)


def _seq_range(
    connection: Connection, since: datetime | None, until: datetime | None
) -> tuple[int, int] | None:
    low = connection.scalar(
        select(func.min(AuditEntry.seq)).where(AuditEntry.at >= since)
        if since is not None
        else select(func.min(AuditEntry.seq))
    )
    high = connection.scalar(
        select(func.max(AuditEntry.seq)).where(AuditEntry.at < until)
        if until is not None
        else select(func.max(AuditEntry.seq))
    )
    if low is None or high is None or low > high:
        return None
    return int(low), int(high)


def export_entries(
    db: Database, since: datetime | None = None, until: datetime | None = None
) -> Iterator[StoredEntry]:
    """The entries from the first at or after `since` to the last before `until`, in seq
    order (a contiguous run of the chain, so an export verifies on its own)."""
    with db.snapshot() as session:
        connection = session.connection()
        bounds = _seq_range(connection, since, until)
        if bounds is None:
            return
        statement = _ENTRIES.where(AuditEntry.seq.between(*bounds))
        for row in connection.execute(statement.execution_options(yield_per=2000)):
            yield _stored(row)


def export_line(entry: StoredEntry) -> str:
    """One JSON Lines line (canonical JSON, no newline)."""
    return canonical(entry.to_json())


class ExportError(ValueError):
    """A line of an export that is not an audit entry."""


def parse_line(line: str, number: int) -> StoredEntry:
    """An entry of an export line; ExportError names the line."""
    try:
        data = json.loads(line)
        actor = data["actor"]
        return StoredEntry(
            seq=int(data["seq"]),
            time=str(data["time"]),
            kind=str(data["kind"]),
            actor=AuditActor(str(actor["username"]), str(actor["device_id"])),
            details=(
                canonical(data["details"])
                if not isinstance(data["details"], str)
                else data["details"]
            ),
            prev_hash=str(data["prev_hash"]),
            hash=str(data["hash"]),
        )
    except (ValueError, KeyError, TypeError) as exc:
        raise ExportError(f"第 {number} 行不是审计记录") from exc


def verify_export(lines: Iterable[str]) -> Verdict:
    """Check an export on its own: hashes and links from its first entry to its last.

    An export of the whole chain starts at seq 1 with the genesis hash; a slice starts
    where it starts (compare its last hash with `audit verify --db`, or a kept head hash).
    """
    walk: ChainWalk | None = None
    first: int | None = None
    number = 0
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        entry = parse_line(line, number)
        if walk is None:
            first = entry.seq
            walk = ChainWalk(entry.seq, GENESIS if entry.seq == 1 else entry.prev_hash)
        if not walk.feed(entry):
            break
    if walk is None:
        return Verdict(0, None, None, GENESIS, None, None)
    finding = walk.finish(None)
    return Verdict(walk.count, first, walk.last_seq or None, walk.last_hash, None, finding)
