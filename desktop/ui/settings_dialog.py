"""The settings dialog: platform, sync interval, office hours, notifications and language."""

from __future__ import annotations

from datetime import time
from pathlib import Path

from PySide6.QtCore import QSize, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.calendar import OfficeHours
from desktop.ui.login_dialog import CaBundlePicker, error_label
from desktop.ui.screen_fit import fit_to_screen, scrolling
from desktop.ui.settings import SYNC_MINUTES_RANGE, AppSettings, check_server_url

UNTRANSLATED = (("zh_CN", "简体中文"), ("en", "English"))
"""The languages offered, each named in itself (so never translated)."""


def to_qtime(value: time) -> QTime:
    """A time of day as a QTime."""
    return QTime(value.hour, value.minute)


def from_qtime(value: QTime) -> time:
    """A QTime as a time of day (minutes precision)."""
    return time(value.hour(), value.minute())


def time_edit(value: time, name: str) -> QTimeEdit:
    """A HH:mm time field."""
    edit = QTimeEdit(to_qtime(value))
    edit.setDisplayFormat("HH:mm")
    edit.setObjectName(name)
    return edit


class SettingsDialog(QDialog):
    """Edits the `AppSettings`; validates and saves them on OK only."""

    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.restart_needed = False
        self.setWindowTitle(self.tr("设置"))

        self.server_url = QLineEdit(settings.server_url)
        self.server_url.setObjectName("server_url")
        self.server_url.setPlaceholderText("https://")
        self.ca_bundle = CaBundlePicker()
        self.ca_bundle.edit.setText(settings.ca_bundle or "")
        self.sync_interval = QSpinBox()
        self.sync_interval.setObjectName("sync_interval")
        self.sync_interval.setRange(*SYNC_MINUTES_RANGE)
        self.sync_interval.setSuffix(self.tr(" 分钟"))
        self.sync_interval.setValue(settings.sync_interval_minutes)
        platform = QGroupBox(self.tr("市级平台"))
        platform_form = QFormLayout(platform)
        platform_form.addRow(self.tr("平台地址："), self.server_url)
        platform_form.addRow(self.tr("CA 证书："), self.ca_bundle)
        platform_form.addRow(self.tr("自动同步间隔："), self.sync_interval)

        hours = settings.office_hours.periods
        self.morning_start = time_edit(hours[0][0], "morning_start")
        self.morning_end = time_edit(hours[0][1], "morning_end")
        self.afternoon_start = time_edit(hours[1][0], "afternoon_start")
        self.afternoon_end = time_edit(hours[1][1], "afternoon_end")
        office = QGroupBox(self.tr("办公时间"))
        office_form = QFormLayout(office)
        office_form.addRow(self.tr("上午："), self._span(self.morning_start, self.morning_end))
        office_form.addRow(self.tr("下午："), self._span(self.afternoon_start, self.afternoon_end))

        self.notifications_enabled = QCheckBox(self.tr("显示桌面通知"))
        self.notifications_enabled.setChecked(settings.notifications_enabled)
        self.notify_new_tasks = QCheckBox(self.tr("有新的待办线索时"))
        self.notify_new_tasks.setChecked(settings.notify_new_tasks)
        self.notify_warning_levels = QCheckBox(self.tr("我的线索预警升级时"))
        self.notify_warning_levels.setChecked(settings.notify_warning_levels)
        self.notifications_enabled.toggled.connect(self._enable_notification_kinds)
        self._enable_notification_kinds(settings.notifications_enabled)
        notifications = QGroupBox(self.tr("通知"))
        notifications_layout = QVBoxLayout(notifications)
        notifications_layout.addWidget(self.notifications_enabled)
        notifications_layout.addWidget(self.notify_new_tasks)
        notifications_layout.addWidget(self.notify_warning_levels)

        self.language = QComboBox()
        self.language.setObjectName("language")
        for code, name in UNTRANSLATED:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        restart_note = QLabel(self.tr("更改语言后需重新启动程序才能生效。"))
        restart_note.setWordWrap(True)
        language = QGroupBox(self.tr("界面语言"))
        language_layout = QVBoxLayout(language)
        language_layout.addWidget(self.language)
        language_layout.addWidget(restart_note)

        self.prefer_official_fonts = QCheckBox(
            self.tr("优先使用正式公文字体（仿宋、黑体、楷体、宋体），没有时用内置字体")
        )
        self.prefer_official_fonts.setObjectName("prefer_official_fonts")
        self.prefer_official_fonts.setChecked(settings.prefer_official_fonts)
        self.font_dir = QLineEdit(settings.print_font_dir)
        self.font_dir.setObjectName("print_font_dir")
        self.font_dir.setPlaceholderText(self.tr("留空则在系统字体文件夹中查找"))
        printing = QGroupBox(self.tr("打印字体"))
        printing_form = QFormLayout(printing)
        printing_form.addRow(self.prefer_official_fonts)
        printing_form.addRow(self.tr("字体文件夹："), self.font_dir)

        self.error = error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        sections = QWidget()
        column = QVBoxLayout(sections)
        column.setContentsMargins(0, 0, 0, 0)
        for section in (platform, office, notifications, printing, language):
            column.addWidget(section)
        column.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(sections), 1)  # the sections scroll on a small screen
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        fit_to_screen(self, sections.sizeHint() + QSize(40, 90))

    def _span(self, start: QTimeEdit, end: QTimeEdit) -> QWidget:
        widget = QWidget()
        row = QHBoxLayout(widget)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(start)
        row.addWidget(QLabel(self.tr("至")))
        row.addWidget(end)
        row.addStretch(1)
        return widget

    def _enable_notification_kinds(self, enabled: bool) -> None:
        self.notify_new_tasks.setEnabled(enabled)
        self.notify_warning_levels.setEnabled(enabled)

    def office_hours(self) -> OfficeHours | tuple[QWidget, str]:
        """The office hours entered, or the field that is wrong and why."""
        ms, me = from_qtime(self.morning_start.time()), from_qtime(self.morning_end.time())
        as_, ae = from_qtime(self.afternoon_start.time()), from_qtime(self.afternoon_end.time())
        if not ms < me:
            return self.morning_end, self.tr("上午的下班时间必须晚于上班时间。")
        if not as_ < ae:
            return self.afternoon_end, self.tr("下午的下班时间必须晚于上班时间。")
        if not me <= as_:
            return self.afternoon_start, self.tr("下午的上班时间不能早于上午的下班时间。")
        return OfficeHours(((ms, me), (as_, ae)))

    def problem(self) -> tuple[QWidget, str] | None:
        """The first field that is not valid and why, or None."""
        url = self.server_url.text().strip()
        if url:
            url_problem = check_server_url(url)
            if url_problem is not None:
                return self.server_url, url_problem
        ca_problem = self.ca_bundle.problem()
        if ca_problem is not None:
            return self.ca_bundle.edit, ca_problem
        hours = self.office_hours()
        if isinstance(hours, tuple):
            return hours
        folder = self.font_dir.text().strip()
        if folder and not Path(folder).is_dir():
            return self.font_dir, self.tr("字体文件夹不存在：{0}").format(folder)
        return None

    def submit(self) -> None:
        """OK: check every field, save and close; otherwise say what is wrong and stay."""
        problem = self.problem()
        if problem is not None:
            widget, message = problem
            self.error.setText(message)
            self.error.show()
            widget.setFocus()
            return
        self.save()
        self.accept()

    def save(self) -> None:
        """Write the fields into the settings (they must be valid)."""
        settings = self.settings
        settings.server_url = self.server_url.text().strip().rstrip("/")
        settings.ca_bundle = self.ca_bundle.value()
        settings.sync_interval_minutes = self.sync_interval.value()
        hours = self.office_hours()
        assert isinstance(hours, OfficeHours)
        settings.office_hours = hours
        settings.notifications_enabled = self.notifications_enabled.isChecked()
        settings.notify_new_tasks = self.notify_new_tasks.isChecked()
        settings.notify_warning_levels = self.notify_warning_levels.isChecked()
        settings.prefer_official_fonts = self.prefer_official_fonts.isChecked()
        settings.print_font_dir = self.font_dir.text().strip()
        language = str(self.language.currentData())
        self.restart_needed = language != settings.language
        settings.language = language
        settings.sync()
