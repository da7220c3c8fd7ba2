"""Printed documents: the rectification notice and its proof of service as PDF (reportlab).

No Qt, no database: `build_document` turns a notice's state into display strings,
`render_notice` / `render_many` write the PDF with embedded TrueType fonts on the
GB/T 9704-2012 page.
"""

from __future__ import annotations

from desktop.reports.documents import Block, NoticeDocument, ProofFields, build_document
from desktop.reports.fonts import FontFile, FontSet, MissingGlyph, default_fonts
from desktop.reports.notice_pdf import render_bytes, render_many, render_notice

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
