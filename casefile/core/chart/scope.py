"""Charts of part of a case: a chart whose state has a ``scope`` shows only those nodes —
started from a few parties and grown one hop at a time (:func:`neighbours`). :func:`scoped`
cuts the case's graph to the scope; :func:`ring` places the nodes a hop adds around the node
they were expanded from, leaving every other node where it was."""

from __future__ import annotations

import copy
import math
from collections.abc import Iterable

import numpy as np

from casefile.core.chart.fold import folded
from casefile.core.chart.model import ChartGraph
from casefile.core.chart.shape import ellipse_perimeter, ellipse_points, view_shape
from casefile.core.chart.state import ChartState
from casefile.core.chart.summary import summarised

RING = 1.0  # layout units (190 scene pixels) from the expanded node to the nodes it brings
GAP = 0.6  # layout units between neighbours on a crowded ring (room for their labels)


def subgraph(graph: ChartGraph, keep: np.ndarray) -> ChartGraph:
    """The nodes marked in ``keep`` (in their order) and the links between them."""
    if keep.all():
        return graph
    idx = np.flatnonzero(keep)
    remap = np.full(len(graph.nodes), -1, np.int64)
    remap[idx] = np.arange(len(idx))
    links = []
    for i in np.flatnonzero(keep[graph.src] & keep[graph.dst]).tolist():
        link = copy.copy(graph.links[i])
        link.source, link.target = int(remap[link.source]), int(remap[link.target])
        links.append(link)
    return ChartGraph([graph.nodes[i] for i in idx.tolist()], links, dict(graph.left_out),
                      graph.locate)


def scoped(graph: ChartGraph, scope: set[str] | None) -> ChartGraph:
    """The chart of the nodes in ``scope`` (the whole graph when None)."""
    if scope is None:
        return graph
    return subgraph(graph, np.fromiter((n.key in scope for n in graph.nodes), bool,
                                       len(graph.nodes)))


def shown(graph: ChartGraph, state: ChartState) -> ChartGraph:
    """The chart a state shows of the case's ``graph``: shipments summarised as it says,
    cut to its scope, leaves folded; its arrays computed once, at the end (the steps'
    graphs in between are thrown away)."""
    return folded(scoped(summarised(graph, state.multiplicity), state.scope),
                  state.folds).warm()


def neighbours(graph: ChartGraph, keys: Iterable[str]) -> list[str]:
    """The keys of the nodes one link away from any of ``keys`` (not those keys), in the
    graph's order."""
    at = np.fromiter((graph.index[k] for k in keys if k in graph.index), np.int64)
    mark = np.zeros(len(graph.nodes), bool)
    mark[at] = True
    near = np.zeros(len(graph.nodes), bool)
    near[graph.dst[mark[graph.src]]] = True
    near[graph.src[mark[graph.dst]]] = True
    return [graph.nodes[i].key for i in np.flatnonzero(near & ~mark).tolist()]


def most_linked(graph: ChartGraph, keys: Iterable[str], count: int) -> list[str]:
    """The ``count`` of ``keys`` with the most links in ``graph`` (ties in the graph's
    order), in the graph's order."""
    at = np.fromiter((graph.index[k] for k in keys if k in graph.index), np.int64)
    if len(at) <= count:
        return [graph.nodes[i].key for i in np.sort(at).tolist()]
    degree = (np.bincount(graph.src, minlength=len(graph.nodes))
              + np.bincount(graph.dst, minlength=len(graph.nodes)))
    best = at[np.lexsort((at, -degree[at]))[:count]]
    return [graph.nodes[i].key for i in np.sort(best).tolist()]


def ring(centre: tuple[float, float], count: int, taken: np.ndarray | None = None,
         aspect: float = 1.0) -> list[tuple[float, float]]:
    """``count`` places round ``centre``, wide enough for them to stand apart, turned away
    from the nodes already ``taken`` (their positions) when there are some: a circle in a
    square view, an ellipse of the view's shape (``aspect``, its width over its height) in
    another — in the short, wide dock the chart opens in, a circle fitted to its height
    drew the names over one another's icons (look22)."""
    if count <= 0:
        return []
    # one to three: a circle (three on a flat ellipse stand one at an end, two far off
    # round the other side: review25)
    a = view_shape(aspect) if count > 3 else 1.0
    rx, ry = (a, 1.0) if a >= 1 else (1.0, 1.0 / a)
    radius = RING
    if count >= 2:  # a crowded ring grows until neighbours are GAP apart along it
        radius = max(RING, count * GAP / ellipse_perimeter(rx, ry)) if a != 1.0 else \
            max(RING, GAP / (2 * math.sin(math.pi / count)))
    start = 0.0
    if taken is not None and len(taken):
        d = taken.mean(axis=0) - np.asarray(centre)
        if np.hypot(*d) > 1e-9:  # open the ring away from where the others are
            start = math.atan2(d[1], d[0]) + math.pi / max(count, 1)
    fractions = start / (2 * math.pi) + np.arange(count) / count
    points = ellipse_points(radius * rx, radius * ry, fractions)
    if count > 3:  # round a flat ellipse's ends the way is shorter than along it: wider
        chord = float(np.hypot(*(points - np.roll(points, 1, axis=0)).T).min())
        if 0 < chord < GAP:
            points *= GAP / chord
    points += np.asarray(centre)
    return [(float(x), float(y)) for x, y in points]
