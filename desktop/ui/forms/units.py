"""Choosing units for a dispatch: the units that may handle a county's clues, and a checklist."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QLineEdit, QListView, QVBoxLayout, QWidget

from desktop.domain.clue import ClueState
from desktop.domain.codes import UnitKind
from desktop.domain.units import UnitInfo
from desktop.domain.workflow import may_handle
from desktop.ui.forms.fields import FormField

AnyIndex = QModelIndex | QPersistentModelIndex

_KIND_ORDER = {UnitKind.TOWNSHIP: 0, UnitKind.STREET: 0, UnitKind.DEPARTMENT: 1}


def dispatch_units(units: Mapping[str, UnitInfo], clue: ClueState) -> list[UnitInfo]:
    """The units the owner of `clue` may dispatch it to (the rules' `may_handle`): the
    county's townships, streets and departments first, then any city departments."""
    found = [u for u in units.values() if may_handle(u, clue, units)]
    return sorted(found, key=lambda u: (u.county_code is None, _KIND_ORDER.get(u.kind, 2), u.code))


class UnitChecklistModel(QAbstractListModel):
    """Units with a check box each; one unit (the lead) can be excluded from checking."""

    CodeRole = Qt.ItemDataRole.UserRole

    def __init__(self, units: Sequence[UnitInfo], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.units = list(units)
        self.checked: set[str] = set()
        self.excluded: str | None = None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        """Number of units."""
        return 0 if parent.isValid() else len(self.units)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The unit's name, check state, code and kind."""
        if not index.isValid() or not 0 <= index.row() < len(self.units):
            return None
        unit = self.units[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return unit.name
        if role == Qt.ItemDataRole.CheckStateRole:
            checked = unit.code in self.checked
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            if unit.code == self.excluded:
                return self.tr("已选为主办单位")
            return unit.code
        if role == self.CodeRole:
            return unit.code
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        """Checkable, except the excluded unit."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.units[index.row()].code == self.excluded:
            return Qt.ItemFlag.ItemNeverHasChildren
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def setData(  # noqa: N802
        self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        """Check or uncheck a unit."""
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        code = self.units[index.row()].code
        if code == self.excluded:
            return False
        state = value.value if isinstance(value, Qt.CheckState) else int(value)
        if state == Qt.CheckState.Checked.value:
            self.checked.add(code)
        else:
            self.checked.discard(code)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True

    def set_checked(self, codes: Iterable[str]) -> None:
        """Check exactly these units."""
        self.checked = {c for c in codes if c != self.excluded}
        self._all_changed()

    def set_excluded(self, code: str | None) -> None:
        """Exclude a unit (the lead unit) from checking; it is unchecked if it was."""
        self.excluded = code or None
        if code:
            self.checked.discard(code)
        self._all_changed()

    def checked_codes(self) -> list[str]:
        """The checked units' codes, in list order."""
        return [u.code for u in self.units if u.code in self.checked]

    def _all_changed(self) -> None:
        if self.units:
            self.dataChanged.emit(self.index(0), self.index(len(self.units) - 1))


class UnitChecklistField(FormField):
    """Several units chosen from a filterable checklist (the assisting units)."""

    def __init__(
        self,
        key: str,
        label: str,
        units: Sequence[UnitInfo],
        *,
        parent: QWidget | None = None,
    ) -> None:
        box = QWidget()
        super().__init__(key, label, box, parent=parent)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("输入名称筛选"))
        self.filter_edit.setClearButtonEnabled(True)
        layout.addWidget(self.filter_edit)
        self.model = UnitChecklistModel(units, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.view = QListView()
        self.view.setModel(self.proxy)
        self.view.setMinimumHeight(120)
        layout.addWidget(self.view)
        self.model.dataChanged.connect(self.changed)
        self.setFocusProxy(self.filter_edit)

    def value(self) -> list[str]:
        """The codes of the checked units."""
        return self.model.checked_codes()
