"""The demo's evidence files: a small fixed set, the same bytes every time, valid files."""

from __future__ import annotations

import hashlib
import struct
import zlib
from collections import Counter
from random import Random

from desktop.demo.evidence import HEIGHT, WIDTH, EvidencePicker, evidence_by_sha, evidence_files
from desktop.domain.codes import Category, Finding


def _png_pixels(data: bytes) -> tuple[int, int, bytes]:
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    at, idat, size = 8, b"", (0, 0)
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        kind, body = data[at + 4 : at + 8], data[at + 8 : at + 8 + length]
        (crc,) = struct.unpack(">I", data[at + 8 + length : at + 12 + length])
        assert zlib.crc32(kind + body) & 0xFFFFFFFF == crc
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert (depth, colour) == (8, 2)
            size = (width, height)
        elif kind == b"IDAT":
            idat += body
        at += 12 + length
    return size[0], size[1], zlib.decompress(idat)


def test_a_small_fixed_set_of_valid_files() -> None:
    files = evidence_files()
    assert 6 <= len(files) <= 10
    assert len({f.sha256 for f in files}) == len(files) == len({f.name for f in files})
    for item in files:
        assert item.sha256 == hashlib.sha256(item.data).hexdigest()
        assert item.size == len(item.data) < 64 * 1024
        if item.media_type == "image/png":
            assert item.name.startswith("现场照片") and item.name.endswith(".png")
            width, height, raw = _png_pixels(item.data)
            assert (width, height) == (WIDTH, HEIGHT)
            stride = width * 3 + 1
            assert len(raw) == height * stride
            pixels = Counter(
                raw[y * stride + 1 + x * 3 : y * stride + 4 + x * 3]
                for y in range(0, height, 4)
                for x in range(0, width, 4)
            )
            assert 8 <= len(pixels) <= 600  # flat shapes and gradients: a picture, not noise
        else:
            assert item.media_type == "application/pdf" and item.name.endswith(".pdf")
            assert item.data.startswith(b"%PDF-") and b"%%EOF" in item.data[-64:]
            assert b"D:20000101000000" in item.data  # invariant: no real creation date
    assert evidence_by_sha() == {f.sha256: f for f in files}
    assert evidence_files() is files  # made once


def test_the_same_bytes_every_time() -> None:
    from desktop.demo import evidence

    again = [evidence._photo(draw) for _, _, draw in evidence._PHOTOS]
    assert again == [f.data for f in evidence_files() if f.media_type == "image/png"]
    pdfs = [evidence._pdf(*text) for _, _, text in evidence._PDFS]
    assert pdfs == [f.data for f in evidence_files() if f.media_type == "application/pdf"]


def test_reports_cite_a_couple_of_fitting_files() -> None:
    picker = EvidencePicker()
    rng = Random(5)
    names = {f.sha256: f.name for f in evidence_files()}
    for finding in (Finding.TRUE, Finding.PARTLY_TRUE):
        counts = []
        for category in Category:
            for _ in range(40):
                cited = picker.cite(rng, category, finding)
                assert 1 <= len(cited) <= 4
                assert len({c["sha256"] for c in cited}) == len(cited)
                assert all(names[c["sha256"]] == c["name"] for c in cited)
                assert cited[0]["name"].startswith("现场照片")
                counts.append(len(cited))
        assert 1.5 <= sum(counts) / len(counts) <= 2.6
    untrue = [picker.cite(rng, Category.WATER, Finding.UNTRUE) for _ in range(200)]
    assert 0.1 <= sum(bool(c) for c in untrue) / 200 <= 0.5
    water = Counter(picker.cite(rng, Category.WATER, Finding.TRUE)[0]["name"] for _ in range(100))
    assert set(water) <= {"现场照片-排放口.png", "现场照片-河道水面.png"}
