"""The proof of service (送达回证): its own page after the notice, sharing the notice's number.

A ruled table with every field of the standard form: 送达文书名称及文号, 受送达人, 送达地点,
送达方式, 收件人签名或盖章 and 收件日期, 代收人及代收理由, 见证人 (for 留置送达), 送达人 and
送达时间, 备注; then the issuing authority and the date, with room for the seal. Fields not
yet known print blank (or as 年 月 日 时 分) to be filled by hand.
"""

from __future__ import annotations

from reportlab.lib.colors import black
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table, TableStyle

from desktop.reports.documents import METHODS, NoticeDocument, ProofFields
from desktop.reports.flowables import Signature, TextBlock
from desktop.reports.fonts import FANGSONG, FontSet
from desktop.reports.geometry import BLOCK_WIDTH, STYLES

COLUMNS = (38 * mm, 50 * mm, 24 * mm, BLOCK_WIDTH - 112 * mm)
"""Label, value, second label (dates), second value; spanning rows use the last three."""
PROOF_TITLE = "送达回证"
BLANK_TIME = "　　年　　月　　日\n　　时　　分"
LABELS = (
    "送达文书\n名称及文号",
    "受送达人",
    "送达地点",
    "送达方式",
    "收件人签名\n或盖章",
    "收件日期",
    "代收人及\n代收理由",
    "见证人\n（留置送达时）",
    "送达人",
    "送达时间",
    "备注",
)
"""The labels of the table, in its order."""


def two_lines(moment: str) -> str:
    """A printed time with the date and the hour on two lines (2026年3月6日 / 10时05分)."""
    return moment.replace("日", "日\n", 1) if moment else BLANK_TIME


def method_text(chosen: str) -> str:
    """Every service method with a box; the recorded one filled (■), the others open (□)."""
    boxes = [("■" if label == chosen else "□") + label for _, label in METHODS]
    return "　".join(boxes[:3]) + "\n" + "　".join(boxes[3:])


def proof_table(proof: ProofFields, fonts: FontSet) -> Table:
    """The ruled table of the proof of service."""
    label = STYLES["cell_label"]
    cell = STYLES["cell"]

    def lab(text: str) -> TextBlock:
        return TextBlock(text, label, fonts)

    def val(text: str, lines: int = 1) -> TextBlock:
        return TextBlock(text, cell, fonts, min_lines=lines)

    (document, addressee, place, method, signed, received, proxy, witness, servers) = LABELS[:9]
    served, note = LABELS[9:]
    rows: list[list[Flowable | str]] = [
        [lab(document), val(proof.document, 2), "", ""],
        [lab(addressee), val(proof.addressee, 2), "", ""],
        [lab(place), val(proof.place, 2), "", ""],
        [lab(method), val(method_text(proof.method), 2), "", ""],
        [lab(signed), val("", 3), lab(received), val(two_lines(proof.received_at), 2)],
        [lab(proxy), val(proof.proxy, 2), "", ""],
        [lab(witness), val(proof.witness, 2), "", ""],
        [lab(servers), val(proof.servers, 2), lab(served), val(two_lines(proof.served_at), 2)],
        [lab(note), val(proof.note, 2), "", ""],
    ]
    spans = [("SPAN", (1, r), (3, r)) for r, row in enumerate(rows) if row[2] == ""]
    table = Table(rows, colWidths=list(COLUMNS), hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), fonts.first_font(FANGSONG)),
                ("GRID", (0, 0), (-1, -1), 0.75, black),
                ("BOX", (0, 0), (-1, -1), 1.5, black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 5),
                ("RIGHTPADDING", (0, 0), (-1, -1), 5),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                *spans,
            ]
        )
    )
    return table


def proof_words() -> list[tuple[str, str]]:
    """(style, text) that every proof of service prints: its title, labels, the service
    methods and the words of its dates."""
    cells = method_text("") + "年月日时分"
    return [("proof_title", PROOF_TITLE), *(("cell_label", t) for t in LABELS), ("cell", cells)]


def proof_story(document: NoticeDocument, fonts: FontSet) -> list[Flowable]:
    """The flowables of the proof-of-service page."""
    proof = document.proof or ProofFields(document=document.title, addressee="")
    return [
        TextBlock(PROOF_TITLE, STYLES["proof_title"], fonts),
        proof_table(proof, fonts),
        Signature(document.authority, document.date, fonts, draft=document.draft),
    ]
