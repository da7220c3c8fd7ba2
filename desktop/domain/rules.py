"""Time-limit and warning rules as data: the defaults of the design, replaceable by the platform."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from desktop.domain.assessment_weights import AssessmentWeights
from desktop.domain.calendar import OfficeHours
from desktop.domain.case_rules import CaseRules
from desktop.domain.codes import Channel, Priority
from desktop.domain.messages import Message
from desktop.domain.powers import DEFAULT_POWERS, Powers
from desktop.domain.stages import Stage

DEFAULT_HANDLE_DAYS: Mapping[Priority, int] = {
    Priority.NORMAL: 10,
    Priority.URGENT: 3,
    Priority.CRITICAL: 1,
}

DEFAULT_CHANNEL_HANDLE_DAYS: Mapping[Channel, Mapping[Priority, int]] = {
    # 信访工作条例: settled within 60 days of acceptance, about 42 working days.
    Channel.PETITION: {Priority.NORMAL: 42, Priority.URGENT: 10, Priority.CRITICAL: 3},
    # 12345 work orders: 5 working days, urgent ones 2, critical ones 1.
    Channel.HOTLINE_12345: {Priority.NORMAL: 5, Priority.URGENT: 2, Priority.CRITICAL: 1},
}
"""Channels whose items come with their own handling limits (working days by priority)."""

DEFAULT_CALLBACK_CHANNELS = frozenset(
    {
        Channel.HOTLINE_12345,
        Channel.HOTLINE_12369,
        Channel.PETITION,
        Channel.LEADER_MAILBOX,
        Channel.WECHAT_REPORT,
    }
)
"""Channels with a reporter who is called back (回访) before the clue is closed."""

DEFAULT_REFUSAL_GROUNDS: Mapping[str, str] = {
    "out_of_scope": "不属于生态环境保护职责范围",
    "no_facts": "无具体被反映对象或违法事实",
    "already_settled": "已依法处理且无新情况、新理由",
    "in_litigation": "已进入诉讼、仲裁或行政复议程序",
    "other_channel": "依法应通过其他法定途径解决",
}
"""The rules an intake item may be refused under (不予受理), by code."""


@dataclass(frozen=True)
class TimeLimits:
    """Working-day limits of each stage of the closed loop."""

    dispatch_days: int = 1
    sign_days: int = 1
    handle_days: Mapping[Priority, int] = field(default_factory=lambda: dict(DEFAULT_HANDLE_DAYS))
    review_days: int = 2
    rework_days: int = 5
    verification_rework_days: int = 5
    """The rework after a failed weekly verification (整改提升), in working days."""
    return_window_days: int = 2
    max_extension_days: int = 10
    max_extensions: int = 2
    max_extension_total_days: int = 15
    channel_handle_days: Mapping[Channel, Mapping[Priority, int]] = field(
        default_factory=lambda: {c: dict(d) for c, d in DEFAULT_CHANNEL_HANDLE_DAYS.items()}
    )

    def handle_days_for(self, priority: Priority, channel: Channel | None = None) -> int:
        """The handling limit for a clue of `priority` that came in through `channel`."""
        own = self.channel_handle_days.get(channel) if channel is not None else None
        if own is not None and priority in own:
            return own[priority]
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
    callback_channels: frozenset[Channel] = DEFAULT_CALLBACK_CHANNELS
    signoff_required: bool = True
    refusal_grounds: Mapping[str, str] = field(
        default_factory=lambda: dict(DEFAULT_REFUSAL_GROUNDS)
    )
    powers: Powers = DEFAULT_POWERS
    """Which unit may issue which document and file which cases (see `desktop.domain.powers`)."""
    cases: CaseRules = field(default_factory=CaseRules)
    """Penalty cases: decision deadline, extensions, hearings (see `desktop.domain.case_rules`)."""
    stage_warnings: Mapping[Stage, WarningThresholds] = field(default_factory=dict)
    """Warning thresholds of stages that do not follow `warnings` (see `warnings_for`)."""
    assessment_weights: AssessmentWeights = field(default_factory=AssessmentWeights)
    """Weights of the unit assessment's combined score (see `desktop.domain.assessment`)."""

    def warnings_for(self, stage: Stage) -> WarningThresholds:
        """The warning thresholds of `stage`: its own, else the general ones."""
        return self.stage_warnings.get(stage, self.warnings)

    def needs_callback(self, channel: Channel) -> bool:
        """Whether a clue of `channel` is called back before it is closed."""
        return channel in self.callback_channels

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
                "verification_rework_days": limits.verification_rework_days,
                "return_window_days": limits.return_window_days,
                "max_extension_days": limits.max_extension_days,
                "max_extensions": limits.max_extensions,
                "max_extension_total_days": limits.max_extension_total_days,
                "channel_handle_days": {
                    c.value: {p.value: d for p, d in days.items()}
                    for c, days in limits.channel_handle_days.items()
                },
            },
            "warnings": _thresholds_dict(self.warnings),
            "office_hours": self.office_hours.to_list(),
            "callback_channels": sorted(c.value for c in self.callback_channels),
            "signoff_required": self.signoff_required,
            "refusal_grounds": dict(self.refusal_grounds),
            "powers": self.powers.to_dict(),
            "cases": self.cases.to_dict(),
            "stage_warnings": {
                stage.value: _thresholds_dict(thresholds)
                for stage, thresholds in self.stage_warnings.items()
            },
            "assessment_weights": self.assessment_weights.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Rules:
        """Read rules data; missing entries keep their defaults, bad ones raise ValueError."""
        if not isinstance(data, Mapping):
            raise ValueError(Message("时限规则应为对象（含 limits、warnings、office_hours）"))
        base = cls()
        limits = base.limits
        raw_limits = _section(data, "limits")
        for name in (
            "dispatch_days",
            "sign_days",
            "review_days",
            "rework_days",
            "verification_rework_days",
            "return_window_days",
            "max_extension_days",
            "max_extensions",
            "max_extension_total_days",
        ):
            if name in raw_limits:
                changes: dict[str, Any] = {name: _days(raw_limits[name], f"limits.{name}")}
                limits = replace(limits, **changes)
        if "handle_days" in raw_limits:
            handle = dict(limits.handle_days)
            raw_handle = raw_limits["handle_days"]
            if not isinstance(raw_handle, Mapping):
                raise ValueError(
                    Message("时限规则 limits.handle_days 应为对象（紧急程度: 工作日数）")
                )
            for key, value in raw_handle.items():
                try:
                    priority = Priority(key)
                except ValueError as exc:
                    message = Message(
                        "时限规则 limits.handle_days 中的紧急程度无效：{key}", key=str(key)
                    )
                    raise ValueError(message) from exc
                handle[priority] = _days(value, f"limits.handle_days.{key}")
            limits = replace(limits, handle_days=handle)
        if "channel_handle_days" in raw_limits:
            limits = replace(
                limits, channel_handle_days=_channel_days(raw_limits["channel_handle_days"])
            )
        warnings = _thresholds(_section(data, "warnings"), base.warnings, "warnings")
        stage_warnings = _stage_warnings(data.get("stage_warnings"), warnings)
        hours = base.office_hours
        if "office_hours" in data:
            raw_hours = data["office_hours"]
            if not isinstance(raw_hours, list) or not all(
                isinstance(pair, list | tuple) and len(pair) == 2 for pair in raw_hours
            ):
                raise ValueError(
                    Message('时限规则 office_hours 应为时段列表，如 [["08:30", "12:00"]]')
                )
            hours = OfficeHours.from_list(raw_hours)
        return cls(
            limits=limits,
            warnings=warnings,
            office_hours=hours,
            callback_channels=_channels(data.get("callback_channels", base.callback_channels)),
            signoff_required=_flag(data.get("signoff_required", base.signoff_required)),
            refusal_grounds=_grounds(data.get("refusal_grounds", base.refusal_grounds)),
            powers=Powers.from_dict(data["powers"]) if "powers" in data else base.powers,
            cases=CaseRules.from_dict(data["cases"]) if "cases" in data else base.cases,
            stage_warnings=stage_warnings,
            assessment_weights=(
                AssessmentWeights.from_dict(data["assessment_weights"])
                if "assessment_weights" in data
                else base.assessment_weights
            ),
        )


def _section(data: Mapping[str, Any], name: str) -> Mapping[str, Any]:
    value = data.get(name)
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise ValueError(Message("时限规则 {name} 应为对象", name=name))
    return value


def _thresholds_dict(thresholds: WarningThresholds) -> dict[str, int]:
    return {
        "level1_remaining_days": thresholds.level1_remaining_days,
        "level3_overdue_days": thresholds.level3_overdue_days,
    }


def _thresholds(raw: Mapping[str, Any], base: WarningThresholds, name: str) -> WarningThresholds:
    found = base
    for key in ("level1_remaining_days", "level3_overdue_days"):
        if key in raw:
            days = _days(raw[key], f"{name}.{key}")
            found = replace(found, **{key: days})
    return found


def _stage_warnings(raw: Any, general: WarningThresholds) -> dict[Stage, WarningThresholds]:
    """Per-stage thresholds; an entry's missing keys follow the general thresholds."""
    if raw is None:
        return {}
    if not isinstance(raw, Mapping):
        raise ValueError(Message("时限规则 stage_warnings 应为对象（环节: 预警阈值）"))
    found: dict[Stage, WarningThresholds] = {}
    for key, value in raw.items():
        try:
            stage = Stage(key)
        except ValueError as exc:
            raise ValueError(
                Message("时限规则 stage_warnings 中的环节无效：{key}", key=str(key))
            ) from exc
        name = f"stage_warnings.{key}"
        if not isinstance(value, Mapping):
            raise ValueError(Message("时限规则 {name} 应为对象", name=name))
        found[stage] = _thresholds(value, general, name)
    return found


def _days(value: Any, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value <= 365:
        raise ValueError(
            Message(
                "时限规则 {name} 必须是 1 到 365 之间的整数，而不是 {value}",
                name=name,
                value=repr(value),
            )
        )
    return value


def _channel(key: Any, name: str) -> Channel:
    try:
        return Channel(key)
    except ValueError as exc:
        raise ValueError(
            Message("时限规则 {name} 中的举报途径无效：{key}", name=name, key=str(key))
        ) from exc


def _channel_days(raw: Any) -> dict[Channel, dict[Priority, int]]:
    if not isinstance(raw, Mapping):
        raise ValueError(
            Message(
                "时限规则 limits.channel_handle_days 应为对象（举报途径: {紧急程度: 工作日数}）"
            )
        )
    found: dict[Channel, dict[Priority, int]] = {}
    for key, days in raw.items():
        channel = _channel(key, "limits.channel_handle_days")
        if not isinstance(days, Mapping):
            raise ValueError(
                Message("时限规则 limits.channel_handle_days.{key} 应为对象", key=str(key))
            )
        own: dict[Priority, int] = {}
        for priority_key, value in days.items():
            try:
                priority = Priority(priority_key)
            except ValueError as exc:
                message = Message(
                    "时限规则 limits.channel_handle_days.{key} 中的紧急程度无效：{priority}",
                    key=str(key),
                    priority=str(priority_key),
                )
                raise ValueError(message) from exc
            own[priority] = _days(value, f"limits.channel_handle_days.{key}.{priority_key}")
        found[channel] = own
    return found


def _channels(raw: Any) -> frozenset[Channel]:
    if isinstance(raw, str) or not isinstance(raw, list | tuple | frozenset | set):
        raise ValueError(Message("时限规则 callback_channels 应为举报途径列表"))
    return frozenset(_channel(key, "callback_channels") for key in raw)


def _flag(raw: Any) -> bool:
    if not isinstance(raw, bool):
        raise ValueError(
            Message("时限规则 signoff_required 应为 true 或 false，而不是 {value}", value=repr(raw))
        )
    return raw


def _grounds(raw: Any) -> dict[str, str]:
    if not isinstance(raw, Mapping) or not raw:
        raise ValueError(Message("时限规则 refusal_grounds 应为非空对象（代码: 不予受理依据）"))
    grounds: dict[str, str] = {}
    for key, text in raw.items():
        if not isinstance(key, str) or not key or not isinstance(text, str) or not text.strip():
            raise ValueError(Message("时限规则 refusal_grounds 中的依据无效：{key}", key=repr(key)))
        grounds[key] = text.strip()
    return grounds
