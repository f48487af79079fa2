"""Where a node label of the link chart may go, best first (casefile.ui.chart_labels
places them): under or over its icon, a row further off with a line to it, and on a ring
outside it, inside it or beside the icon — in screen pixels."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QLineF

from casefile.ui.chart_cells import CELL

LABEL_HEIGHT = 16  # a label's line below its node's icon, in screen pixels
RING_ROWS = 2  # rows inside a ring tried beyond the first, when the nearer ones are taken
# where a label may go: its top left corner, and the ends of its leader line (from the
# icon, towards the label; None for a label beside its icon)
Spot = tuple[float, float, tuple[float, float, float, float] | None]


def spots_near(x: float, y: float, w: float, r: float, height: int) -> list[Spot]:
    """Where a label may go, best first: under its icon, else over it, else a row further
    under or over (with a line to it from the icon) — those three within the view."""
    left, under, over = x - w / 2, y + r, y - r - LABEL_HEIGHT
    spots: list[Spot] = [(left, under, None)]
    if over >= 0:
        spots.append((left, over, None))
    if under + 2 * LABEL_HEIGHT <= height:
        spots.append((left, under + LABEL_HEIGHT, (x, under, x, under + LABEL_HEIGHT)))
    if over - LABEL_HEIGHT >= 0:
        spots.append((left, over - LABEL_HEIGHT, (x, y - r, x, over)))
    return spots


def ring_spots(x: float, y: float, w: float, r: float, out: np.ndarray, width: int,
                height: int) -> list[Spot]:
    """Where the label of a node on a ring may go, best first: outside the ring (beside
    the icon, on the side ``out`` points to), else where any label may go, else inside
    the ring a row or two further in (with a line to it from the icon), straight in or to
    either side, else beside the icon to its right or left; those within the view first
    (a node at its edge, zoomed in: the others after)."""
    ux, uy = float(out[0]), float(out[1])
    # a label inside the ring may also stand to either side of the way in (its line then
    # slants to its nearer corner): past another label the straight way would cross
    aside = (w / 2 + CELL, 0.0) if abs(uy) >= abs(ux) else (0.0, LABEL_HEIGHT / 2 + CELL)
    spots: list[Spot] = []
    rows = [(1, 0, 0)] + [(-1, row, 0) for row in range(1, RING_ROWS + 1)] + \
        [(-1, row, side) for row in range(1, RING_ROWS + 1) for side in (-1, 1)]
    for sign, further, side in rows:
        vx, vy = sign * ux, sign * uy
        d = r + 1 + further * LABEL_HEIGHT
        # the label's box touches the point d along v on its side facing the node
        leader = (x + vx * r, y + vy * r, x + vx * d, y + vy * d) if further else None
        spots.append((x + vx * d - w * (1 - vx) / 2 + side * aside[0],
                      y + vy * d - LABEL_HEIGHT * (1 - vy) / 2 + side * aside[1], leader))
    spots[1:1] = spots_near(x, y, w, r, height)
    # last, beside the icon on either side (next to its node: no line needed)
    spots += [(x + r + 2, y - LABEL_HEIGHT / 2, None),
              (x - r - 2 - w, y - LABEL_HEIGHT / 2, None)]
    seen = [p for p in spots if p[0] >= 0 and p[1] >= 0 and p[0] + w <= width
            and p[1] + LABEL_HEIGHT <= height]
    return seen + [p for p in spots if p not in seen]


def leader_line(ends: tuple[float, float, float, float] | None, left: float, top: float,
            w: float, h: float) -> QLineF | None:
    """The leader line from ``ends``, ending on the label's box (``w`` by ``h`` at
    ``left``, ``top``)."""
    if ends is None:
        return None
    x0, y0, x1, y1 = ends
    return QLineF(x0, y0, min(max(x1, left), left + w), min(max(y1, top), top + h))


__all__ = ["LABEL_HEIGHT", "RING_ROWS", "Spot", "leader_line", "ring_spots", "spots_near"]
