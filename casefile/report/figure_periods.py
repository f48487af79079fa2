"""Calendar periods for the timeline figure: the period records are counted by (month,
quarter, year or longer, chosen so each bar is wide enough for its count) and the date axis
(ticks spaced to stay readable, English month names whatever the process locale)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from reportlab.graphics.shapes import Drawing, Line

from casefile.report.figure_text import label_strings

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
STEPS = ((1, "month"), (3, "quarter"), (12, "year"), (24, "2-year period"),
         (60, "5-year period"), (120, "decade"), (300, "25-year period"), (1200, "century"))
MIN_BAR = 14.0  # points a count bar needs for its figure


@dataclass(frozen=True)
class Period:
    months: int
    name: str

    def key(self, day: date) -> int:
        return (day.year * 12 + day.month - 1) // self.months

    def start(self, key: int) -> date:
        m = key * self.months
        return date(m // 12, m % 12 + 1, 1)

    def span(self, key: int) -> tuple[int, int]:
        """First day and the day after the last, as ordinals."""
        return self.start(key).toordinal(), self.start(key + 1).toordinal()


def choose_period(a: int, b: int, plot_w: float) -> Period:
    """The shortest period whose bars are at least MIN_BAR points wide."""
    for months, name in STEPS:
        if (b - a) / (months * 30.44) * MIN_BAR <= plot_w:
            return Period(months, name)
    return Period(*STEPS[-1])


def draw_axis(d: Drawing, a: int, b: int, x: Callable[[float], float], axis_h: float) -> None:
    """The date axis along the bottom: a tick and a label every month, quarter, half year,
    year or more — as often as 30 points between labels allow."""
    d.add(Line(x(a), axis_h - 4, x(b), axis_h - 4, strokeWidth=0.5))
    per_month = (x(b) - x(a)) / max((b - a) / 30.44, 1e-9)
    step = next((s for s in (1, 3, 6, 12, 24, 60, 120, 300, 1200) if s * per_month >= 30),
                1200)
    first, last = date.fromordinal(a), date.fromordinal(b)
    y, m = first.year, first.month
    labelled = False
    while True:
        m += 1
        if m > 12:
            y, m = y + 1, 1
        if date(y, m, 1) > last:
            break
        if step < 12 and (m - 1) % step:
            continue
        if step >= 12 and (m != 1 or y % (step // 12)):
            continue
        px = x(date(y, m, 1).toordinal())
        d.add(Line(px, axis_h - 4, px, axis_h - 1, strokeWidth=0.4))
        label = str(y) if m == 1 else MONTHS[m - 1] if labelled else f"{MONTHS[m - 1]} {y}"
        labelled = True  # the first label names its year even when not in January
        for s in label_strings(px, axis_h - 13, label, 6.5, "middle"):
            d.add(s)
