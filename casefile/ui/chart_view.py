"""The view of the link chart: zoom with the wheel (around the mouse) or + and −, fit with F,
pan with the middle button or the arrow keys, select by click or rubber band, drag nodes.
Links are found by their distance from the mouse (they are not items): a hovered link is
drawn on top and its facts shown as a plain-text tooltip; a double click opens the record
of a node or of a link's first fact."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QContextMenuEvent, QMouseEvent, QPainter, QTransform, QWheelEvent
from PySide6.QtWidgets import QGraphicsView, QStyleOptionGraphicsItem, QToolTip, QWidget

from casefile.ui.chart_icons import ICON
from casefile.ui.chart_labels import HALF_WIDTH, LABEL_HEIGHT
from casefile.ui.chart_scene import ChartScene, icon_scale
from casefile.ui.text import plain_tooltip

LINK_TOLERANCE = 5  # pixels of the mouse from a link that still count as on it
ZOOM_STEP = 1.25
SETTLE_MS = 180  # after the last zoom step, the links left out while zooming are drawn


class ChartView(QGraphicsView):
    """Shows a :class:`ChartScene`."""

    record_opened = Signal(str, int)
    nodes_dragged = Signal(list)  # node indexes the user moved
    link_chosen = Signal(int)  # a link clicked
    node_opened = Signal(int)  # a node without a record double-clicked (a collection)
    node_menu = Signal(int, QPoint)  # a node right-clicked: its index, where (global)

    def __init__(self, scene: ChartScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.chart = scene
        self.setRenderHints(QPainter.RenderHint.Antialiasing
                            | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState, True)
        self.setBackgroundBrush(Qt.GlobalColor.white)
        self.setMouseTracking(True)
        self._pan: QPoint | None = None
        self._pressed_on: int | None = None
        self._dragged = False
        self._hovered: int | None = None
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self.settle)

    # -- zoom ---------------------------------------------------------------------------
    def lod(self) -> float:
        return QStyleOptionGraphicsItem.levelOfDetailFromTransform(self.transform())

    def zoom(self, factor: float) -> None:
        lod = self.lod() * factor
        if not 0.005 < lod < 20:
            return
        self.chart.layer.draft = True  # (crowded views draw in full once zooming stops)
        self._settle.start()
        self.scale(factor, factor)
        self.chart.set_detail(self.lod())

    def settle(self) -> None:
        """Zooming stopped: draw every link again."""
        self._settle.stop()
        layer = self.chart.layer
        layer.draft = False
        if layer.deferred:
            self.viewport().update()

    def fit(self) -> None:
        """Show every node, with room on screen for the icons (drawn to scale) and the labels
        (drawn in screen pixels: at the zoom a short dock needs, a margin in scene units would
        leave the top icons cut and the side labels off screen). A small chart is not blown
        up beyond 1.5×."""
        rect = self.chart.nodes_rect().adjusted(-ICON, -ICON / 2 - 4, ICON, ICON / 2 + 4)
        room_x = self.viewport().width() - 2 * HALF_WIDTH
        # a label under or over a node (and the pixel or two its line sits off the icon)
        room_y = self.viewport().height() - 2 * (LABEL_HEIGHT + 2)
        self.setSceneRect(QRectF())  # (the scene's, while fitting)
        if room_x < 40 or room_y < 40:  # too small a view for the labels' room
            self.fitInView(self.chart.extent(), Qt.AspectRatioMode.KeepAspectRatio)
        else:
            scale = min(room_x / max(rect.width(), 1.0), room_y / max(rect.height(), 1.0), 1.5)
            for _ in range(2):  # icons drawn larger than to scale reach beyond the margin
                extra = ICON / 2 * scale * (icon_scale(scale) - 1) + 1
                scale = min(scale, room_x / max(rect.width(), 1.0),
                            (room_y - 2 * extra) / max(rect.height(), 1.0))
            self.setTransform(QTransform.fromScale(scale, scale))
            self.centerOn(rect.center())
        self.chart.set_detail(self.lod())
        self.bound(fitted=True)

    def bound(self, fitted: bool = False) -> None:
        """Scroll no further than the chart reaches: after Fit, the area it shows (the
        scene's own rectangle has a wide margin, which left scroll bars after Fit suggesting
        more chart beyond the whole of it); after a drag, that and every node with the room
        for its label."""
        lod = max(self.lod(), 1e-6)
        if fitted:  # a pixel in from each side: rounding must leave no range of one pixel
            shown = self.mapToScene(self.viewport().rect()).boundingRect()
            self.setSceneRect(shown.adjusted(1 / lod, 1 / lod, -1 / lod, -1 / lod))
            return
        reach = self.chart.nodes_rect().adjusted(
            -ICON - HALF_WIDTH / lod, -ICON - 2 * LABEL_HEIGHT / lod,
            ICON + HALF_WIDTH / lod, ICON + 2 * LABEL_HEIGHT / lod)
        self.setSceneRect(self.sceneRect().united(reach))

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom(ZOOM_STEP ** steps)
        event.accept()

    def keyPressEvent(self, event) -> None:  # noqa: ANN001, N802
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(ZOOM_STEP)
        elif key == Qt.Key.Key_Minus:
            self.zoom(1 / ZOOM_STEP)
        elif key == Qt.Key.Key_F and not event.modifiers():
            self.fit()
        else:
            super().keyPressEvent(event)

    # -- mouse --------------------------------------------------------------------------
    def _link_under(self, pos: QPoint) -> int | None:
        tol = LINK_TOLERANCE / max(self.lod(), 1e-6)
        return self.chart.link_at(self.mapToScene(pos), tol)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.MiddleButton:
            self._pan = event.position().toPoint()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        self._pressed_on = self.chart.node_at(self.mapToScene(event.position().toPoint()))
        if self._pressed_on is None and event.button() == Qt.MouseButton.LeftButton:
            link = self._link_under(event.position().toPoint())
            if link is not None:
                self.chart.clearSelection()
                self.chart.hover_link(link)
                self.link_chosen.emit(link)
                event.accept()
                return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._pan is not None:
            delta = event.position().toPoint() - self._pan
            self._pan = event.position().toPoint()
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            return
        super().mouseMoveEvent(event)
        if event.buttons() & Qt.MouseButton.LeftButton and self._pressed_on is not None:
            self._dragged = True
            self.chart.nodes_moved(self.chart.selected_nodes())
        elif not event.buttons():
            link = None
            if self.chart.node_at(self.mapToScene(event.position().toPoint())) is None:
                link = self._link_under(event.position().toPoint())
            if link != self._hovered:
                self._hovered = link
                self.chart.hover_link(link)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._pan is not None and event.button() == Qt.MouseButton.MiddleButton:
            self._pan = None
            self.viewport().unsetCursor()
            return
        super().mouseReleaseEvent(event)
        if self._pressed_on is not None and self._dragged:
            moved = self.chart.selected_nodes()
            self.chart.nodes_moved(moved)
            self.bound()
            self.nodes_dragged.emit(moved)
        self._pressed_on = None
        self._dragged = False

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        pos = event.position().toPoint()
        node = self.chart.node_at(self.mapToScene(pos))
        if node is not None:
            record = self.chart.graph.nodes[node].record
            if record is not None:
                self.record_opened.emit(*record)
            else:
                self.node_opened.emit(node)  # a collection: unfolded
            return
        link = self._link_under(pos)
        if link is not None:
            facts = self.chart.graph.links[link].facts  # (read from the case now)
            if facts:
                self.record_opened.emit(facts[0].kind, facts[0].id)
            return
        super().mouseDoubleClickEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        node = self.chart.node_at(self.mapToScene(event.pos()))
        if node is None:
            super().contextMenuEvent(event)
            return
        if not self.chart.nodes[node].isSelected():
            self.chart.clearSelection()
            self.chart.nodes[node].setSelected(True)
        self.node_menu.emit(node, event.globalPos())

    def tooltip_at(self, pos: QPoint) -> str | None:
        """The facts of the node or link under ``pos`` (viewport pixels), as plain text."""
        g = self.chart.graph
        node = self.chart.node_at(self.mapToScene(pos))
        if node is not None:
            return g.nodes[node].tooltip()
        link = self._link_under(pos)
        return None if link is None else g.links[link].tooltip(g.nodes)

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ToolTip:
            text = self.tooltip_at(event.pos())  # type: ignore[attr-defined]
            if text:
                QToolTip.showText(event.globalPos(),  # type: ignore[attr-defined]
                                  plain_tooltip(text), self)
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)
