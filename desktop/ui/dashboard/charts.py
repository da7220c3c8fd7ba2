"""The dashboard's two charts (QtCharts): received vs closed over the period, and the units side
by side on one figure, worst first. A click on a bar says which bar it was."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

RECEIVED_COLOUR = QColor("#5b8def")
CLOSED_COLOUR = QColor("#2e9e6a")
UNIT_COLOUR = QColor("#4a78c2")
BAR_HEIGHT = 24
"""Pixels per unit bar (before the screen's scaling): the unit chart grows with its units."""
CHART_MARGIN = 90
"""The unit chart's height beside its bars: title, value axis, margins."""
TREND_HEIGHT = 260


class _Chart(QChartView):
    """A chart view that says when it has been painted (for the first paint and its tests)."""

    painted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QChart(), parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its table is the keyboard's way in
        chart = self.chart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.paint_count = 0

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        """Paint, then count it."""
        super().paintEvent(event)
        self.paint_count += 1
        self.painted.emit()

    def view_point(self, value: QPointF, series: QBarSeries | QHorizontalBarSeries) -> QPoint:
        """Where a value of `series` is on the view's viewport (for a click on that bar)."""
        chart = self.chart()
        scene = chart.mapToScene(chart.mapToPosition(value, series))
        return self.mapFromScene(scene)


class TrendChart(_Chart):
    """Received and closed clues per week or month of the period, as paired bars."""

    bar_clicked = Signal(str, int)
    """("received" or "closed", the group's index): a bar was clicked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardTrend")
        self.setMinimumHeight(TREND_HEIGHT)
        self.series = QBarSeries()
        self.received = QBarSet(self.tr("受理"))
        self.closed = QBarSet(self.tr("办结"))
        self.received.setColor(RECEIVED_COLOUR)
        self.closed.setColor(CLOSED_COLOUR)
        self.series.append(self.received)
        self.series.append(self.closed)
        self.series.clicked.connect(self._clicked)
        chart = self.chart()
        chart.setTitle(self.tr("受理与办结趋势"))
        chart.addSeries(self.series)
        self.axis_x = QBarCategoryAxis()
        self.axis_y = QValueAxis()
        self.axis_y.setLabelFormat("%d")
        chart.addAxis(self.axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self.axis_y, Qt.AlignmentFlag.AlignLeft)
        self.series.attachAxis(self.axis_x)
        self.series.attachAxis(self.axis_y)

    def set_trend(
        self, labels: Sequence[str], received: Sequence[int], closed: Sequence[int]
    ) -> None:
        """Show one pair of bars per period group (week or month), in time order."""
        for bar_set, values in ((self.received, received), (self.closed, closed)):
            bar_set.remove(0, bar_set.count())
            bar_set.append([float(v) for v in values])
        self.axis_x.clear()
        self.axis_x.append(list(labels))
        top = max([*received, *closed, 1])
        self.axis_y.setRange(0, top)
        self.axis_y.applyNiceNumbers()

    def bar_point(self, which: str, index: int) -> QPoint:
        """The viewport position of a bar's middle (which: "received" or "closed")."""
        bar_set = self.received if which == "received" else self.closed
        offset = -0.2 if which == "received" else 0.2
        return self.view_point(QPointF(index + offset, bar_set.at(index) / 2), self.series)

    def _clicked(self, index: int, bar_set: QBarSet) -> None:
        self.bar_clicked.emit("received" if bar_set is self.received else "closed", index)


class UnitChart(_Chart):
    """The units side by side on one figure, one horizontal bar each, the worst at the top."""

    bar_clicked = Signal(int)
    """The clicked unit's index in the order given to `set_bars` (0: the worst)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardUnits")
        self.chart().legend().hide()
        self.series = QHorizontalBarSeries()
        self.bars = QBarSet("")
        self.bars.setColor(UNIT_COLOUR)
        self.series.append(self.bars)
        self.series.setLabelsVisible(True)
        self.series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsInsideEnd)
        self.series.clicked.connect(lambda index, _set: self._clicked(index))
        chart = self.chart()
        chart.addSeries(self.series)
        self.axis_y = QBarCategoryAxis()
        self.axis_y.setTruncateLabels(False)  # else the units' names are cut to "…"
        self.axis_x = QValueAxis()
        chart.addAxis(self.axis_y, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(self.axis_x, Qt.AlignmentFlag.AlignBottom)
        self.series.attachAxis(self.axis_y)
        self.series.attachAxis(self.axis_x)
        self.count = 0
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_bars(
        self, title: str, labels: Sequence[str], values: Sequence[float], *, percent: bool
    ) -> None:
        """Show one bar per unit, the first (the worst) at the top; a rate in percent."""
        self.count = len(values)
        self.chart().setTitle(title)
        self.bars.remove(0, self.bars.count())
        # a horizontal bar chart draws its first category at the bottom: give them reversed
        self.bars.append([float(v) for v in reversed(values)])
        self.axis_y.clear()
        self.axis_y.append(_unique(list(reversed(labels))))
        self.series.setLabelsFormat("@value%" if percent else "@value")
        self.series.setLabelsPrecision(3 if percent else 12)
        top = 100.0 if percent else max([*values, 1.0])
        self.axis_x.setRange(0, top)
        self.axis_x.setLabelFormat("%d%%" if percent else "%d")
        if not percent:
            self.axis_x.applyNiceNumbers()
        self.setFixedHeight(BAR_HEIGHT * max(self.count, 1) + CHART_MARGIN)

    def bar_point(self, index: int) -> QPoint:
        """The viewport position of the middle of the bar of the unit at `index` (0: worst)."""
        row = self.count - 1 - index
        value = max(self.bars.at(row), self.axis_x.max() / 50)
        return self.view_point(QPointF(value / 2, row), self.series)

    def _clicked(self, row: int) -> None:
        self.bar_clicked.emit(self.count - 1 - row)


def _unique(labels: list[str]) -> list[str]:
    """Category names must differ: a repeated name gets a trailing space per repeat."""
    seen: dict[str, int] = {}
    unique = []
    for label in labels:
        seen[label] = seen.get(label, -1) + 1
        unique.append(label + " " * seen[label])
    return unique
