"""China Standard Time helpers: every instant in the domain is aware and shown in UTC+8."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import Any

CHINA_TZ = timezone(timedelta(hours=8), "CST")


def to_china(moment: datetime) -> datetime:
    """Return the same instant in China Standard Time; naive datetimes are refused."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"naive datetime {moment.isoformat()} has no time zone")
    return moment.astimezone(CHINA_TZ)


def china_now() -> datetime:
    """The current instant in China Standard Time."""
    return datetime.now(CHINA_TZ)


def format_date_cn(moment: datetime) -> str:
    """A date as printed on documents: 2026年3月5日 (no zero padding)."""
    return f"{moment.year}年{moment.month}月{moment.day}日"


def iso_or_none(value: date | datetime | None) -> str | None:
    """A date or instant as ISO 8601 text for JSON (None stays None)."""
    return value.isoformat() if value is not None else None


def moment_or_none(value: Any) -> datetime | None:
    """The instant (in China Standard Time) of ISO 8601 text; None for empty."""
    return to_china(datetime.fromisoformat(value)) if value else None


def day_or_none(value: Any) -> date | None:
    """The date of ISO 8601 text; None for empty."""
    return date.fromisoformat(value) if value else None
