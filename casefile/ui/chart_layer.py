"""The links of the link chart, drawn by one item in batches: the links are grouped by pen
(kind × line style × width, or grey for links of hidden nodes) and by tile of an 8 × 8 grid
over the chart, and each group is one painter path made straight from the coordinate arrays
(pyqtgraph's arrayToQPath), drawn when its tile's box meets the exposed rectangle. Links on a
highlighted path get one more path on top; arrowheads are drawn only when zoomed in far
enough to see them. Moving a node rebuilds only the paths of its links' groups.

A zoomed-in view costs what its pixels cost (thousands of long links may cross it). While the
user zooms (:attr:`LinkLayer.draft`) a view crossed by more than DRAFT_OVER links draws that
many, those with an end in it first, and the rest once zooming stops (as Cytoscape's
hideEdgesOnViewport). Panning repaints only the strip scrolled into view."""

from __future__ import annotations

import numpy as np
import pyqtgraph.functions as pgfn
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from casefile.core.chart.colours import LINK_COLOURS
from casefile.core.chart.fan import fan_offsets, fanned
from casefile.core.chart.model import LINK_KINDS, STYLES, ChartGraph
from casefile.ui.chart_icons import ICON
from casefile.ui.chart_segments import clipped, spread

_DASH = {"solid": Qt.PenStyle.SolidLine, "dashed": Qt.PenStyle.DashLine,
         "dotted": Qt.PenStyle.DotLine}
WIDTHS = (1.0, 2.0, 3.2)  # device pixels, by how many facts a link stands for
PATH_COLOUR = "#FF7F00"
ARROW_LOD = 0.35  # arrowheads from this zoom on
ARROW_MAX = 1500  # and only when at most this many links are in view
TILES = 4  # tiles across the chart, each with paths of its own
DRAFT_OVER = 2000  # links drawn in a view while zooming, at most (the rest wait)
CULL = 0.2  # a view showing less than this share of the chart draws only the links in it
GREY = len(LINK_KINDS) * len(STYLES) * 3  # the pen group of links of hidden nodes in grey
ENDED_PEN = GREY + 1  # the pen group of sanction links whose sanctions have all ended
GROUPS = GREY + 2


def width_class(count: int) -> int:
    return 0 if count < 3 else 1 if count < 10 else 2


class LinkLayer(QGraphicsItem):
    """Every link of a chart, as one item below the nodes."""

    def __init__(self, graph: ChartGraph) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)
        self.setZValue(-1)
        self.graph = graph
        m = len(graph.links)
        counts, kinds = graph.counts, graph.link_kinds
        widths = np.where(counts < 3, 0, np.where(counts < 10, 1, 2))  # as width_class
        self.pen_group = (kinds * len(STYLES) + graph.style.astype(np.int64)) * 3 + widths
        self.pens: dict[int, QPen] = {}
        for ki, kind in enumerate(LINK_KINDS):
            for si, style in enumerate(STYLES):
                for wi, w in enumerate(WIDTHS):
                    pen = QPen(QColor(LINK_COLOURS[kind]), w, _DASH[style])
                    pen.setCosmetic(True)
                    self.pens[(ki * len(STYLES) + si) * 3 + wi] = pen
        self.pens[GREY] = QPen(QColor("#BBBBBB"), 1)
        self.pens[GREY].setCosmetic(True)
        faint = QColor(LINK_COLOURS["sanction"])
        faint.setAlpha(110)
        self.pens[ENDED_PEN] = QPen(faint, 1, Qt.PenStyle.DashLine)
        self.pens[ENDED_PEN].setCosmetic(True)
        self.hot_pen = QPen(QColor(PATH_COLOUR), 5)
        self.hot_pen.setCosmetic(True)
        self.directed = graph.directed
        self.visible = np.ones(m, bool)
        self.grey = np.zeros(m, bool)  # links of hidden nodes shown in grey
        sanction = np.flatnonzero(graph.link_kinds == LINK_KINDS.index("sanction"))
        self.ended = np.zeros(m, bool)  # sanction links of ended sanctions only: faint
        self.ended[sanction] = [graph.links[i].ended for i in sanction.tolist()]
        self.highlight = np.zeros(m, bool)
        self.fan = fan_offsets(graph.src, graph.dst, len(graph.nodes))
        self.p1 = np.zeros((m, 2))
        self.p2 = np.zeros((m, 2))
        self._boxes()
        self.tile = np.zeros(m, np.int64)
        self.key = np.full(m, -1, np.int64)  # tile * GROUPS + pen group; -1 not drawn
        self.paths: dict[int, tuple[QPainterPath, QRectF, int]] = {}
        self.hot: QPainterPath | None = None
        self._rect = QRectF()
        self.last_drawn = 0  # how many links the last paint drew (for tests and benchmarks)
        self.draft = False  # zooming: links passing through a crowded view wait (see above)
        self.deferred = 0  # how many links the last paint left for after the zooming

    # -- geometry -----------------------------------------------------------------------
    def set_positions(self, pos: np.ndarray, links: np.ndarray | None = None) -> None:
        """Take the nodes' scene positions; ``links`` (indexes) when only those moved."""
        g = self.graph
        if links is None:
            self.p1, self.p2 = pos[g.src].copy(), pos[g.dst].copy()
            if self.fan.any():  # links of one pair side by side
                self.p1, self.p2 = fanned(self.p1, self.p2, g.src, g.dst, self.fan)
            self._boxes()
            mid = (self.p1 + self.p2) / 2
            if len(mid):
                lo, hi = mid.min(axis=0), mid.max(axis=0)
                cell = np.clip(((mid - lo) / np.maximum(hi - lo, 1e-9) * TILES).astype(
                    np.int64), 0, TILES - 1)
                self.tile = cell[:, 0] * TILES + cell[:, 1]
            lo = pos.min(axis=0) if len(pos) else np.zeros(2)
            hi = pos.max(axis=0) if len(pos) else np.zeros(2)
            self.prepareGeometryChange()
            self._rect = QRectF(QPointF(*lo), QPointF(*hi)).adjusted(-ICON, -ICON, ICON, ICON)
            self.restyle()
            return
        self.p1[links], self.p2[links] = fanned(pos[g.src[links]], pos[g.dst[links]],
                                                g.src[links], g.dst[links], self.fan[links])
        self._boxes()
        grown = self._rect.united(QRectF(QPointF(*pos[g.src[links]].min(axis=0)),
                                         QPointF(*pos[g.src[links]].max(axis=0))))
        if grown != self._rect:
            self.prepareGeometryChange()
            self._rect = grown.adjusted(-ICON, -ICON, ICON, ICON)
        self._build(np.unique(self.key[links]))
        self._build_hot()
        self.update()

    def groups(self, idx: np.ndarray | None = None) -> np.ndarray:
        """The pen group each link (of ``idx``, or all) is drawn with: grey for the links
        of hidden nodes, faint for ended sanctions, else by kind, style and width."""
        sel = slice(None) if idx is None else idx
        return np.where(self.grey[sel], GREY,
                        np.where(self.ended[sel], ENDED_PEN, self.pen_group[sel]))

    def _boxes(self) -> None:
        """Each link's bounding box, as four arrays (hit tests and culling read them)."""
        self.x0 = np.minimum(self.p1[:, 0], self.p2[:, 0])
        self.x1 = np.maximum(self.p1[:, 0], self.p2[:, 0])
        self.y0 = np.minimum(self.p1[:, 1], self.p2[:, 1])
        self.y1 = np.maximum(self.p1[:, 1], self.p2[:, 1])

    def restyle(self) -> None:
        """Regroup after the visible, grey or highlighted links changed."""
        self.key = np.where(self.visible, self.tile * GROUPS + self.groups(), -1)
        self.paths = {}
        self._build(np.unique(self.key))
        self._build_hot()
        self.update()

    def _build(self, keys: np.ndarray) -> None:
        keys = keys[keys >= 0]
        if not len(keys):
            return
        want = np.isin(self.key, keys)
        idx = np.flatnonzero(want)
        order = np.argsort(self.key[idx], kind="stable")
        idx = idx[order]
        cuts = np.flatnonzero(np.diff(self.key[idx])) + 1
        for k in keys.tolist():
            self.paths.pop(int(k), None)
        for part in np.split(idx, cuts) if len(idx) else []:
            self.paths[int(self.key[part[0]])] = (*self._path(part), len(part))
        # drawn by pen, so that the painter changes pen as few times as it can
        self.paths = dict(sorted(self.paths.items(), key=lambda kv: kv[0] % GROUPS))

    def _path(self, idx: np.ndarray, clip: QRectF | None = None
              ) -> tuple[QPainterPath, QRectF]:
        """The links ``idx`` as one path (cut to ``clip``: a dashed pen then dashes only
        what shows, not the whole length of a long link)."""
        p1, p2 = self.p1[idx], self.p2[idx]
        if clip is not None:
            p1, p2 = clipped(p1, p2, clip)
        x = np.empty(2 * len(p1))
        y = np.empty(2 * len(p1))
        x[0::2], x[1::2] = p1[:, 0], p2[:, 0]
        y[0::2], y[1::2] = p1[:, 1], p2[:, 1]
        if not len(x):
            return QPainterPath(), QRectF()
        path = pgfn.arrayToQPath(x, y, connect="pairs")
        return path, QRectF(QPointF(x.min(), y.min()), QPointF(x.max(), y.max()))

    def _build_hot(self) -> None:
        idx = np.flatnonzero(self.highlight & self.visible)
        self.hot = self._path(idx)[0] if len(idx) else None

    def set_highlight(self, links: np.ndarray) -> None:
        self.highlight = np.asarray(links, bool)
        self._build_hot()
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._rect

    def in_rect(self, rect: QRectF) -> np.ndarray:
        """Indexes of the visible links whose bounding box meets ``rect``."""
        x0, y0, x1, y1 = rect.left(), rect.top(), rect.right(), rect.bottom()
        hit = (self.x0 <= x1) & (self.x1 >= x0) & (self.y0 <= y1) & (self.y1 >= y0)
        hit &= self.visible
        return np.flatnonzero(hit)

    def crossing(self, rect: QRectF) -> np.ndarray:
        """Indexes of the visible links that cross ``rect`` (not only their boxes): the
        segment's line passes between the rectangle's corners."""
        idx = self.in_rect(rect)
        if not len(idx):
            return idx
        p1, p2 = self.p1[idx], self.p2[idx]
        d = p2 - p1
        corners = np.array([[rect.left(), rect.top()], [rect.right(), rect.top()],
                            [rect.left(), rect.bottom()], [rect.right(), rect.bottom()]])
        side = (d[:, None, 0] * (corners[None, :, 1] - p1[:, None, 1])
                - d[:, None, 1] * (corners[None, :, 0] - p1[:, None, 0]))
        return idx[(side.min(axis=1) <= 0) & (side.max(axis=1) >= 0)]

    # -- drawing ------------------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        exposed = option.exposedRect
        device = painter.device()
        inverse, ok = painter.worldTransform().inverted()
        if ok and device is not None:  # a render() of the whole view exposes everything
            exposed = exposed.intersected(inverse.mapRect(QRectF(0, 0, device.width(),
                                                                 device.height())))
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(painter.worldTransform())
        whole = self._rect.width() * self._rect.height()
        if whole > 0 and exposed.width() * exposed.height() < CULL * whole:
            self._paint_culled(painter, exposed, lod)
            return
        drawn = 0
        todo = [(k, path, n) for k, (path, rect, n) in self.paths.items()
                if rect.intersects(exposed) or rect.width() == 0 or rect.height() == 0]
        painter.setRenderHint(QPainter.RenderHint.Antialiasing,
                              sum(n for _k, _p, n in todo) < 6000)
        pen = -1
        for k, path, n in todo:
            if k % GROUPS != pen:
                pen = k % GROUPS
                painter.setPen(self.pens[pen])
            painter.drawPath(path)
            drawn += n
        if self.hot is not None:
            painter.setPen(self.hot_pen)
            painter.drawPath(self.hot)
        self.last_drawn, self.deferred = drawn, 0
        if lod >= ARROW_LOD and drawn <= 4 * ARROW_MAX:
            idx = self.in_rect(exposed)
            if len(idx) <= ARROW_MAX:
                self.arrows(painter, idx[self.directed[idx] & ~self.grey[idx]])

    def _paint_culled(self, painter: QPainter, exposed: QRectF, lod: float) -> None:
        """A zoomed-in view: only the links that cross it, grouped by pen on the spot."""
        idx = self.crossing(exposed)
        self.deferred = 0
        if self.draft and len(idx) > DRAFT_OVER:
            ends = self._inside(self.p1[idx], exposed) | self._inside(self.p2[idx], exposed)
            near = spread(idx[ends], DRAFT_OVER)
            far = spread(idx[~ends], DRAFT_OVER - len(near))
            self.deferred = len(idx) - len(near) - len(far)
            idx = np.sort(np.concatenate([near, far]))
        self.last_drawn = len(idx)
        margin = exposed.adjusted(-20, -20, 20, 20)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing,
                              len(idx) < 6000 and not self.deferred)
        group = self.groups(idx)
        order = np.argsort(group, kind="stable")
        idx, group = idx[order], group[order]
        cuts = np.flatnonzero(np.diff(group)) + 1
        for part, first in zip(np.split(idx, cuts), [0, *cuts.tolist()], strict=True):
            if len(part):
                painter.setPen(self.pens[int(group[first])])
                painter.drawPath(self._path(part, margin)[0])
        if self.hot is not None:
            painter.setPen(self.hot_pen)
            painter.drawPath(self.hot)
        if lod >= ARROW_LOD and len(idx) <= ARROW_MAX:
            self.arrows(painter, idx[self.directed[idx] & ~self.grey[idx]])

    @staticmethod
    def _inside(p: np.ndarray, r: QRectF) -> np.ndarray:
        return ((p[:, 0] >= r.left()) & (p[:, 0] <= r.right()) & (p[:, 1] >= r.top())
                & (p[:, 1] <= r.bottom()))

    def arrows(self, painter: QPainter, idx: np.ndarray) -> None:
        if not len(idx):
            return
        d = self.p2[idx] - self.p1[idx]
        length = np.maximum(np.sqrt((d * d).sum(axis=1)), 1e-9)
        u = d / length[:, None]
        tip = self.p2[idx] - u * (ICON / 2 + 1)
        back = tip - u * 10
        n = np.column_stack([-u[:, 1], u[:, 0]]) * 4.5
        painter.setPen(Qt.PenStyle.NoPen)
        for part_group in np.unique(self.pen_group[idx] // 9):
            sel = self.pen_group[idx] // 9 == part_group
            painter.setBrush(QBrush(QColor(LINK_COLOURS[LINK_KINDS[int(part_group)]])))
            for (tx, ty), (bx, by), (nx, ny) in zip(tip[sel].tolist(), back[sel].tolist(),
                                                    n[sel].tolist(), strict=True):
                painter.drawPolygon(QPolygonF([QPointF(tx, ty), QPointF(bx + nx, by + ny),
                                               QPointF(bx - nx, by - ny)]))

    def link_at(self, x: float, y: float, tolerance: float) -> int | None:
        """The visible link nearest to (x, y) within ``tolerance`` (scene units), if any."""
        rect = QRectF(x - tolerance, y - tolerance, 2 * tolerance, 2 * tolerance)
        idx = self.in_rect(rect)
        if not len(idx):
            return None
        p1, p2 = self.p1[idx], self.p2[idx]
        d = p2 - p1
        t = np.clip(((x - p1[:, 0]) * d[:, 0] + (y - p1[:, 1]) * d[:, 1])
                    / np.maximum((d * d).sum(axis=1), 1e-12), 0, 1)
        cx, cy = p1[:, 0] + t * d[:, 0] - x, p1[:, 1] + t * d[:, 1] - y
        dist = cx * cx + cy * cy
        best = int(np.argmin(dist))
        return int(idx[best]) if dist[best] <= tolerance * tolerance else None
