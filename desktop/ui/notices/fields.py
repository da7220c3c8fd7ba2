"""Inputs the notice forms need beyond `desktop.ui.forms`: a date, a list of lines, and the
rectification period (working days, or a date)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QHBoxLayout,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from desktop.domain.notices import MAX_DEADLINE_DAYS
from desktop.ui.forms import FormField

DEFAULT_DAYS = 10


def to_qdate(day: date) -> QDate:
    """A date as a QDate."""
    return QDate(day.year, day.month, day.day)


def from_qdate(value: QDate) -> date:
    """A QDate as a date."""
    return date(value.year(), value.month(), value.day())


class DateField(FormField):
    """A day (filing or closing a case), no later than `latest`."""

    def __init__(
        self,
        key: str,
        label: str,
        initial: date,
        *,
        latest: date | None = None,
        required: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        if latest is not None:
            edit.setMaximumDate(to_qdate(latest))
        edit.setDate(to_qdate(initial))
        super().__init__(key, label, edit, required=required, parent=parent)
        edit.dateChanged.connect(self.changed)
        self.edit = edit

    def day(self) -> date:
        """The day chosen."""
        return from_qdate(self.edit.date())

    def set_day(self, day: date) -> None:
        """Choose another day."""
        self.edit.setDate(to_qdate(day))

    def value(self) -> str:
        """The day as ISO text."""
        return self.day().isoformat()


class LinesField(FormField):
    """Several short entries, one a line (the evidence list, the servers)."""

    def __init__(
        self,
        key: str,
        label: str,
        *,
        required: bool = False,
        placeholder: str = "",
        parent: QWidget | None = None,
    ) -> None:
        editor = QPlainTextEdit()
        editor.setTabChangesFocus(True)
        editor.setMinimumHeight(60)
        editor.setPlaceholderText(placeholder)
        super().__init__(key, label, editor, required=required, parent=parent)
        editor.textChanged.connect(self.changed)
        self.text_editor = editor

    def lines(self) -> list[str]:
        """The non-empty lines typed, trimmed."""
        rows = (line.strip() for line in self.text_editor.toPlainText().splitlines())
        return [line for line in rows if line]

    def set_lines(self, lines: list[str] | tuple[str, ...]) -> None:
        """Replace the entries."""
        self.text_editor.setPlainText("\n".join(lines))

    def value(self) -> list[str]:
        """The entries."""
        return self.lines()


class RectifyPeriodField(FormField):
    """The rectification period: a number of working days, or a last day.

    Its payload is two keys, `deadline_days` and `deadline_date`, exactly one of them set;
    the rules' messages about either are shown here.
    """

    KEYS = ("deadline_days", "deadline_date")

    def __init__(
        self,
        label: str,
        *,
        days: int | None,
        day: date | None,
        earliest: date,
        parent: QWidget | None = None,
    ) -> None:
        box = QWidget()
        super().__init__("deadline_days", label, box, parent=parent)
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.days_button = QRadioButton(self.tr("限期"))
        self.spin = QSpinBox()
        self.spin.setRange(1, MAX_DEADLINE_DAYS)
        self.spin.setSuffix(self.tr(" 个工作日内"))
        self.date_button = QRadioButton(self.tr("截止日期"))
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMinimumDate(to_qdate(earliest))
        self.group = QButtonGroup(box)
        self.group.addButton(self.days_button)
        self.group.addButton(self.date_button)
        for widget in (self.days_button, self.spin, self.date_button, self.date_edit):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.spin.setValue(days if days is not None else DEFAULT_DAYS)
        self.date_edit.setDate(to_qdate(day or earliest))
        (self.date_button if day is not None and days is None else self.days_button).setChecked(
            True
        )
        self._sync()
        self.days_button.toggled.connect(self._sync)
        self.spin.valueChanged.connect(self.changed)
        self.date_edit.dateChanged.connect(self.changed)
        self.setFocusProxy(self.spin)

    def _sync(self) -> None:
        by_days = self.days_button.isChecked()
        self.spin.setEnabled(by_days)
        self.date_edit.setEnabled(not by_days)
        self.changed.emit()

    def by_days(self) -> bool:
        """Whether the period is a number of working days."""
        return self.days_button.isChecked()

    def payload(self) -> dict[str, Any]:
        """Both keys: the chosen one set, the other None."""
        if self.by_days():
            return {"deadline_days": int(self.spin.value()), "deadline_date": None}
        return {
            "deadline_days": None,
            "deadline_date": from_qdate(self.date_edit.date()).isoformat(),
        }

    def value(self) -> Any:
        """The number of days, or the ISO date."""
        data = self.payload()
        return data["deadline_days"] if self.by_days() else data["deadline_date"]
