"""The filter bar above the queue: free text, channel, category, area, priority, warning, dates."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.codes import Category, Channel, Labelled, Priority, UnitKind
from desktop.domain.units import UnitInfo
from desktop.store.queues import Queue, QueueFilter
from desktop.ui.flow_layout import FlowLayout
from desktop.ui.labels import label
from desktop.ui.queue_model import WARNING_GLYPHS, area_name
from desktop.ui.workspace import Workspace

DEBOUNCE_MS = 250
OVERHANG = 3
"""Pixels a caption gets beyond its text's advance, for a last glyph that overhangs it."""
DEFAULT_RANGE_DAYS = 30
AREA_KINDS = (UnitKind.COUNTY_OFFICE, UnitKind.ZONE_OFFICE)
PLACE_KINDS = (UnitKind.TOWNSHIP, UnitKind.STREET)


def compact_combo(parent: QWidget) -> QComboBox:
    """A combo box as wide as its first entry (全部…), not its longest one."""
    combo = QComboBox(parent)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(4)
    return combo


def show_first_entry_whole(combo: QComboBox) -> None:
    """Make the combo wide enough for its first entry ("All categories" is longer than
    全部类别); Qt counts the minimum contents length in widths of an x."""
    metrics = combo.fontMetrics()
    needed = metrics.horizontalAdvance(combo.itemText(0)) if combo.count() else 0
    combo.setMinimumContentsLength(max(4, -(-needed // max(1, metrics.horizontalAdvance("x")))))


def townships_of(units: Iterable[UnitInfo], county_code: str) -> list[UnitInfo]:
    """The townships and streets of a county area, by code."""
    return sorted(
        (u for u in units if u.kind in PLACE_KINDS and u.county_code == county_code),
        key=lambda u: u.code,
    )


class FilterBar(QWidget):
    """Narrows the queue; emits the whole `QueueFilter` (queue included) on every change."""

    filter_changed = Signal(object)
    """The new QueueFilter (typed text arrives after a short pause)."""
    results_requested = Signal()
    """Enter or Down in the search box: the filter was applied, go to the first result."""

    def __init__(
        self, workspace: Workspace, parent: QWidget | None = None, *, debounce_ms: int = DEBOUNCE_MS
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self._queue = Queue.ALL
        self._last: QueueFilter | None = None
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(debounce_ms)
        self._debounce.timeout.connect(self.emit_filter)
        viewer_unit = workspace.viewer.unit

        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("编号、当事人、地址或描述中的文字"))
        self.channel = self._combo("channel", self.tr("全部渠道"), list(Channel))
        self.category = self._combo("category", self.tr("全部类别"), list(Category))
        self.priority = self._combo("priority", self.tr("全部"), list(Priority))
        self.county = compact_combo(self)
        self.county.setObjectName("county")
        self.county.addItem(self.tr("全部县区"), None)
        show_first_entry_whole(self.county)
        areas = sorted((u for u in workspace.units.values() if u.kind in AREA_KINDS), key=_code)
        for area in areas:
            self.county.addItem(area_name(workspace, area.code), area.code)
        self.township = compact_combo(self)
        self.township.setObjectName("township")
        self.warning_boxes: dict[int, QCheckBox] = {}
        for level, text in (
            (0, self.tr("无")),
            (1, self.tr("一级")),
            (2, self.tr("二级")),
            (3, self.tr("三级")),
        ):
            box = QCheckBox(f"{WARNING_GLYPHS[level]} {text}" if level else text, self)
            box.setObjectName(f"warning{level}")
            box.setAccessibleName(self.tr("预警：{level}").format(level=text))
            self.warning_boxes[level] = box
        self.date_check = QCheckBox(self.tr("受理时间"), self)
        self.date_check.setObjectName("dateRange")
        today = workspace.now().date()
        self.date_from = self._date_edit("dateFrom", today - timedelta(days=DEFAULT_RANGE_DAYS))
        self.date_to = self._date_edit("dateTo", today)
        self.date_from.setAccessibleName(self.tr("受理时间起"))
        self.date_to.setAccessibleName(self.tr("受理时间止"))
        self.clear_button = QPushButton(self.tr("清除筛选"), self)
        self.clear_button.setObjectName("clearFilter")
        self._codes: frozenset[str] | None = None
        self.codes_chip = QPushButton(self)
        self.codes_chip.setObjectName("codesChip")
        self.codes_chip.setToolTip(self.tr("只显示这些线索；点击取消此筛选"))
        self.codes_chip.hide()

        # Whose area: a city-level unit picks a county, then a township; a county-level unit
        # picks one of its townships; a township sees only itself, so no area filter at all.
        self._fixed_county = viewer_unit.county_code
        self.shows_county = viewer_unit.county_code is None
        self.shows_township = viewer_unit.kind not in PLACE_KINDS
        self._fill_townships(self._fixed_county)

        # The search box has a row of its own; the other filters wrap onto as many rows as
        # the width needs, so the queue fits a 1024-pixel screen at 100 % and more at 200 %.
        first = QHBoxLayout()
        self._labelled(first, self.tr("搜索(&F)"), self.search, stretch=1)
        first.addWidget(self.codes_chip)
        first.addWidget(self.clear_button)
        self.more = QWidget(self)
        self.more.setObjectName("moreFilters")
        flow = FlowLayout(self.more)
        flow.addWidget(self._group(self.tr("来源渠道(&C)"), self.channel))
        flow.addWidget(self._group(self.tr("类别(&T)"), self.category))
        flow.addWidget(self._group(self.tr("紧急程度(&P)"), self.priority))
        county_group = self._group(self.tr("县区(&X)"), self.county)
        township_group = self._group(self.tr("乡镇街道(&Z)"), self.township)
        flow.addWidget(county_group)
        flow.addWidget(township_group)
        warnings = self._group(self.tr("预警"), *self.warning_boxes.values())
        flow.addWidget(warnings)
        dates = self._group(
            None, self.date_check, self.date_from, QLabel(self.tr("至"), self), self.date_to
        )
        flow.addWidget(dates)
        county_group.setVisible(self.shows_county)
        township_group.setVisible(self.shows_township)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(first)
        layout.addWidget(self.more)

        order: list[QWidget] = [
            self.search,
            self.channel,
            self.category,
            self.priority,
            self.county,
            self.township,
            *self.warning_boxes.values(),
            self.date_check,
            self.date_from,
            self.date_to,
            self.clear_button,
        ]
        for before, after in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(before, after)

        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self.emit_filter)
        self.search.returnPressed.connect(self.results_requested)
        self.search.installEventFilter(self)
        for combo in (self.channel, self.category, self.priority, self.township):
            combo.currentIndexChanged.connect(self.emit_filter)
        self.county.currentIndexChanged.connect(self._county_changed)
        for box in self.warning_boxes.values():
            box.toggled.connect(self.emit_filter)
        self.date_check.toggled.connect(self._dates_toggled)
        self.date_from.dateChanged.connect(self.emit_filter)
        self.date_to.dateChanged.connect(self.emit_filter)
        self.clear_button.clicked.connect(self.clear)
        self.codes_chip.clicked.connect(self.clear_codes)
        self._dates_toggled(False, emit=False)

    # -- public API -------------------------------------------------------------------------

    def queue(self) -> Queue:
        """The queue the filter narrows (set from the navigation)."""
        return self._queue

    def set_queue(self, queue: Queue) -> None:
        """Narrow another queue with the same controls; emits the new filter."""
        self._queue = queue
        self.emit_filter()

    def current_filter(self) -> QueueFilter:
        """The filter the controls describe now."""
        county = self._fixed_county or self.county.currentData()
        dates_on = self.date_check.isChecked()
        start: date | None = self.date_from.date().toPython() if dates_on else None  # type: ignore[assignment]
        end: date | None = self.date_to.date().toPython() if dates_on else None  # type: ignore[assignment]
        if start and end and start > end:
            start, end = end, start
        return QueueFilter(
            queue=self._queue,
            text=self.search.text().strip(),
            channels=_chosen(self.channel),
            categories=_chosen(self.category),
            priorities=_chosen(self.priority),
            county_code=county if self.shows_county else None,
            township_code=self.township.currentData() if self.shows_township else None,
            warning_levels=frozenset(
                lv for lv, box in self.warning_boxes.items() if box.isChecked()
            ),
            received_from=start,
            received_to=end,
            codes=self._codes,
        )

    def emit_filter(self) -> None:
        """Emit the current filter now (unless it is the one emitted last)."""
        self._debounce.stop()
        flt = self.current_filter()
        if flt != self._last:
            self._last = flt
            self.filter_changed.emit(flt)

    def set_codes(self, codes: frozenset[str], caption: str) -> None:
        """Show exactly these clues, said by a removable chip (e.g. "考核：某镇 按时签收 12 件");
        emits the new filter."""
        self._codes = frozenset(codes)
        self.codes_chip.setText(self.tr("{caption}  ✕").format(caption=caption))
        self.codes_chip.setAccessibleName(self.tr("取消筛选：{caption}").format(caption=caption))
        self.codes_chip.show()
        self.emit_filter()

    def codes(self) -> frozenset[str] | None:
        """The clues the chip limits the queue to (None: no chip)."""
        return self._codes

    def clear_codes(self) -> None:
        """Remove the chip's filter; emits the new filter."""
        self._codes = None
        self.codes_chip.hide()
        self.emit_filter()

    def clear(self) -> None:
        """Reset every control and the chip (the queue stays); emits once."""
        controls: list[QWidget] = [
            self.search,
            self.channel,
            self.category,
            self.priority,
            self.county,
            self.township,
            *self.warning_boxes.values(),
            self.date_check,
        ]
        for widget in controls:
            widget.blockSignals(True)
        try:
            self.search.clear()
            for combo in (self.channel, self.category, self.priority, self.county):
                combo.setCurrentIndex(0)
            self._fill_townships(self._fixed_county)
            for box in self.warning_boxes.values():
                box.setChecked(False)
            self.date_check.setChecked(False)
            self._codes = None
            self.codes_chip.hide()
        finally:
            for widget in controls:
                widget.blockSignals(False)
        self._dates_toggled(False, emit=False)
        self.emit_filter()

    # -- internals --------------------------------------------------------------------------

    def _combo(self, name: str, everything: str, members: list[Labelled]) -> QComboBox:
        combo = compact_combo(self)
        combo.setObjectName(name)
        combo.addItem(everything, None)
        for member in members:
            combo.addItem(label(member), member.value)
        show_first_entry_whole(combo)
        return combo

    def _date_edit(self, name: str, day: date) -> QDateEdit:
        edit = QDateEdit(QDate(day.year, day.month, day.day), self)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def _labelled(
        self, layout: QHBoxLayout, text: str, widget: QWidget, *, stretch: int = 0
    ) -> QLabel:
        caption = QLabel(text, self)
        caption.setBuddy(widget)
        # Qt sizes a label by its text's advance and clips the glyph that overhangs it (the
        # p of "Township"): a few pixels more.
        caption.setMinimumWidth(caption.sizeHint().width() + OVERHANG)
        widget.setAccessibleName(caption.text().split("(")[0])
        layout.addWidget(caption)
        layout.addWidget(widget, stretch)
        return caption

    def _group(self, caption: str | None, first: QWidget, *more: QWidget) -> QWidget:
        """Controls kept together on one row of the wrapping filters (a caption labels the
        first one)."""
        group = QWidget(self)
        row = QHBoxLayout(group)
        row.setContentsMargins(0, 0, 8, 0)
        if caption is None:
            row.addWidget(first)
        elif more:
            row.addWidget(QLabel(caption, group))
            row.addWidget(first)
        else:
            self._labelled(row, caption, first)
        for widget in more:
            row.addWidget(widget)
        return group

    def _fill_townships(self, county_code: str | None) -> None:
        self.township.blockSignals(True)
        self.township.clear()
        self.township.addItem(self.tr("全部乡镇街道"), None)
        show_first_entry_whole(self.township)
        if county_code:
            for unit in townships_of(self.workspace.units.values(), county_code):
                self.township.addItem(unit.name, unit.code)
        self.township.setEnabled(bool(county_code))
        self.township.blockSignals(False)

    def _county_changed(self) -> None:
        self._fill_townships(self.county.currentData())
        self.emit_filter()

    def _dates_toggled(self, on: bool, *, emit: bool = True) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        if emit:
            self.emit_filter()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Down in the search box applies the filter and goes to the results, as Enter does."""
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            self.emit_filter()
            self.results_requested.emit()
            return True
        return super().eventFilter(watched, event)


def _chosen(combo: QComboBox) -> frozenset[str]:
    value = combo.currentData()
    return frozenset({value}) if value else frozenset()


def _code(unit: UnitInfo) -> str:
    return unit.code
