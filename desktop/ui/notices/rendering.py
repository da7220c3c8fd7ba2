"""A notice of the store as a PDF: read it, fill its template, render it (in a worker).

`desktop.reports` (reportlab, about 120 ms to import) is imported on the first render, not
when the window starts: the first screen prints nothing."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from desktop.domain.notices import NoticeState, NoticeStatus
from desktop.domain.units import UnitInfo
from desktop.store.clause_library import clause_library
from desktop.store.database import Store
from desktop.store.notices import load_notice
from desktop.ui.labels import label
from desktop.ui.notices.print_jobs import PrintItem, Render
from desktop.ui.workspace import Workspace

if TYPE_CHECKING:
    from desktop.reports import FontSet, NoticeDocument


def notice_document(
    store: Store, units: Mapping[str, UnitInfo], state: NoticeState, *, today: date
) -> NoticeDocument:
    """The printed form of a notice (a draft is dated `today` and marked 草稿)."""
    from desktop.reports import build_document

    clauses = clause_library(store, include_hidden=True)
    return build_document(state, clauses=clauses, unit=units.get(state.unit_code), today=today)


@lru_cache(maxsize=4)
def print_fonts(search_dirs: tuple[str, ...], prefer_official: bool) -> FontSet:
    """The fonts notices print with (made once per choice: registering fonts takes time)."""
    from desktop.reports import FontSet

    return FontSet.default([Path(d) for d in search_dirs], prefer_official=prefer_official)


def render_stored_notice(
    store: Store,
    units: Mapping[str, UnitInfo],
    notice_id: str,
    folder: Path,
    *,
    today: date,
    fonts: FontSet | None = None,
) -> Path:
    """Write the PDF of a stored notice into `folder` (named by its number); its path."""
    from desktop.reports import render_notice

    state = load_notice(store, notice_id)
    if state is None:
        raise LookupError(
            QCoreApplication.translate(
                "NoticeRendering", "本机已没有这份通知书（可能已被移出管辖范围）"
            )
        )
    document = notice_document(store, units, state, today=today)
    path = folder / f"{document.file_stem()}.pdf"
    render_notice(document, path, fonts=fonts)
    return path


def notice_title(number: str | None, kind_label: str) -> str:
    """How a notice is named in titles and file names: its number, or 「整改通知书（草稿）」."""
    if number:
        return number
    return QCoreApplication.translate("NoticeRendering", "{0}（草稿）").format(kind_label)


def state_title(state: NoticeState) -> str:
    """The title of a notice state."""
    number = state.number if state.status is not NoticeStatus.DRAFT else None
    return notice_title(number, label(state.kind))


def renderer(workspace: Workspace, notice_id: str) -> Render:
    """The render function of a stored notice (runs in a worker: it opens its own session)."""
    store, units, today = workspace.store, dict(workspace.units), workspace.now().date()
    choice = workspace.print_font_choice

    def render(folder: Path) -> Path:
        fonts = print_fonts(*choice)
        return render_stored_notice(store, units, notice_id, folder, today=today, fonts=fonts)

    return render


def print_item(workspace: Workspace, notice_id: str, title: str) -> PrintItem:
    """A stored notice as one document of a print job."""
    return PrintItem(title, renderer(workspace, notice_id))
