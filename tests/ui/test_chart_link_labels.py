"""The link chart's link labels ('owns', '12 shipments', a sanction's programme): written
on their links once zoomed in, never over a node's name, an icon or another link's label,
none when zoomed out; and in the chart's PNG/SVG export as on screen."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QImage, QPainter, QTransform
from PySide6.QtWidgets import QStyleOptionGraphicsItem

from casefile.core.chart.build import ChartBuilder
from casefile.ui.chart_export import export_chart
from casefile.ui.chart_icons import ICON
from casefile.ui.chart_link_labels import LINK_LABEL_LOD
from casefile.ui.chart_scene import SCALE, ChartScene
from casefile.ui.chart_view import ChartView


def _scene(pos, links, kinds=None):
    b = ChartBuilder()
    for i in range(len(pos)):
        b.party(i, f"Company {i}")
    for k, (a, c) in enumerate(links):
        kind = (kinds or ["owns"])[k % len(kinds or ["owns"])]
        if kind == "shipment":
            b.shipment(k, a, c, f"shipment {k}", count=12)
        else:
            b.relationship(k, a, c, kind)
    scene = ChartScene()
    scene.set_graph(b.graph(), np.asarray(pos, float))
    return scene


def _paint(scene, zoom, size=(1000, 700)):
    """Paint the labels as a view at ``zoom`` centred on the chart would; the screen
    rectangles of the node labels and of the link labels (with their texts)."""
    img = QImage(*size, QImage.Format.Format_ARGB32)
    p = QPainter(img)
    centre = scene.pos.mean(axis=0) if len(scene.pos) else np.zeros(2)
    world = QTransform.fromTranslate(size[0] / 2, size[1] / 2).scale(zoom, zoom) \
        .translate(-centre[0], -centre[1])
    p.setWorldTransform(world)
    opt = QStyleOptionGraphicsItem()
    opt.exposedRect = world.inverted()[0].mapRect(QRectF(0, 0, *size))
    scene.labels.paint(p, opt)
    p.end()
    links = scene.labels.link_labels
    return world, list(scene.labels.drawn), [(links.text(i), i, r) for i, r in links.drawn]


def test_links_are_labelled_when_zoomed_in_and_not_when_zoomed_out(qapp):
    pos = [(0, 0), (1.5, 0), (0, 1.5), (1.5, 1.5)]
    scene = _scene(pos, [(0, 1), (0, 2), (1, 3)], ["owns", "director_of", "shipment"])
    _w, _names, drawn = _paint(scene, 1.0)
    assert sorted(t for t, _i, _r in drawn) == ["12 shipments", "director of", "owns"]
    _w, _names, drawn = _paint(scene, LINK_LABEL_LOD * 0.9)
    assert drawn == []


def _on_segment(world, scene, i, rect):
    layer = scene.layer
    a, b = world.map(QPointF(*layer.p1[i])), world.map(QPointF(*layer.p2[i]))
    c = rect.center()
    d = np.array([b.x() - a.x(), b.y() - a.y()])
    t = np.clip(np.dot([c.x() - a.x(), c.y() - a.y()], d) / max(np.dot(d, d), 1e-9), 0, 1)
    near = np.array([a.x(), a.y()]) + t * d
    return float(np.hypot(*(near - [c.x(), c.y()]))) < 1.0


def _through(rect, a, b):
    """Whether the segment a-b passes through the inside of ``rect`` (sampled finely)."""
    inside = rect.adjusted(0.5, 0.5, -0.5, -0.5)
    return any(inside.contains(QPointF(a.x() + (b.x() - a.x()) * t / 400,
                                       a.y() + (b.y() - a.y()) * t / 400))
               for t in range(401))


_POS = st.lists(st.tuples(st.floats(-3, 3), st.floats(-3, 3)), min_size=2, max_size=14)


@settings(max_examples=150, deadline=None)
@given(_POS, st.data(), st.floats(LINK_LABEL_LOD, 3.0))
def test_a_link_label_sits_on_its_link_and_covers_no_name_icon_or_other_label(
        qapp, pos, data, zoom):
    n = len(pos)
    pairs = data.draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1))
                               .filter(lambda p: p[0] != p[1]), max_size=20))
    scene = _scene(pos, pairs, ["owns", "shipment", "subsidiary_of"])
    world, names, drawn = _paint(scene, zoom)
    rects = [r for _t, _i, r in drawn]
    icons = [world.mapRect(QRectF(x - ICON / 2 * scene.icon_scale, y - ICON / 2
                                  * scene.icon_scale, ICON * scene.icon_scale,
                                  ICON * scene.icon_scale)) for x, y in scene.pos]
    g, layer = scene.graph, scene.layer
    for k, (_text, i, r) in enumerate(drawn):
        assert _on_segment(world, scene, i, r)
        for j in range(len(g.links)):  # no other pair's line runs through its words
            if {int(g.src[j]), int(g.dst[j])} != {int(g.src[i]), int(g.dst[i])}:
                a, b = world.map(QPointF(*layer.p1[j])), world.map(QPointF(*layer.p2[j]))
                assert not _through(r.adjusted(1, 1, -1, -1), a, b), (i, j)
        inner = r.adjusted(1, 1, -1, -1)  # its words (the pale grounds may touch)
        assert not any(inner.intersects(o.adjusted(1, 1, -1, -1)) for o in rects[k + 1:])
        assert not any(inner.intersects(o) for o in names)
        assert not any(inner.intersects(o) for o in icons)


def test_the_chart_in_the_dock_labels_its_links_as_the_user_zooms_in(qtbot):
    pos = [(0, 0), (1.2, 0), (2.4, 0.2)]
    scene = _scene(pos, [(0, 1), (1, 2)], ["owns", "shipment"])
    view = ChartView(scene)
    qtbot.addWidget(view)
    view.resize(900, 300)
    view.show()
    qtbot.waitExposed(view)
    view.fit()
    qtbot.waitUntil(lambda: len(scene.labels.link_labels.drawn) == 2, timeout=3000)
    view.zoom(1 / 8)  # far out: names and link labels go
    qtbot.waitUntil(lambda: not scene.labels.link_labels.drawn, timeout=3000)


def test_the_exported_chart_writes_its_links_labels(qapp, tmp_path):
    pos = [(0, 0), (2.5, 0), (5, 0.5), (7.5, 0)]
    scene = _scene(pos, [(0, 1), (1, 2), (2, 3)], ["owns", "shipment", "director_of"])
    out = export_chart(scene, tmp_path / "chart.png", {"title": "Case"}, "Owners")
    img = QImage(str(out))
    assert not img.isNull()
    # the same drawing to a painter of our own: what it wrote, and where
    from casefile.ui.chart_export import draw_chart
    page = QImage(1200, 600, QImage.Format.Format_ARGB32)
    p = QPainter(page)
    p.translate(100, 300)
    p.scale(1 / SCALE * 130, 1 / SCALE * 130)
    written = draw_chart(p, scene, QRectF(0, 0, 1200, 600))
    p.end()
    assert sorted(written) == ["12 shipments", "director of", "owns"]
