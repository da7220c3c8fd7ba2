"""Workbooks (.xlsx) the program writes, through openpyxl: sheets of a caption, a header row
and rows, laid out the same way everywhere (lists, statistics, circulars, verification).

Cells keep their type: numbers stay numbers, dates and times become Excel dates shown in
China time (openpyxl takes no time zones), shares become percentages. Text is always written
as text, never as a formula, so a cell starting with "=" cannot run anything in Excel (the
usual CSV/formula-injection guard), and characters Excel cannot hold are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from copy import copy
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from desktop.domain.timeutil import to_china

CellValue = str | int | float | date | datetime | None
"""One value of a row."""

DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
PERCENT_FORMAT = "0.00%"
MAX_WIDTH = 60
"""No column is made wider than this many characters."""

_SHEET_TITLE_BAD = re.compile(r"[\[\]:*?/\\]")
_HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
_THIN = Side(style="thin", color="A0A0A0")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


@dataclass(frozen=True)
class Sheet:
    """One sheet: an optional caption line, a header row and the rows under it."""

    title: str
    headers: Sequence[str]
    rows: Sequence[Sequence[CellValue]]
    caption: str = ""
    percent_columns: frozenset[int] = field(default_factory=frozenset)
    """Indexes of the columns holding shares (0..1), shown as percentages."""
    notes: Sequence[str] = ()
    """Lines written under the table (definitions, the data's sync time)."""


def sheet_title(text: str, taken: Sequence[str] = ()) -> str:
    """A valid, unique sheet name for `text` (Excel allows 31 characters, no []:*?/\\)."""
    base = _SHEET_TITLE_BAD.sub("_", text).strip("'") or "Sheet"
    title = base[:31]
    number = 2
    while title in taken:
        suffix = f"({number})"
        title = base[: 31 - len(suffix)] + suffix
        number += 1
    return title


def display_width(text: str) -> int:
    """How many character cells `text` takes in Excel: CJK and full-width characters two."""
    return sum(2 if ord(char) > 0x2E7F else 1 for char in text)


def excel_value(value: CellValue) -> CellValue:
    """The value as openpyxl writes it: times in China time without a zone, clean text."""
    if isinstance(value, datetime):
        return to_china(value).replace(tzinfo=None) if value.tzinfo else value
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    return value


def _number_format(value: CellValue, percent: bool) -> str | None:
    if percent and isinstance(value, int | float):
        return PERCENT_FORMAT
    if isinstance(value, datetime):
        return DATETIME_FORMAT
    if isinstance(value, date):
        return DATE_FORMAT
    return None


def _shown(value: CellValue, percent: bool) -> str:
    if percent and isinstance(value, int | float):
        return f"{value:.2%}"
    if isinstance(value, datetime):
        return "0000-00-00 00:00"
    return "" if value is None else str(value)


def _write_sheet(ws: Worksheet, sheet: Sheet) -> None:
    widths = [display_width(h) for h in sheet.headers]
    row_index = 1
    if sheet.caption:
        ws.cell(row=1, column=1, value=excel_value(sheet.caption)).font = Font(bold=True, size=14)
        if len(sheet.headers) > 1:
            ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(sheet.headers))
        row_index = 2
    header_row = row_index
    for column, header in enumerate(sheet.headers, start=1):
        head = ws.cell(row=header_row, column=column, value=excel_value(header))
        head.font = Font(bold=True)
        head.fill = _HEADER_FILL
        head.border = _BORDER
        head.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    styles: dict[str | None, StyleArray] = {}
    for values in sheet.rows:
        row_index += 1
        for column, value in enumerate(values, start=1):
            percent = column - 1 in sheet.percent_columns
            cell = ws.cell(row=row_index, column=column)
            cell.value = excel_value(value)
            if isinstance(value, str):
                cell.data_type = "s"  # never a formula
            number_format = _number_format(value, percent)
            style = styles.get(number_format)
            if style is None:  # the first cell of a kind styled, the others given its style
                if number_format is not None:
                    cell.number_format = number_format
                cell.border = _BORDER
                styles[number_format] = copy(cell._style)  # type: ignore[union-attr]
            else:
                # openpyxl hashes a style object on every assignment: copy the array instead
                cell._style = copy(style)  # type: ignore[union-attr]
            if column - 1 < len(widths):
                widths[column - 1] = max(widths[column - 1], display_width(_shown(value, percent)))
    for note in sheet.notes:
        row_index += 1
        ws.cell(row=row_index, column=1, value=excel_value(note)).font = Font(italic=True)
    for column, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(column)].width = min(width + 2, MAX_WIDTH)
    if sheet.headers:
        ws.freeze_panes = f"A{header_row + 1}"
        if sheet.rows:
            last = get_column_letter(len(sheet.headers))
            ws.auto_filter.ref = f"A{header_row}:{last}{header_row + len(sheet.rows)}"
    ws.print_title_rows = f"{header_row}:{header_row}"  # the header on every printed page


def write_workbook(target: Path | BinaryIO, sheets: Sequence[Sheet]) -> None:
    """Write `sheets` as one .xlsx workbook to a path or a binary stream."""
    book = Workbook()
    first = book.active
    assert first is not None
    taken: list[str] = []
    for index, sheet in enumerate(sheets):
        ws = first if index == 0 else book.create_sheet()
        ws.title = sheet_title(sheet.title, taken)
        taken.append(ws.title)
        _write_sheet(ws, sheet)
    book.save(target)
