"""The demo's evidence files: a small fixed set of site photos and inspection records that
demo reports cite (a 属实 or 部分属实 finding must be backed by evidence).

The files are made here, byte for byte the same on every run: the photos are drawn into
small PNG images by a tiny encoder (flat shapes in the colours of a site photo, with the
dark strip a watermark camera prints its time and place on), the records are short PDFs
set in the bundled 文泉驿微米黑 font by reportlab (invariant mode: no dates, no random ids).
They are made once per process, when first asked for.
"""

from __future__ import annotations

import hashlib
import io
import os
import struct
import tempfile
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from random import Random

from desktop.domain.codes import Category, Finding

WIDTH, HEIGHT = 320, 240
"""The size of a demo photo in pixels (4:3, as a phone takes them, much reduced)."""

Colour = tuple[int, int, int]


@dataclass(frozen=True)
class EvidenceFile:
    """One evidence file: its key, the name it is cited under, media type and bytes."""

    key: str
    name: str
    media_type: str
    data: bytes

    @property
    def size(self) -> int:
        """Its length in bytes."""
        return len(self.data)

    @property
    def sha256(self) -> str:
        """Its SHA-256 (the attachment store files it under this)."""
        return _digest(self.data)


@cache
def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --------------------------------------------------------------------------- PNG


def png(width: int, height: int, pixels: bytes | bytearray) -> bytes:
    """An RGB PNG of `pixels` (rows of width * 3 bytes, top first), compressed with zlib."""
    stride = width * 3
    raw = bytearray()
    for y in range(height):
        raw.append(0)  # filter type 0: the row as it is
        raw += pixels[y * stride : (y + 1) * stride]

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(bytes(raw), 9))
        + chunk(b"IEND", b"")
    )


class Canvas:
    """An RGB raster to draw flat shapes on (fast: whole spans at a time)."""

    def __init__(self, width: int, height: int, background: Colour) -> None:
        self.width = width
        self.height = height
        self.pixels = bytearray(bytes(background) * (width * height))

    def span(self, y: int, x0: int, x1: int, colour: Colour) -> None:
        """Paint pixels x0..x1-1 of row y."""
        if not 0 <= y < self.height:
            return
        x0, x1 = max(0, x0), min(self.width, x1)
        if x1 > x0:
            start = (y * self.width + x0) * 3
            self.pixels[start : start + (x1 - x0) * 3] = bytes(colour) * (x1 - x0)

    def rect(self, x0: int, y0: int, x1: int, y1: int, colour: Colour) -> None:
        """Fill the rectangle x0..x1-1 × y0..y1-1."""
        for y in range(max(0, y0), min(self.height, y1)):
            self.span(y, x0, x1, colour)

    def gradient(self, y0: int, y1: int, top: Colour, bottom: Colour) -> None:
        """Fill rows y0..y1-1 with a vertical gradient."""
        rows = max(1, y1 - y0 - 1)
        for y in range(y0, y1):
            t = (y - y0) / rows
            colour = tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True))
            self.span(y, 0, self.width, colour)  # type: ignore[arg-type]

    def ellipse(self, cx: int, cy: int, rx: int, ry: int, colour: Colour) -> None:
        """Fill an ellipse."""
        for y in range(cy - ry, cy + ry + 1):
            t = (y - cy) / ry
            half = int(rx * max(0.0, 1 - t * t) ** 0.5)
            self.span(y, cx - half, cx + half + 1, colour)

    def polygon(self, points: Sequence[tuple[int, int]], colour: Colour) -> None:
        """Fill a polygon (even-odd rule, scanline)."""
        ys = [p[1] for p in points]
        edges = list(zip(points, [*points[1:], points[0]], strict=True))
        for y in range(max(0, min(ys)), min(self.height, max(ys) + 1)):
            xs = []
            for (xa, ya), (xb, yb) in edges:
                if (ya <= y < yb) or (yb <= y < ya):
                    xs.append(xa + (y - ya) * (xb - xa) / (yb - ya))
            xs.sort()
            for left, right in zip(xs[::2], xs[1::2], strict=False):
                self.span(y, round(left), round(right) + 1, colour)

    def watermark(self) -> None:
        """The dark strip of a watermark camera, with light bars where its text would be."""
        top = self.height - 34
        self.rect(0, top, self.width, self.height, (38, 42, 48))
        self.rect(8, top + 6, 14, top + 28, (236, 176, 42))  # the camera app's accent bar
        for row, lengths in enumerate(((96, 30, 54), (70, 110), (130,))):
            x = 20
            y = top + 5 + row * 9
            for length in lengths:
                self.rect(x, y, x + length, y + 5, (214, 218, 222))
                x += length + 8

    def encode(self) -> bytes:
        """The image as PNG bytes."""
        return png(self.width, self.height, self.pixels)


_SKY = ((132, 176, 218), (206, 224, 238))
_HAZY_SKY = ((168, 178, 186), (214, 216, 214))


def _trees(canvas: Canvas, rng: Random, y: int, count: int) -> None:
    for _ in range(count):
        x = rng.randrange(0, canvas.width)
        size = rng.randrange(10, 22)
        canvas.rect(x - 1, y - 4, x + 2, y + 6, (92, 70, 48))
        green = (52 + rng.randrange(30), 104 + rng.randrange(40), 58 + rng.randrange(20))
        canvas.ellipse(x, y - size // 2 - 4, size // 2 + 3, size // 2, green)


def _factory(canvas: Canvas) -> None:
    """A plant seen from the road: sheds, a chimney with grey smoke drifting off."""
    rng = Random("factory")
    canvas.gradient(0, 120, *_HAZY_SKY)
    canvas.gradient(120, 240, (126, 122, 110), (96, 92, 84))
    canvas.rect(0, 150, 320, 162, (150, 150, 146))  # the road's kerb
    _trees(canvas, rng, 122, 6)
    canvas.rect(30, 86, 150, 130, (178, 184, 190))
    canvas.polygon([(26, 88), (90, 66), (154, 88)], (72, 102, 150))
    canvas.rect(160, 96, 280, 130, (196, 198, 196))
    for x in range(168, 276, 18):
        canvas.rect(x, 104, x + 10, 114, (88, 110, 132))
    canvas.rect(220, 20, 234, 100, (190, 92, 80))
    for y in range(28, 96, 16):
        canvas.rect(220, y, 234, y + 5, (236, 236, 230))
    for i, (dx, dy, r) in enumerate(((0, -8, 10), (14, -18, 13), (32, -26, 16), (54, -30, 19))):
        shade = 120 + i * 14
        canvas.ellipse(227 + dx, 20 + dy, r, int(r * 0.8), (shade, shade, shade + 4))
    canvas.rect(64, 108, 96, 130, (90, 96, 104))


def _outfall(canvas: Canvas) -> None:
    """A concrete bank with a discharge pipe and cloudy water below it."""
    canvas.gradient(0, 70, *_SKY)
    canvas.gradient(70, 150, (150, 146, 136), (124, 120, 112))
    for y in range(78, 150, 12):
        canvas.rect(0, y, 320, y + 1, (104, 100, 94))
    canvas.gradient(150, 240, (92, 104, 82), (64, 74, 58))
    canvas.ellipse(150, 112, 26, 24, (62, 60, 58))
    canvas.ellipse(150, 112, 18, 17, (28, 28, 30))
    canvas.polygon([(136, 124), (164, 124), (176, 150), (126, 150)], (170, 168, 150))
    canvas.ellipse(152, 162, 60, 14, (176, 172, 150))
    canvas.ellipse(150, 170, 90, 10, (118, 122, 100))


def _river(canvas: Canvas) -> None:
    """A village river between grassy banks, trees on the far side."""
    rng = Random("river")
    canvas.gradient(0, 96, *_SKY)
    canvas.gradient(96, 130, (112, 146, 84), (98, 132, 72))
    _trees(canvas, rng, 104, 12)
    canvas.polygon([(0, 130), (320, 124), (320, 240), (0, 240)], (74, 96, 92))
    canvas.polygon([(0, 196), (120, 240), (0, 240)], (104, 136, 70))
    canvas.polygon([(320, 176), (320, 240), (214, 240)], (104, 136, 70))
    for i in range(7):
        y = 142 + i * 9
        canvas.rect(60 + i * 21, y, 130 + i * 24, y + 2, (118, 138, 126))
    canvas.ellipse(196, 160, 22, 6, (132, 126, 70))  # floating scum


def _stockpile(canvas: Canvas) -> None:
    """A heap of material under a green dust net, a fence behind it."""
    canvas.gradient(0, 100, *_HAZY_SKY)
    canvas.gradient(100, 240, (150, 138, 112), (128, 116, 94))
    for x in range(0, 320, 22):
        canvas.rect(x, 70, x + 3, 108, (120, 124, 128))
    canvas.rect(0, 76, 320, 79, (120, 124, 128))
    canvas.polygon([(30, 200), (110, 110), (170, 96), (250, 130), (300, 200)], (64, 132, 78))
    for y in range(110, 200, 8):
        canvas.rect(40, y, 300, y + 1, (46, 104, 60))
    canvas.polygon([(250, 130), (300, 200), (318, 200), (270, 140)], (150, 140, 120))


def _kitchen(canvas: Canvas) -> None:
    """The back wall of a restaurant: an extractor hood box and its duct."""
    canvas.gradient(0, 240, (208, 200, 186), (184, 176, 162))
    for y in range(0, 240, 20):
        canvas.rect(0, y, 320, y + 1, (168, 160, 148))
    canvas.rect(96, 80, 214, 150, (168, 172, 176))
    canvas.rect(104, 90, 206, 100, (120, 124, 130))
    canvas.rect(140, 20, 170, 80, (150, 154, 158))
    canvas.rect(214, 110, 300, 126, (150, 154, 158))
    canvas.rect(110, 156, 200, 164, (120, 98, 72))  # a grease stain under it
    canvas.rect(20, 170, 80, 240, (110, 84, 60))  # the back door


def _after(canvas: Canvas) -> None:
    """The same kind of site after rectification: swept yard, covered ground, clear sky."""
    rng = Random("after")
    canvas.gradient(0, 110, *_SKY)
    canvas.gradient(110, 240, (120, 160, 92), (96, 138, 76))
    _trees(canvas, rng, 112, 9)
    canvas.rect(40, 70, 200, 124, (214, 216, 212))
    canvas.polygon([(34, 72), (120, 50), (206, 72)], (178, 62, 52))
    for x in range(56, 190, 26):
        canvas.rect(x, 84, x + 14, 100, (96, 130, 168))
    canvas.polygon([(120, 240), (150, 124), (176, 124), (220, 240)], (176, 176, 170))


_PHOTOS: tuple[tuple[str, str, Callable[[Canvas], None]], ...] = (
    ("factory", "现场照片-厂区及排气筒.png", _factory),
    ("outfall", "现场照片-排放口.png", _outfall),
    ("river", "现场照片-河道水面.png", _river),
    ("stockpile", "现场照片-物料堆场.png", _stockpile),
    ("kitchen", "现场照片-油烟净化设施.png", _kitchen),
    ("after", "现场照片-整改后现场.png", _after),
)


def _photo(draw: Callable[[Canvas], None]) -> bytes:
    canvas = Canvas(WIDTH, HEIGHT, (255, 255, 255))
    draw(canvas)
    canvas.watermark()
    return canvas.encode()


# --------------------------------------------------------------------------- PDF

_RECORD = (
    "现场检查（勘察）笔录",
    (
        "检查时间：____年__月__日__时__分至__时__分",
        "检查地点：被反映单位生产经营场所",
        "被检查单位：（详见线索被反映对象）",
        "检查人员：执法人员两名（已出示执法证件）",
        "现场情况：",
        "1. 检查人员到达现场时，该单位正在生产；",
        "2. 对反映的问题点位进行了查看、拍照，并对排放口开展了采样；",
        "3. 现场负责人对检查情况无异议。",
        "处理意见：责令立即整改，整改完成后书面报告。",
        "被检查单位负责人（签字）：________    检查人员（签字）：________",
    ),
)
_REPORT = (
    "整改完成情况报告",
    (
        "根据整改要求，我单位已完成以下整改：",
        "一、停止相关违法行为，对问题设施进行了维修更换；",
        "二、完善环保管理制度，明确专人负责日常运行维护；",
        "三、建立运行台账，按要求留存影像资料备查。",
        "附：整改前后对比照片。",
        "特此报告。",
        "（单位盖章）        ____年__月__日",
    ),
)
_PDFS = (
    ("record", "现场检查（勘察）笔录.pdf", _RECORD),
    ("report", "整改完成情况报告.pdf", _REPORT),
)
FONT_NAME = "CluedeskDemoHei"
FONT_FILE = "WenQuanYiMicroHei-print.ttf"


def _pdf(title: str, lines: Sequence[str]) -> bytes:
    from importlib.resources import files

    from reportlab import rl_config
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if FONT_NAME not in pdfmetrics.getRegisteredFontNames():
        path = files("resources").joinpath("fonts", FONT_FILE)
        pdfmetrics.registerFont(TTFont(FONT_NAME, str(path)))
    out = io.BytesIO()
    page = canvas.Canvas(  # the bundled font from the start: no unembedded Helvetica
        out,
        pagesize=A4,
        invariant=1,
        pageCompression=1,
        initialFontName=FONT_NAME,  # type: ignore[arg-type]  # the stubs say float
    )
    page.setTitle(title)
    page.setAuthor("cluedesk demo")
    width, height = A4
    page.setFont(FONT_NAME, 20)
    page.drawCentredString(width / 2, height - 110, title)
    page.setFont(FONT_NAME, 12)
    y = height - 160
    for line in lines:
        page.drawString(80, y, line)
        y -= 26
    page.showPage()
    # reportlab reads its stream encoding from a global the notices' renderer changes when it
    # is imported: pin it, so the bytes (and their digest) are the same in every process
    saved = rl_config.useA85
    rl_config.useA85 = 0
    try:
        page.save()
    finally:
        rl_config.useA85 = saved
    return out.getvalue()


# --------------------------------------------------------------------------- the set


@cache
def evidence_files() -> tuple[EvidenceFile, ...]:
    """Every demo evidence file (made on first use, then kept)."""
    found = [EvidenceFile(key, name, "image/png", _photo(draw)) for key, name, draw in _PHOTOS]
    found += [EvidenceFile(key, name, "application/pdf", _pdf(*text)) for key, name, text in _PDFS]
    return tuple(found)


def evidence_by_sha() -> dict[str, EvidenceFile]:
    """Every demo evidence file by its SHA-256."""
    return {f.sha256: f for f in evidence_files()}


_CATEGORY_PHOTOS: dict[Category, tuple[str, ...]] = {
    Category.AIR: ("factory", "factory", "kitchen", "stockpile"),
    Category.WATER: ("outfall", "outfall", "river"),
    Category.SOIL: ("stockpile", "factory"),
    Category.NOISE: ("factory", "kitchen"),
    Category.SOLID_WASTE: ("stockpile", "stockpile", "river"),
    Category.RADIATION: ("factory",),
    Category.ECOLOGY: ("river", "stockpile"),
    Category.OTHER: ("factory", "river"),
}


class EvidencePicker:
    """Chooses the files a demo report cites: photos fitting the clue's category, the
    inspection record often, the photo after rectification and the report sometimes."""

    def __init__(self) -> None:
        files = {f.key: f for f in evidence_files()}
        self._refs = {key: {"sha256": f.sha256, "name": f.name} for key, f in files.items()}
        self._table = {
            category: [self._refs[key] for key in keys]
            for category, keys in _CATEGORY_PHOTOS.items()
        }

    def cite(self, rng: Random, category: Category, finding: Finding) -> list[dict[str, str]]:
        """The attachments of a report ({"sha256", "name"} each; none for most 不属实)."""
        refs = self._refs
        if not finding.needs_evidence:
            return [self._pick(rng, category)] if rng.random() < 0.3 else []
        cited = [self._pick(rng, category)]
        roll = rng.random()
        if roll < 0.55:
            cited.append(refs["record"])
        if finding is Finding.TRUE and rng.random() < 0.35:
            cited.append(refs["after"])
        if roll > 0.85:
            cited.append(refs["report"])
        return cited

    def _pick(self, rng: Random, category: Category) -> dict[str, str]:
        keys = self._table.get(category) or self._table[Category.OTHER]
        return keys[int(rng.random() * len(keys))]


__all__ = [
    "Canvas",
    "EvidenceFile",
    "EvidencePicker",
    "evidence_by_sha",
    "evidence_files",
    "png",
]


def write_evidence(
    digests: Iterable[str],
    path_of: Callable[[str], Path],
    make_dir: Callable[[Path], object],
    mode: int,
) -> int:
    """Write the evidence files with these digests where `path_of` puts them (each written
    beside and renamed into place, with `mode`); a file already there is kept. Returns how
    many were written."""
    known = evidence_by_sha()
    written = 0
    for sha256 in digests:
        item = known.get(sha256)
        target = path_of(sha256)
        if item is None or target.exists():
            continue
        make_dir(target.parent)
        descriptor, name = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
        try:
            with os.fdopen(descriptor, "wb") as out:
                out.write(item.data)
            os.chmod(name, mode)
            os.replace(name, target)
        except BaseException:
            if os.path.exists(name):
                os.unlink(name)
            raise
        written += 1
    return written
