"""Citing law: pick clauses from the editable library, add or change one, show those chosen."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.notices import Clause
from desktop.domain.validators import ValidationError
from desktop.store.clause_library import clause_library, save_clause
from desktop.store.database import Store
from desktop.ui.forms import FormBody, FormField, TextField
from desktop.ui.forms.buttons import ok_cancel_buttons
from desktop.ui.screen_fit import fit_to_screen

AnyIndex = QModelIndex | QPersistentModelIndex
ClauseIdRole = Qt.ItemDataRole.UserRole + 1
PREVIEW_CHARS = 60


class ClauseTableModel(QAbstractTableModel):
    """Clauses by id, with a check box each (the picker) or without (the chosen list)."""

    def __init__(
        self, clauses: Sequence[Clause], parent: QObject | None = None, *, checkable: bool = True
    ) -> None:
        super().__init__(parent)
        self.checkable = checkable
        self._ids: list[str] = []
        self._by_id: dict[str, Clause] = {}
        self.checked: set[str] = set()
        self.set_clauses(clauses)

    def set_clauses(self, clauses: Iterable[Clause]) -> None:
        """Show these clauses (checks of the clauses still shown are kept)."""
        self.beginResetModel()
        self._by_id = {c.clause_id: c for c in clauses}
        self._ids = list(self._by_id)
        self.endResetModel()

    def ids(self) -> list[str]:
        """The clause ids in display order."""
        return list(self._ids)

    def clause(self, row: int) -> Clause:
        """The clause of a row."""
        return self._by_id[self._ids[row]]

    def clause_by_id(self, clause_id: str) -> Clause | None:
        """A shown clause by id."""
        return self._by_id.get(clause_id)

    def row_of(self, clause_id: str) -> int:
        """The row of a clause, -1 when not shown."""
        return self._ids.index(clause_id) if clause_id in self._by_id else -1

    def set_checked(self, ids: Iterable[str]) -> None:
        """Check exactly these clauses."""
        self.checked = set(ids)
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, 0))

    def checked_ids(self) -> list[str]:
        """The checked clause ids, in list order."""
        return [cid for cid in self._ids if cid in self.checked]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        """Number of clauses."""
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        """Law, article, text."""
        return 0 if parent.isValid() else 3

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if orientation is not Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("法律"), self.tr("条款"), self.tr("条文"))
        return titles[section] if 0 <= section < 3 else None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        """Selectable; the first column checkable in the picker."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )
        if self.checkable and index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Law, article and the start of the text; the whole text as tooltip."""
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        clause = self._by_id[self._ids[index.row()]]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return clause.law
            if column == 1:
                return clause.article
            text = " ".join(clause.text.split())
            return text if len(text) <= PREVIEW_CHARS else text[:PREVIEW_CHARS] + "…"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{clause.title}\n{clause.text}"
        if role == Qt.ItemDataRole.CheckStateRole and self.checkable and column == 0:
            checked = clause.clause_id in self.checked
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        if role == ClauseIdRole:
            return clause.clause_id
        return None

    def setData(  # noqa: N802
        self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        """Check or uncheck a clause."""
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole or not self.checkable:
            return False
        if index.column() != 0:
            return False
        clause_id = self._ids[index.row()]
        state = value.value if isinstance(value, Qt.CheckState) else int(value)
        if state == Qt.CheckState.Checked.value:
            self.checked.add(clause_id)
        else:
            self.checked.discard(clause_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True


def _table(model: QAbstractTableModel | QSortFilterProxyModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return view


class ClauseEditDialog(QDialog):
    """Add a clause to the library, or change one; emits `saved(Clause)`."""

    saved = Signal(object)

    def __init__(
        self, store: Store, clause: Clause | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.clause_id = clause.clause_id if clause is not None else f"user-{uuid.uuid4().hex[:12]}"
        self.setWindowTitle(self.tr("修改条款") if clause is not None else self.tr("新增条款"))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        self.body = FormBody()
        self.law = TextField("law", self.tr("法律名称"), required=True)
        self.article = TextField("article", self.tr("条款（如 第一百零八条）"), required=True)
        self.text = TextField("text", self.tr("条文"), multiline=True, required=True)
        for field in (self.law, self.article, self.text):
            self.body.add(field)
        if clause is not None:
            self.law.set_value(clause.law)
            self.article.set_value(clause.article)
            self.text.set_value(clause.text)
        layout.addWidget(self.body)
        buttons, self.ok_button, _cancel = ok_cancel_buttons(
            self, self.tr("保存"), self.submit, default=False
        )
        layout.addWidget(buttons)
        self.law.setFocus()
        fit_to_screen(self)

    def submit(self) -> None:
        """Save the clause; a refused field shows why, everything typed stays."""
        self.body.clear_errors()
        clause = Clause(self.clause_id, self.law.value(), self.article.value(), self.text.value())
        try:
            done = save_clause(self.store, clause)
        except ValidationError as exc:
            known = self.body.find_field(exc.field) is not None
            self.body.show_error(exc.field if known else None, exc.message)
            return
        self.saved.emit(done)
        self.accept()


LibraryLoader = Callable[[], list[Clause]]


class ClausePickerDialog(QDialog):
    """The clause library with a filter and check boxes; emits `picked(list[str])`."""

    picked = Signal(list)

    def __init__(
        self,
        store: Store,
        chosen: Sequence[str] = (),
        parent: QWidget | None = None,
        *,
        library: Sequence[Clause] | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("选择法律条款"))
        fit_to_screen(self, QSize(760, 480))
        self.editor: ClauseEditDialog | None = None
        self.order = list(chosen)
        layout = QVBoxLayout(self)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("输入法律名称、条款或条文中的字词筛选"))
        self.filter_edit.setClearButtonEnabled(True)
        layout.addWidget(self.filter_edit)
        clauses = list(library) if library is not None else clause_library(store)
        self.model = ClauseTableModel(clauses, self)
        self.model.set_checked(chosen)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.view = _table(self.proxy)
        self.view.doubleClicked.connect(lambda _index: self.edit_selected())
        layout.addWidget(self.view, 1)
        self.count_label = QLabel()
        layout.addWidget(self.count_label)
        self.model.dataChanged.connect(self._count)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("新增条款…"))
        self.edit_button = QPushButton(self.tr("修改所选条款…"))
        self.add_button.clicked.connect(self.add_clause)
        self.edit_button.clicked.connect(self.edit_selected)
        row.addWidget(self.add_button)
        row.addWidget(self.edit_button)
        row.addStretch(1)
        layout.addLayout(row)
        buttons, self.ok_button, _cancel = ok_cancel_buttons(
            self, self.tr("确定"), self._accept, default=False
        )
        layout.addWidget(buttons)
        self._count()

    def _count(self) -> None:
        self.count_label.setText(self.tr("已选 {0} 条").format(len(self.model.checked)))

    def selected_id(self) -> str | None:
        """The clause of the selected row, if any."""
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        return str(self.proxy.data(rows[0], ClauseIdRole))

    def add_clause(self) -> ClauseEditDialog:
        """Open the form of a new clause (it is checked once saved)."""
        return self._open_editor(None)

    def edit_selected(self) -> ClauseEditDialog | None:
        """Open the form of the selected clause."""
        clause_id = self.selected_id()
        clause = self.model.clause_by_id(clause_id) if clause_id else None
        return self._open_editor(clause) if clause is not None else None

    def _open_editor(self, clause: Clause | None) -> ClauseEditDialog:
        editor = ClauseEditDialog(self.store, clause, self)
        editor.saved.connect(self._saved)
        editor.open()
        self.editor = editor
        return editor

    def _saved(self, clause: Clause) -> None:
        checked = set(self.model.checked) | {clause.clause_id}
        self.model.set_clauses(clause_library(self.store))
        self.model.set_checked(checked)
        row = self.proxy.mapFromSource(self.model.index(self.model.row_of(clause.clause_id), 0))
        self.view.selectRow(row.row())
        self._count()

    def chosen_ids(self) -> list[str]:
        """The checked clauses: those chosen before in their order, then new ones."""
        checked = self.model.checked_ids()
        kept = [cid for cid in self.order if cid in self.model.checked]
        return kept + [cid for cid in checked if cid not in kept]

    def _accept(self) -> None:
        self.picked.emit(self.chosen_ids())
        self.accept()


class ClauseField(FormField):
    """The clauses a notice cites: listed, with buttons to pick from the library and remove."""

    def __init__(
        self,
        key: str,
        label: str,
        store: Store,
        chosen: Sequence[str] = (),
        *,
        library: Sequence[Clause] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        box = QWidget()
        super().__init__(key, label, box, parent=parent)
        self.store = store
        self.library = list(library) if library is not None else clause_library(store)
        self.picker: ClausePickerDialog | None = None
        self._chosen: list[str] = []
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.model = ClauseTableModel([], self, checkable=False)
        self.view = _table(self.model)
        self.view.setMinimumHeight(90)
        layout.addWidget(self.view)
        row = QHBoxLayout()
        self.pick_button = QPushButton(self.tr("从条款库选择…"))
        self.remove_button = QPushButton(self.tr("移除所选"))
        self.pick_button.clicked.connect(self.open_picker)
        self.remove_button.clicked.connect(self.remove_selected)
        row.addWidget(self.pick_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.setFocusProxy(self.pick_button)
        self.set_ids(chosen)

    def set_ids(self, ids: Sequence[str]) -> None:
        """Cite these clauses (an id the library lacks is shown by its id)."""
        self._chosen = list(dict.fromkeys(ids))
        known = {c.clause_id: c for c in self.library}
        shown = [known.get(cid) or Clause(cid, cid, "", "") for cid in self._chosen]
        self.model.set_clauses(shown)
        self.show_error(None)
        self.changed.emit()

    def open_picker(self) -> ClausePickerDialog:
        """Open the library picker (non-blocking); the clauses picked replace the list."""
        picker = ClausePickerDialog(self.store, self._chosen, self, library=self.library)
        picker.picked.connect(self._picked)
        picker.open()
        self.picker = picker
        return picker

    def _picked(self, ids: list[str]) -> None:
        assert self.picker is not None
        self.library = [self.picker.model.clause(r) for r in range(self.picker.model.rowCount())]
        self.set_ids(ids)

    def remove_selected(self) -> None:
        """Stop citing the selected clause."""
        rows = self.view.selectionModel().selectedRows()
        if rows:
            removed = self.model.clause(rows[0].row()).clause_id
            self.set_ids([cid for cid in self._chosen if cid != removed])

    def value(self) -> list[str]:
        """The cited clause ids, in order."""
        return list(self._chosen)
