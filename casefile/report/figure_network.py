"""The dossier's network figure: who shipped to whom (and how often), through which
countries, and how the parties are related.

One node per party (a company that both ships and receives is one node), placed by a
deterministic force layout; one arrow per shipper → consignee pair, its width by the number
of shipments and that number printed on it; transit countries as small markers along the
arrow with their codes; relationships as dashed, labelled links; sanctioned parties ringed
in red. Which parties and links fit is decided in :mod:`casefile.report.figure_network_data`;
the caption says exactly how many parties, shipments and relationships are left out."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

import numpy as np
from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Polygon, Rect
from reportlab.lib import colors

from casefile.core.names import short_legal_form
from casefile.report.figure_layout import Box, fit_to_box, force_layout, overlap, place_label
from casefile.report.figure_network_data import (
    Key,
    Pair,
    network_caption,
    select_network,
)
from casefile.report.figure_network_legend import (
    CAPTION_SIZE,
    NODE,
    REL,
    RING,
    SHIP,
    VIA,
    legend,
    legend_entries,
    legend_rows,
)
from casefile.report.figure_text import label_strings, text_width, wrap_text
from casefile.report.styles import MUTED

SIZE = 6.5  # party labels
LEAD = 7.8
LABEL_W = 130.0  # widest label: two lines of it hold 60 characters
SMALL = 5.5
GROUND = colors.Color(1, 1, 1, alpha=0.82)  # under a label: the lines it lies on show through
SHORTENED = " Legal forms written out in words are abbreviated in the labels (ООО, PJSC, GmbH …)."
DETAIL_LINKS = 24  # up to this many links, each names its transit countries


@dataclass
class NetworkFigure:
    drawing: Drawing
    caption: str
    parties: tuple[int, int]  # drawn, in all
    shipments: tuple[int, int]  # drawn, in all (shipment counts summed)
    records: tuple[int, int]  # shipment records drawn, in all
    relationships: tuple[int, int]
    links: tuple[int, int]  # shipper → consignee pairs drawn, in all
    nodes: list[tuple[str, float, float, float]] = field(default_factory=list)  # name, x, y, r
    legend: tuple[str, ...] = ()  # the legend's entries: only what the figure draws


def network_figure(shipments: list[dict], width: float, limit: int = 40,
                   max_height: float = 600.0, relationships: list[dict] | None = None,
                   sanctioned: set | frozenset | None = None, max_links: int = 60,
                   caption_in_drawing: bool = False) -> NetworkFigure | None:
    """The figure within ``width`` × ``max_height`` points, or None with nothing to draw:
    at most ``limit`` parties and ``max_links`` shipper → consignee links.
    ``relationships`` are dicts with subject, object, kind (and subject_id, object_id when
    known); ``sanctioned`` holds names or entity ids."""
    sel = select_network(shipments, relationships or [], set(sanctioned or ()), limit,
                         max_links)
    if sel is None:
        return None
    chosen, names, volume = sel.chosen, sel.names, sel.volume
    labels = {k: _label_lines(names[k]) for k in chosen}
    caption = network_caption(sel, DETAIL_LINKS)
    if any(_label_lines(names[k], short=False) != labels[k] for k in chosen):
        caption += SHORTENED
    fig = NetworkFigure(Drawing(width, 10), caption, sel.parties, sel.shipments, sel.records,
                        sel.relationships, sel.links)
    fig.legend = legend_entries(sel)
    cap_lines = wrap_text(fig.caption, CAPTION_SIZE, width, 12, 4000) if caption_in_drawing \
        else []
    foot = 12 * len(legend_rows(width, fig.legend)) + 2 + len(cap_lines) * (CAPTION_SIZE + 2)
    chart_h = min(max_height - foot, max(200.0, 130 + 18 * len(chosen)))
    d = fig.drawing = Drawing(width, chart_h + foot)
    most = max([volume[k] for k in chosen] + [1])
    radius = [3 + 4 * math.sqrt(volume[k] / most) for k in chosen]
    index = {k: i for i, k in enumerate(chosen)}
    drawn_pairs, drawn_rels = sel.pairs, sel.rels

    def is_marked(k: Key) -> bool:
        return k in sel.marked
    lh = 2 * LEAD + 1
    margin_y = lh + 9 + 4
    box: Box = (LABEL_W / 2 + 2, foot + margin_y, width - LABEL_W / 2 - 2,
                chart_h + foot - margin_y)
    weights: Counter = Counter()
    for (a, b), p in drawn_pairs.items():
        if a != b:
            weights[tuple(sorted((index[a], index[b])))] += p.shipments
    for sk, ok, _kind in drawn_rels:
        if sk != ok:
            weights[tuple(sorted((index[sk], index[ok])))] += 1
    unit = force_layout(len(chosen), [(i, j, w) for (i, j), w in sorted(weights.items())])
    pts = fit_to_box(unit, box, 40.0)
    bounds: Box = (0.0, foot, width, chart_h + foot)
    taken: list[Box] = [(x - r, y - r, x + r, y + r) for (x, y), r in zip(pts, radius,
                                                                         strict=True)]
    segments: list[tuple[float, float, float, float]] = []
    # the lines' labels: placed after the names, clear of them where there is room, and
    # drawn over every line (look22: names and numbers were struck through by lines)
    later: list[Callable[[Group], None]] = []
    _relationships(d, later, drawn_rels, index, pts, radius, drawn_pairs, segments, taken)
    _edges(d, later, drawn_pairs, index, pts, radius, segments, taken)
    for i, k in enumerate(chosen):
        x, y = float(pts[i][0]), float(pts[i][1])
        fig.nodes.append((names[k], x, y, radius[i]))
        if is_marked(k):
            d.add(Circle(x, y, radius[i] + 2.2, fillColor=None, strokeColor=RING,
                         strokeWidth=1.6))
        d.add(Circle(x, y, radius[i], fillColor=NODE, strokeColor=colors.white,
                     strokeWidth=0.5))
    for i, k in enumerate(chosen):
        x, y = float(pts[i][0]), float(pts[i][1])
        lines = labels[k]
        w = max(text_width(ln, SIZE) for ln in lines)
        r = radius[i] + (2.2 if is_marked(k) else 0)
        spot = place_label(x, y, r, w, len(lines) * LEAD + 1, bounds, taken, segments)
        taken.append(spot.box)
        _ground(d, spot.box)  # a name stays readable where lines pass under it (look22)
        for n, line in enumerate(lines):
            for s in label_strings(spot.x, spot.top - SIZE - n * LEAD, line, SIZE,
                                   spot.anchor):
                d.add(s)
    over = Group()
    for place in later:
        place(over)
    d.add(over)
    legend(d, foot, cap_lines, fig.legend)
    return fig


def network_drawing(shipments: list[dict], width: float, limit: int = 40,
                    max_height: float = 600.0, relationships: list[dict] | None = None,
                    sanctioned: set | frozenset | None = None) -> Drawing | None:
    """The figure as one drawing, its caption printed beneath it."""
    fig = network_figure(shipments, width, limit, max_height, relationships, sanctioned,
                         caption_in_drawing=True)
    return fig.drawing if fig else None


def _relationships(d: Drawing, later: list, rels: list, index: dict, pts: np.ndarray,
                   radius: list[float], pairs: dict, segments: list, taken: list) -> None:
    for a, b, kind in rels:
        i, j = index[a], index[b]
        if i == j:
            continue
        shift = 4.0 if (a, b) in pairs or (b, a) in pairs else 0.0
        (x1, y1), (x2, y2), (ux, uy) = _rim(pts, radius, i, j, -shift)
        d.add(Line(x1, y1, x2, y2, strokeColor=REL, strokeWidth=0.7,
                   strokeDashArray=[3, 2]))
        for side in (1, -1):  # an open chevron at the object: "subject kind object"
            d.add(Line(x2, y2, x2 - ux * 4.5 - uy * 2.5 * side, y2 - uy * 4.5 + ux * 2.5 * side,
                       strokeColor=REL, strokeWidth=0.7))
        segments.append((x1, y1, x2, y2))
        taken.append(_tip(x2, y2, ux, uy, 4.5))  # no name over the chevron
        later.append(partial(_beside, seg=(x1, y1, x2, y2), along=MIDDLES, side=1, gap=1.5,
                             text=kind, fill=MUTED, taken=taken))


def _edges(d: Drawing, later: list, pairs: dict[tuple[Key, Key], Pair], index: dict,
           pts: np.ndarray, radius: list[float], segments: list, taken: list) -> None:
    most = max([p.shipments for p in pairs.values()] + [12])  # below 12, thin lines
    detail = len(pairs) <= DETAIL_LINKS
    for (a, b), p in sorted(pairs.items(), key=lambda kv: (-kv[1].shipments, str(kv[0]))):
        i, j = index[a], index[b]
        w = 0.6 + 3.4 * math.sqrt(p.shipments / most)
        via = [c for c, _n in sorted(p.via.items(), key=lambda t: (-t[1], t[0]))]
        if i == j:  # a party shipping to itself: a loop above the node
            x, y = float(pts[i][0]), float(pts[i][1])
            d.add(Circle(x, y + radius[i] + 4, 4, fillColor=None, strokeColor=SHIP,
                         strokeWidth=min(w, 2)))
            later.append(partial(_small, x=x + 6, y=y + radius[i] + 6, text=_edge_text(
                p.shipments, via if detail else []), fill=SHIP, taken=taken, anchor="start"))
            continue
        shift = 2.5 if (b, a) in pairs else 0.0
        (x1, y1), (x2, y2), (ux, uy) = _rim(pts, radius, i, j, shift)
        head = 4 + 1.2 * w
        bx, by = x2 - ux * head, y2 - uy * head
        d.add(Line(x1, y1, bx, by, strokeColor=SHIP, strokeWidth=w, strokeOpacity=0.75))
        half = 2 + 0.6 * w
        d.add(Polygon([x2, y2, bx - uy * half, by + ux * half, bx + uy * half, by - ux * half],
                      fillColor=SHIP, strokeColor=None))
        segments.append((x1, y1, x2, y2))
        taken.append(_tip(x2, y2, ux, uy, head))  # no name over the arrowhead
        for n in range(min(len(via), 3)):  # transit countries as waypoints on the line
            t = 0.25 + 0.5 * (n + 1) / (min(len(via), 3) + 1)
            px, py = x1 + (bx - x1) * t, y1 + (by - y1) * t
            d.add(Polygon([px, py + 2.6, px + 2.6, py, px, py - 2.6, px - 2.6, py],
                          fillColor=VIA, strokeColor=colors.white, strokeWidth=0.4))
        later.append(partial(_beside, seg=(x1, y1, bx, by), along=MIDDLES, side=-1,
                             gap=w / 2 + 2, text=_edge_text(p.shipments, via if detail else []),
                             fill=SHIP, taken=taken))


def _tip(x: float, y: float, ux: float, uy: float, length: float) -> Box:
    """The box around an arrowhead whose tip is at (x, y), pointing along (ux, uy)."""
    bx, by = x - ux * length, y - uy * length
    return (min(x, bx) - 2.5, min(y, by) - 2.5, max(x, bx) + 2.5, max(y, by) + 2.5)


def _label_lines(name: str, short: bool = True) -> list[str]:
    """Short names on one line; longer ones on two lines, as narrow as lets them fit (up to
    LABEL_W points), past 60 characters ending in "…". A name too long for one line gives
    a legal form written out in words as its abbreviation (``short``; look22: "ОБЩЕСТВО С
    ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ" took the label, and the name was cut)."""
    full = text_width(name, SIZE)
    if full <= 80:
        return [name]
    if short and (name := short_legal_form(name)) and (full := text_width(name, SIZE)) <= 80:
        return [name]
    flat = " ".join(name.split())
    whole = "".join((flat if len(flat) <= 60 else flat[:59].rstrip() + "…").split())
    w = full / 2 + 4
    while True:
        lines = wrap_text(name, SIZE, min(w, LABEL_W), 2, 60)
        if w >= LABEL_W or "".join("".join(lines).split()) == whole:
            return lines
        w += 8


def _edge_text(n: int, via: list[str]) -> str:
    """The number of shipments, then the transit countries by code (the busiest first)."""
    if not via:
        return f"{n:,}"
    more = f" +{len(via) - 3}" if len(via) > 3 else ""
    return f"{n:,} via {', '.join(via[:3])}{more}"


def _rim(pts: np.ndarray, radius: list[float], i: int, j: int,
         shift: float) -> tuple[tuple[float, float], tuple[float, float], tuple[float, float]]:
    """Ends of a line from node i to node j at their rims (plus a gap), moved ``shift``
    points sideways (so that the two directions of a pair both show), and its direction."""
    x1, y1 = float(pts[i][0]), float(pts[i][1])
    x2, y2 = float(pts[j][0]), float(pts[j][1])
    length = math.hypot(x2 - x1, y2 - y1) or 1.0
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    nx, ny = -uy * shift, ux * shift
    ga, gb = radius[i] + 1.5, radius[j] + 1.5
    if ga + gb >= length:  # pushed together: draw between the centres
        ga = gb = length / 4
    return ((x1 + ux * ga + nx, y1 + uy * ga + ny), (x2 - ux * gb + nx, y2 - uy * gb + ny),
            (ux, uy))


MIDDLES = (0.5, 0.4, 0.6, 0.3, 0.7)  # where along a line its label may go, best first


def _beside(d: Group, seg: tuple[float, float, float, float], along: tuple[float, ...],
            side: int, gap: float, text: str, fill: colors.Color, taken: list) -> None:
    """``text`` beside a line, its box clear of the line by ``gap`` points whatever the
    slope: at the first place ``along`` it (either side, ``side`` first: +1 left of the
    direction of travel) where it overlaps no other label; else where it overlaps least
    (look22: a number forced onto the first place covered a name)."""
    x1, y1, x2, y2 = seg
    length = math.hypot(x2 - x1, y2 - y1) or 1.0
    ux, uy = (x2 - x1) / length, (y2 - y1) / length
    w, h = text_width(text, SMALL), SMALL
    spots = []
    for t in along:
        for sign in (side, -side):
            nx, ny = -uy * sign, ux * sign
            reach = gap + w / 2 * abs(nx) + h / 2 * abs(ny)
            spots.append((x1 + (x2 - x1) * t + nx * reach, y1 + (y2 - y1) * t + ny * reach))
    cx, cy = min(spots, key=lambda p: sum(
        overlap((p[0] - w / 2, p[1] - h / 2, p[0] + w / 2, p[1] + h / 2), b) for b in taken))
    _small(d, cx, cy - h / 2 + 2, text, fill, taken)


def _small(d: Group, x: float, y: float, text: str, fill: colors.Color, taken: list,
           anchor: str = "middle") -> None:
    w = text_width(text, SMALL)
    left = x - {"start": 0.0, "middle": w / 2, "end": w}[anchor]
    taken.append((left, y - 2, left + w, y + SMALL))
    _ground(d, (left, y - 3.2, left + w, y + SMALL - 1))
    for s in label_strings(x, y - 2, text, SMALL, anchor, fill=fill):
        d.add(s)


def _ground(d: Drawing | Group, box: Box, pad: float = 0.8) -> None:
    """A pale ground under a label's ``box``."""
    d.add(Rect(box[0] - pad, box[1] - pad / 2, box[2] - box[0] + 2 * pad,
               box[3] - box[1] + pad, strokeColor=None, fillColor=GROUND))
