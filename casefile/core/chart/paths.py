"""Every shortest path between two nodes of a chart (links either way), over the links a
filter leaves: breadth-first from both ends over the links as arrays (numpy), then the paths
read off the nodes whose two distances add up to the shortest. networkx gives the same paths
(tests hold the two to each other) but builds its graph first, which alone takes longer than
the chart may wait at 50,000 links."""

from __future__ import annotations

import numpy as np

from casefile.core.chart.model import ChartGraph


def _adjacency(n: int, src: np.ndarray, dst: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(start, neighbours): node i's neighbours are neighbours[start[i]:start[i + 1]],
    in ascending order, each once."""
    a = np.concatenate([src, dst])
    b = np.concatenate([dst, src])
    order = np.lexsort((b, a))
    a, b = a[order], b[order]
    fresh = np.ones(len(a), bool)  # several links between two nodes are one step
    fresh[1:] = (a[1:] != a[:-1]) | (b[1:] != b[:-1])
    a, b = a[fresh], b[fresh]
    return np.searchsorted(a, np.arange(n + 1)), b


def _distances(start: np.ndarray, nbrs: np.ndarray, origin: int, stop: int) -> np.ndarray:
    """Hops from ``origin`` to every node reached before ``stop`` is (-1: not reached)."""
    dist = np.full(len(start) - 1, -1, np.int64)
    dist[origin] = 0
    frontier = np.array([origin])
    d = 0
    while len(frontier) and dist[stop] < 0:
        first = start[frontier]
        counts = start[frontier + 1] - first
        total = int(counts.sum())
        if not total:
            break
        within = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
        reached = nbrs[np.repeat(first, counts) + within]
        reached = np.unique(reached[dist[reached] < 0])
        d += 1
        dist[reached] = d
        frontier = reached
    return dist


def shortest_paths(graph: ChartGraph, a: int, b: int, links: np.ndarray | None = None,
                   limit: int = 500) -> list[list[int]]:
    """Up to ``limit`` shortest paths from node ``a`` to node ``b`` as lists of node
    indexes, in order ([] when none connects them); ``links`` is a boolean mask of the
    links to use (all by default)."""
    if a == b:
        return [[a]]
    keep = np.ones(len(graph.links), bool) if links is None else np.asarray(links, bool)
    src, dst = graph.src[keep], graph.dst[keep]
    loop = src != dst
    start, nbrs = _adjacency(len(graph.nodes), src[loop], dst[loop])
    da = _distances(start, nbrs, a, b)
    if da[b] < 0:
        return []
    db = _distances(start, nbrs, b, a)
    hops = int(da[b])
    on = (da >= 0) & (db >= 0) & (da + db == hops)
    out: list[list[int]] = []
    path = [a]
    stack = [iter(nbrs[start[a]:start[a + 1]].tolist())]
    while stack and len(out) < limit:
        nxt = next(stack[-1], None)
        if nxt is None:
            stack.pop()
            path.pop()
            continue
        if not on[nxt] or da[nxt] != len(path) or (path and nxt == path[-1]):
            continue
        if nxt == b:
            out.append([*path, b])
            continue
        path.append(nxt)
        stack.append(iter(nbrs[start[nxt]:start[nxt + 1]].tolist()))
    return out


def path_links(graph: ChartGraph, paths: list[list[int]],
               links: np.ndarray | None = None) -> np.ndarray:
    """Boolean mask of the links along ``paths`` (among ``links``, all by default)."""
    pairs = {(min(x, y), max(x, y)) for p in paths for x, y in zip(p, p[1:], strict=False)}
    lo, hi = np.minimum(graph.src, graph.dst), np.maximum(graph.src, graph.dst)
    on = np.fromiter(((int(x), int(y)) in pairs for x, y in zip(lo, hi, strict=True)), bool,
                     len(graph.links))
    return on if links is None else on & links
