"""Geometry of the link layer's segments, for all of them at once: the parts of segments
inside a rectangle (Liang–Barsky), and an even pick of some of them (what a crowded view draws
while the user zooms)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF


def spread(idx: np.ndarray, k: int) -> np.ndarray:
    """At most ``k`` of ``idx``, evenly spaced."""
    if k >= len(idx):
        return idx
    return idx[np.linspace(0, len(idx) - 1, max(k, 0)).astype(np.int64)]


def clipped(p1: np.ndarray, p2: np.ndarray, rect: QRectF) -> tuple[np.ndarray, np.ndarray]:
    """The parts of segments p1–p2 inside ``rect`` (Liang–Barsky, for all at once);
    segments wholly outside come back as a point on their line."""
    d = p2 - p1
    t0 = np.zeros(len(p1))
    t1 = np.ones(len(p1))
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        for pk, qk in ((-d[:, 0], p1[:, 0] - rect.left()), (d[:, 0], rect.right() - p1[:, 0]),
                       (-d[:, 1], p1[:, 1] - rect.top()), (d[:, 1], rect.bottom() - p1[:, 1])):
            r = qk / pk
            t0 = np.where(pk < 0, np.maximum(t0, r), t0)
            t1 = np.where(pk > 0, np.minimum(t1, r), t1)
    t0 = np.clip(t0, 0.0, 1.0)
    t1 = np.clip(t1, t0, 1.0)
    return p1 + t0[:, None] * d, p1 + t1[:, None] * d
