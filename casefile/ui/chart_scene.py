"""The link chart's scene: one pixmap item per node (its kind's cached icon), one
:class:`LabelLayer` for their labels and one :class:`LinkLayer` for every link. Labels show
only when zoomed in far enough to read them; icons are drawn larger than to scale when the
zoom would make them too small to tell apart (the short dock's fit), up to a point. The date
filter, hidden nodes and highlighted paths change masks and opacities; nothing is rebuilt."""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainterPath, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsPixmapItem,
    QGraphicsScene,
)

from casefile.core.chart.model import ChartGraph
from casefile.ui.chart_icons import ICON, icon
from casefile.ui.chart_labels import LABEL_LOD, LabelLayer
from casefile.ui.chart_layer import PATH_COLOUR, LinkLayer

SCALE = 190.0  # scene pixels per layout unit (a node is 32 pixels wide)
MIN_ICON_PX = 20  # an icon on screen at least, as far as it may grow (its pictogram reads)
RING_LAYOUTS = frozenset({"circular", "radial"})  # layouts that set nodes on rings round 0, 0
MOST_ICON_SCALE = 3.0  # an icon grows so by at most this (far out, nodes stay dots)
DIM = 0.22  # opacity of nodes the date filter leaves without a link
HIDDEN_GREY = 0.3  # opacity of hidden nodes when they are shown in grey


class ChartScene(QGraphicsScene):
    """The drawn chart of one :class:`ChartGraph`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.graph = ChartGraph([], [])
        self.nodes: list[QGraphicsPixmapItem] = []
        self.layer = LinkLayer(self.graph)
        self.labels = LabelLayer(self)  # (after the links: it labels them too)
        self.pos = np.zeros((0, 2))
        self.units = np.zeros((0, 2))
        self.active = np.ones(0, bool)  # links the date filter keeps
        self.hidden = np.zeros(0, bool)
        self._opacity = np.ones(0)
        self._shown = np.ones(0, bool)
        self.show_hidden = False
        self.window_text = ""  # the date window in words, when the chart is filtered
        self.labels_on = False  # until a view zooms in far enough (set_detail)
        self.icon_scale = 1.0  # every icon's size, times the usual (set_detail)
        self.ring = False  # the nodes are on rings round the origin (their labels go out)
        self.version = 0  # bumped when places, sizes or what shows change (label cache)
        self.sizes = np.ones(0)
        self.hover: QGraphicsPathItem | None = None
        self._incident: list[np.ndarray] = []
        self.label_font = QFont()
        self.label_font.setPixelSize(11)

    def set_graph(self, graph: ChartGraph, pos: np.ndarray) -> None:
        """Draw ``graph`` with nodes at ``pos`` (layout units)."""
        self.hover = None
        self.clear()
        self.graph = graph
        self.nodes = []
        flags = (QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
                 | QGraphicsItem.GraphicsItemFlag.ItemIsMovable)
        for i, node in enumerate(graph.nodes):
            item = QGraphicsPixmapItem(icon(node.kind, node.sanctioned))
            item.setOffset(-ICON / 2, -ICON / 2)
            item.setScale(self.icon_scale)
            item.setFlags(flags)
            item.setData(0, i)
            self.addItem(item)
            self.nodes.append(item)
        self.layer = LinkLayer(graph)
        self.addItem(self.layer)
        self.labels = LabelLayer(self)
        self.addItem(self.labels)
        n, m = len(graph.nodes), len(graph.links)
        self.active = np.ones(m, bool)
        self.hidden = np.zeros(n, bool)
        self.colours: list[str] = [""] * n  # by the chart's formatting rules
        self.sizes = np.ones(n)
        self._opacity = np.ones(n)
        self._shown = np.ones(n, bool)
        order = np.argsort(np.concatenate([graph.src, graph.dst]), kind="stable")
        ends = np.concatenate([graph.src, graph.dst])[order]
        cuts = np.searchsorted(ends, np.arange(n + 1))
        links = np.concatenate([np.arange(m), np.arange(m)])[order]
        self._incident = [links[cuts[i]:cuts[i + 1]] for i in range(n)]
        self.set_positions(pos)

    # -- positions ----------------------------------------------------------------------
    def set_positions(self, pos: np.ndarray) -> None:
        """Move every node to ``pos`` (layout units)."""
        self.units = np.array(pos, np.float64)  # as laid out or saved: kept exactly
        self.pos = self.units * SCALE
        self.version += 1
        for item, (x, y) in zip(self.nodes, self.pos.tolist(), strict=True):
            item.setPos(x, y)
        self.layer.set_positions(self.pos)
        self.labels.set_rect(self.layer.boundingRect())
        self.setSceneRect(self.layer.boundingRect().adjusted(-200, -200, 200, 200))

    def positions(self) -> np.ndarray:
        """Every node's position in layout units (exactly as laid out, saved or dragged)."""
        return self.units.copy()

    def nodes_moved(self, indexes: list[int]) -> None:
        """Take the positions of nodes the user dragged."""
        if not indexes:
            return
        for i in indexes:
            p = self.nodes[i].pos()
            self.pos[i] = (p.x(), p.y())
            self.units[i] = (p.x() / SCALE, p.y() / SCALE)
        self.version += 1
        links = np.unique(np.concatenate([self._incident[i] for i in indexes]))
        self.layer.set_positions(self.pos, links.astype(np.int64))
        self.labels.set_rect(self.layer.boundingRect())
        self.hover_link(None)

    def set_formatting(self, colours: list[str], sizes: np.ndarray) -> None:
        """Give nodes the colours ('' for their kind's) and sizes (× the usual) of the
        chart's formatting rules."""
        colours, sizes = list(colours), np.asarray(sizes, float)
        changed = [i for i, (a, b) in enumerate(zip(colours, self.colours, strict=True))
                   if a != b] if colours != self.colours else []
        for i in changed:  # (only those: 10,000 nodes without rules cost nothing)
            node = self.graph.nodes[i]
            self.nodes[i].setPixmap(icon(node.kind, node.sanctioned, colours[i]))
        for i in np.flatnonzero(sizes != self.sizes).tolist():
            self.nodes[i].setScale(float(sizes[i]) * self.icon_scale)
        self.colours, self.sizes = colours, sizes
        self.version += 1

    # -- what shows ---------------------------------------------------------------------
    def set_detail(self, lod: float) -> None:
        """Whether labels show at zoom ``lod`` (the label layer decides as it paints), and
        how much larger than to scale the icons are drawn there."""
        on = lod >= LABEL_LOD
        if on != self.labels_on:
            self.labels_on = on
            self.labels.update()
        grow = icon_scale(lod)
        if grow != self.icon_scale:
            self.icon_scale = grow
            for item, size in zip(self.nodes, self.sizes.tolist(), strict=True):
                item.setScale(size * grow)
            self.version += 1

    def set_ring(self, ring: bool) -> None:
        """Whether the nodes are on rings round the origin (the circular and radial
        layouts): their labels then go outside the rings."""
        if ring != self.ring:
            self.ring = ring
            self.version += 1
            self.labels.update()

    def set_active(self, links: np.ndarray) -> None:
        """Keep only ``links`` (the date filter); nodes left without a link are dimmed."""
        self.active = np.asarray(links, bool)
        self._refresh()

    def set_hidden(self, hidden: np.ndarray, show_hidden: bool | None = None) -> None:
        self.hidden = np.asarray(hidden, bool)
        if show_hidden is not None:
            self.show_hidden = show_hidden
        self._refresh()

    def _refresh(self) -> None:
        g = self.graph
        ends_hidden = self.hidden[g.src] | self.hidden[g.dst]
        self.layer.visible = self.active & (~ends_hidden | self.show_hidden)
        self.layer.grey = ends_hidden & self.show_hidden
        self.layer.restyle()
        linked = g.nodes_touched(np.ones(len(g.links), bool))
        kept = g.nodes_touched(self.active)
        opacity = np.where(linked & ~kept, DIM, 1.0)
        opacity = np.where(self.hidden, HIDDEN_GREY, opacity)
        shown = ~self.hidden | self.show_hidden
        changed = np.flatnonzero((opacity != self._opacity) | (shown != self._shown))
        for i in changed.tolist():
            self.nodes[i].setOpacity(float(opacity[i]))
            self.nodes[i].setVisible(bool(shown[i]))
        self._opacity, self._shown = opacity, shown
        self.version += 1
        self.labels.update()

    def opacities(self) -> np.ndarray:
        """Each node's opacity (dimmed by the date filter, faded when hidden in grey)."""
        return self._opacity

    def set_path(self, links: np.ndarray, nodes: list[int]) -> None:
        """Highlight the links of shortest paths and select their nodes."""
        self.layer.set_highlight(links)
        self.clearSelection()
        for i in nodes:
            self.nodes[i].setSelected(True)

    # -- finding things -----------------------------------------------------------------
    def node_at(self, point: QPointF) -> int | None:
        for item in self.items(point):
            i = item.data(0)
            if isinstance(i, int) and isinstance(item, QGraphicsPixmapItem):
                return i
            parent = item.parentItem()
            if parent is not None and isinstance(parent.data(0), int):
                return int(parent.data(0))
        return None

    def link_at(self, point: QPointF, tolerance: float) -> int | None:
        return self.layer.link_at(point.x(), point.y(), tolerance)

    def selected_nodes(self) -> list[int]:
        return sorted(int(it.data(0)) for it in self.selectedItems()
                      if isinstance(it.data(0), int))

    def hover_link(self, index: int | None) -> None:
        """Draw the hovered (or chosen) link as an item of its own, on top."""
        if self.hover is not None:
            self.removeItem(self.hover)
            self.hover = None
        if index is None:
            return
        path = QPainterPath(QPointF(*self.layer.p1[index]))
        path.lineTo(QPointF(*self.layer.p2[index]))
        pen = QPen(QColor(PATH_COLOUR), 4)
        pen.setCosmetic(True)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        self.hover = self.addPath(path, pen)
        self.hover.setZValue(-0.5)
        self.hover.setOpacity(0.7)

    def extent(self) -> QRectF:
        """The rectangle around every shown node, with room for icons and labels."""
        return self.nodes_rect().adjusted(-120, -40, 120, 60)

    def nodes_rect(self) -> QRectF:
        """The rectangle through the centres of the outermost shown nodes."""
        shown = self.pos[~self.hidden | self.show_hidden] if len(self.pos) else self.pos
        if not len(shown):
            return QRectF(-20, -20, 40, 40)
        (x0, y0), (x1, y1) = shown.min(axis=0), shown.max(axis=0)
        return QRectF(x0, y0, x1 - x0, y1 - y0)


def icon_scale(lod: float) -> float:
    """How much larger than to scale icons are drawn at zoom ``lod``: enough for
    :data:`MIN_ICON_PX` on screen, at most :data:`MOST_ICON_SCALE`, in steps of a tenth
    (zooming through re-scales the items a few times, not at every step)."""
    want = MIN_ICON_PX / (ICON * max(lod, 1e-9))
    return 1.0 if want <= 1.0 else min(MOST_ICON_SCALE, math.ceil(want * 10) / 10)
