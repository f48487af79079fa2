"""The pieces of a link chart: node and link kinds, citation grades and line styles, the facts
a link or node stands for, and :class:`ChartNode` and :class:`ChartLink` (see
:mod:`casefile.core.chart.model` for the graph that holds them)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

import numpy as np

PARTY_KINDS = ("company", "person", "organisation", "public_body", "vessel", "aircraft",
               "other")
NODE_KINDS = (*PARTY_KINDS, "country", "authority", "event")
LINK_KINDS = ("shipment", "relationship", "sanction", "participation", "shared_event")
ENDED = "ended"  # the sub-kind of a sanction link whose sanctions have all ended or been lifted
STYLES = ("solid", "dashed", "dotted")  # best citation A–B/1–2, cited lower, uncited
STYLE_WORDS = {"solid": "best source graded A–B / 1–2", "dashed": "cited, graded lower",
               "dotted": "not cited"}
CAPTION_CHARS = 30  # the most characters written on a link (ChartLink.short_caption)
CAPTION_ALONG = (0.5, 0.4, 0.6, 0.3, 0.7)  # where on its link a caption may sit, best first
OPEN_FIRST = np.iinfo(np.int64).min  # the day number of an open or unknown start
OPEN_LAST = np.iinfo(np.int64).max


@lru_cache(maxsize=256)
def grade_key(code: str) -> tuple[int, int]:
    """How good an Admiralty code is ('A1' best): reliability letter, then credibility."""
    letter = code[:1].upper() or "F"
    try:
        digit = int(code[1:2])
    except ValueError:
        digit = 6
    return ("ABCDEF".find(letter) if letter in "ABCDEF" else 5, digit)


@lru_cache(maxsize=256)
def strong(code: str) -> bool:
    """Whether a grade is A–B reliability and 1–2 credibility."""
    r, c = grade_key(code)
    return r <= 1 and c <= 2


def better(code: str, than: str) -> bool:
    """Whether citation ``code`` is better than ``than`` (a strong grade first)."""
    return (not strong(code), grade_key(code)) < (not strong(than), grade_key(than))


def best_grade(codes: list[str] | tuple[str, ...]) -> str:
    """The best of some citation codes ('' when there are none): a strong one if any."""
    if not codes:
        return ""
    return min(codes, key=lambda c: (not strong(c), grade_key(c)))


def style_of(codes: list[str] | tuple[str, ...]) -> str:
    """Line style of a link whose facts are cited with ``codes``."""
    if not codes:
        return "dotted"
    return "solid" if strong(best_grade(codes)) else "dashed"


@dataclass(frozen=True, slots=True)
class Fact:
    """One record a link (or node) stands for: its kind and id, a one-line description, its
    first and last day (None when open or unknown) and the codes of its citations, as
    'B2 Politico'."""

    kind: str
    id: int
    text: str
    first: date | None = None
    last: date | None = None
    sources: tuple[str, ...] = ()

    @property
    def codes(self) -> tuple[str, ...]:
        """The Admiralty codes of its citations ('B2'), in order."""
        src = self.sources
        if len(src) == 1:  # the usual case, kept quick: 50,000 facts are read at once
            return (src[0].split(" ", 1)[0],)
        return tuple(s.split(" ", 1)[0] for s in src)


@dataclass
class ChartNode:
    """A node: a party (``record`` = ('entity', id)), a transit country or an authority."""

    key: str  # stable across reads: 'entity:12', 'country:TR', 'authority:OFAC'
    kind: str
    label: str
    record: tuple[str, int] | None = None
    sanctioned: bool = False
    country: str = ""
    sources: tuple[str, ...] = ()
    members: tuple[str, ...] = ()  # a collection node's members (their labels)

    def tooltip(self) -> str:
        kind = self.kind.replace("_", " ")
        lines = [self.label, f"{kind}{' · ' + self.country if self.country else ''}"]
        if self.sanctioned:
            lines.append("sanctioned")
        if self.members:
            lines += [f"• {m}" for m in self.members[:8]]
            if len(self.members) > 8:
                lines.append(f"… and {len(self.members) - 8} more")
            lines.append("(double-click to unfold)")
        if self.sources:
            lines.append("sources: " + "; ".join(self.sources[:6])
                         + (f" … and {len(self.sources) - 6} more" if len(self.sources) > 6
                            else ""))
        return "\n".join(lines)


_PAIR = re.compile(r"^shipment:(entity:\d+)>(entity:\d+)$")


@dataclass
class ChartLink:
    """A link between two nodes (indexes into :attr:`ChartGraph.nodes`), with the facts it
    aggregates. Shipments of one pair are one link with their count, weights, values by
    currency and date span.

    A link read in aggregate (``span`` set: its first and last day as ordinals, OPEN_FIRST /
    OPEN_LAST when open; ``size``: how many records) loads its facts with ``loader`` the
    first time :attr:`facts` is asked for — a tooltip or the editor, not the drawing."""

    key: str
    source: int
    target: int
    kind: str
    label: str
    directed: bool = True
    count: int = 0  # shipments the records stand for (a record may stand for several)
    weight_kg: float | None = None
    values: dict[str, float] = field(default_factory=dict)  # currency -> total
    grade: str = ""  # the best citation code of its facts ('' when none is cited)
    span: tuple[int, int] | None = None
    dated_: bool = False  # (with span) whether any of its records has a date
    size: int = 0  # (with span) how many records it stands for
    loader: Callable[[ChartLink], list[Fact]] | None = field(default=None, repr=False,
                                                              compare=False)
    _facts: list[Fact] | None = field(default=None, repr=False, compare=False)
    # a sanction link whose sanctions have all ended or been lifted (drawn faint); its key
    # says so too ('sanction:ended:…'), but a fold's key holds the label there (case text)
    ended: bool = False

    @property
    def facts(self) -> list[Fact]:
        """The records it stands for (read from the case on first use when aggregated)."""
        if self._facts is None:
            self._facts = self.loader(self) if self.loader is not None else []
        return self._facts

    @property
    def fact_count(self) -> int:
        """How many records it stands for, without reading them."""
        if self._facts is not None:
            return len(self._facts)
        return self.size if self.span is not None else len(self.facts)

    def unread_pair(self) -> tuple[str, str] | None:
        """(shipper key, consignee key) of a pair's link read in aggregate whose shipments
        are not read yet (None otherwise)."""
        if self._facts is not None or self.loader is None or self.span is None:
            return None
        m = _PAIR.match(self.key)
        return None if m is None else (m[1], m[2])

    def add(self, fact: Fact) -> None:
        """Take one more fact (its citations may better the link's grade)."""
        self.facts.append(fact)
        for code in fact.codes:
            if not self.grade or better(code, self.grade):
                self.grade = code

    @property
    def first(self) -> date | None:
        if self.span is not None:
            return None if self.span[0] == OPEN_FIRST else date.fromordinal(self.span[0])
        days = [f.first for f in self.facts]
        return None if not days or None in days else min(d for d in days if d)

    @property
    def last(self) -> date | None:
        if self.span is not None:
            return None if self.span[1] == OPEN_LAST else date.fromordinal(self.span[1])
        days = [f.last for f in self.facts]
        return None if not days or None in days else max(d for d in days if d)

    @property
    def first_day(self) -> int:
        """:attr:`first` as an ordinal (OPEN_FIRST when open)."""
        if self.span is not None:
            return self.span[0]
        return d.toordinal() if (d := self.first) else OPEN_FIRST

    @property
    def last_day(self) -> int:
        if self.span is not None:
            return self.span[1]
        return d.toordinal() if (d := self.last) else OPEN_LAST

    @property
    def dated(self) -> bool:
        if self.span is not None:
            return self.dated_
        return any(f.first or f.last for f in self.facts)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(c for f in self.facts for c in f.codes)

    @property
    def style(self) -> str:
        return "dotted" if not self.grade else "solid" if strong(self.grade) else "dashed"

    def summary(self) -> str:
        """The link's one-line figures: '3 shipments · 12,000 kg · USD 1,200'."""
        parts = [self.label]
        if self.kind == "shipment":
            parts = [f"{self.count:,} shipment{'' if self.count == 1 else 's'}"]
            if self.weight_kg is not None:
                parts.append(f"{self.weight_kg:,.0f} kg")
            parts += [f"{cur or 'value'} {v:,.0f}" for cur, v in sorted(self.values.items())]
            if self.label != "shipments":  # summarised: 'both ways', 'net USD 5 of …'
                parts.insert(1, self.label)
        first, last = self.first, self.last
        if first or last:
            parts.append(f"{first or '…'} – {last or '…'}")
        return " · ".join(parts)

    def caption(self) -> str:
        """The few words written on the link: 'owns', '12 shipments', a sanction's
        programme ('(ended)' after it when its sanctions have all ended)."""
        if self.kind == "shipment" and self.label == "shipments":
            return f"{self.count:,} shipment{'' if self.count == 1 else 's'}"
        return self.label + (" (ended)" if self.ended else "")

    def short_caption(self) -> str:
        """:meth:`caption` in at most :data:`CAPTION_CHARS` characters (cut with '…'), as
        the chart and the dossier write it on the link."""
        text = self.caption()
        return text if len(text) <= CAPTION_CHARS else text[:CAPTION_CHARS - 1] + "…"

    def tooltip(self, nodes: list[ChartNode]) -> str:
        a, b = nodes[self.source].label, nodes[self.target].label
        head = f"{a} {'→' if self.directed else '—'} {b}"
        grade = self.grade
        lines = [head, self.summary(),
                 f"best source: {grade}" if grade else "no source cited"]
        for f in self.facts[:8]:
            lines.append(f"• {f.text}" + (f"  [{', '.join(f.sources)}]" if f.sources else ""))
        if len(self.facts) > 8:
            lines.append(f"… and {len(self.facts) - 8} more")
        return "\n".join(lines)
