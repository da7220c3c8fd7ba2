"""A clue's history as a small table: when, what, who, which unit, remarks, which device."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from desktop.domain.codes import CallbackResult, Finding, Status
from desktop.domain.reporter_privacy import REPORTER_REVEALED
from desktop.domain.timeutil import to_china
from desktop.domain.workflow import Action
from desktop.store.clue_detail import TimelineEntry
from desktop.ui.labels import area_label, label_of

AnyIndex = QModelIndex | QPersistentModelIndex
UnitName = Callable[[str | None], str]

PENDING_BACKGROUND = QColor("#fff4d6")
PENDING_FOREGROUND = QColor("#8a5a00")


def format_moment(moment: datetime | None) -> str:
    """An instant as the window shows it: 2026-11-27 10:00 (China time); '' for none."""
    return to_china(moment).strftime("%Y-%m-%d %H:%M") if moment is not None else ""


def _deadline_text(raw: Any) -> str:
    try:
        return format_moment(datetime.fromisoformat(str(raw)))
    except ValueError:
        return str(raw)


def _routing(entry: TimelineEntry, unit_name: UnitName) -> list[str]:
    """Where a clue went: dispatched to units, sent back to the city, transferred, taken over."""
    details, action = entry.details, entry.action

    def area(code: object) -> str:
        return area_label(unit_name(str(code)))

    parts: list[str] = []
    if action == Action.DISPATCH.value:
        if details.get("lead_unit"):
            parts.append(
                QCoreApplication.translate("Timeline", "主办：{0}").format(
                    unit_name(str(details["lead_unit"]))
                )
            )
        assisting = [unit_name(str(code)) for code in details.get("assisting_units") or []]
        if assisting:
            parts.append(
                QCoreApplication.translate("Timeline", "协办：{0}").format(
                    QCoreApplication.translate("Timeline", "、").join(assisting)
                )
            )
    elif action == Action.RETURN_TO_CITY.value and details.get("owner_unit"):
        parts.append(
            QCoreApplication.translate("Timeline", "由「{0}」退回「{1}」重新分办").format(
                unit_name(str(details.get("returned_by") or "")) or entry.unit.display,
                unit_name(str(details["owner_unit"])),
            )
        )
    elif action == Action.TRANSFER.value and details.get("county_code"):
        parts.append(
            QCoreApplication.translate("Timeline", "从「{0}」转至「{1}」").format(
                area(details.get("from_county") or ""), area(details["county_code"])
            )
        )
    elif action == Action.TAKE_OVER.value and details.get("from_owner"):
        parts.append(
            QCoreApplication.translate("Timeline", "由「{0}」提级至「{1}」承办").format(
                unit_name(str(details.get("from_owner") or "")), entry.unit.display
            )
        )
    return parts


def _outcome(entry: TimelineEntry) -> list[str]:
    """What a report, callback, refusal, duplicate or closing recorded."""
    details, action = entry.details, entry.action
    parts: list[str] = []
    if details.get("finding") and action == Action.REPORT.value:
        parts.append(
            QCoreApplication.translate("Timeline", "核查结论：{0}").format(
                label_of(Finding, str(details["finding"]))
            )
        )
    if details.get("measures"):
        parts.append(
            QCoreApplication.translate("Timeline", "整改措施：{0}").format(details["measures"])
        )
    if details.get("callback"):
        parts.append(
            QCoreApplication.translate("Timeline", "回访结果：{0}").format(
                label_of(CallbackResult, str(details["callback"]))
            )
        )
    if action == Action.REFUSE.value and (details.get("ground_text") or details.get("ground")):
        parts.append(
            QCoreApplication.translate("Timeline", "不予受理依据：{0}").format(
                details.get("ground_text") or details.get("ground")
            )
        )
    if action == Action.MARK_DUPLICATE.value and details.get("original"):
        parts.append(
            QCoreApplication.translate("Timeline", "重复件，原件：{0}").format(details["original"])
        )
    if action == Action.CLOSE_WITH_ORIGINAL.value and details.get("original"):
        parts.append(
            QCoreApplication.translate("Timeline", "随原件 {0} 办结").format(details["original"])
        )
    if details.get("override_reason"):
        text = QCoreApplication.translate("Timeline", "未闭环办结理由：{0}").format(
            details["override_reason"]
        )
        notices = [str(n) for n in details.get("open_notices") or []]
        if notices:
            text += QCoreApplication.translate("Timeline", "（未闭环文书：{0}）").format(
                QCoreApplication.translate("Timeline", "；").join(notices)
            )
        parts.append(text)
    return parts


def _intake(entry: TimelineEntry) -> list[str]:
    """The channel's reference and the sender's deadline a clue was registered with."""
    details = entry.details
    parts: list[str] = []
    if details.get("channel_ref"):
        parts.append(
            QCoreApplication.translate("Timeline", "渠道编号：{0}").format(details["channel_ref"])
        )
    if details.get("due_by"):
        parts.append(
            QCoreApplication.translate("Timeline", "交办期限：{0}").format(
                _deadline_text(details["due_by"])
            )
        )
    return parts


def describe_details(entry: TimelineEntry, unit_name: UnitName) -> str:
    """What an entry's recorded details mean, in a sentence ('' when nothing to add)."""
    details = entry.details
    if entry.action == Action.REGISTER.value:
        parts = _intake(entry)
    else:
        parts = _routing(entry, unit_name) + _outcome(entry)
    if entry.action in (Action.REQUEST_EXTENSION.value, Action.APPROVE_EXTENSION.value):
        if details.get("days"):
            parts.append(
                QCoreApplication.translate("Timeline", "延期 {0} 个工作日").format(details["days"])
            )
    if details.get("handle_deadline") and entry.action != Action.REGISTER.value:
        parts.append(
            QCoreApplication.translate("Timeline", "办理时限：{0}").format(
                _deadline_text(details["handle_deadline"])
            )
        )
    return QCoreApplication.translate("Timeline", "；").join(parts)


class TimelineModel(QAbstractTableModel):
    """The entries of one clue's history (tens of rows: held whole, plain data)."""

    EntryRole = Qt.ItemDataRole.UserRole
    TIME, ACTION, USER, UNIT, NOTE, DEVICE = range(6)

    def __init__(
        self,
        unit_name: UnitName | None = None,
        own_device: str = "",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.entries: list[TimelineEntry] = []
        self.unit_name: UnitName = unit_name or (lambda code: code or "")
        self.own_device = own_device
        self.headers = [
            self.tr("时间"),
            self.tr("操作"),
            self.tr("操作人"),
            self.tr("单位"),
            self.tr("说明"),
            self.tr("设备"),
        ]

    def set_entries(self, entries: Sequence[TimelineEntry]) -> None:
        """Show another history."""
        self.beginResetModel()
        self.entries = list(entries)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        """Number of entries."""
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        """Number of columns."""
        return 0 if parent.isValid() else len(self.headers)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.headers)
        ):
            return self.headers[section]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        """Read-only, selectable cells."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """A cell's text, tooltip and the style of pending entries."""
        if not index.isValid() or not 0 <= index.row() < len(self.entries):
            return None
        entry = self.entries[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(entry, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.ACTION:
                return self._status_change(entry) or None
            if column == self.NOTE:
                return self._text(entry, column) or None
            return None
        if role == self.EntryRole:
            return entry
        if entry.pending:
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(PENDING_BACKGROUND)
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(PENDING_FOREGROUND)
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setItalic(True)
                return font
        return None

    def _status_change(self, entry: TimelineEntry) -> str:
        if not entry.from_status or entry.from_status == entry.to_status:
            return ""
        before, after = label_of(Status, entry.from_status), label_of(Status, entry.to_status)
        return f"{before} → {after}"

    def _text(self, entry: TimelineEntry, column: int) -> str:
        if column == self.TIME:
            return format_moment(entry.at)
        if column == self.ACTION:
            if entry.action == REPORTER_REVEALED:
                return self.tr("查看举报人")
            text = label_of(Action, entry.action)
            change = self._status_change(entry)
            if change:
                text = self.tr("{0}（{1}）").format(text, change)
            if entry.pending:
                text = self.tr("{0} · 待同步").format(text)
            return text
        if column == self.USER:
            if entry.user_name and entry.user_name != entry.username:
                return self.tr("{0}（{1}）").format(entry.user_name, entry.username)
            return entry.username
        if column == self.UNIT:
            return entry.unit.display
        if column == self.NOTE:
            if entry.action == REPORTER_REVEALED:  # a commission user's reveal, with its reason
                return self.tr("纪委监委登记理由后查看了举报人信息。查看理由：{0}").format(
                    entry.note
                )
            summary = describe_details(entry, self.unit_name)
            return self.tr("；").join(part for part in (entry.note, summary) if part)
        if column == self.DEVICE:
            if entry.device_id and entry.device_id == self.own_device:
                return self.tr("本机")
            return entry.device_id
        return ""


class TimelineView(QTableView):
    """The history table of the detail panel."""

    def __init__(
        self,
        unit_name: UnitName | None = None,
        own_device: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.timeline = TimelineModel(unit_name, own_device, self)
        self.setModel(self.timeline)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TimelineModel.NOTE, QHeaderView.ResizeMode.Stretch)
        widths = (
            (TimelineModel.ACTION, 120),
            (TimelineModel.USER, 90),
            (TimelineModel.UNIT, 100),
            (TimelineModel.DEVICE, 56),
        )
        for column, width in widths:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.setColumnWidth(column, width)  # long names wrap; the note gets the room
        header.setMinimumSectionSize(48)

    def set_entries(self, entries: Sequence[TimelineEntry]) -> None:
        """Show another history, newest at the bottom."""
        self.timeline.set_entries(entries)
        self.resizeRowsToContents()
