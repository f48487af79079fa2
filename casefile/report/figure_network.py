"""The dossier's network figure: who shipped to whom (and how often), through which
countries, and how the parties are related.

One node per party (a company that both ships and receives is one node), placed by a
deterministic force layout; one arrow per shipper → consignee pair, its width by the number
of shipments and that number printed on it; transit countries as small markers along the
arrow with their codes; relationships as dashed, labelled links; sanctioned parties ringed
in red. The busiest parties are drawn (sanctioned ones first); the caption says exactly how
many parties, shipments and relationships are left out."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon
from reportlab.lib import colors

from casefile.core.countries import country_name
from casefile.report.figure_layout import Box, fit_to_box, force_layout, place_label
from casefile.report.figure_text import label_strings, text_width, wrap_text
from casefile.report.styles import MUTED

SHIP = colors.HexColor("#0072B2")
REL = colors.HexColor("#666666")
VIA = colors.HexColor("#E69F00")
NODE = colors.HexColor("#333333")
RING = colors.HexColor("#D00000")
SIZE = 6.5  # party labels
LEAD = 7.8
LABEL_W = 130.0  # widest label: two lines of it hold 60 characters
SMALL = 5.5
CAPTION_SIZE = 6.5
Key = tuple[str, Any]  # ("id", 12) or ("name", "Tekhkrim")


@dataclass
class NetworkFigure:
    drawing: Drawing
    caption: str
    parties: tuple[int, int]  # drawn, in all
    shipments: tuple[int, int]  # drawn, in all (shipment counts summed)
    records: tuple[int, int]  # shipment records drawn, in all
    relationships: tuple[int, int]
    nodes: list[tuple[str, float, float, float]] = field(default_factory=list)  # name, x, y, r


@dataclass
class _Pair:
    shipments: int = 0
    records: int = 0
    via: Counter | None = None


def _key(rid: Any, name: str | None) -> Key:
    return ("id", rid) if rid is not None else ("name", name or "unknown")


def network_figure(shipments: list[dict], width: float, limit: int = 40,
                   max_height: float = 600.0, relationships: list[dict] | None = None,
                   sanctioned: set | frozenset | None = None,
                   caption_in_drawing: bool = False) -> NetworkFigure | None:
    """The figure within ``width`` × ``max_height`` points, or None with nothing to draw.
    ``relationships`` are dicts with subject, object, kind (and subject_id, object_id when
    known); ``sanctioned`` holds names or entity ids."""
    rels = _unique_relationships(relationships or [])
    if not shipments and not rels:
        return None
    marked = set(sanctioned or ())
    names: dict[Key, str] = {}
    volume: Counter = Counter()
    pairs: dict[tuple[Key, Key], _Pair] = {}
    for s in shipments:
        a = _key(s.get("shipper_id"), s.get("shipper"))
        b = _key(s.get("consignee_id"), s.get("consignee"))
        names.setdefault(a, s.get("shipper") or "unknown")
        names.setdefault(b, s.get("consignee") or "unknown")
        n = s.get("shipment_count") or 1
        volume[a] += n
        if b != a:
            volume[b] += n
        p = pairs.setdefault((a, b), _Pair(via=Counter()))
        p.shipments += n
        p.records += 1
        for st in s.get("route") or []:
            if st.get("country") and p.via is not None:
                p.via[st["country"]] += n
    degree: Counter = Counter()
    for (sk, sname), (ok, oname), _kind in rels:
        degree[sk] += 1
        degree[ok] += 1
        names.setdefault(sk, sname)
        names.setdefault(ok, oname)

    def is_marked(k: Key) -> bool:
        return k[1] in marked or names[k] in marked
    order = sorted(names, key=lambda k: (not is_marked(k), -(volume[k] + degree[k]),
                                         names[k].casefold(), str(k[1])))
    chosen = order[:limit]
    index = {k: i for i, k in enumerate(chosen)}
    drawn_pairs = {ab: p for ab, p in pairs.items() if ab[0] in index and ab[1] in index}
    drawn_rels = [r for r in rels if r[0][0] in index and r[1][0] in index]
    total_ship = sum(p.shipments for p in pairs.values())
    total_rec = sum(p.records for p in pairs.values())
    fig = NetworkFigure(Drawing(width, 10), "", (len(chosen), len(names)),
                        (sum(p.shipments for p in drawn_pairs.values()), total_ship),
                        (sum(p.records for p in drawn_pairs.values()), total_rec),
                        (len(drawn_rels), len(rels)))
    via_codes = sorted({c for p in drawn_pairs.values() for c in (p.via or {})})
    fig.caption = _caption(fig, via_codes)
    cap_lines = wrap_text(fig.caption, CAPTION_SIZE, width, 4, 1000) if caption_in_drawing \
        else []
    foot = 12 * len(_legend_rows(width)) + 2 + len(cap_lines) * (CAPTION_SIZE + 2)
    chart_h = min(max_height - foot, max(200.0, 130 + 18 * len(chosen)))
    d = fig.drawing = Drawing(width, chart_h + foot)
    most = max([volume[k] for k in chosen] + [1])
    radius = [3 + 4 * math.sqrt(volume[k] / most) for k in chosen]
    lh = 2 * LEAD + 1
    margin_y = lh + 9 + 4
    box: Box = (LABEL_W / 2 + 2, foot + margin_y, width - LABEL_W / 2 - 2,
                chart_h + foot - margin_y)
    weights: Counter = Counter()
    for (a, b), p in drawn_pairs.items():
        if a != b:
            weights[tuple(sorted((index[a], index[b])))] += p.shipments
    for (sk, _s), (ok, _o), _kind in drawn_rels:
        if sk != ok:
            weights[tuple(sorted((index[sk], index[ok])))] += 1
    unit = force_layout(len(chosen), [(i, j, w) for (i, j), w in sorted(weights.items())])
    pts = fit_to_box(unit, box, 34.0)
    bounds: Box = (0.0, foot, width, chart_h + foot)
    taken: list[Box] = [(x - r, y - r, x + r, y + r) for (x, y), r in zip(pts, radius,
                                                                         strict=True)]
    segments: list[tuple[float, float, float, float]] = []
    _relationships(d, drawn_rels, index, pts, radius, drawn_pairs, segments, taken)
    _edges(d, drawn_pairs, index, pts, radius, segments, taken)
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
        lines = _label_lines(names[k])
        w = max(text_width(ln, SIZE) for ln in lines)
        r = radius[i] + (2.2 if is_marked(k) else 0)
        spot = place_label(x, y, r, w, len(lines) * LEAD + 1, bounds, taken, segments)
        taken.append(spot.box)
        for n, line in enumerate(lines):
            for s in label_strings(spot.x, spot.top - SIZE - n * LEAD, line, SIZE,
                                   spot.anchor):
                d.add(s)
    _legend(d, foot, cap_lines)
    return fig


def network_drawing(shipments: list[dict], width: float, limit: int = 40,
                    max_height: float = 600.0, relationships: list[dict] | None = None,
                    sanctioned: set | frozenset | None = None) -> Drawing | None:
    """The figure as one drawing, its caption printed beneath it."""
    fig = network_figure(shipments, width, limit, max_height, relationships, sanctioned,
                         caption_in_drawing=True)
    return fig.drawing if fig else None


def _unique_relationships(rels: list[dict]) -> list[tuple[tuple[Key, str], tuple[Key, str],
                                                          str]]:
    """((subject key, name), (object key, name), kind), once each (a dossier lists a
    relationship under both its parties)."""
    seen: set = set()
    out = []
    for r in rels:
        a = (_key(r.get("subject_id"), r.get("subject")), r.get("subject") or "unknown")
        b = (_key(r.get("object_id"), r.get("object")), r.get("object") or "unknown")
        kind = str(r.get("kind") or "related").replace("_", " ")
        ident = r.get("id", (a[0], b[0], kind))
        if ident in seen:
            continue
        seen.add(ident)
        out.append((a, b, kind))
    return out


def _relationships(d: Drawing, rels: list, index: dict, pts: np.ndarray,
                   radius: list[float], pairs: dict, segments: list, taken: list) -> None:
    for a, b, kind in rels:
        i, j = index[a[0]], index[b[0]]
        if i == j:
            continue
        shift = 4.0 if (a[0], b[0]) in pairs or (b[0], a[0]) in pairs else 0.0
        (x1, y1), (x2, y2), (ux, uy) = _rim(pts, radius, i, j, -shift)
        d.add(Line(x1, y1, x2, y2, strokeColor=REL, strokeWidth=0.7,
                   strokeDashArray=[3, 2]))
        segments.append((x1, y1, x2, y2))
        _beside(d, (x1 + x2) / 2, (y1 + y2) / 2, -uy, ux, 1.5, kind, MUTED, taken)


def _edges(d: Drawing, pairs: dict[tuple[Key, Key], _Pair], index: dict, pts: np.ndarray,
           radius: list[float], segments: list, taken: list) -> None:
    for (a, b), p in sorted(pairs.items(), key=lambda kv: (-kv[1].shipments, str(kv[0]))):
        i, j = index[a], index[b]
        w = min(0.8 + 1.1 * math.log2(max(p.shipments, 1)), 5.5)  # 1: 0.8, 12: 4.7
        via = [c for c, _n in sorted((p.via or Counter()).items(), key=lambda t: -t[1])]
        if i == j:  # a party shipping to itself: a loop above the node
            x, y = float(pts[i][0]), float(pts[i][1])
            d.add(Circle(x, y + radius[i] + 4, 4, fillColor=None, strokeColor=SHIP,
                         strokeWidth=min(w, 2)))
            _small(d, x + 6, y + radius[i] + 6, _edge_text(p.shipments, via), SHIP, taken,
                   "start")
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
        for n, code in enumerate(via[:3]):  # transit countries as waypoints on the line
            t = (n + 1) / (min(len(via), 3) + 1)
            px, py = x1 + (bx - x1) * t, y1 + (by - y1) * t
            d.add(Polygon([px, py + 3, px + 3, py, px, py - 3, px - 3, py], fillColor=VIA,
                          strokeColor=colors.white, strokeWidth=0.4))
            _beside(d, px, py, -uy, ux, w / 2 + 2, code, VIA, taken)
        _beside(d, (x1 + bx) / 2, (y1 + by) / 2, uy, -ux, w / 2 + 2,
                _edge_text(p.shipments, via), SHIP, taken)


def _label_lines(name: str) -> list[str]:
    """Short names on one line; longer ones on two lines, as narrow as lets them fit (up to
    LABEL_W points), past 60 characters ending in "…"."""
    full = text_width(name, SIZE)
    if full <= 80:
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
    extra = f" via +{len(via) - 3}" if len(via) > 3 else ""
    return f"{n:,}{extra}"


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


def _beside(d: Drawing, x: float, y: float, nx: float, ny: float, gap: float, text: str,
            fill: colors.Color, taken: list) -> None:
    """``text`` next to the point (x, y) of a line, on the side of the normal (nx, ny), its
    box clear of the line by ``gap`` points whatever the line's slope."""
    w, h = text_width(text, SMALL), SMALL
    reach = gap + w / 2 * abs(nx) + h / 2 * abs(ny)
    cx, cy = x + nx * reach, y + ny * reach
    _small(d, cx, cy - h / 2 + 2, text, fill, taken)


def _small(d: Drawing, x: float, y: float, text: str, fill: colors.Color, taken: list,
           anchor: str = "middle") -> None:
    w = text_width(text, SMALL)
    left = x - {"start": 0.0, "middle": w / 2, "end": w}[anchor]
    taken.append((left, y - 2, left + w, y + SMALL))
    for s in label_strings(x, y - 2, text, SMALL, anchor, fill=fill):
        d.add(s)


LEGEND = ("shipments (width and figure: how many)", "relationship", "transit country",
          "sanctioned")


def _legend_rows(width: float) -> list[list[tuple[str, float]]]:
    """The legend's entries with their x, on as many rows as ``width`` needs."""
    rows: list[list[tuple[str, float]]] = [[]]
    px = 0.0
    for text in LEGEND:
        w = 26 + text_width(text, 7) + 14
        if rows[-1] and px + w > width:
            rows.append([])
            px = 0.0
        rows[-1].append((text, px))
        px += w
    return rows


def _legend(d: Drawing, foot: float, cap_lines: list[str]) -> None:
    rows = _legend_rows(d.width)
    for n, row in enumerate(rows):
        y = foot - 10 - 12 * n
        for text, px in row:
            mid = y + 2.5
            if text == LEGEND[0]:
                d.add(Line(px, mid, px + 16, mid, strokeColor=SHIP, strokeWidth=2,
                           strokeOpacity=0.75))
                d.add(Polygon([px + 22, mid, px + 16, mid + 2.5, px + 16, mid - 2.5],
                              fillColor=SHIP, strokeColor=None))
            elif text == LEGEND[1]:
                d.add(Line(px, mid, px + 22, mid, strokeColor=REL, strokeWidth=0.7,
                           strokeDashArray=[3, 2]))
            elif text == LEGEND[2]:
                d.add(Polygon([px + 11, mid + 3, px + 14, mid, px + 11, mid - 3, px + 8, mid],
                              fillColor=VIA, strokeColor=None))
            else:
                d.add(Circle(px + 11, mid, 3, fillColor=NODE, strokeColor=colors.white))
                d.add(Circle(px + 11, mid, 4.6, fillColor=None, strokeColor=RING,
                             strokeWidth=1.4))
            for s in label_strings(px + 26, y, text, 7):
                d.add(s)
    top = foot - 12 * len(rows) - 2
    for n, line in enumerate(cap_lines):
        for s in label_strings(0, top - (n + 1) * (CAPTION_SIZE + 2) + 2, line,
                               CAPTION_SIZE, fill=MUTED):
            d.add(s)


def _caption(fig: NetworkFigure, via_codes: list[str]) -> str:
    def of(pair: tuple[int, int], noun: str) -> str:
        drawn, total = pair
        return f"all {total:,} {noun}" if drawn == total else f"{drawn:,} of {total:,} {noun}"

    text = f"Shows {of(fig.parties, 'parties')} and {of(fig.shipments, 'shipments')}"
    if fig.records[1] != fig.shipments[1]:
        text += f" (in {of(fig.records, 'records')})"
    if fig.relationships[1]:
        text += f", and {of(fig.relationships, 'relationships')}"
    text += "."
    hidden_p = fig.parties[1] - fig.parties[0]
    if hidden_p:
        hidden_s = fig.shipments[1] - fig.shipments[0]
        hidden_r = fig.relationships[1] - fig.relationships[0]
        text += (f" Not drawn: {hidden_p:,} part{'ies' if hidden_p != 1 else 'y'} with "
                 f"{hidden_s:,} shipment{'s' if hidden_s != 1 else ''}"
                 + (f" and {hidden_r:,} relationship{'s' if hidden_r != 1 else ''}"
                    if hidden_r else "")
                 + " (sanctioned parties are drawn first, then the busiest).")
    if via_codes:
        text += " Transit: " + "; ".join(f"{c} {country_name(c) or c}" for c in via_codes) + "."
    return text
