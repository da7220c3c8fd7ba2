"""What the bundled client holds and leaves out: read by the PyInstaller spec, build.py and tests.

Plain data and small functions only (no PyInstaller import), so that the tests can check it.
"""

from __future__ import annotations

APP_NAME = "cluedesk"
"""The folder the build writes (dist/cluedesk/) and the Linux executable's name."""
GUI_EXE = "cluedesk"
"""The executable that opens the window (windowed on Windows: no console flashes up)."""
CLI_EXE = "cluedesk-cli"
"""Windows only: the same program with a console, for self-test, sync and the other commands."""
DISPLAY_NAME = "线索办理工作台"
"""The name on the Start menu and in the Linux application menu."""
PUBLISHER = "cluedesk"

USED_QT_MODULES = frozenset(
    {
        "QtCore",
        "QtGui",
        "QtWidgets",
        "QtCharts",
        "QtNetwork",
        "QtPdf",
        "QtPdfWidgets",
        "QtPrintSupport",
    }
)
r"""The Qt modules the client imports (grep -rhoE "PySide6\.Qt[A-Za-z]+" desktop | sort -u); the
Qt libraries they link (QtOpenGL, QtDBus, QtSvg …) come along as binaries without their Python
modules."""

PLATFORM_MODULES = (
    "cityplatform",
    "fastapi",
    "starlette",
    "uvicorn",
    "argon2",
    "_argon2_cffi_bindings",
    "jwt",
    "httpx",
    "httpcore",
    "anyio",
    "h11",
    "click",
    "psycopg",
    "psycopg_binary",
)
"""The reference platform and its own dependencies: never in the client's bundle."""

TOOL_MODULES = (
    "pytest",
    "_pytest",
    "pytestqt",
    "hypothesis",
    "schemathesis",
    "importlinter",
    "grimp",
    "mypy",
    "ruff",
    "pypdf",
    "pdfplumber",
    "pdfminer",
    "pypdfium2",
    "tkinter",
    "_tkinter",
    "IPython",
    "werkzeug",
    "yaml",
    "bench",
    "tests",
    "tools",
    "PIL._avif",
    "PIL.AvifImagePlugin",
    "PIL.ImageTk",
    "PIL.ImageQt",
    "alembic.testing",
    "sqlalchemy.testing",
)
"""Test and development tools, Tk, and what the client never calls: Pillow's AVIF codec (its
library alone is 5 MB; reportlab needs Pillow but the notices draw no raster image) and the
libraries' test kits."""


def excluded_qt_modules(available: list[str]) -> list[str]:
    """The PySide6 modules of `available` (names like "QtWebEngineCore") the client does not
    use, as module paths to exclude ("PySide6.QtWebEngineCore")."""
    return sorted(
        f"PySide6.{m}" for m in available if m.startswith("Qt") and m not in USED_QT_MODULES
    )


def dropped_library(file_name: str) -> bool:
    """Whether a collected Qt library or plugin file is one of QT_LIBRARIES_DROPPED."""
    name = file_name.lower()
    name = name[3:] if name.startswith("lib") else name
    return name.startswith(QT_LIBRARIES_DROPPED)


def excludes(available_qt: list[str]) -> list[str]:
    """Every module the bundle leaves out: the platform, the tools, the unused Qt modules."""
    return [*PLATFORM_MODULES, *TOOL_MODULES, *excluded_qt_modules(available_qt)]


QT_TRANSLATIONS_KEPT = ("qtbase_zh_CN.qm", "qt_zh_CN.qm", "qt_help_zh_CN.qm")
"""Qt's own catalogues the window loads (Chinese; English needs none); the others are dropped."""

QT_LIBRARIES_DROPPED = ("qt6quick", "qt6qml", "qt6virtualkeyboard", "qtvirtualkeyboard")
"""Qt libraries (lower-case name prefixes, after an optional "lib") only the on-screen virtual
keyboard plugin needs: QtQuick and QML (about 20 MB); the input method plugins (ibus, compose)
stay for Chinese input."""

QT_PLUGIN_DIRS_DROPPED = (
    "qmltooling",
    "sceneparsers",
    "geometryloaders",
    "renderers",
    "renderplugins",
    "multimedia",
    "position",
    "sensors",
    "texttospeech",
    "webview",
    "canbus",
    "sqldrivers",
    "designer",
    "virtualkeyboard",
    "assetimporters",
    "help",
    "scxmldatamodel",
    "egldeviceintegrations",
    "generic",
)
"""Qt plugin folders of modules the client does not use (the hooks may still collect some)."""
