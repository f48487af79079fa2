"""Zooming a crowded link chart (pytest-qt, a real view): while the wheel or the + key
zooms, a view crossed by more links than the draft budget draws only that many — those with
an end in view first — and draws every one once the zooming stops; panning repaints only the
strip scrolled into view."""

import numpy as np
from PySide6.QtCore import QPoint, QPointF, Qt

from casefile.core.chart.build import ChartBuilder
from casefile.ui.chart_layer import DRAFT_OVER
from casefile.ui.chart_scene import ChartScene
from casefile.ui.chart_view import ChartView


def _crowded(qtbot, nodes=400, links=12000):
    rng = np.random.default_rng(3)
    b = ChartBuilder()
    for i in range(nodes):
        b.party(i, f"P{i}")
    for k in range(links):
        a, c = (int(x) for x in rng.integers(0, nodes, 2))
        if a != c:
            b.relationship(k, a, c, "owns")
    scene = ChartScene()
    scene.set_graph(b.graph(), rng.uniform(-10, 10, (nodes, 2)))  # layout units: long links
    view = ChartView(scene)
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
    qtbot.waitExposed(view)
    view.resetTransform()
    view.centerOn(QPointF(0, 0))
    qtbot.wait(50)  # (the first paint done)
    return scene, view


def _in_view(scene, view):
    rect = view.mapToScene(view.viewport().rect()).boundingRect()
    return scene.layer.crossing(rect), rect


def test_a_crowded_view_draws_part_of_its_links_while_zooming_and_all_after(qtbot):
    scene, view = _crowded(qtbot)
    layer = scene.layer
    view.viewport().repaint()
    crossing, _ = _in_view(scene, view)
    assert len(crossing) > DRAFT_OVER and layer.last_drawn == len(crossing)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Plus)  # one zoom step, as the wheel makes
    assert layer.draft
    view.viewport().repaint()
    crossing, rect = _in_view(scene, view)
    assert layer.last_drawn == DRAFT_OVER
    assert layer.deferred == len(crossing) - DRAFT_OVER > 0
    # the links touching a node in view are among those drawn first: here fewer than the
    # budget, so every one of them is drawn and only passing links wait
    ends = layer._inside(layer.p1[crossing], rect) | layer._inside(layer.p2[crossing], rect)
    assert ends.sum() < DRAFT_OVER
    qtbot.waitUntil(lambda: not layer.draft, timeout=3000)  # the zooming stopped
    view.viewport().repaint()
    assert layer.deferred == 0 and layer.last_drawn == len(crossing)


def test_a_quiet_view_draws_every_link_even_while_zooming(qtbot):
    scene, view = _crowded(qtbot, links=600)
    view.zoom(1.25)
    view.viewport().repaint()
    assert scene.layer.draft and scene.layer.deferred == 0
    assert scene.layer.last_drawn == len(_in_view(scene, view)[0])


def test_panning_repaints_only_the_strip_scrolled_into_view(qtbot):
    scene, view = _crowded(qtbot)
    view.viewport().repaint()
    exposed = []
    paint = scene.layer._paint_culled
    scene.layer._paint_culled = lambda p, rect, lod: (exposed.append(rect), paint(p, rect,
                                                                                  lod))
    bar = view.horizontalScrollBar()
    bar.setValue(bar.value() + 40)
    qtbot.waitUntil(lambda: bool(exposed), timeout=3000)
    strip = view.mapFromScene(exposed[-1]).boundingRect()
    assert strip.width() <= 60 and strip.height() >= view.viewport().height() - 2
    assert view.viewport().rect().contains(strip.center() - QPoint(0, 0))
