"""The modules of a notice's QR code: reportlab's own encoder, its mask chosen faster.

reportlab's `QRCode.getBestMaskPattern` lays the whole symbol out eight times and scores each
mask with per-module Python loops (about 5 ms of a notice). `qr_modules` lays it out once,
flips the data modules for each mask with integer rows, and scores the eight candidates by
the very rules of `QRUtil.getLostPoint` (run lengths across and down, 2 × 2 blocks, the
finder-like pattern along rows only, the dark share), so it picks the same mask and draws the
same symbol module for module (tests/reports/test_qr_matrix.py compares them).
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache
from itertools import zip_longest
from typing import Any

from reportlab.graphics.barcode import qrencoder

_RUNS = re.compile(r"0{5,}|1{5,}")
_FINDER = "10111010000"
"""The pattern reportlab's rule 3 looks for (only in rows: its column pass compares tuples
with a list and never matches)."""


def _rows(modules: list[list[bool]]) -> list[int]:
    """Each row as an integer, the first column in the highest bit."""
    return [int("".join("1" if m else "0" for m in row), 2) for row in modules]


@lru_cache(maxsize=64)
def _flips(version: int, positions: tuple[tuple[int, int], ...]) -> tuple[tuple[int, ...], ...]:
    """For each mask, the rows' bits where it differs from mask 0 on data modules."""
    count = version * 4 + 17
    out = []
    first = qrencoder.QRUtil.getMask(0)
    for pattern in range(8):
        mask = qrencoder.QRUtil.getMask(pattern)
        rows = [0] * count
        for col, row in positions:
            if bool(mask(row, col)) != bool(first(row, col)):
                rows[row] |= 1 << (count - 1 - col)
        out.append(tuple(rows))
    return tuple(out)


@lru_cache(maxsize=64)
def _layout(
    version: int, level: int
) -> tuple[tuple[int, ...], tuple[tuple[int, int], ...], tuple[int, ...]]:
    """A version's function patterns (format information left light, as reportlab's test
    layouts have it) with the data modules light, the data modules' places in reportlab's
    order (column, row), and mask 0 on them: each row an integer."""
    qr = qrencoder.QRCode(version, level)
    total = sum(b.totalCount for b in qrencoder.QRRSBlock.getRSBlocks(version, level))
    qr.dataCache = [0] * total
    qr.makeImpl(True, 0)
    count = qr.moduleCount
    positions = tuple(qr.dataPosIterator())
    data = [0] * count
    for col, row in positions:
        data[row] |= 1 << (count - 1 - col)
    rows = _rows(qr.modules)
    patterns = tuple(r & ~d for r, d in zip(rows, data, strict=True))
    return patterns, positions, tuple(r & d for r, d in zip(rows, data, strict=True))


@lru_cache(maxsize=32)
def _generator(count: int) -> tuple[int, ...]:
    """The logs of the Reed-Solomon generator polynomial's coefficients after the leading 1
    (reportlab's QRUtil.getErrorCorrectPolynomial, made once per length)."""
    poly = qrencoder.QRUtil.getErrorCorrectPolynomial(count)
    return tuple(qrencoder.QRMath.glog(poly.get(i)) for i in range(1, count + 1))


def error_correction(data: list[int], count: int) -> list[int]:
    """The `count` error-correction codewords of a block of data codewords."""
    exp, log = qrencoder.EXP_TABLE, qrencoder.LOG_TABLE
    generator = _generator(count)
    rest = [0] * count
    for byte in data:
        factor = byte ^ rest[0]
        rest = rest[1:] + [0]
        if factor:
            shift = log[factor]
            rest = [r ^ exp[(g + shift) % 255] for r, g in zip(rest, generator, strict=True)]
    return rest


def codewords(version: int, level: int, items: list[Any]) -> list[int]:
    """The symbol's codewords, data and error correction interleaved (reportlab's
    QRCode.createData and createBytes, the division done on integers)."""
    blocks = qrencoder.QRRSBlock.getRSBlocks(version, level)
    buffer = qrencoder.QRBitBuffer()
    for item in items:
        item.write(buffer, version)
    capacity = sum(block.dataCount for block in blocks) * 8
    if buffer.getLengthInBits() > capacity:
        raise ValueError(f"code length overflow. ({buffer.getLengthInBits()} > {capacity})")
    if buffer.getLengthInBits() + 4 <= capacity:
        buffer.put(0, 4)
    while buffer.getLengthInBits() % 8:
        buffer.putBit(False)
    pads = (qrencoder.QRCode.PAD0, qrencoder.QRCode.PAD1)
    while buffer.getLengthInBits() < capacity:
        buffer.put(pads[0], 8)
        if buffer.getLengthInBits() >= capacity:
            break
        buffer.put(pads[1], 8)
    offset = 0
    data: list[list[int]] = []
    correction: list[list[int]] = []
    for block in blocks:
        data.append(buffer.buffer[offset : offset + block.dataCount])
        offset += block.dataCount
        correction.append(error_correction(data[-1], block.totalCount - block.dataCount))
    return [
        d
        for group in itertools.chain(zip_longest(*data), zip_longest(*correction))
        for d in group
        if d is not None
    ]


def lost_points(rows: list[int], count: int) -> int:
    """The penalty of a symbol (rows as integers) as reportlab's QRUtil.getLostPoint counts."""
    lines = [format(r, f"0{count}b") for r in rows]
    columns = ["".join(c) for c in zip(*lines, strict=True)]
    score = sum(m.end() - m.start() - 2 for m in _RUNS.finditer("|".join(lines + columns)))
    score += 40 * "|".join(line[:-1] for line in lines).count(_FINDER)
    pairs = (1 << (count - 1)) - 1
    for upper, lower in zip(rows, rows[1:], strict=False):
        same = ~(upper ^ lower)
        blocks = same & (same >> 1) & ~(upper ^ (upper >> 1)) & pairs
        score += 3 * blocks.bit_count()
    dark = sum(r.bit_count() for r in rows)
    return score + 10 * (abs(100 * dark // (count * count) - 50) // 5)


class _QRCode(qrencoder.QRCode):
    """reportlab's QR code, laid out once and its mask chosen on integer rows."""

    def make(self) -> None:
        """Lay the symbol out once (function patterns and data under mask 0), pick the mask
        reportlab would pick, flip the data modules to it and write the format information."""
        if self.version is None:
            self.version = self.calculate_version()
        data = codewords(self.version, self.errorCorrectLevel, self.dataList)
        patterns, positions, first_mask = _layout(self.version, self.errorCorrectLevel)
        count = self.moduleCount = self.version * 4 + 17
        placed = [0] * count
        bits = ((byte >> shift) & 1 for byte in data for shift in range(7, -1, -1))
        for (col, row), bit in zip(positions, bits, strict=False):
            if bit:
                placed[row] |= 1 << (count - 1 - col)
        # what makeImpl(True, 0) lays out: the patterns, and the data under mask 0
        base = [p | (d ^ m) for p, d, m in zip(patterns, placed, first_mask, strict=True)]
        flips = _flips(self.version, positions)
        best, lowest = 0, -1
        for pattern, flip in enumerate(flips):
            score = lost_points([b ^ f for b, f in zip(base, flip, strict=True)], count)
            if lowest < 0 or score < lowest:
                best, lowest = pattern, score
        self.modules = [
            [c == "1" for c in format(b ^ f, f"0{count}b")]
            for b, f in zip(base, flips[best], strict=True)
        ]
        self.setupTypeInfo(False, best)
        if self.version >= 7:
            self.setupTypeNumber(False)


def qr_modules(data: str) -> list[list[bool]]:
    """The dark (True) and light modules of `data` as a QR code, error correction M."""
    qr = _QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    qr.addData(data)
    qr.make()
    return [[bool(m) for m in row] for row in qr.modules]
