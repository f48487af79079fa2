"""The link chart's link labels — 'owns', 'director of', a sanction's programme, '12
shipments' — written on the links once the view is zoomed in far enough to read them.

They are placed after the node labels (casefile.ui.chart_labels), in the same grid of screen
cells, so that a link's label never covers a node's label, its line to its node, an icon or
another link's label. A label sits on its link: at the middle where that is free, else a
little towards either end; a link whose label finds no free place, or is too short on screen
to carry it clear of its ends, goes without (zoom in to see it; its tooltip says it all). The
links with the most records are labelled first. Labels are drawn on a pale ground so the line
does not run through the words, in screen pixels (readable at any zoom), from LINK_LABEL_LOD
on and while at most LINK_LABELS_AT_MOST links are in view."""

from __future__ import annotations

from typing import NamedTuple, Protocol

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QStaticText, QTransform

from casefile.core.chart.colours import LINK_COLOURS
from casefile.core.chart.crossing import crossed
from casefile.core.chart.model import ChartGraph
from casefile.core.chart.parts import CAPTION_ALONG
from casefile.ui.chart_cells import Grid

LINK_LABEL_LOD = 0.35  # link labels from this zoom on (as the arrowheads)
LINK_LABELS_AT_MOST = 800  # links in view at once; with more, none is labelled
ALONG = CAPTION_ALONG  # where on its link a label may sit, best first (as in print)
CLEAR = 6  # screen pixels a label keeps from its link's ends
SPACE = 4  # and from a name or label beside it
LINES_AT_MOST = 6000  # links across the view; with more, none is labelled
ENDED_ALPHA = 200  # an ended sanction's label: lighter, still readable
GROUND = QColor(255, 255, 255, 238)
PAD = 1  # of the pale ground round the words, in screen pixels


class Links(Protocol):
    """What the labels are read from (the chart's link layer)."""

    graph: ChartGraph
    p1: np.ndarray  # each link's ends in the scene (side by side where a pair has several)
    p2: np.ndarray
    visible: np.ndarray
    grey: np.ndarray  # links of hidden nodes, shown in grey: not labelled
    ended: np.ndarray


class LinkLabel(NamedTuple):
    """A link label as placed: its link, its box in screen pixels and its alpha."""

    link: int
    rect: QRectF
    alpha: int


class LinkLabels:
    """The link labels of one chart: each text laid out once, when first placed."""

    def __init__(self, links: Links, px: int = 10) -> None:
        self.links = links
        self.font = QFont()
        self.font.setPixelSize(px)
        self._static: dict[int, QStaticText] = {}
        self._sizes: dict[int, tuple[float, float]] = {}
        self.drawn: list[tuple[int, QRectF]] = []  # what the last paint wrote, and where
        g = links.graph  # each link's pair of nodes, either way round (one number)
        self.pair = np.minimum(g.src, g.dst) * (len(g.nodes) + 1) + np.maximum(g.src, g.dst)

    def text(self, i: int) -> str:
        return self.links.graph.links[i].short_caption()

    def place(self, world: QTransform, width: int, height: int,
              grid: Grid) -> list[LinkLabel]:
        """The labels of the links in view that find room, taking their cells in ``grid``."""
        s = self.links
        if not len(s.p1):
            return []
        x1 = world.m11() * s.p1[:, 0] + world.m21() * s.p1[:, 1] + world.dx()
        y1 = world.m12() * s.p1[:, 0] + world.m22() * s.p1[:, 1] + world.dy()
        x2 = world.m11() * s.p2[:, 0] + world.m21() * s.p2[:, 1] + world.dx()
        y2 = world.m12() * s.p2[:, 0] + world.m22() * s.p2[:, 1] + world.dy()
        # the part of each link a label may sit on (ALONG's span) meets the view
        lo, hi = min(ALONG), max(ALONG)
        sx, ex = x1 + (x2 - x1) * lo, x1 + (x2 - x1) * hi
        sy, ey = y1 + (y2 - y1) * lo, y1 + (y2 - y1) * hi
        seen = (s.visible & ~s.grey & (np.maximum(sx, ex) >= 0) & (np.minimum(sx, ex) <= width)
                & (np.maximum(sy, ey) >= 0) & (np.minimum(sy, ey) <= height))
        idx = np.flatnonzero(seen)
        if not len(idx) or len(idx) > LINK_LABELS_AT_MOST:
            return []
        view = QRectF(0, 0, width, height)
        # every link drawn across the view: a label must not sit on another link's line
        # (review: "owns … Russia" read as one, an ended sanction's label on one in force)
        across = np.flatnonzero(s.visible & (np.maximum(x1, x2) >= 0)
                                & (np.minimum(x1, x2) <= width) & (np.maximum(y1, y2) >= 0)
                                & (np.minimum(y1, y2) <= height))
        if len(across) > LINES_AT_MOST:
            return []
        lines = (x1[across], y1[across], x2[across], y2[across])
        placed: list[LinkLabel] = []
        for i in idx[np.argsort(-s.graph.counts[idx], kind="stable")].tolist():
            w, h = self._size(i)
            ax, ay, bx, by = float(x1[i]), float(y1[i]), float(x2[i]), float(y2[i])
            length = float(np.hypot(bx - ax, by - ay))
            for t in ALONG:
                cx, cy = ax + (bx - ax) * t, ay + (by - ay) * t
                rect = QRectF(cx - w / 2 - PAD, cy - h / 2 - PAD, w + 2 * PAD, h + 2 * PAD)
                # the label's reach along its link, either way from where it sits
                reach = _reach(rect, bx - ax, by - ay, length)
                inner = rect.adjusted(1, 1, -1, -1)  # (its ground may touch another's)
                # kept a few pixels from names and labels beside it: not read as one phrase
                room = inner.adjusted(-SPACE, 0, SPACE, 0)
                if min(t, 1 - t) * length < reach + CLEAR or not view.contains(rect) \
                        or not grid.free(room) \
                        or _crossed(inner, lines, self.pair[across] != self.pair[i]):
                    continue
                grid.take(inner)
                placed.append(LinkLabel(i, rect, ENDED_ALPHA if s.ended[i] else 255))
                break
        return placed

    def paint(self, painter: QPainter, placed: list[LinkLabel], exposed: QRectF) -> None:
        """Write the labels that meet ``exposed`` (the painter in screen pixels)."""
        self.drawn = []
        kinds = self.links.graph.links
        painter.setFont(self.font)
        for i, rect, alpha in placed:
            if not rect.intersects(exposed):
                continue
            ground = QColor(GROUND)
            ground.setAlpha(GROUND.alpha() * alpha // 255)
            painter.fillRect(rect, ground)
            ink = QColor(LINK_COLOURS.get(kinds[i].kind, "#444444")).darker(140)
            ink.setAlpha(alpha)
            painter.setPen(ink)
            painter.drawStaticText(QPointF(rect.left() + PAD, rect.top() + PAD),
                                   self._static[i])
            self.drawn.append((i, rect))

    def _size(self, i: int) -> tuple[float, float]:
        size = self._sizes.get(i)
        if size is None:
            text = QStaticText(self.text(i))
            text.setTextFormat(Qt.TextFormat.PlainText)  # a case's text is never markup
            text.prepare(QTransform(), self.font)
            self._static[i] = text
            size = self._sizes[i] = (text.size().width(), text.size().height())
        return size


def _crossed(rect: QRectF, lines: tuple[np.ndarray, ...], others: np.ndarray) -> bool:
    """Whether one of the ``others`` of ``lines`` (ends in screen pixels) passes through
    ``rect``."""
    x1, y1, x2, y2 = (a[others] for a in lines)
    return crossed(rect.left(), rect.top(), rect.right(), rect.bottom(), x1, y1, x2, y2)


def _reach(rect: QRectF, dx: float, dy: float, length: float) -> float:
    """How far a box centred on a line reaches along it, from its centre."""
    if length <= 0:
        return float("inf")
    return (abs(dx) * rect.width() + abs(dy) * rect.height()) / (2 * length)
