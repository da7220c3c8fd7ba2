"""打印/另存为PDF of a suggestion: its record as the printed document, in the notices' preview."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop.store.supervision import clue_briefs, load_suggestion
from desktop.ui.notices.preview import NoticePreview
from desktop.ui.notices.print_jobs import PrinterChooser, Render, choose_printer
from desktop.ui.notices.printing import TargetFactory, safe_file_name, target_for
from desktop.ui.notices.rendering import print_fonts
from desktop.ui.workspace import Workspace


def suggestion_renderer(workspace: Workspace, suggestion_id: str) -> Render:
    """The render function of a stored suggestion (runs in a worker: it reads the store)."""
    store, units = workspace.store, dict(workspace.units)
    choice = workspace.print_font_choice

    def render(folder: Path) -> Path:
        from desktop.reports.suggestion import render_suggestion
        from desktop.reports.suggestion_fields import suggestion_fields

        detail = load_suggestion(store, suggestion_id)
        if detail is None:
            raise LookupError(
                QCoreApplication.translate("SuggestionPrinting", "本机已没有这份建议")
            )
        state = detail.state
        titles = {code: b.title for code, b in clue_briefs(store, state.clue_codes).items()}
        fields = suggestion_fields(state, units, titles)
        path = folder / f"{safe_file_name(state.number or state.suggestion_id)}.pdf"
        render_suggestion(fields, path, fonts=print_fonts(*choice))
        return path

    return render


def preview_suggestion(
    workspace: Workspace,
    suggestion_id: str,
    title: str,
    parent: QWidget | None,
    *,
    printer_chooser: PrinterChooser = choose_printer,
    target_factory: TargetFactory = target_for,
) -> NoticePreview:
    """Show the printed suggestion with 打印… and 另存为PDF…."""
    return NoticePreview.show_new(
        suggestion_renderer(workspace, suggestion_id),
        title,
        parent,
        printer_chooser=printer_chooser,
        target_factory=target_factory,
    )
