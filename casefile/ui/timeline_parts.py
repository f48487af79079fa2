"""The pieces the timeline is drawn with: a view box whose wheel zooms time only, a time
axis in dates only, the lane names on the left and the lines between lanes, the brushes and
pens of each kind and style of item, and the legend that names them."""

from __future__ import annotations

from collections import OrderedDict

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QLinearGradient, QPainter, QPen

from casefile.core.names import short_legal_form
from casefile.core.timeline import KIND_COLOURS, KIND_LANES

WHEEL_ROWS = 3  # rows scrolled by a notch of the wheel over the lane names


class TimeViewBox(pg.ViewBox):
    """Wheel zooms time only; dragging pans time and lanes; the right button is for the
    menu, never for pyqtgraph's drag-to-scale."""

    def wheelEvent(self, ev, axis=None):  # noqa: ANN001, N802
        super().wheelEvent(ev, axis=0)

    def mouseDragEvent(self, ev, axis=None):  # noqa: ANN001, N802
        if ev.button() == Qt.MouseButton.RightButton:
            ev.ignore()
            return
        super().mouseDragEvent(ev, axis)


class DayAxis(pg.DateAxisItem):
    """A time axis in dates only: years and months, or months and days — never hours or
    weekdays (a case knows days at best)."""

    def __init__(self) -> None:
        super().__init__("bottom", utcOffset=0)
        levels: OrderedDict = self.zoomLevels  # type: ignore[has-type]  # pyqtgraph's
        # (years, months) and (months, days): none of the finer ones
        self.zoomLevels = OrderedDict(list(levels.items())[:2])
        self.fontMetrics = QFontMetrics(self.font())  # until the first paint measures it


LANE_MARGIN = 24  # pixels of the lane axis its labels leave to the tick and its gap


class LaneAxis(pg.AxisItem):
    """Lane names at the first drawing row of each lane; the wheel over them scrolls the
    lanes (over the chart it zooms the time)."""

    def __init__(self) -> None:
        super().__init__("left")
        self.setWidth(200)

    def wheelEvent(self, ev):  # noqa: ANN001, N802
        vb = self.linkedView()
        if vb is None:
            return
        ev.accept()
        _, (ya, yb) = vb.viewRange()
        lo, hi = vb.state["limits"]["yLimits"]
        rows = abs(yb - ya)
        if lo is None or hi is None or hi - lo - rows <= 1.0 + 1e-6:
            return  # every lane is in view already
        top = min(max(min(ya, yb) - ev.delta() / 120 * WHEEL_ROWS, lo), hi - rows)
        vb.setYRange(top, top + rows, padding=0)

    def set_lanes(self, lane_y: list[int], names: list[str]) -> None:
        """Each lane's name at its first row, cut with "…" to the axis's width in pixels (a
        legal form written out in words abbreviated first: 'ООО "ТЕХНОПРОМСНАБ"'):
        pyqtgraph leaves out a label wider than the axis (look23: the lanes of long
        Cyrillic names, the sanctioned consignees, had no name at all)."""
        font = self.style.get("tickFont") or self.font()
        metrics = QFontMetrics(font)
        room = self.width() - LANE_MARGIN
        def fitted(name: str) -> str:  # a long name gives its legal form abbreviated first
            if metrics.horizontalAdvance(name) > room:
                name = short_legal_form(name)
            return metrics.elidedText(name, Qt.TextElideMode.ElideRight, room)
        self.setTicks([[(float(y), fitted(n)) for y, n in zip(lane_y, names, strict=True)],
                       []])


def item_brush(kind: str, style: str) -> QBrush:
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


def item_pen(kind: str, style: str) -> QPen:
    pen = QPen(QColor(KIND_COLOURS.get(kind, "#666666")).darker(130))
    pen.setCosmetic(True)
    pen.setWidthF(1.2)
    if style == "approx":
        pen.setStyle(Qt.PenStyle.DashLine)
    if style in ("open_start", "open_end"):
        pen = QPen(Qt.PenStyle.NoPen)
    return pen



class LaneLines(pg.GraphicsObject):
    """Horizontal lines at ``ys`` across the view, however far it is panned or zoomed; only
    those in view are drawn."""

    def __init__(self, ys: np.ndarray) -> None:
        super().__init__()
        self.ys = np.sort(ys)
        self.pen = QPen(QColor("#CCCCCC"))
        self.pen.setCosmetic(True)
        self.pen.setWidthF(1)

    def viewTransformChanged(self) -> None:  # noqa: N802 - pyqtgraph's hook
        super().viewTransformChanged()  # (forgets the view's bounds it keeps)
        self.prepareGeometryChange()  # its bounds are the view's

    def boundingRect(self) -> QRectF:
        view = self.viewRect()
        return QRectF() if view is None else view.normalized()

    def paint(self, painter: QPainter, *_args: object) -> None:
        view = self.viewRect()
        if view is None:
            return
        view = view.normalized()
        a, b = np.searchsorted(self.ys, [view.top(), view.bottom()])
        painter.setPen(self.pen)
        for y in self.ys[a:b]:
            painter.drawLine(QPointF(view.left(), y), QPointF(view.right(), y))

_GLYPH = {"shipment": "◆", "event": "●", "sanction": "■", "relationship": "⬢",
          "source": "▲"}


def legend_html() -> str:
    """Fixed legend text (no case data in it)."""
    parts = [f'<span style="color:{KIND_COLOURS[k]}">{_GLYPH[k]} ▬</span> {KIND_LANES[k]}'
             for k in KIND_COLOURS]
    parts += ["● exact day", "▬ span", "▨ approximate / uncertain", "░ open end (fades)"]
    # a narrow window wraps it between its entries, never inside one (look22: the hatch of
    # 'approximate / uncertain' ended one line, its words began the next)
    return "&nbsp;&nbsp; ".join(p.replace(" ", "&nbsp;").replace("<span&nbsp;", "<span ")
                                 for p in parts)
