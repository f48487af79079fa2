"""Placement for the network figure, deterministic (the same case gives the same page): a
force-directed layout of the nodes (Fruchterman–Reingold from a sunflower start, heavy nodes
in the middle), nodes pushed apart to a minimum spacing inside the box, and labels put where
they overlap the fewest other labels, nodes and lines."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

Box = tuple[float, float, float, float]  # x0, y0, x1, y1


def force_layout(n: int, edges: list[tuple[int, int, float]],
                 iterations: int = 250) -> np.ndarray:
    """Positions in the unit square for ``n`` nodes (index 0 the heaviest: it starts in the
    middle); ``edges`` are (a, b, weight) and pull harder with weight."""
    if n == 0:
        return np.zeros((0, 2))
    if n == 1:
        return np.array([[0.5, 0.5]])
    golden = math.pi * (3 - math.sqrt(5))
    idx = np.arange(n)
    radius = np.sqrt((idx + 0.5) / n) * 0.5
    pos = np.stack([0.5 + radius * np.cos(idx * golden), 0.5 + radius * np.sin(idx * golden)],
                   axis=1)
    k = math.sqrt(1.0 / n)
    src = np.array([e[0] for e in edges], dtype=int)
    dst = np.array([e[1] for e in edges], dtype=int)
    w = np.array([1 + math.log1p(e[2]) for e in edges], dtype=float)
    temp = 0.1
    for it in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.sqrt((delta ** 2).sum(-1))
        np.fill_diagonal(dist, 1.0)
        dist = np.maximum(dist, 0.01)
        disp = (delta * (k * k / dist ** 2)[:, :, None]).sum(1)  # repulsion
        if len(edges):
            d = pos[src] - pos[dst]
            length = np.maximum(np.sqrt((d ** 2).sum(-1)), 0.01)
            pull = d * (length / k * w)[:, None]
            np.add.at(disp, src, -pull)
            np.add.at(disp, dst, pull)
        disp -= (pos - 0.5) * 2.0 * k * n ** 0.5  # gravity keeps loose parts near
        size = np.maximum(np.sqrt((disp ** 2).sum(-1)), 1e-9)
        pos += disp / size[:, None] * np.minimum(size, temp)[:, None]
        temp = 0.1 * (1 - (it + 1) / iterations) + 0.002
    lo, hi = pos.min(0), pos.max(0)
    span = np.where(hi - lo > 1e-9, hi - lo, 1.0)
    return (pos - lo) / span


def fit_to_box(unit: np.ndarray, box: Box, min_gap: float, rounds: int = 60) -> np.ndarray:
    """Unit-square positions scaled into ``box`` and pushed apart to ``min_gap`` points
    (horizontal gaps count half: labels are wider than tall), never leaving the box."""
    x0, y0, x1, y1 = box
    pts = np.empty_like(unit)
    pts[:, 0] = x0 + unit[:, 0] * (x1 - x0)
    pts[:, 1] = y0 + unit[:, 1] * (y1 - y0)
    n = len(pts)
    for _ in range(rounds if n > 1 else 0):
        delta = pts[:, None, :] - pts[None, :, :]
        scaled = delta / np.array([2.0, 1.0])
        dist = np.sqrt((scaled ** 2).sum(-1))
        np.fill_diagonal(dist, 1e9)
        close = dist < min_gap
        if not close.any():
            break
        safe = np.where(dist > 1e-6, dist, 1e-6)
        push = np.where(close, (min_gap - dist) / 2 / safe, 0.0)[:, :, None] * delta
        same = close & (dist <= 1e-6)  # exactly on top of each other: part them sideways
        push[..., 0] += np.where(same, np.sign(np.arange(n)[:, None] - np.arange(n)[None, :]),
                                 0) * 2
        pts += push.sum(1)
        pts[:, 0] = pts[:, 0].clip(x0, x1)
        pts[:, 1] = pts[:, 1].clip(y0, y1)
    return pts


@dataclass
class LabelSpot:
    box: Box
    anchor: str  # start, middle, end
    x: float  # the anchor's x
    top: float  # baseline of the first line is top - size


def place_label(cx: float, cy: float, r: float, w: float, h: float, bounds: Box,
                taken: list[Box], segments: list[tuple[float, float, float, float]]
                ) -> LabelSpot:
    """The spot next to a node (below, above, right, left, then the corners) whose box
    overlaps least: with placed labels and nodes (``taken``), then crossing lines; inside
    ``bounds`` always (shifted in when no spot fits)."""
    spots = [spot for gap in (2.0, 9.0) for spot in _spots(cx, cy, r, w, h, gap)]
    best, best_cost = None, math.inf
    for rank, spot in enumerate(spots):
        if not _inside(spot.box, bounds):
            continue
        cost = sum(overlap(spot.box, t) for t in taken) * 10
        cost += sum(_crosses(spot.box, s) for s in segments) * 6 + rank * 0.5
        if cost < best_cost:
            best, best_cost = spot, cost
    if best is None:  # nothing fits: below, shifted into the bounds
        s = spots[0]  # below, nearest
        dx = max(bounds[0] - s.box[0], 0) - max(s.box[2] - bounds[2], 0)
        dy = max(bounds[1] - s.box[1], 0) - max(s.box[3] - bounds[3], 0)
        best = LabelSpot((s.box[0] + dx, s.box[1] + dy, s.box[2] + dx, s.box[3] + dy),
                         "middle", s.x + dx, s.top + dy)
    return best


def clear_spot(cx: float, cy: float, r: float, w: float, h: float, bounds: Box,
               taken: list[Box], segments: list[tuple[float, float, float, float]],
               space: float = 3.0) -> LabelSpot | None:
    """The spot next to a node (as :func:`place_label` orders them) that overlaps none of
    ``taken`` — kept ``space`` points from them side by side, so that two labels do not
    read as one — and crosses fewest lines; None when every spot overlaps something."""
    best, best_cost = None, math.inf
    for rank, spot in enumerate(s for gap in (2.0, 9.0) for s in _spots(cx, cy, r, w, h, gap)):
        if not _inside(spot.box, bounds):
            continue
        b = spot.box
        room = (b[0] - space, b[1], b[2] + space, b[3])
        if any(overlap(room, t) > 0.5 for t in taken):
            continue
        cost = sum(_crosses(b, seg) for seg in segments) * 6 + rank * 0.5
        if cost < best_cost:
            best, best_cost = spot, cost
    return best


def _spots(cx: float, cy: float, r: float, w: float, h: float, gap: float) -> list[LabelSpot]:
    """Below, above, right, left, then the four corners, ``gap`` points from the node."""
    c = r * 0.7 + gap  # corners: diagonally off the rim
    return [
        LabelSpot((cx - w / 2, cy - r - gap - h, cx + w / 2, cy - r - gap), "middle", cx,
                  cy - r - gap),
        LabelSpot((cx - w / 2, cy + r + gap, cx + w / 2, cy + r + gap + h), "middle", cx,
                  cy + r + gap + h),
        LabelSpot((cx + r + gap, cy - h / 2, cx + r + gap + w, cy + h / 2), "start",
                  cx + r + gap, cy + h / 2),
        LabelSpot((cx - r - gap - w, cy - h / 2, cx - r - gap, cy + h / 2), "end",
                  cx - r - gap, cy + h / 2),
        LabelSpot((cx + c, cy - c - h, cx + c + w, cy - c), "start", cx + c, cy - c),
        LabelSpot((cx - c - w, cy - c - h, cx - c, cy - c), "end", cx - c, cy - c),
        LabelSpot((cx + c, cy + c, cx + c + w, cy + c + h), "start", cx + c, cy + c + h),
        LabelSpot((cx - c - w, cy + c, cx - c, cy + c + h), "end", cx - c, cy + c + h),
    ]


def _inside(b: Box, bounds: Box) -> bool:
    return b[0] >= bounds[0] and b[1] >= bounds[1] and b[2] <= bounds[2] and b[3] <= bounds[3]


def overlap(a: Box, b: Box) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


def _crosses(b: Box, seg: tuple[float, float, float, float]) -> bool:
    """Whether the segment passes through the box (Liang–Barsky clipping)."""
    x1, y1, x2, y2 = seg
    dx, dy = x2 - x1, y2 - y1
    t0, t1 = 0.0, 1.0
    for p, q in ((-dx, x1 - b[0]), (dx, b[2] - x1), (-dy, y1 - b[1]), (dy, b[3] - y1)):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1:
            return False
    return True
