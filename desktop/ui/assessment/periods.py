"""The periods the unit assessment offers: this month, last month, this quarter, this year."""

from __future__ import annotations

from datetime import date, timedelta
from enum import Enum

from desktop.domain.assessment import Period


class PeriodPreset(Enum):
    """A period chosen by name; CUSTOM takes the dates the user picks."""

    THIS_MONTH = "this_month"
    LAST_MONTH = "last_month"
    THIS_QUARTER = "this_quarter"
    THIS_YEAR = "this_year"
    CUSTOM = "custom"


DEFAULT_PRESET = PeriodPreset.LAST_MONTH
"""The period the view opens on: the last whole month."""


def _month_end(day: date) -> date:
    following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return following - timedelta(days=1)


def preset_period(preset: PeriodPreset, today: date) -> Period:
    """The days of a named period around `today` (a running period ends today)."""
    if preset is PeriodPreset.THIS_MONTH:
        return Period(today.replace(day=1), today)
    if preset is PeriodPreset.LAST_MONTH:
        end = today.replace(day=1) - timedelta(days=1)
        return Period(end.replace(day=1), _month_end(end))
    if preset is PeriodPreset.THIS_QUARTER:
        first_month = (today.month - 1) // 3 * 3 + 1
        return Period(date(today.year, first_month, 1), today)
    if preset is PeriodPreset.THIS_YEAR:
        return Period(date(today.year, 1, 1), today)
    raise ValueError("a custom period has the dates the user picks")
