"""The child process of test_screen_fit (no tests here): on the one screen its environment
gives it (size and scale factor), in Chinese and then in English, it opens the main window of a
dispatcher and of a township handler over a seeded store, then every dialog in turn, and
prints JSON findings: windows not on the screen, minimum sizes larger than it, and texts cut.

    QT_QPA_PLATFORM=offscreen:configfile=SCREEN.json QT_SCALE_FACTOR=1.5 \\
        python -m tests.ui.screen_fit_child FOLDER
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QStyle,
    QTabBar,
    QWidget,
)

from desktop.demo.city import load_city  # noqa: E402
from desktop.domain.cases import CaseAction, CaseState  # noqa: E402
from desktop.domain.notices import NoticeAction  # noqa: E402
from desktop.domain.verification import week_key  # noqa: E402
from desktop.store.database import Store, open_store  # noqa: E402
from desktop.store.demo_load import load_units_and_users  # noqa: E402
from desktop.store.notices import draft_content_for_clue, take_notice_action  # noqa: E402
from desktop.ui.app import make_application  # noqa: E402
from desktop.ui.cases.case_form import CaseForm  # noqa: E402
from desktop.ui.i18n import install_translators  # noqa: E402
from desktop.ui.login_dialog import DemoAccountDialog, LoginDialog  # noqa: E402
from desktop.ui.main_window import MainWindow  # noqa: E402
from desktop.ui.notices.clause_picker import ClauseEditDialog  # noqa: E402
from desktop.ui.notices.notice_form import NoticeForm, open_draft  # noqa: E402
from desktop.ui.settings import AppSettings  # noqa: E402
from desktop.ui.sync_controller import SyncController  # noqa: E402
from desktop.ui.tasks import running_tasks  # noqa: E402
from desktop.ui.workspace import Workspace  # noqa: E402
from tests.conftest import NOW  # noqa: E402
from tests.ui.case_kit import bureau_clue, file, give_case_numbers, step  # noqa: E402
from tests.ui.loop_kit import walk  # noqa: E402

ACCOUNTS = ("city", "haizhou", "xinhai", "hzhb")
"""The city's dispatcher (the widest filter bar), a county's (the dispatch form), a township,
the environment bureau (penalty cases)."""
LANGUAGES = ("zh_CN", "en")
LONG = "群众反映该单位夜间偷排废水，气味刺鼻，周边居民无法开窗通风。" * 6
TEXT_WIDGETS = (QLabel, QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox)

Finding = dict[str, Any]


def wait(condition: Callable[[], bool], seconds: float = 60.0) -> None:
    """Process events until `condition()` holds (or give up after `seconds`)."""
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.005)
    settle()


def settle() -> None:
    """Let layouts and posted events run."""
    for _ in range(8):
        QApplication.processEvents()


def seeded_store(folder: Path) -> tuple[Store, dict[str, str]]:
    """The demo city with a clue at each stage a form opens on; the codes by stage."""
    store = open_store(folder)
    with store.engine.begin() as connection:
        load_units_and_users(connection, load_city())
    codes = {
        stage: walk(store, stage, description=LONG, subject_name="连云港某某化工有限公司第二分厂")
        for stage in ("registered", "dispatched", "handling", "reviewing")
    }
    give_case_numbers(store)
    codes["case"] = bureau_clue(store, folder)
    return store, codes


CaseStates = dict[CaseAction, CaseState | None]
"""The case each case form opens on (None: 立案 on the clue)."""


def walked_case(store: Store, code: str) -> CaseStates:
    """A case of the environment bureau walked to 执行, and the state each form opens on."""
    day = NOW.date().isoformat()
    filed = file(store, code).state
    case = filed.case_id
    fine = [{"kind": "fine", "amount_yuan": "60000"}, {"kind": "warning"}]
    notified = step(
        store,
        case,
        CaseAction.NOTIFY,
        notified_on=day,
        document_number="海环罚告〔2026〕1号",
        penalties=fine,
    ).state
    decided = step(
        store,
        case,
        CaseAction.DECIDE,
        decided_on=day,
        penalties=fine,
        facts=LONG,
        violated_clause_ids=["szfz-39"],
        basis_clause_ids=["szfz-83"],
    ).state
    served = step(
        store,
        case,
        CaseAction.SERVE,
        method="direct",
        served_at=NOW.isoformat(),
        place="当事人经营场所",
        recipient="张三",
        relation="负责人",
        servers=["张执法", "李执法"],
    ).state
    before = {
        CaseAction.FILE: None,
        CaseAction.INVESTIGATE: filed,
        CaseAction.NOTIFY: filed,
        CaseAction.EXTEND: filed,
        CaseAction.CLOSE: filed,
        CaseAction.STATEMENT: notified,
        CaseAction.HEARING: notified,
        CaseAction.DECIDE: notified,
        CaseAction.SERVE: decided,
        CaseAction.EXECUTE: served,
    }
    return before


def name_of(widget: QWidget) -> str:
    """A widget named for a reader: its class, object name and text."""
    text = ""
    for getter in ("text", "currentText", "windowTitle"):
        if hasattr(widget, getter):
            text = str(getattr(widget, getter)())
            if text:
                break
    name = widget.objectName()
    parts = [type(widget).__name__, f"#{name}" if name else "", f"'{text[:40]}'" if text else ""]
    return " ".join(p for p in parts if p)


COMPOUND = (QAbstractItemView, QAbstractSpinBox, QComboBox, QLineEdit, QTabBar)
"""Widgets whose inner parts (a spin box's line edit, a tab bar's scroll buttons, a cell
editor) are sized by the widget itself, not by a layout."""


def inner_part(widget: QWidget) -> bool:
    """Whether a widget is an inner part of a compound widget."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, COMPOUND):
            return True
        parent = parent.parentWidget()
    return False


ROUNDING = 1
"""Logical pixels a size may lack at a fractional scale factor (1.5) by rounding alone."""


def visible_children(top: QWidget) -> Iterator[QWidget]:
    """The widgets of a window (or of a part of it) that are shown now."""
    for widget in top.findChildren(QWidget):
        if widget.isVisible() and widget.window() is top.window():
            yield widget


def cut_widgets(top: QWidget) -> list[str]:
    """The widgets of a window (or of a part of it) smaller than their text needs."""
    cut: list[str] = []
    for widget in visible_children(top):
        if not isinstance(widget, TEXT_WIDGETS) or inner_part(widget):
            continue
        if widget.sizePolicy().horizontalPolicy() == QSizePolicy.Policy.Ignored:
            continue
        need = widget.minimumSizeHint()
        size = widget.size()
        if isinstance(widget, QLabel) and widget.wordWrap():
            tall = widget.heightForWidth(size.width())
            if tall > size.height() + ROUNDING:
                cut.append(f"{name_of(widget)}: {size.height()} high, its text needs {tall}")
            continue
        short = need - size
        if need.isValid() and (short.width() > ROUNDING or short.height() > ROUNDING):
            cut.append(
                f"{name_of(widget)}: {size.width()}x{size.height()}, "
                f"needs {need.width()}x{need.height()}"
            )
    for bar in top.findChildren(QTabBar):
        if not bar.isVisible() or bar.window() is not top.window():
            continue
        for index in range(bar.count()):
            width, need = bar.tabRect(index).width(), bar.tabSizeHint(index).width()
            if width < need:
                cut.append(f"tab '{bar.tabText(index)}': {width} wide, needs {need}")
    return cut


def cut_header_sections(header: QHeaderView) -> list[str]:
    """The sections of a table's header narrower than their title."""
    model = header.model()
    metrics = header.fontMetrics()
    margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    cut = []
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        title = str(model.headerData(section, header.orientation()) or "")
        need = max(metrics.horizontalAdvance(line) for line in title.split("\n")) + 2 * margin
        if header.sectionSize(section) < need:
            cut.append(f"column '{title}': {header.sectionSize(section)} wide, needs {need}")
    return cut


def check_window(top: QWidget, what: str, part: QWidget | None = None) -> Finding:
    """What is wrong with a shown top-level window on its screen (texts cut: in `part` of it
    when given)."""
    settle()
    screen = top.screen()
    area = screen.availableGeometry()
    frame = top.frameGeometry()
    minimum = top.minimumSize().expandedTo(top.minimumSizeHint())
    problems: list[str] = []
    if not area.contains(frame):
        problems.append(
            f"{frame.width()}x{frame.height()} at ({frame.x()},{frame.y()}) is not inside the "
            f"screen's free area {area.width()}x{area.height()}"
        )
    if minimum.width() > area.width() or minimum.height() > area.height():
        problems.append(
            f"needs at least {minimum.width()}x{minimum.height()}, more than the screen's "
            f"{area.width()}x{area.height()}"
        )
    problems += cut_widgets(part or top)
    return {
        "window": what,
        "size": [top.width(), top.height()],
        "screen": [area.width(), area.height()],
        "problems": problems,
    }


def open_dialog(findings: list[Finding], dialog: QWidget | None, what: str) -> None:
    """Check a dialog that has been opened, then close it."""
    if dialog is None:
        findings.append({"window": what, "problems": ["did not open"]})
        return
    if not dialog.isVisible():
        dialog.show()
    wait(dialog.isVisible, 10)
    findings.append(check_window(dialog, what))
    dialog.close()
    settle()


def select(window: MainWindow, code: str) -> bool:
    """Show a clue in the window's detail panel (False: the account does not see it)."""
    window.show_clue_code(code)
    detail = window.detail

    def shown() -> bool:
        return detail.detail is not None and detail.detail.code == code and not detail.loading

    def unseen() -> bool:
        return running_tasks() == 0 and window.queue_view.row_count() == 0

    wait(lambda: shown() or unseen())
    return shown()


def check_account(
    store: Store, codes: dict[str, str], username: str, folder: Path
) -> list[Finding]:
    """The main window of an account and every dialog it opens."""
    workspace = Workspace(store, username, clock=lambda: NOW)
    ini = QSettings(str(folder / f"{username}.ini"), QSettings.Format.IniFormat)
    window = MainWindow(workspace, SyncController(workspace, None), AppSettings(ini))
    window.show()
    wait(lambda: running_tasks() == 0 and window.queue_view.row_count() > 0)
    select(window, codes["handling"])
    findings = [check_window(window, "main window")]
    findings[0]["problems"] += cut_header_sections(window.queue_view.table.horizontalHeader())
    for stage, code in codes.items():
        if not select(window, code):
            continue
        for action in window.detail.allowed():
            dialog = window.detail.start_action(action)
            open_dialog(findings, dialog, f"{action.value} form on a {stage} clue")
    if window.register_action.isEnabled():
        open_dialog(findings, window.open_register(), "register dialog")
    open_dialog(findings, window.open_settings(), "settings dialog")
    open_dialog(findings, window.open_help(), "help dialog")
    open_dialog(findings, window.open_about(), "about dialog")
    open_dialog(findings, LoginDialog(window.settings, window), "login dialog")
    open_dialog(findings, DemoAccountDialog(None, window), "demo account dialog")
    if username == "xinhai":
        findings += check_notices(window, workspace, codes["handling"])
    if username == "hzhb":
        findings += check_cases(window, workspace, codes["case"])
    if username == "haizhou":
        findings += check_verification(window, workspace)
        findings += check_dashboard(window)
    window.close()
    settle()
    return findings


def check_notices(window: MainWindow, workspace: Workspace, code: str) -> list[Finding]:
    """The notice form, the clause picker and editor, an action form and the print preview."""
    findings: list[Finding] = []
    select(window, code)
    form = open_draft(workspace, code, window)
    assert isinstance(form, NoticeForm)
    wait(form.isVisible, 10)
    findings.append(check_window(form, "notice form"))
    picker = form.clauses.open_picker()
    open_dialog(findings, picker, "clause picker")
    open_dialog(findings, ClauseEditDialog(workspace.store, None, window), "clause editor")
    form.close()
    content = draft_content_for_clue(workspace.store, code, workspace.username)
    payload = {"kind": "rectification", **content.to_dict(), "facts": LONG, "order": LONG}
    drafted = take_notice_action(
        workspace.store,
        workspace.username,
        workspace.device_id,
        NoticeAction.DRAFT,
        None,
        code,
        payload,
        now=NOW,
    )
    workspace.events.clues_changed.emit()
    window.navigation.select_notices()
    window.notices_view.filter_combo.setCurrentIndex(1)  # 全部: drafts too
    bench = window.notices_view.workbench
    wait(lambda: bench.model.rowCount() > 0 and bench.select(drafted.notice_id))
    for action in bench.allowed():
        open_dialog(findings, bench.start_action(action), f"notice {action.value} form")
    preview = bench.preview_selected()
    if preview is not None:
        wait(lambda: preview.pane.page_count() > 0 or bool(preview.error), 90)
    open_dialog(findings, preview, "print preview")
    findings.append(check_window(window, "main window with the notices", window.notices_view))
    return findings


def check_cases(window: MainWindow, workspace: Workspace, code: str) -> list[Finding]:
    """The case list, a clue's case tab, and the form of every case action."""
    findings: list[Finding] = []
    window.navigation.select_cases()
    view = window.cases_view
    wait(lambda: not view.model.loading and view.model.rowCount() > 0)
    findings.append(check_window(window, "case list", view))
    findings[-1]["problems"] += cut_header_sections(view.view.horizontalHeader())
    if select(window, code):
        window.detail.show_cases_tab()
        cases = window.detail.cases
        wait(lambda: not cases.loading and cases.current() is not None)
        findings.append(check_window(window, "case tab", window.detail))
    states = CASE_STATES.get(id(workspace.store))
    assert states is not None
    for action, state in states.items():
        form = CaseForm(workspace, action, code, state, window)
        form.open()
        open_dialog(findings, form, f"case {action.value} form")
    return findings


def check_verification(window: MainWindow, workspace: Workspace) -> list[Finding]:
    """The 每周核查 view with a drawn batch, its record form and its plan dialog."""
    findings: list[Finding] = []
    view = window.open_verification()
    view.set_week(week_key(NOW.date()))
    if not view.batches:
        for _ in range(3):
            walk(workspace.store, "closed", description=LONG)
        view.draw()
    wait(lambda: view.model.rowCount() > 0, 10)
    findings.append(check_window(window, "verification view", view))
    findings[-1]["problems"] += cut_header_sections(view.table.horizontalHeader())
    view.select(view.rows()[0].clue_code)
    open_dialog(findings, view.open_record_form(), "verification record form")
    open_dialog(findings, view.edit_plan(), "verification plan dialog")
    return findings


def check_dashboard(window: MainWindow) -> list[Finding]:
    """The statistics dashboard (统计看板) in the window, its figures computed and painted."""
    view = window.open_dashboard()
    wait(lambda: view.painted, 120)
    finding = check_window(window, "dashboard", view)
    finding["problems"] += cut_header_sections(view.table.horizontalHeader())
    return [finding]


CASE_STATES: dict[int, CaseStates] = {}
"""The walked case's states by store (made once, before the windows open)."""


def main(argv: list[str]) -> int:
    """Check every window in each language; the findings go to stdout as one JSON line."""
    folder = Path(argv[1])
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder / "cfg"))
    app = make_application(["screen-fit"])
    store, codes = seeded_store(folder / "data")
    CASE_STATES[id(store)] = walked_case(store, codes["case"])
    screen = app.primaryScreen()
    geometry = screen.availableGeometry()
    report: dict[str, Any] = {
        "screen": [geometry.width(), geometry.height()],
        "ratio": screen.devicePixelRatio(),
        "languages": {},
    }
    for language in LANGUAGES:
        install_translators(app, language)
        found: list[Finding] = []
        for username in ACCOUNTS:
            for finding in check_account(store, codes, username, folder):
                finding["account"] = username
                found.append(finding)
        report["languages"][language] = found
    store.close()
    print(json.dumps(report, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
