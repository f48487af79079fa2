"""The link chart's labels on screen (pytest-qt, a real view): where two labels would
overlap only one is drawn (the node with more links wins), and Fit leaves every node's icon
and label room inside the view, even in the short dock the chart opens in."""

import numpy as np
from PySide6.QtCore import QPointF

from casefile.core.chart.build import ChartBuilder
from casefile.ui.chart_icons import ICON
from casefile.ui.chart_labels import HALF_WIDTH, LABEL_HEIGHT
from casefile.ui.chart_scene import ChartScene
from casefile.ui.chart_view import ChartView


def _view(qtbot, pos, links=(), size=(900, 150)):
    b = ChartBuilder()
    for i in range(len(pos)):
        b.party(i, f"Limited Liability Company number {i}")
    for k, (a, c) in enumerate(links):
        b.relationship(k, a, c, "owns")
    scene = ChartScene()
    scene.set_graph(b.graph(), np.asarray(pos, float))
    view = ChartView(scene)
    qtbot.addWidget(view)
    view.resize(*size)
    view.show()
    qtbot.waitExposed(view)
    return scene, view


def test_labels_that_would_overlap_are_not_drawn_over_each_other(qtbot):
    pos = [(x * 0.4, y * 0.3) for y in range(3) for x in range(12)]  # labels far wider
    scene, view = _view(qtbot, pos, links=[(5, 6), (5, 7), (5, 18)], size=(900, 400))
    view.resetTransform()
    view.centerOn(QPointF(np.mean(scene.pos[:, 0]), np.mean(scene.pos[:, 1])))
    scene.set_detail(view.lod())
    qtbot.waitUntil(lambda: len(scene.labels.drawn) > 0, timeout=3000)
    drawn = scene.labels.drawn
    assert 0 < len(drawn) < len(pos)  # some left out rather than drawn over another
    for i, a in enumerate(drawn):
        for b in drawn[i + 1:]:
            assert not a.intersects(b), (a, b)
    # the node with the most links keeps its label
    centre = view.mapFromScene(QPointF(*scene.pos[5]))
    assert any(abs(r.center().x() - centre.x()) < 1 for r in drawn)


def test_fit_keeps_icons_and_labels_inside_a_short_dock(qtbot):
    pos = [(0, 0), (1, 0), (2, 0), (2.5, 1.0), (6, 0.5), (12, 0)]  # a long, low chart
    scene, view = _view(qtbot, pos, links=[(0, 1), (1, 2), (2, 3)])
    view.fit()
    qtbot.waitUntil(lambda: len(scene.labels.drawn) > 0, timeout=3000)
    lod = view.lod()
    w, h = view.viewport().width(), view.viewport().height()
    for p in scene.pos:
        at = view.mapFromScene(QPointF(*p))
        assert HALF_WIDTH - 1 <= at.x() <= w - HALF_WIDTH + 1
        assert at.y() - ICON / 2 * lod >= 0
        assert at.y() + ICON / 2 * lod + LABEL_HEIGHT <= h
    assert all(0 <= r.left() and r.right() <= w and r.bottom() <= h + 1
               for r in scene.labels.drawn)


def _paint(layer, exposed):
    from PySide6.QtGui import QImage, QPainter, QTransform
    from PySide6.QtWidgets import QStyleOptionGraphicsItem

    img = QImage(1200, 400, QImage.Format.Format_ARGB32)
    p = QPainter(img)
    p.setWorldTransform(QTransform.fromTranslate(400, 100))  # zoom 1
    opt = QStyleOptionGraphicsItem()
    opt.exposedRect = exposed
    layer.paint(p, opt)
    p.end()
    return [(round(r.left()), round(r.top())) for r in layer.drawn]


def test_a_repaint_of_part_of_the_view_draws_the_labels_the_whole_view_chose():
    """Selecting or hovering repaints a few pixels: which labels win is decided for the view,
    not for the repainted part, or the part would draw a label the whole view left out."""
    from PySide6.QtCore import QRectF

    b = ChartBuilder()
    for i in range(7):
        b.party(i, f"Limited Liability Company number {i}")
    for k, (a, c) in enumerate([(0, 5), (0, 6), (1, 5)]):
        b.relationship(k, a, c, "owns")
    scene = ChartScene()
    pos = np.array([(x * 50.0, 0.0) for x in range(5)] + [(0, 200), (200, 250)]) / 190.0
    scene.set_graph(b.graph(), pos)
    full = _paint(scene.labels, QRectF(-400, -100, 1200, 400))
    assert 0 < len(full) < 7
    for x in range(-400, 800, 37):  # small repaints all along the row
        part = _paint(scene.labels, QRectF(x, -40, 12, 80))
        assert set(part) <= set(full), (x, part, full)
