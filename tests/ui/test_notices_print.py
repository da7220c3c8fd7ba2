"""Preview, print and save notices without printing for real: the print backends are handed
in, and a QPrinter writing a PDF into tmp_path is a real target whose output is read back."""

from __future__ import annotations

import subprocess
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QColor
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from desktop.domain.notices import NoticeAction
from desktop.ui.notices.preview import NoticePreview
from desktop.ui.notices.print_jobs import BatchPrint, PrintItem, PrintResult
from desktop.ui.notices.printing import (
    DPI,
    FolderTarget,
    PrintFailed,
    RasterTarget,
    ShellPrintTarget,
    SpoolerTarget,
    page_image,
    pdf_printer,
    target_for,
)
from desktop.ui.notices.rendering import renderer
from desktop.ui.notices.workbench import NoticeWorkbench
from desktop.ui.notices_view import FILTERS, NoticesView
from desktop.ui.workspace import Workspace
from tests.ui.conftest import MakeWorkspace
from tests.ui.test_notices_helpers import draft, draftable_clues, give_numbers, notice_ids, take

pytestmark = pytest.mark.qt_log_ignore("^This plugin does not support")

A4 = (595.3, 841.9)


@pytest.fixture
def xinhai(make_workspace: MakeWorkspace) -> Workspace:
    return make_workspace("xinhai")


def pdftotext(path: Path) -> str:
    done = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return done.stdout


def page_sizes(path: Path) -> list[tuple[float, float]]:
    return [(float(p.mediabox.width), float(p.mediabox.height)) for p in PdfReader(path).pages]


def is_a4(size: tuple[float, float]) -> bool:
    return abs(size[0] - A4[0]) < 1.5 and abs(size[1] - A4[1]) < 1.5


def issue_some(workspace: Workspace, count: int) -> list[str]:
    """Notices drafted and issued on the first clues of the user's unit; their ids."""
    give_numbers(workspace)
    clues = draftable_clues(workspace)
    ids = []
    for index in range(count):
        clue = clues[index % len(clues)]
        made = draft(workspace, clue)
        take(workspace, NoticeAction.ISSUE, made.notice_id, clue, {})
        ids.append(made.notice_id)
    assert len(ids) == count
    return ids


class Recording:
    """A print target that keeps what it was given (and passes it on, if asked)."""

    def __init__(self, inner: Any = None, *, fail_on: int | None = None) -> None:
        self.inner = inner
        self.fail_on = fail_on
        self.received: list[tuple[str, bytes]] = []
        self.finished = False

    def add(self, pdf: Path, title: str) -> None:
        if self.fail_on is not None and len(self.received) == self.fail_on:
            raise PrintFailed("打印机缺纸")
        self.received.append((title, pdf.read_bytes()))
        if self.inner is not None:
            self.inner.add(pdf, title)

    def finish(self) -> None:
        self.finished = True
        if self.inner is not None:
            self.inner.finish()


class NamedPrinter(QPrinter):
    """A printer of the system called Office (this machine may have no print system)."""

    def printerName(self) -> str:  # noqa: N802
        return "Office"

    def outputFormat(self) -> QPrinter.OutputFormat:  # noqa: N802
        return QPrinter.OutputFormat.NativeFormat


def chooser(printer: QPrinter) -> Callable[[QWidget | None, Callable[[QPrinter], None]], None]:
    """A print dialog that picks `printer` at once."""

    def choose(_parent: QWidget | None, chosen: Callable[[QPrinter], None]) -> None:
        chosen(printer)

    return choose


def select_only(bench: NoticeWorkbench, ids: Sequence[str]) -> None:
    """Select these notices' rows in the list (as ctrl-clicks would), and no other."""
    rows = bench.view.selectionModel()
    rows.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for notice_id in ids:
        row = bench.model.row_of(notice_id)
        assert row >= 0, notice_id
        rows.select(bench.model.index(row, 0), flags)
    assert set(bench.selected_ids()) == set(ids)


def view_with(qtbot: QtBot, workspace: Workspace, **kwargs: Any) -> NoticesView:
    view = NoticesView(workspace, **kwargs)
    qtbot.addWidget(view)
    view.resize(1100, 600)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: not view.workbench.model.loading)
    return view


# -- targets ------------------------------------------------------------------------------


def test_the_pdf_itself_goes_to_the_queue_with_lp_or_lpr(tmp_path: Path) -> None:
    pdf = tmp_path / "notice.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    calls: list[list[str]] = []

    def run(argv: Sequence[str]) -> subprocess.CompletedProcess[str]:
        calls.append(list(argv))
        return subprocess.CompletedProcess(argv, 0, "request id is Office-7", "")

    target = SpoolerTarget("/usr/bin/lp", "Office", 2, run=run)
    target.add(pdf, "海新海整改〔2026〕15号")
    target.finish()
    assert calls == [
        ["/usr/bin/lp", "-n", "2", "-t", "海新海整改〔2026〕15号", "-d", "Office", str(pdf)]
    ]
    lpr = SpoolerTarget("/usr/bin/lpr", "Office", 1, run=run)
    lpr.add(pdf, "t")
    assert calls[-1] == ["/usr/bin/lpr", "-#", "1", "-T", "t", "-P", "Office", str(pdf)]

    def refuse(argv: Sequence[str]) -> subprocess.CompletedProcess[str]:
        return subprocess.CompletedProcess(argv, 1, "", "lp: The printer or class does not exist.")

    with pytest.raises(PrintFailed) as failed:
        SpoolerTarget("/usr/bin/lp", "Office", run=refuse).add(pdf, "t")
    assert "Office" in failed.value.message and "does not exist" in failed.value.message


def test_windows_prints_through_the_shell_verb(tmp_path: Path) -> None:
    calls: list[tuple[str, str]] = []
    target = ShellPrintTarget(lambda path, verb: calls.append((path, verb)))
    target.add(tmp_path / "a.pdf", "t")
    assert calls == [(str(tmp_path / "a.pdf"), "print")]

    def broken(path: str, verb: str) -> None:
        raise OSError("no application is associated")

    with pytest.raises(PrintFailed):
        ShellPrintTarget(broken).add(tmp_path / "a.pdf", "t")


def test_the_target_is_chosen_by_printer_and_system(qtbot: QtBot, tmp_path: Path) -> None:
    to_file = pdf_printer(tmp_path / "out.pdf")
    assert isinstance(target_for(to_file, which=lambda _: "/usr/bin/lp"), RasterTarget)
    named = NamedPrinter()
    lp = target_for(named, which=lambda name: f"/usr/bin/{name}", platform="linux")
    assert isinstance(lp, SpoolerTarget) and lp.command == "/usr/bin/lp"
    none = target_for(named, which=lambda _: None, platform="linux")
    assert isinstance(none, RasterTarget)
    win = target_for(named, platform="win32", default_printer=lambda: "Office")
    assert isinstance(win, ShellPrintTarget)
    other = target_for(named, platform="win32", default_printer=lambda: "Other")
    assert isinstance(other, RasterTarget)


def test_pages_are_rendered_at_300_dpi_on_white_through_qprinter(
    qtbot: QtBot, xinhai: Workspace, tmp_path: Path
) -> None:
    [notice_id] = issue_some(xinhai, 1)
    source = renderer(xinhai, notice_id)(tmp_path)
    document = QPdfDocument()
    assert document.load(str(source)) == QPdfDocument.Error.None_
    pages = document.pageCount()
    assert pages >= 2  # the notice and its proof of service
    image = page_image(document, 0)
    assert (image.width(), image.height()) == (2480, 3508)  # A4 at 300 dpi
    assert image.pixelColor(0, 0) == QColor(Qt.GlobalColor.white)
    document.close()

    out = tmp_path / "printed.pdf"
    target = RasterTarget(pdf_printer(out))
    target.add(source, "t")
    target.finish()
    assert target.pages == pages
    sizes = page_sizes(out)
    assert len(sizes) == pages and all(is_a4(size) for size in sizes)
    page = PdfReader(out).pages[0]
    [picture] = page.images
    assert picture.image is not None
    assert picture.image.size == (2480, 3508)
    assert DPI == 300


# -- the window ---------------------------------------------------------------------------


def test_batch_print_of_selected_notices_shows_progress(
    qtbot: QtBot, xinhai: Workspace, tmp_path: Path
) -> None:
    held = notice_ids(xinhai, FILTERS[0][1])  # the demo store's notices being followed
    ids = issue_some(xinhai, 3)
    out = tmp_path / "batch.pdf"
    printer = pdf_printer(out)
    given: list[QPrinter] = []
    recording = Recording()

    def factory(chosen: QPrinter) -> Recording:
        given.append(chosen)
        recording.inner = RasterTarget(chosen, dpi=100)
        return recording

    view = view_with(qtbot, xinhai, printer_chooser=chooser(printer), target_factory=factory)
    bench = view.workbench
    assert set(bench.model.ids()) == held | set(ids)
    select_only(bench, ids)
    assert not bench.preview_button.isEnabled()  # one notice at a time
    qtbot.mouseClick(bench.print_button, Qt.MouseButton.LeftButton)
    job = bench.job
    assert isinstance(job, BatchPrint) and job.progress is not None
    assert job.progress.maximum() == 3 and job.progress.isVisible()
    assert not bench.print_button.isEnabled()  # one job at a time
    qtbot.waitUntil(lambda: bench.last_result is not None, timeout=60000)
    result = bench.last_result
    assert isinstance(result, PrintResult) and result.ok and result.sent == 3
    assert given == [printer]
    assert recording.finished
    rows = [bench.model.row_by_id(i) for i in bench.model.ids() if i in ids]  # shown order
    assert [title for title, _ in recording.received] == [r.number for r in rows if r]
    assert len(recording.received) == 3
    for (title, data), index in zip(recording.received, range(3), strict=True):
        copy = tmp_path / f"received-{index}.pdf"
        copy.write_bytes(data)
        assert title in pdftotext(copy).replace(" ", "")
    pages = sum(len(PdfReader(tmp_path / f"received-{i}.pdf").pages) for i in range(3))
    assert len(page_sizes(out)) == pages
    assert all(is_a4(size) for size in page_sizes(out))
    assert bench.status_label.text() == "已发送打印 3 份"
    assert not [d for d in bench.findChildren(QProgressDialog) if d.isVisible()]
    assert bench.print_button.isEnabled()


def test_a_batch_can_be_cancelled_between_notices(qtbot: QtBot, tmp_path: Path) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    release = threading.Event()
    source = tmp_path / "one.pdf"
    source.write_bytes(b"%PDF-1.4 stand-in\n")

    def instant(_folder: Path) -> Path:
        return source

    def held(_folder: Path) -> Path:
        assert release.wait(10)
        return source

    recording = Recording()
    items = [PrintItem("第1份", instant), PrintItem("第2份", held), PrintItem("第3份", instant)]
    job = BatchPrint(items, recording, parent)
    job.start()
    progress = job.progress
    assert progress is not None and progress.isVisible()
    qtbot.waitUntil(lambda: progress.value() == 1)
    assert len(recording.received) == 1
    assert progress.labelText() in ("已发送打印 1/3 份", "正在生成第 2/3 份…")
    cancel = progress.findChild(QPushButton)
    assert cancel is not None and cancel.text() == "取消"
    with qtbot.waitSignal(job.finished, timeout=10000) as finished:
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
        release.set()
    result = finished.args[0]
    assert result.cancelled and result.sent == 1 and result.total == 3
    assert result.text() == "已取消打印：已发送 1/3 份"
    assert [title for title, _ in recording.received] == ["第1份"]
    assert recording.finished  # what was sent is printed


def test_a_printer_failure_is_told_with_how_far_it_got(qtbot: QtBot, tmp_path: Path) -> None:
    source = tmp_path / "one.pdf"
    source.write_bytes(b"%PDF-1.4 stand-in\n")
    recording = Recording(fail_on=1)
    items = [PrintItem(f"第{i}份", lambda _f: source) for i in (1, 2)]
    job = BatchPrint(items, recording, show_progress=False)
    with qtbot.waitSignal(job.finished, timeout=10000) as finished:
        job.start()
    result = finished.args[0]
    assert not result.ok and result.sent == 1
    assert result.text() == "打印未完成（已发送 1/2 份）：打印机缺纸"


def test_selected_notices_are_saved_as_pdf_files(
    qtbot: QtBot, xinhai: Workspace, tmp_path: Path
) -> None:
    ids = issue_some(xinhai, 2)
    folder = tmp_path / "saved"
    folder.mkdir()

    def pick(_parent: QWidget, chosen: Callable[[Path], None]) -> None:
        chosen(folder)

    view = view_with(qtbot, xinhai, folder_chooser=pick)
    bench = view.workbench
    assert len(bench.model.ids()) > 2  # the demo's notices being followed, and these two
    select_only(bench, ids)
    qtbot.mouseClick(bench.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bench.last_result is not None, timeout=60000)
    assert bench.status_label.text() == "已保存 2 份"
    numbers = sorted(r.number or "" for r in map(bench.model.row_by_id, ids) if r)
    assert len(numbers) == 2 and all(numbers)
    files = sorted(folder.glob("*.pdf"))
    assert [f.stem for f in files] == numbers
    for path, number in zip(files, numbers, strict=True):
        text = pdftotext(path).replace(" ", "")
        assert number in text and "送达回证" in text
        assert all(is_a4(size) for size in page_sizes(path))


def test_one_notice_is_saved_as_a_file_of_its_own_name_as_the_preview_does(
    qtbot: QtBot, xinhai: Workspace, tmp_path: Path
) -> None:
    """Saving one notice asks for a file (its number suggested), not for a folder."""
    [notice_id] = issue_some(xinhai, 1)
    asked: list[str] = []

    def name_it(_parent: QWidget, suggested: str, chosen: Callable[[Path], None]) -> None:
        asked.append(suggested)
        chosen(tmp_path / "给企业的通知")

    def no_folder(_parent: QWidget, _chosen: Callable[[Path], None]) -> None:
        raise AssertionError("one notice does not ask for a folder")

    view = view_with(qtbot, xinhai, file_chooser=name_it, folder_chooser=no_folder)
    bench = view.workbench
    select_only(bench, [notice_id])
    qtbot.mouseClick(bench.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bench.last_result is not None, timeout=60000)
    row = bench.model.row_by_id(notice_id)
    assert row is not None and row.number and asked == [f"{row.number}.pdf"]
    saved = tmp_path / "给企业的通知.pdf"
    assert bench.status_label.text() == "已保存 1 份"
    assert row.number in pdftotext(saved).replace(" ", "")


def test_the_preview_shows_the_pages_and_prints_and_saves_them(
    qtbot: QtBot, xinhai: Workspace, tmp_path: Path
) -> None:
    [notice_id] = issue_some(xinhai, 1)
    out = tmp_path / "printed.pdf"
    recording = Recording()

    def factory(chosen: QPrinter) -> Recording:
        recording.inner = RasterTarget(chosen, dpi=100)
        return recording

    view = view_with(
        qtbot, xinhai, printer_chooser=chooser(pdf_printer(out)), target_factory=factory
    )
    bench = view.workbench
    bench.select(notice_id)
    qtbot.mouseClick(bench.preview_button, Qt.MouseButton.LeftButton)
    preview = bench.preview
    assert isinstance(preview, NoticePreview)
    qtbot.addWidget(preview)
    assert not preview.print_button.isEnabled()  # until rendered
    with qtbot.waitSignal(preview.rendered, timeout=60000) as rendered:
        pass
    pdf = rendered.args[0]
    assert preview.pane.page_count() == len(PdfReader(pdf).pages) >= 2
    assert preview.status_label.text() == f"共 {preview.pane.page_count()} 页"
    assert preview.windowTitle().endswith(preview.title)
    number = bench.state.number if bench.state else None
    assert number and preview.title == number

    with qtbot.waitSignal(preview.printed, timeout=60000) as printed:
        qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    assert printed.args[0].ok
    assert recording.received == [(number, pdf.read_bytes())]
    assert len(page_sizes(out)) == preview.pane.page_count()

    saved = preview.save_to(tmp_path / "copy")
    assert saved == tmp_path / "copy.pdf"
    assert saved.read_bytes() == pdf.read_bytes()
    qtbot.mouseClick(preview.zoom_in_button, Qt.MouseButton.LeftButton)
    assert preview.pane.view.zoomFactor() > 1.0
    qtbot.mouseClick(preview.fit_button, Qt.MouseButton.LeftButton)


def test_a_character_the_fonts_lack_is_named_with_its_field(
    qtbot: QtBot, xinhai: Workspace, tmp_path: Path
) -> None:
    clue = draftable_clues(xinhai)[0]
    made = draft(xinhai, clue, party_name="连云港市ꀀ化工有限公司")
    preview = NoticePreview(renderer(xinhai, made.notice_id), "草稿")
    qtbot.addWidget(preview)
    qtbot.waitUntil(lambda: bool(preview.error_text()), timeout=60000)
    text = preview.error_text()
    assert "ꀀ" in text and "U+A000" in text and "当事人" in text
    assert not preview.print_button.isEnabled()
    assert list(tmp_path.glob("*.pdf")) == []


def test_a_draft_previews_marked_as_draft(qtbot: QtBot, xinhai: Workspace) -> None:
    clue = draftable_clues(xinhai)[0]
    made = draft(xinhai, clue)
    preview = NoticePreview(renderer(xinhai, made.notice_id), "整改通知书（草稿）")
    qtbot.addWidget(preview)
    with qtbot.waitSignal(preview.rendered, timeout=60000) as rendered:
        pass
    assert "草稿" in pdftotext(rendered.args[0])


def test_folder_target_never_overwrites(tmp_path: Path) -> None:
    source = tmp_path / "s.pdf"
    source.write_bytes(b"%PDF-1.4\n")
    target = FolderTarget(tmp_path / "out")
    target.add(source, "海新海整改〔2026〕15号")
    target.add(source, "海新海整改〔2026〕15号")
    target.add(source, "a/b")
    assert [p.name for p in target.saved] == [
        "海新海整改〔2026〕15号.pdf",
        "海新海整改〔2026〕15号 (2).pdf",
        "a_b.pdf",
    ]
