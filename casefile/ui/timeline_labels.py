"""Where the timeline's labels go. Each item's label goes, whole, in the first of these
places where it fits: inside its bar (a span long enough on screen), right after it in the
free time of its row (up to the next item of that row or the edge of the view), or just
before it, ending at the item. When it fits whole in none, it goes cut where the most of it
shows — so it is never cut to a few letters when it could be drawn elsewhere. Labels are
drawn only when the row is tall enough for a line of text, and a label never covers another
item, another label, or the edge of the chart; what has no room goes without (its tooltip
still says it all)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF

GAP_PX = 6.0  # between an item and its label, and a label and the next item
POINT_PX = 11.0  # a day point's symbol
MIN_CHARS = 4  # a label shorter than this (with its ellipsis) is left out
INSET_PX = 4.0  # between a bar's end and a label inside it
INSIDE_FILL = QColor(255, 255, 255, 215)  # the ground of a label drawn over its bar


@dataclass(frozen=True)
class View:
    """The time and rows in view, and the data units of one pixel along each."""

    xa: float
    xb: float
    ya: float
    yb: float
    px_x: float
    px_y: float


@dataclass(frozen=True)
class Place:
    index: int  # the drawing row's index
    text: str  # elided to fit
    x: float  # left edge, in time
    y: float  # centre line, in rows
    inside: bool = False  # drawn over its own bar (on a light ground, to be read)


def item_edges(x0: np.ndarray, x1: np.ndarray, points: np.ndarray,
               px_x: float) -> tuple[np.ndarray, np.ndarray]:
    """Left and right edges of each item as drawn: a day point is a symbol of POINT_PX
    around the middle of its day, a span its bar."""
    half = (POINT_PX / 2 + 1) * px_x
    mid = (x0 + x1) / 2
    return np.where(points, mid - half, x0), np.where(points, mid + half, x1)


def label_places(x0: np.ndarray, x1: np.ndarray, y: np.ndarray, points: np.ndarray,
                 text: Callable[[int], str], view: View, metrics: QFontMetricsF,
                 limit: int) -> list[Place]:
    """The labels to draw for the items in ``view`` (none when more than ``limit`` are in
    it, or when a row is too thin for a line of text)."""
    line = metrics.height()
    if view.px_y <= 0 or view.px_x <= 0 or 1 / view.px_y < line + 2:
        return []
    half = (line / 2 + 1) * view.px_y  # half a line of text, in rows
    left, right = item_edges(x0, x1, points, view.px_x)
    shown = np.nonzero((right >= view.xa) & (left <= view.xb) & (y - half >= view.ya)
                       & (y + half <= view.yb))[0]
    if len(shown) > limit:
        return []
    gap, inset = GAP_PX * view.px_x, INSET_PX * view.px_x
    out: list[Place] = []
    reached: dict[float, float] = {}  # a row -> the time its last label placed reaches
    for i in sorted(shown.tolist(), key=lambda k: (y[k], left[k])):
        row = np.nonzero(y == y[i])[0]
        after, before = row[left[row] > left[i]], row[left[row] < left[i]]
        taken = reached.get(float(y[i]), view.xa)
        end = min(float(left[after].min()), view.xb) if len(after) else view.xb
        # (room in pixels with a little to spare, where it starts, where it is)
        places: list[tuple[float, float, str]] = []
        if not points[i]:
            a = max(float(left[i]), view.xa, taken) + inset
            places.append(((min(float(right[i]), end) - inset - a) / view.px_x - 2, a,
                           "inside"))
        a = max(float(right[i]), view.xa, taken) + gap
        places.append(((end - gap - a) / view.px_x - 2, a, "after"))
        a = max([view.xa, taken] + ([float(right[before].max())] if len(before) else [])) \
            + gap
        places.append(((float(left[i]) - gap - a) / view.px_x - 2, a, "before"))
        full = text(i)
        need = metrics.horizontalAdvance(full)
        room, a, where = next((p for p in places if p[0] >= need),
                              max(places, key=lambda p: p[0]))
        if room <= 0:
            continue
        said = metrics.elidedText(full, Qt.TextElideMode.ElideRight, room)
        if len(said) < MIN_CHARS:
            continue
        width = (metrics.horizontalAdvance(said) + 1) * view.px_x
        x = float(left[i]) - gap - width if where == "before" else a  # before: ends at it
        out.append(Place(i, said, x, float(y[i]), where == "inside"))
        reached[float(y[i])] = max(x + width, float(right[i]))
    return out


def label_item(place: Place, font: QFont) -> pg.TextItem:
    """The label of a :class:`Place`, as plain text, at its place."""
    label = pg.TextItem(place.text, color="#111111", anchor=(0, 0.5),
                        fill=INSIDE_FILL if place.inside else None)
    label.setFont(font)
    doc = label.textItem.document()
    doc.setDocumentMargin(0)
    # (look25) read left to right whatever script the record's text has: a party's Arabic
    # name, first after the date, turned the label around ('2021-12-31 – 2015-05-01'), its
    # dates reversed
    option = doc.defaultTextOption()
    option.setTextDirection(Qt.LayoutDirection.LeftToRight)
    doc.setDefaultTextOption(option)
    label.setPos(place.x, place.y)
    return label
