"""The link chart's labels on screen (pytest-qt, a real view): where two labels would
overlap only one is drawn (the node with more links wins), and Fit leaves every node's icon
and label room inside the view, even in the short dock the chart opens in."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QLineF, QPointF

from casefile.core.chart.build import ChartBuilder
from casefile.ui.chart_cells import CELL
from casefile.ui.chart_cells import line_cells as _cells
from casefile.ui.chart_icons import ICON
from casefile.ui.chart_labels import HALF_WIDTH, LABEL_HEIGHT
from casefile.ui.chart_scene import ChartScene
from casefile.ui.chart_view import ChartView


def _view(qtbot, pos, links=(), size=(900, 150)):
    b = ChartBuilder()
    for i in range(len(pos)):
        b.party(i, f"Northern Aerospace Holdings number {i}")
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
        b.party(i, f"Northern Aerospace Holdings number {i}")
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


def _ring(qtbot, n, size=(1492, 203)):
    """``n`` parties laid out by the circular layout in a view of ``size`` (the default
    dock's chart at 1500 × 950), fitted, as the dock draws it."""
    from casefile.core.chart.state import ChartState, arrange

    names = ["Shenzhen DJI Technology", "OOO Aeroscan", "Autel Robotics", "Global Trade FZE",
             "China North Industries", "Tekhkrim", "Rosoboronexport", "Poly Technologies"]
    b = ChartBuilder()
    for i in range(n):
        b.party(i, f"{names[i % len(names)]} {i}", kind=("company", "person")[i % 2])
    scene = ChartScene()
    view = ChartView(scene)
    qtbot.addWidget(view)
    view.resize(*size)
    view.show()
    qtbot.waitExposed(view)
    graph = b.graph()
    scene.set_graph(graph, arrange(graph, ChartState(layout="circular"),
                                   aspect=view.width() / view.height()))
    scene.set_ring(True)
    view.fit()
    view.viewport().repaint()
    return scene, view


def _icon_rect(scene, view, i):
    return view.mapFromScene(scene.nodes[i].sceneBoundingRect()).boundingRect()


def test_a_ring_in_the_short_dock_keeps_its_names_outside_it(qtbot):
    """30 names on a flat ring 200 px high: labelled under or over only, 22 were drawn."""
    scene, view = _ring(qtbot, 30)
    qtbot.waitUntil(lambda: len(scene.labels.drawn) > 0, timeout=3000)
    drawn = scene.labels.drawn
    # all but two, whose only room is past another name: a line to them would cross it
    # (they are drawn zoomed in)
    assert len(drawn) >= 28
    assert not _crossings(scene)
    w, h = view.viewport().width(), view.viewport().height()
    for i, a in enumerate(drawn):
        assert 0 <= a.left() and a.right() <= w and 0 <= a.top() and a.bottom() <= h + 1
        for b in drawn[i + 1:]:
            assert not a.intersects(b), (a, b)
    middle = view.mapFromScene(QPointF(0, 0)).y()  # the ring's centre
    outside = 0
    for rect, node in zip(drawn, scene.labels.drawn_nodes, strict=True):
        icon = _icon_rect(scene, view, node).adjusted(1, 1, -1, -1)
        assert not rect.intersects(icon)  # a label never covers its own icon
        y = view.mapFromScene(scene.nodes[node].pos()).y()
        # outside the ring: over a node on its top half, under one on its bottom half
        if (y < middle - 20 and rect.bottom() <= icon.top() + 1) or \
                (y > middle + 20 and rect.top() >= icon.bottom() - 1):
            outside += 1
    assert outside >= 10  # (neighbours along the flat top and bottom take turns)


def _crosses(line, rect):
    """Whether ``line`` passes through ``rect`` (a pixel in from its edges)."""
    from PySide6.QtCore import QLineF

    r = rect.adjusted(1, 1, -1, -1)
    if r.contains(line.p1()) or r.contains(line.p2()):
        return True
    corners = [r.topLeft(), r.topRight(), r.bottomRight(), r.bottomLeft()]
    return any(line.intersects(QLineF(a, b))[0] == QLineF.IntersectionType.BoundedIntersection
               for a, b in zip(corners, corners[1:] + corners[:1], strict=True))


def _crossings(scene):
    """The leader lines that pass behind another node's label, as (node, its label's)."""
    labels = scene.labels
    boxes = dict(zip(labels.drawn_nodes, labels.drawn, strict=True))
    return [(label.node, other) for label in labels._placed_cache if label.leader is not None
            for other, box in boxes.items()
            if other != label.node and _crosses(label.leader, box)]


@pytest.mark.parametrize("size", [(1492, 203), (1092, 300), (900, 600)])
def test_a_line_to_a_label_never_passes_behind_another_name(qtbot, tmp_path, size):
    """Crowded rings (40-60 names): 5-9 lines of each crossed a name ("Shenzhen DJI
    Technology 24" was led to through "…16")."""
    for n in (40, 50, 60):
        scene, view = _ring(qtbot, n, size)
        qtbot.waitUntil(lambda s=scene: len(s.labels.drawn) > 0, timeout=3000)
        view.grab().save(str(tmp_path / f"ring_{n}.png"))
        assert not _crossings(scene), n
        assert any(label.leader is not None for label in scene.labels._placed_cache)
        assert len(scene.labels.drawn) >= 0.6 * n  # (most names still drawn)
        view.close()


def test_labels_further_off_their_node_have_a_line_to_it(qtbot):
    scene, view = _ring(qtbot, 40)
    qtbot.waitUntil(lambda: len(scene.labels.drawn) > 0, timeout=3000)
    placed = scene.labels._placed_cache
    led = [label for label in placed if label.leader is not None]
    assert led, "40 names on the ring: some stand a row further in"
    for label in led:
        at = view.mapFromScene(scene.nodes[label.node].pos())
        start, end = label.leader.p1(), label.leader.p2()
        assert abs(start.x() - at.x()) < 20 and abs(start.y() - at.y()) < 20  # at the icon
        # and it reaches the label's box
        box = scene.labels.drawn[scene.labels.drawn_nodes.index(label.node)]
        assert box.adjusted(-1, -1, 1, 1).contains(end)


def test_icons_stay_legible_in_the_short_dock(qtbot):
    """Fitted into a 200 px dock an icon came out 12 px across (its pictogram a smudge)."""
    from casefile.ui.chart_scene import MIN_ICON_PX, MOST_ICON_SCALE

    scene, view = _ring(qtbot, 12)
    assert view.lod() * ICON < MIN_ICON_PX  # to scale, the icons would be small here
    for i in range(12):
        assert _icon_rect(scene, view, i).width() >= MIN_ICON_PX - 1
        at = view.mapFromScene(scene.nodes[i].pos())
        assert at.y() - MIN_ICON_PX / 2 >= 0 and at.y() + MIN_ICON_PX / 2 <= view.height()
    # zoomed in, to scale again; far out, they shrink again (a big chart stays dots)
    view.zoom(4.0)
    assert scene.icon_scale == 1.0
    assert _icon_rect(scene, view, 0).width() == pytest.approx(view.lod() * ICON, abs=3)
    view.zoom(1 / 40)
    assert scene.icon_scale == MOST_ICON_SCALE
    assert _icon_rect(scene, view, 0).width() < MIN_ICON_PX


def _clips(x0, y0, x1, y1, left, top, size):
    """Whether the segment passes through the open square (Liang–Barsky)."""
    lo, hi = 0.0, 1.0
    for p, q in ((-(x1 - x0), x0 - left), (x1 - x0, left + size - x0),
                 (-(y1 - y0), y0 - top), (y1 - y0, top + size - y0)):
        if p == 0:
            if q <= 0:
                return False
            continue
        t = q / p
        if p < 0:
            lo = max(lo, t)
        else:
            hi = min(hi, t)
    return hi - lo > 1e-9


_COORD = st.floats(-20, 300, allow_nan=False)


@given(_COORD, _COORD, _COORD, _COORD)
def test_a_leader_line_finds_every_cell_it_enters_and_no_other(x0, y0, x1, y1):
    """The cells a line to a label crosses, walked cell by cell: a line that clips a
    label's corner finds it (sampling every half cell missed 0.6% of them)."""
    line, m, rows, cols = QLineF(x0, y0, x1, y1), 0, 40, 40
    found = {(r, c) for r, bits in _cells(line, m, rows, cols) for c in range(cols)
             if bits >> c & 1}
    length = line.length()
    if length <= 2:
        assert found == set()
        return
    a, b = 1 / length, 1 - 1 / length  # a pixel at each end is left out
    sx, sy = x0 + (x1 - x0) * a, y0 + (y1 - y0) * a
    ex, ey = x0 + (x1 - x0) * b, y0 + (y1 - y0) * b
    exact = {(r, c) for r in range(rows) for c in range(cols)
             if _clips(sx, sy, ex, ey, c * CELL, r * CELL, CELL)}
    assert exact <= found  # every cell the line enters
    near = {(r, c) for r in range(rows) for c in range(cols)  # and none it does not touch
            if _clips(sx, sy, ex, ey, c * CELL - 1e-6, r * CELL - 1e-6, CELL + 2e-6)}
    assert found <= near


def test_a_long_name_shows_its_legal_form_abbreviated_then_is_cut(qtbot):
    """look22: 'ОБЩЕСТВО С ОГРАНИЧЕННОЙ …' was the label of every Russian company."""
    b = ChartBuilder()
    b.party(1, 'ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ "ТЕХНОПРОМСНАБ"')
    b.party(2, "Public Joint Stock Company Aeroflot Russian Airlines")
    b.party(3, "Kim Se Jin")
    scene = ChartScene()
    scene.set_graph(b.graph(), np.asarray([(0, 0), (1, 0), (2, 0)], float))
    assert scene.labels.texts == ['ООО "ТЕХНОПРОМСНАБ"', "PJSC Aeroflot Russian Air…",
                                  "Kim Se Jin"]
    assert [n.label for n in scene.graph.nodes][0].startswith("ОБЩЕСТВО")  # the node's name


@pytest.mark.parametrize("seed", range(6))
def test_labels_side_by_side_keep_a_gap_between_them(qtbot, seed):
    """(look27) After a star of 60 parties was expanded in the flat dock, names stood
    touching ('ZALA AERO GROUP 6AEROSCAN 45' read as one): labels were kept apart to the
    cell of 8 pixels, so two could meet. A label now keeps LABEL_GAP pixels from the next."""
    from casefile.ui.chart_cells import LABEL_GAP

    rnd = np.random.default_rng(seed)
    pos = list(zip(rnd.uniform(0, 12, 200).tolist(), rnd.uniform(0, 1.5, 200).tolist(),
                   strict=True))
    scene, view = _view(qtbot, pos, size=(1400, 220))
    view.fit()
    qtbot.waitUntil(lambda: len(scene.labels.drawn) > 5, timeout=3000)
    drawn = scene.labels.drawn
    gaps = [max(b.left() - a.right(), a.left() - b.right())
            for i, a in enumerate(drawn) for b in drawn[i + 1:]
            if a.top() < b.bottom() and b.top() < a.bottom()]  # on the same line
    assert min(gaps, default=LABEL_GAP) >= LABEL_GAP
