"""Link labels on the dossier's saved-chart figure — 'owns', 'director of', '12 shipments', a
sanction's programme — written as the window writes them (casefile.ui.chart_link_labels), so
that a printed chart says what each line is: on its link, at the middle or a little towards
either end, on a pale ground; never over a node, a node's label, another link's label or
another pair's line. A link whose label finds no room goes without, the busiest links are
labelled first, and past :data:`AT_MOST` links drawn none is; the caption says how many
links carry their label."""

from __future__ import annotations

import math

import numpy as np
from reportlab.graphics.shapes import Drawing, Rect
from reportlab.lib import colors

from casefile.core.chart.colours import LINK_COLOURS
from casefile.core.chart.crossing import crossed
from casefile.core.chart.model import ChartGraph
from casefile.core.chart.parts import CAPTION_ALONG
from casefile.report.figure_layout import Box
from casefile.report.figure_text import label_strings, text_width

SIZE = 5.5  # points
PAD = 0.7  # of the pale ground round the words
ALONG = CAPTION_ALONG  # where on its link a label may sit, best first (as on screen)
CLEAR = 6.0  # points a label keeps from its link's ends (the nodes' rims)
AT_MOST = 400  # links drawn; with more, none is labelled
# one drawn link: its index in the graph and its ends in the drawing's points
Drawn = tuple[int, float, float, float, float]


def link_labels(d: Drawing, graph: ChartGraph, drawn: list[Drawn], taken: list[Box]) -> int:
    """Write the labels of the ``drawn`` links that find room clear of ``taken`` (the nodes'
    and their labels' boxes; the labels placed are added to it); how many were written."""
    if not drawn or len(drawn) > AT_MOST:
        return 0
    segs = np.array([seg for _i, *seg in drawn], float)
    ends = np.array([(graph.links[i].source, graph.links[i].target) for i, *_s in drawn])
    pair = ends.min(axis=1) * (len(graph.nodes) + 1) + ends.max(axis=1)
    boxes = [*taken]
    written = 0
    order = sorted(range(len(drawn)), key=lambda k: -graph.links[drawn[k][0]].count)
    for k in order:
        i, x1, y1, x2, y2 = drawn[k]
        link = graph.links[i]
        text = link.short_caption()
        w, h = text_width(text, SIZE) + 2 * PAD, SIZE + 2 * PAD
        dx, dy = x2 - x1, y2 - y1
        length = math.hypot(dx, dy)
        if length <= 0:
            continue
        reach = (abs(dx) * w + abs(dy) * h) / (2 * length)  # along the link, from its centre
        for t in ALONG:
            if min(t, 1 - t) * length < reach + CLEAR:
                continue
            cx, cy = x1 + dx * t, y1 + dy * t
            box = (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)
            if _meets(box, boxes) or _crossed(box, segs[pair != pair[k]]):
                continue
            boxes.append(box)
            taken.append(box)
            _write(d, box, text, link.kind, link.ended)
            written += 1
            break
    return written


def _write(d: Drawing, box: Box, text: str, kind: str, ended: bool) -> None:
    d.add(Rect(box[0], box[1], box[2] - box[0], box[3] - box[1], strokeColor=None,
               fillColor=colors.Color(1, 1, 1, alpha=0.93)))
    ink = colors.HexColor(LINK_COLOURS.get(kind, "#444444"))
    ink = colors.Color(ink.red * 0.7, ink.green * 0.7, ink.blue * 0.7,
                       alpha=0.75 if ended else 1)  # darker, as on screen; ended: lighter
    for s in label_strings((box[0] + box[2]) / 2, box[1] + PAD + SIZE * 0.22, text, SIZE,
                           "middle", fill=ink):
        d.add(s)


def _meets(box: Box, boxes: list[Box]) -> bool:
    """Whether ``box`` overlaps any of ``boxes`` (by more than a hair)."""
    if not boxes:
        return False
    b = np.asarray(boxes, float)
    w = np.minimum(box[2], b[:, 2]) - np.maximum(box[0], b[:, 0])
    h = np.minimum(box[3], b[:, 3]) - np.maximum(box[1], b[:, 1])
    return bool(((w > 0.2) & (h > 0.2)).any())


def _crossed(box: Box, segs: np.ndarray) -> bool:
    """Whether one of ``segs`` (x1, y1, x2, y2 rows) passes through ``box``."""
    if not len(segs):
        return False
    x1, y1, x2, y2 = segs.T
    return crossed(box[0], box[1], box[2], box[3], x1, y1, x2, y2)


__all__ = ["AT_MOST", "link_labels"]
