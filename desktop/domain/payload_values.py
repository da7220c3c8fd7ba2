"""Reading an action's payload values: texts, instants, dates, choices and people's names,
each refused with a ValidationError naming its payload key (shared by notices and cases)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta
from typing import Any

from desktop.domain.codes import Labelled
from desktop.domain.messages import Message, labels
from desktop.domain.timeutil import to_china
from desktop.domain.validators import ValidationError, parse_date, parse_datetime, require_text

CLOCK_TOLERANCE = timedelta(minutes=10)
"""How far a time typed on a device may lie ahead of the clock that checks it."""

MAX_SERVERS = 5
"""The most people named as servers of one document."""


def payload_text(payload: Mapping[str, Any], key: str, limit: int, *, required: bool = True) -> str:
    """The free text under `key`, stripped and checked (see `require_text`)."""
    value = payload.get(key)
    if value is not None and not isinstance(value, str):
        raise ValidationError(key, Message("应为文本"))
    return require_text(value, key, limit, required=required)


def payload_moment(
    payload: Mapping[str, Any], key: str, default: datetime | None = None
) -> datetime:
    """The instant under `key` (`default` when absent; required when there is none)."""
    value = payload.get(key)
    if value is None or value == "":
        if default is None:
            raise ValidationError(key, Message("不能为空"))
        return default
    if not isinstance(value, str):
        raise ValidationError(key, Message("应为时间文本，如 2026-03-05 09:30"))
    return parse_datetime(value, key)


def payload_day(payload: Mapping[str, Any], key: str) -> date:
    """The date under `key` (required)."""
    value = payload.get(key)
    if value is not None and not isinstance(value, str):
        raise ValidationError(key, Message("应为日期文本，如 2026-03-05"))
    return parse_date(value or "", key)


def payload_choice(enum: type[Labelled], value: Any, key: str) -> Any:
    """The member of `enum` named by `value` (its code or its Chinese label)."""
    try:
        if not isinstance(value, str):
            raise ValueError(value)
        return enum.from_text(value)
    except ValueError:
        raise ValidationError(
            key,
            Message(
                "「{value}」不是有效选项（可选：{options}）", value=value, options=labels(enum)
            ),
        ) from None


def payload_flag(payload: Mapping[str, Any], key: str) -> bool:
    """A yes/no value under `key` (absent: no)."""
    value = payload.get(key)
    if value is None:
        return False
    if not isinstance(value, bool):
        raise ValidationError(key, Message("应为 true 或 false"))
    return value


def not_ahead(moment: datetime, now: datetime, key: str) -> None:
    """Refuse an instant later than now (beyond the clock tolerance)."""
    if moment > now + CLOCK_TOLERANCE:
        raise ValidationError(key, Message("不能晚于当前时间"))


def not_after_today(day: date, now: datetime, key: str) -> None:
    """Refuse a date later than today (beyond the clock tolerance)."""
    if day > to_china(now + CLOCK_TOLERANCE).date():
        raise ValidationError(key, Message("不能晚于今天"))


def when_text(moment: datetime) -> str:
    """An instant as a clerk reads it in a message: 2026-03-05 09:30."""
    local = to_china(moment)
    return f"{local:%Y-%m-%d %H:%M}"


def payload_servers(payload: Mapping[str, Any], key: str = "servers") -> tuple[str, ...]:
    """The names of the people who served a document (a list, or text split at 、，and lines)."""
    raw = payload.get(key)
    if isinstance(raw, str):
        raw = [part for part in raw.replace("、", "\n").replace("，", "\n").splitlines()]
    if raw is None:
        raw = []
    if not isinstance(raw, list) or not all(isinstance(item, str) for item in raw):
        raise ValidationError(key, Message("应为送达人姓名的列表"))
    names: list[str] = []
    for item in raw:
        name = require_text(item, key, 50, required=False)
        if name and name not in names:
            names.append(name)
    if not names:
        raise ValidationError(key, Message("至少填写一名送达人"))
    if len(names) > MAX_SERVERS:
        raise ValidationError(key, Message("最多填写 %n 名送达人", n=MAX_SERVERS))
    return tuple(names)


__all__ = [
    "CLOCK_TOLERANCE",
    "MAX_SERVERS",
    "not_after_today",
    "not_ahead",
    "payload_choice",
    "payload_day",
    "payload_flag",
    "payload_moment",
    "payload_servers",
    "payload_text",
    "when_text",
]
