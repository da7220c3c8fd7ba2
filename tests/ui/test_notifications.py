"""Which changes are announced (tray_messages), and the Notifier respecting the settings."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QSystemTrayIcon
from pytestqt.qtbot import QtBot

from desktop.store.queues import Queue
from desktop.ui.notifications import (
    MAX_WARNING_MESSAGES,
    NEW_TASKS,
    WARNING,
    WARNINGS_SUMMARY,
    Message,
    Notifier,
    Snapshot,
    tray_messages,
)
from desktop.ui.settings import AppSettings

SIGN, DISPATCH, REVIEW = Queue.TO_SIGN, Queue.TO_DISPATCH, Queue.TO_REVIEW
HANDLING, CLOSED = Queue.HANDLING, Queue.CLOSED

BASE: Snapshot = {"LYG-0001": (HANDLING, 0)}
"""A `before` that is not empty (an empty one announces nothing)."""


def kinds(messages: list[Message]) -> list[str]:
    return [m.kind for m in messages]


# -- tray_messages ---------------------------------------------------------------------------


def test_nothing_changed_announces_nothing() -> None:
    snapshot: Snapshot = {"A": (SIGN, 1), "B": (HANDLING, 2)}
    assert tray_messages(snapshot, dict(snapshot)) == []


def test_the_first_snapshot_announces_nothing() -> None:
    assert tray_messages({}, {"A": (SIGN, 0), "B": (HANDLING, 3)}) == []


@pytest.mark.parametrize("queue", [SIGN, DISPATCH, REVIEW])
def test_a_clue_arriving_in_a_task_queue_is_a_new_task(queue: Queue) -> None:
    messages = tray_messages(BASE, {**BASE, "LYG-0002": (queue, 0)})
    assert kinds(messages) == [NEW_TASKS]
    assert messages[0].count == 1
    assert messages[0].clue_code == "LYG-0002"
    assert "LYG-0002" in messages[0].text


@pytest.mark.parametrize("queue", [HANDLING, CLOSED, None])
def test_a_clue_arriving_elsewhere_is_not_a_task(queue: Queue | None) -> None:
    assert tray_messages(BASE, {**BASE, "LYG-0002": (queue, 0)}) == []


def test_a_clue_moving_into_a_task_queue_is_a_new_task() -> None:
    before: Snapshot = {"A": (HANDLING, 0)}
    assert kinds(tray_messages(before, {"A": (REVIEW, 0)})) == [NEW_TASKS]


def test_a_clue_staying_in_its_task_queue_is_not_new() -> None:
    before: Snapshot = {"A": (SIGN, 0)}
    assert tray_messages(before, {"A": (SIGN, 0)}) == []


def test_a_clue_coming_back_into_my_scope_is_new() -> None:
    before: Snapshot = {"A": (None, 0), "B": (HANDLING, 0)}
    assert kinds(tray_messages(before, {"A": (DISPATCH, 0), "B": (HANDLING, 0)})) == [NEW_TASKS]


def test_many_new_tasks_make_one_message_naming_the_lowest_code() -> None:
    after = {**BASE, "C-3": (SIGN, 0), "C-1": (DISPATCH, 0), "C-2": (REVIEW, 2)}
    messages = tray_messages(BASE, after)
    assert kinds(messages) == [NEW_TASKS]
    assert messages[0].count == 3
    assert messages[0].clue_code == "C-1"
    assert "3" in messages[0].text and "C-1" in messages[0].text


def test_queue_values_may_be_stored_codes() -> None:
    assert kinds(tray_messages(BASE, {**BASE, "X": ("to_sign", 0)})) == [NEW_TASKS]
    assert tray_messages(BASE, {**BASE, "X": ("no_such_queue", 0)}) == []


def test_a_level_rising_on_my_clue_is_a_warning() -> None:
    messages = tray_messages({"A": (HANDLING, 1)}, {"A": (HANDLING, 2)})
    assert kinds(messages) == [WARNING]
    assert messages[0].clue_code == "A" and messages[0].level == 2
    assert "二级预警" in messages[0].text


def test_a_level_rising_from_nothing_is_a_warning() -> None:
    messages = tray_messages({"A": (SIGN, 0)}, {"A": (SIGN, 1)})
    assert kinds(messages) == [WARNING] and messages[0].level == 1


def test_level_three_says_the_discipline_commission_steps_in() -> None:
    messages = tray_messages({"A": (HANDLING, 2)}, {"A": (HANDLING, 3)})
    assert "纪委监委" in messages[0].text
    assert "三级预警" in messages[0].text


@pytest.mark.parametrize(("before", "after"), [(2, 2), (3, 1), (1, 0)])
def test_a_level_not_rising_is_not_announced(before: int, after: int) -> None:
    assert tray_messages({"A": (HANDLING, before)}, {"A": (HANDLING, after)}) == []


def test_a_rise_on_a_clue_not_mine_is_not_announced() -> None:
    assert tray_messages({"A": (None, 1), **BASE}, {"A": (None, 3), **BASE}) == []
    # ...nor on one that just left my queues, nor on one that just arrived (that is a task).
    assert tray_messages({"A": (HANDLING, 1)}, {"A": (None, 3)}) == []
    assert kinds(tray_messages(BASE, {**BASE, "N": (SIGN, 3)})) == [NEW_TASKS]


def test_a_moved_clue_that_also_rose_is_announced_once_as_a_task() -> None:
    messages = tray_messages({"A": (HANDLING, 1)}, {"A": (REVIEW, 2)})
    assert kinds(messages) == [NEW_TASKS]


def test_a_rise_on_a_clue_in_another_queue_of_mine_is_a_warning() -> None:
    messages = tray_messages({"A": (SIGN, 1)}, {"A": (HANDLING, 2)})
    assert kinds(messages) == [WARNING]


def test_warnings_come_highest_first_then_by_code() -> None:
    before: Snapshot = {"B": (HANDLING, 0), "A": (HANDLING, 1), "C": (HANDLING, 1)}
    after: Snapshot = {"B": (HANDLING, 1), "A": (HANDLING, 3), "C": (HANDLING, 3)}
    messages = tray_messages(before, after)
    assert [(m.clue_code, m.level) for m in messages] == [("A", 3), ("C", 3), ("B", 1)]


def test_many_warnings_are_summed_up() -> None:
    before: Snapshot = {f"C-{i:02d}": (HANDLING, 0) for i in range(10)}
    after: dict[str, tuple[Queue | str | None, int]] = {code: (HANDLING, 1) for code in before}
    after["C-07"] = (HANDLING, 2)
    messages = tray_messages(before, after)
    assert len(messages) == MAX_WARNING_MESSAGES
    assert kinds(messages) == [WARNING] * (MAX_WARNING_MESSAGES - 1) + [WARNINGS_SUMMARY]
    assert messages[0].clue_code == "C-07"
    summary = messages[-1]
    assert summary.count == 10 - (MAX_WARNING_MESSAGES - 1)
    assert summary.level == 1
    assert str(summary.count) in summary.text


def test_tasks_and_warnings_together() -> None:
    before: Snapshot = {"A": (HANDLING, 1)}
    after: Snapshot = {"A": (HANDLING, 2), "B": (SIGN, 0)}
    assert kinds(tray_messages(before, after)) == [NEW_TASKS, WARNING]


# -- Notifier --------------------------------------------------------------------------------


@pytest.fixture
def settings(tmp_path: Path) -> AppSettings:
    return AppSettings(QSettings(str(tmp_path / "n.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def notifier(qtbot: QtBot, settings: AppSettings) -> Notifier:
    return Notifier(settings, use_tray=False)


def test_without_a_tray_messages_are_recorded(notifier: Notifier) -> None:
    assert not notifier.available
    assert notifier.notify_new_tasks(2, "LYG-0001") is True
    assert notifier.notify_warning("LYG-0002", 3) is True
    assert [(m.kind, m.clue_code, m.count, m.level) for m in notifier.sent] == [
        (NEW_TASKS, "LYG-0001", 2, 0),
        (WARNING, "LYG-0002", 0, 3),
    ]


def test_nothing_to_say_is_not_said(notifier: Notifier) -> None:
    assert notifier.notify_new_tasks(0, "") is False
    assert notifier.notify_warning("A", 0) is False
    assert notifier.sent == []


def test_notifications_switched_off(notifier: Notifier, settings: AppSettings) -> None:
    settings.notifications_enabled = False
    assert notifier.notify_new_tasks(1, "A") is False
    assert notifier.notify_warning("A", 2) is False
    assert notifier.sent == []


def test_each_kind_has_its_own_switch(notifier: Notifier, settings: AppSettings) -> None:
    settings.notify_new_tasks = False
    assert notifier.notify_new_tasks(1, "A") is False
    assert notifier.notify_warning("B", 2) is True
    settings.notify_new_tasks = True
    settings.notify_warning_levels = False
    assert notifier.notify_warning("C", 3) is False
    assert notifier.notify_new_tasks(1, "D") is True
    assert [m.clue_code for m in notifier.sent] == ["B", "D"]


def test_notify_changes_shows_what_the_settings_allow(
    notifier: Notifier, settings: AppSettings
) -> None:
    settings.notify_warning_levels = False
    before: Snapshot = {"A": (HANDLING, 1)}
    after: Snapshot = {"A": (HANDLING, 2), "B": (SIGN, 0)}
    shown = notifier.notify_changes(before, after)
    assert kinds(shown) == [NEW_TASKS]
    assert notifier.sent == shown


# The offscreen platform has no tray; the icon is made anyway to check the click.
@pytest.mark.qt_log_ignore("systemTrayWindowChanged")
def test_with_a_tray_icon_messages_are_shown(qtbot: QtBot, settings: AppSettings) -> None:
    pixmap = QPixmap(16, 16)
    pixmap.fill()
    notifier = Notifier(settings, use_tray=True, icon=QIcon(pixmap))
    assert notifier.available and isinstance(notifier.tray, QSystemTrayIcon)
    assert notifier.notify_warning("LYG-0009", 2)
    with qtbot.waitSignal(notifier.clue_clicked) as clicked:
        notifier.tray.messageClicked.emit()
    assert clicked.args == ["LYG-0009"]
    notifier.tray.hide()
