"""A channel's list as a table: the sheet's cells with merged ranges filled in, its header row
found (not assumed to be row 1) and its data rows numbered as the spreadsheet shows them."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from desktop.domain.messages import Message

HEADER_SEARCH_ROWS = 30
"""How many rows from the top the header row is looked for in."""

MIN_HEADER_MATCHES = 2
"""How many known column names a row needs to be taken for the header row."""


@dataclass(frozen=True)
class Merge:
    """A merged range of cells, 1-based and inclusive, as a spreadsheet numbers them."""

    min_row: int
    min_col: int
    max_row: int
    max_col: int


@dataclass(frozen=True)
class SheetGrid:
    """The cells of one sheet as read from the file: rows[0] is the sheet's row 1."""

    rows: tuple[tuple[Any, ...], ...]
    merges: tuple[Merge, ...] = ()
    sheet_name: str = ""


@dataclass(frozen=True)
class TableRow:
    """A data row: its number in the file as the spreadsheet shows it, and its cells."""

    number: int
    values: tuple[Any, ...]

    def cell(self, column: int | None) -> Any:
        """The value in a 0-based column (None beyond the row's end or when not mapped)."""
        if column is None or column >= len(self.values):
            return None
        return self.values[column]


@dataclass(frozen=True)
class ImportTable:
    """The header names (one per column, "" for an unnamed column) and the data rows."""

    headers: tuple[str, ...]
    rows: tuple[TableRow, ...]
    header_rows: tuple[int, int]
    """The first and last row of the header, 1-based."""


class NoHeaderFound(ValueError):
    """No row of the sheet's top looks like a header row of a channel's list."""


def header_key(text: str) -> str:
    """A column name as it is compared: NFKC, no spaces, no required-field marks or colons."""
    folded = unicodedata.normalize("NFKC", text)
    return "".join(c for c in folded if not c.isspace() and c not in "*:").lower()


def cell_is_blank(value: Any) -> bool:
    """Whether a cell holds nothing (None or only whitespace)."""
    return value is None or (isinstance(value, str) and not value.strip())


def fill_merges(grid: SheetGrid) -> list[list[Any]]:
    """The grid's rows with every cell of a merged range holding the range's value."""
    width = max((len(row) for row in grid.rows), default=0)
    for merge in grid.merges:
        width = max(width, merge.max_col)
    rows = [list(row) + [None] * (width - len(row)) for row in grid.rows]
    for merge in grid.merges:
        if merge.min_row > len(rows):
            continue
        value = rows[merge.min_row - 1][merge.min_col - 1]
        for r in range(merge.min_row, min(merge.max_row, len(rows)) + 1):
            for c in range(merge.min_col, merge.max_col + 1):
                rows[r - 1][c - 1] = value
    return rows


def _text(value: Any) -> str:
    return "" if cell_is_blank(value) else " ".join(str(value).split())


def _score(row: Sequence[Any], known: Callable[[str], bool]) -> int:
    names = {_text(v) for v in row if isinstance(v, str) and _text(v)}
    return sum(1 for name in names if known(name))


def _joins(grid: SheetGrid, upper: int, lower: int, width: int) -> bool:
    """Whether sheet rows `upper` and `lower` (adjacent, 1-based) are one two-row header: a
    range merged across both, or a group title merged over some (not all) of the columns."""
    for merge in grid.merges:
        if merge.min_row <= upper and merge.max_row >= lower:
            return True
        columns = merge.max_col - merge.min_col + 1
        title = merge.min_col == 1 and columns * 2 > width  # a sheet title over the table
        if merge.min_row == merge.max_row == upper and columns > 1 and not title:
            return True
    return False


def find_table(grid: SheetGrid, known: Callable[[str], bool]) -> ImportTable:
    """The table of a sheet: the header row is the top row naming the most known columns
    (`known(name)`), joined with a group row above or below it when merged cells tie them."""
    rows = fill_merges(grid)
    width = max((len(r) for r in rows), default=0)
    best, best_score = -1, 0
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        score = _score(row, known)
        if score > best_score:
            best, best_score = index, score
    if best < 0 or best_score < MIN_HEADER_MATCHES:
        raise NoHeaderFound(
            Message(
                "前 {rows} 行中没有找到表头行（应有“工单编号”“受理时间”“诉求内容”等列名）",
                rows=HEADER_SEARCH_ROWS,
            )
        )
    first = last = best + 1  # 1-based sheet rows
    while first > 1 and _joins(grid, first - 1, first, width):
        first -= 1
    while last < len(rows) and _joins(grid, last, last + 1, width):
        last += 1
    headers = []
    for column in range(width):
        parts: list[str] = []
        for r in range(first, last + 1):
            text = _text(rows[r - 1][column])
            if text and text not in parts:
                parts.append(text)
        headers.append("/".join(parts))
    data = tuple(
        TableRow(number, tuple(row))
        for number, row in enumerate(rows[last:], start=last + 1)
        if not all(cell_is_blank(v) for v in row)
    )
    return ImportTable(tuple(headers), data, (first, last))
