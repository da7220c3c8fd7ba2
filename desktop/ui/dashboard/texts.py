"""How the dashboard writes a figure's value and which way a figure is better."""

from __future__ import annotations

from desktop.domain.statistics import FigureDef

NO_VALUE = "—"
"""A rate whose denominator is zero (nothing to judge in the period)."""

HIGHER_IS_WORSE_RATES = ("overdue", "returned", "rejected", "unsatisfied", "untrue")
"""A rate whose key holds one of these is worse the higher it is (all other rates: better)."""


def value_text(definition: FigureDef, value: int | float | None) -> str:
    """A count as a whole number, a rate as a percentage with one decimal, "—" for no rate."""
    if value is None:
        return NO_VALUE
    if definition.kind == "rate":
        return f"{float(value) * 100:.1f}%"
    return f"{int(value):,}"


def higher_is_worse(definition: FigureDef) -> bool:
    """Whether a larger value of the figure is the worse one (counts: the busiest first)."""
    if definition.kind != "rate":
        return True
    return any(part in definition.key for part in HIGHER_IS_WORSE_RATES)


def worst_first_key(definition: FigureDef, value: int | float | None) -> tuple[int, float]:
    """A sort key that puts the worst value first and a missing rate last."""
    if value is None:
        return (1, 0.0)
    number = float(value)
    return (0, -number if higher_is_worse(definition) else number)
