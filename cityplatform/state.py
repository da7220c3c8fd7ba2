"""Shared state in the database: settings rows and counters taken under a row lock."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, bindparam, delete, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from cityplatform.models import Counter, Setting

CHANGE_SEQ = "change_seq"
"""The counter of change sequence numbers (the pull feed's order)."""

JWT_SECRET = "jwt_secret"
INSTANCE_ID = "instance_id"
RULES_VERSION = "rules_version"
TOMBSTONE_HORIZON = "tombstone_horizon"
TOMBSTONE_RETENTION_DAYS = "tombstone_retention_days"

DEFAULT_RETENTION_DAYS = 180


Executor = Session | Connection
"""Where statements run: an ORM session or a Core connection."""


def _dialect(executor: Executor) -> str:
    if isinstance(executor, Connection):
        return executor.dialect.name
    return executor.get_bind().dialect.name


def insert_ignore(session: Executor, model: type[Any], values: dict[str, Any]) -> None:
    """INSERT a row unless its primary key exists (ON CONFLICT DO NOTHING, race-free)."""
    dialect = _dialect(session)
    module: Any = postgresql if dialect == "postgresql" else sqlite
    session.execute(module.insert(model).values(**values).on_conflict_do_nothing())


def bootstrap(session: Session) -> None:
    """Create the settings and counters a fresh database needs (idempotent); caller commits."""
    defaults = {
        JWT_SECRET: secrets.token_hex(32),
        INSTANCE_ID: secrets.token_hex(6),
        RULES_VERSION: "1",
        TOMBSTONE_HORIZON: "0",
        TOMBSTONE_RETENTION_DAYS: str(DEFAULT_RETENTION_DAYS),
    }
    for key, value in defaults.items():
        insert_ignore(session, Setting, {"key": key, "value": value})
    insert_ignore(session, Counter, {"name": CHANGE_SEQ, "value": 0})


def get_setting(session: Session, key: str, default: str = "") -> str:
    """A settings value, or `default`."""
    value = session.scalar(select(Setting.value).where(Setting.key == key))
    return default if value is None else value


def put_setting(session: Session, key: str, value: str) -> None:
    """Set a settings value; caller commits."""
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value


_BUMP = (
    update(Counter)
    .where(Counter.name == bindparam("counter"))
    .values(value=Counter.value + bindparam("by"))
    .returning(Counter.value)
)
"""UPDATE … RETURNING of a counter (a Core statement: one cached compile, no ORM work)."""


def bump_counter(session: Session, name: str, by: int = 1) -> int:
    """Add `by` to a counter and return its new value; the row stays locked until commit.

    `UPDATE … RETURNING` takes the row lock on PostgreSQL; on SQLite the write transaction
    (BEGIN IMMEDIATE) already holds the database's write lock.
    """
    connection = session.connection()
    value = connection.execute(_BUMP, {"counter": name, "by": by}).scalar()
    if value is None:
        insert_ignore(connection, Counter, {"name": name, "value": 0})
        value = connection.execute(_BUMP, {"counter": name, "by": by}).scalar_one()
    return int(value)


def counter_value(session: Session, name: str) -> int:
    """The current value of a counter (0 when it does not exist)."""
    value = session.scalar(select(Counter.value).where(Counter.name == name))
    return int(value or 0)


def set_counter_at_least(session: Executor, name: str, value: int) -> None:
    """Raise a counter to `value` if it is lower (for seeded data); caller commits."""
    insert_ignore(session, Counter, {"name": name, "value": 0})
    session.execute(
        update(Counter).where(Counter.name == name, Counter.value < value).values(value=value)
    )


def prune_tombstones(
    session: Session, now: datetime, *, days: int | None = None
) -> tuple[int, int]:
    """Delete scope exits older than the retention; cursors before them answer reset_required.

    Returns how many were deleted and the new horizon (the lowest cursor still served).
    """
    from cityplatform.models import ScopeExit

    if days is None:
        days = int(get_setting(session, TOMBSTONE_RETENTION_DAYS, str(DEFAULT_RETENTION_DAYS)))
    cutoff = now - timedelta(days=days)
    newest = session.scalar(select(func.max(ScopeExit.seq)).where(ScopeExit.at < cutoff))
    horizon = int(get_setting(session, TOMBSTONE_HORIZON, "0") or 0)
    if newest is None:
        return 0, horizon
    result = session.execute(delete(ScopeExit).where(ScopeExit.seq <= newest))
    horizon = max(horizon, int(newest))
    put_setting(session, TOMBSTONE_HORIZON, str(horizon))
    return int(getattr(result, "rowcount", 0) or 0), horizon
