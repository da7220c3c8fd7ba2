"""The settings dialog: platform, sync interval, office hours, notifications and language."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from datetime import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QProcess, QSize, QTime
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
    QMessageBox,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.calendar import OfficeHours
from desktop.ui.login_dialog import CaBundlePicker, DeviceKindBox, error_label
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


Launch = Callable[[str, list[str], str], object]
"""Starts a program detached: (program, arguments, working folder)."""


def restart_command() -> tuple[str, list[str]]:
    """The program and arguments that started this process (to start it again)."""
    if getattr(sys, "frozen", False):  # a bundled executable: argv[0] is the program
        return sys.executable, list(sys.argv[1:])
    return sys.executable, list(getattr(sys, "orig_argv", sys.argv)[1:])


def _launch_detached(program: str, arguments: list[str], folder: str) -> object:
    return QProcess.startDetached(program, arguments, folder)


class Restarter(QObject):
    """Starts cluedesk again once this one quits (after the window closed the normal way)."""

    def __init__(self, window: QWidget, launch: Launch = _launch_detached) -> None:
        super().__init__(window)
        self.window = window
        self.launch = launch
        self.armed = False
        self.started: tuple[str, list[str]] | None = None
        """The command started (None until then)."""

    def restart(self) -> None:
        """Close the window through its normal close path; start again when the app quits.

        When the window stays open (the user chose to stay and sync first) nothing restarts.
        """
        app = QCoreApplication.instance()
        if app is None:
            return
        self.armed = True
        app.aboutToQuit.connect(self.start_again)
        self.window.close()
        if self.window.isVisible():  # the window asks first: decide when it is answered
            for box in self.window.findChildren(QMessageBox):
                if box.isVisible():
                    box.finished.connect(self._disarm_if_open)
                    return
            self._disarm_if_open()

    def _disarm_if_open(self) -> None:
        if self.window.isVisible():
            self.armed = False

    def start_again(self) -> None:
        """Start the same command line again (once, if still wanted)."""
        if not self.armed:
            return
        self.armed = False
        program, arguments = restart_command()
        self.launch(program, arguments, os.getcwd())
        self.started = (program, arguments)


def ask_restart(window: QWidget, launch: Launch = _launch_detached) -> QMessageBox:
    """Say that the new language needs a restart; offer 立即重启 / 稍后 (non-blocking)."""
    box = QMessageBox(window)
    box.setObjectName("restart_prompt")
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(QCoreApplication.translate("SettingsDialog", "界面语言"))
    box.setText(
        QCoreApplication.translate("SettingsDialog", "界面语言将在重新启动 cluedesk 后生效。")
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "SettingsDialog", "现在重新启动吗？未上传的操作保存在本机，重新启动后继续同步。"
        )
    )
    now = box.addButton(
        QCoreApplication.translate("SettingsDialog", "立即重启"), QMessageBox.ButtonRole.AcceptRole
    )
    now.setObjectName("restart_now")
    later = box.addButton(
        QCoreApplication.translate("SettingsDialog", "稍后"), QMessageBox.ButtonRole.RejectRole
    )
    later.setObjectName("restart_later")
    box.setDefaultButton(later)
    restarter = Restarter(window, launch)
    box.setProperty("restarter", restarter)

    def decided() -> None:
        if box.clickedButton() is now:
            restarter.restart()

    box.finished.connect(decided)
    box.open()
    return box


def time_edit(value: time, name: str) -> QTimeEdit:
    """A HH:mm time field."""
    edit = QTimeEdit(to_qtime(value))
    edit.setDisplayFormat("HH:mm")
    edit.setObjectName(name)
    return edit


class SettingsDialog(QDialog):
    """Edits the `AppSettings`; validates and saves them on OK only."""

    def __init__(
        self,
        settings: AppSettings,
        parent: QWidget | None = None,
        *,
        platform_hours: OfficeHours | None = None,
        bound_url: str | None = None,
        launch: Launch = _launch_detached,
    ) -> None:
        """`platform_hours`: the office hours of the platform's published rules, which then
        govern (the fields show them, read-only); `bound_url`: the platform this data folder
        is bound to, shown read-only instead of the address a first login starts from;
        `launch` starts a program detached."""
        super().__init__(parent)
        self.settings = settings
        self.platform_hours = platform_hours
        self.launch = launch
        self.restart_needed = False
        self.restart_prompt: QMessageBox | None = None
        self.setWindowTitle(self.tr("设置"))

        self.bound_url = bound_url
        self.server_url = QLineEdit(bound_url or settings.server_url)
        self.server_url.setObjectName("server_url")
        self.server_url.setPlaceholderText("https://")
        if bound_url:  # the store holds this platform's data: another one needs a new folder
            self.server_url.setReadOnly(True)
            self.server_url.setToolTip(
                self.tr("本数据目录已绑定此平台；连接其他平台请用另一个数据目录（--data-dir）。")
            )
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
        self.device_kind = DeviceKindBox(settings.device_kind)
        platform_form.addRow(self.tr("本机类型："), self.device_kind)

        shown = platform_hours if platform_hours is not None else settings.office_hours
        hours = shown.periods
        if len(hours) < 2:  # a platform publishing one period: show it as the morning's
            hours = (hours[0], hours[0])
        self.morning_start = time_edit(hours[0][0], "morning_start")
        self.morning_end = time_edit(hours[0][1], "morning_end")
        self.afternoon_start = time_edit(hours[1][0], "afternoon_start")
        self.afternoon_end = time_edit(hours[1][1], "afternoon_end")
        office = QGroupBox(self.tr("办公时间"))
        office_form = QFormLayout(office)
        office_form.addRow(self.tr("上午："), self._span(self.morning_start, self.morning_end))
        office_form.addRow(self.tr("下午："), self._span(self.afternoon_start, self.afternoon_end))
        self.office_note = QLabel(
            self.tr(
                "办公时间以市级平台发布的时限规则为准（计算期限和倒计时都按它），"
                "在此不能修改；平台调整后，下次同步即生效。"
            )
            if platform_hours is not None
            else self.tr("尚未从市级平台收到时限规则，暂按这里的办公时间计算期限和倒计时。")
        )
        self.office_note.setObjectName("office_hours_note")
        self.office_note.setWordWrap(True)
        office_form.addRow(self.office_note)
        for edit in self.time_edits():
            edit.setEnabled(platform_hours is None)

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
        restart_note = QLabel(self.tr("更改语言后需重新启动 cluedesk 才能生效，保存时可立即重启。"))
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

    def time_edits(self) -> tuple[QTimeEdit, ...]:
        """The four office-hours fields."""
        return (self.morning_start, self.morning_end, self.afternoon_start, self.afternoon_end)

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
        if url and not self.bound_url:
            url_problem = check_server_url(url)
            if url_problem is not None:
                return self.server_url, url_problem
        ca_problem = self.ca_bundle.problem()
        if ca_problem is not None:
            return self.ca_bundle.edit, ca_problem
        hours = self.office_hours() if self.platform_hours is None else None
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
        window = self.parentWidget()
        if self.restart_needed and window is not None:
            self.restart_prompt = ask_restart(window, self.launch)

    def save(self) -> None:
        """Write the fields into the settings (they must be valid)."""
        settings = self.settings
        if not self.bound_url:
            settings.server_url = self.server_url.text().strip().rstrip("/")
        settings.ca_bundle = self.ca_bundle.value()
        settings.sync_interval_minutes = self.sync_interval.value()
        settings.device_kind = self.device_kind.kind()
        if self.platform_hours is None:  # the platform's hours are shown, not the settings'
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
