"""The 行政处罚决定书 of a decided case in the notices' print preview: its PDF bytes come from
a renderer (by default `desktop.reports.case_decision.render_case_decision`, imported on the
first print: reportlab is slow to import), written into the preview's folder."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

from desktop.store.database import Store
from desktop.ui.notices.print_jobs import Render
from desktop.ui.notices.printing import safe_file_name

DecisionRenderer = Callable[[Store, str], bytes]
"""(store, case id) → the PDF of the case's 行政处罚决定书; tests inject their own."""

RENDER_MODULE = "desktop.reports.case_decision"


def render_case_decision(store: Store, case_id: str) -> bytes:
    """The decision's PDF from the reports (imported now, not when the window starts)."""
    module = importlib.import_module(RENDER_MODULE)
    pdf: bytes = module.render_case_decision(store, case_id)
    return pdf


def decision_render(renderer: DecisionRenderer, store: Store, case_id: str, title: str) -> Render:
    """The preview's render function (runs in a worker): the PDF written as `title`.pdf."""

    def render(folder: Path) -> Path:
        path = folder / f"{safe_file_name(title)}.pdf"
        path.write_bytes(renderer(store, case_id))
        return path

    return render
