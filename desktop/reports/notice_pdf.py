"""Render notices to PDF: the GB/T 9704 page template, the story, one notice or a batch.

The notice's pages use the page template "notice" (page numbers `— 1 —` in 4号 below the
text block: odd pages right, even pages left, one character in; a 草稿 watermark on drafts);
the proof of service follows on the page template "proof" (no page number). The document
number is centred under the title (the 执法文书 convention; GB/T 9704 would put a 下行文's
number under the issuing authority's name in the 版头, which a notice does not have).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, BinaryIO

from reportlab import rl_config
from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate
from reportlab.platypus.doctemplate import NextPageTemplate
from reportlab.platypus.flowables import CondPageBreak, PageBreak

from desktop.reports.documents import LABELS, NoticeDocument
from desktop.reports.flowables import QrMark, SetLine, Signature, TextBlock, draw_line
from desktop.reports.fonts import FANGSONG, FontSet, MissingGlyph, default_fonts
from desktop.reports.geometry import (
    BLOCK_BOTTOM,
    BLOCK_HEIGHT,
    BLOCK_LEFT,
    BLOCK_RIGHT,
    BLOCK_WIDTH,
    BODY_SIZE,
    MARGIN_LEFT,
    MARGIN_TOP,
    PAGE_HEIGHT,
    PAGE_NUMBER_GAP,
    PAGE_WIDTH,
    STYLES,
)
from desktop.reports.proof_of_service import proof_story, proof_words

# Binary streams (the embedded font subsets above all) stay binary instead of being ASCII85
# encoded: the files are a fifth smaller and a notice renders ~2 ms faster. reportlab reads
# this when it writes a stream; desktop.reports is its only user in the application.
rl_config.useA85 = 0

DRAFT_NUMBER = "（草稿，未编号）"
DRAFT_MARK = "草稿"
_WATERMARK = Color(0.82, 0.82, 0.82)
_DASH_HEIGHT = 0.33
"""Where a CJK 一字线 (—) lies above the baseline, in em."""


def page_number_text(number: int) -> str:
    """The page number as printed: — 1 —."""
    return f"— {number} —"


class NoticeDocTemplate(BaseDocTemplate):
    """A4 with the GB/T 9704 text block; page templates "notice" and "proof"."""

    def __init__(
        self,
        target: Any,
        document: NoticeDocument,
        fonts: FontSet,
        *,
        preset: Sequence[tuple[str, str]] = (),
    ) -> None:
        self.document = document
        self.fonts = fonts
        self.preset = preset
        super().__init__(
            target,
            pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
            leftMargin=MARGIN_LEFT,
            rightMargin=PAGE_WIDTH - BLOCK_RIGHT,
            topMargin=MARGIN_TOP,
            bottomMargin=BLOCK_BOTTOM,
            title=f"{document.title} {document.number or DRAFT_MARK}",
            author=document.authority,
            subject=document.title,
            creator="cluedesk",
            lang="zh-CN",
            invariant=1,
            initialFontName=fonts.first_font(FANGSONG),
            initialFontSize=BODY_SIZE,
        )

        def frame(name: str) -> Frame:
            return Frame(
                BLOCK_LEFT,
                BLOCK_BOTTOM,
                BLOCK_WIDTH,
                BLOCK_HEIGHT,
                id=name,
                leftPadding=0,
                rightPadding=0,
                topPadding=0,
                bottomPadding=0,
            )

        self.addPageTemplates(
            [
                PageTemplate("notice", frames=[frame("notice")], onPage=self._notice_page),
                PageTemplate("proof", frames=[frame("proof")], onPage=self._proof_page),
            ]
        )

    def beforeDocument(self) -> None:  # noqa: N802 (reportlab's name)
        """Give the fonts the words every document of its kind prints (`preset`: style and
        text), before anything is drawn."""
        if self.preset:
            texts = [(STYLES[style].role, text) for style, text in self.preset]
            self.fonts.preset(self.canv._doc, texts)  # type: ignore[attr-defined]

    def _watermark(self, canv: Canvas) -> None:
        style = STYLES["draft_mark"]
        canv.saveState()
        canv.setFillColor(_WATERMARK)
        canv.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
        canv.rotate(35)
        width = sum(self.fonts.advance(c, style.role, style.size) for c in DRAFT_MARK)
        line = SetLine(DRAFT_MARK, width, 0.0, True)
        draw_line(canv, self.fonts, style, line, -width / 2, -style.size / 3, width)
        canv.restoreState()

    def _notice_page(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        if self.document.draft:
            self._watermark(canv)
        number = canv.getPageNumber()
        style = STYLES["page_number"]
        text = page_number_text(number)
        width = sum(self.fonts.advance(c, style.role, style.size) for c in text)
        indent = style.size
        x = BLOCK_RIGHT - indent - width if number % 2 == 1 else BLOCK_LEFT + indent
        y = BLOCK_BOTTOM - PAGE_NUMBER_GAP - _DASH_HEIGHT * style.size
        draw_line(canv, self.fonts, style, SetLine(text, width, 0.0, True), x, y, width)

    def _proof_page(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        if self.document.draft:
            self._watermark(canv)


def _add(story: list[Flowable], text: str, style_name: str, fonts: FontSet) -> None:
    """Add a text block; a heading first asks for room for itself and a few lines after it."""
    style = STYLES[style_name]
    if style.orphan_lines:
        lines = style.space_before + 1 + style.orphan_lines
        story.append(CondPageBreak(lines * style.line))
    story.append(TextBlock(text, style, fonts))


def notice_story(document: NoticeDocument, fonts: FontSet) -> list[Flowable]:
    """The flowables of the notice itself (without the proof of service)."""
    story: list[Flowable] = []
    if document.authority:
        _add(story, document.authority, "title", fonts)
    _add(story, document.title, "title", fonts)
    _add(story, document.number or DRAFT_NUMBER, "number", fonts)
    for block in document.blocks:
        _add(story, block.text, block.style, fonts)
    story[-1].keepWithNext = True
    story.append(Signature(document.authority, document.date, fonts, draft=document.draft))
    if document.attachment_heading and document.attachments:
        story.append(PageBreak())  # 附：相关法律规定 starts a page of its own
        _add(story, document.attachment_heading, "attachment_heading", fonts)
        for title, text in document.attachments:
            _add(story, title, "clause_title", fonts)
            _add(story, text, "clause_text", fonts)
    if not document.draft:
        caption = f"核验码 {document.verification}" if document.verification else document.number
        story.append(QrMark(document.qr_data, caption or "", fonts))
    return story


def check_glyphs(document: NoticeDocument, fonts: FontSet) -> None:
    """Raise MissingGlyph for the first character of the document no font can draw."""
    for field, text in document.texts():
        if text:
            fonts.check(text, field, LABELS.get(field, field))
    fonts.check(DRAFT_NUMBER + "送达回证", "template", LABELS["template"])


def preset_words(document: NoticeDocument, proof_of_service: bool) -> list[tuple[str, str]]:
    """(style, text) that a notice certainly prints and every notice of its template and
    office shares: its boilerplate, the page number's dashes, the QR code's caption, the
    proof of service's words."""
    words = [*document.boilerplate, ("page_number", page_number_text(1))]
    if document.draft:
        words += [("number", DRAFT_NUMBER), ("draft_mark", DRAFT_MARK)]
    elif document.verification:
        words.append(("qr_caption", "核验码"))
    if proof_of_service:
        words += proof_words()
    return words


def render_bytes(
    document: NoticeDocument, *, fonts: FontSet | None = None, proof_of_service: bool = True
) -> bytes:
    """The PDF of a notice (and its proof of service) as bytes."""
    fonts = fonts or default_fonts()
    check_glyphs(document, fonts)
    story = notice_story(document, fonts)
    if proof_of_service:
        story += [NextPageTemplate("proof"), PageBreak(), *proof_story(document, fonts)]
    buffer = io.BytesIO()
    preset = preset_words(document, proof_of_service)
    NoticeDocTemplate(buffer, document, fonts, preset=preset).build(story)
    return buffer.getvalue()


def render_notice(
    document: NoticeDocument,
    target: Path | str | BinaryIO,
    *,
    fonts: FontSet | None = None,
    proof_of_service: bool = True,
) -> None:
    """Write the PDF of a notice (with its proof of service) to a path or a binary file.

    Raises MissingGlyph, naming the character and the field, before anything is written.
    """
    data = render_bytes(document, fonts=fonts, proof_of_service=proof_of_service)
    if isinstance(target, str | Path):
        Path(target).write_bytes(data)
    else:
        target.write(data)


def render_many(
    documents: Iterable[NoticeDocument],
    folder: Path | str,
    progress: Callable[[int, int], None] | None = None,
    *,
    fonts: FontSet | None = None,
    proof_of_service: bool = True,
) -> list[Path]:
    """Write one PDF per notice into `folder` (named by number); return the paths.

    Every document is checked for missing glyphs first, so a MissingGlyph leaves no file
    written; `progress(done, total)` is called after each file.
    """
    docs = list(documents)
    fonts = fonts or default_fonts()
    for document in docs:
        try:
            check_glyphs(document, fonts)
        except MissingGlyph as error:
            error.args = (f"{document.number or document.file_stem()}：{error.args[0]}",)
            raise
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    used: set[str] = set()
    for done, document in enumerate(docs, start=1):
        stem = document.file_stem()
        name, n = stem, 1
        while name in used:
            n += 1
            name = f"{stem}-{n}"
        used.add(name)
        path = out / f"{name}.pdf"
        path.write_bytes(render_bytes(document, fonts=fonts, proof_of_service=proof_of_service))
        paths.append(path)
        if progress is not None:
            progress(done, len(docs))
    return paths
