"""Form inputs that show the rules' message under themselves: text, choices, numbers, times."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.timeutil import CHINA_TZ, to_china

ERROR_STYLE = "color: #c0392b;"
"""How an error message under a field looks."""


def to_qdatetime(moment: datetime) -> QDateTime:
    """A China-time instant as a QDateTime holding the same wall-clock reading."""
    local = to_china(moment)
    return QDateTime(
        QDate(local.year, local.month, local.day), QTime(local.hour, local.minute, local.second)
    )


def from_qdatetime(value: QDateTime) -> datetime:
    """The China-time instant of a QDateTime's wall-clock reading."""
    day, clock = value.date(), value.time()
    return datetime(
        day.year(), day.month(), day.day(), clock.hour(), clock.minute(), tzinfo=CHINA_TZ
    )


class FormField(QWidget):
    """One input of a form: its payload key (how the rules name it), its label, its error line."""

    changed = Signal()

    def __init__(
        self,
        key: str,
        label: str,
        editor: QWidget,
        *,
        required: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.key = key
        self.label = label
        self.required = required
        self.editor = editor
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(editor)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("fieldError")
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.hide()
        layout.addWidget(self.error_label)
        self.setFocusProxy(editor)

    def value(self) -> Any:
        """What the field holds, as the action's payload wants it."""
        raise NotImplementedError

    def show_error(self, message: str | None) -> None:
        """Show (or with None clear) the message under the field."""
        self.error_label.setText(message or "")
        self.error_label.setVisible(bool(message))

    def error_text(self) -> str:
        """The message shown under the field ('' when none)."""
        return self.error_label.text() if not self.error_label.isHidden() else ""


class TextField(FormField):
    """Free text: one line, or several (a reason, a result, a description)."""

    def __init__(
        self,
        key: str,
        label: str,
        *,
        multiline: bool = False,
        required: bool = False,
        placeholder: str = "",
        parent: QWidget | None = None,
    ) -> None:
        editor: QLineEdit | QPlainTextEdit
        if multiline:
            editor = QPlainTextEdit()
            editor.setTabChangesFocus(True)
            editor.setMinimumHeight(72)
        else:
            editor = QLineEdit()
        editor.setPlaceholderText(placeholder)
        super().__init__(key, label, editor, required=required, parent=parent)
        editor.textChanged.connect(self.changed)
        self.text_editor = editor

    def value(self) -> str:
        """The text typed."""
        if isinstance(self.text_editor, QPlainTextEdit):
            return self.text_editor.toPlainText()
        return self.text_editor.text()

    def set_value(self, text: str) -> None:
        """Replace the text."""
        if isinstance(self.text_editor, QPlainTextEdit):
            self.text_editor.setPlainText(text)
        else:
            self.text_editor.setText(text)


class ChoiceField(FormField):
    """A choice among (value, label) items; `searchable` lets the user type to filter."""

    def __init__(
        self,
        key: str,
        label: str,
        items: Sequence[tuple[str, str]],
        *,
        current: str | None = None,
        searchable: bool = False,
        required: bool = False,
        placeholder: str = "",
        parent: QWidget | None = None,
    ) -> None:
        combo = QComboBox()
        combo.setObjectName(f"choice_{key}")
        super().__init__(key, label, combo, required=required, parent=parent)
        self.combo = combo
        self.searchable = searchable
        if searchable:
            combo.setEditable(True)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            line = combo.lineEdit()
            if line is not None:
                line.setPlaceholderText(placeholder)
        elif placeholder:
            combo.setPlaceholderText(placeholder)
        self.set_items(items, current)
        if searchable:
            completer = QCompleter(combo.model(), combo)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            combo.setCompleter(completer)
            combo.editTextChanged.connect(self.changed)
        combo.currentIndexChanged.connect(self.changed)

    def set_items(self, items: Sequence[tuple[str, str]], current: str | None = None) -> None:
        """Replace the items, selecting `current` (None: no selection)."""
        blocked = self.combo.blockSignals(True)
        self.combo.clear()
        for value, text in items:
            self.combo.addItem(text, value)
        self.combo.setCurrentIndex(self.combo.findData(current) if current is not None else -1)
        if self.searchable and current is None:
            self.combo.setEditText("")
        self.combo.blockSignals(blocked)
        self.changed.emit()

    def select(self, value: str | None) -> None:
        """Select the item holding `value` (None or unknown: no selection)."""
        index = self.combo.findData(value) if value is not None else -1
        self.combo.setCurrentIndex(index)
        if index < 0 and self.searchable:
            self.combo.setEditText("")

    def value(self) -> str:
        """The chosen item's value; for a searchable list, the typed text when it names none."""
        if self.searchable:
            text = self.combo.currentText().strip()
            if not text:
                return ""
            index = self.combo.findText(text, Qt.MatchFlag.MatchFixedString)
            return str(self.combo.itemData(index)) if index >= 0 else text
        index = self.combo.currentIndex()
        return str(self.combo.itemData(index)) if index >= 0 else ""


class DaysField(FormField):
    """A whole number of working days within limits."""

    def __init__(
        self,
        key: str,
        label: str,
        low: int,
        high: int,
        *,
        parent: QWidget | None = None,
    ) -> None:
        spin = QSpinBox()
        spin.setRange(low, high)
        spin.setValue(low)
        super().__init__(key, label, spin, required=True, parent=parent)
        spin.setSuffix(self.tr(" 个工作日"))
        spin.valueChanged.connect(self.changed)
        self.spin = spin

    def value(self) -> int:
        """The number of days."""
        return int(self.spin.value())


class DateTimeField(FormField):
    """A date and time in China time, no later than `latest`."""

    def __init__(
        self,
        key: str,
        label: str,
        initial: datetime,
        *,
        latest: datetime | None = None,
        parent: QWidget | None = None,
    ) -> None:
        edit = QDateTimeEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        if latest is not None:
            edit.setMaximumDateTime(to_qdatetime(latest))
        edit.setDateTime(to_qdatetime(initial))
        super().__init__(key, label, edit, required=True, parent=parent)
        edit.dateTimeChanged.connect(self.changed)
        self.edit = edit

    def moment(self) -> datetime:
        """The instant chosen."""
        return from_qdatetime(self.edit.dateTime())

    def value(self) -> str:
        """The instant as ISO 8601 text."""
        return self.moment().isoformat()


class OptionalDateTimeField(FormField):
    """A date and time that may be left out: a check box turns the input on."""

    def __init__(
        self,
        key: str,
        label: str,
        initial: datetime,
        *,
        check_text: str = "",
        parent: QWidget | None = None,
    ) -> None:
        box = QWidget()
        super().__init__(key, label, box, parent=parent)
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.check = QCheckBox(check_text or self.tr("指定"))
        self.check.setObjectName(f"check_{key}")
        self.edit = QDateTimeEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.edit.setDateTime(to_qdatetime(initial))
        self.edit.setEnabled(False)
        layout.addWidget(self.check)
        layout.addWidget(self.edit, 1)
        box.setFocusProxy(self.check)
        self.check.toggled.connect(self.edit.setEnabled)
        self.check.toggled.connect(self.changed)
        self.edit.dateTimeChanged.connect(self.changed)

    def moment(self) -> datetime | None:
        """The instant chosen, or None when the field is left out."""
        return from_qdatetime(self.edit.dateTime()) if self.check.isChecked() else None

    def set_moment(self, moment: datetime | None) -> None:
        """Choose an instant (None: leave the field out)."""
        if moment is not None:
            self.edit.setDateTime(to_qdatetime(moment))
        self.check.setChecked(moment is not None)

    def value(self) -> str:
        """The instant as ISO 8601 text ('' when left out)."""
        moment = self.moment()
        return moment.isoformat() if moment is not None else ""
