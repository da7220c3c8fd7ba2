"""The period chooser of the views that count a period (单位考核, 统计看板): a named period
(本月, 上月, 本季度, 本年) or 自定义 with the two dates the user picks."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from desktop.domain.assessment import Period
from desktop.ui.assessment.periods import DEFAULT_PRESET, PeriodPreset, preset_period


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class PeriodPicker(QWidget):
    """Caption, preset and the two dates; `changed` when the period they describe changes.

    The dates show the preset's days and are editable only under 自定义. The views keep
    `preset`, `date_from` and `date_to` at hand for their filters' texts and their tests."""

    changed = Signal()

    def __init__(
        self,
        name: str,
        caption: str,
        noun: str,
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.today = today
        self.preset = QComboBox(self)
        self.preset.setObjectName(f"{name}Preset")
        for preset, text in (
            (PeriodPreset.THIS_MONTH, self.tr("本月")),
            (PeriodPreset.LAST_MONTH, self.tr("上月")),
            (PeriodPreset.THIS_QUARTER, self.tr("本季度")),
            (PeriodPreset.THIS_YEAR, self.tr("本年")),
            (PeriodPreset.CUSTOM, self.tr("自定义")),
        ):
            self.preset.addItem(text, preset)
        self.date_from = self._date_edit(f"{name}From", self.tr("{0}起").format(noun))
        self.date_to = self._date_edit(f"{name}To", self.tr("{0}止").format(noun))
        label = QLabel(caption, self)
        label.setBuddy(self.preset)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for part in (label, self.preset, self.date_from, QLabel(self.tr("至"), self)):
            row.addWidget(part)
        row.addWidget(self.date_to)
        self.preset.setCurrentIndex(self.preset.findData(DEFAULT_PRESET))
        self._preset_changed()
        self.preset.currentIndexChanged.connect(self._preset_changed)
        self.date_from.dateChanged.connect(self._dates_changed)
        self.date_to.dateChanged.connect(self._dates_changed)

    def _date_edit(self, name: str, accessible: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def period(self) -> Period:
        """The period the controls describe (a reversed custom range is read forwards)."""
        preset = self.preset.currentData()
        if preset is not PeriodPreset.CUSTOM:
            return preset_period(preset, self.today())
        start: date = self.date_from.date().toPython()  # type: ignore[assignment]
        end: date = self.date_to.date().toPython()  # type: ignore[assignment]
        return Period(min(start, end), max(start, end))

    def set_preset(self, preset: PeriodPreset) -> None:
        """Choose a named period."""
        self.preset.setCurrentIndex(self.preset.findData(preset))

    def set_custom(self, start: date, end: date) -> None:
        """Choose the period from `start` to `end`."""
        self._show_dates(start, end)
        if self.preset.currentData() is PeriodPreset.CUSTOM:
            self.changed.emit()
        else:
            self.set_preset(PeriodPreset.CUSTOM)

    def _show_dates(self, start: date, end: date) -> None:
        for edit, day in ((self.date_from, start), (self.date_to, end)):
            edit.blockSignals(True)
            edit.setDate(_qdate(day))
            edit.blockSignals(False)

    def _preset_changed(self) -> None:
        custom = self.preset.currentData() is PeriodPreset.CUSTOM
        self.date_from.setEnabled(custom)
        self.date_to.setEnabled(custom)
        if not custom:
            shown = self.period()
            self._show_dates(shown.start, shown.end)
        self.changed.emit()

    def _dates_changed(self) -> None:
        if self.preset.currentData() is PeriodPreset.CUSTOM:
            self.changed.emit()
