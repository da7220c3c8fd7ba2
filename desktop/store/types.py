"""Column types: China-time datetimes and JSON text that SQLite stores portably."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import DateTime, Dialect, Text
from sqlalchemy.types import TypeDecorator

from desktop.domain.timeutil import CHINA_TZ, to_china
from desktop.wire.text import canonical_json


def china_text(moment: datetime) -> str:
    """The stored text of an instant, exactly as `ChinaDateTime` writes it (for bulk loads)."""
    if moment.tzinfo is not CHINA_TZ:
        moment = to_china(moment)
    return moment.replace(tzinfo=None).isoformat(" ", "microseconds")


def json_text(value: Any) -> str:
    """The stored text of a JSON value, exactly as `JsonText` writes it."""
    return canonical_json(value)


class ChinaDateTime(TypeDecorator[datetime]):
    """An aware datetime stored as naive China time, so text order is time order."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> datetime | None:
        """Store the instant as naive China Standard Time."""
        if value is None:
            return None
        if not isinstance(value, datetime):
            raise TypeError(f"expected datetime, got {type(value).__name__}")
        return to_china(value).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        """Read back as an aware China-time datetime."""
        if value is None:
            return None
        return value.replace(tzinfo=CHINA_TZ)


class JsonText(TypeDecorator[Any]):
    """A JSON value kept as UTF-8 text (readable with the sqlite3 shell)."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        """Serialize to compact JSON, Chinese kept readable."""
        if value is None:
            return None
        return json_text(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> Any:
        """Parse the stored JSON."""
        if value is None:
            return None
        return json.loads(value)
