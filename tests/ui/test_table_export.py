"""导出Excel… and 打印列表… of the window's lists: the queue's rows from the store as filtered
and sorted (not the page loaded), hidden columns left out, typed cells, the printed list read
back, each list with the two actions, and the errors that name the file."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QTableView, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.domain.timeutil import to_china
from desktop.store.models import Clue
from desktop.store.queues import Queue, QueueFilter, SortKey, query_ids
from desktop.store.warnings import WarningFilter, list_warnings
from desktop.ui import table_export
from desktop.ui.assessment.suggestion_list import SuggestionListDialog
from desktop.ui.assessment.view import AssessmentView
from desktop.ui.cases.case_list import CasesView
from desktop.ui.dashboard.view import DashboardView
from desktop.ui.notices.preview import NoticePreview
from desktop.ui.notices.workbench import NoticeWorkbench
from desktop.ui.notices_view import NoticesView
from desktop.ui.queue_export import PAGE_ROWS, queue_rows
from desktop.ui.queue_model import Column, QueueModel
from desktop.ui.queue_view import QueueView
from desktop.ui.supervision.accountability_view import AccountabilityView
from desktop.ui.supervision.suggestions_view import SuggestionsView
from desktop.ui.sync_problems import SyncProblemsView
from desktop.ui.table_export import ExportResult, TableExporter, exporter_for
from desktop.ui.tasks import Task
from desktop.ui.verification.view import VerificationView
from desktop.ui.warning_record import ClueWarningsPanel
from desktop.ui.warnings_view import WarningsView
from desktop.ui.workspace import Workspace
from tests.ui.conftest import MakeWorkspace
from tests.ui.test_notices_print import Recording, chooser

pytestmark = pytest.mark.qt_log_ignore("^This plugin does not support")

WAIT_MS = 120_000


@pytest.fixture
def county(make_workspace: MakeWorkspace) -> Workspace:
    """The county dispatcher (海州区): every clue of the area in its 全部 queue."""
    return make_workspace("haizhou")


@pytest.fixture
def host(qtbot: QtBot) -> QWidget:
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(1200, 700)
    return window


def show_in(host: QWidget, qtbot: QtBot, widget: QWidget) -> None:
    widget.setParent(host)
    widget.setGeometry(0, 0, host.width(), host.height())
    host.show()
    widget.show()
    host.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is host)


def export(qtbot: QtBot, exporter: TableExporter, path: Path) -> ExportResult:
    with qtbot.waitSignal(exporter.finished, timeout=WAIT_MS) as blocker:
        assert exporter.export_to(path) is not None
    result = blocker.args[0]
    assert isinstance(result, ExportResult)
    return result


def sheet_of(path: Path) -> Worksheet:
    sheet = load_workbook(path).active
    assert isinstance(sheet, Worksheet)
    return sheet


def header_row(sheet: Worksheet) -> list[str]:
    return [str(c.value) for c in sheet[2] if c.value is not None]


def data_rows(sheet: Worksheet, count: int) -> list[list[Any]]:
    rows = sheet.iter_rows(min_row=3, max_row=2 + count, values_only=True)
    return [list(row) for row in rows]


def store_codes(
    workspace: Workspace, flt: QueueFilter, sort: SortKey, descending: bool
) -> list[str]:
    """The codes of a queue in order, by the store: the independent answer."""
    with workspace.store.session() as session:
        ids = query_ids(
            session, workspace.viewer, flt, workspace.bounds(), sort=sort, descending=descending
        )
        codes = dict(session.execute(select(Clue.id, Clue.code).where(Clue.id.in_(ids))).all())
    return [codes[i] for i in ids]


# -- the queue ------------------------------------------------------------------------------


@pytest.fixture
def queue(county: Workspace, host: QWidget, qtbot: QtBot) -> QueueView:
    """The queue with a small cache: it never holds all its rows."""
    view = QueueView(county, model=QueueModel(county, block_size=40, cache_limit=80))
    show_in(host, qtbot, view)
    view.set_filter(QueueFilter())  # the filter bar's first query
    return view


def test_the_queue_exports_every_row_of_its_filter_in_its_sort_not_the_page_loaded(
    qtbot: QtBot, make_workspace: MakeWorkspace, host: QWidget, tmp_path: Path
) -> None:
    county = make_workspace("city")  # every clue of the demo city: more than a read's 2,000
    queue = QueueView(county, model=QueueModel(county, block_size=40, cache_limit=80))
    show_in(host, qtbot, queue)
    queue.set_filter(QueueFilter())
    header = queue.table.horizontalHeader()
    header.hideSection(Column.SUMMARY)
    header.moveSection(header.visualIndex(Column.RECEIVED), 1)
    header.setSortIndicator(Column.RECEIVED, Qt.SortOrder.DescendingOrder)  # a click
    expected = store_codes(county, QueueFilter(), SortKey.RECEIVED, descending=True)
    assert len(expected) > PAGE_ROWS and queue.model.cached_rows() < len(expected)

    result = export(qtbot, queue.exporter, tmp_path / "全部")
    assert result.error == "" and result.rows == len(expected)
    assert result.path == tmp_path / "全部.xlsx"
    sheet = sheet_of(result.path)
    assert sheet["A1"].value == "线索清单"
    titles = header_row(sheet)
    assert titles[:3] == ["编号", "受理时间", "状态"]
    assert "内容摘要" not in titles and len(titles) == len(Column) - 1
    rows = data_rows(sheet, len(expected))
    assert [r[0] for r in rows] == expected
    with county.store.session() as session:
        received = dict(session.execute(select(Clue.code, Clue.received_at)).all())
    deadline_at = titles.index("办理期限")
    for row in rows[:50]:
        assert isinstance(row[1], datetime)  # a time, not a text
        assert row[1] == to_china(received[row[0]]).replace(tzinfo=None)
        assert row[deadline_at] is None or isinstance(row[deadline_at], datetime)
    after = len(expected) + 3  # the caption, the header, the rows: then the notes
    notes = [sheet.cell(row=r, column=1).value for r in range(after, after + 3)]
    assert str(notes[0]).startswith("制表单位：连云港市")
    assert f"共 {len(expected):,} 条" in notes


def test_a_filtered_queue_is_titled_by_its_filter_and_keeps_reporters_out(
    qtbot: QtBot, queue: QueueView, county: Workspace, tmp_path: Path
) -> None:
    flt = QueueFilter(queue=Queue.HANDLING, warning_levels=frozenset({2, 3}))
    queue.set_filter(flt)
    expected = store_codes(county, flt, SortKey.DEADLINE, descending=False)
    assert expected
    assert queue.exporter.default_file_name("xlsx") == "办理中_2026-11-27.xlsx"
    result = export(qtbot, queue.exporter, tmp_path / "overdue.xlsx")
    sheet = sheet_of(result.path)
    assert sheet["A1"].value == "办理中线索清单（二级预警、三级预警）"
    cells = [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
    assert [r[0] for r in data_rows(sheet, len(expected))] == expected
    assert any("预警" in c for c in cells[len(header_row(sheet)) :])
    with county.store.session() as session:
        reporters = session.execute(
            select(Clue.reporter_name, Clue.reporter_phone).where(Clue.code.in_(expected))
        ).all()
    phones = {p for _n, p in reporters if p}
    names = {n for n, _p in reporters if n}
    assert phones and names
    assert not any(phone in cell for cell in cells for phone in phones)
    assert not names & set(cells)


def test_the_printed_queue_has_every_row_and_the_header_on_every_page(
    qtbot: QtBot, queue: QueueView, county: Workspace
) -> None:
    flt = QueueFilter(queue=Queue.HANDLING)
    queue.set_filter(flt)
    expected = store_codes(county, flt, SortKey.DEADLINE, descending=False)
    assert len(expected) > queue.model.block_size
    recording = Recording()
    queue.exporter.printer_chooser = chooser(QPrinter())
    queue.exporter.target_factory = lambda _printer: recording
    preview = queue.exporter.print_list()
    assert isinstance(preview, NoticePreview)
    qtbot.waitUntil(lambda: preview.pdf is not None or bool(preview.error), timeout=WAIT_MS)
    assert preview.pdf is not None, preview.error
    done = subprocess.run(
        ["pdftotext", "-layout", str(preview.pdf), "-"], capture_output=True, text=True, check=True
    )
    pages = done.stdout.split("\f")[:-1]
    assert len(pages) > 1
    for number, page in enumerate(pages, start=1):
        assert re.search(r"编号\s+状态\s+预警\s+剩余时限", page), number
        assert f"第 {number} 页 共 {len(pages)} 页" in page
    assert re.findall(r"LYG\d{10}|临\d{8}-[0-9A-F]{8}", done.stdout) == expected
    assert "办理中线索清单" in pages[0] and "制表单位：海州区污染防治攻坚办" in pages[0]
    with qtbot.waitSignal(preview.printed, timeout=WAIT_MS):
        preview.print_button.click()
    assert [title for title, _pdf in recording.received] == ["办理中线索清单"]
    assert recording.received[0][1].startswith(b"%PDF")
    preview.close()


def test_a_cancelled_read_of_the_queue_stops(queue: QueueView) -> None:
    task: Task[None] = Task(lambda _t: None)
    task.cancel()
    assert queue_rows(queue.model)([Column.CODE], task) == ([], [])
    everything = queue_rows(queue.model)([Column.CODE, Column.DEADLINE], None)
    assert len(everything[0]) == queue.model.rowCount()


def test_the_row_menu_offers_the_export(
    qtbot: QtBot, make_workspace: MakeWorkspace, tmp_path: Path
) -> None:
    from desktop.ui.row_menu import ClueRowMenu

    workspace = make_workspace("haizhou")
    from tests.ui.test_main_window import open_window

    window = open_window(qtbot, workspace, tmp_path / "settings.ini")
    menu = ClueRowMenu(window.queue_view, window.detail).build()
    names = [a.objectName() for a in menu.actions() if not a.isSeparator()]
    assert names[-3:] == ["exportExcel", "printList", "copyCode"]


# -- every list -----------------------------------------------------------------------------


def _notices(ws: Workspace) -> tuple[QWidget, QTableView]:
    view = NoticesView(ws)
    return view, view.workbench.view


def _clue_notices(ws: Workspace) -> tuple[QWidget, QTableView]:
    view = NoticeWorkbench(ws, clue_code="LYG2026000001")
    return view, view.view


def _cases(ws: Workspace) -> tuple[QWidget, QTableView]:
    view = CasesView(ws)
    return view, view.view


def _warnings(ws: Workspace) -> tuple[QWidget, QTableView]:
    view = WarningsView(ws)
    return view, view.view


def _clue_warnings(ws: Workspace) -> tuple[QWidget, QTableView]:
    view = ClueWarningsPanel(ws)
    assert view.show_clue(list_warnings(ws.store, WarningFilter())[0].code)
    return view, view.view


def _suggestions(ws: Workspace) -> tuple[QWidget, QTableView]:
    view = SuggestionsView(ws)
    return view, view.view


def _accountability(ws: Workspace) -> tuple[QWidget, QTableView]:
    view = AccountabilityView(ws)
    return view, view.view


def _assessment(ws: Workspace) -> tuple[QWidget, QTableView]:
    view = AssessmentView(ws)
    return view, view.table


def _problems(ws: Workspace) -> tuple[QWidget, QTableView]:
    view = SyncProblemsView(ws)
    view.table.setVisible(True)
    return view, view.table


def _dashboard(ws: Workspace) -> tuple[QWidget, QTableView]:
    view = DashboardView(ws)
    return view, view.table


def _verification(ws: Workspace) -> tuple[QWidget, QTableView]:
    view = VerificationView(ws)
    return view, view.table


def _suggestion_list(ws: Workspace) -> tuple[QWidget, QTableView]:
    view = SuggestionListDialog(ws, (), "考核：收到建议 0 件")
    return view, view.table


def _queue(ws: Workspace) -> tuple[QWidget, QTableView]:
    view = QueueView(ws)
    return view, view.table


VIEWS: dict[str, tuple[Callable[[Workspace], tuple[QWidget, QTableView]], str, str]] = {
    "queue": (_queue, "haizhou", "线索_"),
    "notices": (_notices, "xinhai", "文书_"),
    "clue_notices": (_clue_notices, "xinhai", "文书_"),
    "cases": (_cases, "haizhou", "处罚案件_"),
    "warnings": (_warnings, "haizhou", "预警台账_"),
    "clue_warnings": (_clue_warnings, "haizhou", "预警记录_LYG2026"),
    "suggestions": (_suggestions, "hzjw", "建议与督办_"),
    "accountability": (_accountability, "hzjw", "问责记录_"),
    "assessment": (_assessment, "haizhou", "单位考核_"),
    "sync_problems": (_problems, "haizhou", "同步问题_"),
    "suggestion_list": (_suggestion_list, "hzjw", "建议_"),
    "dashboard": (_dashboard, "haizhou", "线索办理统计_"),
    "verification": (_verification, "haizhou", "每周核查_"),
}


@pytest.mark.parametrize("name", sorted(VIEWS))
def test_every_list_has_export_and_print_on_its_keys_and_menu(
    name: str, qtbot: QtBot, make_workspace: MakeWorkspace, host: QWidget
) -> None:
    make, user, stem = VIEWS[name]
    widget, table = make(make_workspace(user))
    show_in(host, qtbot, widget)
    exporter = exporter_for(table)
    assert isinstance(exporter, TableExporter) and exporter.view is table
    keys = {a.objectName(): a.shortcut().toString() for a in exporter.actions()}
    assert keys == {"exportExcel": "Ctrl+Alt+E", "printList": "Ctrl+Alt+P"}
    assert all(action in table.actions() for action in exporter.actions())
    if name != "queue":  # the queue's row menu holds them (test_the_row_menu_offers_…)
        actions_menu = table.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
        assert actions_menu or table.receivers("2customContextMenuRequested(QPoint)") > 0
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(
        table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    )
    dialog = exporter.dialog
    assert isinstance(dialog, QFileDialog) and dialog.isVisible()
    chosen = Path(dialog.selectedFiles()[0]).name
    assert chosen.startswith(stem) and chosen.endswith(".xlsx"), chosen
    dialog.reject()


def test_a_list_exports_in_the_views_sort_with_typed_numbers(
    qtbot: QtBot, county: Workspace, host: QWidget, tmp_path: Path
) -> None:
    view = AssessmentView(county)
    show_in(host, qtbot, view)
    qtbot.waitUntil(lambda: view.seen is not None, timeout=WAIT_MS)
    received = view.model.heading("received")
    view.table.sortByColumn(_columns().index("received"), Qt.SortOrder.DescendingOrder)
    view.table.horizontalHeader().hideSection(_columns().index("score"))
    shown = [view.proxy.index(r, 0).data() for r in range(view.proxy.rowCount())]
    result = export(qtbot, view.exporter, tmp_path / "assessment.xlsx")
    sheet = sheet_of(result.path)
    assert str(sheet["A1"].value).startswith("单位考核表（考核期间 ")
    titles = header_row(sheet)
    assert "综合得分" not in titles and titles[0] == "单位"
    rows = data_rows(sheet, len(shown))
    assert [r[0] for r in rows] == shown
    counts = [r[titles.index(received)] for r in rows]
    assert all(isinstance(c, int) for c in counts)
    assert counts == sorted(counts, reverse=True)


def test_the_dashboard_exports_its_units_with_rates_as_percentages(
    qtbot: QtBot, county: Workspace, host: QWidget, tmp_path: Path
) -> None:
    view = DashboardView(county)
    show_in(host, qtbot, view)
    qtbot.waitUntil(lambda: view.seen is not None and view.model.rowCount() > 0, timeout=WAIT_MS)
    stats = view.seen
    assert stats is not None
    result = export(qtbot, view.exporter, tmp_path / "dashboard.xlsx")
    sheet = sheet_of(result.path)
    assert str(sheet["A1"].value).startswith("各单位线索办理统计（")
    titles = header_row(sheet)
    rows = data_rows(sheet, view.proxy.rowCount())
    by_label = {g.label: g.figures for g in stats.groups}
    closed, rate = titles.index("办结"), titles.index("办结率")
    for row in rows:
        figures = by_label[row[0]]
        assert row[closed] == figures.value("closed")
        share = figures.value("closure_rate")
        assert row[rate] == ("—" if share is None else share)  # nothing to close: shown as —
    shares = [sheet.cell(row=3 + n, column=rate + 1) for n in range(len(rows))]
    assert any(isinstance(c.value, float) for c in shares)
    assert all(c.number_format == "0.00%" for c in shares if isinstance(c.value, float))


def _columns() -> tuple[str, ...]:
    from desktop.ui.assessment.model import COLUMNS

    return COLUMNS


def test_the_warning_record_exports_its_times_as_times(
    qtbot: QtBot, county: Workspace, host: QWidget, tmp_path: Path
) -> None:
    view = WarningsView(county)
    show_in(host, qtbot, view)
    view.level_combo.setCurrentIndex(view.level_combo.findData(3))
    rows = view.model.rows
    assert rows
    result = export(qtbot, view.exporter, tmp_path / "record.xlsx")
    sheet = sheet_of(result.path)
    assert sheet["A1"].value == "预警台账（■ 三级（红））"
    got = data_rows(sheet, len(rows))
    assert [r[0] for r in got] == [row.code for row in rows]
    reached = header_row(sheet).index("达到时间")
    assert [r[reached] for r in got] == [
        to_china(row.episode.reached_at).replace(tzinfo=None) for row in rows
    ]


# -- after the export -----------------------------------------------------------------------


def test_the_file_or_its_folder_opens_on_request(
    qtbot: QtBot, county: Workspace, host: QWidget, tmp_path: Path
) -> None:
    view = WarningsView(county)
    show_in(host, qtbot, view)
    opened: list[Path] = []
    view.exporter.opener = opened.append
    result = export(qtbot, view.exporter, tmp_path / "record.xlsx")
    box = view.exporter.message
    assert isinstance(box, QMessageBox)
    assert "“record.xlsx”" in box.text()
    folder_button = next(b for b in box.buttons() if b.text() == "打开所在文件夹")
    folder_button.click()
    assert opened == [tmp_path]
    assert result.path.exists()


def test_a_file_held_open_by_excel_is_named_and_left_as_it_was(
    qtbot: QtBot,
    county: Workspace,
    host: QWidget,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    view = WarningsView(county)
    show_in(host, qtbot, view)
    out = tmp_path / "out"
    out.mkdir()
    target = out / "预警台账.xlsx"
    target.write_bytes(b"opened in Excel")

    def locked(_source: object, destination: object) -> None:
        # what Windows says when Excel holds the file open
        raise PermissionError(13, "The process cannot access the file", str(destination))

    monkeypatch.setattr(table_export, "replace_file", locked)
    result = export(qtbot, view.exporter, target)
    assert result.rows is None
    assert "预警台账.xlsx" in result.error and "被占用" in result.error
    assert target.read_bytes() == b"opened in Excel"
    assert [p.name for p in out.iterdir()] == ["预警台账.xlsx"]  # no temporary left
    box = view.exporter.message
    assert isinstance(box, QMessageBox) and box.text() == result.error
    monkeypatch.undo()
    folder = out / "已有文件夹.xlsx"
    folder.mkdir()
    failed = export(qtbot, view.exporter, folder)
    assert "已有文件夹.xlsx" in failed.error and failed.rows is None


def test_a_list_too_long_to_print_says_so(
    qtbot: QtBot, queue: QueueView, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(table_export, "PRINT_LIMIT", 10)
    assert queue.exporter.print_list() is None
    box = queue.exporter.message
    assert isinstance(box, QMessageBox)
    assert "超过打印上限 10 条" in box.text() and f"{queue.row_count():,}" in box.text()
    box.close()


# -- the window's menu ----------------------------------------------------------------------


def test_the_windows_menu_acts_on_the_focused_list(
    qtbot: QtBot, make_workspace: MakeWorkspace, tmp_path: Path
) -> None:
    from tests.ui.test_main_window import open_window

    window = open_window(qtbot, make_workspace("haizhou"), tmp_path / "settings.ini")
    assert window.export_list_action.text().startswith("导出Excel…\t")
    dialog = window.export_current_list()
    assert isinstance(dialog, QFileDialog)
    assert Path(dialog.selectedFiles()[0]).name.startswith("线索_")  # the queue shown
    dialog.reject()
    window.navigation.select_warning_record()
    window.warnings_view.view.setFocus()
    qtbot.waitUntil(window.warnings_view.view.hasFocus)
    dialog = window.export_current_list()
    assert isinstance(dialog, QFileDialog)
    assert Path(dialog.selectedFiles()[0]).name.startswith("预警台账_")
    dialog.reject()
    window.filter_bar.search.setFocus()
    window.navigation.select_queue(Queue.TO_DISPATCH)
    window.show_queue(Queue.TO_DISPATCH)
    window.filter_bar.search.setFocus()
    qtbot.waitUntil(window.filter_bar.search.hasFocus)
    qtbot.keyClick(
        window.filter_bar.search,
        Qt.Key.Key_E,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier,
    )
    dialog = window.queue_view.exporter.dialog
    assert isinstance(dialog, QFileDialog) and dialog.isVisible()
    assert Path(dialog.selectedFiles()[0]).name.startswith("待分办_")
    dialog.reject()
