"""Editing the clause map (问题类型 → 违反条款、罚则、责令改正依据): one table row per kind of
problem, clause ids separated by 、 or commas, saved row by row with the refused field named."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.clause_map import ANY_CATEGORY, ProblemKind, join_ids, split_ids
from desktop.domain.codes import Category
from desktop.domain.validators import ValidationError
from desktop.store.clause_map import load_clause_map, remove_problem_kind, save_problem_kind
from desktop.store.database import Store
from desktop.ui.forms.buttons import ok_cancel_buttons
from desktop.ui.labels import label
from desktop.ui.screen_fit import fit_to_screen

NAME, CATEGORY, VIOLATED, PENALTY, BASIS, KEYWORDS = range(6)
COLUMN_KEYS = ("name", "category", "violated", "penalty", "basis", "keywords")


class ClauseMapDialog(QDialog):
    """The clause map as a table to edit; emits `saved` once every changed row is stored."""

    saved = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("问题类型与法律条款对照表"))
        fit_to_screen(self, QSize(980, 520))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "每行一种问题类型：起草通知书时选择问题类型，即引用其违反条款和责令改正依据。"
                "条款填写条款库中的编号（如 dqfz-45），多条用顿号分隔。"
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(0, 6, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("问题类型"),
                self.tr("污染类别"),
                self.tr("违反条款"),
                self.tr("罚则条款"),
                self.tr("责令改正依据"),
                self.tr("识别关键词"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.error_label = QLabel()
        self.error_label.setObjectName("fieldError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        layout.addWidget(self.error_label)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("新增一行"))
        self.remove_button = QPushButton(self.tr("删除所选行"))
        self.add_button.clicked.connect(lambda: self.add_row(None))
        self.remove_button.clicked.connect(self.remove_selected)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout.addLayout(row)
        buttons, self.ok_button, _cancel = ok_cancel_buttons(
            self, self.tr("保存"), self.submit, default=False
        )
        layout.addWidget(buttons)
        self.keys: list[str] = []
        self.removed: list[str] = []
        self.original: dict[str, ProblemKind] = {}
        for kind in load_clause_map(store).rows:
            self.original[kind.key] = kind
            self.add_row(kind)

    def _category_box(self, current: str) -> QComboBox:
        box = QComboBox()
        box.addItem(self.tr("（各类别通用）"), ANY_CATEGORY)
        for category in Category:
            box.addItem(label(category), category.value)
        box.setCurrentIndex(max(box.findData(current), 0))
        return box

    def add_row(self, kind: ProblemKind | None) -> int:
        """Append a row (a new, empty one for None); returns its index."""
        index = self.table.rowCount()
        self.table.insertRow(index)
        self.keys.append(kind.key if kind is not None else f"user-{uuid.uuid4().hex[:12]}")
        texts = (
            (kind.name, "", *(join_ids(ids) for ids in (kind.violated, kind.penalty)))
            if kind is not None
            else ("", "", "", "")
        )
        for column, text in zip((NAME, CATEGORY, VIOLATED, PENALTY), texts, strict=True):
            if column != CATEGORY:
                self.table.setItem(index, column, QTableWidgetItem(text))
        basis = join_ids(kind.basis) if kind is not None else ""
        keywords = join_ids(kind.keywords) if kind is not None else ""
        self.table.setItem(index, BASIS, QTableWidgetItem(basis))
        self.table.setItem(index, KEYWORDS, QTableWidgetItem(keywords))
        self.table.setCellWidget(
            index, CATEGORY, self._category_box(kind.category if kind is not None else "")
        )
        name = self.table.item(index, NAME)
        if kind is None and name is not None:
            self.table.setCurrentCell(index, NAME)
            self.table.editItem(name)
        return index

    def remove_selected(self) -> None:
        """Delete the selected row (saved when the dialog is saved)."""
        index = self.table.currentRow()
        if index < 0:
            return
        key = self.keys.pop(index)
        if key in self.original:
            self.removed.append(key)
        self.table.removeRow(index)

    def _text(self, index: int, column: int) -> str:
        item = self.table.item(index, column)
        return item.text().strip() if item is not None else ""

    def row_kind(self, index: int) -> ProblemKind:
        """The row as typed (unchecked)."""
        box = self.table.cellWidget(index, CATEGORY)
        category = str(box.currentData()) if isinstance(box, QComboBox) else ""

        def ids(column: int) -> tuple[str, ...]:
            return split_ids(self._text(index, column))

        return ProblemKind(
            key=self.keys[index],
            category=category,
            name=self._text(index, NAME),
            violated=ids(VIOLATED),
            penalty=ids(PENALTY),
            basis=ids(BASIS),
            keywords=ids(KEYWORDS),
        )

    def submit(self) -> None:
        """Store the changed rows; the first refused one is selected and its field named."""
        self.error_label.hide()
        for index in range(self.table.rowCount()):
            kind = self.row_kind(index)
            if self.original.get(kind.key) == kind:
                continue
            try:
                save_problem_kind(self.store, kind)
            except ValidationError as exc:
                column = COLUMN_KEYS.index(exc.field) if exc.field in COLUMN_KEYS else NAME
                self.table.setCurrentCell(index, column)
                name = kind.name or self.tr("第 {0} 行").format(index + 1)
                header = self.table.horizontalHeaderItem(column)
                title = header.text() if header is not None else exc.field
                self.error_label.setText(self.tr("{0}：{1}：{2}").format(name, title, exc.message))
                self.error_label.show()
                return
            self.original[kind.key] = kind
        for key in self.removed:
            remove_problem_kind(self.store, key)
        self.removed.clear()
        self.saved.emit()
        self.accept()
