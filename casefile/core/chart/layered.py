"""The hierarchical layout: layers left to right along the links' direction (ownership trees,
shipment chains), in the manner of Sugiyama: cycles broken, each node one layer right of its
furthest predecessor, nodes ordered within a layer by the mean place of their neighbours in
the layer before and after (a few sweeps), then spread evenly. Pinned nodes stay put."""

from __future__ import annotations

import numpy as np


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
    """Each node's layer: 0 for nodes nothing points at, else one more than its furthest
    predecessor (longest path, after cycles are broken)."""
    edges = _acyclic(n, np.asarray(src).tolist(), np.asarray(dst).tolist())
    succ: list[list[int]] = [[] for _ in range(n)]
    indeg = [0] * n
    for a, b in edges:
        succ[a].append(b)
        indeg[b] += 1
    layer = [0] * n
    todo = [i for i in range(n) if indeg[i] == 0]
    while todo:
        a = todo.pop()
        for b in succ[a]:
            layer[b] = max(layer[b], layer[a] + 1)
            indeg[b] -= 1
            if indeg[b] == 0:
                todo.append(b)
    return np.array(layer, np.int64)


def hierarchical_layout(n: int, src: np.ndarray, dst: np.ndarray, *, k: float = 1.0,
                        sweeps: int = 4, init: np.ndarray | None = None,
                        fixed: np.ndarray | None = None) -> np.ndarray:
    """Layers left to right, ``3k`` apart; nodes ``1.5k`` apart within a layer."""
    if n == 0:
        return np.zeros((0, 2))
    src, dst = np.asarray(src, np.int64), np.asarray(dst, np.int64)
    layer = layers(n, src, dst)
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
    pos = np.zeros((n, 2))
    for members in by_layer:
        m = len(members)
        pos[members, 0] = layer[members] * 3.0 * k
        pos[members, 1] = (np.arange(m) - (m - 1) / 2) * 1.5 * k
    if init is not None and fixed is not None:
        mask = np.asarray(fixed, bool)
        pos[mask] = np.asarray(init, np.float64)[mask]
    return pos
