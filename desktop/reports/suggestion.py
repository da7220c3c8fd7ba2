"""The commission's printed suggestion: 纪律检查建议书, 监察建议书 or 督办函, on the notices'
GB/T 9704 page (`desktop.reports.notice_pdf`).

`SuggestionFields` holds what the document says as display data; `render_suggestion` writes
the PDF: the issuer's name and the title (关于……的纪律检查建议书), the number, the addressee
(主送), the facts and problems found, the basis and the lead-in, the numbered requests, the
sentence asking for the written 整改落实情况 by the reply deadline, the note of the attachment,
the signature block with the date (room for the seal), 抄送 when given, and the list of the
clues concerned as an attachment starting a page of its own.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import BinaryIO

from reportlab.platypus import Flowable
from reportlab.platypus.flowables import CondPageBreak, PageBreak

from desktop.reports.decision import DecisionFieldError
from desktop.reports.documents import Block, NoticeDocument, day_cn
from desktop.reports.flowables import Signature, TextBlock
from desktop.reports.fonts import FontSet, default_fonts
from desktop.reports.geometry import STYLES, TextStyle
from desktop.reports.notice_pdf import DRAFT_NUMBER, NoticeDocTemplate
from desktop.reports.numerals import chinese_count

KIND = "suggestion"
ATTACHMENT_TITLE = "涉及线索清单"


class SuggestionKind(StrEnum):
    """The three documents of the commission's re-supervision."""

    DISCIPLINE = "discipline"
    SUPERVISION = "supervision"
    URGING = "urging"

    @property
    def document(self) -> str:
        """The document's name, the end of its title: 纪律检查建议书."""
        return _DOCUMENTS[self]

    @property
    def noun(self) -> str:
        """What the document puts forward, as its lead-in names it: 纪律检查建议."""
        return _NOUNS[self]


_DOCUMENTS = {
    SuggestionKind.DISCIPLINE: "纪律检查建议书",
    SuggestionKind.SUPERVISION: "监察建议书",
    SuggestionKind.URGING: "督办函",
}
_NOUNS = {
    SuggestionKind.DISCIPLINE: "纪律检查建议",
    SuggestionKind.SUPERVISION: "监察建议",
    SuggestionKind.URGING: "督办意见",
}

LABELS = {
    "kind": "文书种类",
    "issuer": "发文机关",
    "number": "文号",
    "addressee": "主送单位",
    "subject": "事由",
    "body": "发现的问题",
    "basis": "依据",
    "requests": "建议事项",
    "reply_due": "回复期限",
    "issued_on": "成文日期",
    "copy_to": "抄送",
    "clues": "涉及线索",
}
"""The Chinese name of each field, for errors and MissingGlyph."""


class SuggestionFieldError(DecisionFieldError):
    """A suggestion that cannot print; `field` names what is missing or wrong."""


@dataclass(frozen=True)
class SuggestionFields:
    """What a printed suggestion says (a draft has no number).

    `issuer` is the commission's legal name (中共连云港市海州区纪律检查委员会 for a 纪律检查建议,
    连云港市海州区监察委员会 for a 监察建议, either for a 督办函); `subject` the matter the
    title names after 关于 (督促加强生态环境信访举报线索签收办理工作); `body` the paragraphs of
    facts and problems found; `basis` the provisions cited (《中华人民共和国监察法》第四十五条);
    `requests` the requests, numbered when printed; `clues` the clues concerned as (code,
    title), printed as the attachment.
    """

    kind: SuggestionKind
    issuer: str
    number: str | None
    addressee: str
    subject: str
    body: tuple[str, ...]
    basis: tuple[str, ...]
    requests: tuple[str, ...]
    reply_due: date
    issued_on: date
    copy_to: str = ""
    clues: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        if not isinstance(self.kind, SuggestionKind):
            raise SuggestionFieldError("kind", "应为纪律检查建议书、监察建议书或督办函", "文书种类")
        for key in ("issuer", "addressee", "subject"):
            if not str(getattr(self, key)).strip():
                raise SuggestionFieldError(key, "不能为空", LABELS[key])
        if self.number is not None and not self.number.strip():
            raise SuggestionFieldError("number", "不能为空（草稿不填文号）", LABELS["number"])
        for key in ("body", "basis", "requests"):
            items = getattr(self, key)
            if not items or not all(str(item).strip() for item in items):
                raise SuggestionFieldError(key, "至少填写一项，且各项不能为空", LABELS[key])
        if self.reply_due <= self.issued_on:
            raise SuggestionFieldError("reply_due", "必须晚于成文日期", LABELS["reply_due"])
        for code, _title in self.clues:
            if not code.strip():
                raise SuggestionFieldError("clues", "线索编号不能为空", LABELS["clues"])

    def label(self, key: str) -> str:
        """The Chinese name of a field."""
        return LABELS.get(key.split(".")[0], key)

    @property
    def title(self) -> str:
        """The title: 关于……的纪律检查建议书."""
        subject = self.subject.strip().removeprefix("关于").removesuffix("的")
        return f"关于{subject}的{self.kind.document}"

    def texts(self) -> list[tuple[str, str]]:
        """Every input printed, as (field, text)."""
        found = [
            ("issuer", self.issuer),
            ("number", self.number or ""),
            ("addressee", self.addressee),
            ("subject", self.subject),
            ("copy_to", self.copy_to),
        ]
        found += [("body", text) for text in self.body]
        found += [("basis", text) for text in self.basis]
        found += [("requests", text) for text in self.requests]
        for code, title in self.clues:
            found += [("clues", code), ("clues", title)]
        return found


def _sentence(text: str) -> str:
    """A request as an item ends: with its own full stop (or other closing mark) kept."""
    text = text.strip()
    return text if text.endswith(("。", "！", "？", "；", "：")) else text + "。"


def suggestion_blocks(fields: SuggestionFields) -> tuple[Block, ...]:
    """The blocks of the text between the number and the signature, in order."""
    blocks = [Block("addressee", f"{fields.addressee.strip()}：")]
    blocks += [Block("body", text.strip()) for text in fields.body]
    basis = "、".join(text.strip() for text in fields.basis)
    blocks.append(Block("body", f"根据{basis}的规定，现提出如下{fields.kind.noun}："))
    for n, text in enumerate(fields.requests, start=1):
        blocks.append(Block("item", f"{chinese_count(n)}、{_sentence(text)}"))
    due = day_cn(fields.reply_due)
    blocks.append(Block("body", f"请你单位于{due}前将整改落实情况书面报送我委，并附相关佐证材料。"))
    if fields.clues:
        blocks.append(Block("attachment_note", f"附件：{ATTACHMENT_TITLE}"))
    return tuple(blocks)


def clue_lines(fields: SuggestionFields) -> tuple[str, ...]:
    """The attachment's lines: 1．LYG2026000123　标题."""
    return tuple(
        f"{n}．{code.strip()}　{title.strip()}".rstrip()
        for n, (code, title) in enumerate(fields.clues, start=1)
    )


def build_suggestion_document(fields: SuggestionFields) -> NoticeDocument:
    """The printed form of a suggestion as the notices' document type (kind "suggestion")."""
    number = fields.number.strip() if fields.number is not None else None
    return NoticeDocument(
        kind=KIND,
        title=fields.title,
        number=number,
        blocks=suggestion_blocks(fields),
        authority=fields.issuer.strip(),
        date=day_cn(fields.issued_on),
        attachment_heading="附件" if fields.clues else None,
        attachments=tuple((line, "") for line in clue_lines(fields)),
        inputs=tuple(fields.texts()),
    )


_STYLES = {
    "attachment_note": replace(STYLES["body"], space_before=1),
    "copy_to": replace(STYLES["addressee"], space_before=1, left_indent=1),
    "list_title": STYLES["title"],
    "list_item": STYLES["addressee"],
}


def _style(name: str) -> TextStyle:
    return _STYLES.get(name) or STYLES[name]


def _add(story: list[Flowable], text: str, style_name: str, fonts: FontSet) -> None:
    style = _style(style_name)
    if style.orphan_lines:
        lines = style.space_before + 1 + style.orphan_lines
        story.append(CondPageBreak(lines * style.line))
    story.append(TextBlock(text, style, fonts))


def suggestion_story(
    document: NoticeDocument, fields: SuggestionFields, fonts: FontSet
) -> list[Flowable]:
    """The flowables of the suggestion: head, text, signature, 抄送, then the attachment."""
    story: list[Flowable] = []
    _add(story, document.authority, "title", fonts)
    _add(story, document.title, "title", fonts)
    _add(story, document.number or DRAFT_NUMBER, "number", fonts)
    for block in document.blocks:
        _add(story, block.text, block.style, fonts)
    # the signature never stands alone on a page, nor with the 附件 note only
    kept = 2 if document.attachment_heading else 1
    for flowable in story[-kept:]:
        flowable.keepWithNext = True
    story.append(Signature(document.authority, document.date, fonts, draft=document.draft))
    if fields.copy_to.strip():
        _add(story, f"抄送：{fields.copy_to.strip()}。", "copy_to", fonts)
    if document.attachment_heading:
        story.append(PageBreak())  # the attachment starts a page of its own
        _add(story, document.attachment_heading, "attachment_heading", fonts)
        _add(story, ATTACHMENT_TITLE, "list_title", fonts)
        for line, _ in document.attachments:
            _add(story, line, "list_item", fonts)
    return story


def render_suggestion_bytes(fields: SuggestionFields, *, fonts: FontSet | None = None) -> bytes:
    """The PDF of a suggestion as bytes; MissingGlyph names the field of a character no font
    can draw."""
    fonts = fonts or default_fonts()
    document = build_suggestion_document(fields)
    for key, text in fields.texts():
        if text:
            fonts.check(text, key, fields.label(key))
    fonts.check(DRAFT_NUMBER + "".join(b.text for b in document.blocks), "template", "文书模板")
    buffer = io.BytesIO()
    NoticeDocTemplate(buffer, document, fonts).build(suggestion_story(document, fields, fonts))
    return buffer.getvalue()


def render_suggestion(
    fields: SuggestionFields, target: Path | str | BinaryIO, *, fonts: FontSet | None = None
) -> None:
    """Write the PDF of a suggestion to a path or a binary file."""
    data = render_suggestion_bytes(fields, fonts=fonts)
    if isinstance(target, str | Path):
        Path(target).write_bytes(data)
    else:
        target.write(data)


__all__ = [
    "SuggestionFieldError",
    "SuggestionFields",
    "SuggestionKind",
    "build_suggestion_document",
    "render_suggestion",
    "render_suggestion_bytes",
]
