"""导出Excel… (Ctrl+Alt+E) and 打印列表… (Ctrl+Alt+P) for every list of the window.

A view adopts both in one line of its constructor::

    self.exporter = install_table_export(self.table, self.export_title, workspace)

`export_title()` returns an `ExportTitle`: the list's name and its filter as the user set it
now (`filter_texts` reads the usual filter widgets). The exporter takes the visible columns
in their visual order and the rows in the view's sort and filter (`table_view_rows`), typed
where the model answers `desktop.ui.cell_roles.TypedValueRole`; it writes the .xlsx with
`desktop.reports.spreadsheet` in a worker, or shows the printed list
(`desktop.reports.table_list`) in the notices' preview, which prints and saves it as PDF.
A view whose model holds only part of its rows (the queue) passes `lazy_rows`: a function
that captures its filter and sort and returns the reader of every row from the store, run in
the worker. The two actions sit in the view's context menu and answer their keys anywhere in
`scope` (default: the view); `exporter_for(widget)` finds the list a window's menu acts on.

A list holds only what its columns show: the queue's rows carry no reporter's name or phone,
and a column a role may not see is not a column of its model.
"""

from __future__ import annotations

import errno
import logging
import os
import tempfile
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QLineEdit,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QTableView,
    QWidget,
)

from desktop.domain.timeutil import to_china
from desktop.store.sync_apply import sync_status
from desktop.ui.file_dialogs import Mode, Purpose, file_dialog
from desktop.ui.table_view_rows import ViewRows, read_view
from desktop.ui.tasks import Task, run_task
from desktop.ui.workspace import Workspace

if TYPE_CHECKING:  # the notices' package imports the lists that import this module
    from desktop.reports.spreadsheet import CellValue, Sheet
    from desktop.ui.notices.preview import NoticePreview
    from desktop.ui.notices.print_jobs import PrinterChooser
    from desktop.ui.notices.printing import TargetFactory

log = logging.getLogger("cluedesk.ui.export")

EXPORT_KEY = "Ctrl+Alt+E"
PRINT_KEY = "Ctrl+Alt+P"
PRINT_LIMIT = 5000
"""The most rows a printed list takes (about 500 pages); longer lists go to Excel."""
PROGRESS_DELAY_MS = 400
"""A progress dialog shows only when an export takes longer than this."""
T = TypeVar("T")

_ALIVE: dict[int, TableExporter] = {}
"""Every exporter whose view lives (the view's destruction lets its exporter go)."""

_EXPORTERS: weakref.WeakValueDictionary[int, TableExporter] = weakref.WeakValueDictionary()
"""The exporter of each list, by the address of the list's C++ object; held weakly, so that
nothing here keeps an exporter (or the view owner its title function holds) alive."""


def _weak(function: Callable[[], T]) -> Callable[[], T]:
    """`function`, kept without keeping its owner when it is a method: the view's owner holds
    the exporter, and a cycle back to the owner would outlive the owner's C++ objects."""
    if not hasattr(function, "__self__"):
        return function
    method = weakref.WeakMethod(function)

    def call() -> T:
        bound = method()
        if bound is None:
            raise RuntimeError("the list this exporter served is gone")
        return bound()

    return call


def _exporter_of(widget: QWidget) -> TableExporter | None:
    found = _EXPORTERS.get(shiboken6.getCppPointer(widget)[0])
    return found if found is not None and found.view is widget else None


Rows: TypeAlias = "tuple[list[list[CellValue]], list[list[str]]]"
"""Typed values and shown texts of rows, in the view's order."""
RowsFn = Callable[[Sequence[int], Task[Any] | None], Rows]
"""Reads every row of a lazy view for the given model columns; runs in a worker, reports
progress on the task and stops early when it is cancelled."""
LazyRows = Callable[[], RowsFn]
"""Called on the UI thread as an export starts: captures the view's filter and sort."""
Opener = Callable[[Path], None]
"""Opens a file or a folder with the system (tests inject their own)."""


@dataclass(frozen=True)
class ExportTitle:
    """What a list is called: its name, its filter, the start of its file names."""

    name: str
    """The list's name, e.g. 待签收线索清单."""
    filters: tuple[str, ...] = ()
    """The filter as the user set it, one phrase each, e.g. (三级预警, 新海街道)."""
    file_stem: str = ""
    """How its files are named (default: the name), e.g. 待签收 → 待签收_2026-12-05.xlsx."""

    def text(self) -> str:
        """The title of the printed list and the sheet: 预警线索清单（三级预警，新海街道）."""
        shown = [f for f in self.filters if f]
        if not shown:
            return self.name
        joined = QCoreApplication.translate("TableExport", "，").join(shown)
        return QCoreApplication.translate("TableExport", "{name}（{filters}）").format(
            name=self.name, filters=joined
        )

    def file_name(self, day: date, suffix: str) -> str:
        """A default file name: 待签收_2026-12-05.xlsx."""
        from desktop.ui.notices.printing import safe_file_name

        return f"{safe_file_name(self.file_stem or self.name)}_{day.isoformat()}.{suffix}"


TitleFn = Callable[[], ExportTitle]


def filter_texts(
    *controls: QWidget | tuple[QAbstractButton, QDateEdit, QDateEdit],
) -> tuple[str, ...]:
    """The filter set in the usual widgets, one phrase each: a combo box not on its first
    entry (全部…) says its entry, a ticked box its text, a search box what was typed, a
    (ticked box, from, to) triple its period."""
    phrases: list[str] = []
    for control in controls:
        if isinstance(control, tuple):
            check, first, last = control
            if check.isChecked():
                phrases.append(
                    QCoreApplication.translate("TableExport", "{what} {start} 至 {end}").format(
                        what=_plain(check.text()),
                        start=first.date().toString("yyyy-MM-dd"),
                        end=last.date().toString("yyyy-MM-dd"),
                    )
                )
        elif isinstance(control, QComboBox):
            if not control.isHidden() and control.currentIndex() > 0:
                phrases.append(control.currentText())
        elif isinstance(control, QAbstractButton):
            if control.isCheckable() and control.isChecked():
                phrases.append(_plain(control.text()))
        elif isinstance(control, QLineEdit):
            typed = control.text().strip()
            if typed:
                what = control.accessibleName() or control.placeholderText()
                said = QCoreApplication.translate("TableExport", "{what}：{typed}")
                phrases.append(said.format(what=what, typed=typed) if what else typed)
    return tuple(phrases)


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def save_error_text(path: Path, exc: BaseException) -> str:
    """What to tell the user when a file cannot be written: it names the file."""
    name = path.name
    if isinstance(exc, PermissionError):
        return QCoreApplication.translate(
            "TableExport",
            "文件“{0}”被占用或没有写入权限。如果它正在 Excel 或 WPS 中打开，请先关闭，"
            "或另选一个文件名。",
        ).format(name)
    if isinstance(exc, IsADirectoryError):
        return QCoreApplication.translate(
            "TableExport", "“{0}”是一个文件夹，请另选文件名。"
        ).format(name)
    if isinstance(exc, FileNotFoundError | NotADirectoryError):
        return QCoreApplication.translate(
            "TableExport", "无法保存“{0}”：所选的文件夹不存在。"
        ).format(name)
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return QCoreApplication.translate("TableExport", "磁盘空间不足，无法保存“{0}”。").format(
            name
        )
    if isinstance(exc, OSError):
        return QCoreApplication.translate("TableExport", "无法保存“{0}”：{1}").format(
            name, exc.strerror or exc.__class__.__name__
        )
    return QCoreApplication.translate("TableExport", "无法保存“{0}”：{1}").format(
        name, str(exc) or exc.__class__.__name__
    )


replace_file: Callable[[str, Path], None] = os.replace
"""Puts a written file in place; on Windows it fails while Excel holds the target open."""


def write_file(path: Path, sheets: Sequence[Sheet]) -> None:
    """Write a workbook next to `path`, then put it in place: a file open in Excel is left
    as it was (the move fails), never half written."""
    from desktop.reports.spreadsheet import write_workbook  # openpyxl: loaded on first export

    handle, temp = tempfile.mkstemp(prefix=".cluedesk-", suffix=".xlsx", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            write_workbook(out, sheets)
        replace_file(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def open_with_system(path: Path) -> None:
    """Open a file or a folder with the program the system uses for it."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


@dataclass(frozen=True)
class ExportResult:
    """A finished export: where, how many rows (None: cancelled), or why it failed."""

    path: Path
    rows: int | None
    error: str = ""


class TableExporter(QObject):
    """The Excel export and the printed list of one table view (see the module's doc)."""

    finished = Signal(object)
    """An ExportResult once an export ended (written, cancelled or failed)."""

    def __init__(
        self,
        view: QTableView,
        title_fn: TitleFn,
        workspace: Workspace,
        *,
        lazy_rows: LazyRows | None = None,
        scope: QWidget | None = None,
        context_menu: bool = True,
    ) -> None:
        # Not a child of the view, but alive while the view lives (`_ALIVE`, let go when the
        # view is destroyed); it holds the owner's functions weakly, so it never keeps the
        # owner (or the owner's deleted forms) alive.
        # (As a QObject child of a FrozenColumnTable, PySide lost one of that table's slots.)
        super().__init__(None)
        key = id(self)
        _ALIVE[key] = self
        view.destroyed.connect(lambda _obj=None: _ALIVE.pop(key, None))
        self.view = view
        self._title = _weak(title_fn)
        self.workspace = workspace
        self._lazy_rows = None if lazy_rows is None else _weak(lazy_rows)
        self.printer_chooser: PrinterChooser | None = None
        """Asks for a printer (None: the system's print dialog); tests inject their own."""
        self.target_factory: TargetFactory | None = None
        """Where a print job goes (None: the printer's queue); tests inject their own."""
        self.opener: Opener = open_with_system
        self.task: Task[ExportResult] | None = None
        self.progress: QProgressDialog | None = None
        self.dialog: QFileDialog | None = None
        self.message: QMessageBox | None = None
        self.preview: NoticePreview | None = None
        self.result: ExportResult | None = None
        self._target = Path()
        self.export_action = QAction(self.tr("导出Excel…"), view)
        self.export_action.setObjectName("exportExcel")
        self.export_action.setShortcut(QKeySequence(EXPORT_KEY))
        self.export_action.setToolTip(self.tr("把列表按当前的筛选和排序导出为 Excel 表格"))
        self.export_action.triggered.connect(self.ask_export)
        self.print_action = QAction(self.tr("打印列表…"), view)
        self.print_action.setObjectName("printList")
        self.print_action.setShortcut(QKeySequence(PRINT_KEY))
        self.print_action.setToolTip(self.tr("预览并打印列表，或另存为PDF"))
        self.print_action.triggered.connect(self.print_list)
        for action in self.actions():
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            view.addAction(action)
        if scope is not None:
            self.add_scope(scope)
        if context_menu:
            policy = view.contextMenuPolicy()
            if policy == Qt.ContextMenuPolicy.CustomContextMenu:
                view.customContextMenuRequested.connect(self._context_menu)
            else:
                view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        _EXPORTERS[shiboken6.getCppPointer(view)[0]] = self

    def set_title(self, title_fn: TitleFn) -> None:
        """Let another view around the list name it (e.g. 文书 with its follow-up filter)."""
        self._title = _weak(title_fn)

    def actions(self) -> list[QAction]:
        """导出Excel… and 打印列表…, for a menu."""
        return [self.export_action, self.print_action]

    def add_scope(self, widget: QWidget) -> None:
        """Let the two keys work anywhere in `widget` too (a page around the list)."""
        widget.addActions(self.actions())

    def _context_menu(self, pos: Any) -> QMenu:
        menu = QMenu(self.view)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addActions(self.actions())
        menu.popup(self.view.viewport().mapToGlobal(pos))
        return menu

    # -- what the list holds -----------------------------------------------------------

    def title(self) -> ExportTitle:
        """The list's title now."""
        return self._title()

    def row_count(self) -> int:
        """How many rows the list holds now (all of them, loaded or not)."""
        model = self.view.model()
        return model.rowCount() if model is not None else 0

    def default_file_name(self, suffix: str) -> str:
        """待签收_2026-12-05.xlsx."""
        return self.title().file_name(self.workspace.now().date(), suffix)

    def notes(self, title: ExportTitle) -> list[str]:
        """The lines about the data under the list: its filter and when it was synced."""
        lines = []
        if title.filters:
            lines.append(self.tr("筛选条件：{0}").format(self.tr("；").join(title.filters)))
        lines.append(self.data_time())
        return lines

    def data_time(self) -> str:
        """数据截至 … 同步 (the store's last sync)."""
        try:
            stamp = sync_status(self.workspace.store).last_sync_at
        except Exception:  # noqa: BLE001 - a note, never a reason to fail the export
            log.debug("reading the sync state failed", exc_info=True)
            stamp = None
        if not stamp:
            return self.tr("本机数据尚未与平台同步")
        moment = to_china(datetime.fromisoformat(stamp))
        return self.tr("数据截至 {0} 同步").format(moment.strftime("%Y-%m-%d %H:%M"))

    def _reader(self) -> tuple[ViewRows, RowsFn | None]:
        """The view's columns (and its rows, unless they are read from the store later)."""
        if self._lazy_rows is None:
            return read_view(self.view), None
        shown = read_view_columns(self.view)
        return shown, self._lazy_rows()

    def _table(self, title: ExportTitle, shown: ViewRows, rows: Rows) -> Any:
        from desktop.reports.table_list import TableList

        return TableList(
            title=title.text(),
            headers=shown.headers,
            rows=rows[0],
            texts=rows[1],
            made_by=self.workspace.actor.unit.name,
            made_at=self.workspace.now(),
            notes=self.notes(title),
            percent_columns=shown.percent_columns,
            sheet_name=title.file_stem or title.name,
        )

    # -- Excel -------------------------------------------------------------------------

    def ask_export(self) -> QFileDialog:
        """Ask where to save the list as .xlsx (non-blocking), then export it."""
        dialog = file_dialog(
            self.view.window(),
            self.tr("导出Excel"),
            Purpose.EXPORT_TABLE,
            Mode.SAVE_FILE,
            file_name=self.default_file_name("xlsx"),
            name_filters=[self.tr("Excel 工作簿 (*.xlsx)")],
        )
        dialog.setDefaultSuffix("xlsx")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda name: self.export_to(Path(name)))
        self.dialog = dialog
        dialog.open()
        return dialog

    def export_to(self, path: Path) -> Task[ExportResult] | None:
        """Write the list to `path` (.xlsx added when missing) in a worker; `finished` follows."""
        if self.task is not None:
            return None
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        self._target = path
        title = self.title()
        shown, lazy = self._reader()
        total = self.row_count()
        fixed: Rows = (shown.rows, shown.texts)
        columns = list(shown.columns)
        base = self._table(title, replace(shown, rows=[], texts=[]), ([], []))

        def work(task: Task[ExportResult]) -> ExportResult:
            from desktop.reports.table_list import table_sheet

            rows = lazy(columns, task) if lazy is not None else fixed
            if task.cancelled:
                return ExportResult(path, None)
            task.report("write", 0, 0)
            table = replace(base, rows=rows[0], texts=rows[1])
            try:
                write_file(path, [table_sheet(table)])
            except OSError as exc:
                log.info("export failed: %s", exc.__class__.__name__)
                return ExportResult(path, None, save_error_text(path, exc))
            return ExportResult(path, len(rows[0]))

        self._show_progress(self.tr("正在导出 {0} 条…").format(f"{total:,}"), total)
        self.task = run_task(work, self._exported, self._failed, self._progressed, owner=self)
        return self.task

    def _show_progress(self, text: str, total: int) -> None:
        progress = QProgressDialog(text, self.tr("取消"), 0, max(total, 0), self.view.window())
        progress.setWindowTitle(self.tr("导出Excel"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(PROGRESS_DELAY_MS)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.canceled.connect(self.cancel)
        progress.setValue(0)
        self.progress = progress

    def cancel(self) -> None:
        """Stop the export running (nothing is written)."""
        if self.task is not None:
            self.task.cancel()

    def _progressed(self, phase: str, done: int, total: int) -> None:
        dialog = self.progress
        if dialog is None or dialog.wasCanceled():
            return
        if phase == "write":
            dialog.setLabelText(self.tr("正在写入 Excel 文件…"))
            dialog.setRange(0, 0)
            return
        dialog.setLabelText(self.tr("已读取 {0}/{1} 条…").format(f"{done:,}", f"{total:,}"))
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, max(total, 1)))  # last: it may run the event loop

    def _failed(self, exc: BaseException) -> None:
        path = self._target
        log.warning("export failed", exc_info=exc)
        self._done(ExportResult(path, None, save_error_text(path, exc)))

    def _exported(self, result: ExportResult) -> None:
        self._done(result)

    def _done(self, result: ExportResult) -> None:
        self.task = None
        self.result = result
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        if shiboken6.isValid(self.view):
            self._tell(result)
        self.finished.emit(result)

    def _tell(self, result: ExportResult) -> None:
        if result.rows is None and not result.error:
            return  # cancelled: nothing to say
        box = QMessageBox(self.view.window())
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowTitle(self.tr("导出Excel"))
        if result.error:
            box.setIcon(QMessageBox.Icon.Warning)
            box.setText(result.error)
            box.setStandardButtons(QMessageBox.StandardButton.Ok)
        else:
            box.setIcon(QMessageBox.Icon.Information)
            box.setText(
                self.tr("已导出 {0} 条到“{1}”。").format(f"{result.rows:,}", result.path.name)
            )
            open_file = box.addButton(self.tr("打开文件"), QMessageBox.ButtonRole.AcceptRole)
            open_folder = box.addButton(
                self.tr("打开所在文件夹"), QMessageBox.ButtonRole.ActionRole
            )
            box.addButton(self.tr("关闭"), QMessageBox.ButtonRole.RejectRole)
            path = result.path

            def clicked(button: QAbstractButton) -> None:
                if button is open_file:
                    self.opener(path)
                elif button is open_folder:
                    self.opener(path.parent)

            box.buttonClicked.connect(clicked)
        self.message = box
        box.open()

    # -- printing ----------------------------------------------------------------------

    def print_list(self) -> NoticePreview | None:
        """Show the printed list in the print preview (打印…, 另存为PDF…); None when it is
        too long to print (the user is told)."""
        from desktop.ui.notices.preview import NoticePreview
        from desktop.ui.notices.print_jobs import choose_printer
        from desktop.ui.notices.printing import safe_file_name, target_for
        from desktop.ui.notices.rendering import print_fonts

        total = self.row_count()
        if total > PRINT_LIMIT:
            box = QMessageBox(
                QMessageBox.Icon.Information,
                self.tr("打印列表"),
                self.tr(
                    "列表共 {0} 条，超过打印上限 {1} 条。请先筛选缩小范围，或导出Excel后再打印。"
                ).format(f"{total:,}", f"{PRINT_LIMIT:,}"),
                QMessageBox.StandardButton.Ok,
                self.view.window(),
            )
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.message = box
            box.open()
            return None
        title = self.title()
        shown, lazy = self._reader()
        fixed: Rows = (shown.rows, shown.texts)
        columns = list(shown.columns)
        base = self._table(title, replace(shown, rows=[], texts=[]), ([], []))
        choice = self.workspace.print_font_choice
        name = safe_file_name(title.text())

        def render(folder: Path) -> Path:
            from desktop.reports.table_list import render_table_list

            rows = lazy(columns, None) if lazy is not None else fixed
            path = folder / f"{name}.pdf"
            render_table_list(
                replace(base, rows=rows[0], texts=rows[1]), path, fonts=print_fonts(*choice)
            )
            return path

        self.preview = NoticePreview.show_new(
            render,
            title.text(),
            self.view.window(),
            printer_chooser=self.printer_chooser or choose_printer,
            target_factory=self.target_factory or target_for,
        )
        return self.preview


def read_view_columns(view: QTableView) -> ViewRows:
    """The view's shown columns and their titles, without its rows."""
    from desktop.ui.table_view_rows import column_headers, percent_positions, visible_columns

    model = view.model()
    columns = visible_columns(view)
    if model is None:
        return ViewRows(columns, [])
    return ViewRows(
        columns,
        column_headers(model, columns),
        percent_columns=percent_positions(model, columns),
    )


def install_table_export(
    view: QTableView,
    title_fn: TitleFn,
    workspace: Workspace,
    *,
    lazy_rows: LazyRows | None = None,
    scope: QWidget | None = None,
    context_menu: bool = True,
) -> TableExporter:
    """Give a table view 导出Excel… and 打印列表… (its context menu, Ctrl+Alt+E/P)."""
    return TableExporter(
        view, title_fn, workspace, lazy_rows=lazy_rows, scope=scope, context_menu=context_menu
    )


def exporter_for(widget: QWidget | None) -> TableExporter | None:
    """The exporter of the list `widget` is or lies in (the focused list), else None."""
    while widget is not None:
        found = _exporter_of(widget)
        if found is not None:
            return found
        widget = widget.parentWidget()
    return None


def exporters_in(widget: QWidget) -> list[TableExporter]:
    """The exporters of the visible lists inside `widget` (the page a window shows)."""
    found = []
    for view in widget.findChildren(QTableView):
        exporter = _exporter_of(view)
        if exporter is not None and view.isVisibleTo(widget):
            found.append(exporter)
    return found


def current_exporter(window: QWidget, page: QWidget | None) -> TableExporter | None:
    """The list a window's 导出Excel… / 打印列表… act on: the focused one, else the first
    list of the page the window shows."""
    found = exporter_for(QApplication.focusWidget())
    if found is not None and window.isAncestorOf(found.view):
        return found
    shown = exporters_in(page) if page is not None else []
    return shown[0] if shown else None


def menu_text(text: str, keys: str) -> str:
    """A menu entry's text with its keys shown beside it (the keys belong to each list)."""
    shown = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
    return f"{text}\t{shown}"
