"""The ring layouts of the link chart: circular by kind, and radial around a node (the
'peacock'). Each ring is an ellipse of the view's shape (``aspect``, width over height; a
circle in a square view), its nodes spaced evenly along it, so that in the short, wide dock
the chart opens in the ring fills the dock instead of a small circle in its middle.
Deterministic; the ``fixed`` (pinned) nodes stay where they are."""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence

import numpy as np

from casefile.core.chart.shape import (
    ellipse_perimeter,
    ellipse_points,
    keep_fixed,
    view_shape,
)

SPACING = 1.6  # chart units (times k) along a ring between neighbours, at least
RING_STEP = 3.0  # chart units (times k) between rings in a square view


def _axes(aspect: float) -> tuple[float, float]:
    """The half-axes of a ring whose shorter one is 1, in a view of ``aspect``."""
    a = view_shape(aspect)
    return (a, 1.0) if a >= 1 else (1.0, 1.0 / a)


def circular_layout(kinds: Sequence[int] | np.ndarray, labels: Sequence[str], *,
                    k: float = 1.0, init: np.ndarray | None = None,
                    fixed: np.ndarray | None = None, aspect: float = 1.0) -> np.ndarray:
    """One ring, the nodes grouped by kind (a gap between kinds) and by label within."""
    n = len(labels)
    if n == 0:
        return np.zeros((0, 2))
    order = sorted(range(n), key=lambda i: (int(kinds[i]), labels[i].casefold(), i))
    slots = np.zeros(n)
    s, prev = 0.0, None
    for i in order:
        if prev is not None and int(kinds[i]) != prev:
            s += 2.0  # a gap of two places between kinds
        slots[i] = s
        s += 1.0
        prev = int(kinds[i])
    total = s + (2.0 if len(set(int(x) for x in kinds)) > 1 else 0.0)
    ax, ay = _axes(aspect)
    round_one = ellipse_perimeter(ax, ay)
    # at least as long round as a circle RING_STEP across (and exactly that in a square view)
    scale = max(total * SPACING * k, 2 * np.pi * RING_STEP * k) / round_one
    pos = ellipse_points(ax * scale, ay * scale, slots / total)
    return keep_fixed(pos, init, fixed)


def hops(n: int, src: np.ndarray, dst: np.ndarray, centre: int
         ) -> tuple[np.ndarray, np.ndarray]:
    """Breadth-first from ``centre`` over links either way: each node's hop count (-1 when
    it cannot be reached) and the node it was reached from (-1 for none)."""
    adj: list[list[int]] = [[] for _ in range(n)]
    for a, b in zip(src.tolist(), dst.tolist(), strict=True):
        adj[a].append(b)
        adj[b].append(a)
    dist = np.full(n, -1, np.int64)
    parent = np.full(n, -1, np.int64)
    dist[centre] = 0
    todo = deque([centre])
    while todo:
        a = todo.popleft()
        for b in sorted(adj[a]):
            if dist[b] < 0:
                dist[b], parent[b] = dist[a] + 1, a
                todo.append(b)
    return dist, parent


def strung(members: list[int], src: np.ndarray, dst: np.ndarray,
           labels: Sequence[str]) -> list[int]:
    """``members`` in the order to set them along a ring: each group of them linked to one
    another together (groups by their first label), every node between the halves of what
    hangs from it — a hub in the middle of its spokes, so that no link between neighbours
    on the ring runs through a node between them (as one from the first of three to the
    last did)."""
    mine = set(members)
    adj: dict[int, list[int]] = {i: [] for i in members}
    for a, b in zip(np.asarray(src).tolist(), np.asarray(dst).tolist(), strict=True):
        if a in mine and b in mine and a != b:
            adj[a].append(b)
            adj[b].append(a)
    key = {i: (labels[i].casefold(), i) for i in members}
    seen: set[int] = set()
    out: list[int] = []

    def hang(root: int) -> list[int]:
        """The tree breadth-first from ``root``, each node between its children's halves."""
        seen.add(root)
        below: dict[int, list[int]] = {root: []}
        todo = deque([root])
        while todo:
            a = todo.popleft()
            for b in sorted(set(adj[a]), key=key.__getitem__):
                if b not in seen:
                    seen.add(b)
                    below[a].append(b)
                    below[b] = []
                    todo.append(b)

        # each node with what hangs from it away from its parent (side -1: before it, 1:
        # after it, 0 for the hub: half either side); a stack, not recursion (long chains)
        order: list[int] = []
        stack: list[tuple[int, int]] = [(root, 0)]  # (node, side); side 2: the node itself
        while stack:
            a, side = stack.pop()
            if side == 2:
                order.append(a)
                continue
            ch = below[a]
            cut = len(ch) // 2 if side == 0 else len(ch) if side < 0 else 0
            items = [(c, -1) for c in ch[:cut][::-1]] + [(a, 2)] + [(c, 1) for c in ch[cut:]]
            stack.extend(reversed(items))
        return order
    for start in sorted(members, key=key.__getitem__):
        if start not in seen:
            group = {start}
            todo = [start]
            while todo:  # the group, to find its hub (the most links)
                for b in adj[todo.pop()]:
                    if b not in group:
                        group.add(b)
                        todo.append(b)
            hub = min(group, key=lambda i: (-len(adj[i]), key[i]))
            out.extend(hang(hub))
    return out


def radial_layout(n: int, src: np.ndarray, dst: np.ndarray, centre: int,
                  labels: Sequence[str], *, k: float = 1.0, init: np.ndarray | None = None,
                  fixed: np.ndarray | None = None, aspect: float = 1.0) -> np.ndarray:
    """The 'peacock': ``centre`` in the middle, each ring one hop further out, a node placed
    near the one it is reached from; nodes that cannot be reached on an outer ring."""
    if n == 0:
        return np.zeros((0, 2))
    dist, parent = hops(n, np.asarray(src, np.int64), np.asarray(dst, np.int64), centre)
    far = int(dist.max()) + 1
    dist[dist < 0] = far
    pos = np.zeros((n, 2))
    turn = np.zeros(n)  # how far round its ring each node is (0 to 1)
    ax, ay = _axes(aspect)
    round_one = ellipse_perimeter(ax, ay)
    scale = 0.0
    for ring in range(1, int(dist.max()) + 1):
        members = np.flatnonzero(dist == ring)
        if not len(members):
            continue
        if ring == far:  # the unreachable: each group of them together, hub in the middle
            members = np.array(strung(members.tolist(), src, dst, labels), np.int64)
        else:
            members = np.array(sorted(members.tolist(), key=lambda i: (
                turn[parent[i]], labels[i].casefold(), i)))
        # each ring as much longer round than the last as a circle RING_STEP wider
        scale = max(scale + 2 * np.pi * RING_STEP * k / round_one,
                    len(members) * SPACING * k / round_one)
        f = (np.arange(len(members)) + 0.5) / len(members)
        turn[members] = f
        pos[members] = ellipse_points(ax * scale, ay * scale, f)
    return keep_fixed(pos, init, fixed)
