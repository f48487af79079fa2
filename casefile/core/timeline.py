"""What a timeline draws, computed once for the GUI and the PDF dossier.

From dated records (shipments, events, sanctions, optionally source publications) this builds
rows: the lane each sits in (by kind, entity, country or tag), its first and last day, whether
it is a point (one exact day) or a span, whether either end is open, and whether the date is
approximate or uncertain. A record in several lanes (a shipment in its shipper's and its
consignee's lane) gives one row per lane.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property

import numpy as np

GROUPINGS = ("kind", "entity", "country", "tag")
KIND_ORDER = ("shipment", "event", "sanction", "relationship", "source")
KIND_LANES = {"shipment": "Shipments", "event": "Events", "sanction": "Sanctions",
              "relationship": "Relationships", "source": "Sources published"}
# Okabe–Ito colours: distinguishable for colour-blind readers and in greyscale print,
# each kind also has its own marker shape.
KIND_COLOURS = {"shipment": "#0072B2", "event": "#E69F00", "sanction": "#D55E00",
                "relationship": "#CC79A7", "source": "#009E73"}
KIND_SYMBOLS = {"shipment": "d", "event": "o", "sanction": "s", "relationship": "h",
                "source": "t"}
OPEN_REACH = timedelta(days=180)  # an open end is drawn at least this far (fading out)


@dataclass(frozen=True, slots=True)  # slots: 100k of them for a big case
class TimelineRecord:
    """One dated record, as read from the case."""

    kind: str
    id: int
    label: str
    date_text: str
    edtf: str
    start: date | None
    end: date | None
    approximate: bool = False
    uncertain: bool = False
    parties: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()  # "B2 Politico report", for tooltips
    standing: str = ""  # a sanction's: "in force", "ended 2024-10-30", "lifted …"

    @property
    def vague(self) -> bool:
        """Drawn hatched, as not every day of its bar is the record's: approximate,
        uncertain, one of several dates ('[2019,2020]') or with digits unspecified
        ('2019-XX-12'); review: these were solid bars like a span of both years."""
        return (self.approximate or self.uncertain or self.edtf.startswith("[")
                or "X" in self.edtf)

    @property
    def ended(self) -> bool:
        """A sanction that has ended or was lifted (core.sanctions.standing's words)."""
        return self.standing.startswith(("ended", "lifted"))


@dataclass(slots=True)
class TimelineRow:
    record: TimelineRecord
    lane: int
    y: int  # the row it is drawn on: overlapping items of one lane stack on rows of their own
    start: date  # drawn from (an open start from the timeline's first date, or OPEN_REACH
    # before its end when that is earlier)
    end: date  # drawn to, inclusive
    open_start: bool
    open_end: bool

    @property
    def is_point(self) -> bool:
        return self.start == self.end and not (self.open_start or self.open_end)

    @property
    def style(self) -> str:
        """point, span, approx (approximate or uncertain span), open_start, open_end."""
        if self.open_start:
            return "open_start"
        if self.open_end:
            return "open_end"
        if self.is_point:
            return "point"
        return "approx" if self.record.vague else "span"

    def tooltip(self) -> str:
        r = self.record
        lines = [r.label, f"Date as given: {r.date_text}", f"Understood as: "
                 f"{'…' if self.open_start else self.start.isoformat()} – "
                 f"{'…' if self.open_end else self.end.isoformat()}  ({r.edtf})"]
        if r.vague:
            lines.append("Approximate" if r.approximate else "Uncertain" if r.uncertain
                         else "One of these dates" if r.edtf.startswith("[")
                         else "Some of its digits unspecified")
        if r.standing:
            lines.append(f"Status: {r.standing}")
        if r.parties:
            lines.append("Parties: " + ", ".join(r.parties))
        if r.sources:
            lines.append("Sources: " + "; ".join(r.sources))
        return "\n".join(lines)


STYLES = ("point", "span", "approx", "open_start", "open_end")


@dataclass
class Timeline:
    """Rows as arrays (what the GUI draws from) over the dated records; ``rows`` gives the
    same as objects for the dossier and for tests."""

    lanes: list[str]
    records: list[TimelineRecord]
    rec: np.ndarray  # per row: index into records
    lane: np.ndarray
    y: np.ndarray  # drawing row: overlapping items of one lane stack on rows of their own
    start: np.ndarray  # first day drawn, as a date ordinal
    end: np.ndarray  # last day drawn (inclusive), as a date ordinal
    style: np.ndarray  # index into STYLES
    lane_y: list[int] = field(default_factory=list)  # first drawing row of each lane
    height: int = 0  # drawing rows in all
    undated: int = 0  # records left out because they carry no date
    first: date | None = None
    last: date | None = None
    kinds: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.rec)

    def row(self, i: int) -> TimelineRow:
        s = int(self.style[i])
        return TimelineRow(self.records[int(self.rec[i])], int(self.lane[i]), int(self.y[i]),
                           date.fromordinal(int(self.start[i])),
                           date.fromordinal(int(self.end[i])), s == 3, s == 4)

    @cached_property
    def rows(self) -> list[TimelineRow]:
        return [self.row(i) for i in range(len(self.rec))]

    @cached_property
    def kind_codes(self) -> np.ndarray:
        """Per row: the record's kind."""
        kinds = np.array([r.kind for r in self.records], dtype=object)
        return kinds[self.rec] if len(self.rec) else np.zeros(0, dtype=object)

    def indexes_of(self, keys: list[tuple[str, int]]) -> np.ndarray:
        """Row indexes of the given (kind, id) records."""
        wanted = set(keys)
        hit = np.fromiter(((r.kind, r.id) in wanted for r in self.records), bool,
                          len(self.records))
        return np.nonzero(hit[self.rec])[0] if len(self.rec) else np.zeros(0, dtype=int)


def _lanes_of(rec: TimelineRecord, group_by: str) -> list[str]:
    if group_by == "kind":
        return [KIND_LANES.get(rec.kind, rec.kind)]
    values = {"entity": rec.parties, "country": rec.countries, "tag": rec.tags}[group_by]
    seen: list[str] = []
    for v in values:
        if v and v not in seen:
            seen.append(v)
    return seen or [f"(no {group_by})"]


def build_timeline(records: list[TimelineRecord], group_by: str = "kind",
                   until: date | None = None) -> Timeline:
    """Rows to draw, one per record and lane, sorted by start within each lane. With
    ``until`` (a printed chronology's day of export) an open end runs on to that day at
    least: a sanction in force is in force today, not until the case's last dated record
    (look28: a party's dossier drew its in-force sanctions ending in 2023)."""
    if group_by not in GROUPINGS:
        raise ValueError(f"Group the timeline by one of {', '.join(GROUPINGS)}, "
                         f"not {group_by!r}")
    dated = [r for r in records if r.start is not None or r.end is not None]
    undated = len(records) - len(dated)
    present = {r.kind for r in dated}
    if group_by == "kind":
        lane_names = [KIND_LANES[k] for k in KIND_ORDER if k in present]
        lane_names += sorted({KIND_LANES.get(k, k) for k in present} - set(lane_names))
    else:
        lane_names = sorted({n for r in dated for n in _lanes_of(r, group_by)},
                            key=lambda n: (n.startswith("(no "), n.casefold()))
    lane_index = {n: i for i, n in enumerate(lane_names)}
    if group_by == "kind":
        rec_i = np.arange(len(dated))
        lanes = np.fromiter((lane_index[KIND_LANES.get(r.kind, r.kind)] for r in dated), int,
                            len(dated))
    else:
        pairs = [(i, lane_index[n]) for i, r in enumerate(dated) for n in _lanes_of(r, group_by)]
        rec_i = np.fromiter((p[0] for p in pairs), int, len(pairs))
        lanes = np.fromiter((p[1] for p in pairs), int, len(pairs))
    reach = OPEN_REACH.days
    s0 = np.fromiter((r.start.toordinal() if r.start else -1 for r in dated), int, len(dated))
    e0 = np.fromiter((r.end.toordinal() if r.end else -1 for r in dated), int, len(dated))
    approx = np.fromiter((r.vague for r in dated), bool, len(dated))
    open_s, open_e = s0 < 0, e0 < 0
    # an open end runs on to the last date the timeline holds (a sanction still in force is
    # drawn in force to the end of the chart), an open start from its first; at least
    # OPEN_REACH either way, fading out
    known = np.concatenate([s0[~open_s], e0[~open_e]])
    earliest, latest = (int(known.min()), int(known.max())) if len(known) else (0, 0)
    if until is not None and open_e.any():
        latest = max(latest, until.toordinal())
    s0 = np.where(open_s, np.minimum(e0 - reach, earliest), s0)
    e0 = np.where(open_e, np.maximum(s0 + reach, latest), e0)
    style = np.where(open_s, 3, np.where(open_e, 4, np.where(s0 == e0, 0,
                                                             np.where(approx, 2, 1))))
    ids = np.fromiter((r.id for r in dated), int, len(dated))
    start, end, sty = s0[rec_i], e0[rec_i], style[rec_i]
    order = np.lexsort((ids[rec_i], end, start, lanes))
    rec_i, lanes, start, end, sty = (a[order] for a in (rec_i, lanes, start, end, sty))
    slots, lane_y, height = _stack(lanes, start, end, len(lane_names))
    y = np.asarray(lane_y, dtype=int)[lanes] + slots if len(lanes) else slots
    first = date.fromordinal(int(start.min())) if len(start) else None
    last = date.fromordinal(int(end.max())) if len(end) else None
    return Timeline(lane_names, dated, rec_i, lanes, y, start, end, sty, lane_y, height,
                    undated, first, last, [k for k in KIND_ORDER if k in present])


def _stack(lanes: np.ndarray, start: np.ndarray, end: np.ndarray,
           n_lanes: int) -> tuple[np.ndarray, list[int], int]:
    """Give each item of a lane a sub-row where it does not overlap another (items come
    sorted by lane and start; a heap of sub-rows by their last end), then lay the lanes out
    one below the other."""
    slots = np.zeros(len(lanes), dtype=int)
    count = [0] * n_lanes
    heaps: list[list[tuple[int, int]]] = [[] for _ in range(n_lanes)]
    push, replace = heapq.heappush, heapq.heapreplace
    for i, (lane, a, b) in enumerate(zip(lanes.tolist(), start.tolist(), end.tolist(),
                                         strict=True)):
        heap = heaps[lane]
        if heap and heap[0][0] < a:
            slots[i] = replace(heap, (b, heap[0][1]))[1]
        else:
            slots[i] = count[lane]
            count[lane] += 1
            push(heap, (b, slots[i]))
    lane_y, y = [], 0
    for lane in range(n_lanes):
        lane_y.append(y)
        y += max(count[lane], 1)
    return slots, lane_y, y
