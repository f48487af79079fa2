"""Layouts drawn out to the view's long side and kept readable there (casefile.core.chart:
shape.spread, layered.layers, rings.strung): a compact layout stretched along a short, wide
dock (never across it, never beyond its shape), the sanctioning bodies of an imported case
not stacked in the first level, and the unreachable nodes of the radial layout set along
their ring so that no link runs through a node."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from casefile.core.chart.layered import TALL, hierarchical_layout, layers
from casefile.core.chart.rings import strung
from casefile.core.chart.shape import MARGIN, STRETCH, spread, view_shape

points = st.integers(2, 40).flatmap(lambda n: st.lists(
    st.tuples(st.floats(-50, 50), st.floats(-50, 50)), min_size=n, max_size=n))


def _shape(pos, margin=MARGIN):
    w, h = np.ptp(pos, axis=0)
    return (w + 2 * margin) / (h + 2 * margin)


@settings(max_examples=200, deadline=None)
@given(points, st.floats(0.05, 30.0), st.floats(1.0, 10.0))
def test_spread_draws_out_along_the_long_side_only_and_no_further_than_the_view(
        pts, aspect, most):
    pos = np.array(pts)
    out = spread(pos, aspect, most)
    a = view_shape(aspect)
    long_ax = 0 if a >= 1 else 1
    # the other axis as it was; the long one scaled about its middle by 1 to ``most``
    assert np.array_equal(out[:, 1 - long_ax], pos[:, 1 - long_ax])
    span, was = np.ptp(out[:, long_ax]), np.ptp(pos[:, long_ax])
    assert span >= was * (1 - 1e-9) and span <= was * most * (1 + 1e-9) + 1e-9
    mid = (pos[:, long_ax].min() + pos[:, long_ax].max()) / 2
    assert np.allclose((out[:, long_ax].min() + out[:, long_ax].max()) / 2, mid)
    # the order along it kept (nothing turned or folded)
    order = np.argsort(pos[:, long_ax], kind="stable")
    assert (np.diff(out[order, long_ax]) >= -1e-9).all()
    if span > was * (1 + 1e-9):  # stretched: up to the view's shape, not past it
        got = _shape(out) if a >= 1 else 1 / _shape(out)
        want = a if a >= 1 else 1 / a
        assert got <= want * (1 + 1e-6)
        if span < was * most * (1 - 1e-9):  # not held back by ``most``: exactly the view's
            assert np.isclose(got, want, rtol=1e-6)


def test_a_compact_chart_fills_the_wide_dock_and_a_square_view_is_left_alone():
    pos = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    wide = spread(pos, 7.35)
    assert np.ptp(wide[:, 0]) == STRETCH  # drawn out across the dock, by at most STRETCH
    assert np.array_equal(wide[:, 1], pos[:, 1])
    assert np.array_equal(spread(pos, 1.0), pos)
    assert np.array_equal(spread(pos[:1], 7.35), pos[:1])  # one node: nothing to spread


@st.composite
def dags(draw):
    n = draw(st.integers(1, 30))
    links = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)),
                          max_size=3 * n))
    links = [(min(a, b), max(a, b)) for a, b in links if a != b]  # no cycles
    src = np.array([a for a, _b in links], np.int64)
    dst = np.array([b for _a, b in links], np.int64)
    return n, src, dst


@settings(max_examples=150, deadline=None)
@given(dags())
def test_layers_run_along_every_link_with_each_source_just_before_its_nearest(case):
    n, src, dst = case
    layer = layers(n, src, dst)
    assert layer.shape == (n,) and (layer >= 0).all()
    assert (layer[dst] > layer[src]).all()  # every link goes down the levels
    into = set(dst.tolist())
    for a in set(src.tolist()) - into:  # nothing points at it: next to what it points at
        assert layer[a] == layer[dst[src == a]].min() - 1


def test_the_sanctioning_bodies_are_not_stacked_in_the_first_level():
    """An imported cluster: a chain of owners (0 → 1 → 2 → 3) and a body sanctioning each
    party: the bodies sit one level before their party, not all in level 0 (a column as
    tall as the chart has parties, which a short dock draws tiny)."""
    src = np.array([0, 1, 2, 4, 5, 6, 7])
    dst = np.array([1, 2, 3, 0, 1, 2, 3])
    layer = layers(8, src, dst)
    assert layer.tolist() == [1, 2, 3, 4, 0, 1, 2, 3]  # (4 is 0's owner's body: before it)
    assert np.bincount(layer).max() == 2
    pos = hierarchical_layout(8, src, dst, aspect=7.35)
    assert np.ptp(pos[:, 1]) <= TALL + 1e-9  # two nodes a level at most: one step high


@settings(max_examples=150, deadline=None)
@given(st.integers(1, 25).flatmap(lambda n: st.tuples(
    st.just(n), st.lists(st.integers(0, n - 1), min_size=n - 1, max_size=n - 1),
    st.lists(st.booleans(), min_size=n - 1, max_size=n - 1))))
def test_strung_keeps_each_group_together_and_a_chain_in_its_order(case):
    n, parents, cut = case
    # a forest: node i (≥ 1) hangs from an earlier node unless cut
    src = np.array([min(p, i - 1) for i, (p, c) in enumerate(zip(parents, cut, strict=True), 1)
                    if not c], np.int64)
    dst = np.array([i for i, c in enumerate(cut, 1) if not c], np.int64)
    labels = [f"n{i:02d}" for i in range(n)]
    order = strung(list(range(n)), src, dst, labels)
    assert sorted(order) == list(range(n))
    # groups (connected) are runs of the order
    group = list(range(n))

    def root(a):
        while group[a] != a:
            a = group[a]
        return a
    for a, b in zip(src.tolist(), dst.tolist(), strict=True):
        group[root(b)] = root(a)
    runs = [root(v) for v in order]
    assert len([i for i in range(1, n) if runs[i] != runs[i - 1]]) == len(set(runs)) - 1


@given(st.integers(1, 12), st.integers(2, 12))
def test_strung_sets_a_hub_amid_its_spokes_and_a_chain_end_to_end(spokes, length):
    hub_src = np.zeros(spokes, np.int64)
    hub_dst = np.arange(1, spokes + 1)
    order = strung(list(range(spokes + 1)), hub_src, hub_dst, [f"p{i}" for i in
                                                               range(spokes + 1)])
    assert order.index(0) == spokes // 2  # every spoke joins it without passing a node
    chain = strung(list(range(length)), np.arange(length - 1), np.arange(1, length),
                   [f"c{i}" for i in range(length)])
    assert sorted([chain, chain[::-1]])[0] == list(range(length))  # in its order


def test_strung_takes_a_long_chain_without_running_out_of_stack():
    n = 5000
    order = strung(list(range(n)), np.arange(n - 1), np.arange(1, n), [""] * n)
    assert sorted(order) == list(range(n))
    at = np.empty(n, np.int64)
    at[order] = np.arange(n)
    assert (np.abs(np.diff(at)) == 1).all()  # each link between neighbours on the ring
