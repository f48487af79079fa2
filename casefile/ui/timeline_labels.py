"""Where the timeline's labels go: beside an item, in the free time of its own row — from
just after the item to just before the next item of that row (or the edge of the view), or,
where that is too short for the whole text and the time before the item is longer (an item
at the right edge of the view), just before it — and only when the row is tall enough for a
line of text and the text fits the view. So a label never covers a bar or a point, another
label, or the edge of the chart; what has no room goes without (its tooltip still says it
all)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF

GAP_PX = 6.0  # between an item and its label, and a label and the next item
POINT_PX = 11.0  # a day point's symbol
MIN_CHARS = 4  # a label shorter than this (with its ellipsis) is left out


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
    gap = GAP_PX * view.px_x
    out: list[Place] = []
    reached: dict[float, float] = {}  # a row -> the time its last label placed reaches
    for i in sorted(shown.tolist(), key=lambda k: (y[k], left[k])):
        row = np.nonzero(y == y[i])[0]
        after, before = row[left[row] > left[i]], row[left[row] < left[i]]
        end = min(float(left[after].min()), view.xb) if len(after) else view.xb
        start = max(float(right[i]), view.xa) + gap
        full = text(i)
        room = (end - gap - start) / view.px_x - 2  # pixels, a little to spare
        if metrics.horizontalAdvance(full) > room:  # cut on the right: is the left roomier?
            lo = max([view.xa, reached.get(float(y[i]), view.xa)]
                     + ([float(right[before].max())] if len(before) else [])) + gap
            hi = float(left[i]) - gap
            room_left = (hi - lo) / view.px_x - 2
            if room_left > room:
                said = metrics.elidedText(full, Qt.TextElideMode.ElideRight, room_left)
                if len(said) >= MIN_CHARS:
                    width = (metrics.horizontalAdvance(said) + 1) * view.px_x
                    out.append(Place(i, said, hi - width, float(y[i])))
                    reached[float(y[i])] = float(right[i])
                    continue
        if room <= 0:
            continue
        said = metrics.elidedText(full, Qt.TextElideMode.ElideRight, room)
        if len(said) < MIN_CHARS:
            continue
        out.append(Place(i, said, start, float(y[i])))
        reached[float(y[i])] = start + (metrics.horizontalAdvance(said) + 1) * view.px_x
    return out
