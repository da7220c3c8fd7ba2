"""A suggestion opened: every field, the clues concerned (double click opens one), the replies
with their files (double click opens one), the history, and the buttons of the actions the
rules allow the user now."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.suggestions import (
    SuggestionAction,
    SuggestionState,
    not_answered_in_time,
)
from desktop.store.attachments import attachment_path, copy_out, viewer_folder
from desktop.store.supervision import (
    SuggestionDetail,
    clue_briefs,
    load_suggestion,
    suggestion_actions_for,
)
from desktop.ui.flow_layout import FlowLayout
from desktop.ui.labels import label
from desktop.ui.queue_model import format_time
from desktop.ui.screen_fit import fit_to_screen
from desktop.ui.supervision.areas import WIDE_SPACE, is_commission
from desktop.ui.supervision.printing import preview_suggestion
from desktop.ui.supervision.record_form import RecordForm
from desktop.ui.supervision.suggestion_forms import FORMS
from desktop.ui.workspace import Workspace

FileRole = Qt.ItemDataRole.UserRole + 1
"""Tree item data: (sha256, name) of a reply's file."""
ACTION_KEYS = {
    SuggestionAction.REPLY: "Ctrl+R",
    SuggestionAction.ACCEPT: "Ctrl+Shift+A",
    SuggestionAction.SEND_BACK: "Ctrl+Shift+B",
    SuggestionAction.RESET_DEADLINE: "Ctrl+Shift+D",
}
PRINT_KEY = "Ctrl+P"


class SuggestionDetailDialog(QDialog):
    """One suggestion; `clue_requested(code)` asks the window to show a clue."""

    clue_requested = Signal(str)
    accountability_requested = Signal(str)
    """登记问责… on a suggestion not answered in time: its id."""
    changed = Signal()
    """An action was taken on the suggestion."""

    def __init__(
        self, workspace: Workspace, suggestion_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.suggestion_id = suggestion_id
        self.detail: SuggestionDetail | None = None
        self.form: RecordForm | None = None
        self.preview: QWidget | None = None
        self.action_buttons: dict[SuggestionAction, QPushButton] = {}
        self.opener: Callable[[QUrl], bool] = QDesktopServices.openUrl
        fit_to_screen(self, QSize(860, 680))
        layout = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        layout.addWidget(self.heading)
        self.facts = QFormLayout()
        self.facts.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        layout.addLayout(self.facts)
        self.tabs = QTabWidget()
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.tabs.addTab(self.text, self.tr("建议内容"))
        self.clue_list = QListWidget()
        self.clue_list.setObjectName("suggestion_clues")
        self.clue_list.itemActivated.connect(self._clue_activated)
        self.tabs.addTab(self.clue_list, self.tr("涉及线索"))
        self.replies = QTreeWidget()
        self.replies.setObjectName("suggestion_replies")
        self.replies.setHeaderLabels([self.tr("答复"), self.tr("时间"), self.tr("答复人")])
        self.replies.setWordWrap(True)
        self.replies.header().setStretchLastSection(False)
        self.replies.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.replies.itemActivated.connect(self._reply_item_activated)
        self.tabs.addTab(self.replies, self.tr("答复"))
        self.history = QTableWidget(0, 5)
        self.history.setObjectName("suggestion_history")
        self.history.setHorizontalHeaderLabels(
            [self.tr("时间"), self.tr("操作"), self.tr("用户"), self.tr("单位"), self.tr("说明")]
        )
        self.history.verticalHeader().hide()
        self.history.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.history.horizontalHeader().setStretchLastSection(True)
        self.tabs.addTab(self.history, self.tr("历史"))
        layout.addWidget(self.tabs, 1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        bar_widget = QWidget()
        self.bar = FlowLayout(bar_widget)
        layout.addWidget(bar_widget)
        row = QHBoxLayout()
        row.addStretch(1)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.reject)
        row.addWidget(close)
        layout.addLayout(row)
        self.print_button = QPushButton(self.tr("打印/另存为PDF…"))
        self.print_button.setToolTip(PRINT_KEY)
        self.print_button.clicked.connect(self.print_suggestion)
        QShortcut(QKeySequence(PRINT_KEY), self, self.print_suggestion)
        self.accountability_button = QPushButton(self.tr("登记问责…"))
        self.accountability_button.clicked.connect(
            lambda: self.accountability_requested.emit(self.suggestion_id)
        )
        self.reload()

    # -- showing --------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the suggestion again and show it."""
        ws = self.workspace
        self.detail = load_suggestion(ws.store, self.suggestion_id, now=ws.now())
        if self.detail is None:
            self.heading.setText(self.tr("本机没有这份建议"))
            return
        state = self.detail.state
        self.setWindowTitle(self.tr("{0}：{1}").format(label(state.kind), state.number))
        self.heading.setText(state.title)
        self._show_facts(state)
        self.text.setPlainText(
            self.tr("{text}\n\n依据：{basis}").format(text=state.text, basis=state.basis)
        )
        self._show_clues(state)
        self._show_replies(state)
        self._show_history()
        self._show_actions(state)

    def _show_facts(self, state: SuggestionState) -> None:
        while self.facts.rowCount():
            self.facts.removeRow(0)
        assert self.detail is not None
        ws = self.workspace
        deadline = format_time(state.reply_deadline)
        if self.detail.countdown is not None:
            deadline = self.tr("{0}（{1}）").format(deadline, self.detail.countdown.text())
        status = label(state.status)
        if self.detail.pending:
            status = self.tr("{0}（待同步）").format(status)
        rows = [
            (self.tr("文书种类"), label(state.kind)),
            (self.tr("文号"), state.number),
            (self.tr("发出单位"), ws.unit_name(state.issuing_unit)),
            (self.tr("主送单位"), ws.unit_name(state.addressed_unit)),
            (self.tr("发出时间"), format_time(state.issued_at)),
            (self.tr("答复期限"), deadline),
            (self.tr("状态"), status),
        ]
        if state.review_note:
            rows.append((self.tr("审核意见"), state.review_note))
        for name, value in rows:
            shown = QLabel(value)
            shown.setTextFormat(Qt.TextFormat.PlainText)
            shown.setWordWrap(True)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            if name == self.tr("答复期限") and self.detail.warning_level:
                shown.setStyleSheet("color: #c0392b; font-weight: bold;")
            self.facts.addRow(name + self.tr("："), shown)

    def _show_clues(self, state: SuggestionState) -> None:
        self.clue_list.clear()
        if not state.clue_codes:
            item = QListWidgetItem(self.tr("针对单位整体工作，未关联具体线索"))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.clue_list.addItem(item)
            return
        briefs = clue_briefs(self.workspace.store, state.clue_codes)
        for code in state.clue_codes:
            brief = briefs.get(code)
            text = (
                f"{code}{WIDE_SPACE}{brief.title}"
                if brief
                else self.tr("{0}（本机没有）").format(code)
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setToolTip(self.tr("双击打开线索"))
            self.clue_list.addItem(item)

    def _show_replies(self, state: SuggestionState) -> None:
        self.replies.clear()
        for number, reply in enumerate(state.replies, start=1):
            late = self.tr("（逾期答复）") if reply.late else ""
            head = QTreeWidgetItem(
                [
                    self.tr("第 {0} 次答复{1}：{2}").format(number, late, reply.text),
                    format_time(reply.replied_at),
                    self.workspace.person_name(reply.replied_by),
                ]
            )
            head.setToolTip(0, reply.text)
            for ref in reply.attachments:
                child = QTreeWidgetItem([self.tr("附件：{0}").format(ref.name), "", ""])
                child.setData(0, FileRole, (ref.sha256, ref.name))
                child.setToolTip(0, self.tr("双击打开"))
                head.addChild(child)
            self.replies.addTopLevelItem(head)
            head.setExpanded(True)
        if not state.replies:
            self.replies.addTopLevelItem(QTreeWidgetItem([self.tr("尚未答复"), "", ""]))
        self.replies.resizeColumnToContents(1)
        self.replies.resizeColumnToContents(2)

    def _show_history(self) -> None:
        assert self.detail is not None
        entries = self.detail.history
        self.history.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            try:
                action = label(SuggestionAction(entry.action))
            except ValueError:
                action = entry.action
            if entry.pending:
                action = self.tr("{0}（待同步）").format(action)
            values = [
                format_time(entry.at),
                action,
                self.workspace.person_name(entry.username),
                self.workspace.unit_name(entry.unit_code),
                entry.note,
            ]
            for column, value in enumerate(values):
                self.history.setItem(row, column, QTableWidgetItem(value))
        self.history.resizeColumnsToContents()

    def _show_actions(self, state: SuggestionState) -> None:
        while self.bar.count():
            item = self.bar.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None and widget not in (self.print_button, self.accountability_button):
                widget.deleteLater()
        self.action_buttons.clear()
        ws = self.workspace
        names = {
            SuggestionAction.REPLY: self.tr("答复（整改落实情况）…"),
            SuggestionAction.ACCEPT: self.tr("采纳答复…"),
            SuggestionAction.SEND_BACK: self.tr("退回重新答复…"),
            SuggestionAction.RESET_DEADLINE: self.tr("重设答复时限…"),
        }
        for action in suggestion_actions_for(ws.store, ws.username, self.suggestion_id):
            button = QPushButton(names.get(action, label(action)))
            keys = ACTION_KEYS.get(action)
            if keys:
                button.setShortcut(QKeySequence(keys))
                button.setToolTip(keys)
            button.clicked.connect(lambda _=False, a=action: self.open_form(a))
            self.action_buttons[action] = button
            self.bar.addWidget(button)
        self.bar.addWidget(self.print_button)
        late = is_commission(ws) and not_answered_in_time(state, ws.now())
        self.accountability_button.setVisible(late)
        self.bar.addWidget(self.accountability_button)

    # -- acting ---------------------------------------------------------------------------

    def open_form(self, action: SuggestionAction) -> RecordForm | None:
        """Open the form of an allowed action (non-blocking)."""
        if self.detail is None or action not in FORMS:
            return None
        form = FORMS[action](self.workspace, self.detail.state, self)
        form.taken.connect(self._taken)
        self.form = form
        form.open()
        return form

    def _taken(self, _done: object) -> None:
        if shiboken6.isValid(self):
            self.message.setText(self.tr("已保存在本机，同步后送达平台。"))
            self.reload()
            self.changed.emit()

    def print_suggestion(self) -> QWidget | None:
        """Preview the printed suggestion, to print or save as PDF."""
        if self.detail is None:
            return None
        state = self.detail.state
        self.preview = preview_suggestion(self.workspace, self.suggestion_id, state.number, self)
        return self.preview

    def _clue_activated(self, item: QListWidgetItem) -> None:
        code = item.data(Qt.ItemDataRole.UserRole)
        if code:
            self.clue_requested.emit(str(code))

    def _reply_item_activated(self, item: QTreeWidgetItem) -> None:
        ref = item.data(0, FileRole)
        if ref:
            self.open_file(str(ref[0]), str(ref[1]))

    def open_file(self, sha256: str, name: str) -> Path | None:
        """Open a reply's file with the system's viewer (a copy under its own name)."""
        store = self.workspace.store
        if not attachment_path(store, sha256).exists():
            self.message.setText(self.tr("附件“{0}”尚未下载到本机，同步后再打开。").format(name))
            return None
        folder = Path(tempfile.mkdtemp(prefix="cluedesk-reply-", dir=viewer_folder()))
        copy = copy_out(store, sha256, folder / Path(name).name)
        self.opener(QUrl.fromLocalFile(str(copy)))
        self.message.setText(self.tr("已打开附件“{0}”。").format(name))
        return copy
