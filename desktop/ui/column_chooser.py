"""The column chooser of a table's header: a menu with a check box per column to hide or show it."""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHeaderView, QMenu, QWidget


def visible_sections(header: QHeaderView) -> list[int]:
    """The logical indexes of the columns shown, in display order."""
    shown = (header.logicalIndex(v) for v in range(header.count()))
    return [logical for logical in shown if not header.isSectionHidden(logical)]


def set_section_shown(header: QHeaderView, logical: int, shown: bool) -> bool:
    """Show or hide a column; the last column shown is never hidden. False: refused."""
    if not shown and visible_sections(header) == [logical]:
        return False
    header.setSectionHidden(logical, not shown)
    if shown and header.sectionSize(logical) < header.minimumSectionSize():
        header.resizeSection(logical, header.defaultSectionSize())
    return True


def column_menu(
    header: QHeaderView, locked: Collection[int] = (), parent: QWidget | None = None
) -> QMenu:
    """A menu with one check box per column of `header` (in display order) that hides or
    shows it; `locked` columns are always shown (their box is checked and disabled), and the
    last column shown cannot be hidden either."""
    menu = QMenu(parent)
    menu.setObjectName("columnChooser")
    model = header.model()
    shown = visible_sections(header)
    for visual in range(header.count()):
        logical = header.logicalIndex(visual)
        title = model.headerData(logical, Qt.Orientation.Horizontal) if model else None
        action = QAction(str(title or logical), menu)
        action.setCheckable(True)
        action.setChecked(not header.isSectionHidden(logical))
        action.setData(logical)
        action.setEnabled(logical not in locked and shown != [logical])
        action.toggled.connect(lambda on, column=logical: set_section_shown(header, column, on))
        menu.addAction(action)
    menu.addSeparator()
    show_all = menu.addAction(QCoreApplication.translate("ColumnChooser", "显示全部列"))
    show_all.setObjectName("showAllColumns")
    show_all.triggered.connect(lambda: show_all_sections(header))
    return menu


def show_all_sections(header: QHeaderView) -> None:
    """Show every column again."""
    for logical in range(header.count()):
        set_section_shown(header, logical, True)
