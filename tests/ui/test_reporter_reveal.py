"""Reporter privacy at the desk, against the real platform: a commission client stores the
reporter masked, reveals it only by a reason (online, shown in the dialog only), and the
dispatching office reads the reveal in the clue's history."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.demo.city import DEMO_PASSWORD
from desktop.domain.reporter_privacy import REPORTER_REVEALED
from desktop.domain.validators import mask_name, mask_phone
from desktop.domain.workflow import Action
from desktop.store.clue_detail import load_clue_detail
from desktop.store.database import Store, open_store
from desktop.store.models import Clue
from desktop.ui.clue_detail import ClueDetailPanel
from desktop.ui.reporter_reveal import RevealDialog
from desktop.ui.sync_controller import Connection, login_job, sync_job
from desktop.ui.tasks import Task
from desktop.ui.timeline import TimelineModel
from desktop.ui.workspace import Workspace
from tests.ui.conftest import RunningPlatform, type_chinese
from tests.ui.loop_kit import XINHAI, act, register

NAME, PHONE = "欧阳保密", "13912348765"
"""A reporter no seeded clue has."""
REASON = "核查该线索办理中是否存在敷衍应付问题，需向举报人了解情况"


@dataclass
class Client:
    """One user's data folder, store and connection to the test platform."""

    folder: Path
    store: Store
    connection: Connection

    def sync(self) -> None:
        """One sync run, as the window's worker does it."""
        sync_job(self.store, self.connection, Task(lambda _task: None))

    def clue_id(self, code: str) -> int:
        with self.store.session() as session:
            found = session.scalar(select(Clue.id).where(Clue.code == code))
        assert found is not None, code
        return int(found)

    def files_bytes(self) -> bytes:
        """Every file of the data folder (database, its journal, tokens, logs), concatenated."""
        return b"".join(p.read_bytes() for p in sorted(self.folder.rglob("*")) if p.is_file())


@pytest.fixture
def client(platform_url: str, tmp_path: Path) -> Iterator[Callable[[str], Client]]:
    """client(username): a logged-in store of that demo user, synced once."""
    made: list[Client] = []

    def make(username: str) -> Client:
        folder = tmp_path / f"client-{username}"
        store = open_store(folder)
        connection = Connection(platform_url, username)
        login_job(store, connection, DEMO_PASSWORD)
        made.append(Client(folder, store, connection))
        made[-1].sync()
        return made[-1]

    yield make
    for item in made:
        item.store.close()


@pytest.fixture
def clue_code(client: Callable[[str], Client]) -> str:
    """A clue with a known reporter, registered and dispatched to 新海街道 by 海州区's office."""
    county = client("haizhou")
    provisional = register(county.store, reporter_name=NAME, reporter_phone=PHONE)
    act(county.store, "haizhou", Action.DISPATCH, provisional, lead_unit=XINHAI)
    county.sync()
    with county.store.session() as session:
        code = session.scalar(select(Clue.code).where(Clue.reporter_phone == PHONE))
    assert code is not None and not code.startswith("临")
    return str(code)


def test_a_commission_client_stores_only_the_masked_reporter(
    client: Callable[[str], Client], clue_code: str
) -> None:
    commission, township = client("hzjw"), client("xinhai")
    with commission.store.session() as session:
        row = session.scalar(select(Clue).where(Clue.code == clue_code))
        assert row is not None
        assert (row.reporter_name, row.reporter_phone) == (mask_name(NAME), mask_phone(PHONE))
    held = commission.files_bytes()  # the database with its journal, and every other file
    assert NAME.encode() not in held and PHONE.encode() not in held
    assert mask_phone(PHONE).encode() in held
    # the lead unit, who calls the reporter back, holds the reporter as registered
    with township.store.session() as session:
        row = session.scalar(select(Clue).where(Clue.code == clue_code))
        assert row is not None and (row.reporter_name, row.reporter_phone) == (NAME, PHONE)
    assert PHONE.encode() in township.files_bytes()


def open_panel(qtbot: QtBot, made: Client, code: str) -> ClueDetailPanel:
    workspace = Workspace(made.store, made.connection.username, made.connection.server_url)
    panel = ClueDetailPanel(workspace)
    panel.connection_of = lambda: made.connection
    qtbot.addWidget(panel)
    panel.resize(900, 700)
    panel.show()
    clue = made.clue_id(code)
    panel.show_clue(clue)
    qtbot.waitUntil(
        lambda: panel.detail is not None and panel.detail.id == clue and not panel.loading,
        timeout=10000,
    )
    return panel


def test_the_commission_reveals_with_a_reason_and_the_office_reads_it(
    qtbot: QtBot,
    client: Callable[[str], Client],
    clue_code: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    commission = client("hzjw")
    panel = open_panel(qtbot, commission, clue_code)
    assert panel.field_text("reporter_phone") == mask_phone(PHONE)
    assert panel.reveal_button.isVisible()
    qtbot.mouseClick(panel.reveal_button, Qt.MouseButton.LeftButton)
    dialog = panel.reveal_dialog
    assert isinstance(dialog, RevealDialog) and dialog.isVisible()
    assert not dialog.ok_button.isEnabled()
    assert NAME not in dialog.name_label.text() and PHONE not in dialog.phone_label.text()
    type_chinese(dialog.reason, "看看")
    assert not dialog.ok_button.isEnabled()  # too short
    assert "至少 5 个字" in dialog.hint.text()
    dialog.reason.clear()
    type_chinese(dialog.reason, REASON)
    assert dialog.ok_button.isEnabled()
    with caplog.at_level(logging.DEBUG):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.shown or dialog.error_label.isVisible(), timeout=30000)
    assert dialog.error_label.isHidden(), dialog.error_label.text()
    assert (dialog.name_label.text(), dialog.phone_label.text()) == (NAME, PHONE)
    assert not dialog.ok_button.isEnabled()  # one reveal per reason
    logged = caplog.text + "".join(r.getMessage() for r in caplog.records)
    assert NAME not in logged and PHONE not in logged
    # nothing of the answer is kept: not in the panel, not in the store's files
    assert panel.field_text("reporter_phone") == mask_phone(PHONE)
    held = commission.files_bytes()
    assert NAME.encode() not in held and PHONE.encode() not in held
    dialog.close()
    # the office that dispatches the clue reads the reveal, with its reason, after a sync
    county = client("haizhou")
    detail = load_clue_detail(county.store, county.clue_id(clue_code))
    assert detail is not None
    (entry,) = [e for e in detail.timeline if e.action == REPORTER_REVEALED]
    assert (entry.username, entry.note) == ("hzjw", REASON)
    model = TimelineModel()
    model.set_entries([entry])
    assert model.data(model.index(0, TimelineModel.ACTION)) == "查看举报人"
    assert REASON in model.data(model.index(0, TimelineModel.NOTE))
    # the lead unit does not learn who looked
    township = client("xinhai")
    shown = load_clue_detail(township.store, township.clue_id(clue_code))
    assert shown is not None and all(e.action != REPORTER_REVEALED for e in shown.timeline)


def test_the_reveal_needs_the_platform(
    qtbot: QtBot, client: Callable[[str], Client], clue_code: str, platform: RunningPlatform
) -> None:
    commission = client("hzjw")
    panel = open_panel(qtbot, commission, clue_code)
    panel.connection_of = lambda: None  # a desk used offline, never connected
    dialog = panel.open_reveal()
    assert dialog is not None
    type_chinese(dialog.reason, REASON)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "须联网" in dialog.error_label.text() and not dialog.shown
    dialog.close()
    panel.connection_of = lambda: commission.connection
    platform.stop()
    try:
        dialog = panel.open_reveal()
        assert dialog is not None
        type_chinese(dialog.reason, REASON)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.error_label.isVisible(), timeout=60000)
        assert "无法连接市平台，查看举报人须联网" in dialog.error_label.text()
        assert not dialog.shown and dialog.ok_button.isEnabled()  # the user may try again
        dialog.close()
    finally:
        platform.start_again()
