"""The QR code's faster mask choice draws the very symbol reportlab's encoder draws."""

from __future__ import annotations

import random

import pytest
from reportlab.graphics.barcode import qrencoder

from desktop.reports.qr_matrix import qr_modules


def reportlab_modules(data: str) -> list[list[bool]]:
    """The symbol as reportlab lays it out and masks it (eight full layouts)."""
    qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    qr.addData(data)
    qr.make()
    return [[bool(m) for m in row] for row in qr.modules]


def samples() -> list[str]:
    """Notice numbers with verification codes, and random strings of many lengths (so many
    versions, with and without version information, and every mask get chosen)."""
    rng = random.Random(16)
    alphabet = "海环整改〔2026〕号|V:0123456789ABCxyz草稿 "
    fixed = [f"海环整改〔2026〕{n}号|V:{(n * 7919) % 1_000_000:06d}" for n in range(1, 40)]
    fixed += ["草稿|V:", "1", "A" * 300]
    return fixed + [
        "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 300))) for _ in range(60)
    ]


@pytest.mark.parametrize("data", samples())
def test_the_symbol_is_reportlabs_module_for_module(data: str) -> None:
    assert qr_modules(data) == reportlab_modules(data)


def test_every_mask_is_chosen_somewhere() -> None:
    """The samples exercise the choice: more than one mask wins among them."""
    chosen = set()
    for data in samples():
        qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
        qr.addData(data)
        qr.make()
        chosen.add(qr.getBestMaskPattern())
    assert len(chosen) >= 4
