"""Column types shared by SQLite and PostgreSQL: China-time instants and compact JSON."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import DateTime, Dialect
from sqlalchemy.types import TypeDecorator

from desktop.domain.timeutil import CHINA_TZ, to_china
from desktop.wire.text import canonical_json


def json_dumps(value: Any) -> str:
    """The wire's canonical JSON text (the engine's JSON serializer), as the client stores it."""
    return canonical_json(value)


def naive_china(moment: datetime) -> datetime:
    """The stored form of an instant: naive China Standard Time."""
    if moment.tzinfo is not CHINA_TZ:
        moment = to_china(moment)
    return moment.replace(tzinfo=None)


def sqlite_text(moment: datetime) -> str:
    """The text SQLite stores for an instant, exactly as `ChinaDateTime` writes it."""
    return naive_china(moment).isoformat(" ", "microseconds")


class ChinaDateTime(TypeDecorator[datetime]):
    """An aware datetime stored as naive China time (TIMESTAMP on PostgreSQL, text on SQLite)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> datetime | None:
        """Store the instant as naive China Standard Time."""
        if value is None:
            return None
        if not isinstance(value, datetime):
            raise TypeError(f"expected datetime, got {type(value).__name__}")
        return naive_china(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        """Read back as an aware China-time datetime."""
        if value is None:
            return None
        return value.replace(tzinfo=CHINA_TZ)
