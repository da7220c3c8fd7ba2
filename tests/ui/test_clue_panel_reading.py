"""The clue panel reads whole: long contents and results are shown in full, and a clue sent
back (驳回, 退回) says who sent it, when and why until the unit acts on it again."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtWidgets import QLabel, QScrollArea
from pytestqt.qtbot import QtBot

from desktop.domain.codes import Post, Status
from desktop.domain.workflow import Action
from desktop.store.clue_detail import load_clue_detail, sent_back_entry
from desktop.ui.clue_detail import ClueDetailPanel
from desktop.ui.workspace import Workspace
from tests.conftest import NOW
from tests.ui.conftest import MakeWorkspace
from tests.ui.loop_kit import XINHAI, act, clue_id, handler_of, set_post, walk

pytestmark = pytest.mark.qt_log_ignore("^This plugin does not support")

HAIZHOU_OFFICE = "haizhou"
OTHER_TOWNSHIP = "320706002"
"""Another township of 海州区 (a clue returned by 新海街道 may be dispatched there)."""

CONTENT = ("群众反映：某洗车行夜间将洗车污水经暗管排入雨水管网，下游河道发黑发臭。" * 60)[:2000]
RESULT = "经现场核查，" + "该洗车行确有污水直排行为，已责令立即停止排放并封堵暗管，" * 12 + "完毕。"


def panel_for(qtbot: QtBot, workspace: Workspace, code: str, width: int = 420) -> ClueDetailPanel:
    """The panel showing the clue, at a narrow width (a 1024-pixel screen's share)."""
    panel = ClueDetailPanel(workspace)
    qtbot.addWidget(panel)
    panel.resize(width, 600)
    panel.show()
    wanted = clue_id(workspace.store, code)
    panel.show_clue(wanted)
    qtbot.waitUntil(
        lambda: panel.detail is not None and panel.detail.id == wanted and not panel.loading,
        timeout=20000,
    )
    return panel


def assert_whole(panel: ClueDetailPanel, key: str, text: str) -> None:
    """The field shows every character, is as tall as its wrapped text, lies inside the
    scrolled page (nothing cut off), and takes the page's width, not a narrow column."""
    value: QLabel = panel.fields[key]
    assert value.text() == text
    assert value.wordWrap()
    assert value.height() >= value.heightForWidth(value.width())
    page = value.parentWidget()
    assert page is not None
    assert value.geometry().bottom() <= page.height()
    assert value.width() >= page.width() * 0.8
    scroll = page.parentWidget().parentWidget()
    assert isinstance(scroll, QScrollArea)
    scroll.ensureWidgetVisible(value)  # the reader can reach it


def test_a_long_content_and_result_are_shown_whole(qtbot: QtBot, fresh_desk: MakeWorkspace) -> None:
    office = fresh_desk(HAIZHOU_OFFICE)
    code = walk(office.store, "handling", description=CONTENT)
    handler = handler_of(office.store, XINHAI)
    report = {"result": RESULT, "finding": "untrue", "measures": "已向举报人说明核查情况"}
    act(office.store, handler, Action.REPORT, code, **report)
    for width in (420, 900):
        panel = panel_for(qtbot, office, code, width)
        value = panel.fields["result"]
        qtbot.waitUntil(lambda v=value: v.height() >= v.heightForWidth(v.width()) > 40)
        assert len(CONTENT) == 2000
        assert_whole(panel, "description", CONTENT)
        assert_whole(panel, "result", RESULT)
        assert panel.fields["description"].hasSelectedText() is False  # selectable, read-only
        title = panel.findChild(QLabel, "title_description")
        assert title is not None and title.buddy() is panel.fields["description"]


def test_a_rejected_report_shows_who_when_and_why_until_reported_again(
    qtbot: QtBot, fresh_desk: MakeWorkspace
) -> None:
    office = fresh_desk(HAIZHOU_OFFICE)
    store = office.store
    code = walk(store, "reviewing")
    reason = "整改照片不清晰，请补充排污口封堵前后对比照片及第三方检测报告，" * 4
    later = NOW + timedelta(hours=4)
    act(store, HAIZHOU_OFFICE, Action.REJECT, code, at=later, reason=reason)
    township = fresh_desk("xinhai")
    panel = panel_for(qtbot, township, code)
    banner = panel.banner
    assert banner.isVisible()
    shown = banner.text_label.text()
    assert shown.startswith("海州区污染防治攻坚办")
    assert "11-27 14:00 驳回：" in shown
    assert shown.endswith(reason)  # the reason in full, not cut off
    assert banner.text_label.wordWrap()
    # The office that rejected it is not told of its own rejection.
    own = panel_for(qtbot, office, code)
    assert not own.banner.isVisible()
    # An urge leaves it standing; the township reporting again ends it.
    act(store, HAIZHOU_OFFICE, Action.URGE, code, at=later, note="请尽快办理")
    panel.reload()
    qtbot.waitUntil(lambda: not panel.loading)
    assert panel.banner.isVisible()
    report = {"result": "已补充照片", "finding": "untrue", "measures": "补充材料"}
    act(store, "xinhai", Action.REPORT, code, at=later, **report)
    panel.reload()
    qtbot.waitUntil(lambda: not panel.loading and not panel.banner.isVisible())


def test_a_returned_clue_tells_the_office_and_the_next_township_why(
    qtbot: QtBot, fresh_desk: MakeWorkspace
) -> None:
    office = fresh_desk(HAIZHOU_OFFICE)
    store = office.store
    code = walk(store, "dispatched")
    act(store, "xinhai", Action.RETURN, code, reason="该地址属于浦西街道辖区，非本街道管辖")
    panel = panel_for(qtbot, office, code)
    assert panel.banner.isVisible()
    assert "退回：该地址属于浦西街道辖区，非本街道管辖" in panel.banner.text_label.text()
    assert panel.banner.text_label.text().startswith("新海街道")
    act(store, HAIZHOU_OFFICE, Action.DISPATCH, code, lead_unit=OTHER_TOWNSHIP)
    panel.reload()
    qtbot.waitUntil(lambda: not panel.loading and not panel.banner.isVisible())
    other = fresh_desk(handler_of(store, OTHER_TOWNSHIP))
    next_panel = panel_for(qtbot, other, code)
    assert next_panel.banner.isVisible()  # 待签收 with the reason it came back for
    act(store, handler_of(store, OTHER_TOWNSHIP), Action.SIGN, code)
    next_panel.reload()
    qtbot.waitUntil(lambda: not next_panel.loading and not next_panel.banner.isVisible())


def test_a_heads_sign_off_refusal_reaches_the_clerks_of_the_unit(
    fresh_desk: MakeWorkspace,
) -> None:
    store = fresh_desk(HAIZHOU_OFFICE).store
    code = walk(store, "handling")
    set_post(store, "xinhai", Post.CLERK)
    report = {"result": "已核实", "finding": "untrue", "measures": "说明"}
    act(store, "xinhai", Action.REPORT, code, **report)
    detail = load_clue_detail(store, clue_id(store, code))
    assert detail is not None and detail.status is Status.SIGNOFF
    assert sent_back_entry(detail.timeline, XINHAI) is None  # nothing came back yet
    set_post(store, "xinhai", Post.HEAD)
    act(store, "xinhai", Action.SIGNOFF_REJECT, code, reason="核查结论依据不足")
    detail = load_clue_detail(store, clue_id(store, code))
    assert detail is not None
    entry = sent_back_entry(detail.timeline, XINHAI)
    assert entry is not None and entry.note == "核查结论依据不足"
