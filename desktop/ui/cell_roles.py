"""Item data roles a table model answers so that its rows leave the window typed (.xlsx).

`TypedValueRole` is a cell's value as data: a date or a time as `date`/`datetime`, a count
as `int`, a score or a share as `float`, text as `str`; None where the shown text is all
there is (the export then takes the DisplayRole). `PercentColumnRole`, asked of the
horizontal header, says a column holds shares 0..1 (written as percentages).
Both are far above the roles the models use for ids and sort keys (UserRole + 1 …).
"""

from __future__ import annotations

from PySide6.QtCore import Qt

TypedValueRole = Qt.ItemDataRole.UserRole + 64
"""data() role: the cell's typed value (date, datetime, int, float, str), None for none."""
PercentColumnRole = Qt.ItemDataRole.UserRole + 65
"""headerData() role (horizontal): True when the column's values are shares 0..1."""
