"""The floor of a printed notice: its text with bare reportlab, in the same bundled fonts.

Plain paragraphs and the proof of service as a plain table, on A4 with the same margins: no
grid setting, no punctuation squeezing, no font chains, no QR code or seal. What our notice
takes beyond this is what its typesetting costs.
"""

from __future__ import annotations

import io
from importlib.resources import as_file, files
from typing import Literal
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table

from desktop.reports import NoticeDocument

FONTS = {
    "BareMing": "ARPLUMingCN-print.ttf",
    "BareHei": "WenQuanYiMicroHei-print.ttf",
    "BareKai": "ARPLUKaiCN-print.ttf",
}
"""The bundled print fonts the notice falls back to, under names of the floor's own."""
FONT_OF_STYLE = {"heading1": "BareHei", "heading2": "BareKai", "attachment_heading": "BareHei"}


def proof_rows(document: NoticeDocument) -> list[tuple[str, str]]:
    """The 送达回证's rows (label, value) as the bare floors draw them."""
    proof = document.proof
    return [
        ("送达文书名称及文号", proof.document if proof else ""),
        ("受送达人", proof.addressee if proof else ""),
        ("送达地点", ""),
        ("送达方式", "□直接送达 □留置送达 □邮寄送达 □委托送达 □电子送达"),
        ("收件人签名或盖章", ""),
        ("代收人及代收理由", ""),
        ("见证人", ""),
        ("送达人", ""),
        ("备注", ""),
    ]


def register_fonts() -> None:
    """Load the bundled fonts into reportlab as plain `TTFont`s (once per process).

    `pdfmetrics.registerFont` hands out the first font registered for a face under every
    later name: after a notice, "BareMing" would be the notice's own font object, with its
    shared subsets (desktop.reports.subsets), and the floor would not be bare reportlab. The
    floor's fonts go into the registry beside it, so each keeps its own object.
    """
    registry: dict[str, object] = pdfmetrics._fonts  # type: ignore[attr-defined]
    for name, file in FONTS.items():
        if type(registry.get(name)) is not TTFont:
            with as_file(files("resources").joinpath("fonts", file)) as path:
                registry[name] = TTFont(name, str(path))
            pdfmetrics.registerFontFamily(name)


def _style(font: str, size: float, align: Literal[0, 1, 4] = TA_JUSTIFY) -> ParagraphStyle:
    return ParagraphStyle(
        font, fontName=font, fontSize=size, leading=size * 1.8, alignment=align, wordWrap="CJK"
    )


def render_bare(document: NoticeDocument) -> bytes:
    """The notice's text and its proof of service as a plain PDF (bytes)."""
    register_fonts()
    title, body = _style("BareMing", 22, TA_CENTER), _style("BareMing", 16)
    cell = _style("BareMing", 12, TA_LEFT)
    styles = {name: _style(font, 16) for name, font in FONT_OF_STYLE.items()}
    story: list[object] = [
        Paragraph(escape(document.authority), title),
        Paragraph(escape(document.title), title),
        Paragraph(escape(document.number or ""), body),
    ]
    for block in document.blocks:
        for line in block.text.split("\n"):
            story.append(Paragraph(escape(line), styles.get(block.style, body)))
    story += [Paragraph(escape(document.authority), body), Paragraph(document.date, body)]
    for heading, text in document.attachments:
        story += [Paragraph(escape(heading), styles["heading1"]), Paragraph(escape(text), body)]
    rows = proof_rows(document)
    table = Table(
        [[Paragraph(escape(a), cell), Paragraph(escape(b), cell)] for a, b in rows],
        colWidths=[40 * mm, 116 * mm],
    )
    table.setStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")])
    story += [PageBreak(), Paragraph("送达回证", title), table]
    buffer = io.BytesIO()
    template = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        topMargin=37 * mm,
        bottomMargin=35 * mm,
        leftMargin=28 * mm,
        rightMargin=26 * mm,
    )
    template.build(story)  # type: ignore[arg-type]
    return buffer.getvalue()
