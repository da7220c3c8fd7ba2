"""The form every action on a commission record goes through: its fields show the rules'
message under themselves, a refusal shows above them, and an irreversible action asks first."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.accountability import AccountabilityRefused
from desktop.domain.suggestions import SuggestionRefused
from desktop.domain.validators import ValidationError
from desktop.ui.forms.fields import ERROR_STYLE, FormField
from desktop.ui.supervision.areas import CODE_JOINER, CODE_SEPARATORS
from desktop.ui.workspace import Workspace

REFUSALS = (SuggestionRefused, AccountabilityRefused)


class RecordForm(QDialog):
    """A dialog of form fields and 确定/取消; `take()` (a subclass's) does the action.

    A ValidationError is shown under the field whose key it names (`persons.0.name` under
    `persons`), a refusal or a missing record in the line above the fields. With
    `confirm_text` the action is asked about first (`confirm_box`, non-blocking).
    """

    taken = Signal(object)
    """The LocalRecordAction after the action was taken."""

    def __init__(
        self,
        workspace: Workspace,
        title: str,
        intro: str,
        submit_text: str,
        parent: QWidget | None = None,
        *,
        confirm_text: str = "",
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.confirm_text = confirm_text
        self.confirm_box: QMessageBox | None = None
        self.fields: list[FormField] = []
        self.setWindowTitle(title)
        self.setModal(True)
        layout = QVBoxLayout(self)
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.intro)
        self.error_label = QLabel()
        self.error_label.setObjectName("formError")
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.hide()
        layout.addWidget(self.error_label)
        body = QWidget()
        self.form = QFormLayout(body)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout.addWidget(scroll, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(submit_text)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(640, 560)

    def add_field(self, field: FormField, *, stretch: bool = False) -> FormField:
        """Add a field under its label."""
        self.fields.append(field)
        self.form.addRow(field.label + self.tr("："), field)
        return field

    def add_row(self, label: str, widget: QWidget) -> None:
        """Add a widget that is not a field (a hint, a summary)."""
        self.form.addRow(label, widget)

    def field(self, key: str) -> FormField:
        """The field of a payload key; KeyError when the form has none."""
        for field in self.fields:
            if field.key == key:
                return field
        raise KeyError(key)

    def take(self) -> Any:
        """Do the action with the fields' values (a subclass's); raise the rules' errors."""
        raise NotImplementedError

    def check(self) -> bool:
        """Checks before asking the rules (a subclass's); False when a field shows why."""
        return True

    def submit(self) -> None:
        """Check, maybe ask, then take the action."""
        self.clear_errors()
        if not self.check():
            return
        if self.confirm_text:
            box = QMessageBox(
                QMessageBox.Icon.Question,
                self.windowTitle(),
                self.confirm_text,
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                self,
            )
            box.button(QMessageBox.StandardButton.Yes).setText(self.tr("确定"))
            box.button(QMessageBox.StandardButton.No).setText(self.tr("再想想"))
            box.setDefaultButton(QMessageBox.StandardButton.No)
            box.finished.connect(
                lambda result: self._confirmed(result == QMessageBox.StandardButton.Yes)
            )
            self.confirm_box = box
            box.open()
            return
        self._take()

    def _confirmed(self, yes: bool) -> None:
        self.confirm_box = None
        if yes and shiboken6.isValid(self):
            self._take()

    def _take(self) -> None:
        try:
            done = self.take()
        except ValidationError as exc:
            self.show_error(exc.field, str(exc.message))
            return
        except REFUSALS as exc:
            self.show_general(exc.reason)
            return
        except LookupError as exc:
            self.show_general(str(exc.args[0]) if exc.args else str(exc))
            return
        self.workspace.events.clues_changed.emit()
        self.taken.emit(done)
        self.accept()

    def clear_errors(self) -> None:
        """Take every message away."""
        self.error_label.hide()
        for field in self.fields:
            field.show_error(None)

    def show_error(self, key: str, message: str) -> None:
        """Show a message under the field of `key` (its first part), else above the form."""
        head = key.split(".")[0]
        for field in self.fields:
            if field.key in (key, head):
                field.show_error(message)
                field.setFocus()
                return
        self.show_general(message)

    def show_general(self, message: str) -> None:
        """Show a message above the fields."""
        self.error_label.setText(message)
        self.error_label.show()

    def errors(self) -> dict[str, str]:
        """The messages shown, by field key ("" for the one above the form)."""
        shown = {f.key: f.error_text() for f in self.fields if f.error_text()}
        if not self.error_label.isHidden():
            shown[""] = self.error_label.text()
        return shown


def codes_in(text: str) -> list[str]:
    """The clue codes typed in a field (separated by spaces, commas or new lines)."""
    for mark in CODE_SEPARATORS:
        text = text.replace(mark, " ")
    return [code for code in text.split(" ") if code.strip()]


def join_codes(codes: Sequence[str]) -> str:
    """Clue codes as a field shows them."""
    return CODE_JOINER.join(codes)
