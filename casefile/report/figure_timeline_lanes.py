"""How the dossier's timeline figure is laid out, before anything is drawn: where a day
falls, each lane's items stacked on sub-rows with room for their numbers, and which lanes
are counted per period because the items do not fit — and so the period the figure counts
in, which the chronology table of a big case counts its shipments by as well."""

from __future__ import annotations

import heapq
from collections.abc import Callable
from dataclasses import dataclass, field

from casefile.core.timeline import KIND_ORDER, Timeline
from casefile.report.figure_periods import choose_period
from casefile.report.figure_text import text_width

ROW_H = 14.0  # one row of items
AGG_H = 30.0  # one lane of counts per period
LABEL_W = 110.0  # lane names
AXIS_H = 22.0
TOP = 4.0
NUM_SIZE = 5.5
CAPTION_SIZE = 6.5


def chronology_numbers(tl: Timeline) -> dict[tuple[str, int], int]:
    """A number per dated record, in the order a chronology lists them: by first day, then
    kind (shipments, events, sanctions, sources), then id."""
    rank = {k: i for i, k in enumerate(KIND_ORDER)}

    def key(r):  # noqa: ANN001, ANN202
        day = r.start or r.end
        return (day.toordinal() if day else 0, rank.get(r.kind, len(rank)), r.kind, r.id)
    return {(r.kind, r.id): n for n, r in enumerate(sorted(tl.records, key=key), 1)}


@dataclass(eq=False)
class Lane:
    """A lane of the figure: its rows, their places, and whether it is counted."""

    name: str
    rows: list[int]  # row indexes into the timeline arrays
    slots: list[tuple[int, int, str]] = field(default_factory=list)  # (row, sub-row, label)
    sub_rows: int = 0
    counted: bool = False

    @property
    def height(self) -> float:
        return AGG_H if self.counted else max(self.sub_rows, 1) * ROW_H


def counting_period(tl: Timeline, width: float, max_height: float = 600.0,
                    caption_in_drawing: bool = False) -> str | None:
    """The ``period`` of the timeline figure drawn with the same arguments and its own
    numbers (the period it counts its tallest lanes in; None when it draws every record
    singly or nothing is dated), found by fitting the lanes, without drawing anything."""
    if not len(tl) or tl.first is None or tl.last is None:
        return None
    a, b, plot_w, x = axis(tl, width)
    budget = lane_budget(max_height, 3 if caption_in_drawing else 0)
    lanes = fitted_lanes(tl, x, chronology_numbers(tl), width, max_height, budget)
    return choose_period(a, b, plot_w).name if any(ln.counted for ln in lanes) else None


def axis(tl: Timeline, width: float) -> tuple[int, int, float, Callable[[float], float]]:
    """The days the axis runs over (a few either side of the records), the plot's width,
    and where a day is drawn."""
    assert tl.first is not None and tl.last is not None
    a, b = tl.first.toordinal() - 15, tl.last.toordinal() + 16
    plot_w = width - LABEL_W - 6

    def x(ordinal: float) -> float:
        return LABEL_W + (ordinal - a) / (b - a) * plot_w
    return a, b, plot_w, x


def lane_budget(max_height: float, caption_lines: int) -> float:
    """The height the lanes may take."""
    return max_height - AXIS_H - TOP - caption_lines * (CAPTION_SIZE + 2)


def fitted_lanes(tl: Timeline, x: Callable[[float], float], nums: dict[tuple[str, int], int],
            width: float, max_height: float, budget: float) -> list[Lane]:
    """The lanes, the tallest counted per period until the rest fit ``budget``."""
    lanes = stacked_lanes(tl, x, nums, width, int(max_height / ROW_H) + 1)
    for lane in sorted(lanes, key=lambda ln: -ln.height):  # count the tallest lanes first
        if sum(ln.height for ln in lanes) <= budget or lane.height <= AGG_H:
            break  # it fits, or counting would save no room: tile instead
        lane.counted = True
    return lanes


def stacked_lanes(tl: Timeline, x, nums: dict[tuple[str, int], int],  # noqa: ANN001
           width: float, most: int) -> list[Lane]:
    """Each lane's items stacked on sub-rows so that neither bars nor their number labels
    overlap (in points, not days: a label needs room too). A lane needing more than
    ``most`` sub-rows stops there: it cannot be drawn item by item anyway."""
    by_lane: dict[int, list[int]] = {}
    for i in range(len(tl)):
        by_lane.setdefault(int(tl.lane[i]), []).append(i)
    out = []
    for lane_i, name in enumerate(tl.lanes):
        rows = sorted(by_lane.get(lane_i, []), key=lambda i: (int(tl.start[i]), i))
        lane = Lane(name, rows)
        free: list[tuple[float, int]] = []  # (right edge, sub-row), the leftmost first
        for i in rows:
            rec = tl.records[int(tl.rec[i])]
            n = nums.get((rec.kind, rec.id))
            label = str(n) if n is not None else ""
            lo, hi = x(int(tl.start[i])), max(x(int(tl.end[i]) + 1), x(int(tl.start[i])) + 1.2)
            if int(tl.style[i]) == 0:
                mid = x(int(tl.start[i]) + 0.5)
                lo, hi = mid - 3.2, mid + 3.2
            lw = text_width(label, NUM_SIZE) + 1.5 if label else 0.0
            lo, hi = (lo, hi + lw) if hi + lw <= width else (lo - lw, hi)
            if free and free[0][0] + 1.5 < lo:
                slot = heapq.heapreplace(free, (hi, free[0][1]))[1]
            else:
                slot = lane.sub_rows
                lane.sub_rows += 1
                heapq.heappush(free, (hi, slot))
                if lane.sub_rows > most:
                    break
            lane.slots.append((i, slot, label))
        out.append(lane)
    return out
