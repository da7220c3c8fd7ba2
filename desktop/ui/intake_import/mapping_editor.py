"""The column mapping of an import: for each clue field a choice among the file's columns,
prefilled from the mapping remembered for the channel; required fields marked."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QWidget

from desktop.domain.import_mapping import IMPORT_FIELDS
from desktop.ui.labels import field_title

NOT_IMPORTED = -1
"""The combo data of "（不导入）"."""

COLUMNS_PER_ROW = 2
"""Field choices side by side: two pairs a row keep the editor short on a 768-pixel screen."""


class MappingEditor(QWidget):
    """A combo of the file's columns for each import field; `changed` when one is changed."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combos: dict[str, QComboBox] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for position, spec in enumerate(IMPORT_FIELDS):
            row, pair = divmod(position, COLUMNS_PER_ROW)
            text = field_title(spec.key)
            caption = QLabel(self.tr("{0} *").format(text) if spec.required else text)
            combo = QComboBox()
            combo.setObjectName(f"column_{spec.key}")
            combo.setAccessibleName(text)
            combo.setMinimumContentsLength(8)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            caption.setBuddy(combo)
            combo.currentIndexChanged.connect(self._changed)
            grid.addWidget(caption, row, pair * 2)
            grid.addWidget(combo, row, pair * 2 + 1)
            grid.setColumnStretch(pair * 2 + 1, 1)
            self.combos[spec.key] = combo
        self._filling = False
        self.setToolTip(self.tr("带 * 的字段必须对应文件中的一列"))

    def set_columns(self, headers: Sequence[str], columns: Mapping[str, int | None]) -> None:
        """Offer the file's columns and select the column of each field."""
        self._filling = True
        try:
            for key, combo in self.combos.items():
                combo.clear()
                combo.addItem(self.tr("（不导入）"), NOT_IMPORTED)
                for index, header in enumerate(headers):
                    if header:
                        combo.addItem(header, index)
                chosen = columns.get(key)
                found = combo.findData(chosen if chosen is not None else NOT_IMPORTED)
                combo.setCurrentIndex(max(found, 0))
        finally:
            self._filling = False

    def columns(self) -> dict[str, int | None]:
        """The column chosen for each field (None: not imported)."""
        chosen: dict[str, int | None] = {}
        for key, combo in self.combos.items():
            data = combo.currentData()
            chosen[key] = None if data is None or data == NOT_IMPORTED else int(data)
        return chosen

    def _changed(self) -> None:
        if not self._filling:
            self.changed.emit()
