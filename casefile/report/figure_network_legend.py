"""The key beneath the network figure: the colours and marks it draws with, and only the
entries for what a figure draws (no shipment arrow in a figure of relationships, no transit
diamond without a route, no ring without a sanctioned party); its caption beneath."""

from __future__ import annotations

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon
from reportlab.lib import colors

from casefile.report.figure_network_data import NetworkSelection
from casefile.report.figure_text import label_strings, text_width
from casefile.report.styles import MUTED

SHIP = colors.HexColor("#0072B2")
REL = colors.HexColor("#666666")
VIA = colors.HexColor("#E69F00")
NODE = colors.HexColor("#333333")
RING = colors.HexColor("#D00000")
CAPTION_SIZE = 6.5

LEGEND = ("shipments (width and figure: how many)", "relationship", "transit country",
          "sanctioned")


def legend_entries(sel: NetworkSelection) -> tuple[str, ...]:
    """The legend's entries for what the figure draws: no shipment arrow in a figure of
    relationships, no transit diamond without a route, no ring without a sanctioned party."""
    drawn = (bool(sel.pairs), bool(sel.rels), any(p.via for p in sel.pairs.values()),
             any(k in sel.marked for k in sel.chosen))
    return tuple(text for text, there in zip(LEGEND, drawn, strict=True) if there)


def legend_rows(width: float, entries: tuple[str, ...]) -> list[list[tuple[str, float]]]:
    """The legend's entries with their x, on as many rows as ``width`` needs."""
    rows: list[list[tuple[str, float]]] = [[]]
    px = 0.0
    for text in entries:
        w = 26 + text_width(text, 7) + 14
        if rows[-1] and px + w > width:
            rows.append([])
            px = 0.0
        rows[-1].append((text, px))
        px += w
    return rows


def legend(d: Drawing, foot: float, cap_lines: list[str], entries: tuple[str, ...]) -> None:
    rows = legend_rows(d.width, entries)
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


