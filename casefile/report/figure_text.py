"""Text in the dossier's figures: labels drawn as one String per font run (the CJK font has
almost no Latin glyphs, DejaVu Sans no CJK ones; right-to-left runs shaped), measured per
run, wrapped onto lines or shortened to a width with "…" rather than cut blindly. The runs,
widths and shaping are :mod:`casefile.report.fonts`'s, as for every other string."""

from __future__ import annotations

from reportlab.graphics.shapes import String
from reportlab.lib import colors

from casefile.report.bidi_lines import visual_words
from casefile.report.fonts import BODY, BOLD, apart, font_runs, is_rtl, shaped, text_width

ELLIPSIS = "…"
__all__ = ["draw_text", "drawn_runs", "fit_text", "label_strings", "text_width", "wrap_text"]


def drawn_runs(text: str, size: float, bold: bool = False) -> list[tuple[str, float, str]]:
    """``text`` as (piece, width, font) in the order drawn, left to right: font runs,
    right-to-left ones shaped; right-to-left words among others each alone, in reading
    order (review32: a label shaped whole printed its Latin words backwards, 'ratS
    fluG'); a text all right to left shaped whole."""
    found = font_runs(apart(text), BOLD if bold else BODY)
    if is_rtl(text) and any((c.isalnum() and not is_rtl(c)) or c.isdigit() for c in text):
        found = visual_words(found)
    return [(*shaped(piece, font, size), font) for piece, font in found]


def draw_text(canvas: object, x: float, y: float, text: str, size: float,
              bold: bool = False, anchor: str = "start") -> float:
    """Draw ``text`` on a reportlab canvas (the pages' furniture) as :func:`drawn_runs`
    gives it; ``anchor`` is start, middle or end. Returns the width drawn."""
    runs = drawn_runs(text, size, bold)
    width = sum(w for _t, w, _f in runs)
    x -= width if anchor == "end" else width / 2 if anchor == "middle" else 0
    for t, w, f in runs:
        canvas.setFont(f, size)  # type: ignore[attr-defined]
        canvas.drawString(x, y, t)  # type: ignore[attr-defined]
        x += w
    return width


def label_strings(x: float, y: float, text: str, size: float, anchor: str = "start",
                  bold: bool = False, fill: colors.Color = colors.black) -> list[String]:
    """``text`` at (x, y) as one String per font run, anchored at its start, middle or end
    as a whole (each run is placed by the measured widths of the runs before it)."""
    runs = drawn_runs(text, size, bold)
    total = sum(w for _t, w, _f in runs)
    left = x - {"start": 0.0, "middle": total / 2, "end": total}[anchor]
    out = []
    for piece, w, font in runs:
        out.append(String(left, y, piece, fontName=font, fontSize=size, textAnchor="start",
                          fillColor=fill))
        left += w
    return out


def fit_text(text: str, size: float, width: float, bold: bool = False) -> str:
    """``text`` shortened with "…" to fit ``width`` points."""
    if text_width(text, size, bold) <= width:
        return text
    lo, hi = 0, len(text)
    while lo < hi:  # the longest prefix that fits with the ellipsis
        mid = (lo + hi + 1) // 2
        if text_width(text[:mid].rstrip() + ELLIPSIS, size, bold) <= width:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + ELLIPSIS


def wrap_text(text: str, size: float, width: float, max_lines: int = 2,
              max_chars: int = 60, bold: bool = False) -> list[str]:
    """``text`` on at most ``max_lines`` lines of at most ``width`` points: broken between
    words, inside a word only when it is wider than a line; past ``max_chars`` characters
    or ``max_lines`` lines it ends in "…"."""
    text = " ".join(text.split())
    if len(text) > max_chars:
        text = text[:max_chars - 1].rstrip() + ELLIPSIS
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        candidate = f"{line} {word}" if line else word
        if text_width(candidate, size, bold) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = word
        while text_width(line, size, bold) > width and len(line) > 1:
            cut = _chars_that_fit(line, size, width, bold)
            lines.append(line[:cut])
            line = line[cut:]
    if line:
        lines.append(line)
    if len(lines) > max_lines:
        lines = lines[:max_lines - 1] + [fit_text(" ".join(lines[max_lines - 1:]) + ELLIPSIS,
                                                  size, width, bold)]
    if lines and lines[-1].endswith(ELLIPSIS * 2):
        lines[-1] = lines[-1][:-1]
    return lines or [""]


def _chars_that_fit(text: str, size: float, width: float, bold: bool) -> int:
    n = 1
    while n < len(text) and text_width(text[:n + 1], size, bold) <= width:
        n += 1
    return n
