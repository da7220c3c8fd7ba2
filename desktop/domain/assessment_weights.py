"""The weights of the combined score of the unit assessment (单位使用平台情况考核), as rules data.

Each component of the score is a share between 0 and 1 (1 is best) computed from the
assessment's figures (see `desktop.domain.assessment`); the score is their weighted mean
times 100. The weights never change a figure, only the score.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from desktop.domain.messages import Message

COMPONENTS = (
    "signed_on_time",
    "handled_on_time",
    "reported_on_time",
    "not_returned",
    "passed_review",
    "without_extension",
    "without_red_warning",
    "satisfaction",
    "suggestions_answered_on_time",
)
"""The components of the score, in the order the assessment lists them."""

DEFAULT_ASSESSMENT_WEIGHTS: Mapping[str, float] = {
    "signed_on_time": 15,
    "handled_on_time": 20,
    "reported_on_time": 15,
    "not_returned": 10,
    "passed_review": 10,
    "without_extension": 5,
    "without_red_warning": 10,
    "satisfaction": 10,
    "suggestions_answered_on_time": 5,
}
"""Default weights (they add up to 100): handling on time counts most, then signing and
reporting on time; returns, review, level-3 warnings and satisfaction 10 each; extensions and
the commission's suggestions 5 each."""

KEY = "assessment_weights"
"""The key of the weights in the rules data."""


@dataclass(frozen=True)
class AssessmentWeights:
    """The weight of each component of the combined score (non-negative, not all zero)."""

    weights: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_ASSESSMENT_WEIGHTS))

    def weight(self, component: str) -> float:
        """The weight of `component` (0 for one the rules do not weigh)."""
        return float(self.weights.get(component, 0))

    def to_dict(self) -> dict[str, float]:
        """The JSON-ready form the platform publishes."""
        return {name: self.weights.get(name, 0) for name in COMPONENTS}

    @classmethod
    def from_dict(cls, raw: Any) -> AssessmentWeights:
        """Read the weights; missing components keep their defaults; ValueError naming the
        key for bad data."""
        if not isinstance(raw, Mapping):
            raise ValueError(Message("时限规则 {key} 应为对象（考核项: 权重）", key=KEY))
        weights = dict(DEFAULT_ASSESSMENT_WEIGHTS)
        for name, value in raw.items():
            key = f"{KEY}.{name}"
            if name not in COMPONENTS:
                raise ValueError(Message("时限规则 {key} 不是考核项", key=key))
            if (
                isinstance(value, bool)
                or not isinstance(value, int | float)
                or not 0 <= value <= 1000
            ):
                raise ValueError(
                    Message(
                        "时限规则 {key} 应为 0 到 1000 之间的数，而不是 {value}",
                        key=key,
                        value=repr(value),
                    )
                )
            weights[name] = value
        if not any(weights.values()):
            raise ValueError(Message("时限规则 {key} 的权重不能全为 0", key=KEY))
        return cls(weights=weights)
