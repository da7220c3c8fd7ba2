"""Before Qt starts on an X11 desktop: are the system libraries of its xcb plugin there?

Without one of them Qt aborts with a message that names the plugin, not the missing library
(and sometimes blames a library that is installed), and nothing reaches the log. This check
names the missing libraries and the exact Debian/Ubuntu packages that bring them.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QCoreApplication

XCB_LIBRARIES: tuple[tuple[str, str], ...] = (
    ("libxcb.so.1", "libxcb1"),
    ("libxcb-cursor.so.0", "libxcb-cursor0"),
    ("libxcb-icccm.so.4", "libxcb-icccm4"),
    ("libxcb-image.so.0", "libxcb-image0"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
    ("libxcb-randr.so.0", "libxcb-randr0"),
    ("libxcb-render.so.0", "libxcb-render0"),
    ("libxcb-render-util.so.0", "libxcb-render-util0"),
    ("libxcb-shape.so.0", "libxcb-shape0"),
    ("libxcb-shm.so.0", "libxcb-shm0"),
    ("libxcb-sync.so.1", "libxcb-sync1"),
    ("libxcb-util.so.1", "libxcb-util1"),
    ("libxcb-xfixes.so.0", "libxcb-xfixes0"),
    ("libxcb-xkb.so.1", "libxcb-xkb1"),
    ("libxkbcommon.so.0", "libxkbcommon0"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
    ("libX11.so.6", "libx11-6"),
    ("libX11-xcb.so.1", "libx11-xcb1"),
    ("libGL.so.1", "libgl1"),
    ("libEGL.so.1", "libegl1"),
    ("libfontconfig.so.1", "libfontconfig1"),
    ("libfreetype.so.6", "libfreetype6"),
    ("libglib-2.0.so.0", "libglib2.0-0"),
    ("libdbus-1.so.3", "libdbus-1-3"),
)
"""The shared libraries Qt's xcb platform plugin (and Qt GUI under it) loads from the system,
each with the Debian/Ubuntu package that has it: the plugin's and libQt6XcbQpa's needed
libraries, as in Qt's "Qt for X11 Requirements"."""

EXIT_MISSING_LIBRARIES = 2


def library_present(soname: str) -> bool:
    """Whether the dynamic loader finds and loads `soname` (as Qt's plugin would)."""
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def uses_xcb(environ: Mapping[str, str], platform: str | None = None) -> bool:
    """Whether Qt is about to start its xcb plugin: Linux (`platform`, by default this one),
    an X display, and no other platform asked for (a Wayland session without QT_QPA_PLATFORM
    gets Qt's Wayland plugin)."""
    platform = platform if platform is not None else sys.platform
    if not platform.startswith("linux") or not environ.get("DISPLAY"):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "").strip()
    if not chosen:
        return not environ.get("WAYLAND_DISPLAY")
    return chosen.split(":", 1)[0].split(";", 1)[0] == "xcb"


def missing_xcb_libraries(
    present: Callable[[str], bool] = library_present,
    libraries: Sequence[tuple[str, str]] = XCB_LIBRARIES,
) -> list[tuple[str, str]]:
    """The (library, package) pairs whose library the loader cannot find, in table order."""
    return [(soname, package) for soname, package in libraries if not present(soname)]


def missing_libraries_message(missing: Sequence[tuple[str, str]]) -> str:
    """What to tell the user: the missing libraries and the one apt command that installs them
    (in the language of the translators installed when it is called)."""
    names = ", ".join(soname for soname, _ in missing)
    packages = " ".join(dict.fromkeys(package for _, package in missing))
    text = QCoreApplication.translate(
        "PlatformCheck",
        "无法打开窗口：本机缺少 Qt 图形界面（X11/xcb 平台插件）所需的系统库 {0}。\n"
        "请先安装（Debian/Ubuntu/统信UOS/麒麟）：\n"
        "    {1}\n"
        "然后再启动 cluedesk。",
    )
    return text.format(names, f"sudo apt-get install {packages}")


def missing_display_libraries(
    environ: Mapping[str, str],
    platform: str | None = None,
    present: Callable[[str], bool] | None = None,
) -> list[tuple[str, str]]:
    """The (library, package) pairs Qt's window would miss here: none unless it takes xcb.

    `present` tells whether a library loads (by default: loading it, `library_present`).
    """
    if not uses_xcb(environ, platform):
        return []
    return missing_xcb_libraries(present or library_present)
