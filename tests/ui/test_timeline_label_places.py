"""Where the timeline's labels go, as a property over rows laid out as the lanes make them
(items of a row never share time, but a day point's symbol may reach over its neighbour on
screen): a label never covers another item of its row or another label, and never leaves the
view, whether it goes inside its bar, after its item or before it."""

import numpy as np
from hypothesis import example, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QFont, QFontMetricsF

from casefile.ui.timeline_labels import View, item_edges, label_places


def _check(x0, x1, y, points, texts, view):
    metrics = QFontMetricsF(QFont())
    places = label_places(x0, x1, y, points, lambda i: texts[i], view, metrics, 1000)
    left, right = item_edges(x0, x1, points, view.px_x)
    spans = []
    for p in places:
        a, b = p.x, p.x + metrics.horizontalAdvance(p.text) * view.px_x
        assert a >= view.xa - 1e-9 and b <= view.xb + 1e-9, ("leaves the view", p)
        for k in np.nonzero(y == p.y)[0]:
            if p.inside and k == p.index:  # over its own bar: within it
                assert left[k] - 1e-9 <= a and b <= right[k] + 1e-9, ("leaves its bar", p)
                continue
            assert b <= left[k] + 1e-9 or a >= right[k] - 1e-9, ("covers item", p, k)
        assert all(yy != p.y or b <= c + 1e-9 or a >= d - 1e-9 for c, d, yy in spans), p
        spans.append((a, b, p.y))
    return places


@st.composite
def _rows(draw):
    out = []
    for row in range(3):
        t = draw(st.integers(0, 5))
        for _ in range(draw(st.integers(0, 8))):
            point = draw(st.booleans())
            length = 1 if point else draw(st.integers(1, 15))
            if t + length > 100:
                break
            out.append((float(t), float(t + length), float(row), point,
                        draw(st.text("abcdefgh XYZ", min_size=1, max_size=40))))
            t += length + draw(st.integers(0, 12))
    return out


@settings(max_examples=300, deadline=None)
@given(_rows())
@example([(0.0, 5.0, 0.0, False, "a bar"), (5.0, 6.0, 0.0, True, "XXXX"),
          (6.0, 7.0, 0.0, True, "a point at the bar's end and one after")])
def test_labels_cover_no_item_no_label_and_stay_in_view(qapp, items):
    if not items:
        return
    x0 = np.array([a for a, *_ in items])
    x1 = np.array([b for _, b, *_ in items])
    y = np.array([r for _, _, r, _, _ in items])
    points = np.array([p for *_, p, _ in items])
    _check(x0, x1, y, points, [t for *_, t in items], View(0.0, 100.0, -1.0, 3.0, 0.1, 0.01))
