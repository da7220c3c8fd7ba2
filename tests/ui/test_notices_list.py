"""The notice list: ids from the store, follow-up state, the rectification countdown and its
warnings shown like the queue's (tint, shape and words), the 文书 view's filters."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from desktop.domain.notices import NoticeAction, NoticeStatus, parse_number
from desktop.ui.notices.notice_list import (
    ClueCodeRole,
    Column,
    NoticeIdRole,
    NoticeListModel,
    WarningLevelRole,
)
from desktop.ui.notices_view import FILTERS, NoticesView
from desktop.ui.queue_model import WARNING_TINTS
from desktop.ui.workspace import Workspace
from tests.ui.conftest import MakeWorkspace
from tests.ui.test_notices_helpers import (
    XINHAI,
    draft,
    handling_clue,
    issued,
    notice_ids,
    served,
    take,
)

pytestmark = pytest.mark.qt_log_ignore("^This plugin does not support")


@pytest.fixture
def xinhai(make_workspace: MakeWorkspace) -> Workspace:
    return make_workspace("xinhai")


def loaded(qtbot: QtBot, model: NoticeListModel) -> NoticeListModel:
    with qtbot.waitSignal(model.loaded, timeout=10000):
        model.refresh()
    return model


def cell(model: NoticeListModel, row: int, column: Column, role: int = 0) -> Any:
    return model.data(model.index(row, int(column)), role)


def test_an_empty_list_passes_the_model_tester(
    qtbot: QtBot, fresh_desk: MakeWorkspace, qtmodeltester: Any
) -> None:
    model = loaded(qtbot, NoticeListModel(fresh_desk("xinhai")))  # a store without notices
    assert model.rowCount() == 0
    qtmodeltester.check(model)


def test_the_demo_list_holds_what_the_store_holds(
    qtbot: QtBot, xinhai: Workspace, qtmodeltester: Any
) -> None:
    model = loaded(qtbot, NoticeListModel(xinhai))
    qtmodeltester.check(model)
    with xinhai.store.engine.connect() as connection:  # 新海街道's, its clues' and assisted ones'
        held = connection.execute(
            text(
                "SELECT notice_id FROM notices JOIN clues ON clues.id = notices.clue_id "
                "WHERE notices.unit_code = :unit OR clues.lead_unit = :unit OR clues.id IN "
                "(SELECT clue_id FROM clue_assisting_units WHERE unit_code = :unit)"
            ),
            {"unit": XINHAI},
        ).scalars()
        expected = set(held)
    assert expected  # the demo city holds notices of 新海街道's clues
    assert set(model.ids()) == expected


def test_rows_are_notices_by_id_with_their_follow_up_state(
    qtbot: QtBot, xinhai: Workspace, qtmodeltester: Any
) -> None:
    held = notice_ids(xinhai)  # the demo store's own notices
    clue = handling_clue(xinhai)
    drafted = draft(xinhai, clue)
    done = served(xinhai, handling_clue(xinhai, credit_code=True))
    model = loaded(qtbot, NoticeListModel(xinhai))
    qtmodeltester.check(model)
    assert set(model.ids()) == held | {drafted.notice_id, done.notice_id}
    row = model.row_of(done.notice_id)
    assert cell(model, row, Column.NUMBER, NoticeIdRole) == done.notice_id
    assert cell(model, row, Column.NUMBER, ClueCodeRole) == done.clue_code
    number = cell(model, row, Column.NUMBER)
    parsed = parse_number(number)
    assert parsed is not None and parsed[1:] == (2026, 15)
    assert number.endswith("〔2026〕15号")
    assert cell(model, row, Column.STATUS) == "已送达（待同步）"
    assert cell(model, row, Column.KIND) == "整改通知书"
    assert cell(model, row, Column.UNIT) == "新海街道"
    assert cell(model, row, Column.COUNTDOWN)  # 10 working days to go
    assert cell(model, row, Column.WARNING) == ""
    assert cell(model, row, Column.WARNING, WarningLevelRole) == 0
    # the rows come soonest deadline first; the draft, without a deadline, among the last
    deadlines = [model.notice_row(r).rectify_deadline for r in range(model.rowCount())]
    dated = [d for d in deadlines if d is not None]
    assert deadlines[: len(dated)] == sorted(dated)
    draft_row = model.row_of(drafted.notice_id)
    assert draft_row >= len(dated)
    assert cell(model, draft_row, Column.NUMBER) == "（草稿，未编号）"
    assert cell(model, draft_row, Column.STATUS) == "草稿（待同步）"
    assert cell(model, draft_row, Column.COUNTDOWN) == ""
    assert "自签发或送达之日起计算" in cell(
        model, draft_row, Column.DEADLINE, Qt.ItemDataRole.ToolTipRole
    )


def test_the_countdown_warns_in_three_levels_as_the_clock_moves(
    qtbot: QtBot, xinhai: Workspace, qtmodeltester: Any
) -> None:
    done = served(xinhai, handling_clue(xinhai), days=2)
    deadline = done.state.rectify_deadline
    assert deadline is not None
    # the clue's notices only: the demo store's own notices count down as the clock moves too
    model = loaded(qtbot, NoticeListModel(xinhai, clue_code=done.clue_code))
    assert model.ids() == [done.notice_id]
    row = model.row_of(done.notice_id)
    assert cell(model, row, Column.WARNING, WarningLevelRole) == 0
    assert cell(model, row, Column.NUMBER, Qt.ItemDataRole.BackgroundRole) is None

    expected = [
        (deadline - timedelta(hours=1), 1, "● 一级预警"),
        (deadline + timedelta(hours=1), 2, "▲ 二级预警"),
        (deadline + timedelta(days=14), 3, "■ 三级预警"),
    ]
    for moment, level, words in expected:
        with qtbot.waitSignal(model.dataChanged):
            assert model.tick(moment) == 1
        assert cell(model, row, Column.WARNING, WarningLevelRole) == level
        assert cell(model, row, Column.WARNING) == words
        tint = cell(model, row, Column.PARTY, Qt.ItemDataRole.BackgroundRole)
        assert isinstance(tint, QColor) and tint == QColor(WARNING_TINTS[level])
        tip = cell(model, row, Column.COUNTDOWN, Qt.ItemDataRole.ToolTipRole)
        assert "整改期限" in tip
    qtmodeltester.check(model)
    assert model.tick(deadline + timedelta(days=14)) == 0  # nothing changed: nothing emitted


def test_a_notice_rectified_no_longer_counts_down(qtbot: QtBot, xinhai: Workspace) -> None:
    done = served(xinhai, handling_clue(xinhai), days=2)
    take(
        xinhai,
        NoticeAction.REINSPECT,
        done.notice_id,
        done.clue_code,
        {"result": "rectified", "note": "已安装污水处理设施"},
    )
    model = loaded(qtbot, NoticeListModel(xinhai))
    model.tick(xinhai.now() + timedelta(days=30))
    row = model.row_of(done.notice_id)
    assert cell(model, row, Column.STATUS) == "已整改（待同步）"
    assert cell(model, row, Column.WARNING, WarningLevelRole) == 0
    assert cell(model, row, Column.COUNTDOWN) == ""


def test_a_clue_scope_and_status_filter_requery(qtbot: QtBot, xinhai: Workspace) -> None:
    first = issued(xinhai, handling_clue(xinhai))
    other_clue = handling_clue(xinhai, credit_code=True)
    assert other_clue != first.clue_code
    drafts = notice_ids(xinhai, {NoticeStatus.DRAFT})  # the demo store's own drafts
    assert first.notice_id not in drafts
    second = draft(xinhai, other_clue)
    model = NoticeListModel(xinhai, clue_code=first.clue_code)
    loaded(qtbot, model)
    assert model.ids() == [first.notice_id]
    with qtbot.waitSignal(model.loaded):
        model.set_scope(None, {NoticeStatus.DRAFT})
    assert set(model.ids()) == drafts | {second.notice_id}
    rows = [model.notice_row(r) for r in range(model.rowCount())]
    assert all(row.status is NoticeStatus.DRAFT for row in rows)
    with qtbot.waitSignal(model.loaded):
        model.set_scope(other_clue, {NoticeStatus.DRAFT})
    assert model.ids() == [second.notice_id]


def test_the_notices_view_filters_by_follow_up_state(qtbot: QtBot, xinhai: Workspace) -> None:
    held = {name: notice_ids(xinhai, statuses) for name, statuses in FILTERS}  # the demo's
    followed = issued(xinhai, handling_clue(xinhai))
    drafted = draft(xinhai, handling_clue(xinhai, credit_code=True))
    view = NoticesView(xinhai)
    qtbot.addWidget(view)
    view.resize(1000, 600)
    view.show()
    qtbot.waitExposed(view)
    model = view.workbench.model
    qtbot.waitUntil(lambda: not model.loading)
    following = held[FILTERS[0][0]] | {followed.notice_id}  # 跟进中 first
    assert set(model.ids()) == following
    assert view.count_label.text() == f"共 {len(following)} 份"
    with qtbot.waitSignal(model.loaded):
        view.filter_combo.setCurrentIndex(1)  # 全部
    assert set(model.ids()) == held["全部"] | {followed.notice_id, drafted.notice_id}
    assert view.count_label.text() == f"共 {model.rowCount()} 份"
    for position, (name, statuses) in enumerate(FILTERS[2:], start=2):
        with qtbot.waitSignal(model.loaded):
            view.filter_combo.setCurrentIndex(position)
        new = {drafted.notice_id} if name == "草稿" else set()
        assert set(model.ids()) == held[name] | new, name
        rows = [model.notice_row(r) for r in range(model.rowCount())]
        assert all(row.status in statuses for row in rows), name
    draft_index = [name for name, _ in FILTERS].index("草稿")
    with qtbot.waitSignal(model.loaded):
        view.filter_combo.setCurrentIndex(draft_index)
    assert set(model.ids()) == held["草稿"] | {drafted.notice_id}
    index = model.index(model.row_of(drafted.notice_id), int(Column.PARTY))
    view.workbench.view.scrollTo(index)
    rect = view.workbench.view.visualRect(index)
    viewport = view.workbench.view.viewport()
    with qtbot.waitSignal(view.clue_requested) as requested:
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    assert requested.args == [drafted.clue_code]


def test_the_list_follows_the_store(qtbot: QtBot, xinhai: Workspace) -> None:
    view = NoticesView(xinhai)
    qtbot.addWidget(view)
    model = view.workbench.model
    qtbot.waitUntil(lambda: not model.loading)
    held = set(model.ids())
    assert held == notice_ids(xinhai, FILTERS[0][1])  # the demo's notices being followed
    done = issued(xinhai, handling_clue(xinhai))
    with qtbot.waitSignal(model.loaded):
        xinhai.events.clues_changed.emit()
    assert set(model.ids()) == held | {done.notice_id}
    assert model.rowCount() == len(held) + 1
