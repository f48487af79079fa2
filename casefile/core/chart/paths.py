"""Every shortest path between two nodes of a chart (links either way), over the links a
filter leaves (networkx)."""

from __future__ import annotations

import networkx as nx
import numpy as np

from casefile.core.chart.model import ChartGraph


def shortest_paths(graph: ChartGraph, a: int, b: int, links: np.ndarray | None = None,
                   limit: int = 500) -> list[list[int]]:
    """Up to ``limit`` shortest paths from node ``a`` to node ``b`` as lists of node
    indexes ([] when none connects them); ``links`` is a boolean mask of the links to
    use (all by default)."""
    if a == b:
        return [[a]]
    keep = np.ones(len(graph.links), bool) if links is None else links
    g: nx.Graph = nx.Graph()
    g.add_nodes_from(range(len(graph.nodes)))
    g.add_edges_from(zip(graph.src[keep].tolist(), graph.dst[keep].tolist(), strict=True))
    out: list[list[int]] = []
    try:
        for path in nx.all_shortest_paths(g, a, b):
            out.append(list(path))
            if len(out) >= limit:
                break
    except nx.NetworkXNoPath:
        return []
    return out


def path_links(graph: ChartGraph, paths: list[list[int]],
               links: np.ndarray | None = None) -> np.ndarray:
    """Boolean mask of the links along ``paths`` (among ``links``, all by default)."""
    pairs = {(min(x, y), max(x, y)) for p in paths for x, y in zip(p, p[1:], strict=False)}
    lo, hi = np.minimum(graph.src, graph.dst), np.maximum(graph.src, graph.dst)
    on = np.fromiter(((int(x), int(y)) in pairs for x, y in zip(lo, hi, strict=True)), bool,
                     len(graph.links))
    return on if links is None else on & links
