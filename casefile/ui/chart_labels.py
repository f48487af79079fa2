"""The link chart's node labels, drawn by one item: only for the nodes in view (and not when
too many are), in screen pixels so that they stay readable at any zoom, centred under their
node's icon (or over it, where the room under it is taken, or a row further off with a line
to it); a label that would cover another is left out until the view is zoomed in. On a ring
(the circular and radial layouts) a label goes outside the ring, away from its centre —
above the top of a flat ring, beside its ends — else inside it, a row or two further in
where the first row is taken (or to either side of the way in, the line slanting to it), so
that a ring in a short dock keeps its names. A line to a label never passes behind another
label, nor a label over another's line: where it would, the next place is tried. One item
instead of one per node keeps the scene's index (hit tests) and its frames fast at 10,000
nodes."""

from __future__ import annotations

from typing import NamedTuple, Protocol

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QStaticText, QTransform
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from casefile.core.chart.model import ChartGraph
from casefile.core.names import short_legal_form
from casefile.ui.chart_cells import CELL, LABEL_GAP, Grid, icon_cells, line_cells
from casefile.ui.chart_icons import ICON
from casefile.ui.chart_label_spots import LABEL_HEIGHT, leader_line, ring_spots, spots_near
from casefile.ui.chart_link_labels import (
    GROUND,
    LINK_LABEL_LOD,
    LinkLabel,
    LinkLabels,
    Links,
)


class Label(NamedTuple):
    """A label as placed: its node, top left corner and alpha in screen pixels, and the
    line that leads to it from its icon when it stands off a row or more (else None)."""

    node: int
    left: float
    top: float
    alpha: int
    leader: QLineF | None = None


class Placed(Protocol):
    """What the labels are read from (the chart's scene)."""

    graph: ChartGraph
    pos: np.ndarray
    hidden: np.ndarray
    show_hidden: bool
    sizes: np.ndarray  # each node's icon size, times the usual (formatting rules)
    icon_scale: float  # every icon's, times the usual (legible in a short dock)
    ring: bool  # the nodes are on rings round the scene's origin
    version: int  # bumped whenever any of the above changes

    def opacities(self) -> np.ndarray: ...

    @property
    def layer(self) -> Links: ...  # the links, which get labels of their own

LABEL_LOD = 0.02  # labels are drawn from this zoom on (where they would overlap, fewer)
LABELS_AT_MOST = 1500  # in view at once (more would be unreadable anyway)
LABEL_CHARS = 26
HALF_WIDTH = 110  # room either side of a node for its label, in screen pixels
LEADER = QColor(120, 120, 120, 150)  # the line to a label a row or more off its icon


def short(text: str) -> str:
    """A node's label: its name, a legal form written out in words abbreviated where the
    name is too long (look22: "ОБЩЕСТВО С ОГРАНИЧЕННОЙ …" named no one), cut with "…"."""
    if len(text) <= LABEL_CHARS:
        return text
    text = short_legal_form(text)
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
        self.drawn_nodes: list[int] = []  # and whose they are
        self._rect = QRectF()
        self._static: dict[int, QStaticText] = {}  # labels laid out, by node (made as drawn)
        self._sizes: dict[int, tuple[float, float]] = {}  # and their sizes
        self._key: tuple[object, ...] | None = None  # the view the placed labels are for
        self._placed_cache: list[Label] = []
        self.link_labels = LinkLabels(scene.layer)
        self._links_placed: list[LinkLabel] = []  # (decided with the node labels)

    def set_rect(self, rect: QRectF) -> None:
        self.prepareGeometryChange()
        self._rect = rect.adjusted(-400, -100, 400, 100)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return self._rect

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        self.last_drawn = 0
        self.drawn, self.drawn_nodes = [], []
        self.link_labels.drawn = []
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
        leaders = [label.leader for label in placed if label.leader is not None
                   and label.leader.p2().y() >= exposed.top() - LABEL_HEIGHT
                   and label.leader.p1().y() <= exposed.bottom() + LABEL_HEIGHT]
        if leaders:
            painter.setPen(QPen(LEADER, 1))
            painter.drawLines(leaders)
        pen = -1
        for i, left, y, a, _ in placed:
            text = self._static[i]
            rect = QRectF(left, y, *self._sizes[i])  # measured once, when placed
            if not rect.intersects(exposed):
                continue
            self.last_drawn += 1
            self.drawn.append(rect)
            self.drawn_nodes.append(i)
            if a != pen:
                pen = a
                painter.setPen(QColor(34, 34, 34, a))
                ground = QColor(GROUND)
                ground.setAlpha(GROUND.alpha() * a // 255)
            painter.fillRect(rect, ground)  # a link under the name does not strike it out
            painter.drawStaticText(QPointF(left, y), text)
        self.link_labels.paint(painter, self._links_placed, exposed)
        painter.restore()

    def _placed(self, world: QTransform, lod: float, width: int, height: int
                ) -> list[Label]:
        """The labels the whole view shows, decided once for a view (zoom, pan, size)
        and the scene's version of the nodes' places, sizes,
        visibility and fading — so that a repaint of part of the view draws the same labels
        as the full paint. Where two would overlap the node in full view, then the one with
        more links, keeps its label."""
        s = self.chart
        key = (world.m11(), world.m12(), world.m21(), world.m22(), world.dx(), world.dy(),
               width, height, s.version)
        if key == self._key:
            return self._placed_cache
        self._key = key
        self._placed_cache, self._links_placed = [], []
        alpha_all = (255 * s.opacities()).astype(np.int64)
        pos = s.pos
        xs = world.m11() * pos[:, 0] + world.m21() * pos[:, 1] + world.dx()
        ys = world.m12() * pos[:, 0] + world.m22() * pos[:, 1] + world.dy()
        m = 2 * HALF_WIDTH  # room beyond the view that a label may reach in from
        inside = ((xs >= -HALF_WIDTH) & (xs <= width + HALF_WIDTH) & (ys >= -m)
                  & (ys <= height + m) & (~s.hidden | s.show_hidden))
        idx = np.flatnonzero(inside)
        if not len(idx) or len(idx) > LABELS_AT_MOST:
            return self._placed_cache
        # an icon's half on screen, and a pixel
        reach = ICON / 2 * lod * s.icon_scale * s.sizes[idx] + 1
        out = _outward(s, world, idx) if s.ring else None
        # the cells taken, a row of them as the bits of an int (cheaper to test and set
        # than a slice of an array, for the few cells a label covers)
        rows, cols = (height + 2 * m) // CELL + 2, (width + 2 * m) // CELL + 2
        taken = [0] * rows
        lines = [0] * rows  # and the cells the leader lines pass through
        for k in np.lexsort((self.rank[idx], -alpha_all[idx])).tolist():
            i = int(idx[k])
            w, h = self._size(i)
            x, y, r = float(xs[i]), float(ys[i]), float(reach[k])
            tried = ring_spots(x, y, w, r, out[k], width, height) if out is not None \
                else spots_near(x, y, w, r, height)
            for left, top, ends in tried:
                c0 = max(int((left + m) // CELL), 0)
                c1 = min(int((left + w + m) // CELL), cols - 1)
                r0 = max(int((top + m) // CELL), 0)
                r1 = min(int((top + LABEL_HEIGHT - 2 + m) // CELL), rows - 1)
                bits = ((1 << (c1 - c0 + 1)) - 1) << c0
                # tried with a gap to either side, so no two names meet (look27)
                g0 = max(int((left - LABEL_GAP + m) // CELL), 0)
                g1 = min(int((left + w + LABEL_GAP + m) // CELL), cols - 1)
                near = ((1 << (g1 - g0 + 1)) - 1) << g0
                if any(taken[row] & near | lines[row] & bits for row in range(r0, r1 + 1)):
                    continue  # it would cover or meet another label, or a line to one
                leader = leader_line(ends, left, top, w, h)
                led = line_cells(leader, m, rows, cols) if leader is not None else []
                if any(taken[row] & cells for row, cells in led):
                    continue  # its line would pass behind another label
                for row in range(r0, r1 + 1):
                    taken[row] |= bits
                for row, cells in led:
                    lines[row] |= cells
                self._placed_cache.append(Label(i, left, top, int(alpha_all[i]), leader))
                break  # (none left: shown when zoomed in)
        # then the links' own labels, clear of the node labels, their lines and the icons
        if lod >= LINK_LABEL_LOD:
            icons = icon_cells(rows, xs[idx], ys[idx], reach, m)
            self._links_placed = self.link_labels.place(world, width, height,
                                                        Grid(taken, lines, icons, m, cols))
        return self._placed_cache

    def _size(self, i: int) -> tuple[float, float]:
        """The width and height of node ``i``'s label (laid out once, when first asked)."""
        size = self._sizes.get(i)
        if size is None:
            text = self._static[i] = self._prepared(self.texts[i])
            size = self._sizes[i] = (text.size().width(), text.size().height())
        return size

    def _prepared(self, label: str) -> QStaticText:
        """A label laid out once (plain text: a case's text is never markup)."""
        text = QStaticText(label)
        text.setTextFormat(Qt.TextFormat.PlainText)
        text.prepare(QTransform(), self.font)
        return text


def _outward(s: Placed, world: QTransform, idx: np.ndarray) -> np.ndarray:
    """For the nodes ``idx`` on rings round the origin, the way out of their ring on screen
    (unit vectors): the normal of an ellipse of the rings' shape through the node (a flat
    ring's top points up, its ends sideways); straight down for a node at the centre."""
    shown = ~s.hidden | s.show_hidden
    pos = s.pos[idx]
    half = np.abs(s.pos[shown]).max(axis=0) if shown.any() else np.ones(2)
    half = np.where(half > 1e-9, half, 1.0)
    nx, ny = pos[:, 0] / half[0] ** 2, pos[:, 1] / half[1] ** 2
    vx = world.m11() * nx + world.m21() * ny
    vy = world.m12() * nx + world.m22() * ny
    norm = np.hypot(vx, vy)
    centre = norm < 1e-12
    norm[centre] = 1.0
    return np.column_stack([np.where(centre, 0.0, vx / norm), np.where(centre, 1.0, vy / norm)])
