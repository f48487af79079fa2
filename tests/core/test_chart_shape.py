"""Every layout fills the view it is run in (casefile.core.chart.shape, .layered, .rings):
in the short, wide dock the chart opens in, the hierarchical, circular and radial layouts
come out wide and low (drawn large, names readable) instead of square or tall and small."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from casefile.core.chart.layered import hierarchical_layout, layers
from casefile.core.chart.rings import SPACING, circular_layout, hops, radial_layout
from casefile.core.chart.shape import (
    ellipse_perimeter,
    ellipse_points,
    fill,
    pack_rows,
    view_shape,
)

DOCK = 1492 / 203  # the chart's view in the default dock of a 1500 × 950 window


def _demo_like():
    """Five separate groups, as in the demo case: two chains of three, a pair pointing at
    one, a pair, and a party on its own."""
    src = np.array([0, 1, 3, 5, 6, 8, 10])
    dst = np.array([1, 2, 4, 4, 7, 7, 9])
    return 12, src, dst


def _shape(pos):
    w, h = np.ptp(pos, axis=0)
    return w / max(h, 1e-9)


def test_each_layout_comes_out_wide_in_the_wide_dock():
    n, src, dst = _demo_like()
    labels = [f"party {i}" for i in range(n)]
    kinds = [i % 3 for i in range(n)]
    for lay in (lambda a: hierarchical_layout(n, src, dst, aspect=a),
                lambda a: circular_layout(kinds, labels, aspect=a),
                lambda a: radial_layout(n, src, dst, 4, labels, aspect=a)):
        square, wide = lay(1.0), lay(DOCK)
        assert _shape(wide) > 4, _shape(wide)
        # drawn in the dock, the chart laid out for it comes out larger than the square one
        assert fill(np.ptp(wide, axis=0), DOCK) > 1.5 * fill(np.ptp(square, axis=0), DOCK)


def test_the_hierarchical_groups_sit_side_by_side_levels_left_to_right():
    n, src, dst = _demo_like()
    pos = hierarchical_layout(n, src, dst, aspect=DOCK)
    assert (pos[dst, 0] > pos[src, 0]).all()  # every link points right
    assert len({tuple(p) for p in pos.round(6).tolist()}) == n
    assert np.ptp(pos[:, 1]) <= 3.0  # one row of groups, not a column of them


def test_a_broad_shallow_tree_turns_its_levels_across_a_wide_view():
    """One owner of thirty companies: thirty levels' worth of height left to right; in a
    wide dock the levels run top to bottom instead, the companies side by side."""
    src, dst = np.zeros(30, np.int64), np.arange(1, 31)
    pos = hierarchical_layout(31, src, dst, aspect=DOCK)
    assert (pos[dst, 1] > pos[0, 1]).all() and _shape(pos) > 4
    tall = hierarchical_layout(31, src, dst, aspect=1 / DOCK)  # a tall view: a column
    assert (pos[dst, 1] > pos[0, 1]).all() and _shape(tall) < 1
    # a chain in a tall view runs top to bottom
    chain = hierarchical_layout(6, np.arange(5), np.arange(1, 6), aspect=0.2)
    assert (np.diff(chain[:, 1]) > 0).all() and np.ptp(chain[:, 0]) == 0


@st.composite
def forests(draw):
    """Random directed graphs of a few separate groups (links from lower to higher
    numbers, so no cycles), and a view's shape."""
    n = draw(st.integers(1, 40))
    links = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)),
                          max_size=2 * n))
    src = np.array([min(a, b) for a, b in links if a != b], np.int64)
    dst = np.array([max(a, b) for a, b in links if a != b], np.int64)
    aspect = draw(st.floats(0.05, 30.0))
    return n, src, dst, aspect


@settings(max_examples=60, deadline=None)
@given(forests())
def test_hierarchical_levels_run_one_way_and_nodes_never_meet(case):
    n, src, dst, aspect = case
    pos = hierarchical_layout(n, src, dst, aspect=aspect)
    assert pos.shape == (n, 2) and np.isfinite(pos).all()
    assert np.array_equal(pos, hierarchical_layout(n, src, dst, aspect=aspect))
    assert len({tuple(p) for p in pos.round(6).tolist()}) == n
    if len(src):
        lay = layers(n, src, dst)
        # all levels along one axis: a node of a later level is further along it
        ahead = [(pos[dst, ax] - pos[src, ax]) * (lay[dst] - lay[src]) for ax in (0, 1)]
        assert any((a > 0).all() for a in ahead)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.floats(0, 20), st.floats(0, 20)), min_size=1, max_size=40),
       st.floats(0.05, 30.0))
def test_packed_boxes_never_overlap_and_fill_the_view_at_least_as_a_row(sizes, aspect):
    corners = pack_rows(sizes, aspect, 1.5)
    boxes = [(x, y, x + w, y + h) for (x, y), (w, h) in zip(corners.tolist(), sizes,
                                                              strict=True)]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            apart = a[2] + 1.5 <= b[0] + 1e-9 or b[2] + 1.5 <= a[0] + 1e-9 or \
                a[3] + 1.5 <= b[1] + 1e-9 or b[3] + 1.5 <= a[1] + 1e-9
            assert apart, (a, b)
    extent = (max(b[2] for b in boxes), max(b[3] for b in boxes))
    row = (sum(w for w, _h in sizes) + 1.5 * (len(sizes) - 1), max(h for _w, h in sizes))
    assert fill(extent, aspect, 0.25) >= fill(row, aspect, 0.25) * (1 - 1e-9)


@settings(max_examples=60, deadline=None)
@given(st.integers(3, 60), st.floats(0.05, 30.0))
def test_ring_points_lie_on_an_ellipse_of_the_view_shape_evenly_spaced(count, aspect):
    a = view_shape(aspect)
    rx, ry = (a, 1.0) if a >= 1 else (1.0, 1 / a)
    pts = ellipse_points(rx, ry, np.arange(count) / count)
    assert np.allclose((pts[:, 0] / rx) ** 2 + (pts[:, 1] / ry) ** 2, 1.0)
    # equal steps along the curve, measured finely between each point and the next
    t = np.unwrap(np.arctan2(pts[:, 1] / ry, pts[:, 0] / rx))
    t = np.append(t, t[0] + 2 * np.pi)
    for t0, t1 in zip(t[:-1], t[1:], strict=True):
        s = np.linspace(t0, t1, 4001)
        arc = np.hypot(np.diff(rx * np.cos(s)), np.diff(ry * np.sin(s))).sum()
        assert abs(arc - ellipse_perimeter(rx, ry) / count) < 1e-3 * ellipse_perimeter(rx, ry)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(0, 4), min_size=1, max_size=50), st.floats(0.05, 30.0))
def test_circular_nodes_keep_their_spacing_on_the_stretched_ring(kinds, aspect):
    n = len(kinds)
    labels = [f"n{i}" for i in range(n)]
    pos = circular_layout(kinds, labels, aspect=aspect)
    assert np.array_equal(pos, circular_layout(kinds, labels, aspect=aspect))
    a = view_shape(aspect)
    rx, ry = (a, 1.0) if a >= 1 else (1.0, 1 / a)
    ring = np.hypot(pos[:, 0] / rx, pos[:, 1] / ry)
    assert np.allclose(ring, ring[0])  # one ellipse of the view's shape
    if n > 1:  # nobody on anybody: apart by about the spacing, or the ring's waist
        d = np.linalg.norm(pos[:, None] - pos[None], axis=2)[np.triu_indices(n, 1)]
        assert d.min() >= 0.5 * min(SPACING, ring[0])


@settings(max_examples=40, deadline=None)
@given(forests(), st.integers(0, 39))
def test_radial_rings_grow_outwards_in_the_view_shape(case, centre):
    n, src, dst, aspect = case
    centre %= n
    pos = radial_layout(n, src, dst, centre, [str(i) for i in range(n)], aspect=aspect)
    a = view_shape(aspect)
    rx, ry = (a, 1.0) if a >= 1 else (1.0, 1 / a)
    ring = np.hypot(pos[:, 0] / rx, pos[:, 1] / ry)  # the same for every node of a ring
    dist, _parent = hops(n, src, dst, centre)
    dist[dist < 0] = dist.max() + 1
    assert ring[centre] == 0
    for h in range(1, int(dist.max()) + 1):
        mine = ring[dist == h]
        if len(mine):
            assert np.allclose(mine, mine[0])
            assert (ring[dist < h] < mine[0]).all()
