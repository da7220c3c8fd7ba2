"""The "sync problems" view: actions the platform refused, to fix and resend or to discard."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.timeutil import to_china
from desktop.store.sync_apply import SyncProblem, discard_problem, resend_problem, sync_problems
from desktop.ui.cell_roles import TypedValueRole
from desktop.ui.labels import field_title
from desktop.ui.screen_fit import fit_to_screen
from desktop.ui.table_export import ExportTitle, install_table_export
from desktop.ui.workspace import Workspace

AnyIndex = QModelIndex | QPersistentModelIndex

TEXT_FIELDS = ("reason", "result", "measures", "note", "override_reason")
"""Payload keys of free text a user may correct before sending an action again."""
EDITABLE_FIELDS = (*TEXT_FIELDS, "days", "handle_deadline")
"""Payload keys a user may correct before sending an action again."""


class ProblemsModel(QAbstractTableModel):
    """The rejected actions, oldest first (a short list: it is cleared by the user)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.problems: list[SyncProblem] = []
        self.headers = [
            self.tr("线索编号"),
            self.tr("操作"),
            self.tr("操作时间"),
            self.tr("平台的理由"),
            self.tr("尝试次数"),
        ]

    def set_problems(self, problems: list[SyncProblem]) -> None:
        """Show a new list."""
        self.beginResetModel()
        self.problems = list(problems)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        """Number of problems."""
        return 0 if parent.isValid() else len(self.problems)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        """Number of columns."""
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text (typed: the time and the attempts)."""
        if index.isValid() and role == TypedValueRole:
            problem = self.problems[index.row()]
            typed = (None, None, problem.created_at, None, problem.attempts)
            return typed[index.column()]
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        problem = self.problems[index.row()]
        values = (
            problem.clue_code,
            problem.action_label,
            f"{to_china(problem.created_at):%Y-%m-%d %H:%M}",
            problem.reason,
            str(problem.attempts),
        )
        return values[index.column()]

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None


class FixDialog(QDialog):
    """Edits the correctable fields of a refused action before it is sent again."""

    def __init__(self, problem: SyncProblem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.problem = problem
        self.setWindowTitle(self.tr("修改后重新发送"))
        layout = QVBoxLayout(self)
        reason = QLabel(
            self.tr("{0} 的“{1}”被平台退回：{2}").format(
                problem.clue_code, problem.action_label, problem.reason
            )
        )
        reason.setWordWrap(True)
        layout.addWidget(reason)
        form = QFormLayout()
        self.editors: dict[str, QLineEdit | QPlainTextEdit | QSpinBox] = {}
        for key in EDITABLE_FIELDS:
            if key not in problem.payload:
                continue
            value = problem.payload[key]
            editor: QLineEdit | QPlainTextEdit | QSpinBox
            if key == "days":
                editor = QSpinBox()
                editor.setRange(1, 365)
                editor.setValue(int(value or 1))
            elif key in TEXT_FIELDS:
                editor = QPlainTextEdit(str(value or ""))
                editor.setTabChangesFocus(True)
            else:
                editor = QLineEdit(str(value or ""))
            editor.setObjectName(f"field_{key}")
            self.editors[key] = editor
            form.addRow(field_title(key), editor)
        if not self.editors:
            form.addRow(QLabel(self.tr("这个操作没有可修改的内容，可直接重新发送。")))
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("重新发送"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_to_screen(self)

    def payload(self) -> dict[str, Any]:
        """The action's payload with the user's corrections."""
        fixed = dict(self.problem.payload)
        for key, editor in self.editors.items():
            if isinstance(editor, QSpinBox):
                fixed[key] = editor.value()
            elif isinstance(editor, QPlainTextEdit):
                fixed[key] = editor.toPlainText().strip()
            else:
                fixed[key] = editor.text().strip()
        return fixed


class SyncProblemsView(QWidget):
    """Lists the refused actions with the platform's reasons; fix and resend, or discard."""

    changed = Signal()
    """The list changed (the outbox and the clue views were updated)."""
    clue_requested = Signal(str)
    """Find this clue in the queue (double-click on a problem)."""
    problem_selected = Signal(str)
    """The selected problem's clue code (the detail panel shows that clue)."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.model = ProblemsModel(self)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "以下操作被市级平台退回，尚未生效。可以修改后重新发送，或放弃（放弃后不可恢复）。"
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.doubleClicked.connect(self._open_clue)
        self.exporter = install_table_export(
            self.table,
            lambda: ExportTitle(self.tr("同步问题清单"), (), self.tr("同步问题")),
            workspace,
            scope=self,
        )
        layout.addWidget(self.table)
        self.empty = QLabel(self.tr("没有同步问题。"))
        layout.addWidget(self.empty)
        row = QHBoxLayout()
        self.fix_button = QPushButton(self.tr("修改后重发…"))
        self.resend_button = QPushButton(self.tr("直接重发"))
        self.discard_button = QPushButton(self.tr("放弃操作…"))
        for button in (self.fix_button, self.resend_button, self.discard_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.fix_button.clicked.connect(self.fix_selected)
        self.resend_button.clicked.connect(self.resend_selected)
        self.discard_button.clicked.connect(self.discard_selected)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.dialog: QDialog | None = None
        self.reload()

    def reload(self) -> None:
        """Read the problems from the store again."""
        self.model.set_problems(sync_problems(self.workspace.store))
        self.empty.setVisible(not self.model.problems)
        self.table.setVisible(bool(self.model.problems))
        if self.model.problems:
            self.table.selectRow(0)
        self._update_buttons()

    def selected(self) -> SyncProblem | None:
        """The selected problem."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.problems[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        chosen = self.selected()
        for button in (self.fix_button, self.resend_button, self.discard_button):
            button.setEnabled(chosen is not None)
        if chosen is not None:
            self.problem_selected.emit(chosen.clue_code)

    def _open_clue(self, index: QModelIndex) -> None:
        self.clue_requested.emit(self.model.problems[index.row()].clue_code)

    def _after_change(self) -> None:
        self.reload()
        self.workspace.events.clues_changed.emit()
        self.changed.emit()

    def resend_selected(self) -> None:
        """Queue the selected action again as it is."""
        problem = self.selected()
        if problem is not None:
            resend_problem(self.workspace.store, problem.action_id)
            self._after_change()

    def fix_selected(self) -> None:
        """Open the fix dialog for the selected action (non-blocking)."""
        problem = self.selected()
        if problem is None:
            return
        dialog = FixDialog(problem, self)
        self.dialog = dialog

        def send() -> None:
            resend_problem(self.workspace.store, problem.action_id, dialog.payload())
            self._after_change()

        dialog.accepted.connect(send)
        dialog.open()

    def discard_selected(self) -> None:
        """Ask, then drop the selected action from the outbox for good."""
        problem = self.selected()
        if problem is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("放弃操作"),
            self.tr("放弃 {0} 的“{1}”？放弃后这个操作不会再发送，且不能恢复。").format(
                problem.clue_code, problem.action_label
            ),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Discard).setText(self.tr("放弃操作"))
        self.dialog = box

        def done(_result: int) -> None:
            if box.clickedButton() is box.button(QMessageBox.StandardButton.Discard):
                discard_problem(self.workspace.store, problem.action_id)
                self._after_change()

        box.finished.connect(done)
        box.open()
