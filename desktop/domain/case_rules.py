"""The rules of penalty cases as data the platform publishes with its rules (`Rules.cases`):
the decision deadline, its extensions, and when a party is offered a hearing (听证).

Defaults: a decision within 90 days of 立案 (行政处罚法 第六十条); an extension of at most 30
days approved by the head, a second of at most 60 days by collective discussion, no more
(生态环境行政处罚办法 第五十七条); a hearing for a fine or confiscation of 5,000 元 or more for
a citizen (自然人, 个体工商户) and 50,000 元 or more for an organisation (江苏 较大数额), and
always for suspension, closure, revocation, lowering of qualifications or bars from an
occupation (生态环境行政处罚办法 第四十六条).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from desktop.domain.messages import Message

DEFAULT_HEARING_KINDS = (
    "qualification_lowered",
    "licence_revoked",
    "production_limited",
    "production_suspended_for_rectification",
    "business_suspended",
    "closure_ordered",
    "occupation_barred",
)
"""Penalty kinds (values of `PenaltyKind`) that are always offered a hearing."""


@dataclass(frozen=True)
class CaseRules:
    """Deadlines, extensions and hearing thresholds of penalty cases."""

    decision_days: int = 90
    """Calendar days from 立案 to the decision (行政处罚法 第六十条)."""
    extension_days: tuple[int, ...] = (30, 60)
    """The longest extension, in calendar days, of the first, second, … extension; their
    number is how many extensions a case may have."""
    hearing_citizen_yuan: Decimal = Decimal("5000")
    """A fine (with confiscated gains) from this amount offers a citizen a hearing."""
    hearing_organisation_yuan: Decimal = Decimal("50000")
    """A fine (with confiscated gains) from this amount offers an organisation a hearing."""
    hearing_kinds: frozenset[str] = frozenset(DEFAULT_HEARING_KINDS)
    """Penalty kinds that always offer a hearing."""

    @property
    def max_extensions(self) -> int:
        """How many extensions a case may have."""
        return len(self.extension_days)

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready form the platform publishes."""
        return {
            "decision_days": self.decision_days,
            "extension_days": list(self.extension_days),
            "hearing_citizen_yuan": str(self.hearing_citizen_yuan),
            "hearing_organisation_yuan": str(self.hearing_organisation_yuan),
            "hearing_kinds": sorted(self.hearing_kinds),
        }

    @classmethod
    def from_dict(cls, raw: Any) -> CaseRules:
        """Read published case rules (missing keys keep their defaults); ValueError naming
        the key for anything malformed."""
        if not isinstance(raw, Mapping):
            raise ValueError(Message("案件规则 cases 应为对象"))
        base = cls()
        days = raw.get("decision_days", base.decision_days)
        if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= 365:
            raise ValueError(Message("案件规则 cases.decision_days 应为 1 到 365 之间的整数"))
        extensions = raw.get("extension_days", list(base.extension_days))
        if (
            not isinstance(extensions, list)
            or len(extensions) > 5
            or not all(
                isinstance(d, int) and not isinstance(d, bool) and 1 <= d <= 365 for d in extensions
            )
        ):
            raise ValueError(
                Message("案件规则 cases.extension_days 应为至多 5 个 1 到 365 之间的整数")
            )
        kinds = raw.get("hearing_kinds", sorted(base.hearing_kinds))
        if not isinstance(kinds, list) or not all(isinstance(k, str) and k for k in kinds):
            raise ValueError(Message("案件规则 cases.hearing_kinds 应为处罚种类代码的列表"))
        return cls(
            decision_days=days,
            extension_days=tuple(extensions),
            hearing_citizen_yuan=_amount(raw, "hearing_citizen_yuan", base.hearing_citizen_yuan),
            hearing_organisation_yuan=_amount(
                raw, "hearing_organisation_yuan", base.hearing_organisation_yuan
            ),
            hearing_kinds=frozenset(kinds),
        )


def _amount(raw: Mapping[str, Any], key: str, default: Decimal) -> Decimal:
    value = raw.get(key)
    if value is None:
        return default
    try:
        if isinstance(value, bool) or not isinstance(value, str | int):
            raise InvalidOperation
        amount = Decimal(str(value))
    except InvalidOperation:
        raise ValueError(Message("案件规则 cases.{key} 应为金额（元）", key=key)) from None
    if not amount.is_finite() or amount <= 0:
        raise ValueError(Message("案件规则 cases.{key} 应为正的金额（元）", key=key))
    return amount


__all__ = ["DEFAULT_HEARING_KINDS", "CaseRules"]
