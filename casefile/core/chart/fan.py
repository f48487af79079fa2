"""Links of one pair of nodes drawn side by side — a shipment link and a relationship between
the same two parties, or both directions of a pair — instead of on top of each other: each
link's offset across the line between its nodes, and the segments moved by it. Used by the
window's link layer and the dossier's chart alike."""

from __future__ import annotations

import numpy as np

FAN = 7.0  # pixels (scene pixels in the window) between neighbouring links of one pair
FAN_WIDTH = 48.0  # the widest a pair's fan gets (many links draw closer together)


def fan_offsets(src: np.ndarray, dst: np.ndarray, n: int) -> np.ndarray:
    """How far (scene pixels, signed, across the line from the lower node to the higher)
    each link is drawn from the line between its nodes: 0 for a pair's only link, else the
    pair's links side by side, centred on that line."""
    m = len(src)
    if not m:
        return np.zeros(0)
    key = np.minimum(src, dst) * max(n, 1) + np.maximum(src, dst)
    order = np.argsort(key, kind="stable")
    ks = key[order]
    start = np.flatnonzero(np.r_[True, ks[1:] != ks[:-1]])
    size = np.diff(np.r_[start, m])
    group = np.repeat(np.arange(len(start)), size)
    rank = np.arange(m) - start[group]
    k = size[group]
    step = np.minimum(FAN, FAN_WIDTH / np.maximum(k - 1, 1))
    out = np.empty(m)
    out[order] = (rank - (k - 1) / 2) * step
    return out


def fanned(p1: np.ndarray, p2: np.ndarray, src: np.ndarray, dst: np.ndarray,
           offset: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Segments p1–p2 moved ``offset`` across (the same side for either direction)."""
    flip = np.where(src <= dst, 1.0, -1.0)[:, None]
    d = (p2 - p1) * flip
    length = np.maximum(np.hypot(d[:, 0], d[:, 1]), 1e-9)[:, None]
    normal = np.column_stack([-d[:, 1], d[:, 0]]) / length * offset[:, None]
    return p1 + normal, p2 + normal
