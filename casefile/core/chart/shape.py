"""Fitting a layout to the shape of the view it will fill: a chart laid out square is drawn
small in the short, wide dock the chart opens in (its names unreadable), so every layout
takes the view's width over its height (``aspect``) and uses it — groups packed in rows to
it, hierarchical levels turned to whichever way fills it better, rings stretched to
ellipses, and the hierarchical and force layouts drawn out along its long side
(:func:`spread`). The helpers here are shared by those layouts."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

ASPECT_RANGE = (0.25, 8.0)  # beyond these a view is a strip: no layout fills it well
_SAMPLES = 2048  # points along an ellipse to measure its arc length by
MARGIN = 0.25  # chart units round a drawing that Fit leaves (an icon's half, and a bit)
_WIDTHS = 16  # widths of row tried when packing boxes
STRETCH = 6.0  # a layout is drawn out along the view's long side by at most this


def view_shape(aspect: float) -> float:
    """``aspect`` within :data:`ASPECT_RANGE` (1 for nonsense: zero, negative, NaN)."""
    if not math.isfinite(aspect) or aspect <= 0:
        return 1.0
    return min(max(aspect, ASPECT_RANGE[0]), ASPECT_RANGE[1])


def fill(extent: Sequence[float], aspect: float, margin: float = MARGIN) -> float:
    """How large a drawing of ``extent`` (width, height in chart units, with ``margin``
    round it) comes out when fitted into a view of ``aspect``: bigger is more readable.
    (The labels' room, in screen pixels, is the same whatever the layout.)"""
    w, h = float(extent[0]), float(extent[1])
    return min(view_shape(aspect) / (w + 2 * margin), 1.0 / (h + 2 * margin))


def spread(pos: np.ndarray, aspect: float, most: float = STRETCH,
           margin: float = MARGIN) -> np.ndarray:
    """``pos`` drawn out along the view's long side (about its middle; never across it)
    until the drawing, with ``margin`` round it, has the view's shape — by at most ``most``
    times: a compact layout in a short, wide dock is otherwise fitted by its height and
    drawn small in the middle of the width, its names crowding one another."""
    out = np.array(pos, np.float64)
    if len(out) < 2:
        return out
    a = view_shape(aspect)
    lo, hi = out.min(axis=0), out.max(axis=0)
    w, h = (hi - lo).tolist()
    mid = (lo + hi) / 2
    if a >= 1 and w > 0 and (w + 2 * margin) < a * (h + 2 * margin):
        f = min((a * (h + 2 * margin) - 2 * margin) / w, most)
        out[:, 0] = mid[0] + (out[:, 0] - mid[0]) * f
    elif a < 1 and h > 0 and a * (h + 2 * margin) < (w + 2 * margin):
        f = min(((w + 2 * margin) / a - 2 * margin) / h, most)
        out[:, 1] = mid[1] + (out[:, 1] - mid[1]) * f
    return out


def components(n: int, src: np.ndarray, dst: np.ndarray) -> np.ndarray:
    """Each node's connected component (links either way), numbered by first node."""
    parent = np.arange(n)

    def root(a: int) -> int:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = int(parent[a])
        return a
    for a, b in zip(np.asarray(src).tolist(), np.asarray(dst).tolist(), strict=True):
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return np.array([root(i) for i in range(n)], np.int64)


def _rows(sizes: Sequence[tuple[float, float]], width: float, gap: float
          ) -> tuple[np.ndarray, tuple[float, float]]:
    """The boxes set in rows no wider than ``width`` (a box wider starts a row of its
    own): their top-left corners, and the extent of the whole."""
    out = np.zeros((len(sizes), 2))
    x = y = row_h = right = 0.0
    for i, (w, h) in enumerate(sizes):
        if x > 0 and x + w > width:
            x, y, row_h = 0.0, y + row_h + gap, 0.0
        out[i] = (x, y)
        right = max(right, x + w)
        x += w + gap
        row_h = max(row_h, h)
    return out, (right, y + row_h)


def pack_rows(sizes: Sequence[tuple[float, float]], aspect: float, gap: float
              ) -> np.ndarray:
    """Where each box of ``sizes`` (width, height; biggest first, as given) goes when the
    boxes are set in rows, left to right, ``gap`` apart: the (x, y) of each box's top-left
    corner. Of a few widths of row, the one whose block is drawn largest in a view of
    ``aspect`` (:func:`fill`) is taken."""
    if not sizes:
        return np.zeros((0, 2))
    area = sum((w + gap) * (h + gap) for w, h in sizes)
    widest = max(max(w for w, _h in sizes), 1e-6)
    total = max(sum(w + gap for w, _h in sizes), widest)
    guess = max(math.sqrt(area * view_shape(aspect)) * 1.3, widest)
    best, best_fill = None, -1.0
    for width in [guess, *np.geomspace(widest, total, _WIDTHS).tolist()]:
        out, extent = _rows(sizes, width, gap)
        f = fill(extent, aspect, gap * MARGIN / 1.5)
        if f > best_fill * (1 + 1e-9):
            best, best_fill = out, f
    assert best is not None
    return best


def ellipse_perimeter(rx: float, ry: float) -> float:
    """The length round an ellipse (Ramanujan's second approximation: within 1e-5 of it
    however flat)."""
    if rx + ry <= 0:
        return 0.0
    h = ((rx - ry) / (rx + ry)) ** 2
    return math.pi * (rx + ry) * (1 + 3 * h / (10 + math.sqrt(4 - 3 * h)))


def ellipse_points(rx: float, ry: float, fractions: np.ndarray) -> np.ndarray:
    """Points on the ellipse of half-axes ``rx``, ``ry`` at the given fractions of the way
    round it (from its right end, counter-clockwise in chart units), spaced by arc length —
    not by angle, which would crowd the points at the ends of a flat ellipse. A circle gets
    the points at exactly those angles."""
    f = np.asarray(fractions, np.float64)
    if rx == ry:
        t = 2 * np.pi * f
    else:
        s = np.linspace(0.0, 2 * np.pi, _SAMPLES + 1)
        seg = np.hypot(np.diff(rx * np.cos(s)), np.diff(ry * np.sin(s)))
        length = np.concatenate([[0.0], np.cumsum(seg)])
        t = np.interp(np.mod(f, 1.0) * length[-1], length, s)
    return np.column_stack([rx * np.cos(t), ry * np.sin(t)])


def keep_fixed(pos: np.ndarray, init: np.ndarray | None, fixed: np.ndarray | None
               ) -> np.ndarray:
    """``pos`` with the ``fixed`` rows put back where ``init`` has them."""
    if init is not None and fixed is not None:
        mask = np.asarray(fixed, bool)
        pos[mask] = np.asarray(init, np.float64)[mask]
    return pos
