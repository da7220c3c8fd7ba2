"""Inputs of the case forms beyond `desktop.ui.forms`: the enforcement officers, the penalties
with their amounts, the notices a case links, a yes/no and a number of calendar days.

A field whose payload is a list (officers, penalties) takes the rules' messages about one of
its parts too (officers.1.certificate): `focus_part` puts the cursor where the part is."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.cases import MIN_OFFICERS, Officer, Penalty, PenaltyKind, money_text
from desktop.domain.notices import NoticeState
from desktop.ui.forms import FormField
from desktop.ui.labels import label
from desktop.ui.notices.rendering import state_title


class OfficersField(FormField):
    """The officers of a case: an editable table of 姓名 and 执法证号, at least two rows."""

    def __init__(
        self,
        key: str,
        label: str,
        officers: Sequence[Officer] = (),
        *,
        parent: QWidget | None = None,
    ) -> None:
        box = QWidget()
        super().__init__(key, label, box, required=True, parent=parent)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("officers_table")
        self.table.setHorizontalHeaderLabels([self.tr("姓名"), self.tr("执法证号")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.AllEditTriggers
            & ~QAbstractItemView.EditTrigger.CurrentChanged
        )
        self.table.setMinimumHeight(110)
        self.table.setAccessibleName(label)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("添加执法人员"))
        self.remove_button = QPushButton(self.tr("删除所选"))
        self.add_button.clicked.connect(lambda: self.add_row())
        self.remove_button.clicked.connect(self.remove_selected)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.setFocusProxy(self.table)
        for officer in officers:
            self.add_row(officer.name, officer.certificate)
        while self.table.rowCount() < MIN_OFFICERS:
            self.add_row()
        self.table.setCurrentCell(0, 0)
        self.table.itemChanged.connect(self.changed)

    def add_row(self, name: str = "", certificate: str = "") -> int:
        """Add an officer's row; its index."""
        index = self.table.rowCount()
        self.table.insertRow(index)
        self.table.setItem(index, 0, QTableWidgetItem(name))
        self.table.setItem(index, 1, QTableWidgetItem(certificate))
        self.changed.emit()
        return index

    def remove_selected(self) -> None:
        """Remove the officer whose row holds the cursor."""
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.changed.emit()

    def set_cell(self, row: int, column: int, text: str) -> None:
        """Type a cell's text (rows are added as needed)."""
        while self.table.rowCount() <= row:
            self.add_row()
        item = self.table.item(row, column)
        assert item is not None
        item.setText(text)

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def value(self) -> list[dict[str, str]]:
        """The officers of the rows not left empty, in order."""
        officers = []
        for row in range(self.table.rowCount()):
            name, certificate = self._text(row, 0), self._text(row, 1)
            if name or certificate:
                officers.append({"name": name, "certificate": certificate})
        return officers

    def focus_part(self, part: str) -> None:
        """Put the cursor on the cell a message names (1.certificate: 2nd officer's number)."""
        index, _, name = part.partition(".")
        filled = [r for r in range(self.table.rowCount()) if self._text(r, 0) or self._text(r, 1)]
        if not index.isdigit() or int(index) >= len(filled):
            return
        self.table.setCurrentCell(filled[int(index)], 1 if name == "certificate" else 0)


class PenaltyRow(QWidget):
    """One penalty: its kind and, for money, the amount in yuan."""

    def __init__(self, penalty: Penalty | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.kind = QComboBox()
        self.kind.setObjectName("penalty_kind")
        for kind in PenaltyKind:
            self.kind.addItem(label(kind), kind.value)
        self.amount = QLineEdit()
        self.amount.setObjectName("penalty_amount")
        self.amount.setPlaceholderText(self.tr("金额（元）"))
        self.amount.setMaximumWidth(self.amount.fontMetrics().horizontalAdvance("0" * 16))
        self.remove_button = QToolButton()
        self.remove_button.setText(self.tr("删除"))
        self.remove_button.setAccessibleName(self.tr("删除这项处罚"))
        layout.addWidget(self.kind, 1)
        layout.addWidget(self.amount)
        layout.addWidget(self.remove_button)
        if penalty is not None:
            self.kind.setCurrentIndex(self.kind.findData(penalty.kind.value))
            if penalty.amount_yuan is not None:
                self.amount.setText(money_text(penalty.amount_yuan))
        else:
            self.kind.setCurrentIndex(self.kind.findData(PenaltyKind.FINE.value))
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        self.setFocusProxy(self.kind)

    def chosen(self) -> PenaltyKind:
        """The kind chosen."""
        return PenaltyKind(str(self.kind.currentData()))

    def _kind_changed(self) -> None:
        self.amount.setEnabled(self.chosen().may_have_amount)

    def value(self) -> dict[str, Any]:
        """The payload of the penalty (an amount only for kinds that carry one)."""
        amount = self.amount.text().strip() if self.chosen().may_have_amount else ""
        return {"kind": self.chosen().value, "amount_yuan": amount or None}


class PenaltiesField(FormField):
    """The penalties of a decision (or proposed in the 告知书), one row each."""

    def __init__(
        self,
        key: str,
        label: str,
        penalties: Sequence[Penalty] = (),
        *,
        parent: QWidget | None = None,
    ) -> None:
        box = QWidget()
        super().__init__(key, label, box, required=True, parent=parent)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.rows_layout = QVBoxLayout()
        layout.addLayout(self.rows_layout)
        self.rows: list[PenaltyRow] = []
        self.add_button = QPushButton(self.tr("添加处罚种类"))
        self.add_button.clicked.connect(lambda: self.add_row())
        bar = QHBoxLayout()
        bar.addWidget(self.add_button)
        bar.addStretch(1)
        layout.addLayout(bar)
        for penalty in penalties:
            self.add_row(penalty)
        if not self.rows:
            self.add_row()
        self.setFocusProxy(self.rows[0])

    def add_row(self, penalty: Penalty | None = None) -> PenaltyRow:
        """Add a penalty's row."""
        row = PenaltyRow(penalty)
        row.kind.currentIndexChanged.connect(self.changed)
        row.amount.textChanged.connect(self.changed)
        row.remove_button.clicked.connect(lambda: self.remove_row(row))
        self.rows_layout.addWidget(row)
        self.rows.append(row)
        self.changed.emit()
        return row

    def remove_row(self, row: PenaltyRow) -> None:
        """Remove a penalty's row (the last one stays, emptied of its amount)."""
        if len(self.rows) == 1:
            row.amount.clear()
            return
        self.rows.remove(row)
        row.hide()
        row.deleteLater()
        self.setFocusProxy(self.rows[0])
        self.changed.emit()

    def set_penalties(self, penalties: Sequence[tuple[PenaltyKind, str]]) -> None:
        """Replace the rows with these (kind, amount text) pairs."""
        while len(self.rows) > 1:
            self.remove_row(self.rows[-1])
        for index, (kind, amount) in enumerate(penalties):
            row = self.rows[0] if index == 0 else self.add_row()
            row.kind.setCurrentIndex(row.kind.findData(kind.value))
            row.amount.setText(amount)

    def value(self) -> list[dict[str, Any]]:
        """The penalties, in order."""
        return [row.value() for row in self.rows]

    def penalties(self) -> list[Penalty]:
        """The rows as penalties (an amount that is not one is left out)."""
        out = []
        for row in self.rows:
            amount: Decimal | None
            try:
                amount = Decimal(row.amount.text().strip().replace(",", ""))
            except ArithmeticError:
                amount = None
            out.append(Penalty(row.chosen(), amount if row.amount.isEnabled() else None))
        return out

    def focus_part(self, part: str) -> None:
        """Put the cursor in the row a message names (0.amount_yuan: the first amount)."""
        index, _, name = part.partition(".")
        if index.isdigit() and int(index) < len(self.rows):
            row = self.rows[int(index)]
            (row.amount if name == "amount_yuan" else row.kind).setFocus()


class NoticeLinksField(FormField):
    """The notices of the clue a case links: a list to tick (Space ticks the current one)."""

    def __init__(
        self,
        key: str,
        label: str,
        notices: Sequence[NoticeState],
        checked: Sequence[str] = (),
        *,
        parent: QWidget | None = None,
    ) -> None:
        box = QListWidget()
        box.setObjectName("notice_links")
        super().__init__(key, label, box, parent=parent)
        self.list = box
        for notice in notices:
            text = self.tr("{0}（{1}）").format(state_title(notice), label_status(notice))
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, notice.notice_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            on = notice.notice_id in checked
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            box.addItem(item)
        rows = max(1, min(4, len(notices)))
        box.setFixedHeight(max(box.sizeHintForRow(0), 20) * rows + 2 * box.frameWidth() + 4)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        if box.count():
            box.setCurrentRow(0)
        box.itemChanged.connect(self.changed)

    def set_checked(self, notice_id: str, on: bool) -> None:
        """Tick or untick a notice."""
        for index in range(self.list.count()):
            item = self.list.item(index)
            if item.data(Qt.ItemDataRole.UserRole) == notice_id:
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def value(self) -> list[str]:
        """The ids of the notices ticked."""
        out = []
        for index in range(self.list.count()):
            item = self.list.item(index)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return out


def label_status(notice: NoticeState) -> str:
    """A notice's follow-up status as shown."""
    return label(notice.status)


class CheckField(FormField):
    """A yes/no (the party asked for a hearing)."""

    def __init__(self, key: str, label: str, text: str, *, parent: QWidget | None = None) -> None:
        check = QCheckBox(text)
        super().__init__(key, label, check, parent=parent)
        check.toggled.connect(self.changed)
        self.check = check

    def value(self) -> bool:
        """Whether it is ticked."""
        return self.check.isChecked()


class CalendarDaysField(FormField):
    """A number of calendar days within limits (an extension of the case deadline)."""

    def __init__(
        self, key: str, label: str, low: int, high: int, *, parent: QWidget | None = None
    ) -> None:
        spin = QSpinBox()
        spin.setRange(low, high)
        spin.setValue(high)
        super().__init__(key, label, spin, required=True, parent=parent)
        spin.setSuffix(self.tr(" 日"))
        spin.valueChanged.connect(self.changed)
        self.spin = spin

    def value(self) -> int:
        """The number of days."""
        return int(self.spin.value())
