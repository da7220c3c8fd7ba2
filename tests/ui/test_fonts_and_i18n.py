"""The bundled Chinese font and the translators."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QByteArray, QCoreApplication, QLocale
from PySide6.QtGui import QFont, QFontDatabase, QRawFont
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from desktop.ui import fonts
from desktop.ui.i18n import (
    catalog_data,
    install_translators,
    installed_translators,
    qt_translations_dir,
    remove_translators,
)

WORDS = "线索签收预警"


@pytest.fixture
def app_font(qapp: QApplication) -> Iterator[QFont]:
    """The application font before the test; restored after it."""
    before = QFont(qapp.font())
    yield before
    qapp.setFont(before)


def test_the_bundled_font_is_a_single_truetype_subset_of_a_few_megabytes(
    qapp: QApplication,
) -> None:
    data = fonts.font_data(fonts.FONT_FILES[0])
    assert data[:4] == b"\x00\x01\x00\x00"  # TrueType outlines, not a collection (ttcf)
    assert 500_000 < len(data) < 4_000_000
    raw = QRawFont(QByteArray(data), 12)
    assert raw.isValid()
    assert raw.familyName() == fonts.BUNDLED_FAMILY
    assert all(raw.supportsCharacter(ord(ch)) for ch in WORDS + "，。：（）、ABCé")
    assert not raw.supportsCharacter(ord("龘"))  # outside GB2312 and our texts: subsetted away


def test_registering_is_idempotent_and_the_family_writes_chinese(qapp: QApplication) -> None:
    first = fonts.register_bundled_fonts()
    assert first == [fonts.BUNDLED_FAMILY]
    assert fonts.register_bundled_fonts() == first
    assert fonts.bundled_families() == first
    systems = QFontDatabase.writingSystems(fonts.BUNDLED_FAMILY)
    assert QFontDatabase.WritingSystem.SimplifiedChinese in systems
    raw = QRawFont.fromFont(QFont(fonts.BUNDLED_FAMILY, 12))
    assert raw.familyName() == fonts.BUNDLED_FAMILY
    missing = [ch for ch in WORDS if not raw.supportsCharacter(ord(ch))]
    assert missing == []


def test_the_system_check_leaves_the_bundled_family_out(qapp: QApplication) -> None:
    fonts.register_bundled_fonts()
    assert fonts.BUNDLED_FAMILY not in fonts.system_chinese_families()


def test_without_a_system_chinese_font_the_bundled_one_becomes_the_app_font(
    qapp: QApplication, app_font: QFont
) -> None:
    qapp.setFont(QFont(app_font.family(), 11))
    chosen = fonts.apply_default_font(qapp, system_families=[])
    assert chosen == fonts.BUNDLED_FAMILY
    assert qapp.font().family() == fonts.BUNDLED_FAMILY
    assert qapp.font().pointSizeF() == 11


def test_with_a_system_chinese_font_the_app_font_is_left_alone(
    qapp: QApplication, app_font: QFont
) -> None:
    assert fonts.apply_default_font(qapp, system_families=["Noto Sans CJK SC"]) is None
    assert qapp.font() == app_font


def test_the_default_check_looks_at_the_system(qapp: QApplication, app_font: QFont) -> None:
    chosen = fonts.apply_default_font(qapp)
    if fonts.system_chinese_families():
        assert chosen is None and qapp.font() == app_font
    else:
        assert chosen == fonts.BUNDLED_FAMILY


@pytest.fixture
def translators(qapp: QApplication) -> Iterator[QApplication]:
    """Leaves the application without our translators and with the system locale after."""
    locale = QLocale()
    yield qapp
    remove_translators(qapp)
    QLocale.setDefault(locale)


def test_chinese_installs_qts_own_chinese_catalogue(translators: QApplication) -> None:
    assert (qt_translations_dir() / "qtbase_zh_CN.qm").exists()
    installed = install_translators(translators, "zh_CN")
    assert len(installed) == 2  # Qt's catalogue and the few texts it lacks
    assert installed_translators() == installed
    assert QLocale().language() == QLocale.Language.Chinese
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    texts = {b.text() for b in box.buttons()}
    assert texts == {"确定", "取消"}
    assert QCoreApplication.translate("labels", "待签收") == "待签收"


def test_english_installs_our_catalogue_and_no_qt_chinese(translators: QApplication) -> None:
    assert catalog_data("en") is not None
    installed = install_translators(translators, "en")
    assert len(installed) == 1
    assert QCoreApplication.translate("labels", "待签收") == "To sign"
    assert QCoreApplication.translate("LoginDialog", "登录") == "Sign in"
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.buttons()[0].text() == "Cancel"
    assert QLocale().language() == QLocale.Language.English


def test_switching_language_replaces_the_translators(translators: QApplication) -> None:
    install_translators(translators, "en")
    install_translators(translators, "zh_CN")
    assert len(installed_translators()) == 2  # Qt's own, and its gaps
    assert QCoreApplication.translate("labels", "待签收") == "待签收"


def test_an_unknown_language_falls_back_to_chinese(translators: QApplication) -> None:
    install_translators(translators, "fr")
    assert QLocale().language() == QLocale.Language.Chinese
    assert catalog_data("fr") is None
