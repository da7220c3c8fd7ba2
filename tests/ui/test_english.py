"""English mode: no Chinese left in the main window and the messages, except data."""

from __future__ import annotations

import importlib.util
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QAbstractItemModel, QLocale, QModelIndex, QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from cityplatform.launcher import start_platform, stop_platform
from cityplatform.security import FAST_HASHER
from cityplatform.seed import seed_demo
from desktop.demo.city import DEMO_PASSWORD
from desktop.domain.codes import Role, Status
from desktop.domain.messages import Label, Message, labels
from desktop.domain.timeutil import china_now
from desktop.domain.validators import ValidationError, parse_date, require_text, validate_phone
from desktop.domain.workflow import Action, refusal
from desktop.store.clue_rows import clue_state
from desktop.store.database import Store, open_store
from desktop.store.local_actions import take_action
from desktop.store.models import Clue
from desktop.store.sync_apply import sync_problems
from desktop.sync.errors import LoginFailed, RequestRejected
from desktop.sync.http import API, PlatformHttp
from desktop.ui.clue_detail import ClueDetailPanel
from desktop.ui.i18n import install_translators, remove_translators
from desktop.ui.main_window import MainWindow
from desktop.ui.queue_model import Column
from desktop.ui.settings import AppSettings
from desktop.ui.sync_controller import Connection, SyncController, login_job, sync_job
from desktop.ui.tasks import Task
from desktop.ui.workspace import Workspace
from desktop.wire.base import MessageTemplate, localized, parse_wire
from tests.ui.conftest import MakeWorkspace
from tests.ui.loop_kit import XINHAI, register

pytestmark = pytest.mark.qt_log_ignore("^This plugin does not support")

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
"""Chinese characters and full-width punctuation."""

DATA_COLUMNS = frozenset({"COUNTY", "LEAD_UNIT", "SUBJECT", "ADDRESS", "SUMMARY"})
"""Queue columns whose cells are data (names, addresses, the clue's words), shown as they are."""

DATA_FIELDS = frozenset(
    {
        "code",  # a provisional code is 临…
        "channel_ref",
        "county",
        "township",
        "address",
        "subject_name",
        "subject_credit_code",
        "reporter_name",
        "reporter_phone",
        "description",
        "lead_unit",
        "assisting_units",
        "owner",
        "registered_by",
        "result",
        "measures",
        "duplicate_of",
    }
)
"""The clue panel's values that are data."""


@pytest.fixture
def english(qapp: QApplication) -> Iterator[QApplication]:
    """Our English catalogue installed (the domain's messages too); Chinese again after."""
    locale = QLocale()
    install_translators(qapp, "en")
    yield qapp
    remove_translators(qapp)
    QLocale.setDefault(locale)


def data_words(workspace: Workspace) -> list[str]:
    """Texts that are data wherever they appear: unit names, the user's name."""
    words = {unit.name for unit in workspace.units.values()}
    words.add(workspace.actor.display_name)
    return sorted((w for w in words if w), key=len, reverse=True)


def leftover(text: str, data: Iterable[str]) -> str:
    """The Chinese left in `text` once the data in it is taken out ('' when none)."""
    for word in data:
        text = text.replace(word, "")
    return "".join(CJK.findall(text))


def _columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    try:
        return model.columnCount(parent)
    except TypeError:  # a list model keeps columnCount private: one column
        return 1


def _model_texts(model: QAbstractItemModel, skip_columns: set[int]) -> Iterator[str]:
    for column in range(_columns(model, QModelIndex())):
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            yield str(model.headerData(column, Qt.Orientation.Horizontal, role) or "")

    def walk(parent: QModelIndex) -> Iterator[str]:
        for row in range(min(model.rowCount(parent), 60)):
            for column in range(_columns(model, parent)):
                if column in skip_columns:
                    continue
                index = model.index(row, column, parent)
                yield str(model.data(index, Qt.ItemDataRole.DisplayRole) or "")
                if column == 0:
                    yield from walk(index)

    yield from walk(QModelIndex())


def _menu_texts(menu: QMenu) -> Iterator[str]:
    yield menu.title()
    for action in menu.actions():
        yield action.text()
        yield action.toolTip()
        yield action.statusTip()
        if action.menu() is not None:
            yield from _menu_texts(action.menu())


def shown_texts(window: MainWindow) -> Iterator[tuple[str, str]]:
    """(where, text) of every text the window shows that is not data."""
    yield "title", window.windowTitle()
    for action in window.menuBar().actions():
        if action.menu() is not None:
            for text in _menu_texts(action.menu()):
                yield "menu", text
        yield "menu", action.text()
    for action in window.findChildren(type(window.sync_action)):
        yield "action", action.text()
        yield "action tooltip", action.toolTip()
    panel = window.findChild(ClueDetailPanel)
    data_labels = set()
    if panel is not None:
        data_labels = {id(panel.fields[key]) for key in DATA_FIELDS if key in panel.fields}
        data_labels.add(id(panel.code_label))
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        if widget.toolTip() and id(widget) not in data_labels:
            yield f"tooltip of {type(widget).__name__}", widget.toolTip()
        if isinstance(widget, QLabel) and id(widget) not in data_labels:
            yield "label", widget.text()
        elif isinstance(widget, QAbstractButton):
            yield "button", widget.text()
        elif isinstance(widget, QGroupBox):
            yield "group", widget.title()
        elif isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                yield "tab", widget.tabText(i)
        elif isinstance(widget, QLineEdit):
            yield "placeholder", widget.placeholderText()
        elif isinstance(widget, QComboBox):
            for i in range(widget.count()):
                yield "combo", widget.itemText(i)
        elif (
            isinstance(widget, QAbstractItemView)
            and not isinstance(widget, QHeaderView)  # its titles are its table's model's
            and widget.model() is not None
        ):
            skip: set[int] = set()
            table = window.queue_view.table
            if widget is table or widget is table.frozen:  # the frozen code column's view
                skip = {c.value for c in Column if c.name in DATA_COLUMNS}
            for text in _model_texts(widget.model(), skip):
                yield f"view {type(widget).__name__}", text
    yield "status bar", window.statusBar().currentMessage()


def open_window(qtbot: QtBot, workspace: Workspace, settings_file: Path) -> MainWindow:
    settings = AppSettings(QSettings(str(settings_file), QSettings.Format.IniFormat))
    window = MainWindow(workspace, SyncController(workspace, None), settings)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window


@pytest.mark.parametrize("username", ["haizhou", "xinhai"])
def test_the_main_window_in_english_shows_no_chinese_but_data(
    english: QApplication,
    qtbot: QtBot,
    make_workspace: MakeWorkspace,
    tmp_path: Path,
    username: str,
) -> None:
    workspace = make_workspace(username)
    window = open_window(qtbot, workspace, tmp_path / "settings.ini")
    view = window.queue_view
    qtbot.waitUntil(lambda: view.row_count() > 0, timeout=20_000)
    first = view.model.clue_row(0)
    assert first is not None and view.select_clue(first.id)
    panel = window.findChild(ClueDetailPanel)
    assert panel is not None
    qtbot.waitUntil(lambda: panel.detail is not None, timeout=20_000)
    data = data_words(workspace)
    found = [(where, text) for where, text in shown_texts(window) if text and leftover(text, data)]
    assert found == [], "\n".join(f"{where}: {text!r}" for where, text in found)
    # the countdown is there, and in English
    countdowns = [view.model.data(view.model.index(row, Column.COUNTDOWN)) for row in range(5)]
    assert any(re.search(r"working days? |hours? |left|overdue|Due", c or "") for c in countdowns)


def test_countdowns_and_refusals_come_out_in_english_with_plurals(english: QApplication) -> None:
    from desktop.domain.deadlines import Countdown

    day = 8 * 3600
    assert Countdown(day, day, False).text() == "1 working day left"
    assert Countdown(2 * day + 3 * 3600, day, False).text() == "2 working days 3 hours left"
    assert Countdown(3600, day, True).short_text() == "1 hour overdue"
    assert Countdown(-day * 4, day, True).text() == "Overdue by 4 working days"
    assert Countdown(1500, day, False, False).text() == "25 minutes left (calendar unconfirmed)"
    assert Countdown(60, day, False).text() == "1 minute left"
    message = Message("本阶段已申请延期 %n 次，达到上限，不能再申请", n=1)
    assert message.startswith("An extension has been requested 1 time")
    assert Message("本阶段已申请延期 %n 次，达到上限，不能再申请", n=2).startswith(
        "Extensions have been requested 2 times"
    )
    assert message.chinese() == "本阶段已申请延期 1 次，达到上限，不能再申请"


def test_validation_messages_come_out_in_english_with_plurals(english: QApplication) -> None:
    with pytest.raises(ValidationError) as long_text:
        require_text("x" * 12, "description", 10)
    assert str(long_text.value) == "Clue content: at most 10 characters, now 12 characters"
    with pytest.raises(ValidationError) as one_char:
        require_text("xy", "description", 1)
    assert str(one_char.value) == "Clue content: at most 1 character, now 2 characters"
    with pytest.raises(ValidationError) as phone:
        validate_phone("12")
    assert str(phone.value).startswith('Contact phone: "12" is not an accepted short number')
    assert "110, 119, 120" in str(phone.value)
    with pytest.raises(ValidationError) as day:
        parse_date("2026-02-30", "received_at")
    assert str(day.value) == "Received: 2026-2 has no day 30 (the month has 28 days)"
    for error in (long_text.value, one_char.value, phone.value, day.value):
        assert not CJK.search(str(error))


def test_a_domain_refusal_comes_out_in_english(
    english: QApplication, make_workspace: MakeWorkspace
) -> None:
    workspace = make_workspace("xinhai")
    with workspace.store.session() as session:
        handling = session.scalars(
            select(Clue).where(Clue.status == Status.HANDLING.value, Clue.lead_unit == XINHAI)
        ).first()
        assert handling is not None
        state = clue_state(session, handling)
    reason = refusal(
        Action.SIGN, workspace.actor, state, workspace.now(), workspace.calendar, workspace.rules
    )
    assert reason == 'The clue is "Handling": cannot Sign'
    assert isinstance(reason, Message) and reason.chinese() == "线索当前为「办理中」，不能签收"
    requests = workspace.rules.limits.max_extensions
    capped = replace(state, extension_count=requests)
    reason = refusal(
        Action.REQUEST_EXTENSION,
        workspace.actor,
        capped,
        workspace.now(),
        workspace.calendar,
        workspace.rules,
    )
    if state.handle_deadline is not None and state.handle_deadline > workspace.now():
        times = "time" if requests == 1 else "times"
        assert reason is not None and f"{requests} {times} in this stage" in reason


ROOT = Path(__file__).resolve().parents[2]
TOOL = ROOT / "tools" / "update_translations.py"


@pytest.fixture
def this_platform(tmp_path: Path) -> Iterator[str]:
    """A real platform of this checkout's code (PYTHONPATH first, whatever is installed),
    holding the demo city and a few clues."""
    folder = tmp_path / "platform"
    db_url = f"sqlite:///{folder / 'platform.sqlite3'}"
    folder.mkdir()
    seed_demo(db_url, 10, seed=7, now=china_now(), hasher=FAST_HASHER, data_dir=folder / "files")
    url, process = start_platform(
        db_url, folder / "files", env={"PYTHONPATH": str(ROOT)}, timeout=60
    )
    try:
        yield url
    finally:
        stop_platform(process)


def test_a_platform_refusal_comes_out_in_english(
    english: QApplication, this_platform: str, tmp_path: Path
) -> None:
    """The same person signs one clue offline on two laptops: the platform refuses the second
    sign, and the laptop shows why in its own language (the platform sends the template)."""

    def desk(name: str, username: str) -> tuple[Store, Connection]:
        store = open_store(tmp_path / name)
        connection = Connection(this_platform, username)
        login_job(store, connection, DEMO_PASSWORD)
        sync_job(store, connection, Task(lambda _task: None))
        return store, connection

    county, county_connection = desk("county", "haizhou")
    words = "英文模式测试：河道旁暗管排污"
    register(county, "haizhou", at=china_now(), channel="daily_inspection", description=words)
    sync_job(county, county_connection, Task(lambda _task: None))
    with county.session() as session:
        code = session.scalars(select(Clue.code).where(Clue.description == words)).one()
    take_action(county, "haizhou", "county", Action.DISPATCH, code, {"lead_unit": XINHAI})
    sync_job(county, county_connection, Task(lambda _task: None))
    county.close()
    laptops = [desk("first", "xinhai"), desk("second", "xinhai")]
    first_store = laptops[0][0]
    for store, connection in laptops:
        take_action(store, "xinhai", "laptop", Action.SIGN, code, {})
        sync_job(store, connection, Task(lambda _task: None))
    problems = sync_problems(laptops[1][0])
    assert [p.clue_code for p in problems] == [code]
    assert problems[0].reason == 'The clue is "Handling": cannot Sign'
    assert sync_problems(first_store) == []
    for store, _ in laptops:
        store.close()


def test_a_message_crosses_the_wire_as_its_template(english: QApplication) -> None:
    made = Message(
        "{action}需要{roles}角色，您是{role}",
        action=Label(Action.SIGN.label),
        roles=labels([Role.HANDLER, Role.DISPATCHER]),
        role=Label(Role.SUPERVISOR.label),
    )
    template = MessageTemplate.of(made)
    assert template is not None
    answer = parse_wire(MessageTemplate, template.model_dump_json())
    again = localized("（中文）", answer)
    assert again == made and not CJK.search(again)
    assert again.chinese() == made.chinese()
    assert made.chinese().startswith("签收需要")
    assert localized("平台的中文", None) == "平台的中文"


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("update_translations_tool", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_tool_extracts_the_messages_of_domain_store_sync_and_platform() -> None:
    tool = _tool()
    templates = tool.message_templates()
    for source in (
        "%n 个工作日",  # desktop/domain/deadlines.py
        "线索当前为「{status}」，不能{action}",  # desktop/domain/workflow.py
        "只有主办单位可以签收",  # an N_ entry of the transition table
        "磁盘空间不足：写入 {path} 时磁盘已满。这次的操作没有保存，"
        "已有的线索和待同步的操作都没有丢失。请清理磁盘空间后重试。",  # desktop/store/health.py
        "无法连接到服务器 {server}，请检查网络",  # desktop/sync/http.py
        "线索 {code} 不在您的办理范围内",  # cityplatform/push_apply.py
        "、",  # the list separator
    ):
        assert source in templates
    root = ET.Element("TS")
    tool.add_messages(root, ["剩余 {time}", "%n 小时"])
    plain, plural = root.iter("message")
    assert plain.get("numerus") is None and plural.get("numerus") == "yes"
    assert len(plural.findall("translation/numerusform")) == 2
    catalogue = ET.parse(ROOT / "resources" / "translations" / "cluedesk_en.ts").getroot()
    forms = [
        [form.text for form in message.findall("translation/numerusform")]
        for context in catalogue.iter("context")
        if context.findtext("name") == "messages"
        for message in context.findall("message")
        if message.findtext("source") == "%n 个工作日"
    ]
    assert forms == [["%n working day", "%n working days"]]


def test_an_error_answer_of_the_platform_comes_out_in_english(
    english: QApplication, this_platform: str
) -> None:
    http = PlatformHttp(this_platform, "english-device")
    with pytest.raises(RequestRejected) as missing:
        http.call("GET", API + "/no-such-thing", authenticated=False)
    assert str(missing.value) == (
        f"The requested address does not exist (GET {API}/no-such-thing, HTTP 404)"
    )
    with pytest.raises(LoginFailed) as refused:
        http.login("xinhai", "not the password", "english laptop")
    assert str(refused.value) == "Wrong user name or password"
