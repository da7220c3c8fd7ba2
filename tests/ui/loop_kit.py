"""Helpers shared by the window tests (no tests here): clues made for a test and walked through
the loop by the real store, as the window would, so no test depends on the demo's contents."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot
from sqlalchemy import select, update

from desktop.domain.codes import Post
from desktop.domain.rules import Rules
from desktop.domain.validators import credit_code_check_char
from desktop.domain.workflow import Action
from desktop.store.attachments import store_file
from desktop.store.clue_detail import clue_id_by_code, load_clue_detail
from desktop.store.clue_rows import load_rules
from desktop.store.database import Store
from desktop.store.local_actions import take_action
from desktop.store.models import User
from desktop.ui.action_forms import ActionDialog, open_action
from desktop.ui.workspace import Workspace
from tests.conftest import NOW

HAIZHOU = "320706"
"""海州区: its tackling office is the demo dispatcher `haizhou`."""
DONGHAI = "320722"
"""东海县: another county (its dispatcher is `u320722d`)."""
CITY = "320700"
"""连云港市污染防治攻坚办: the demo dispatcher `city`."""
XINHAI = "320706001"
"""新海街道 of 海州区: the demo handler `xinhai`."""
CITY_BUREAU = "320700901"
"""连云港市生态环境局, a city department."""

BASE = "91320706MA1W2X3Y4"
CREDIT = BASE + credit_code_check_char(BASE)


def set_post(store: Store, username: str, post: Post) -> None:
    """Make an account its unit's clerk or head."""
    with store.session() as session, session.begin():
        session.execute(update(User).where(User.username == username).values(post=post.value))


def act(
    store: Store, username: str, action: Action, code: str, *, at: datetime = NOW, **payload: Any
) -> str:
    """Take an action in the store as `username` (at the tests' now); the clue's code."""
    return take_action(store, username, "test", action, code, payload, now=at).clue_code


def register(
    store: Store,
    username: str = "haizhou",
    county: str = HAIZHOU,
    *,
    at: datetime = NOW,
    **changes: Any,
) -> str:
    """Register a clue (a 12345 work order by default) as `username`; its provisional code."""
    payload: dict[str, Any] = {
        "channel": "hotline_12345",
        "channel_ref": "GD20261127001",
        "received_at": (at - timedelta(hours=1)).isoformat(),
        "category": "water",
        "priority": "normal",
        "county_code": county,
        "township_code": None,
        "subject_name": "华福洗车行",
        "subject_credit_code": CREDIT,
        "address": "海州区新海街道建设东路139号",
        "description": "洗车污水直排雨水管网",
        "reporter_name": "张三",
        "reporter_phone": "13812345678",
    }
    payload.update(changes)
    done = take_action(store, username, "test", Action.REGISTER, None, payload, now=at)
    return done.clue_code


STAGES = ("registered", "dispatched", "handling", "extension", "reviewing", "closed")
"""How far `walk` takes a clue: its status (extension: handling, an extension requested)."""


def handler_of(store: Store, unit: str) -> str:
    """The username of a handler of `unit`."""
    with store.session() as session:
        name = session.scalar(
            select(User.username).where(User.unit_code == unit, User.role == "handler")
        )
    assert name is not None, unit
    return str(name)


def walk(
    store: Store,
    stage: str,
    *,
    at: datetime = NOW,
    lead: str = XINHAI,
    channel: str = "daily_inspection",
    **changes: Any,
) -> str:
    """A new clue of 海州区 taken by its office and `lead` through the loop up to `stage`
    (one of STAGES), every step at `at`; its code. Inspections have no reporter to call back."""
    assert stage in STAGES, stage
    steps = STAGES[: STAGES.index(stage) + 1]
    deadline = changes.pop("handle_deadline", None)
    code = register(store, at=at, channel=channel, **changes)
    handler = handler_of(store, lead)
    if "dispatched" in steps:
        dispatch: dict[str, Any] = {"lead_unit": lead}
        if deadline is not None:
            dispatch["handle_deadline"] = deadline
        act(store, "haizhou", Action.DISPATCH, code, at=at, **dispatch)
    if "handling" in steps:
        act(store, handler, Action.SIGN, code, at=at)
    if "extension" in steps:
        act(store, handler, Action.REQUEST_EXTENSION, code, at=at, days=3, reason="需检测")
    if "reviewing" in steps:
        report = {"result": "已核实", "finding": "untrue", "measures": "已向举报人说明"}
        act(store, handler, Action.REPORT, code, at=at, **report)
    if "closed" in steps:
        state = load_clue_detail(store, clue_id(store, code))
        assert state is not None
        if state.state.channel is not None and load_rules_of(store).needs_callback(
            state.state.channel
        ):
            act(store, "haizhou", Action.CALLBACK, code, at=at, callback="satisfied")
        act(store, "haizhou", Action.APPROVE, code, at=at)
    return code


WARNED = {1: ("2026-11-27",) * 3, 2: ("2026-11-26",), 3: ("2026-11-19",)}
"""Handling deadlines seen from the tests' now (Friday 27 November 2026, 10:00) by warning
level: due today (level 1), overdue since yesterday (2), overdue for six working days (3)."""


def warned_clues(store: Store) -> dict[int, list[str]]:
    """Clues of 海州区 being handled at each warning level (a 12345 work order among the red
    ones), dispatched weeks ago with those deadlines: most demo clues are closed, as the
    source platform's are, so a test that needs warnings makes its own."""
    made: dict[int, list[str]] = {}
    for level, days in WARNED.items():
        for index, day in enumerate(days):
            channel = "hotline_12345" if level == 3 else ("daily_inspection", "petition")[index % 2]
            made.setdefault(level, []).append(
                walk(store, "handling", at=LONG_AGO, channel=channel, handle_deadline=day)
            )
    return made


LONG_AGO = datetime(2026, 11, 2, 9, 0, tzinfo=NOW.tzinfo)
"""A Monday some weeks before the tests' now."""


def load_rules_of(store: Store) -> Rules:
    with store.session() as session:
        return load_rules(session)


def handling(store: Store, **changes: Any) -> str:
    """A clue of 海州区 dispatched to 新海街道 and signed there."""
    code = register(store, **changes)
    act(store, "haizhou", Action.DISPATCH, code, lead_unit=XINHAI)
    act(store, "xinhai", Action.SIGN, code)
    return code


def photo(folder: Path, name: str = "现场.png") -> Path:
    """A small picture file."""
    path = folder / name
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(QColor("#3a7"))
    assert image.save(str(path))
    return path


def reported(store: Store, folder: Path, **changes: Any) -> str:
    """A clue reported back as true by 新海街道's head, with a photo (status reviewing)."""
    code = handling(store, **changes)
    stored = store_file(store, photo(folder))
    cited = [{"sha256": stored.sha256, "name": "现场.png"}]
    act(
        store,
        "xinhai",
        Action.REPORT,
        code,
        result="已责令停止排放",
        finding="true",
        measures="封堵排污口",
        attachments=cited,
    )
    return code


def clue_id(store: Store, code: str) -> int:
    found = clue_id_by_code(store, code)
    assert found is not None
    return found


def form(qtbot: QtBot, workspace: Workspace, action: Action, code: str) -> ActionDialog:
    """The form of `action` on the clue, opened."""
    detail = load_clue_detail(workspace.store, clue_id(workspace.store, code))
    assert detail is not None
    dialog = open_action(workspace, action, detail.state)
    assert isinstance(dialog, ActionDialog)
    qtbot.addWidget(dialog)
    assert dialog.isVisible()
    return dialog


def click_ok(qtbot: QtBot, dialog: ActionDialog) -> None:
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy)


def status_of(store: Store, code: str) -> str:
    detail = load_clue_detail(store, clue_id(store, code))
    assert detail is not None
    return detail.status.value
