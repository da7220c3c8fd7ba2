"""A plain list of the suggestions behind an assessment figure (until a suggestions view
takes them over): number, kind, title, addressed unit, status, issue date, reply deadline."""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.store.supervision import SuggestionRow, list_suggestions
from desktop.ui.labels import label
from desktop.ui.table_export import ExportTitle, install_table_export
from desktop.ui.workspace import Workspace


def suggestions_with_ids(workspace: Workspace, ids: Collection[str]) -> list[SuggestionRow]:
    """The suggestions of the store whose ids are `ids`, newest first."""
    wanted = set(ids)
    rows = list_suggestions(workspace.store, now=workspace.now())
    return [row for row in rows if row.state.suggestion_id in wanted]


class SuggestionListDialog(QDialog):
    """The suggestions behind a figure, read-only."""

    def __init__(
        self,
        workspace: Workspace,
        ids: Collection[str],
        caption: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(caption)
        self.rows = suggestions_with_ids(workspace, ids)
        headings = [
            self.tr("文号"),
            self.tr("类型"),
            self.tr("标题"),
            self.tr("主送单位"),
            self.tr("状态"),
            self.tr("发出日期"),
            self.tr("答复期限"),
            self.tr("首次答复"),
        ]
        self.table = QTableWidget(len(self.rows), len(headings), self)
        self.table.setObjectName("suggestionList")
        self.table.setHorizontalHeaderLabels(headings)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        for r, row in enumerate(self.rows):
            state = row.state
            first = state.replies[0] if state.replies else None
            values = [
                state.number,
                label(state.kind),
                state.title,
                workspace.unit_name(state.addressed_unit),
                label(state.status),
                state.issued_at.strftime("%Y-%m-%d"),
                state.reply_deadline.strftime("%Y-%m-%d %H:%M"),
                first.replied_at.strftime("%Y-%m-%d %H:%M") if first else self.tr("未答复"),
            ]
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        self.exporter = install_table_export(
            self.table,
            lambda: ExportTitle(self.tr("建议清单"), (caption,), self.tr("建议")),
            workspace,
            scope=self,
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(caption, self))
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(820, 360)
