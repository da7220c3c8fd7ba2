"""China Standard Time helpers: every instant in the domain is aware and shown in UTC+8."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

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
