"""A saved link chart in the dossier: the same graph (casefile.core.chart) and the same node
positions as the window shows, drawn as vector graphics — nodes coloured by kind with
sanctioned parties ringed, links styled by their best citation (solid A–B/1–2, dashed lower,
dotted uncited), labels per font run — with a legend and a caption that says what the
chart's date window and hidden parties leave out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, Rect
from reportlab.lib import colors

from casefile.core.chart.colours import KIND_COLOURS, LINK_COLOURS, SANCTION_RED
from casefile.core.chart.fan import FAN, fan_offsets, fanned
from casefile.core.chart.model import LINK_KINDS, ChartGraph
from casefile.core.chart.rules import Rule, formatting
from casefile.core.chart.state import ChartState
from casefile.report.figure_chart_links import AT_MOST, Drawn, link_labels
from casefile.report.figure_chart_names import node_labels
from casefile.report.figure_layout import Box
from casefile.report.figure_text import label_strings, text_width

DASH = {"solid": None, "dashed": [4, 2.5], "dotted": [0.8, 1.8]}
LINK_WORDS = {"shipment": "shipments", "relationship": "relationships",
              "sanction": "sanctions", "participation": "took part in an event",
              "shared_event": "shared an event"}
FAN_PT = 2.2  # points between links of one pair


@dataclass
class SavedChartFigure:
    drawing: Drawing
    caption: str


def _c(hexcode: str) -> colors.Color:
    return colors.HexColor(hexcode)


def chart_figure(name: str, graph: ChartGraph, positions: np.ndarray, state: ChartState,
                 width: float, max_height: float = 600.0) -> SavedChartFigure | None:
    """The chart ``name`` as the window lays it out (``positions`` in layout units, y
    down), within ``width`` × ``max_height`` points."""
    if not graph.nodes:
        return None
    hidden = np.array([n.key in state.hidden for n in graph.nodes], bool)
    active = graph.active(state.first, state.last) if graph.links else np.zeros(0, bool)
    links = [i for i, ok in enumerate(active) if ok and not hidden[graph.links[i].source]
             and not hidden[graph.links[i].target]]
    shown = ~hidden
    pts = positions[shown] if shown.any() else positions
    lo, hi = pts.min(axis=0), pts.max(axis=0)
    span = np.maximum(hi - lo, 1e-9)
    items = _legend_items(graph)
    places, rows = _legend_places(items, width)
    margin_x, margin_y, legend_h = 70.0, 24.0, 30.0 + (rows - 1) * LEGEND_ROW
    scale = min((width - 2 * margin_x) / span[0], (max_height - legend_h - 2 * margin_y)
                / span[1])
    scale = scale if np.isfinite(scale) and scale > 0 else 1.0
    height = min(max_height, float(span[1] * scale + 2 * margin_y + legend_h))
    d = Drawing(width, height)

    def xy(i: int) -> tuple[float, float]:
        x = margin_x + (positions[i, 0] - lo[0]) * scale + (width - 2 * margin_x
                                                            - span[0] * scale) / 2
        y = height - margin_y - (positions[i, 1] - lo[1]) * scale
        return float(x), float(y)

    degree = np.zeros(len(graph.nodes), int)
    for i in links:
        degree[graph.links[i].source] += 1
        degree[graph.links[i].target] += 1
    at = np.array(links, np.int64)
    fan = fan_offsets(graph.src[at], graph.dst[at], len(graph.nodes)) * FAN_PT / FAN
    drawn: list[Drawn] = []
    for i, across in zip(links, fan.tolist(), strict=True):
        link = graph.links[i]
        (x1, y1), (x2, y2) = xy(link.source), xy(link.target)
        if across:  # links of one pair side by side, as in the window
            (x1, y1), (x2, y2) = (tuple(p[0]) for p in fanned(
                np.array([[x1, y1]]), np.array([[x2, y2]]), np.array([link.source]),
                np.array([link.target]), np.array([across])))
        drawn.append((i, x1, y1, x2, y2))
        colour = _c(LINK_COLOURS.get(link.kind, "#4D4D4D"))
        w = 0.6 + min(link.count, 50) ** 0.5 * 0.5 if link.kind == "shipment" else 0.7
        d.add(Line(x1, y1, x2, y2, strokeColor=colour, strokeWidth=w,  # ended: faint
                   strokeDashArray=DASH["dashed"] if link.ended else DASH.get(link.style),
                   strokeOpacity=0.35 if link.ended else 0.8))
        length = ((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5
        if link.directed and length > 12:
            ux, uy = (x2 - x1) / length, (y2 - y1) / length
            tx, ty = x2 - ux * 5.5, y2 - uy * 5.5  # the tip stops at the node's rim
            d.add(Polygon([tx, ty, tx - ux * 5 - uy * 2.4, ty - uy * 5 + ux * 2.4,
                           tx - ux * 5 + uy * 2.4, ty - uy * 5 - ux * 2.4],
                          fillColor=colour, strokeColor=None))
    # the analyst's formatting rules, as the window applies them
    rules = [rule for rule in (Rule.read(raw) for raw in state.rules) if rule is not None]
    ruled, sizes = formatting(graph, rules)
    taken: list[Box] = []  # the nodes and their labels: labels keep off them
    boxes: dict[int, Box] = {}  # each node's own
    for i, node in enumerate(graph.nodes):
        if hidden[i]:
            continue
        x, y = xy(i)
        colour = ruled[i] or KIND_COLOURS.get(node.kind, "#7F7F7F")
        r = 4.5 * float(sizes[i])
        d.add(Circle(x, y, r, fillColor=_c(colour),
                     strokeColor=_c(SANCTION_RED) if node.sanctioned else colors.white,
                     strokeWidth=1.6 if node.sanctioned else 0.6))
        boxes[i] = (x - r - 1, y - r - 1, x + r + 1, y + r + 1)
        taken.append(boxes[i])
    segments = [(x1, y1, x2, y2) for _i, x1, y1, x2, y2 in drawn]
    radius = [4.5 * float(r) for r in sizes]
    named, shortened = node_labels(d, graph, ~hidden, degree, xy, radius, boxes, taken, segments,
                        (0.0, legend_h, width, height))
    captioned = link_labels(d, graph, drawn, taken)
    _legend(d, items, places, rows)
    left = len(graph.links) - len(links)
    said = [f"Saved chart “{name}”: {sum(shown):,} of {len(graph.nodes):,} nodes and "
            f"{len(links):,} of {len(graph.links):,} links drawn"]
    if state.first or state.last:
        said.append("date window " + " – ".join(_day(x) for x in (state.first, state.last)))
    if hidden.any():
        said.append(f"{int(hidden.sum()):,} hidden by the analyst")
    if left:
        said.append(f"{left:,} links outside the window or touching hidden nodes")
    if named < sum(shown):
        said.append(f"labels on {named:,} of {sum(shown):,} nodes (the best-connected that "
                    "had room)")
    if shortened:
        said.append("legal forms written out in words abbreviated in the labels (ООО, PJSC, "
                    "GmbH …)")
    if len(links) > AT_MOST:
        said.append(f"no link labels (more than {AT_MOST:,} links)")
    elif captioned < len(links):
        said.append(f"{captioned:,} of {len(links):,} links labelled (the others had no "
                    "room)")
    return SavedChartFigure(d, "; ".join(said) + ".")


def _day(d: date | None) -> str:
    return d.isoformat() if d else "open"


Legend = list[tuple[str, str, str]]  # (text, colour, what: node, ring or a line style)
LEGEND_ROW = 11.0  # points between the legend's rows


def _legend_items(graph: ChartGraph) -> Legend:
    kinds = sorted({n.kind for n in graph.nodes})
    items = [(k.replace("_", " "), KIND_COLOURS.get(k, "#7F7F7F"), "node") for k in kinds]
    # the links' colours, for the kinds drawn (look15: an orange line was not explained)
    present = {LINK_KINDS[int(k)] for k in np.unique(graph.link_kinds)} if graph.links else set()
    items += [(LINK_WORDS[k], LINK_COLOURS[k], "solid") for k in LINK_KINDS
              if k in present and k in LINK_COLOURS and k in LINK_WORDS]
    items += [("solid: cited A–B / 1–2", "#4D4D4D", "solid"),
              ("dashed: cited lower", "#4D4D4D", "dashed"),
              ("dotted: not cited", "#4D4D4D", "dotted"),
              ("sanctioned", SANCTION_RED, "ring")]
    sanctions = np.flatnonzero(graph.link_kinds == LINK_KINDS.index("sanction")).tolist()
    if any(graph.links[i].ended for i in sanctions):
        items.append(("sanction ended or lifted", LINK_COLOURS["sanction"], "ended"))
    return items


def _legend_places(items: Legend, width: float) -> tuple[list[tuple[float, int]], int]:
    """Where each item goes (x, its row from the top) within ``width``; how many rows."""
    x, row, places = 0.0, 0, []
    for text, _colour, _what in items:
        w = 18 + text_width(text, 6.5) + 12
        if x > 0 and x + w > width:
            x, row = 0.0, row + 1
        places.append((x, row))
        x += w
    return places, row + 1


def _legend(d: Drawing, items: Legend, places: list[tuple[float, int]], rows: int) -> None:
    for (text, colour, what), (x, row) in zip(items, places, strict=True):
        y = 6.0 + (rows - 1 - row) * LEGEND_ROW
        if what == "node":
            d.add(Circle(x + 4, y + 2.5, 3.5, fillColor=_c(colour), strokeColor=None))
        elif what == "ring":
            d.add(Circle(x + 4, y + 2.5, 3.5, fillColor=colors.white,
                         strokeColor=_c(colour), strokeWidth=1.4))
        else:
            d.add(Line(x, y + 2.5, x + 14, y + 2.5, strokeColor=_c(colour),
                       strokeDashArray=DASH["dashed" if what == "ended" else what],
                       strokeWidth=0.9, strokeOpacity=0.35 if what == "ended" else 1))
        for s in label_strings(x + 18, y, text, 6.5):
            d.add(s)
    d.add(Rect(0, 0, 0, 0, strokeColor=None, fillColor=None))
