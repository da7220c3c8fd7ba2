"""Printed documents: the rectification notice and its proof of service as PDF (reportlab).

No Qt, no database: `build_document` turns a notice's state into display strings,
`render_notice` / `render_many` write the PDF with embedded TrueType fonts on the
GB/T 9704-2012 page.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.reports.documents import Block, NoticeDocument, ProofFields, build_document
    from desktop.reports.fonts import FontFile, FontSet, MissingGlyph, default_fonts
    from desktop.reports.notice_pdf import render_bytes, render_many, render_notice

_HOMES = {
    "Block": "documents",
    "NoticeDocument": "documents",
    "ProofFields": "documents",
    "build_document": "documents",
    "FontFile": "fonts",
    "FontSet": "fonts",
    "MissingGlyph": "fonts",
    "default_fonts": "fonts",
    "render_bytes": "notice_pdf",
    "render_many": "notice_pdf",
    "render_notice": "notice_pdf",
}
"""Where each name lives: imported on first use, so that importing one module of the package
(the spreadsheet writer, say) does not load reportlab."""

__all__ = [
    "Block",
    "FontFile",
    "FontSet",
    "MissingGlyph",
    "NoticeDocument",
    "ProofFields",
    "build_document",
    "default_fonts",
    "render_bytes",
    "render_many",
    "render_notice",
]


def __getattr__(name: str) -> Any:
    """The public name `name`, imported from its module on first use."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value
