"""The timeline (pyqtgraph): lanes of dated records, drawn from arrays — one item per kind
and style, never one item per record. Exact days are points, drawn above spans; spans are
bars; approximate or uncertain spans are hatched with a dashed outline; open ends fade out.
Rows are refitted to the height after every redraw and resize; labels sit beside their
items (:mod:`casefile.ui.timeline_labels`); hovering an item shows its record, a left click
opens it, a right click asks for Casefile's own menu (``context_requested``; picking is
:mod:`casefile.ui.timeline_picking`'s)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPen

from casefile.core.timeline import KIND_COLOURS, KIND_SYMBOLS, STYLES, Timeline
from casefile.ui.timeline_labels import (
    POINT_PX,
    Place,
    View,
    label_item,
    label_places,
)
from casefile.ui.timeline_parts import (
    DayAxis,
    LaneAxis,
    LaneLines,
    TimeViewBox,
    item_brush,
    item_pen,
)
from casefile.ui.timeline_picking import TimelinePicking

DAY = 86400.0
MIN_DAYS = 3  # the narrowest time range shown (zoomed in as far as it goes)
LABEL_LIMIT = 60  # labels are drawn when at most this many items are in view
ROW_BLOCK = 32  # drawing rows per graphics item, at least…
ROW_BLOCKS = 300  # …and at most this many blocks (37k rows of parties' lanes made 3,900 items)
MIN_ROW_PX = 18  # all rows are shown when each gets at least this many pixels…
ROW_PX = 24  # …else this many, from the top row in view
TOP, BOTTOM = -0.5, 0.5  # the rows' margins above the first and below the last (in rows):
# as much below the last as above the first, so its label has the same room
Z_BARS, Z_POINTS, Z_HIGHLIGHT, Z_LABELS = 0, 10, 15, 20


def epoch(d) -> float:  # noqa: ANN001
    return (d.toordinal() - 719163) * DAY


class TimelinePlot(TimelinePicking, pg.PlotWidget):
    """Draws a :class:`casefile.core.timeline.Timeline`; reports clicks on records."""

    record_clicked = Signal(str, int)
    context_requested = Signal(object, QPoint)  # the row's index (or None), screen position

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
        self.plotItem.setMenuEnabled(False)  # pyqtgraph's menu (transforms, FFT) is not ours
        self.label_limit = LABEL_LIMIT
        self.label_font = QFont(self.font())
        for axis in ("left", "bottom"):
            self.getAxis(axis).setTextPen("#222222")
            self.getAxis(axis).setPen("#888888")
        self.timeline: Timeline | None = None
        self.items: list[pg.GraphicsObject] = []
        self.labels: list[pg.TextItem] = []
        self.placed: list[Place] = []  # where each of the labels goes, and for which row
        self.highlight_item: pg.GraphicsObject | None = None
        self.layer: pg.ItemGroup | None = None  # what set_timeline draws (self.items)
        self.x0 = self.x1 = self.y = np.zeros(0)
        self._fitted: tuple[float, float] | None = None  # the time range fit_all showed
        self._label_timer = QTimer(self)
        self._label_timer.setSingleShot(True)
        self._label_timer.setInterval(60)
        self._label_timer.timeout.connect(self._update_labels)
        self.getViewBox().sigRangeChanged.connect(lambda *_: self._label_timer.start())
        self.getViewBox().sigResized.connect(self._resized)
        self.scene().sigMouseClicked.connect(self._clicked)

    # -- drawing ------------------------------------------------------------------------
    def set_timeline(self, timeline: Timeline, keep_range: bool = False) -> None:
        """Draw ``timeline``; with ``keep_range`` the time in view stays (an edit), else
        all of it is shown. The rows are fitted to the height either way."""
        vb = self.getViewBox()
        old_range = vb.viewRange() if keep_range and self.timeline else None
        # all the time was in view: it stays so, the rows where they were (look29: a case
        # built from empty was left zoomed to the month of its first shipment; review34:
        # refitting the rows too scrolled a short dock back to its first lane)
        refit = old_range is not None and self._fitted is not None and np.allclose(
            old_range[0], self._fitted, rtol=0, atol=DAY / 4)
        if self.highlight_item is not None:
            self.removeItem(self.highlight_item)
            self.highlight_item = None
        for item in self.labels:
            self.removeItem(item)
        # the drawing's items go as one: removed one by one from pyqtgraph's lists, the
        # 17,000 items of 13,680 lanes took 9 s (look27: 'Lanes by country' after 'by entity')
        if self.layer is not None:
            self.getViewBox().removeItem(self.layer)
        self.layer = pg.ItemGroup()
        self.getViewBox().addItem(self.layer, ignoreBounds=True)
        self.items, self.labels, self.placed = [], [], []
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
        block = max(ROW_BLOCK, timeline.height // ROW_BLOCKS + 1)
        key = (timeline.y // block) * 100 + kind_code * 10 + timeline.style
        order = np.argsort(key, kind="stable")
        groups, starts = np.unique(key[order], return_index=True)
        bounds = list(starts[1:]) + [len(order)]
        for g, a, b in zip(groups, starts, bounds, strict=True):
            self._draw_group(kind_list[(g // 10) % 10], STYLES[g % 10], order[a:b])
        vb.setLimits(yMin=-1.5, yMax=max(timeline.height, 1) + 0.5)
        self._lane_lines(timeline)
        if refit:
            self.fit_time()
            self.fit_rows()
        elif old_range is not None:
            vb.setXRange(*old_range[0], padding=0)
            self.fit_rows()
        else:
            self.fit_all()
        self._update_labels()

    def _draw_group(self, kind: str, style: str, idx: np.ndarray) -> None:
        """One bar item for spans of a style, one scatter item for exact days."""
        if style == "point":  # above the spans: a day next to a span is never under it
            self._add(pg.ScatterPlotItem(x=self.x0[idx] + DAY / 2, y=self.y[idx],
                                         symbol=KIND_SYMBOLS.get(kind, "o"), size=POINT_PX,
                                         brush=pg.mkBrush(KIND_COLOURS[kind]),
                                         pen=pg.mkPen("#222222", width=1)), Z_POINTS)
            return
        self._add(pg.BarGraphItem(x0=self.x0[idx], x1=self.x1[idx], y=self.y[idx],
                                  height=0.5, brush=item_brush(kind, style),
                                  pen=item_pen(kind, style)),
                  Z_BARS)

    def _lane_lines(self, timeline: Timeline) -> None:
        """Thin separators between lanes: one item for all of them (one line item a lane
        took 7 s for 13,680 lanes of parties, look27)."""
        if len(timeline.lane_y) > 1:
            self._add(LaneLines(np.asarray(timeline.lane_y[1:], dtype=float) - 0.5),
                      Z_BARS - 1)

    def _add(self, item: pg.GraphicsObject, z: float) -> None:
        item.setZValue(z)
        item.setParentItem(self.layer)
        self.items.append(item)

    def fit_all(self, room: float = 0.04) -> None:
        """All the time (and ``room`` of it more at the right, for labels), and the rows
        from the top."""
        if self.timeline is None or not len(self.x0):
            return
        self.fit_time(room)
        self.getViewBox().setYRange(TOP, TOP + 1, padding=0)
        self.fit_rows()

    def fit_time(self, room: float = 0.04) -> None:
        """All the time in view (and ``room`` of it more at the right), the rows as they
        are."""
        span = max(self.x1.max() - self.x0.min(), 30 * DAY)
        vb = self.getViewBox()
        vb.setXRange(self.x0.min() - 0.04 * span, self.x1.max() + room * span, padding=0)
        self._fitted = tuple(vb.viewRange()[0])

    def _resized(self, *_args: object) -> None:
        self.fit_rows()
        self._label_timer.start()  # the same time, another width: labels fit again

    def row_extent(self) -> tuple[float, float] | None:
        """The top of the first row and the bottom of the last, with their margins (None:
        nothing drawn)."""
        if self.timeline is None or not len(self.x0):
            return None
        return TOP, max(self.timeline.height, 1) - 1 + BOTTOM

    def fit_rows(self) -> None:
        """All rows when each gets MIN_ROW_PX; else rows of ROW_PX from the top row in view
        (after an edit, a resize, a new grouping)."""
        extent = self.row_extent()
        vb = self.getViewBox()
        height = vb.height()
        if extent is None or height <= 0:
            return
        first, last = extent
        if height / (last - first) >= MIN_ROW_PX:
            vb.setYRange(first, last, padding=0)
            return
        rows = height / ROW_PX
        top = min(max(vb.viewRange()[1][0], first), last - rows)
        vb.setYRange(top, top + rows, padding=0)

    def zoom_to(self, indexes: np.ndarray) -> None:
        if not len(indexes):
            return
        a, b = self.x0[indexes].min(), self.x1[indexes].max()
        pad = max((b - a) * 0.15, 10 * DAY)
        self.getViewBox().setXRange(a - pad, b + pad, padding=0)

    def show_days(self, first: str, last: str) -> None:
        """The days from ``first`` to ``last`` (ISO; an open end: the case's first or last
        date) in view; neither: all the time."""
        if self.timeline is None or not len(self.x0):
            return
        if not first and not last:
            self.fit_all()
            return
        if (first, last) == self.visible_range():  # (the view's own range, filtered to)
            return
        a = epoch(date.fromisoformat(first)) if first else float(self.x0.min())
        b = epoch(date.fromisoformat(last)) + DAY if last else float(self.x1.max())
        if b <= a:
            return
        pad = max((b - a) * 0.02, DAY)
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
        self.highlight_item.setZValue(Z_HIGHLIGHT)
        self.addItem(self.highlight_item)

    def _update_labels(self) -> None:
        if self.plotItem is None:  # the widget is closing
            return
        for item in self.labels:
            self.removeItem(item)
        self.labels, self.placed = [], []
        tl = self.timeline
        if tl is None or not len(self.x0):
            return
        vb = self.getViewBox()
        (xa, xb), (ya, yb) = vb.viewRange()
        px_x, px_y = vb.viewPixelSize()
        metrics = QFontMetricsF(self.label_font)

        def text(i: int) -> str:
            rec = tl.records[int(tl.rec[i])]
            return f"{rec.date_text}: {rec.label}" if rec.date_text else rec.label
        self.placed = label_places(self.x0, self.x1, self.y, tl.style == 0, text,
                                   View(xa, xb, min(ya, yb), max(ya, yb), px_x, px_y),
                                   metrics, self.label_limit)
        for place in self.placed:
            label = label_item(place, self.label_font)
            label.setZValue(Z_LABELS)
            self.addItem(label)
            self.labels.append(label)

    def visible_range(self) -> tuple[str, str]:
        (xa, xb), _ = self.getViewBox().viewRange()
        a = datetime.fromtimestamp(max(xa, -6e10), UTC).date()
        b = datetime.fromtimestamp(min(xb, 2.5e11), UTC).date()
        return a.isoformat(), b.isoformat()
