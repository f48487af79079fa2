"""The link chart's node labels, drawn by one item: only for the nodes in view (and not when
too many are), in screen pixels so that they stay readable at any zoom, centred under their
node's icon (or over it, where the room under it is taken); a label that would cover another
is left out until the view is zoomed in. One item instead of one per node keeps the scene's
index (hit tests) and its frames fast at 10,000 nodes."""

from __future__ import annotations

from typing import Protocol

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QStaticText, QTransform
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from casefile.core.chart.model import ChartGraph
from casefile.ui.chart_icons import ICON


class Placed(Protocol):
    """What the labels are read from (the chart's scene)."""

    graph: ChartGraph
    pos: np.ndarray
    hidden: np.ndarray
    show_hidden: bool

    def opacities(self) -> np.ndarray: ...

LABEL_LOD = 0.02  # labels are drawn from this zoom on (where they would overlap, fewer)
LABELS_AT_MOST = 1500  # in view at once (more would be unreadable anyway)
LABEL_CHARS = 26
HALF_WIDTH = 110  # room either side of a node for its label, in screen pixels
LABEL_HEIGHT = 16  # a label's line below its node's icon, in screen pixels
CELL = 8  # screen pixels: labels are kept from overlapping to within this


def short(text: str) -> str:
    return text if len(text) <= LABEL_CHARS else text[:LABEL_CHARS - 1] + "…"


class LabelLayer(QGraphicsItem):
    """Every node's label, as one item above the links."""

    def __init__(self, scene: Placed) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)
        self.setZValue(2)
        self.chart = scene
        self.texts = [short(n.label) for n in scene.graph.nodes]
        # which label wins where two would overlap: the node with more links (then the first)
        g = scene.graph
        degree = np.bincount(np.concatenate([g.src, g.dst]), minlength=len(g.nodes)) \
            if len(g.nodes) and len(g.links) else np.zeros(len(g.nodes), np.int64)
        self.rank = np.argsort(np.argsort(-degree, kind="stable"), kind="stable")
        self.font = QFont()
        self.font.setPixelSize(11)
        self.last_drawn = 0
        self.drawn: list[QRectF] = []  # where the last paint put its labels, in pixels
        self._rect = QRectF()
        self._static: dict[int, QStaticText] = {}  # labels laid out, by node (made as drawn)
        self._key: tuple[object, ...] | None = None  # the view the placed labels are for
        self._placed_cache: list[tuple[int, float, float, int]] = []

    def set_rect(self, rect: QRectF) -> None:
        self.prepareGeometryChange()
        self._rect = rect.adjusted(-400, -100, 400, 100)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        self.last_drawn = 0
        self.drawn = []
        world = painter.worldTransform()
        lod = QStyleOptionGraphicsItem.levelOfDetailFromTransform(world)
        device = painter.device()
        if lod < LABEL_LOD or not len(self.texts) or device is None:
            return
        placed = self._placed(world, lod, device.width(), device.height())
        if not placed:
            return
        exposed = world.mapRect(option.exposedRect)  # in device pixels
        painter.save()
        painter.resetTransform()
        painter.setFont(self.font)
        pen = -1
        for i, left, y, a in placed:
            text = self._static[i]
            rect = QRectF(left, y, text.size().width(), text.size().height())
            if not rect.intersects(exposed):
                continue
            self.last_drawn += 1
            self.drawn.append(rect)
            if a != pen:
                pen = a
                painter.setPen(QColor(34, 34, 34, a))
            painter.drawStaticText(QPointF(left, y), text)
        painter.restore()

    def _placed(self, world: QTransform, lod: float, width: int, height: int
                ) -> list[tuple[int, float, float, int]]:
        """(node, left, top, alpha) of the labels the whole view shows, decided once for a
        view (zoom, pan, size) and the nodes' places, visibility and fading — so that a
        repaint of part of the view draws the same labels as the full paint. Where two would
        overlap the node in full view, then the one with more links, keeps its label."""
        s = self.chart
        alpha_all = (255 * s.opacities()).astype(np.int64)
        key = (world.m11(), world.m12(), world.m21(), world.m22(), world.dx(), world.dy(),
               width, height, s.show_hidden, hash(s.pos.tobytes()), hash(s.hidden.tobytes()),
               hash(alpha_all.tobytes()))
        if key == self._key:
            return self._placed_cache
        self._key = key
        self._placed_cache = []
        drop = ICON / 2 * lod + 1
        pos = s.pos
        xs = world.m11() * pos[:, 0] + world.m21() * pos[:, 1] + world.dx()
        ys = world.m12() * pos[:, 0] + world.m22() * pos[:, 1] + world.dy() + drop
        m = 2 * HALF_WIDTH  # room beyond the view that a label may reach in from
        inside = ((xs >= -HALF_WIDTH) & (xs <= width + HALF_WIDTH) & (ys >= -m)
                  & (ys <= height + m) & (~s.hidden | s.show_hidden))
        idx = np.flatnonzero(inside)
        if not len(idx) or len(idx) > LABELS_AT_MOST:
            return self._placed_cache
        taken = np.zeros(((height + 2 * m) // CELL + 2, (width + 2 * m) // CELL + 2), bool)
        rows, cols = taken.shape
        for k in np.lexsort((self.rank[idx], -alpha_all[idx])).tolist():
            i = int(idx[k])
            text = self._static.get(i)
            if text is None:
                text = self._static[i] = self._prepared(self.texts[i])
            w = text.size().width()
            left = float(xs[i]) - w / 2
            c0 = max(int((left + m) // CELL), 0)
            c1 = min(int((left + w + m) // CELL), cols - 1)
            below = float(ys[i])
            for y in (below, below - 2 * drop - LABEL_HEIGHT):  # under its icon, else over
                if y < 0 and y < below:  # over it, but off the top of the view
                    continue
                r0 = max(int((y + m) // CELL), 0)
                r1 = min(int((y + LABEL_HEIGHT - 2 + m) // CELL), rows - 1)
                if not taken[r0:r1 + 1, c0:c1 + 1].any():
                    taken[r0:r1 + 1, c0:c1 + 1] = True
                    self._placed_cache.append((i, left, y, int(alpha_all[i])))
                    break  # (else: it would cover another label; shown when zoomed in)
        return self._placed_cache

    def _prepared(self, label: str) -> QStaticText:
        """A label laid out once (plain text: a case's text is never markup)."""
        text = QStaticText(label)
        text.setTextFormat(Qt.TextFormat.PlainText)
        text.prepare(QTransform(), self.font)
        return text
