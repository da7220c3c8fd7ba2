"""render_notice / render_many: files, progress, and the missing-glyph refusal."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.reports import (
    FontSet,
    MissingGlyph,
    build_document,
    render_many,
    render_notice,
)
from tests.reports.conftest import Content, Service, State


def test_render_to_a_binary_file(fonts: FontSet) -> None:
    out = io.BytesIO()
    render_notice(build_document(State()), out, fonts=fonts)
    assert out.getvalue().startswith(b"%PDF-")
    out2 = io.BytesIO()
    render_notice(build_document(State()), out2, fonts=fonts, proof_of_service=False)
    pages = len(PdfReader(io.BytesIO(out.getvalue())).pages)
    assert len(PdfReader(io.BytesIO(out2.getvalue())).pages) == pages - 1


def test_render_many_names_files_by_number_and_reports_progress(
    fonts: FontSet, tmp_path: Path
) -> None:
    states = [
        State(number="海环整改〔2026〕15号"),
        State(number="海环整改〔2026〕16号", service=Service()),
        State(number="海环整改〔2026〕16号"),
        State(number=None, issued_at=None),
    ]
    seen: list[tuple[int, int]] = []
    paths = render_many(
        [build_document(s) for s in states],
        tmp_path / "out",
        lambda done, total: seen.append((done, total)),
        fonts=fonts,
    )
    assert [p.name for p in paths] == [
        "海环整改〔2026〕15号.pdf",
        "海环整改〔2026〕16号.pdf",
        "海环整改〔2026〕16号-2.pdf",
        "草稿-3f2a9c1e.pdf",
    ]
    assert seen == [(1, 4), (2, 4), (3, 4), (4, 4)]
    assert all(p.read_bytes().startswith(b"%PDF-") for p in paths)


def test_a_character_no_font_has_is_refused_before_writing(fonts: FontSet, tmp_path: Path) -> None:
    doc = build_document(State(content=Content(party_name="连云港市𠀀𠀀有限公司")))
    target = tmp_path / "notice.pdf"
    with pytest.raises(MissingGlyph) as caught:
        render_notice(doc, target, fonts=fonts)
    assert caught.value.char == "𠀀" and caught.value.field == "party_name"
    assert "“当事人名称”中的字“𠀀”(U+20000)没有字体可以显示" in str(caught.value)
    assert not target.exists()


def test_a_batch_with_one_bad_notice_writes_nothing(fonts: FontSet, tmp_path: Path) -> None:
    good = build_document(State())
    bad = build_document(State(number="海环整改〔2026〕17号", service=Service(witness="周𠀀")))
    with pytest.raises(MissingGlyph) as caught:
        render_many([good, bad], tmp_path / "batch", fonts=fonts)
    assert caught.value.field == "witness"
    assert str(caught.value).startswith("海环整改〔2026〕17号：“见证人”")
    assert not (tmp_path / "batch").exists() or not any((tmp_path / "batch").iterdir())


def test_default_fonts_are_used_when_none_are_given(tmp_path: Path) -> None:
    target = tmp_path / "default.pdf"
    render_notice(build_document(State()), target)
    assert len(PdfReader(target).pages) >= 2
