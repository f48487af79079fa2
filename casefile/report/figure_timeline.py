"""The dossier's timeline figure, from the same core rows as the GUI's timeline.

Each lane (a kind, or an entity, country or tag) is drawn item by item — bars for spans,
dots for exact days, pale dashed bars for approximate dates, fading bars for open ends —
each item labelled with its number in the chronology table. When the items do not fit the
page, the lanes with the most rows are drawn as counts per period instead (density bars
with the count printed: per month, quarter or year, chosen from the date span), so every
lane still appears; when even that does not fit, the lanes go on over several drawings.
What was counted rather than drawn, and what has no date, is said in the caption."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from reportlab.graphics.shapes import Circle, Drawing, Line, Rect
from reportlab.lib import colors

from casefile.core.labels import joined
from casefile.core.timeline import KIND_COLOURS, KIND_ORDER, Timeline
from casefile.report.figure_periods import Period, choose_period, draw_axis
from casefile.report.figure_text import fit_text, label_strings, text_width, wrap_text
from casefile.report.figure_timeline_lanes import (
    AGG_H,
    AXIS_H,
    CAPTION_SIZE,
    LABEL_W,
    NUM_SIZE,
    ROW_H,
    TOP,
    Lane,
    axis,
    chronology_numbers,
    fitted_lanes,
    lane_budget,
    stacked_lanes,
)
from casefile.report.figure_timeline_legend import hatched
from casefile.report.styles import MUTED, RULE


@dataclass
class TimelineFigure:
    """The drawings (each fits ``max_height``), the caption saying what was counted rather
    than drawn, and the number each individually drawn record carries."""

    drawings: list[Drawing]
    caption: str
    counted_lanes: list[str] = field(default_factory=list)  # drawn as counts per period
    period: str | None = None  # "month", "quarter", "year", "5 years"… of the counts
    numbers: dict[tuple[str, int], int] = field(default_factory=dict)
    counts: dict[str, dict[date, int]] = field(default_factory=dict)  # lane -> period -> n
    # what the drawings show, for a legend with nothing more: "exact day", "approximate",
    # "open end", "ended" (hatched), "today" (a line on ``today``'s date), "counts"
    shown: set[str] = field(default_factory=set)


def timeline_figure(tl: Timeline, width: float, max_height: float = 600.0,
                    numbers: dict[tuple[str, int], int] | None = None,
                    max_drawings: int | None = None,
                    caption_in_drawing: bool = False,
                    today: date | None = None) -> TimelineFigure | None:
    """The figure, or None when nothing is dated. ``numbers`` labels the records the table
    lists (default: :func:`chronology_numbers`); ``max_drawings`` caps the tiling (lanes past
    it are left out, and the caption says which); ``today``, within the axis, is drawn as a
    line (what is in force and what has ended reads against it)."""
    if not len(tl) or tl.first is None or tl.last is None:
        return None
    nums = chronology_numbers(tl) if numbers is None else numbers
    a, b, plot_w, x = axis(tl, width)
    caption_lines = 3 if caption_in_drawing else 0
    budget = lane_budget(max_height, caption_lines)
    lanes = fitted_lanes(tl, x, nums, width, max_height, budget)
    if numbers is None and any(ln.counted for ln in lanes):  # number what is drawn singly
        single = {(r.kind, r.id) for ln in lanes if not ln.counted
                  for r in (tl.records[int(tl.rec[i])] for i in ln.rows)}
        nums = {k: n for n, k in enumerate((k for k in nums if k in single), 1)}
        counted = {ln.name for ln in lanes if ln.counted}
        lanes = stacked_lanes(tl, x, nums, width, int(max_height / ROW_H) + 1)
        for ln in lanes:
            ln.counted = ln.name in counted
    period = choose_period(a, b, plot_w) if any(ln.counted for ln in lanes) else None
    pages: list[list[Lane]] = [[]]
    for lane in lanes:
        if pages[-1] and sum(ln.height for ln in pages[-1]) + lane.height > budget:
            pages.append([])
        pages[-1].append(lane)
    left_out = [ln for page in pages[max_drawings:] for ln in page] if max_drawings else []
    pages = pages[:max_drawings] if max_drawings else pages
    caption = _caption(tl, lanes, left_out, period, len(pages), nums)
    now = today.toordinal() if today is not None and a <= today.toordinal() <= b else None
    drawings = [_drawing(tl, page, x, a, b, width, period, caption if caption_in_drawing
                         else "", caption_lines, now) for page in pages]
    shown = {"today"} if now is not None else set()
    for ln in (ln for page in pages for ln in page):
        if ln.counted:
            shown.add("counts")
            continue
        shown.update(_look(tl, i) for i, _slot, _label in ln.slots)
    shown.discard("span")  # (a plain bar: no key needed)
    counts: dict[str, dict[date, int]] = {}
    for ln in lanes:
        if ln.counted and ln not in left_out and period is not None:
            per = counts[ln.name] = {}
            for (k, _kind), n in sorted(_bins(tl, ln, period).items()):
                per[period.start(k)] = per.get(period.start(k), 0) + n
    return TimelineFigure(drawings, caption, [ln.name for ln in lanes if ln.counted],
                          period.name if period else None, dict(nums), counts, shown)


SHOWN_AS = {0: "exact day", 2: "approximate", 3: "open end", 4: "open end"}  # by style


def _look(tl: Timeline, i: int) -> str:
    """How item ``i`` is drawn — "exact day" (a dot), "ended" (hatched), "open end"
    (fading), "approximate" (pale, dashed) or "span" (a solid bar) — decided once, for the
    drawing and for the legend of what the drawing shows."""
    style = int(tl.style[i])
    # ended or lifted — but one whose start is not known (listed on a day or earlier, its
    # end unknown) fades in as an open start: a hatched bar of ~6 months read as dates
    # known (review32)
    if style not in (0, 3) and tl.records[int(tl.rec[i])].ended:
        return "ended"
    return SHOWN_AS.get(style, "span")
TODAY = colors.HexColor("#1A1A1A")


def timeline_drawing(tl: Timeline, width: float, max_height: float = 600.0,
                     numbers: dict[tuple[str, int], int] | None = None) -> Drawing | None:
    """One drawing that fits ``max_height``, its caption printed beneath the axis."""
    fig = timeline_figure(tl, width, max_height, numbers, max_drawings=1,
                          caption_in_drawing=True)
    return fig.drawings[0] if fig else None


def _drawing(tl: Timeline, lanes: list[Lane], x, a: int, b: int, width: float,  # noqa: ANN001
             period: Period | None, caption: str, caption_lines: int,
             today: int | None = None) -> Drawing:
    lines = wrap_text(caption, CAPTION_SIZE, width, max_lines=caption_lines,
                      max_chars=600) if caption else []
    foot = len(lines) * (CAPTION_SIZE + 2)
    height = TOP + sum(ln.height for ln in lanes) + AXIS_H + foot
    d = Drawing(width, height)
    top = height - TOP
    for lane in lanes:
        _lane_label(d, tl, lane, top)
        d.add(Line(LABEL_W - 4, top, width, top, strokeColor=RULE, strokeWidth=0.4))
        if lane.counted and period is not None:
            _counts(d, tl, lane, top, x, (a, b), period)
        else:
            for i, slot, label in lane.slots:
                _item(d, tl, i, top - (slot + 1) * ROW_H, x, label, width)
        top -= lane.height
    if today is not None:  # over the lanes, from the axis up
        d.add(Line(x(today + 0.5), foot + AXIS_H, x(today + 0.5), height - TOP,
                   strokeColor=TODAY, strokeWidth=0.8, strokeDashArray=[2.5, 1.5]))
    draw_axis(d, a, b, x, foot + AXIS_H)
    for k, line in enumerate(lines):
        for s in label_strings(0, foot - (k + 1) * (CAPTION_SIZE + 2) + 2, line, CAPTION_SIZE,
                               fill=MUTED):
            d.add(s)
    return d


def _lane_label(d: Drawing, tl: Timeline, lane: Lane, top: float) -> None:
    name = fit_text(lane.name, 7, LABEL_W - 10)
    for s in label_strings(LABEL_W - 8, top - 10, name, 7, "end"):
        d.add(s)
    if lane.counted or lane.sub_rows > 1:
        n = len(lane.rows)
        sub = f"{n:,} record{'s' if n != 1 else ''}" + (" · counts" if lane.counted else "")
        for s in label_strings(LABEL_W - 8, top - 18, sub, 5.5, "end", fill=MUTED):
            d.add(s)


def _item(d: Drawing, tl: Timeline, i: int, base: float, x, label: str,  # noqa: ANN001
          width: float) -> None:
    kind = tl.kind_codes[i]
    colour = colors.HexColor(KIND_COLOURS.get(kind, "#666666"))
    s, e, style = int(tl.start[i]), int(tl.end[i]) + 1, int(tl.style[i])
    drawn = _look(tl, i)
    bottom = base + 2.5
    lo, hi = x(s), max(x(e), x(s) + 1.2)
    if drawn == "exact day":
        mid = x(s + 0.5)
        d.add(Circle(mid, bottom + 4.5, 3.2, fillColor=colour, strokeColor=colors.black,
                     strokeWidth=0.4))
        lo, hi = mid - 3.2, mid + 3.2
    elif drawn == "ended":  # ended or lifted: hatched, not solid
        hatched(d, lo, bottom, hi - lo, 9, colour)
    elif drawn == "open end":  # open ends fade in five steps
        for step in range(5):
            frac = step / 5
            seg_a, seg_b = s + (e - s) * frac, s + (e - s) * (frac + 0.2)
            alpha = 1 - frac if style == 4 else frac + 0.2
            d.add(Rect(x(seg_a), bottom, x(seg_b) - x(seg_a), 9, fillColor=colour,
                       fillOpacity=alpha, strokeColor=None))
    else:
        approx = drawn == "approximate"
        d.add(Rect(lo, bottom, hi - lo, 9, fillColor=colour, fillOpacity=0.3 if approx else 1,
                   strokeColor=colour.clone() if approx else colors.black,
                   strokeWidth=0.6 if approx else 0.3,
                   strokeDashArray=[2, 1.5] if approx else None))
    if label:
        lw = text_width(label, NUM_SIZE)
        lx, anchor = (hi + 1.5, "start") if hi + 1.5 + lw <= width else (lo - 1.5, "end")
        for st in label_strings(lx, bottom + 2, label, NUM_SIZE, anchor):
            d.add(st)


def _counts(d: Drawing, tl: Timeline, lane: Lane, top: float, x,  # noqa: ANN001
            axis: tuple[int, int], period: Period) -> None:
    """Records of the lane per period, by their first possible day, the count above; a
    lane of several kinds (an entity's) stacks each kind in its colour."""
    bins = _bins(tl, lane, period)
    totals: Counter = Counter()
    for (key, _kind), n in bins.items():
        totals[key] += n
    most = max(totals.values())
    base = top - AGG_H + 2
    rank = {k: i for i, k in enumerate(KIND_ORDER)}
    for key, total in sorted(totals.items()):
        first, after = period.span(key)
        lo, hi = x(max(first, axis[0])), x(min(after, axis[1]))  # clipped to the axis
        h = 2 + 18 * total / most
        y = base
        parts = sorted(((kind, n) for (k, kind), n in bins.items() if k == key),
                       key=lambda kn: (rank.get(kn[0], len(rank)), kn[0]))
        for kind, n in parts:
            part = h * n / total
            d.add(Rect(lo + 0.3, y, max(hi - lo - 0.6, 0.8), part, strokeColor=None,
                       fillColor=colors.HexColor(KIND_COLOURS.get(kind, "#666666"))))
            y += part
        text = f"{total:,}"
        size = NUM_SIZE
        while size > 3.5 and text_width(text, size) > hi - lo + 2:
            size -= 0.5
        for st in label_strings((lo + hi) / 2, base + h + 1, text, size, "middle"):
            d.add(st)


def _bins(tl: Timeline, lane: Lane, period: Period) -> Counter:
    """(period key, kind) -> records of the lane."""
    bins: Counter = Counter()
    for i in lane.rows:
        r = tl.records[int(tl.rec[i])]
        day = r.start or r.end or date.fromordinal(int(tl.start[i]))
        bins[period.key(day), r.kind] += 1
    return bins


def _caption(tl: Timeline, lanes: list[Lane], left_out: list[Lane], period: Period | None,
             pages: int, nums: dict[tuple[str, int], int]) -> str:
    def what(group: list[Lane]) -> str:
        n = sum(len(ln.rows) for ln in group)
        if len(group) > 4:
            return f"{len(group):,} lanes ({n:,} records)"
        return joined([f"{ln.name} ({len(ln.rows):,} record{'s' if len(ln.rows) != 1 else ''})"
                      for ln in group])

    drawn = [ln for ln in lanes if ln not in left_out]
    counted = [ln for ln in drawn if ln.counted]
    single = [ln for ln in drawn if not ln.counted]
    parts = []
    if counted and period is not None:
        parts.append(f"{what(counted)} are counted "
                     f"per {period.name}, by first possible day (by the last where only it "
                     "is known, as for '2014 or earlier'; the figure above each bar)")
    if single:
        numbered = any(nums.get((tl.records[int(tl.rec[i])].kind,
                                 tl.records[int(tl.rec[i])].id)) is not None
                       for ln in single for i in ln.rows)
        parts.append(f"{what(single)} "
                     "are drawn one by one"
                     + (", numbered as in the chronology table" if numbered else ""))
    text = "; ".join(parts) + "."
    text = text[0].upper() + text[1:]
    if pages > 1:
        text += f" Drawn over {pages} figures."
    if left_out:
        n = sum(len(ln.rows) for ln in left_out)
        text += (f" Not drawn: {len(left_out):,} lane{'s' if len(left_out) != 1 else ''} "
                 f"with {n:,} records ({joined([ln.name for ln in left_out[:3]])}"
                 + (" …" if len(left_out) > 3 else "") + ").")
    if tl.undated:
        text += (f" {tl.undated:,} undated record{'s' if tl.undated != 1 else ''} "
                 f"{'are' if tl.undated != 1 else 'is'} not drawn.")
    return text

