"""The dossier's saved-chart figure writes what each link is — 'owns', '12 shipments', a
sanction's programme — as the window does (helper-60: the printed chart had no link labels),
and places the node labels beside their nodes where they cover least; a label never covers
a node or another label, and the legend stays inside the figure whatever its rows."""

from __future__ import annotations

import re

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reportlab.graphics.shapes import Circle, Line, Rect, String

from casefile.core.chart.state import ChartState, arrange
from casefile.report.figure_chart import chart_figure
from casefile.report.figure_chart_links import PAD, SIZE
from casefile.report.figure_chart_names import GROUND, GROUND_FORCED
from casefile.report.fonts import register_fonts
from casefile.services.exchange.demo import write_demo
from casefile.services.queries.chart import read_graph


@pytest.fixture(scope="module")
def demo_graph(tmp_path_factory):
    register_fonts()
    case = write_demo(tmp_path_factory.mktemp("fig") / "demo.casefile")
    with case.read() as conn:
        g = read_graph(conn, False)
    case.close()
    return g


def _parts(fig):
    items = fig.drawing.contents
    rects = [r for r in items if isinstance(r, Rect) and r.width > 0]
    box = lambda r: (r.x, r.y, r.x + r.width, r.y + r.height)  # noqa: E731
    # a link label's ground is one line of SIZE high; a node label's, one or two of 7.5 —
    # written clear, or (a best-connected node without a free spot) on a denser ground
    grounds = [box(r) for r in rects if abs(r.height - (SIZE + 2 * PAD)) < 1e-6]
    names = [box(r) for r in rects if r.fillColor.alpha == GROUND.alpha and box(r) not in grounds]
    circles = [(c.cx - c.r, c.cy - c.r, c.cx + c.r, c.cy + c.r) for c in items
               if isinstance(c, Circle)]
    lines = [(ln.x1, ln.y1, ln.x2, ln.y2) for ln in items if isinstance(ln, Line)]
    strings = [s for s in items if isinstance(s, String)]
    return grounds, circles, lines, strings, names


def _overlap(a, b, by=0.3):
    return min(a[2], b[2]) - max(a[0], b[0]) > by and min(a[3], b[3]) - max(a[1], b[1]) > by


def _off_line(x, y, seg):
    x1, y1, x2, y2 = seg
    dx, dy = x2 - x1, y2 - y1
    t = max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy or 1)))
    return float(np.hypot(x - (x1 + t * dx), y - (y1 + t * dy)))


def test_the_demo_chart_prints_its_link_labels(demo_graph):
    state = ChartState(layout="force")
    fig = chart_figure("Who ships", demo_graph, arrange(demo_graph, state), state, 480)
    grounds, _circles, _lines, strings, names = _parts(fig)
    text = " ".join(s.text for s in strings)
    assert "12 shipments" in text and "spokesperson for" in text and "supplies" in text
    said = re.search(r"(\d+) of 7 links labelled", fig.caption)  # the caption says them
    assert len(grounds) == (int(said.group(1)) if said else 7)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.floats(0, 6), st.floats(0, 4)), min_size=12, max_size=12),
       st.integers(200, 520))
def test_labels_cover_no_node_no_label_and_sit_on_their_links(demo_graph, xy, width):
    state = ChartState(layout="force")
    positions = np.array(xy, float)
    fig = chart_figure("Any", demo_graph, positions, state, float(width))
    grounds, circles, lines, strings, names = _parts(fig)
    for n in names:  # a node's label hides no node and covers no other label
        assert not any(_overlap(n, c, 0.8) for c in circles)
        assert sum(_overlap(n, m) for m in names) == 1
    for g in grounds:
        assert not any(_overlap(g, c) for c in circles + names)  # no node, no name under it
        assert sum(_overlap(g, h) for h in grounds) == 1  # (itself)
        cx, cy = (g[0] + g[2]) / 2, (g[1] + g[3]) / 2
        assert min(_off_line(cx, cy, seg) for seg in lines) < 0.5  # on its link
        inner = (g[0] + PAD, g[1] + PAD, g[2] - PAD, g[3] - PAD)
        # no other link's line through its words but its own pair's
        through = [seg for seg in lines if _off_line(cx, cy, seg) >= 0.5
                   and _cuts(inner, seg)]
        assert not through or all(_same_pair(seg, lines, cx, cy) for seg in through)
    assert all(0 <= s.y <= fig.drawing.height for s in strings)  # legend rows too


def _cuts(box, seg):
    """Whether the segment passes through the box (its corners on both sides of it)."""
    x1, y1, x2, y2 = seg
    if max(x1, x2) < box[0] or min(x1, x2) > box[2] or max(y1, y2) < box[1] \
            or min(y1, y2) > box[3]:
        return False
    sides = [(x2 - x1) * (cy - y1) - (y2 - y1) * (cx - x1)
             for cx, cy in ((box[0], box[1]), (box[2], box[1]), (box[0], box[3]),
                            (box[2], box[3]))]
    return min(sides) <= 0 <= max(sides)


def _same_pair(seg, lines, cx, cy):
    """A line of the same pair of nodes as the label's own (drawn side by side)."""
    own = min(lines, key=lambda s: _off_line(cx, cy, s))
    ends = {(round(seg[0]), round(seg[1])), (round(seg[2]), round(seg[3]))}
    return ends & {(round(own[0]), round(own[1])), (round(own[2]), round(own[3]))} != set()


def test_a_legend_of_several_rows_stays_inside_the_figure(demo_graph):
    """A narrow figure wraps its legend onto more rows: above the figure's foot, not over
    the caption below it (the second row was drawn at y = -5)."""
    state = ChartState(layout="force")
    fig = chart_figure("Narrow", demo_graph, arrange(demo_graph, state), state, 220)
    _g, circles, _l, strings, _n = _parts(fig)
    assert min(s.y for s in strings) >= 0
    assert min(c[1] for c in circles) >= 0


def test_nodes_with_room_beside_them_are_all_labelled(demo_graph):
    """(review21) A label beside its node was thrown away for touching its own node, so a
    two-column chart with room to spare labelled 2 of its 12 nodes and no link."""
    state = ChartState(layout="force")
    positions = np.array([(3.0 * (k % 2), 1.0 * (k // 2)) for k in range(12)], float)
    fig = chart_figure("Columns", demo_graph, positions, state, 480)
    _g, _c, _l, _s, names = _parts(fig)
    assert len(names) == 12 and "labels on" not in fig.caption


def test_the_best_connected_nodes_are_named_even_without_a_free_spot(demo_graph):
    """(look15) The hub of a chart — its best-connected node — printed without its name when
    every spot beside it was taken. The few best-connected are named at the spot that covers
    least, under the names written clear."""
    state = ChartState(layout="force")
    positions = np.array([(0.02 * k, 0.0) for k in range(12)], float)  # all on top of each other
    fig = chart_figure("Crowded", demo_graph, positions, state, 480)
    rects = [r for r in fig.drawing.contents if isinstance(r, Rect) and r.width > 0]
    forced = [r for r in rects if r.fillColor.alpha == GROUND_FORCED.alpha]
    assert forced  # named though nothing was free
    text = " ".join(s.text for s in fig.drawing.contents if isinstance(s, String))
    degree = np.bincount(np.concatenate([demo_graph.src, demo_graph.dst]),
                         minlength=len(demo_graph.nodes))
    hub = demo_graph.nodes[int(np.argmax(degree))].label
    assert hub.split()[0] in text


def test_a_long_name_prints_its_legal_form_abbreviated_and_the_caption_says_so():
    """look22: 'ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ' took the two lines of a label."""
    from casefile.core.chart.build import ChartBuilder

    register_fonts()
    b = ChartBuilder()
    b.party(1, 'ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ "ТЕХНОПРОМСНАБ"')
    b.party(2, "Beta Trading")
    b.relationship(1, 0, 1, "owns")
    g = b.graph()
    state = ChartState(layout="force")
    fig = chart_figure("Short", g, np.array([(0.0, 0.0), (3.0, 0.0)]), state, 480)
    text = " ".join(s.text for s in fig.drawing.contents if isinstance(s, String))
    assert 'ООО "ТЕХНОПРОМСНАБ"' in text and "ОБЩЕСТВО" not in text
    assert "legal forms written out in words abbreviated in the labels" in fig.caption
    plain = ChartBuilder()
    plain.party(1, "Alpha")
    plain.party(2, "Beta")
    fig = chart_figure("Plain", plain.graph(), np.array([(0.0, 0.0), (3.0, 0.0)]), state, 480)
    assert "abbreviated" not in fig.caption
