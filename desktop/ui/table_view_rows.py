"""What a table view shows, read as data for an export: its visible columns in their visual
order, their titles, and its rows in the view's sort and filter, typed where the model says
what a cell holds (`desktop.ui.cell_roles.TypedValueRole`), else as the text shown."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import QTableView

from desktop.ui.cell_roles import PercentColumnRole, TypedValueRole

if TYPE_CHECKING:  # the workbook writer (openpyxl) is loaded by an export, not by a list
    from desktop.reports.spreadsheet import CellValue

_DISPLAY = Qt.ItemDataRole.DisplayRole
_HORIZONTAL = Qt.Orientation.Horizontal


@dataclass(frozen=True)
class ViewRows:
    """A view's shown columns and rows: typed values and the texts as shown."""

    columns: list[int]
    """The model columns, in the order the view shows them."""
    headers: list[str]
    rows: list[list[CellValue]] = field(default_factory=list)
    texts: list[list[str]] = field(default_factory=list)
    percent_columns: frozenset[int] = frozenset()
    """Positions (in `columns`) of the columns holding shares."""


def visible_columns(view: QTableView) -> list[int]:
    """The model columns the view shows, in the order it shows them (hidden ones left out)."""
    header = view.horizontalHeader()
    model = view.model()
    count = model.columnCount() if model is not None else 0
    logical = [header.logicalIndex(visual) for visual in range(header.count())]
    return [c for c in logical if 0 <= c < count and not header.isSectionHidden(c)]


def column_headers(model: QAbstractItemModel, columns: Sequence[int]) -> list[str]:
    """The titles of the columns (a title with a line break is written on one line)."""
    titles = []
    for column in columns:
        title = model.headerData(column, _HORIZONTAL, _DISPLAY)
        titles.append(" ".join(str(title or "").split()))
    return titles


def percent_positions(model: QAbstractItemModel, columns: Sequence[int]) -> frozenset[int]:
    """The positions of the columns the model marks as shares."""
    return frozenset(
        i for i, c in enumerate(columns) if model.headerData(c, _HORIZONTAL, PercentColumnRole)
    )


def typed_cell(value: Any, text: str) -> CellValue:
    """The typed value of a cell when the model gives one, else the text shown."""
    if value is None:
        return text
    if isinstance(value, bool):
        return text
    if isinstance(value, str | int | float | date):
        return value
    return text


def shown_text(model: QAbstractItemModel, index: QModelIndex) -> str:
    """A cell's text as shown (line breaks kept)."""
    value = model.data(index, _DISPLAY)
    return "" if value is None else str(value)


def read_view(view: QTableView) -> ViewRows:
    """Every row of the view's model, in the view's order, for its visible columns."""
    model = view.model()
    columns = visible_columns(view)
    found = ViewRows(
        columns,
        column_headers(model, columns) if model is not None else [],
        percent_columns=percent_positions(model, columns) if model is not None else frozenset(),
    )
    if model is None:
        return found
    for row in range(model.rowCount()):
        if view.isRowHidden(row):
            continue
        values: list[CellValue] = []
        texts: list[str] = []
        for column in columns:
            index = model.index(row, column)
            text = shown_text(model, index)
            values.append(typed_cell(model.data(index, TypedValueRole), text))
            texts.append(text)
        found.rows.append(values)
        found.texts.append(texts)
    return found
