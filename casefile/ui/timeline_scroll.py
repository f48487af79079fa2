"""Scrolling the timeline's lanes: a vertical scroll bar beside the chart whenever its rows do
not all fit the height (a short dock shows the top lanes; the bar says there are more and
reaches them), and bringing a selected record's item into view — by scrolling the rows and
panning the time, never by zooming, and not at all when one of its items is in view already."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QScrollBar, QWidget

from casefile.ui.timeline_view import TimelinePlot

SCALE = 100  # scroll bar steps per row
EDGE = 0.25  # an item's row is in view when this much of a row around its centre is


class LaneScrollBar(QScrollBar):
    """Follows the rows in view of ``plot`` and scrolls them; hidden while all rows fit."""

    def __init__(self, plot: TimelinePlot, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.plot = plot
        self._syncing = False
        self.setSingleStep(SCALE)
        self.setToolTip("More lanes: scroll, or drag the chart up and down")
        plot.getViewBox().sigYRangeChanged.connect(lambda *_: self.sync())
        self.valueChanged.connect(self._scrolled)
        self.hide()

    def sync(self) -> None:
        """Range, page and position from the rows the plot shows now."""
        extent = self.plot.row_extent()
        _, (ya, yb) = self.plot.getViewBox().viewRange()
        rows = abs(yb - ya)
        if extent is None or rows >= extent[1] - extent[0] - 1e-6:
            self.setVisible(False)
            return
        first, last = extent
        self._syncing = True
        try:
            self.setRange(0, round((last - first - rows) * SCALE))
            self.setPageStep(max(1, round(rows * SCALE)))
            self.setValue(round((min(ya, yb) - first) * SCALE))
        finally:
            self._syncing = False
        self.setVisible(True)

    def _scrolled(self, value: int) -> None:
        extent = self.plot.row_extent()
        if self._syncing or extent is None:
            return
        vb = self.plot.getViewBox()
        _, (ya, yb) = vb.viewRange()
        top = extent[0] + value / SCALE
        vb.setYRange(top, top + abs(yb - ya), padding=0)


def lanes_with_scroll_bar(plot: TimelinePlot) -> tuple[QWidget, LaneScrollBar]:
    """The plot with its lane scroll bar on the right, as one widget."""
    box = QWidget()
    lay = QHBoxLayout(box)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.setSpacing(0)
    lay.addWidget(plot, 1)
    bar = LaneScrollBar(plot, box)
    lay.addWidget(bar)
    return box, bar


def reveal(plot: TimelinePlot, indexes: np.ndarray) -> bool:
    """Scroll and pan (the zoom stays) so that one of the items ``indexes`` is in view —
    the one nearest the view — unless one already is. False when the plot has no drawn
    view yet to do it in (ask again once it has)."""
    vb = plot.getViewBox()
    extent = plot.row_extent()
    if not len(indexes) or extent is None:
        return True
    if vb.height() <= 0 or vb.width() <= 0:
        return False
    (xa, xb), (ya, yb) = vb.viewRange()
    top, bottom = min(ya, yb), max(ya, yb)
    x0, x1, y = plot.x0[indexes], plot.x1[indexes], plot.y[indexes]
    x_in = (x1 > xa) & (x0 < xb)
    y_in = (y - EDGE >= top) & (y + EDGE <= bottom)
    if np.any(x_in & y_in):
        return True
    dy = np.where(y_in, 0.0, np.minimum(np.abs(y - top), np.abs(y - bottom)))
    dx = np.where(x_in, 0.0, np.minimum(np.abs(x0 - xb), np.abs(x1 - xa)))
    pick = int(np.lexsort((dx, dy))[0])
    if not y_in[pick]:
        rows = bottom - top
        first, last = extent
        new_top = min(max(float(y[pick]) - rows / 2, first), max(first, last - rows))
        vb.setYRange(new_top, new_top + rows, padding=0)
    if not x_in[pick]:
        span = xb - xa
        a, b = float(x0[pick]), float(x1[pick])
        left = (a + b) / 2 - span / 2 if b - a <= span * 0.8 else a - span * 0.1
        vb.setXRange(left, left + span, padding=0)
    return True
