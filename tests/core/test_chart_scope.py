"""Charts of part of a case: the graph cut to a scope, neighbours one hop away, the ring new
neighbours are placed on, and the scope saved in the chart state."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casefile.core.chart.build import ChartBuilder
from casefile.core.chart.scope import GAP, RING, neighbours, ring, scoped, subgraph
from casefile.core.chart.state import ChartState
from tests.support.chart_graph import synthetic_graph


def chain():
    b = ChartBuilder()
    for i in range(5):
        b.party(i, f"P{i}")
    for i in range(4):  # 0 → 1 → 2 → 3 → 4, and a relationship 0 — 4
        b.shipment(10 + i, i, i + 1, f"goods {i}", sources=("B2 Report",))
    b.relationship(1, 0, 4, "owns")
    return b.graph()


def test_a_scope_keeps_its_nodes_and_the_links_between_them():
    g = chain()
    part = scoped(g, {"entity:1", "entity:2", "entity:4", "entity:0"})
    assert [n.key for n in part.nodes] == ["entity:0", "entity:1", "entity:2", "entity:4"]
    assert sorted(lk.key for lk in part.links) == [
        "relationship:owns:entity:0>entity:4", "shipment:entity:0>entity:1",
        "shipment:entity:1>entity:2"]
    for lk in part.links:  # indexes point at the same parties in the smaller chart
        assert lk.key.endswith(f"{part.nodes[lk.source].key}>{part.nodes[lk.target].key}")
    assert scoped(g, None) is g
    assert g.links[0].source == 0 and len(g.links) == 5  # the whole chart is left as it was


def test_neighbours_are_one_hop_away_either_way():
    g = chain()
    assert neighbours(g, ["entity:2"]) == ["entity:1", "entity:3"]
    assert neighbours(g, ["entity:0"]) == ["entity:1", "entity:4"]
    assert neighbours(g, ["entity:0", "entity:1"]) == ["entity:2", "entity:4"]
    assert neighbours(g, ["nobody"]) == []


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 199), st.integers(0, 3))
def test_every_link_of_a_node_leads_to_a_neighbour(node, seed):
    g = synthetic_graph(200, 600, seed=seed)
    key = g.nodes[node].key
    near = set(neighbours(g, [key]))
    ends = {g.nodes[j].key for i in range(len(g.links)) for j in (g.src[i], g.dst[i])
            if node in (g.src[i], g.dst[i])} - {key}
    assert near == ends
    part = subgraph(g, np.fromiter((n.key in near | {key} for n in g.nodes), bool))
    assert len(part.nodes) == len(near) + 1
    assert len(part.links) == int(np.sum(np.isin(g.src, [g.index[k] for k in near | {key}])
                                         & np.isin(g.dst, [g.index[k] for k in near | {key}])))


def test_new_neighbours_stand_on_a_ring_around_the_node_they_came_from():
    for count in (1, 3, 12, 40):
        spots = ring((10.0, -5.0), count, np.array([[0.0, 0.0], [20.0, 0.0]]))
        assert len(spots) == count and len(set(spots)) == count
        radii = [math.dist(p, (10.0, -5.0)) for p in spots]
        assert min(radii) >= RING and max(radii) - min(radii) < 1e-9
        gaps = [math.dist(a, b) for a, b in zip(spots, spots[1:], strict=False)]
        assert not gaps or min(gaps) >= GAP * 0.99  # apart enough to read the labels
    assert ring((0.0, 0.0), 0) == []


def test_in_a_wide_view_new_neighbours_stand_on_an_ellipse_of_its_shape():
    """(look22) A circle fitted into the short, wide dock drew names over the icons: three
    or more new neighbours stand on an ellipse as wide as the view, a gap apart."""
    for count, aspect in ((9, 7.0), (40, 7.0), (9, 0.3)):
        spots = np.array(ring((3.0, 4.0), count, np.array([[0.0, 0.0]]), aspect))
        assert len({tuple(p) for p in spots.tolist()}) == count
        w, h = np.ptp(spots, axis=0)
        assert w / h == pytest.approx(aspect, rel=0.2) if aspect > 1 else \
            h / w == pytest.approx(1 / aspect, rel=0.2)
        assert np.hypot(*(spots - (3.0, 4.0)).T).min() >= RING * 0.999
        along = np.hypot(*(spots - np.roll(spots, 1, axis=0)).T)  # neighbours on the ring
        assert along.min() >= GAP * 0.95
        d = np.hypot(*(spots[:, None] - spots[None]).transpose(2, 0, 1))
        assert d[~np.eye(count, dtype=bool)].min() >= GAP * 0.8  # across a flat ring's end
    for count in (1, 2, 3):  # up to three: RING off all round, as before (review25: three
        # on an 8:1 ellipse stood one at x=+8, two at x=-2.7)
        spots = ring((0.0, 0.0), count, None, 8.0)
        assert [math.dist(p, (0.0, 0.0)) for p in spots] == pytest.approx([RING] * count)


def test_the_scope_is_saved_with_the_chart():
    state = ChartState(scope={"entity:2", "entity:1"})
    text = state.to_json()
    assert '"scope":["entity:1","entity:2"]' in text
    assert ChartState.from_json(text) == state
    assert ChartState.from_json(ChartState().to_json()).scope is None
    assert ChartState.from_json('{"positions": {}}').scope is None  # a chart saved before
    assert ChartState.from_json('{"scope": [1, "entity:3"]}').scope == {"entity:3"}
