"""A batch shares its font subsets, yet each PDF stands alone: it embeds every glyph it draws
and nothing of another notice's text, and reads and looks as it would printed alone."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.reports import FontSet, NoticeDocument, build_document
from tests.reports.conftest import Content, Service, State, long_facts, poppler

ROOT = Path(__file__).resolve().parents[2]
PARTIES = ("鑫淼犇化工有限公司", "焱垚金属制品厂", "连云港某某洗涤店", "赟喆印染有限公司")
"""Parties with characters no template prints, so a leak between notices would show."""

ALONE = """
import sys
from pathlib import Path
from desktop.reports import FontSet, render_bytes
from tests.reports.test_batch_subsets import batch_documents
document = batch_documents()[int(sys.argv[1])]
Path(sys.argv[2]).write_bytes(render_bytes(document, fonts=FontSet.bundled()))
"""


def batch_documents() -> list[NoticeDocument]:
    """Fifty notices of both kinds, each with its own party, facts and service."""
    docs = []
    for i in range(50):
        party = PARTIES[i % len(PARTIES)]
        facts = long_facts(1 + i % 3) + f"另查明，{party}于2026年{i % 12 + 1}月擅自停运设施。"
        content = Content(party_name=party, facts=facts, address=f"海州区工业路{i + 1}号")
        state = State(
            kind="correction_order" if i % 3 == 2 else "rectification",
            number=f"海环整改〔2026〕{i + 1}号",
            verification=f"V{i:05d}",
            content=content,
            service=Service() if i % 2 else None,
        )
        docs.append(build_document(state))
    return docs


def mapped_characters(path: Path) -> set[str]:
    """Every character the PDF's fonts map a code to (their ToUnicode maps), codes of the
    ASCII part of the first subset left out."""
    chars: set[str] = set()
    reader = PdfReader(path)
    for page in reader.pages:
        fonts = page["/Resources"]["/Font"]
        for ref in fonts.values():
            font = ref.get_object()
            data = font["/ToUnicode"].get_object().get_data().decode("latin-1")
            first = str(font["/BaseFont"]).startswith("/AAAAAA+")
            pairs = "".join(re.findall(r"beginbfchar(.*?)endbfchar", data, re.S))
            for code, text in re.findall(r"<([0-9A-F]{2})> <([0-9A-F]+)>", pairs):
                if first and int(code, 16) < 128:
                    continue
                char = bytes.fromhex(text).decode("utf-16-be")
                if char != "\x00" and not char.isspace():
                    chars.add(char)
    return chars


def printed(document: NoticeDocument) -> set[str]:
    """The characters a notice prints (its texts, the page numbers, the QR caption, the
    proof of service's own words)."""
    from desktop.reports.notice_pdf import preset_words

    texts = [text for _, text in document.texts()]
    texts += [text for _, text in preset_words(document, True)]
    texts.append(f"核验码 {document.verification}{document.number or ''}0123456789■")
    return {c for c in "".join(texts) if not c.isspace()}


BATCH = """
import json, sys
from pathlib import Path
from desktop.reports import FontSet, render_many
from tests.reports.test_batch_subsets import batch_documents
paths = render_many(batch_documents(), Path(sys.argv[1]), fonts=FontSet.bundled())
print(json.dumps([str(p) for p in paths]))
"""


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[NoticeDocument], list[Path]]:
    """The fifty notices printed in one batch by a fresh process (what printed before in
    this process, e.g. another kind of document, may have filled the shared subsets
    differently: the same look and text, not the same bytes)."""
    docs = batch_documents()
    folder = tmp_path_factory.mktemp("batch")
    env = {**os.environ, "CLUEDESK_FONT_CACHE": str(tmp_path_factory.mktemp("batch-cache"))}
    done = subprocess.run(
        [sys.executable, "-c", BATCH, str(folder)],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=600,
        capture_output=True,
        text=True,
    )
    paths = [Path(p) for p in json.loads(done.stdout.splitlines()[-1])]
    assert len(paths) == len(docs)
    return docs, paths


def render_alone(index: int, path: Path, cache: Path) -> Path:
    """The notice `index` printed alone by a fresh process (nothing shared, nothing kept)."""
    env = {**os.environ, "CLUEDESK_FONT_CACHE": str(cache)}
    subprocess.run(
        [sys.executable, "-c", ALONE, str(index), str(path)],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=120,
    )
    return path


def pixels(pdf: Path, folder: Path) -> list[bytes]:
    """Each page rendered at 60 dpi (pdftoppm, PPM): its bytes."""
    prefix = folder / pdf.stem
    poppler("pdftoppm", "-r", "60", str(pdf), str(prefix))
    return [p.read_bytes() for p in sorted(folder.glob(f"{pdf.stem}*.ppm"))]


@pytest.mark.parametrize("index", [0, 49])
def test_a_notice_printed_alone_and_in_a_batch_reads_and_looks_the_same(
    batch: tuple[list[NoticeDocument], list[Path]], index: int, tmp_path: Path
) -> None:
    _, paths = batch
    alone = render_alone(index, tmp_path / "alone.pdf", tmp_path / "cache")
    in_batch = paths[index]
    assert poppler("pdftotext", "-layout", str(alone), "-") == poppler(
        "pdftotext", "-layout", str(in_batch), "-"
    )
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    pages = pixels(alone, tmp_path / "a")
    assert len(pages) >= 3
    assert pages == pixels(in_batch, tmp_path / "b")
    assert alone.read_bytes() == in_batch.read_bytes(), "the same notice, the same file"


def test_each_pdf_of_a_batch_embeds_its_fonts_and_reads_back_its_own_text(
    batch: tuple[list[NoticeDocument], list[Path]],
) -> None:
    docs, paths = batch
    for document, path in zip(docs, paths, strict=True):
        fonts = poppler("pdffonts", str(path)).splitlines()[2:]
        assert fonts and all(line.split()[-5:-3] == ["yes", "yes"] for line in fonts), fonts
        text = re.sub(r"\s+", "", poppler("pdftotext", str(path), "-"))
        party = document.proof.addressee if document.proof else ""
        assert party and text.count(party) >= 2, path.name
        assert document.number and document.number in text
        others = {p for p in PARTIES if p != party}
        assert not any(other in text for other in others)


def test_no_pdf_of_a_batch_embeds_characters_it_does_not_print(
    batch: tuple[list[NoticeDocument], list[Path]],
) -> None:
    docs, paths = batch
    for document, path in zip(docs, paths, strict=True):
        extra = mapped_characters(path) - printed(document)
        assert not extra, f"{path.name} embeds {''.join(sorted(extra))}"


def test_notices_of_one_template_share_their_first_subsets(
    batch: tuple[list[NoticeDocument], list[Path]],
) -> None:
    """The template's words are subset once: two notices with different parties and facts
    embed the very same first subset of the body font."""
    docs, paths = batch
    first, second = paths[0], paths[3]  # both rectifications, other parties and facts
    assert docs[0].kind == docs[3].kind == "rectification"

    def programs(path: Path) -> dict[str, bytes]:
        out = {}
        for page in PdfReader(path).pages:
            for ref in page["/Resources"]["/Font"].values():
                font = ref.get_object()
                descriptor = font["/FontDescriptor"].get_object()
                out[str(font["/BaseFont"])] = descriptor["/FontFile2"].get_object().get_data()
        return out

    a, b = programs(first), programs(second)
    shared = [name for name in a if name.startswith("/AAAAAA+") and a[name] == b.get(name)]
    assert shared, "the first subsets of the body font differ"
    assert a != b, "the notices' own characters are subset apart"


def test_notices_printed_at_once_in_threads_are_the_ones_printed_in_turn(
    batch: tuple[list[NoticeDocument], list[Path]],
) -> None:
    """The shared subsets and layouts hold up when workers print at the same time."""
    from concurrent.futures import ThreadPoolExecutor

    from desktop.reports import render_bytes

    docs, _ = batch
    fonts = FontSet.bundled()
    in_turn = [render_bytes(d, fonts=fonts) for d in docs[:16]]
    with ThreadPoolExecutor(4) as pool:
        printed_at_once = list(pool.map(lambda d: render_bytes(d, fonts=fonts), docs[:16]))
    assert printed_at_once == in_turn


def test_a_plain_font_registered_first_for_the_same_face_does_not_replace_ours() -> None:
    """The demo's evidence files register a bundled face as reportlab's plain TTFont; a
    notice printed later in the same process (a fresh one here) still draws with its own
    fonts, whose subsets are shared and made one thread at a time."""
    code = (
        "from reportlab.pdfbase import pdfmetrics\n"
        "from desktop.demo.evidence import _pdf\n"
        "from desktop.reports.fonts import ROLES, FontSet\n"
        "_pdf('证据', ['现场照片说明'])\n"
        "fonts = FontSet.bundled()\n"
        "names = {n for role in ROLES for n in fonts.font_names(role)}\n"
        "print(sorted({type(pdfmetrics.getFont(n)).__name__ for n in names}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "['SharedSubsetFont']", done.stdout
