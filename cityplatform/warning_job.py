"""The warning job: keeps the warning record of every open clue current, even while nobody
pushes, and runs exactly once at a time across every platform process sharing the database.

One run is one write transaction that first takes a database lock without waiting — on
PostgreSQL the transaction-level advisory lock `WARNING_JOB_LOCK`, on SQLite the database
write lock (`BEGIN IMMEDIATE`) — and skips when another holder has it. It reads the open
clues in pages, runs `advance_record` (the shared rules) for each at `now`, and writes the
clues whose record changed: their episodes and a new change seq, so clients pull them.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select, text, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from cityplatform.changes import next_seq
from cityplatform.db import SQLITE_BUSY_SECONDS, Database
from cityplatform.domainmap import STATE_COLUMNS, RuleBook, clue_state
from cityplatform.models import Clue
from cityplatform.state import RULES_VERSION, get_setting
from cityplatform.warning_record import advance_stored, open_episodes, stage_started
from desktop.domain.deadlines import STAGE_OF_STATUS
from desktop.domain.warning_record import advance_record

log = logging.getLogger(__name__)

WARNING_JOB_LOCK = 0x7761726E_6A6F62
"""The PostgreSQL advisory lock key of the warning job ("warnjob"); advisory locks are per
database, so one platform per PostgreSQL database (as deployed)."""

DEFAULT_INTERVAL_SECONDS = 60.0
"""How often a platform process runs the job by default."""

PAGE = 1000
"""Open clues read per query."""

RUNNING_STATUSES = tuple(status.value for status in STAGE_OF_STATUS)
"""Statuses under which a stage deadline runs (the clues the job looks at)."""

_CLUES = select(
    Clue.id, Clue.code, Clue.registered_by_unit, *(getattr(Clue, n) for n in STATE_COLUMNS)
)


@dataclass(frozen=True)
class JobRun:
    """What one run did: whether it got the lock, clues looked at and clues changed."""

    ran: bool
    looked_at: int = 0
    changed: int = 0


RuleBookOf = Callable[[Session], RuleBook]
"""Where a run gets the rules and calendar (the platform's cached book, or freshly loaded)."""


def load_book(session: Session) -> RuleBook:
    """The rules and calendar as stored now."""
    from cityplatform.domainmap import load_rulebook

    return load_rulebook(session, int(get_setting(session, RULES_VERSION, "1") or 1))


def _begin_locked(connection: Connection, sqlite: bool) -> bool:
    """Begin the run's transaction holding the job's lock, without waiting; False: taken."""
    if sqlite:
        raw: Any = connection.connection.dbapi_connection
        assert isinstance(raw, sqlite3.Connection)
        raw.execute("PRAGMA busy_timeout=0")
        try:
            connection.begin()  # BEGIN IMMEDIATE: the database write lock
        except OperationalError:
            return False
        finally:
            raw.execute(f"PRAGMA busy_timeout={int(SQLITE_BUSY_SECONDS * 1000)}")
        return True
    connection.begin()
    got = connection.scalar(
        text("SELECT pg_try_advisory_xact_lock(:key)"), {"key": WARNING_JOB_LOCK}
    )
    if not got:
        connection.rollback()
    return bool(got)


def _changed_ids(session: Session, book: RuleBook, now: datetime) -> tuple[int, list[int]]:
    """Clues (paged by id) whose record `advance_record` would change at `now`."""
    connection = session.connection()
    looked, after = 0, 0
    changed: list[int] = []
    while True:
        rows = connection.execute(
            _CLUES.where(Clue.status.in_(RUNNING_STATUSES), Clue.id > after)
            .order_by(Clue.id)
            .limit(PAGE)
        ).all()
        if not rows:
            return looked, changed
        after = rows[-1].id
        looked += len(rows)
        stored = open_episodes(connection, [r.id for r in rows])
        for row in rows:
            state = clue_state(row, ())
            episodes = [o.episode for o in stored.get(row.id, [])]
            step = advance_record(
                episodes, state, stage_started(state), now, book.calendar, book.rules
            )
            if not step.empty:
                changed.append(row.id)


def _advance(session: Session, book: RuleBook, ids: list[int], now: datetime) -> int:
    """Lock the clues, advance each record (again, on the locked state), bump their seq."""
    connection = session.connection()
    count = 0
    for start in range(0, len(ids), PAGE):
        chunk = ids[start : start + PAGE]
        rows = connection.execute(
            _CLUES.where(Clue.id.in_(chunk)).order_by(Clue.id).with_for_update(of=Clue)
        ).all()
        stored = open_episodes(connection, chunk)
        moved = []
        for row in rows:
            state = clue_state(row, ())
            changed, _ = advance_stored(
                connection, book, row.id, state, stored.get(row.id, []), now
            )
            if changed:
                moved.append(row.id)
        for clue_id in moved:
            connection.execute(update(Clue).where(Clue.id == clue_id).values(seq=next_seq(session)))
        count += len(moved)
    return count


def run_warning_job(db: Database, now: datetime, book_of: RuleBookOf = load_book) -> JobRun:
    """One run of the job at `now`; skips (ran=False) while another run holds the lock."""
    with db.writer() as connection:
        if not _begin_locked(connection, db.is_sqlite):
            return JobRun(ran=False)
        try:
            with Session(bind=connection) as session:
                book = book_of(session)
                looked, ids = _changed_ids(session, book, now)
                changed = _advance(session, book, ids, now) if ids else 0
                session.flush()
            connection.commit()
        except BaseException:
            connection.rollback()
            raise
    return JobRun(ran=True, looked_at=looked, changed=changed)


class WarningJobThread(threading.Thread):
    """Runs the job every `interval` seconds in a platform process until stopped."""

    def __init__(
        self, db: Database, clock: Callable[[], datetime], interval: float, book_of: RuleBookOf
    ) -> None:
        super().__init__(name="warning-job", daemon=True)
        self._db = db
        self._clock = clock
        self._interval = interval
        self._book_of = book_of
        self._halt = threading.Event()

    def run(self) -> None:
        """Run at once, then every `interval` seconds; a failed run is logged and tried again
        at the next tick."""
        while True:
            try:
                run_warning_job(self._db, self._clock(), self._book_of)
            except Exception:  # noqa: BLE001 - the next tick tries again
                log.exception("预警任务运行失败")
            if self._halt.wait(self._interval):
                return

    def stop(self) -> None:
        """Stop after the current run."""
        self._halt.set()
        self.join(timeout=30)
