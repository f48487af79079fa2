"""Layouts of the link chart (casefile.core.chart.layout, .layered, .state): deterministic for
a seed, pinned nodes never move, each layout's shape is what its name says."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from casefile.core.chart.build import ChartBuilder
from casefile.core.chart.layered import hierarchical_layout, layers
from casefile.core.chart.layout import force_layout, near_pairs
from casefile.core.chart.rings import circular_layout, hops, radial_layout
from casefile.core.chart.state import ChartState, arrange, place


def two_clusters(rng):
    src, dst = [], []
    for base in (0, 30):
        for _ in range(120):
            a, b = rng.integers(base, base + 30, 2)
            if a != b:
                src.append(a)
                dst.append(b)
    src.append(0)
    dst.append(30)
    return np.array(src), np.array(dst)


@settings(max_examples=40, deadline=None)
@given(arrays(np.float64, st.tuples(st.integers(0, 80), st.just(2)),
              elements=st.floats(-20, 20)), st.floats(0.1, 5))
def test_near_pairs_are_exactly_the_close_pairs(pos, r):
    i, j = near_pairs(pos, r)
    found = {(min(a, b), max(a, b)) for a, b in zip(i.tolist(), j.tolist(), strict=True)}
    assert len(found) == len(i)  # each pair once
    d = np.sqrt(((pos[:, None] - pos[None]) ** 2).sum(-1))
    want = {(a, b) for a in range(len(pos)) for b in range(a + 1, len(pos)) if d[a, b] < r}
    assert found == want


def test_force_layout_is_deterministic_and_keeps_clusters_apart():
    src, dst = two_clusters(np.random.default_rng(3))
    a = force_layout(60, src, dst, seed=5)
    assert np.array_equal(a, force_layout(60, src, dst, seed=5))
    assert not np.array_equal(a, force_layout(60, src, dst, seed=6))
    c1, c2 = a[:30].mean(axis=0), a[30:].mean(axis=0)
    spread = max(np.linalg.norm(a[:30] - c1, axis=1).mean(),
                 np.linalg.norm(a[30:] - c2, axis=1).mean())
    assert np.linalg.norm(c1 - c2) > 1.5 * spread
    d = np.sqrt(((a[:, None] - a[None]) ** 2).sum(-1))
    assert d[np.triu_indices(60, 1)].min() > 0.05  # nobody on top of anybody


def test_pinned_nodes_stay_exactly_where_they_are():
    src, dst = two_clusters(np.random.default_rng(4))
    init = np.full((60, 2), np.nan)
    fixed = np.zeros(60, bool)
    init[[0, 30]] = [[-50.25, 3.125], [50.5, -7.0]]
    fixed[[0, 30]] = True
    pos = force_layout(60, src, dst, seed=1, init=init, fixed=fixed)
    assert pos[0].tolist() == [-50.25, 3.125] and pos[30].tolist() == [50.5, -7.0]
    # the others arrange around them: each cluster near its pinned member
    assert np.linalg.norm(pos[1:30].mean(axis=0) - pos[0]) < np.linalg.norm(
        pos[1:30].mean(axis=0) - pos[30])
    for layout in (hierarchical_layout(60, src, dst, init=init, fixed=fixed),
                   circular_layout([0] * 60, [str(i) for i in range(60)], init=init,
                                   fixed=fixed),
                   radial_layout(60, src, dst, 5, [str(i) for i in range(60)], init=init,
                                 fixed=fixed)):
        assert layout[0].tolist() == [-50.25, 3.125] and layout[30].tolist() == [50.5, -7.0]


def test_hierarchical_layers_run_left_to_right_even_with_a_cycle():
    # 0 -> 1 -> 2 -> 3, 1 -> 4, and 3 -> 1 closing a cycle
    src, dst = np.array([0, 1, 2, 1, 3]), np.array([1, 2, 3, 4, 1])
    lay = layers(5, src, dst)
    assert lay[0] == 0 and lay[1] == 1 and lay[2] == 2 and lay[3] == 3 and lay[4] == 2
    pos = hierarchical_layout(5, src, dst)
    assert (np.diff(pos[[0, 1, 2, 3], 0]) > 0).all()
    # a tree: every child right of its parent, no two nodes on one spot
    rng = np.random.default_rng(1)
    parent = np.array([int(rng.integers(0, i)) for i in range(1, 300)])
    pos = hierarchical_layout(300, parent, np.arange(1, 300))
    assert (pos[np.arange(1, 300), 0] > pos[parent, 0]).all()
    assert len({(x, y) for x, y in pos.tolist()}) == 300


def test_circular_groups_kinds_and_radial_rings_follow_hops():
    kinds = [1, 0, 1, 0, 2]
    pos = circular_layout(kinds, ["d", "b", "c", "a", "e"])
    r = np.linalg.norm(pos, axis=1)
    assert np.allclose(r, r[0])
    angle = np.mod(np.arctan2(pos[:, 1], pos[:, 0]), 2 * np.pi)
    assert list(np.argsort(angle)) == [3, 1, 2, 0, 4]  # kind 0 (a, b), kind 1 (c, d), kind 2
    src, dst = np.array([0, 0, 1, 2]), np.array([1, 2, 3, 4])
    dist, _parent = hops(6, src, dst, 0)
    assert dist.tolist() == [0, 1, 1, 2, 2, -1]
    pos = radial_layout(6, src, dst, 0, list("abcdef"))
    r = np.linalg.norm(pos, axis=1)
    assert r[0] == 0 and r[1] == r[2] < r[3] == r[4] < r[5]


def test_place_keeps_saved_positions_and_places_new_nodes_around_them():
    b = ChartBuilder()
    for i in range(8):
        b.party(i, f"P{i}")
    for i in range(7):
        b.relationship(i, i, i + 1, "supplies")
    g = b.graph()
    state = ChartState(seed=2)
    first = arrange(g, state)
    state.remember(g, first)
    assert np.array_equal(place(g, state), first)
    b.party(99, "New")
    b.relationship(99, 99, 3, "owns")
    g2 = b.graph()
    pos = place(g2, state)
    assert np.array_equal(pos[:8], first)  # the saved ones stay put
    assert np.isfinite(pos[8]).all()
    assert np.linalg.norm(pos[8] - pos[3]) < np.abs(first).max() * 2
    for layout in ("hierarchical", "circular", "radial", "force"):
        out = arrange(g2, state, layout)
        assert out.shape == (9, 2) and np.isfinite(out).all()
