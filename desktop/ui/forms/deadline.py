"""A handling deadline picked on the work calendar: a date, its working-day count, its hint."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QWidget

from desktop.domain.calendar import WorkCalendar
from desktop.domain.timeutil import CHINA_TZ, to_china
from desktop.ui.forms.fields import ERROR_STYLE, FormField


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class DeadlineField(FormField):
    """The last working day of a stage; the payload gets the date, the rules check it."""

    def __init__(
        self,
        key: str,
        domain_label: str,
        label: str,
        calendar: WorkCalendar,
        now: datetime,
        default: datetime,
        *,
        parent: QWidget | None = None,
    ) -> None:
        box = QWidget()
        super().__init__(key, domain_label, label, box, required=True, parent=parent)
        self.calendar = calendar
        self.start = to_china(now)
        self.default = to_china(default)
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit = QDateEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd")
        self.edit.setMinimumDate(_qdate(self.start.date()))
        self.edit.setDate(_qdate(self.default.date()))
        layout.addWidget(self.edit)
        self.hint = QLabel()
        self.hint.setObjectName("deadlineHint")
        layout.addWidget(self.hint, 1)
        self.setFocusProxy(self.edit)
        self.edit.dateChanged.connect(self._update)
        self._update()

    def day(self) -> date:
        """The date chosen."""
        value = self.edit.date()
        return date(value.year(), value.month(), value.day())

    def set_day(self, day: date) -> None:
        """Choose another date."""
        self.edit.setDate(_qdate(day))

    def deadline(self) -> datetime:
        """The deadline the chosen date means: close of office that day."""
        return datetime.combine(self.day(), self.calendar.office_hours.closing, CHINA_TZ)

    def working_days(self) -> int:
        """Working days from today to the chosen date (today not counted)."""
        return self.calendar.working_days_between(self.start.date(), self.day())

    def value(self) -> str:
        """The date as ISO text: a bare date means close of office that day."""
        return self.day().isoformat()

    def _update(self) -> None:
        day = self.day()
        if not self.calendar.is_working_day(day):
            self.hint.setStyleSheet(ERROR_STYLE)
            self.hint.setText(self.tr("{0} 不是工作日，请另选一天").format(day.isoformat()))
        else:
            self.hint.setStyleSheet("")
            closing = self.calendar.office_hours.closing.strftime("%H:%M")
            self.hint.setText(
                self.tr("共 {0} 个工作日，{1} 下班前办结").format(self.working_days(), closing)
            )
        self.show_error(None)
        self.changed.emit()
