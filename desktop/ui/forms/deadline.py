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
    """The last working day of a stage; the payload gets the date, the rules check it.

    With `latest` (the deadline the sender of the clue set) no later day can be chosen, and
    on that day the deadline is `latest` itself rather than the close of office.
    """

    def __init__(
        self,
        key: str,
        label: str,
        calendar: WorkCalendar,
        now: datetime,
        default: datetime,
        *,
        latest: datetime | None = None,
        parent: QWidget | None = None,
    ) -> None:
        box = QWidget()
        super().__init__(key, label, box, required=True, parent=parent)
        self.calendar = calendar
        self.start = to_china(now)
        self.default = to_china(default)
        self.latest = to_china(latest) if latest is not None else None
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.edit = QDateEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd")
        self.edit.setMinimumDate(_qdate(self.start.date()))
        if self.latest is not None and self.latest.date() >= self.start.date():
            self.edit.setMaximumDate(_qdate(self.latest.date()))
        self.edit.setDate(_qdate(self.default.date()))
        layout.addWidget(self.edit)
        self.hint = QLabel()
        self.hint.setObjectName("deadlineHint")
        self.hint.setWordWrap(True)
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

    def capped(self) -> bool:
        """Whether the chosen day is the day of `latest`, which then is the deadline."""
        return self.latest is not None and self.day() == self.latest.date()

    def deadline(self) -> datetime:
        """The deadline the chosen date means: close of office that day (or `latest`)."""
        closing = datetime.combine(self.day(), self.calendar.office_hours.closing, CHINA_TZ)
        if self.latest is not None and self.capped():
            return min(closing, self.latest)
        return closing

    def working_days(self) -> int:
        """Working days from today to the chosen date (today not counted)."""
        return self.calendar.working_days_between(self.start.date(), self.day())

    def value(self) -> str:
        """The date as ISO text (a bare date means close of office that day); on the day of
        `latest`, the deadline as a full ISO instant."""
        if self.capped():
            return self.deadline().isoformat()
        return self.day().isoformat()

    def _update(self) -> None:
        day = self.day()
        if self.capped():
            self.hint.setStyleSheet("")
            self.hint.setText(
                self.tr("共 {0} 个工作日，交办单位要求 {1} 前办结").format(
                    self.working_days(), self.deadline().strftime("%Y-%m-%d %H:%M")
                )
            )
        elif not self.calendar.is_working_day(day):
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
