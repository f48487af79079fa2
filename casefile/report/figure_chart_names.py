"""The node labels of the dossier's saved-chart figure: two short lines beside each node
where they cover no other node or label, the best-connected first — and the few
best-connected nodes named even where no spot is free (look15: the hub of a chart printed
without its name), at the spot that covers least, drawn under the others so that no name
written clear is covered by one that is not."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from reportlab.graphics.shapes import Drawing, Rect
from reportlab.lib import colors

from casefile.core.chart.model import ChartGraph
from casefile.core.names import short_legal_form
from casefile.report.figure_layout import Box, LabelSpot, clear_spot, place_label
from casefile.report.figure_text import label_strings, text_width, wrap_text

LABELS = 120  # the most node labels printed (the busiest nodes first)
NAMED_ALWAYS = 8  # the best-connected nodes named even without a free spot
GROUND = colors.Color(1, 1, 1, alpha=0.8)  # under a label written clear
GROUND_FORCED = colors.Color(1, 1, 1, alpha=0.85)  # under one that had no free spot
Segment = tuple[float, float, float, float]


def node_labels(d: Drawing, graph: ChartGraph, shown: np.ndarray, degree: np.ndarray,
                xy: Callable[[int], tuple[float, float]], radius: Sequence[float],
                boxes: dict[int, Box], taken: list[Box], segments: list[Segment],
                bounds: Box) -> tuple[int, int]:
    """Write the labels; how many nodes are named, and how many of the names tried gave a
    legal form written out in words as its abbreviation. ``taken`` holds the nodes' boxes
    and gets the labels' (the link labels keep off them)."""
    clear: list[tuple[LabelSpot, list[str]]] = []
    forced: list[tuple[LabelSpot, list[str]]] = []
    names: list[Box] = []
    shortened = 0
    tried = 0  # (the best-connected LABELS × 4 are tried: a big chart stays quick)
    for rank, i in enumerate(k for k in np.argsort(-degree, kind="stable").tolist()
                             if shown[k]):
        if len(names) == LABELS or tried == LABELS * 4:
            break
        tried += 1
        x, y = xy(i)
        label = full = graph.nodes[i].label
        if text_width(label, 6) > 84:  # (look22: "ОБЩЕСТВО С …" took the label)
            label = short_legal_form(label)
        lines = wrap_text(label, 6, 84, max_lines=2)
        w, h = max(text_width(line, 6) for line in lines), len(lines) * 7.5 + 1
        own = boxes[i]  # (a label beside its node sits within a point or two of it)
        near = [b for b in _near(taken, x, y) if b is not own]
        spot = clear_spot(x, y, radius[i] + 1, w, h, bounds, near, _near(segments, x, y))
        if spot is not None:
            clear.append((spot, lines))
        elif rank < NAMED_ALWAYS and degree[i] > 0:
            spot = place_label(x, y, radius[i] + 1, w, h, bounds, near, _near(segments, x, y))
            forced.append((spot, lines))
        else:
            continue
        taken.append(spot.box)
        names.append(spot.box)
        shortened += label != full
    for group, ground in ((forced, GROUND_FORCED), (clear, GROUND)):  # clear ones on top
        for spot, lines in group:
            b = spot.box
            d.add(Rect(b[0], b[1], b[2] - b[0], b[3] - b[1], strokeColor=None,
                       fillColor=ground))
            for k, line in enumerate(lines):
                for s in label_strings(spot.x, spot.top - 6 - 7.5 * k, line, 6, spot.anchor):
                    d.add(s)
    return len(names), shortened


def _near(boxes: list[Box], x: float, y: float) -> list[Box]:
    """The boxes (or segments) that come within reach of a label at (x, y)."""
    return [b for b in boxes if min(b[0], b[2]) < x + 110 and max(b[0], b[2]) > x - 110
            and min(b[1], b[3]) < y + 40 and max(b[1], b[3]) > y - 40]


__all__ = ["GROUND", "GROUND_FORCED", "LABELS", "node_labels"]
