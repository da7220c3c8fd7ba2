"""Translators, installed once at start-up: Chinese is the source, English a translation."""

from __future__ import annotations

import logging
from importlib.resources import files
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop.domain import messages
from desktop.ui.file_dialogs import QtChineseGaps

log = logging.getLogger("cluedesk.ui.i18n")

DEFAULT_LANGUAGE = "zh_CN"
"""The language of the source strings and the default language of the window."""

LANGUAGES: tuple[str, ...] = ("zh_CN", "en")
"""The languages the window can be shown in."""

CATALOG = "cluedesk"
"""The base name of our translation files: cluedesk_<language>.ts / .qm."""

_installed: list[QTranslator] = []


class _DataTranslator(QTranslator):
    """A translator loaded from bytes, which it keeps alive as long as itself."""

    def __init__(self, data: bytes, parent: QCoreApplication | None = None) -> None:
        super().__init__(parent)
        self._data = data
        self.loaded = self.load(self._data)


def catalog_data(language: str) -> bytes | None:
    """The compiled catalogue (.qm) of `language` from resources/translations, or None."""
    resource = files("resources") / "translations" / f"{CATALOG}_{language}.qm"
    try:
        return resource.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        return None


def qt_translations_dir() -> Path:
    """The folder of Qt's own translations (qtbase_zh_CN.qm …)."""
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


def qt_translate(context: str, source: str, n: int | None) -> str:
    """The domain's translate hook: Qt's catalogue, with its plural forms for `n`."""
    return QCoreApplication.translate(context, source, None, -1 if n is None else n)


def remove_translators(app: QCoreApplication) -> None:
    """Remove every translator `install_translators` installed (messages: Chinese again)."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    messages.uninstall()


def install_translators(
    app: QCoreApplication, language: str = DEFAULT_LANGUAGE
) -> list[QTranslator]:
    """Install the translators of `language` (replacing earlier ones); return them.

    zh_CN: Qt's own Chinese catalogue (so QMessageBox, QFileDialog, QDialogButtonBox … speak
    Chinese) and a Chinese default locale; our strings are Chinese already. en: our English
    catalogue and no Qt translation. An unknown language falls back to zh_CN. The domain's
    messages (desktop.domain.messages) are rendered through the same catalogue from now on.
    """
    if language not in LANGUAGES:
        log.warning("unknown language %r, using %s", language, DEFAULT_LANGUAGE)
        language = DEFAULT_LANGUAGE
    remove_translators(app)
    translators: list[QTranslator] = []
    if language == "zh_CN":
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        qt_translator = QTranslator(app)
        if qt_translator.load("qtbase_zh_CN", str(qt_translations_dir())):
            translators.append(qt_translator)
            translators.append(QtChineseGaps(app))  # the few texts Qt's catalogue lacks
        else:
            log.warning("Qt's Chinese translation qtbase_zh_CN.qm not found")
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        data = catalog_data(language)
        ours = _DataTranslator(data, app) if data is not None else None
        if ours is not None and ours.loaded:
            translators.append(ours)
        else:
            log.warning("translation %s_%s.qm missing or unreadable", CATALOG, language)
    for translator in translators:
        app.installTranslator(translator)
    _installed.extend(translators)
    messages.install(qt_translate)
    log.info("language %s: %d translator(s) installed", language, len(translators))
    return list(translators)


def installed_translators() -> list[QTranslator]:
    """The translators installed now (kept referenced here so they are not collected)."""
    return list(_installed)
