"""Whether a line runs through a label's box: the one test the window's link labels and the
dossier's keep to (a label is not written across another pair's line)."""

from __future__ import annotations

import numpy as np


def crossed(x0: float, y0: float, x1: float, y1: float, ax: np.ndarray, ay: np.ndarray,
            bx: np.ndarray, by: np.ndarray) -> bool:
    """Whether any of the segments (ax, ay)–(bx, by) passes through the box from (x0, y0) to
    (x1, y1) (x0 ≤ x1, y0 ≤ y1, in either direction of y): its own box meets the box, and
    the box's corners are not all on one side of its line."""
    if not len(ax):
        return False
    hit = (np.maximum(ax, bx) >= x0) & (np.minimum(ax, bx) <= x1) \
        & (np.maximum(ay, by) >= y0) & (np.minimum(ay, by) <= y1)
    if not hit.any():
        return False
    sx, sy, dx, dy = ax[hit], ay[hit], bx[hit] - ax[hit], by[hit] - ay[hit]
    sides = [dx * (cy - sy) - dy * (cx - sx) for cx, cy in ((x0, y0), (x1, y0), (x0, y1),
                                                          (x1, y1))]
    low, high = np.minimum.reduce(sides), np.maximum.reduce(sides)
    return bool(((low <= 0) & (high >= 0)).any())


__all__ = ["crossed"]
