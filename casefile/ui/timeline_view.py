"""The timeline (pyqtgraph): lanes of dated records, drawn from arrays — one item per kind
and style, never one item per record. Exact days are points; spans are bars; approximate or
uncertain spans are hatched with a dashed outline; open ends fade out."""

from __future__ import annotations

from collections import OrderedDict
from datetime import UTC, date, datetime

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QLinearGradient, QPen
from PySide6.QtWidgets import QToolTip

from casefile.core.timeline import KIND_COLOURS, KIND_SYMBOLS, STYLES, Timeline
from casefile.ui.text import plain_tooltip

DAY = 86400.0
MIN_DAYS = 3  # the narrowest time range shown (zoomed in as far as it goes)
LABEL_LIMIT = 60  # labels are drawn when at most this many items are in view
ROW_BLOCK = 32  # drawing rows per graphics item


def epoch(d) -> float:  # noqa: ANN001
    return (d.toordinal() - 719163) * DAY


class TimeViewBox(pg.ViewBox):
    """Wheel zooms time only; dragging pans time and lanes."""

    def wheelEvent(self, ev, axis=None):  # noqa: ANN001, N802
        super().wheelEvent(ev, axis=0)


class DayAxis(pg.DateAxisItem):
    """A time axis in dates only: years and months, or months and days — never hours or
    weekdays (a case knows days at best)."""

    def __init__(self) -> None:
        super().__init__("bottom", utcOffset=0)
        levels: OrderedDict = self.zoomLevels  # type: ignore[has-type]  # pyqtgraph's
        # (years, months) and (months, days): none of the finer ones
        self.zoomLevels = OrderedDict(list(levels.items())[:2])
        self.fontMetrics = QFontMetrics(self.font())  # until the first paint measures it


class LaneAxis(pg.AxisItem):
    """Lane names at the first drawing row of each lane."""

    def __init__(self) -> None:
        super().__init__("left")
        self.setWidth(200)

    def set_lanes(self, lane_y: list[int], names: list[str]) -> None:
        self.setTicks([[(float(y), n if len(n) <= 24 else n[:23] + "…")
                        for y, n in zip(lane_y, names, strict=True)], []])


def _brush(kind: str, style: str) -> QBrush:
    colour = QColor(KIND_COLOURS.get(kind, "#666666"))
    if style == "approx":
        return QBrush(colour, Qt.BrushStyle.BDiagPattern)
    if style in ("open_start", "open_end"):
        grad = QLinearGradient(0, 0, 1, 0)
        grad.setCoordinateMode(QLinearGradient.CoordinateMode.ObjectBoundingMode)
        clear = QColor(colour)
        clear.setAlpha(0)
        grad.setColorAt(0.0, colour if style == "open_end" else clear)
        grad.setColorAt(1.0, clear if style == "open_end" else colour)
        return QBrush(grad)
    return QBrush(colour)


def _pen(kind: str, style: str) -> QPen:
    pen = QPen(QColor(KIND_COLOURS.get(kind, "#666666")).darker(130))
    pen.setCosmetic(True)
    pen.setWidthF(1.2)
    if style == "approx":
        pen.setStyle(Qt.PenStyle.DashLine)
    if style in ("open_start", "open_end"):
        pen = QPen(Qt.PenStyle.NoPen)
    return pen


class TimelinePlot(pg.PlotWidget):
    """Draws a :class:`casefile.core.timeline.Timeline`; reports clicks on records."""

    record_clicked = Signal(str, int)

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        self.lane_axis = LaneAxis()
        super().__init__(parent, viewBox=TimeViewBox(),
                         axisItems={"bottom": DayAxis(),
                                    "left": self.lane_axis})
        self.setBackground("w")
        self.plotItem.showGrid(x=True, y=False, alpha=0.25)
        self.getViewBox().invertY(True)
        self.getViewBox().setLimits(minXRange=MIN_DAYS * DAY)
        self.getViewBox().setMouseEnabled(x=True, y=True)
        self.plotItem.hideButtons()
        for axis in ("left", "bottom"):
            self.getAxis(axis).setTextPen("#222222")
            self.getAxis(axis).setPen("#888888")
        self.timeline: Timeline | None = None
        self.items: list[pg.GraphicsObject] = []
        self.labels: list[pg.TextItem] = []
        self.highlight_item: pg.GraphicsObject | None = None
        self.x0 = self.x1 = self.y = np.zeros(0)
        self._label_timer = QTimer(self)
        self._label_timer.setSingleShot(True)
        self._label_timer.setInterval(60)
        self._label_timer.timeout.connect(self._update_labels)
        self.getViewBox().sigRangeChanged.connect(lambda *_: self._label_timer.start())
        self.scene().sigMouseClicked.connect(self._clicked)
        self.scene().sigMouseMoved.connect(self._hover)

    # -- drawing ------------------------------------------------------------------------
    def set_timeline(self, timeline: Timeline, keep_range: bool = False) -> None:
        vb = self.getViewBox()
        old_range = vb.viewRange() if keep_range and self.timeline else None
        for item in self.items + self.labels:
            self.removeItem(item)
        self.items, self.labels = [], []
        self.timeline = timeline
        self.lane_axis.set_lanes(timeline.lane_y, timeline.lanes)
        self.x0 = (timeline.start - 719163).astype(float) * DAY
        self.x1 = (timeline.end + 1 - 719163).astype(float) * DAY
        self.y = timeline.y.astype(float)
        if not len(timeline):
            vb.setLimits(yMin=-1.5, yMax=1.5)
            this_year = date.today().replace(month=1, day=1)
            vb.setRange(xRange=(epoch(this_year), epoch(this_year) + 365 * DAY),
                        yRange=(-0.8, 0.7), padding=0)
            return
        kind_list = list(KIND_COLOURS)
        kind_code = np.array([kind_list.index(k) if k in KIND_COLOURS else 0
                              for k in timeline.kind_codes], dtype=int)
        # one item per (block of rows, kind, style): few items, and the scene culls blocks
        # that are off screen vertically
        key = (timeline.y // ROW_BLOCK) * 100 + kind_code * 10 + timeline.style
        order = np.argsort(key, kind="stable")
        groups, starts = np.unique(key[order], return_index=True)
        bounds = list(starts[1:]) + [len(order)]
        for g, a, b in zip(groups, starts, bounds, strict=True):
            self._draw_group(kind_list[(g // 10) % 10], STYLES[g % 10], order[a:b])
        vb.setLimits(yMin=-1.5, yMax=max(timeline.height, 1) + 0.5)
        self._lane_lines(timeline)
        if old_range is not None:
            vb.setRange(xRange=old_range[0], yRange=old_range[1], padding=0)
        else:
            self.fit_all()
        self._update_labels()

    def _draw_group(self, kind: str, style: str, idx: np.ndarray) -> None:
        """One bar item for spans of a style, one scatter item for exact days."""
        if style == "point":
            self._add(pg.ScatterPlotItem(x=self.x0[idx] + DAY / 2, y=self.y[idx],
                                         symbol=KIND_SYMBOLS.get(kind, "o"), size=11,
                                         brush=pg.mkBrush(KIND_COLOURS[kind]),
                                         pen=pg.mkPen("#222222", width=1)))
            return
        self._add(pg.BarGraphItem(x0=self.x0[idx], x1=self.x1[idx], y=self.y[idx],
                                  height=0.5, brush=_brush(kind, style), pen=_pen(kind, style)))

    def _lane_lines(self, timeline: Timeline) -> None:
        """Thin separators between lanes."""
        for y in timeline.lane_y[1:]:
            line = pg.InfiniteLine(pos=y - 0.5, angle=0, pen=pg.mkPen("#CCCCCC", width=1))
            self._add(line)

    def _add(self, item: pg.GraphicsObject) -> None:
        self.addItem(item)
        self.items.append(item)

    def fit_all(self) -> None:
        if self.timeline is None or not len(self.x0):
            return
        span = max(self.x1.max() - self.x0.min(), 30 * DAY)
        rows = self.timeline.height
        self.getViewBox().setRange(
            xRange=(self.x0.min() - 0.04 * span, self.x1.max() + 0.04 * span),
            yRange=(-0.8, min(rows, 16) - 0.3), padding=0)

    def zoom_to(self, indexes: np.ndarray) -> None:
        if not len(indexes):
            return
        a, b = self.x0[indexes].min(), self.x1[indexes].max()
        pad = max((b - a) * 0.15, 10 * DAY)
        self.getViewBox().setXRange(a - pad, b + pad, padding=0)

    def highlight(self, indexes: np.ndarray) -> None:
        if self.highlight_item is not None:
            self.removeItem(self.highlight_item)
            self.highlight_item = None
        if not len(indexes):
            return
        pen = QPen(QColor("#000000"))
        pen.setCosmetic(True)
        pen.setWidthF(3)
        self.highlight_item = pg.BarGraphItem(
            x0=self.x0[indexes] - DAY, x1=self.x1[indexes] + DAY, y=self.y[indexes],
            height=0.72, brush=QBrush(Qt.BrushStyle.NoBrush), pen=pen)
        self.addItem(self.highlight_item)

    def _update_labels(self) -> None:
        if self.plotItem is None:  # the widget is closing
            return
        for item in self.labels:
            self.removeItem(item)
        self.labels = []
        if self.timeline is None or not len(self.x0):
            return
        (xa, xb), (ya, yb) = self.getViewBox().viewRange()
        lo, hi = min(ya, yb), max(ya, yb)
        visible = np.nonzero((self.x1 >= xa) & (self.x0 <= xb) & (self.y >= lo - 0.5)
                             & (self.y <= hi + 0.5))[0]
        if len(visible) > LABEL_LIMIT:
            return
        px = self.getViewBox().viewPixelSize()[0]  # data units per pixel along time
        order = sorted(visible, key=lambda i: (self.y[i], self.x0[i]))
        for n, i in enumerate(order):
            left = max(self.x0[i], xa)
            nxt = order[n + 1] if n + 1 < len(order) else None
            right = self.x0[nxt] if nxt is not None and self.y[nxt] == self.y[i] else xb
            chars = int((right - left) / px / 7) - 1  # about 7 px a character
            if chars < 4:
                continue
            rec = self.timeline.records[int(self.timeline.rec[i])]
            text = f"{rec.date_text}: {rec.label}"
            label = pg.TextItem(text if len(text) <= chars else text[:chars - 1] + "…",
                                color="#111111", anchor=(0, 1))
            label.setPos(left, self.y[i] - 0.27)
            self.addItem(label)
            self.labels.append(label)

    # -- picking ------------------------------------------------------------------------
    def index_at(self, scene_pos: QPointF) -> int | None:
        """The row under a scene position (the narrowest item there), or None."""
        if self.timeline is None or not len(self.x0):
            return None
        vb = self.getViewBox()
        p = vb.mapSceneToView(scene_pos)
        tol = abs(vb.mapSceneToView(scene_pos + QPointF(6, 0)).x() - p.x())
        lane = round(p.y())
        if abs(p.y() - lane) > 0.4:
            return None
        hit = np.nonzero((self.y == lane) & (self.x0 - tol <= p.x())
                         & (self.x1 + tol >= p.x()))[0]
        if not len(hit):
            return None
        return int(hit[np.argmin(self.x1[hit] - self.x0[hit])])

    def _clicked(self, ev) -> None:  # noqa: ANN001
        i = self.index_at(ev.scenePos())
        if i is not None and self.timeline is not None:
            rec = self.timeline.records[int(self.timeline.rec[i])]
            self.record_clicked.emit(rec.kind, rec.id)

    def _hover(self, pos: QPointF) -> None:
        i = self.index_at(pos)
        if i is None or self.timeline is None:
            QToolTip.hideText()
            return
        screen = self.mapToGlobal(self.mapFromScene(pos))
        QToolTip.showText(screen, plain_tooltip(self.timeline.row(i).tooltip()), self)

    def visible_range(self) -> tuple[str, str]:
        (xa, xb), _ = self.getViewBox().viewRange()
        a = datetime.fromtimestamp(max(xa, -6e10), UTC).date()
        b = datetime.fromtimestamp(min(xb, 2.5e11), UTC).date()
        return a.isoformat(), b.isoformat()
