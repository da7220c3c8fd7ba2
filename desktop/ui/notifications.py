"""Desktop notifications: new tasks and rising warning levels, through the system tray."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle, QSystemTrayIcon

from desktop.domain.deadlines import WARNING_LABELS
from desktop.store.queues import Queue
from desktop.ui.labels import CONTEXT as LABELS_CONTEXT
from desktop.ui.settings import AppSettings

NEW_TASKS = "new_tasks"
WARNING = "warning"
WARNINGS_SUMMARY = "warnings_summary"
RED_WARNINGS = "red_warnings"
"""New level-3 warnings, announced to the discipline commission's users."""

TASK_QUEUES = frozenset({Queue.TO_SIGN, Queue.TO_DISPATCH, Queue.TO_REVIEW})
"""The queues whose new arrivals are announced: work waiting for this user."""

MAX_WARNING_MESSAGES = 3
"""More rising warnings than this are announced together, in one message."""

Snapshot = Mapping[str, tuple[Queue | str | None, int]]
"""clue code -> (the queue it is in for this user, None when not mine; its warning level)."""


@dataclass(frozen=True)
class Message:
    """One notification: what kind, its title and text, and the clue it is about."""

    kind: str
    title: str
    text: str
    clue_code: str = ""
    count: int = 0
    level: int = 0


def warning_label(level: int) -> str:
    """The (translated) name of a warning level."""
    return QCoreApplication.translate(LABELS_CONTEXT, WARNING_LABELS.get(level, WARNING_LABELS[3]))


def new_tasks_message(count: int, example: str) -> Message:
    """The message for `count` new tasks, naming one of them."""
    title = QCoreApplication.translate("Notifier", "新的待办线索")
    if count == 1:
        text = QCoreApplication.translate("Notifier", "线索 {0} 等待您办理。").format(example)
    else:
        text = QCoreApplication.translate("Notifier", "{0} 条新线索等待您办理，例如 {1}。").format(
            count, example
        )
    return Message(NEW_TASKS, title, text, clue_code=example, count=count)


def warning_message(clue_code: str, level: int) -> Message:
    """The message for one clue whose warning level rose to `level`."""
    title = QCoreApplication.translate("Notifier", "超期预警")
    if level >= 3:
        text = QCoreApplication.translate(
            "Notifier", "线索 {0} 已升为{1}，纪委监委将介入督办。"
        ).format(clue_code, warning_label(level))
    else:
        text = QCoreApplication.translate("Notifier", "线索 {0} 已升为{1}。").format(
            clue_code, warning_label(level)
        )
    return Message(WARNING, title, text, clue_code=clue_code, level=level)


def warnings_summary_message(count: int, top_level: int, example: str) -> Message:
    """The message for many rising warnings at once."""
    title = QCoreApplication.translate("Notifier", "超期预警")
    text = QCoreApplication.translate(
        "Notifier", "另有 {0} 条线索的预警升级，最高为{1}，例如 {2}。"
    ).format(count, warning_label(top_level), example)
    return Message(WARNINGS_SUMMARY, title, text, clue_code=example, count=count, level=top_level)


def red_warnings_message(count: int, example: str) -> Message:
    """The message for `count` clues that reached level 3 (红色预警) since the last sync."""
    title = QCoreApplication.translate("Notifier", "新的红色预警")
    if count == 1:
        text = QCoreApplication.translate(
            "Notifier", "线索 {0} 已达到三级预警（红），已列入本机关督办范围。"
        ).format(example)
    else:
        text = QCoreApplication.translate(
            "Notifier", "{0} 条线索新达到三级预警（红），例如 {1}。点击查看预警台账。"
        ).format(count, example)
    return Message(RED_WARNINGS, title, text, clue_code=example, count=count, level=3)


def _queue(value: Queue | str | None) -> Queue | None:
    if value is None:
        return None
    try:
        return Queue(value)
    except ValueError:
        return None


def tray_messages(before: Snapshot, after: Snapshot) -> list[Message]:
    """What to announce when the user's clues went from `before` to `after`.

    New tasks: clues that entered 待签收, 待分办 or 待审核 for this user (one message for all,
    with the lowest code as example). Warnings: clues of mine (in a queue in both snapshots)
    whose level rose, highest first; more than MAX_WARNING_MESSAGES are summed up. An empty
    `before` (nothing known yet, e.g. the first sync) announces nothing.
    """
    if not before:
        return []
    arrived: list[str] = []
    rose: list[tuple[int, str]] = []
    for code, (queue_value, level) in after.items():
        queue = _queue(queue_value)
        if queue is None:
            continue
        previous = before.get(code)
        previous_queue = _queue(previous[0]) if previous is not None else None
        if queue in TASK_QUEUES and queue != previous_queue:
            arrived.append(code)
        elif previous_queue is not None and previous is not None and level > max(previous[1], 0):
            rose.append((level, code))
    messages: list[Message] = []
    if arrived:
        arrived.sort()
        messages.append(new_tasks_message(len(arrived), arrived[0]))
    rose.sort(key=lambda item: (-item[0], item[1]))
    shown = rose if len(rose) <= MAX_WARNING_MESSAGES else rose[: MAX_WARNING_MESSAGES - 1]
    messages.extend(warning_message(code, level) for level, code in shown)
    rest = rose[len(shown) :]
    if rest:
        messages.append(warnings_summary_message(len(rest), rest[0][0], rest[0][1]))
    return messages


class Notifier(QObject):
    """Shows notifications in the system tray, as the settings allow; keeps what it `sent`.

    Without a system tray (or with `use_tray=False`) nothing is shown, but messages are still
    recorded in `sent`. `clue_clicked` carries the clue code of a clicked message.
    """

    clue_clicked = Signal(str)
    warnings_clicked = Signal()
    """A clicked message announced new red warnings (open the warning record)."""

    def __init__(
        self,
        settings: AppSettings,
        parent: QObject | None = None,
        *,
        icon: QIcon | None = None,
        use_tray: bool | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.sent: list[Message] = []
        self._last: Message | None = None
        if use_tray is None:
            use_tray = QSystemTrayIcon.isSystemTrayAvailable()
        self.tray: QSystemTrayIcon | None = None
        if use_tray:
            self.tray = QSystemTrayIcon(icon if icon is not None else _default_icon(), self)
            self.tray.setToolTip(QCoreApplication.translate("Notifier", "cluedesk 线索办理工作台"))
            self.tray.messageClicked.connect(self._clicked)
            self.tray.show()

    @property
    def available(self) -> bool:
        """Whether messages are really shown (a system tray is there)."""
        return self.tray is not None

    def allows(self, message: Message) -> bool:
        """Whether the settings let this kind of message through."""
        if not self.settings.notifications_enabled:
            return False
        if message.kind == NEW_TASKS:
            return self.settings.notify_new_tasks
        return self.settings.notify_warning_levels

    def show(self, message: Message) -> bool:
        """Show (and record) a message when the settings allow it; True when shown."""
        if not self.allows(message):
            return False
        self.sent.append(message)
        self._last = message
        if self.tray is not None:
            icon = (
                QSystemTrayIcon.MessageIcon.Information
                if message.kind == NEW_TASKS
                else QSystemTrayIcon.MessageIcon.Warning
            )
            if message.level >= 3:
                icon = QSystemTrayIcon.MessageIcon.Critical
            self.tray.showMessage(message.title, message.text, icon)
        return True

    def notify_new_tasks(self, count: int, example: str) -> bool:
        """Announce `count` new tasks (naming `example`); True when shown."""
        if count <= 0:
            return False
        return self.show(new_tasks_message(count, example))

    def notify_warning(self, clue_code: str, level: int) -> bool:
        """Announce that a clue's warning level rose to `level`; True when shown."""
        if level <= 0:
            return False
        return self.show(warning_message(clue_code, level))

    def notify_red_warnings(self, count: int, example: str) -> bool:
        """Announce `count` clues newly at level 3 (one message); True when shown."""
        if count <= 0:
            return False
        return self.show(red_warnings_message(count, example))

    def notify_changes(self, before: Snapshot, after: Snapshot) -> list[Message]:
        """Announce what changed between two snapshots; return the messages shown."""
        return [m for m in tray_messages(before, after) if self.show(m)]

    def _clicked(self) -> None:
        if self._last is not None and self._last.kind == RED_WARNINGS:
            self.warnings_clicked.emit()
            return
        if self._last is not None and self._last.clue_code:
            self.clue_clicked.emit(self._last.clue_code)


def _default_icon() -> QIcon:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        if not app.windowIcon().isNull():
            return app.windowIcon()
        return app.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
    return QIcon()
