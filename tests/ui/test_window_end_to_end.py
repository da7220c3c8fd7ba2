"""The window against the real platform: people click through the closed loop and sync.

Nothing is mocked: a real `cluedesk-platform serve` runs on a loopback port, each desk is a
MainWindow over its own data folder, and every step is a click, a typed text or a shortcut.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.demo.city import DEMO_PASSWORD
from desktop.domain.codes import Status
from desktop.domain.timeutil import china_now
from desktop.domain.workflow import Action
from desktop.store.database import open_store
from desktop.store.local_actions import take_action
from desktop.store.models import Clue, ClueAttachment
from desktop.store.queues import Queue
from desktop.store.sync_apply import sync_status
from desktop.ui.action_forms import ActionDialog, ConfirmAction
from desktop.ui.main_window import MainWindow
from desktop.ui.register_dialog import RegisterDialog
from desktop.ui.settings import AppSettings
from desktop.ui.sync_controller import Connection, SyncController, login_job, sync_job
from desktop.ui.tasks import Task, running_tasks
from desktop.ui.workspace import Workspace
from tests.ui.conftest import type_chinese
from tests.ui.loop_kit import register

pytestmark = pytest.mark.qt_log_ignore("^This plugin does not support")

TOWNSHIP_UNIT = "320706001"  # 新海街道, the demo township handler's unit
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


class Desk:
    """One person's window over their own data folder, logged in to the platform."""

    def __init__(self, qtbot: QtBot, url: str, username: str, folder: Path) -> None:
        self.qtbot = qtbot
        self.store = open_store(folder)
        connection = Connection(url, username)
        login_job(self.store, connection, DEMO_PASSWORD)
        settings = AppSettings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
        sync_job(self.store, connection, Task(lambda _task: None))  # the first sync
        self.workspace = Workspace(self.store, username, url)
        self.sync = SyncController(self.workspace, connection)
        self.window = MainWindow(self.workspace, self.sync, settings)
        qtbot.addWidget(self.window)
        self.window.show()

    def press(self, key: Qt.Key, modifiers: Qt.KeyboardModifier) -> None:
        """Bring the window to the front and press a shortcut in it."""
        self.window.activateWindow()
        self.qtbot.waitUntil(lambda: QApplication.activeWindow() is self.window)
        self.qtbot.keyClick(self.window, key, modifiers)

    def press_sync(self) -> None:
        """Click 立即同步 and wait for the run to finish."""
        with self.qtbot.waitSignal(self.sync.finished, timeout=60000):
            self.qtbot.mouseClick(self.window.status.sync_button, Qt.MouseButton.LeftButton)

    def open_clue(self, code: str) -> None:
        """Type the code into the search box, click the one row, wait for the detail."""
        window = self.window
        window.navigation.select_queue(Queue.ALL)
        search = window.filter_bar.search
        search.clear()
        self.qtbot.keyClicks(search, code)
        view = window.queue_view
        self.qtbot.waitUntil(lambda: view.row_count() == 1, timeout=5000)
        table = view.table
        rect = table.visualRect(view.model.index(0, 0))
        self.qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        detail = window.detail
        self.qtbot.waitUntil(
            lambda: detail.detail is not None and detail.detail.code == code and not detail.loading
        )

    def status_of(self, code: str) -> Status:
        """The clue's status in this desk's store."""
        with self.store.session() as session:
            return Status(session.scalar(select(Clue.status).where(Clue.code == code)))

    def click_action(self, action: Action) -> Any:
        """Click an action's button in the detail panel; returns the dialog it opened."""
        button = self.window.detail.action_buttons[action]
        shown = [a for a, b in self.window.detail.action_buttons.items() if b and b.isVisible()]
        assert button is not None and button.isVisible(), (action, shown, self.window.isVisible())
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        dialog = self.window.detail.current_dialog
        assert dialog is not None and dialog.isVisible()
        return dialog

    def finish(self, dialog: ActionDialog | ConfirmAction) -> None:
        """Click OK and wait until the detail shows the action taken."""
        detail = self.window.detail
        with self.qtbot.waitSignal(detail.action_taken, timeout=10000) as taken:
            self.qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        code = str(taken.args[0])
        self.qtbot.waitUntil(
            lambda: (
                not detail.loading
                and detail.detail is not None
                and detail.detail.status is self.status_of(code)
            )
        )

    def close(self) -> None:
        self.window.close()
        self.store.close()


@pytest.fixture
def desk(qtbot: QtBot, platform_url: str, tmp_path: Path) -> Iterator[Callable[[str], Desk]]:
    """desk(username): a logged-in window of that demo user, with its own data folder."""
    made: list[Desk] = []

    def make(username: str) -> Desk:
        folder = tmp_path / f"desk-{len(made) + 1}-{username}"
        made.append(Desk(qtbot, platform_url, username, folder))
        return made[-1]

    yield make
    qtbot.waitUntil(lambda: running_tasks() == 0, timeout=30000)
    for item in made:
        item.close()


def registered_clue(county: Desk, description: str, channel: str) -> str:
    """A clue of 海州区 the county's office registers and syncs; its platform code."""
    register(
        county.store,
        "haizhou",
        at=china_now(),
        channel=channel,
        description=description,
        channel_ref="",
    )
    county.press_sync()
    with county.store.session() as session:
        code = session.scalars(select(Clue.code).where(Clue.description == description)).one()
    assert code.startswith("LYG")
    return code


def report_back(desk: Desk, result: str, finding: str, measures: str, files: list[Path]) -> None:
    """Fill in and send the report form: the result, the finding, the measures, evidence."""
    report = desk.click_action(Action.REPORT)
    type_chinese(report.field("result").editor, result)
    choice = report.field("finding").combo
    choice.setCurrentIndex(choice.findData(finding))
    type_chinese(report.field("measures").editor, measures)
    report.field("attachments").add_files(files)
    desk.finish(report)


def photo(path: Path) -> Path:
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("darkgreen"))
    assert image.save(str(path))
    return path


def test_the_closed_loop_clicked_through_by_a_dispatcher_and_a_township(
    desk: Callable[[str], Desk], qtbot: QtBot, tmp_path: Path
) -> None:
    county, township = desk("haizhou"), desk("xinhai")
    code = registered_clue(county, "工地夜间施工噪声扰民", "hotline_12345")  # reporter to call

    # The county dispatcher dispatches the clue to 新海街道 with the calendar's deadline.
    county.open_clue(code)
    dispatch = county.click_action(Action.DISPATCH)
    type_chinese(dispatch.field("lead_unit").combo.lineEdit(), "新海街道")
    assert dispatch.field("lead_unit").value() == TOWNSHIP_UNIT
    county.finish(dispatch)
    assert sync_status(county.store).pending == 1
    assert county.window.status.pending_label.text() == "待上传 1 个操作"
    county.press_sync()
    assert sync_status(county.store).pending == 0

    # The township handler is told of the new task by the sync, signs, and reports back.
    qtbot.waitUntil(lambda: bool(township.window.snapshot))  # what it had before the sync
    township.press_sync()
    qtbot.waitUntil(lambda: bool(township.window.notifier.sent))
    news = township.window.notifier.sent[0]
    assert news.clue_code == code or news.count >= 1
    township.window.navigation.select_queue(Queue.TO_SIGN)
    township.open_clue(code)
    assert township.status_of(code) is Status.DISPATCHED
    township.finish(township.click_action(Action.SIGN))
    report_back(
        township,
        "已责令停止夜间施工，现场复查无噪声",
        "true",
        "责令施工单位调整作业时间",
        [photo(tmp_path / "整改后照片.png")],
    )
    township.press_sync()

    # The dispatcher rejects the report with a reason.
    county.press_sync()
    county.open_clue(code)
    assert county.status_of(code) is Status.REVIEWING
    with county.store.session() as session:
        names = session.scalars(
            select(ClueAttachment.name).join(Clue).where(Clue.code == code)
        ).all()
    assert names == ["整改后照片.png"]  # the photo came up from the township and down again
    reject = county.click_action(Action.REJECT)
    type_chinese(reject.field("reason").editor, "未附噪声监测数据，请补充")
    county.finish(reject)
    county.press_sync()

    # The township reports again; the dispatcher approves.
    township.press_sync()
    township.open_clue(code)
    assert township.status_of(code) is Status.HANDLING
    report_back(
        township,
        "已补充监测报告，夜间噪声达标",
        "true",
        "夜间停止施工，加装隔声屏障",
        [photo(tmp_path / "噪声监测报告.png")],
    )
    township.press_sync()
    county.press_sync()
    county.open_clue(code)
    callback = county.click_action(Action.CALLBACK)  # a 12345 reporter is called back first
    result = callback.field("callback").combo
    result.setCurrentIndex(result.findData("satisfied"))
    county.finish(callback)
    county.finish(county.click_action(Action.APPROVE))
    county.press_sync()
    township.press_sync()

    for person in (county, township):
        assert person.status_of(code) is Status.CLOSED
        person.window.navigation.select_queue(Queue.CLOSED)
        person.open_clue(code)
        assert person.window.detail.detail is not None
        assert person.window.detail.detail.status is Status.CLOSED
        assert sync_status(person.store).pending == 0
    timeline = [e.action for e in county.window.detail.detail.timeline]
    assert timeline[-7:] == [
        "dispatch",
        "sign",
        "report",
        "reject",
        "report",
        "callback",
        "approve",
    ]


def test_a_clue_registered_offline_reaches_the_platform_after_sync(
    desk: Callable[[str], Desk], qtbot: QtBot
) -> None:
    township = desk("xinhai")
    township.press(Qt.Key.Key_N, CTRL_SHIFT)
    dialog = township.window.dialog
    assert isinstance(dialog, RegisterDialog) and dialog.isVisible()
    category = dialog.body.field("category").combo
    category.setCurrentIndex(category.findData("water"))
    type_chinese(dialog.body.field("address").editor, "海州区新海街道幸福路 18 号")
    type_chinese(dialog.body.field("description").editor, "河道旁有暗管夜间排放黑色污水")
    with qtbot.waitSignal(dialog.registered, timeout=10000) as registered:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    provisional = str(registered.args[0])
    assert provisional.startswith("临")
    township.press_sync()
    with township.store.session() as session:
        row = session.scalars(
            select(Clue).where(Clue.description == "河道旁有暗管夜间排放黑色污水")
        ).one()
    assert not row.provisional and row.code.startswith("LYG")
    county = desk("haizhou")  # another office sees it on the platform
    county.open_clue(row.code)
    assert county.window.detail.detail is not None
    assert county.window.detail.detail.description == "河道旁有暗管夜间排放黑色污水"


def test_a_rejected_action_shows_in_sync_problems_and_can_be_discarded(
    desk: Callable[[str], Desk], qtbot: QtBot
) -> None:
    county = desk("haizhou")
    code = registered_clue(county, "河边有人倾倒建筑垃圾", "daily_inspection")
    take_action(
        county.store,
        "haizhou",
        county.workspace.device_id,
        Action.DISPATCH,
        code,
        {"lead_unit": TOWNSHIP_UNIT},
    )
    county.press_sync()
    first, second = desk("xinhai"), desk("xinhai")  # the same person on two laptops
    for laptop in (first, second):  # both sign offline
        laptop.open_clue(code)
        laptop.finish(laptop.click_action(Action.SIGN))
    first.press_sync()
    second.press_sync()
    problems = second.window.problems_view
    assert problems.model.rowCount() == 1
    navigation = second.window.navigation.view.model()
    last = navigation.index(navigation.rowCount() - 1, 0)
    assert last.data(Qt.ItemDataRole.ToolTipRole) == "同步问题：1 条"
    status = second.window.status  # nothing waits, but the bar does not hide the refusal
    assert status.pending_label.text() == "无待上传操作"
    assert (
        status.problems_label.isVisible() and "1 个操作被平台拒绝" in status.problems_label.text()
    )
    status.problems_label.linkActivated.emit("problems")
    assert second.window.centre.currentWidget() is problems
    second.window.navigation.select_queue(Queue.ALL)
    second.press(Qt.Key.Key_P, CTRL_SHIFT)
    assert second.window.centre.currentWidget() is problems
    detail = second.window.detail  # the refused action's clue shows beside the list
    qtbot.waitUntil(lambda: detail.detail is not None and detail.detail.code == code)
    problem = problems.model.problems[0]
    assert problem.clue_code == code and problem.reason
    assert problems.model.index(0, 3).data() == problem.reason
    qtbot.mouseClick(problems.discard_button, Qt.MouseButton.LeftButton)
    box = problems.dialog
    assert box is not None and box.isVisible()
    qtbot.mouseClick(box.button(box.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert problems.model.rowCount() == 1  # cancelled: nothing lost
    qtbot.mouseClick(problems.discard_button, Qt.MouseButton.LeftButton)
    box = problems.dialog
    qtbot.mouseClick(box.button(box.StandardButton.Discard), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: problems.model.rowCount() == 0)
    assert sync_status(second.store).problems == 0
    assert second.status_of(code) is Status.HANDLING  # the platform's sign stands
