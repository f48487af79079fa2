"""The key beneath the timeline figure: the colour of each kind, the drawing styles the
figure uses (exact day, approximate, open end, ended), the line of today and, when lanes are
counted, the count bars — nothing the figure does not draw."""

from __future__ import annotations

from collections.abc import Collection

from reportlab.graphics.shapes import Circle, Drawing, Line, Rect
from reportlab.lib import colors

from casefile.core.timeline import KIND_COLOURS, KIND_LANES
from casefile.report.figure_text import label_strings, text_width

LEGEND_STYLES = ("exact day", "approximate", "open end")
HATCH_STEP = 2.6  # points between the lines of a hatched (ended) bar
WORDS = {"ended": "ended or lifted", "today": "today", "counts": "records per period",
         # (look28: an uncertain '2021?' is drawn so too, and the key said 'approximate')
         "approximate": "approximate or uncertain"}


def legend_drawing(width: float, kinds: list[str], counts: bool = False,
                   shown: Collection[str] | None = None, today: str = "") -> Drawing:
    """Colours of the kinds and the drawing styles, on as many lines as the width needs;
    ``counts`` adds the key to lanes drawn as counts per period. ``shown`` (a
    TimelineFigure's) keeps only what the figure draws; ``today`` names the day the
    line of today stands for."""
    entries: list[tuple[str, str]] = [(k, KIND_LANES.get(k, k)) for k in kinds]
    if shown is None:
        entries += [(s, WORDS.get(s, s)) for s in LEGEND_STYLES]
        if counts:
            entries.append(("counts", WORDS["counts"]))
    else:
        entries += [(s, WORDS.get(s, s)) for s in LEGEND_STYLES if s in shown]
        entries += [(k, WORDS[k] + (f" ({today})" if k == "today" and today else ""))
                    for k in ("ended", "today", "counts") if k in shown]
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
    if key in KIND_COLOURS or key not in (*LEGEND_STYLES, *WORDS):
        d.add(Rect(px, y, 14, 7, fillColor=colors.HexColor(KIND_COLOURS.get(key, "#666666")),
                   strokeColor=None))
    elif key == "exact day":
        d.add(Circle(px + 5, y + 3.5, 3, fillColor=grey, strokeColor=colors.black,
                     strokeWidth=0.4))
    elif key == "approximate":
        d.add(Rect(px, y, 14, 7, fillColor=grey, fillOpacity=0.3, strokeColor=grey,
                   strokeDashArray=[2, 1.5], strokeWidth=0.6))
    elif key == "ended":
        hatched(d, px, y, 14, 7, grey)
    elif key == "today":
        d.add(Line(px + 7, y - 1.5, px + 7, y + 8.5, strokeColor=colors.black,
                   strokeWidth=0.8, strokeDashArray=[2.5, 1.5]))
    elif key == "open end":
        for k in range(5):
            d.add(Rect(px + k * 2.8, y, 2.8, 7, fillColor=grey, fillOpacity=1 - k / 5,
                       strokeColor=None))
    else:
        for k, h in enumerate((3, 7, 5)):
            d.add(Rect(px + k * 4.8, y, 4, h, fillColor=grey, strokeColor=None))


def hatched(d: Drawing, x0: float, y0: float, w: float, h: float,
            colour: colors.Color) -> None:
    """A bar drawn as an outline filled with diagonal lines: a sanction that has ended."""
    d.add(Rect(x0, y0, w, h, fillColor=colour, fillOpacity=0.12, strokeColor=colour,
               strokeWidth=0.6))
    c = x0 - h + HATCH_STEP / 2
    while c < x0 + w:  # the line from (c, y0) up at 45°, clipped to the bar
        lo, hi = max(c, x0), min(c + h, x0 + w)
        if hi > lo:
            d.add(Line(lo, y0 + lo - c, hi, y0 + hi - c, strokeColor=colour, strokeWidth=0.5))
        c += HATCH_STEP
