"""The link chart's batched link layer: which links a zoomed view draws (only those that
cross it, cut to it), link hit-tests by distance, and the chart's keyboard shortcuts."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QRectF, Qt

from casefile.core.chart.build import ChartBuilder
from casefile.ui.chart_layer import LinkLayer
from casefile.ui.chart_segments import clipped
from tests.ui.conftest import wait_idle


def _layer(points):
    b = ChartBuilder()
    for i in range(len(points)):
        b.party(i, f"P{i}")
    for i in range(0, len(points) - 1, 2):
        b.relationship(i, i, i + 1, "owns")
    layer = LinkLayer(b.graph())
    layer.set_positions(np.array(points, float))
    return layer


def _crosses(p, q, rect, steps=400):
    t = np.linspace(0, 1, steps)[:, None]
    pts = np.asarray(p) + t * (np.asarray(q) - np.asarray(p))
    return bool(((pts[:, 0] >= rect.left()) & (pts[:, 0] <= rect.right())
                 & (pts[:, 1] >= rect.top()) & (pts[:, 1] <= rect.bottom())).any())


coord = st.floats(-100, 100, allow_nan=False)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(coord, coord), min_size=2, max_size=40).filter(
    lambda p: len(p) % 2 == 0))
def test_a_zoomed_view_draws_the_links_that_cross_it_cut_to_it(qapp, points):
    layer = _layer(points)
    rect = QRectF(-20, -10, 35, 25)
    crossing = set(layer.crossing(rect).tolist())
    for i in range(len(layer.graph.links)):
        p, q = layer.p1[i], layer.p2[i]
        if _crosses(p, q, rect):  # sampled: a line just grazing a corner may be missed
            assert i in crossing
    if crossing:
        idx = np.array(sorted(crossing))
        a, b = clipped(layer.p1[idx], layer.p2[idx], rect)
        for pts in (a, b):
            assert (pts[:, 0] >= rect.left() - 1e-6).all()
            assert (pts[:, 0] <= rect.right() + 1e-6).all()
            assert (pts[:, 1] >= rect.top() - 1e-6).all()
            assert (pts[:, 1] <= rect.bottom() + 1e-6).all()


def test_a_link_is_found_by_its_distance_from_the_mouse(qapp):
    layer = _layer([(0, 0), (100, 0), (0, 50), (100, 50)])
    assert layer.link_at(50, 3, 5) == 0
    assert layer.link_at(50, 47, 5) == 1
    assert layer.link_at(50, 25, 5) is None
    layer.visible[0] = False
    assert layer.link_at(50, 3, 5) is None


def test_the_charts_keys_pin_hide_and_show(qtbot, demo_window):
    dock = demo_window.chart
    dock.raise_()  # read when on screen: a user shows the tab
    qtbot.waitUntil(lambda: len(dock.graph.nodes) == 12, timeout=10000)
    wait_idle(qtbot, demo_window)
    dock.raise_()
    qtbot.waitUntil(lambda: dock.view.isVisible(), timeout=5000)
    dock.view.setFocus()
    i = dock.graph.index["entity:2"]
    dock.scene.nodes[i].setSelected(True)
    qtbot.keyClick(dock.view, Qt.Key.Key_P)
    assert dock.state.pinned == {"entity:2"}
    qtbot.keyClick(dock.view, Qt.Key.Key_H)
    assert dock.scene.hidden[i] and not dock.scene.nodes[i].isVisible()
    qtbot.keyClick(dock.view, Qt.Key.Key_H, Qt.KeyboardModifier.ShiftModifier)
    assert not dock.scene.hidden.any() and dock.scene.nodes[i].isVisible()
    before = dock.view.lod()
    qtbot.keyClick(dock.view, Qt.Key.Key_Plus)
    assert dock.view.lod() > before


def test_links_of_one_pair_are_drawn_side_by_side(qapp):
    b = ChartBuilder()
    for i in range(3):
        b.party(i, f"P{i}")
    b.relationship(1, 0, 1, "owns")
    b.relationship(2, 1, 0, "supplies")  # the other way: still on its own side
    b.shipment(3, 0, 1, "rifles")
    b.relationship(4, 1, 2, "owns")  # a pair's only link: on the line between its nodes
    layer = LinkLayer(b.graph())
    layer.set_positions(np.array([[0.0, 0.0], [100.0, 0.0], [100.0, 100.0]]))
    ys = sorted(float(y) for y in layer.p1[:3, 1])
    assert np.allclose(np.diff(ys), 7.0) and np.isclose(sum(ys), 0.0)
    assert np.allclose(layer.p1[:3, 1], layer.p2[:3, 1])  # parallel to the pair's line
    lone = next(i for i, lk in enumerate(layer.graph.links) if lk.target == 2)
    assert layer.p1[lone].tolist() == [100.0, 0.0] and layer.p2[lone].tolist() == [100.0, 100.0]
    assert layer.link_at(50, ys[0], 2) is not None and layer.link_at(50, ys[2], 2) is not None
