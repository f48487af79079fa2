"""The link chart's node labels, drawn by one item: only when zoomed in far enough to read
them, only for the nodes in view (and not when too many are), in screen pixels so that they
stay readable at any zoom, centred under their node's icon. One item instead of one per node
keeps the scene's index (hit tests) and its frames fast at 10,000 nodes."""

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

LABEL_LOD = 0.25  # labels are drawn from this zoom on
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
        if lod < LABEL_LOD or not len(self.texts):
            return
        s = self.chart
        room = HALF_WIDTH / max(lod, 1e-6)
        r = option.exposedRect.adjusted(-room, -room, room, room)
        pos = s.pos
        inside = ((pos[:, 0] >= r.left()) & (pos[:, 0] <= r.right())
                  & (pos[:, 1] >= r.top()) & (pos[:, 1] <= r.bottom())
                  & (~s.hidden | s.show_hidden))
        idx = np.flatnonzero(inside)
        if not len(idx) or len(idx) > LABELS_AT_MOST:
            return
        painter.save()
        painter.resetTransform()
        painter.setFont(self.font)
        drop = ICON / 2 * lod + 1
        alpha = (255 * s.opacities()[idx]).astype(np.int64).tolist()
        px, py = pos[idx, 0], pos[idx, 1]  # to device pixels, all at once
        xs = (world.m11() * px + world.m21() * py + world.dx()).tolist()
        ys = (world.m12() * px + world.m22() * py + world.dy() + drop).tolist()
        pen = -1
        taken: set[tuple[int, int]] = set()  # cells of the screen a label covers
        order = np.argsort(self.rank[idx], kind="stable").tolist()
        for i, x, y, a in (tuple(c[k] for c in (idx.tolist(), xs, ys, alpha)) for k in order):
            text = self._static.get(i)
            if text is None:
                text = self._static[i] = self._prepared(self.texts[i])
            left = x - text.size().width() / 2
            cells = {(cx, cy) for cx in range(int(left) // CELL, int(left + text.size().width())
                                              // CELL + 1)
                     for cy in range(int(y) // CELL, int(y + LABEL_HEIGHT - 2) // CELL + 1)}
            if not cells.isdisjoint(taken):
                continue  # it would cover another label: shown when zoomed in further
            taken |= cells
            self.last_drawn += 1
            self.drawn.append(QRectF(left, y, text.size().width(), text.size().height()))
            if a != pen:
                pen = a
                painter.setPen(QColor(34, 34, 34, a))
            painter.drawStaticText(QPointF(left, y), text)
        painter.restore()

    def _prepared(self, label: str) -> QStaticText:
        """A label laid out once (plain text: a case's text is never markup)."""
        text = QStaticText(label)
        text.setTextFormat(Qt.TextFormat.PlainText)
        text.prepare(QTransform(), self.font)
        return text
