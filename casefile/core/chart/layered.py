"""The hierarchical layout: layers along the links' direction (ownership trees, shipment
chains), in the manner of Sugiyama: cycles broken, each node one layer on from its furthest
predecessor, nodes ordered within a layer by the mean place of their neighbours in the layer
before and after (a few sweeps), then spread evenly. Separate groups are packed in rows to
the view's shape, and the layers follow one another along its long side (or across it, where
that draws the chart much larger). Pinned nodes stay put."""

from __future__ import annotations

import numpy as np

from casefile.core.chart.shape import (
    MARGIN,
    components,
    fill,
    keep_fixed,
    pack_rows,
    spread,
)

WIDE, TALL = 3.0, 0.8  # chart units (times k) between neighbours side by side, one above
LEVEL_TALL = 2.0  # between levels run top to bottom
GAP = 1.5  # between separate groups
TURN = 1.5  # levels run across the view only where that draws the chart this much larger
LONGEST = 8.0  # the levels drawn out to at most this many times further apart (see spread)


def _acyclic(n: int, src: list[int], dst: list[int]) -> list[tuple[int, int]]:
    """The links with those that close a cycle turned round (depth-first back edges)."""
    out_edges: list[list[int]] = [[] for _ in range(n)]
    for a, b in zip(src, dst, strict=True):
        if a != b:
            out_edges[a].append(b)
    state = [0] * n  # 0 new, 1 on the stack, 2 done
    back: set[tuple[int, int]] = set()
    for root in range(n):
        if state[root]:
            continue
        stack = [(root, iter(out_edges[root]))]
        state[root] = 1
        while stack:
            top, it = stack[-1]
            nxt = next(it, None)
            if nxt is None:
                state[top] = 2
                stack.pop()
            elif state[nxt] == 1:
                back.add((top, nxt))
            elif state[nxt] == 0:
                state[nxt] = 1
                stack.append((nxt, iter(out_edges[nxt])))
    return [((b, a) if (a, b) in back else (a, b)) for a, b in zip(src, dst, strict=True)
            if a != b]


def layers(n: int, src: np.ndarray, dst: np.ndarray) -> np.ndarray:
    """Each node's layer: one more than its furthest predecessor (longest path, after
    cycles are broken); a node nothing points at one before the nearest of the nodes it
    points at (not all in the first layer: the authorities of a case's sanctions would
    stack up there, a column too tall for a short dock). The first layer is 0 or more."""
    edges = _acyclic(n, np.asarray(src).tolist(), np.asarray(dst).tolist())
    succ: list[list[int]] = [[] for _ in range(n)]
    indeg = [0] * n
    for a, b in edges:
        succ[a].append(b)
        indeg[b] += 1
    layer = [0] * n
    sources = [i for i in range(n) if indeg[i] == 0]
    todo = list(sources)
    while todo:
        a = todo.pop()
        for b in succ[a]:
            layer[b] = max(layer[b], layer[a] + 1)
            indeg[b] -= 1
            if indeg[b] == 0:
                todo.append(b)
    for a in sources:  # next to what it points at (a sanctioning body beside its party)
        if succ[a]:
            layer[a] = min(layer[b] for b in succ[a]) - 1
    return np.array(layer, np.int64)


def _order(n: int, src: np.ndarray, dst: np.ndarray, layer: np.ndarray, sweeps: int
           ) -> np.ndarray:
    """Each node's place within its layer, by the mean place of its neighbours in the layer
    before, then after (alternate sweeps)."""
    nbrs: list[list[int]] = [[] for _ in range(n)]
    for a, b in zip(src.tolist(), dst.tolist(), strict=True):
        if a != b:
            nbrs[a].append(b)
            nbrs[b].append(a)
    by_layer = [np.flatnonzero(layer == i).tolist() for i in range(int(layer.max()) + 1)]
    rank = np.zeros(n)
    for members in by_layer:
        rank[members] = np.arange(len(members))
    for sweep in range(sweeps):
        seq = by_layer[1:] if sweep % 2 == 0 else by_layer[-2::-1]
        for members in seq:
            side = -1 if sweep % 2 == 0 else 1  # from the layer before, then after
            def key(i: int, side: int = side) -> tuple[float, int]:
                near = [rank[j] for j in nbrs[i] if layer[j] == layer[i] + side]
                return (float(np.mean(near)) if near else float(rank[i]), i)
            members.sort(key=key)
            rank[members] = np.arange(len(members))
    return rank


def _packed(group: np.ndarray, layer: np.ndarray, rank: np.ndarray, across: bool,
            k: float, aspect: float) -> np.ndarray:
    """Each group's nodes at (level, place) on a grid — levels left to right (or,
    ``across``, top to bottom), each level centred on the group's others — and the groups
    (numbered 0… by ``group``) packed in rows, biggest first. Labels are wide: neighbours
    side by side are further apart than neighbours one above the other."""
    n = len(group)
    order = np.lexsort((rank, layer, group))  # by group, then level, then place
    g, lv = group[order], layer[order]
    start = np.ones(n, bool)
    start[1:] = (g[1:] != g[:-1]) | (lv[1:] != lv[:-1])
    run = np.cumsum(start) - 1  # each (group, level) a run
    first = np.flatnonzero(start)
    count = np.diff(np.append(first, n))[run]
    depth = np.empty(n)
    depth[order] = np.arange(n) - first[run] - (count - 1) / 2
    pos = (np.column_stack([depth * WIDE * k, layer * LEVEL_TALL * k]) if across
           else np.column_stack([layer * WIDE * k, depth * TALL * k]))
    groups = int(group.max()) + 1
    lo = np.full((groups, 2), np.inf)
    hi = np.full((groups, 2), -np.inf)
    np.minimum.at(lo, group, pos)
    np.maximum.at(hi, group, pos)
    biggest = np.argsort(-np.bincount(group, minlength=groups), kind="stable")
    corners = np.zeros((groups, 2))
    # a level's room more between groups along the levels: two chains side by side must
    # not read as one (the gap between them wider than the step between levels)
    pad = (0.0, LEVEL_TALL * k) if across else (WIDE * k, 0.0)
    corners[biggest] = pack_rows([(float(w) + pad[0], float(h) + pad[1])
                                  for w, h in (hi - lo)[biggest]], aspect, GAP * k)
    pos += (corners - lo)[group]
    out: np.ndarray = pos - (pos.min(axis=0) + pos.max(axis=0)) / 2
    return out


def hierarchical_layout(n: int, src: np.ndarray, dst: np.ndarray, *, k: float = 1.0,
                        sweeps: int = 4, init: np.ndarray | None = None,
                        fixed: np.ndarray | None = None, aspect: float = 1.0) -> np.ndarray:
    """Each separate group in levels along its links, the groups packed in rows to the
    view's shape (``aspect``, its width over its height). The levels follow one another
    along the view's long side: left to right (``3k`` apart, nodes ``0.8k`` apart within
    one) in a wide or square view, top to bottom (``2k`` apart, nodes ``3k`` apart) in a
    tall one — unless the other way draws the chart :data:`TURN` times larger (a broad,
    shallow tree in a short, wide dock); then drawn out along the view's long side to its
    shape (up to :data:`LONGEST` times: the levels further apart, the names with room)."""
    if n == 0:
        return np.zeros((0, 2))
    src, dst = np.asarray(src, np.int64), np.asarray(dst, np.int64)
    layer = layers(n, src, dst)
    rank = _order(n, src, dst, layer, sweeps)
    group = np.unique(components(n, src, dst), return_inverse=True)[1].reshape(-1)
    # levels along the view's long side, unless across it draws the chart much larger
    along = _packed(group, layer, rank, aspect < 1, k, aspect)
    other = _packed(group, layer, rank, aspect >= 1, k, aspect)
    pos = other if fill(np.ptp(other, axis=0), aspect, MARGIN * k) > TURN * fill(
        np.ptp(along, axis=0), aspect, MARGIN * k) else along
    pos = spread(pos, aspect, most=LONGEST, margin=MARGIN * k)  # levels further apart
    return keep_fixed(pos, init, fixed)
