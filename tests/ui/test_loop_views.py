"""What the window shows of the loop as offices run it: the actions offered to each office and
post, a clue's intake, ownership and findings, its history, new statuses, who may register."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.domain.codes import Post, Status
from desktop.domain.workflow import SYSTEM_ACTIONS, Action, allowed_actions
from desktop.store.clue_detail import TimelineEntry, UnitRef
from desktop.store.models import Clue
from desktop.store.queues import QueueFilter
from desktop.ui.actions import ACTION_SHORTCUTS
from desktop.ui.clue_detail import ClueDetailPanel
from desktop.ui.forms import OptionalDateTimeField, TextField
from desktop.ui.labels import label_of
from desktop.ui.main_window import MainWindow
from desktop.ui.queue_model import Column, QueueModel
from desktop.ui.register_dialog import RegisterDialog, may_register, registrable_counties
from desktop.ui.settings import AppSettings
from desktop.ui.sync_controller import SyncController
from desktop.ui.timeline import TimelineModel, describe_details
from desktop.ui.workspace import Workspace
from tests.ui.conftest import MakeWorkspace, type_chinese
from tests.ui.loop_kit import (
    CITY,
    DONGHAI,
    HAIZHOU,
    XINHAI,
    act,
    clue_id,
    handling,
    register,
    reported,
    set_post,
)

pytestmark = pytest.mark.qt_log_ignore("^This plugin does not support")  # offscreen platform


def open_panel(qtbot: QtBot, workspace: Workspace, code: str) -> ClueDetailPanel:
    panel = ClueDetailPanel(workspace)
    qtbot.addWidget(panel)
    panel.resize(900, 700)
    panel.show()
    clue = clue_id(workspace.store, code)
    panel.show_clue(clue)
    qtbot.waitUntil(
        lambda: panel.detail is not None and panel.detail.id == clue and not panel.loading
    )
    return panel


def shown(panel: ClueDetailPanel) -> set[Action]:
    """The actions whose button is visible (and enabled)."""
    found = set()
    for action, button in panel.action_buttons.items():
        if button.isVisible():
            assert panel.qactions[action].isEnabled()
            found.add(action)
    return found


def offered(qtbot: QtBot, workspace: Workspace, code: str) -> set[Action]:
    """The actions offered on the clue, checked against the rules."""
    panel = open_panel(qtbot, workspace, code)
    assert panel.detail is not None
    ws = workspace
    rules_say = allowed_actions(
        ws.actor, panel.detail.state, ws.now(), ws.calendar, ws.rules, ws.units
    )
    assert shown(panel) == set(rules_say)
    return shown(panel)


# -- menus ------------------------------------------------------------------------------------


def test_a_county_clue_is_routed_by_its_county_and_taken_over_by_the_city(
    qtbot: QtBot, fresh_desk: MakeWorkspace
) -> None:
    county, city = fresh_desk("haizhou"), fresh_desk("city")
    code = register(county.store)
    assert offered(qtbot, county, code) == {
        Action.DISPATCH,
        Action.RETURN_TO_CITY,
        Action.MARK_DUPLICATE,
        Action.REFUSE,
        Action.URGE,
    }
    assert offered(qtbot, city, code) == {Action.TAKE_OVER, Action.URGE}


def test_the_county_cannot_transfer_a_clue_the_city_can(
    qtbot: QtBot, fresh_desk: MakeWorkspace
) -> None:
    county, city = fresh_desk("haizhou"), fresh_desk("city")
    code = register(county.store)
    act(county.store, "haizhou", Action.RETURN_TO_CITY, code, reason="不属本区")
    county_offers = offered(qtbot, county, code)
    assert Action.TRANSFER not in county_offers and Action.DISPATCH not in county_offers
    city_offers = offered(qtbot, city, code)
    assert {Action.TRANSFER, Action.DISPATCH, Action.REFUSE} <= city_offers
    assert Action.RETURN_TO_CITY not in city_offers


def test_the_clerk_waits_and_the_head_signs_off(qtbot: QtBot, fresh_desk: MakeWorkspace) -> None:
    store = fresh_desk("xinhai").store
    code = handling(store)
    set_post(store, "xinhai", Post.CLERK)
    act(store, "xinhai", Action.REPORT, code, result="已核实", finding="untrue", measures="说明")
    clerk = fresh_desk("xinhai")
    assert offered(qtbot, clerk, code) == set()
    set_post(store, "xinhai", Post.HEAD)
    head = fresh_desk("xinhai")
    assert offered(qtbot, head, code) == {Action.SIGNOFF_APPROVE, Action.SIGNOFF_REJECT}
    assert offered(qtbot, fresh_desk("haizhou"), code) == {Action.URGE}


def test_platform_actions_are_never_on_a_clue_s_menu(
    qtbot: QtBot, fresh_desk: MakeWorkspace
) -> None:
    county = fresh_desk("haizhou")
    original = register(county.store)
    code = register(county.store)
    act(county.store, "haizhou", Action.MARK_DUPLICATE, code, original=original)
    panel = open_panel(qtbot, county, code)
    assert not SYSTEM_ACTIONS & set(panel.qactions)
    assert panel.countdown_label.text() == f"重复件，随原件 {original} 办结"
    assert panel.field_text("duplicate_of") == original


def test_every_shortcut_of_the_window_is_its_own(
    qtbot: QtBot, fresh_desk: MakeWorkspace, tmp_path: Path
) -> None:
    assert set(ACTION_SHORTCUTS) == set(Action) - (SYSTEM_ACTIONS - {Action.REGISTER})
    settings = AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    workspace = fresh_desk("haizhou")
    window = MainWindow(workspace, SyncController(workspace, None), settings)
    qtbot.addWidget(window)
    keys = [QKeySequence(k).toString() for _text, k in window.shortcuts()]
    assert len(keys) == len(set(keys)), keys
    assert window.register_action.isEnabled()
    window.close()


# -- the detail -------------------------------------------------------------------------------


def test_the_detail_shows_intake_ownership_finding_and_callback(
    qtbot: QtBot, fresh_desk: MakeWorkspace, tmp_path: Path
) -> None:
    county, city = fresh_desk("haizhou"), fresh_desk("city")
    code = reported(county.store, tmp_path, due_by="2026-12-04T17:00:00+08:00", channel_ref="GD-77")
    act(county.store, "haizhou", Action.CALLBACK, code, callback="basically")
    act(city.store, "city", Action.TAKE_OVER, code, reason="市级督办")
    panel = open_panel(qtbot, county, code)
    assert panel.field_text("owner") == "连云港市污染防治攻坚办"
    assert panel.field_text("due_by") == "2026-12-04 17:00"
    assert panel.field_text("finding") == "属实"
    assert panel.field_text("measures") == "封堵排污口"
    assert panel.field_text("callback") == "基本满意"
    assert panel.field_text("duplicate_of") == "—"
    registered = panel.timeline.timeline.index(0, TimelineModel.NOTE).data()
    assert registered == "渠道编号：GD-77；交办期限：2026-12-04 17:00"
    assert panel.field_text("channel_ref") == "GD-77"


def test_a_refused_clue_is_done_and_named_so(qtbot: QtBot, fresh_desk: MakeWorkspace) -> None:
    county = fresh_desk("haizhou")
    code = register(county.store)
    act(county.store, "haizhou", Action.REFUSE, code, ground="no_facts", reason="无具体对象")
    panel = open_panel(qtbot, county, code)
    assert panel.status_label.text() == "不予受理"
    assert panel.countdown_label.text() == ""  # no time limit runs; the status says it all
    assert offered(qtbot, county, code) == set()


def test_new_statuses_show_with_their_labels_in_the_queue(fresh_desk: MakeWorkspace) -> None:
    county = fresh_desk("haizhou")
    code = register(county.store, channel_ref="GD20261127099")
    act(county.store, "haizhou", Action.REFUSE, code, ground="no_facts", reason="无具体对象")
    model = QueueModel(county)
    model.set_filter(QueueFilter())
    assert model.rowCount() == 1
    assert model.index(0, Column.STATUS).data() == "不予受理"
    tip = model.index(0, Column.CODE).data(Qt.ItemDataRole.ToolTipRole)
    assert "渠道编号：GD20261127099" in tip
    for status, text in (
        (Status.SIGNOFF, "待审签"),
        (Status.DUPLICATE, "重复件"),
        (Status.REFUSED, "不予受理"),
    ):
        assert label_of(Status, status.value) == text


# -- the history ------------------------------------------------------------------------------


def entry(action: Action, details: dict[str, Any], unit: str = CITY) -> TimelineEntry:
    return TimelineEntry(
        action_id="a",
        action=action.value,
        at=datetime.fromisoformat("2026-11-27T10:00:00+08:00"),
        username="city",
        user_name="",
        unit=UnitRef(unit, "连云港市污染防治攻坚办" if unit == CITY else ""),
        from_status=None,
        to_status="registered",
        note="",
        details=details,
        device_id="",
        pending=False,
    )


@pytest.mark.parametrize(
    ("action", "details", "expected"),
    [
        (
            Action.TRANSFER,
            {"from_county": HAIZHOU, "county_code": DONGHAI},
            "从「海州区」转至「东海县」",
        ),
        (
            Action.RETURN_TO_CITY,
            {"returned_by": HAIZHOU, "owner_unit": CITY},
            "由「海州区污染防治攻坚办」退回「连云港市污染防治攻坚办」重新分办",
        ),
        (
            Action.TAKE_OVER,
            {"from_owner": HAIZHOU},
            "由「海州区污染防治攻坚办」提级至「连云港市污染防治攻坚办」承办",
        ),
        (
            Action.REPORT,
            {"finding": "partly_true", "measures": "限期整改"},
            "核查结论：部分属实；整改措施：限期整改",
        ),
        (Action.CALLBACK, {"callback": "unreached"}, "回访结果：未能联系上举报人"),
        (
            Action.REFUSE,
            {"ground": "no_facts", "ground_text": "无具体被反映对象或违法事实"},
            "不予受理依据：无具体被反映对象或违法事实",
        ),
        (Action.MARK_DUPLICATE, {"original": "LYG-1"}, "重复件，原件：LYG-1"),
        (Action.CLOSE_WITH_ORIGINAL, {"original": "LYG-1"}, "随原件 LYG-1 办结"),
        (
            Action.APPROVE,
            {"override_reason": "已停业", "open_notices": ["连环整改〔2026〕15号未送达"]},
            "未闭环办结理由：已停业（未闭环文书：连环整改〔2026〕15号未送达）",
        ),
        (
            Action.REGISTER,
            {"channel_ref": "GD-1", "due_by": "2026-12-04T17:00:00+08:00"},
            "渠道编号：GD-1；交办期限：2026-12-04 17:00",
        ),
    ],
)
def test_the_history_tells_what_each_new_action_did(
    make_units: Workspace, action: Action, details: dict[str, Any], expected: str
) -> None:
    assert describe_details(entry(action, details), make_units.unit_name) == expected


@pytest.fixture
def make_units(fresh_desk: MakeWorkspace) -> Workspace:
    return fresh_desk("city")


# -- registering ------------------------------------------------------------------------------


def test_the_city_office_registers_a_work_order_with_its_number_and_deadline(
    qtbot: QtBot, fresh_desk: MakeWorkspace, now: datetime
) -> None:
    city = fresh_desk("city")
    assert may_register(city)
    assert len(registrable_counties(city)) > 5
    dialog = RegisterDialog(city)
    qtbot.addWidget(dialog)
    dialog.open()
    body = dialog.body
    county = body.field("county_code")
    assert county.value() == ""
    county.combo.setCurrentIndex(county.combo.findData(DONGHAI))  # type: ignore[attr-defined]
    channel = body.field("channel")
    channel.combo.setCurrentIndex(channel.combo.findData("hotline_12345"))  # type: ignore[attr-defined]
    category = body.field("category")
    category.combo.setCurrentIndex(category.combo.findData("air"))  # type: ignore[attr-defined]
    ref = body.field("channel_ref")
    assert isinstance(ref, TextField)
    qtbot.keyClicks(ref.editor, "GD20261127123")
    due = body.field("due_by")
    assert isinstance(due, OptionalDateTimeField) and due.value() == ""
    type_chinese(body.field("address").editor, "东海县牛山街道和平路1号")
    type_chinese(body.field("description").editor, "夜间焚烧垃圾")
    due.set_moment(datetime.fromisoformat("2026-11-26T12:00:00+08:00"))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy)
    assert due.error_text() == "必须晚于受理时间"
    assert "交办期限" in body.banner_text()
    due.set_moment(datetime.fromisoformat("2026-12-04T17:00:00+08:00"))
    with qtbot.waitSignal(dialog.registered) as registered:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    with city.store.session() as session:
        row = session.scalars(select(Clue).where(Clue.code == registered.args[0])).one()
    assert (row.county_code, row.channel_ref, row.owner_unit) == (DONGHAI, "GD20261127123", CITY)
    assert row.due_by == datetime.fromisoformat("2026-12-04T17:00:00+08:00")
    assert dialog.confirmation is not None
    dialog.confirmation.close()


def test_neither_the_commission_nor_the_admin_may_register(
    qtbot: QtBot, fresh_desk: MakeWorkspace, tmp_path: Path
) -> None:
    settings = AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    for username in ("hzjw", "admin"):  # the commission supervises through its own records
        workspace = fresh_desk(username)
        assert not may_register(workspace)
        window = MainWindow(workspace, SyncController(workspace, None), settings)
        qtbot.addWidget(window)
        assert not window.register_action.isEnabled()
        assert window.open_register() is None
        window.close()
    township = fresh_desk("xinhai")
    assert may_register(township)
    dialog = RegisterDialog(township)
    qtbot.addWidget(dialog)
    assert dialog.body.field("township_code").value() == XINHAI
