"""Which record of the timeline is under the mouse: a left click opens it, a right click
asks for Casefile's own menu, and a resting mouse shows its tooltip (the record, its dates,
its sources) for as long as it stays on the item."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QToolTip

from casefile.ui.text import plain_tooltip
from casefile.ui.timeline_labels import item_edges

if TYPE_CHECKING:
    from pyqtgraph import PlotWidget as _Plot

    from casefile.core.timeline import Timeline
else:
    _Plot = object  # a mixin of the plot, which is a PlotWidget


class TimelinePicking(_Plot):
    """Picking for :class:`casefile.ui.timeline_view.TimelinePlot` (a pyqtgraph
    PlotWidget): the rows drawn at ``x0`` … ``x1`` (seconds) on row ``y``."""

    timeline: Timeline | None
    x0: np.ndarray
    x1: np.ndarray
    y: np.ndarray
    record_clicked: Any  # Signal(str, int), the plot's
    context_requested: Any  # Signal(object, QPoint)

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
        if ev.button() == Qt.MouseButton.RightButton:
            ev.accept()
            screen = ev.screenPos()
            self.context_requested.emit(i, QPoint(int(screen.x()), int(screen.y())))
            return
        if i is not None and self.timeline is not None:
            rec = self.timeline.records[int(self.timeline.rec[i])]
            self.record_clicked.emit(rec.kind, rec.id)

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802
        """A tooltip for the item under a resting mouse (the scene would hide any tooltip:
        none of its items has one)."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            i = self.index_at(self.mapToScene(event.pos()))
            if i is None or self.timeline is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(),
                                  plain_tooltip(self.timeline.row(i).tooltip()),
                                  self.viewport(), self._item_rect(i))
            return True
        return super().viewportEvent(event)

    def _item_rect(self, i: int) -> QRect:
        """Where item ``i`` is drawn, in viewport pixels (its tooltip goes when the mouse
        leaves it)."""
        vb = self.getViewBox()
        left, right = item_edges(self.x0[i:i + 1], self.x1[i:i + 1],
                                 self.timeline.style[i:i + 1] == 0 if self.timeline
                                 else np.zeros(1, bool), vb.viewPixelSize()[0])
        a = self.mapFromScene(vb.mapViewToScene(QPointF(float(left[0]), self.y[i] - 0.4)))
        b = self.mapFromScene(vb.mapViewToScene(QPointF(float(right[0]), self.y[i] + 0.4)))
        return QRect(a, b).normalized().adjusted(-3, -3, 3, 3)
