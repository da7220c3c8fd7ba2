"""The bundled CJK font: registered once; the application font only when the system has none."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from importlib.resources import files

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

log = logging.getLogger("cluedesk.ui.fonts")

FONT_FILES: tuple[str, ...] = ("WenQuanYiMicroHei-subset.ttf",)
"""The font files of resources/fonts/ the window registers."""

BUNDLED_FAMILY = "WenQuanYi Micro Hei Subset"
"""The family name of the bundled Simplified Chinese font."""

_font_ids: dict[str, int] = {}


def font_data(name: str) -> bytes:
    """The bytes of a bundled font file (from the installed `resources` package)."""
    return (files("resources") / "fonts" / name).read_bytes()


def register_bundled_fonts() -> list[str]:
    """Add the bundled fonts to Qt's font database (once); return their family names."""
    families: list[str] = []
    for name in FONT_FILES:
        font_id = _font_ids.get(name, -1)
        found = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if not found:
            font_id = QFontDatabase.addApplicationFontFromData(QByteArray(font_data(name)))
            if font_id < 0:
                log.warning("could not load the bundled font %s", name)
                continue
            _font_ids[name] = font_id
            found = QFontDatabase.applicationFontFamilies(font_id)
            log.debug("registered %s: %s", name, found)
        families.extend(f for f in found if f not in families)
    return families


def bundled_families() -> list[str]:
    """The families of the bundled fonts registered so far."""
    out: list[str] = []
    for font_id in _font_ids.values():
        out.extend(QFontDatabase.applicationFontFamilies(font_id))
    return out


def system_chinese_families() -> list[str]:
    """The Simplified Chinese font families of the system (the bundled ones left out)."""
    ours = set(bundled_families())
    chinese = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    return [family for family in chinese if family not in ours]


def apply_default_font(
    app: QGuiApplication, system_families: Sequence[str] | None = None
) -> str | None:
    """Use the bundled font as the application font when the system has no Chinese font.

    `system_families` overrides the system's Simplified Chinese families (for tests).
    Returns the family now in use when it was changed, otherwise None. The point size
    of the application font is kept.
    """
    if system_families is None:
        system_families = system_chinese_families()
    if system_families:
        log.info("system Chinese fonts found: %s", ", ".join(system_families[:3]))
        return None
    families = register_bundled_fonts()
    if not families:
        return None
    current = app.font()
    font = QFont(current)
    font.setFamilies([families[0]])
    if current.pointSizeF() > 0:
        font.setPointSizeF(current.pointSizeF())
    app.setFont(font)
    log.info("no system Chinese font: using the bundled %s", families[0])
    return families[0]
