"""The monthly circular (月度通报): its month, its level, the ranking of its rows, the units
named for praise or criticism, and the wording of its title and number (pure rules, no store).

A city circular ranks the counties (and functional zones), a county circular the county's
townships, streets and departments. Rows are ranked by the combined score of the unit
assessment (`desktop.domain.assessment.combined_score`), best first; rows without a score
come last; equal scores share a rank (1, 2, 2, 4) and are listed by closure rate, then code.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from enum import StrEnum

from desktop.domain.assessment import Period

SERIES = "circular"
"""The number series of circulars: each dispatching office counts its own per year."""

KIND_WORD = "通"
"""The kind word of a circular's number: 海攻坚通〔2026〕3号."""

OFFICE_WORD = "攻坚"
"""What a tackling office's numbers carry after the area's short name."""

_MONTH = re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})")


class Level(StrEnum):
    """Whose circular it is: the city's (rows are counties) or a county's (rows are units)."""

    CITY = "city"
    COUNTY = "county"

    @property
    def label(self) -> str:
        """The Chinese name: 全市通报 or 县区通报."""
        return "全市通报" if self is Level.CITY else "县区通报"


class Mention(StrEnum):
    """How a circular names a unit: for praise (表扬) or for criticism (批评)."""

    PRAISE = "praise"
    CRITICISM = "criticism"

    @property
    def label(self) -> str:
        """The Chinese name: 表扬 or 批评."""
        return "表扬" if self is Mention.PRAISE else "批评"


@dataclass(frozen=True)
class Month:
    """A calendar month (China time)."""

    year: int
    month: int

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12 or not 2000 <= self.year <= 2100:
            raise ValueError(f"月份无效：{self.year}-{self.month}")

    @property
    def period(self) -> Period:
        """The month's days, first to last."""
        first = date(self.year, self.month, 1)
        following = date(self.year + self.month // 12, self.month % 12 + 1, 1)
        return Period(first, following - timedelta(days=1))

    @property
    def text(self) -> str:
        """2026-11."""
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def label(self) -> str:
        """2026年11月."""
        return f"{self.year}年{self.month}月"


def parse_month(text: str) -> Month:
    """The month of "2026-11"; ValueError with a Chinese message for anything else."""
    match = _MONTH.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"月份「{text}」无效，应写作 2026-11")
    try:
        return Month(int(match["year"]), int(match["month"]))
    except ValueError:
        raise ValueError(f"月份「{text}」无效，应写作 2026-11") from None


@dataclass(frozen=True)
class Naming:
    """A unit the circular names for praise or criticism, with an optional sentence."""

    unit_code: str
    mention: Mention
    sentence: str = ""


@dataclass(frozen=True)
class RankedRow:
    """A row of the ranking: the unit (or county), its score and its components."""

    code: str
    name: str
    score: float | None
    components: Mapping[str, float | None]
    closure_rate: float | None = None
    rank: int = 0


def rank_rows(rows: Iterable[RankedRow]) -> tuple[RankedRow, ...]:
    """The rows best score first (no score last; ties by closure rate, then code), each with
    its rank; equal scores share a rank, the next one skips (1, 2, 2, 4)."""
    ordered = sorted(
        rows,
        key=lambda r: (r.score is None, -(r.score or 0.0), -(r.closure_rate or 0.0), r.code),
    )
    ranked: list[RankedRow] = []
    for index, row in enumerate(ordered, start=1):
        rank = index
        if ranked and row.score is not None and ranked[-1].score == row.score:
            rank = ranked[-1].rank
        ranked.append(replace(row, rank=rank if row.score is not None else 0))
    return tuple(ranked)


def area_word(level: Level, area_name: str) -> str:
    """How the title names the area: 全市 for the city, else the county's name."""
    return "全市" if level is Level.CITY else area_name


def circular_title(month: Month, level: Level, area_name: str) -> str:
    """关于2026年11月全市污染防治线索办理情况的通报."""
    return f"关于{month.label}{area_word(level, area_name)}污染防治线索办理情况的通报"


def circular_prefix(area_short: str) -> str:
    """The prefix of a circular's number: 海攻坚通 (area, office, kind)."""
    return f"{area_short}{OFFICE_WORD}{KIND_WORD}"


def percent(value: float | None, digits: int = 1) -> str:
    """A share as printed: 93.5% (— when there is nothing to judge)."""
    return "—" if value is None else f"{value * 100:.{digits}f}%"


def score_text(value: float | None) -> str:
    """A score as printed: 92.35 (— without a score)."""
    return "—" if value is None else f"{value:.2f}"


@dataclass(frozen=True)
class Namings:
    """The units named for praise and criticism, in the order the user chose them."""

    items: tuple[Naming, ...] = field(default_factory=tuple)

    def of(self, mention: Mention) -> tuple[Naming, ...]:
        """The units named for `mention`."""
        return tuple(n for n in self.items if n.mention is mention)

    @classmethod
    def build(cls, items: Sequence[Naming]) -> Namings:
        """Namings without duplicates (a unit named twice keeps its first mention)."""
        seen: set[str] = set()
        kept = []
        for item in items:
            if item.unit_code in seen:
                continue
            seen.add(item.unit_code)
            kept.append(item)
        return cls(tuple(kept))


COMPONENT_LABELS: Mapping[str, str] = {
    "signed_on_time": "按时签收率",
    "handled_on_time": "按时办结率",
    "reported_on_time": "按时反馈率",
    "not_returned": "未退回率",
    "passed_review": "审核通过率",
    "without_extension": "未申请延期率",
    "without_red_warning": "未发生三级预警率",
    "satisfaction": "回访满意率",
    "suggestions_answered_on_time": "建议按时回复率",
}
"""The printed name of each component of the assessment score (as the assessment view)."""
