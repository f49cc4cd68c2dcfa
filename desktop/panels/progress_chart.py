"""A small chart of one region's progress along one target, painted with QPainter.

The achieved figures (:attr:`Progress.history`) are a line with points over time; the target is
a diamond at its deadline with a dashed vertical line there, and a dashed line joins the
baseline (or the latest figure when there is none) to it: the straight path the status is
judged against. The baseline is a square. :class:`ChartMapping` turns a (date, value) pair into
widget pixels: later dates further right, larger values higher.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date as Date
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.labels import figure_text

if TYPE_CHECKING:
    from geodata.plan.progress import Progress

ACHIEVED_COLOR = QColor("#1f6fb4")
TARGET_COLOR = QColor("#c0392b")
BASELINE_COLOR = QColor("#6d6d6d")
GRID_COLOR = QColor("#dddddd")
POINT_RADIUS = 3.5
#: Days added on each side when every point has the same date.
SINGLE_DAY_PAD = 180


def _day(iso: str) -> int:
    """Return the ordinal day of an ISO date."""
    return Date.fromisoformat(iso).toordinal()


def nice_step(span: float, steps: int = 4) -> float:
    """Return a round step (1, 2, 2.5 or 5 times a power of ten) cutting ``span`` in ~``steps``."""
    if span <= 0:
        return 1.0
    raw = span / steps
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)


def value_range(values: list[float]) -> tuple[float, float, float]:
    """Return the value axis (low, high, step): round ends, from zero for counts near it."""
    low, high = min(values), max(values)
    if 0 <= low <= high * 0.6:
        low = 0.0
    if high == low:
        pad = abs(high) * 0.1 or 1.0
        low, high = low - pad if low != 0 else 0.0, high + pad
    step = nice_step(high - low)
    return math.floor(low / step) * step, math.ceil(high / step) * step, step


@dataclass(frozen=True)
class ChartMapping:
    """Where a (date, value) pair is drawn.

    Attributes
    ----------
    plot : QRectF
        The plotting area in widget pixels.
    first_day, last_day : int
        Ordinal days at the left and right edges.
    low, high : float
        Values at the bottom and top edges.
    step : float
        Between two value ticks.
    """

    plot: QRectF
    first_day: int
    last_day: int
    low: float
    high: float
    step: float

    def x(self, iso: str) -> float:
        """Return the horizontal pixel of an ISO date (later: further right)."""
        share = (_day(iso) - self.first_day) / max(self.last_day - self.first_day, 1)
        return self.plot.left() + share * self.plot.width()

    def y(self, value: float) -> float:
        """Return the vertical pixel of a value (larger: higher, so a smaller y)."""
        share = (value - self.low) / ((self.high - self.low) or 1.0)
        return self.plot.bottom() - share * self.plot.height()

    def point(self, iso: str, value: float) -> QPointF:
        """Return the pixel of a (date, value) pair."""
        return QPointF(self.x(iso), self.y(value))

    def value_ticks(self) -> list[float]:
        """Return the values of the grid lines, bottom to top."""
        count = round((self.high - self.low) / self.step)
        return [self.low + i * self.step for i in range(count + 1)]


def chart_points(progress: Progress) -> list[tuple[str, float]]:
    """Return every (date, value) the chart shows: the figures, the baseline, the target."""
    points = list(progress.history)
    if progress.baseline is not None:
        points.append((progress.baseline.date, progress.baseline.value))
    points.append((progress.deadline, progress.target_value))
    return points


def chart_mapping(progress: Progress, plot: QRectF) -> ChartMapping:
    """Return the mapping of ``progress``'s points into ``plot``."""
    points = chart_points(progress)
    days = [_day(d) for d, _ in points]
    first, last = min(days), max(days)
    if first == last:
        first, last = first - SINGLE_DAY_PAD, last + SINGLE_DAY_PAD
    pad = round((last - first) * 0.04)
    low, high, step = value_range([v for _, v in points])
    return ChartMapping(plot, first - pad, last + pad, low, high, step)


class ProgressChart(QWidget):
    """The figures of one :class:`~geodata.plan.progress.Progress` over time."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.progress: Progress | None = None
        self.setMinimumHeight(190)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.retranslate()

    def sizeHint(self) -> QSize:  # noqa: D102, N802
        return QSize(360, 220)

    def set_progress(self, progress: Progress | None) -> None:
        """Chart ``progress`` (None: a hint that there is nothing to chart)."""
        self.progress = progress
        self._update_accessible_name()
        self.update()

    def retranslate(self) -> None:
        """Set the legend and hints in the current interface language."""
        self.legend = (
            self.tr("Achieved"),
            self.tr("Target"),
            self.tr("Baseline"),
        )
        self.empty_hint = self.tr("No achieved figures to chart.")
        self._update_accessible_name()
        self.update()

    def _update_accessible_name(self) -> None:
        p = self.progress
        name = self.tr("Progress chart")
        self.setAccessibleName(name if p is None else f"{name}: {p.metric} [{p.target}]")

    def plot_rect(self) -> QRectF:
        """Return the plotting area: room for the title, legend and axis labels around it."""
        metrics = QFontMetrics(self.font())
        line = metrics.height()
        left = 8 + self._widest_value_label(metrics)
        return QRectF(left, 2.5 * line + 6, self.width() - left - 14, self.height() - 4.5 * line)

    def mapping(self) -> ChartMapping | None:
        """Return where the current progress' points are drawn (None when there is none)."""
        if self.progress is None or not self.progress.history:
            return None
        return chart_mapping(self.progress, self.plot_rect())

    def _widest_value_label(self, metrics: QFontMetrics) -> int:
        if self.progress is None or not self.progress.history:
            return 0
        ticks = chart_mapping(self.progress, QRectF(0, 0, 1, 1)).value_ticks()
        return max(metrics.horizontalAdvance(figure_text(t)) for t in ticks)

    # -- painting -----------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: D102, N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: D102, N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Base))
        try:
            mapping = self.mapping()
            if mapping is None or mapping.plot.width() < 20 or mapping.plot.height() < 20:
                self._paint_empty(painter)
                return
            assert self.progress is not None
            self._paint_title(painter, self.progress)
            self._paint_axes(painter, mapping)
            self._paint_target(painter, mapping, self.progress)
            self._paint_figures(painter, mapping, self.progress)
        finally:
            painter.end()

    def _text_color(self, muted: bool = False) -> QColor:
        role = QPalette.ColorRole.PlaceholderText if muted else QPalette.ColorRole.Text
        return self.palette().color(role)

    def _paint_empty(self, painter: QPainter) -> None:
        painter.setPen(self._text_color(muted=True))
        painter.drawText(QRectF(self.rect()), Qt.AlignmentFlag.AlignCenter, self.empty_hint)

    def _paint_title(self, painter: QPainter, progress: Progress) -> None:
        """Draw the metric, its unit and the legend above the plot."""
        metrics = QFontMetrics(self.font())
        line = metrics.height()
        title = f"{progress.metric} [{progress.target}] · {progress.unit}"
        painter.setPen(self._text_color())
        elided = metrics.elidedText(title, Qt.TextElideMode.ElideRight, self.width() - 12)
        painter.drawText(QPointF(6, metrics.ascent() + 2), elided)
        x = 6.0
        y = line + metrics.ascent() + 4
        styles = ((ACHIEVED_COLOR, "o"), (TARGET_COLOR, "d"), (BASELINE_COLOR, "s"))
        for label, (color, shape) in zip(self.legend, styles, strict=True):
            _marker(painter, QPointF(x + 5, y - metrics.ascent() / 2 + 1), color, shape)
            painter.setPen(self._text_color())
            painter.drawText(QPointF(x + 14, y), label)
            x += 14 + metrics.horizontalAdvance(label) + 14

    def _paint_axes(self, painter: QPainter, mapping: ChartMapping) -> None:
        """Draw the value grid with its labels, then the date ticks under the plot."""
        metrics = QFontMetrics(self.font())
        plot = mapping.plot
        for value in mapping.value_ticks():
            y = mapping.y(value)
            painter.setPen(QPen(GRID_COLOR, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(self._text_color(muted=True))
            label = figure_text(value)
            width = metrics.horizontalAdvance(label)
            painter.drawText(QPointF(plot.left() - width - 4, y + metrics.ascent() / 2 - 1), label)
        painter.setPen(QPen(self._text_color(muted=True), 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        for iso, label in date_ticks(mapping):
            x = mapping.x(iso)
            painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 4))
            width = metrics.horizontalAdvance(label)
            left = min(max(x - width / 2, 2), self.width() - width - 2)
            painter.drawText(QPointF(left, plot.bottom() + 4 + metrics.ascent()), label)

    def _paint_target(self, painter: QPainter, mapping: ChartMapping, progress: Progress) -> None:
        """Draw the deadline, the path to the target and the target itself."""
        plot = mapping.plot
        goal = mapping.point(progress.deadline, progress.target_value)
        painter.setPen(QPen(GRID_COLOR.darker(120), 1, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(goal.x(), plot.top()), QPointF(goal.x(), plot.bottom()))
        base = progress.baseline
        start = (
            mapping.point(base.date, base.value)
            if base is not None
            else mapping.point(*progress.history[-1])
        )
        painter.setPen(QPen(TARGET_COLOR, 1.5, Qt.PenStyle.DashLine))
        painter.drawLine(start, goal)
        _marker(painter, goal, TARGET_COLOR, "d")
        self._label(painter, goal, figure_text(progress.target_value), TARGET_COLOR)

    def _paint_figures(self, painter: QPainter, mapping: ChartMapping, progress: Progress) -> None:
        """Draw the figures as a line with points, the baseline as a square, the latest value."""
        points = [mapping.point(d, v) for d, v in progress.history]
        painter.setPen(QPen(ACHIEVED_COLOR, 2))
        painter.drawPolyline(QPolygonF(points))
        for point in points:
            _marker(painter, point, ACHIEVED_COLOR, "o")
        if progress.baseline is not None:
            base = progress.baseline
            _marker(painter, mapping.point(base.date, base.value), BASELINE_COLOR, "s")
        if progress.value is not None and progress.date:
            latest = mapping.point(progress.date, progress.value)
            self._label(painter, latest, figure_text(progress.value), ACHIEVED_COLOR)

    def _label(self, painter: QPainter, at: QPointF, text: str, color: QColor) -> None:
        """Write ``text`` just above ``at``, kept inside the widget."""
        metrics = QFontMetrics(self.font())
        width = metrics.horizontalAdvance(text)
        left = min(max(at.x() - width / 2, 2), self.width() - width - 2)
        painter.setPen(color)
        painter.drawText(QPointF(left, at.y() - POINT_RADIUS - 4), text)


def date_ticks(mapping: ChartMapping) -> list[tuple[str, str]]:
    """Return the (ISO date, label) ticks of the date axis: each new year, else both ends."""
    first = Date.fromordinal(mapping.first_day)
    last = Date.fromordinal(mapping.last_day)
    years = [Date(y, 1, 1) for y in range(first.year + 1, last.year + 1)]
    if len(years) >= 2:
        keep = max(1, math.ceil(len(years) / 6))  # at most about six labels
        return [(d.isoformat(), str(d.year)) for d in years[::keep]]
    return [(d.isoformat(), d.strftime("%Y-%m")) for d in (first, last)]


def _marker(painter: QPainter, at: QPointF, color: QColor, shape: str) -> None:
    """Draw a point: ``o`` a filled circle, ``s`` a square, ``d`` a hollow diamond."""
    r = POINT_RADIUS
    painter.setPen(QPen(color, 1.5))
    if shape == "o":
        painter.setBrush(color)
        painter.drawEllipse(at, r, r)
    elif shape == "s":
        painter.setBrush(QColor("white"))
        painter.drawRect(QRectF(at.x() - r - 1, at.y() - r - 1, 2 * r + 2, 2 * r + 2))
    else:
        painter.setBrush(QColor("white"))
        d = r + 2
        diamond = [QPointF(at.x(), at.y() - d), QPointF(at.x() + d, at.y())]
        diamond += [QPointF(at.x(), at.y() + d), QPointF(at.x() - d, at.y())]
        painter.drawPolygon(QPolygonF(diamond))
    painter.setBrush(Qt.BrushStyle.NoBrush)
