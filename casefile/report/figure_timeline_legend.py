"""The key beneath the timeline figure: the colour of each kind, the drawing styles (exact
day, approximate, open end) and, when lanes are counted, the count bars."""

from __future__ import annotations

from reportlab.graphics.shapes import Circle, Drawing, Rect
from reportlab.lib import colors

from casefile.core.timeline import KIND_COLOURS, KIND_LANES
from casefile.report.figure_text import label_strings, text_width

LEGEND_STYLES = ("exact day", "approximate", "open end")


def legend_drawing(width: float, kinds: list[str], counts: bool = False) -> Drawing:
    """Colours of the kinds and the drawing styles, on as many lines as the width needs;
    ``counts`` adds the key to lanes drawn as counts per period."""
    entries: list[tuple[str, str]] = [(k, KIND_LANES.get(k, k)) for k in kinds]
    entries += [(s, s) for s in LEGEND_STYLES]
    if counts:
        entries.append(("counts", "records per period"))
    widths = [22 + text_width(label, 7) + 12 for _k, label in entries]
    lines: list[list[int]] = [[]]
    used = 0.0
    for j, w in enumerate(widths):
        if lines[-1] and used + w > width:
            lines.append([])
            used = 0.0
        lines[-1].append(j)
        used += w
    d = Drawing(width, 14 * len(lines))
    for ln, idx in enumerate(lines):
        px, y = 0.0, d.height - 14 * (ln + 1) + 3
        for j in idx:
            key, label = entries[j]
            _legend_mark(d, key, px, y)
            for s in label_strings(px + 18, y, label, 7):
                d.add(s)
            px += widths[j]
    return d


def _legend_mark(d: Drawing, key: str, px: float, y: float) -> None:
    grey = colors.grey
    if key in KIND_COLOURS or key not in (*LEGEND_STYLES, "counts"):
        d.add(Rect(px, y, 14, 7, fillColor=colors.HexColor(KIND_COLOURS.get(key, "#666666")),
                   strokeColor=None))
    elif key == "exact day":
        d.add(Circle(px + 5, y + 3.5, 3, fillColor=grey, strokeColor=colors.black,
                     strokeWidth=0.4))
    elif key == "approximate":
        d.add(Rect(px, y, 14, 7, fillColor=grey, fillOpacity=0.3, strokeColor=grey,
                   strokeDashArray=[2, 1.5], strokeWidth=0.6))
    elif key == "open end":
        for k in range(5):
            d.add(Rect(px + k * 2.8, y, 2.8, 7, fillColor=grey, fillOpacity=1 - k / 5,
                       strokeColor=None))
    else:
        for k, h in enumerate((3, 7, 5)):
            d.add(Rect(px + k * 4.8, y, 4, h, fillColor=grey, strokeColor=None))
