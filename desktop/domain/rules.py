"""Time-limit and warning rules as data: the defaults of the design, replaceable by the platform."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from desktop.domain.calendar import OfficeHours
from desktop.domain.codes import Priority

DEFAULT_HANDLE_DAYS: Mapping[Priority, int] = {
    Priority.NORMAL: 10,
    Priority.URGENT: 3,
    Priority.CRITICAL: 1,
}


@dataclass(frozen=True)
class TimeLimits:
    """Working-day limits of each stage of the closed loop."""

    dispatch_days: int = 1
    sign_days: int = 1
    handle_days: Mapping[Priority, int] = field(default_factory=lambda: dict(DEFAULT_HANDLE_DAYS))
    review_days: int = 2
    rework_days: int = 5
    return_window_days: int = 2
    max_extension_days: int = 10

    def handle_days_for(self, priority: Priority) -> int:
        """The handling limit for a clue of `priority`."""
        return self.handle_days[priority]


@dataclass(frozen=True)
class WarningThresholds:
    """When each warning level starts, in working days (level 2 starts at the deadline)."""

    level1_remaining_days: int = 1
    level3_overdue_days: int = 3


@dataclass(frozen=True)
class Rules:
    """All rules data the client needs offline: limits, warning thresholds, office hours."""

    limits: TimeLimits = field(default_factory=TimeLimits)
    warnings: WarningThresholds = field(default_factory=WarningThresholds)
    office_hours: OfficeHours = field(default_factory=OfficeHours)

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready form the platform publishes."""
        limits = self.limits
        return {
            "limits": {
                "dispatch_days": limits.dispatch_days,
                "sign_days": limits.sign_days,
                "handle_days": {p.value: d for p, d in limits.handle_days.items()},
                "review_days": limits.review_days,
                "rework_days": limits.rework_days,
                "return_window_days": limits.return_window_days,
                "max_extension_days": limits.max_extension_days,
            },
            "warnings": {
                "level1_remaining_days": self.warnings.level1_remaining_days,
                "level3_overdue_days": self.warnings.level3_overdue_days,
            },
            "office_hours": self.office_hours.to_list(),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Rules:
        """Read rules data; missing entries keep their defaults, bad ones raise ValueError."""
        if not isinstance(data, Mapping):
            raise ValueError("时限规则应为对象（含 limits、warnings、office_hours）")
        base = cls()
        limits = base.limits
        raw_limits = _section(data, "limits")
        for name in (
            "dispatch_days",
            "sign_days",
            "review_days",
            "rework_days",
            "return_window_days",
            "max_extension_days",
        ):
            if name in raw_limits:
                changes: dict[str, Any] = {name: _days(raw_limits[name], f"limits.{name}")}
                limits = replace(limits, **changes)
        if "handle_days" in raw_limits:
            handle = dict(limits.handle_days)
            raw_handle = raw_limits["handle_days"]
            if not isinstance(raw_handle, Mapping):
                raise ValueError("时限规则 limits.handle_days 应为对象（紧急程度: 工作日数）")
            for key, value in raw_handle.items():
                try:
                    priority = Priority(key)
                except ValueError as exc:
                    message = f"时限规则 limits.handle_days 中的紧急程度无效：{key}"
                    raise ValueError(message) from exc
                handle[priority] = _days(value, f"limits.handle_days.{key}")
            limits = replace(limits, handle_days=handle)
        warnings = base.warnings
        raw_warnings = _section(data, "warnings")
        for name in ("level1_remaining_days", "level3_overdue_days"):
            if name in raw_warnings:
                days = _days(raw_warnings[name], f"warnings.{name}")
                warnings = replace(warnings, **{name: days})
        hours = base.office_hours
        if "office_hours" in data:
            raw_hours = data["office_hours"]
            if not isinstance(raw_hours, list) or not all(
                isinstance(pair, list | tuple) and len(pair) == 2 for pair in raw_hours
            ):
                raise ValueError('时限规则 office_hours 应为时段列表，如 [["08:30", "12:00"]]')
            hours = OfficeHours.from_list(raw_hours)
        return cls(limits=limits, warnings=warnings, office_hours=hours)


def _section(data: Mapping[str, Any], name: str) -> Mapping[str, Any]:
    value = data.get(name)
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise ValueError(f"时限规则 {name} 应为对象")
    return value


def _days(value: Any, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value <= 365:
        raise ValueError(f"时限规则 {name} 必须是 1 到 365 之间的整数，而不是 {value!r}")
    return value
