"""The link chart as plain data: nodes (parties, and optionally transit countries and
sanctioning authorities) and links (shipments aggregated per shipper → consignee pair,
relationships, sanctions), each link with the facts it stands for, their dates and their best
citation grade. Computed once, without Qt, for the GUI and the PDF.

Arrays on :class:`ChartGraph` (``src``, ``dst``, ``first``, ``last``, ``style``) let views
filter and draw tens of thousands of links without touching the objects."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

import numpy as np

from casefile.core.chart.links import LinkList, links_in
from casefile.core.chart.parts import (
    LINK_KINDS,
    NODE_KINDS,
    OPEN_FIRST,
    OPEN_LAST,
    PARTY_KINDS,
    STYLE_WORDS,
    STYLES,
    ChartLink,
    ChartNode,
    Fact,
    best_grade,
    better,
    grade_key,
    strong,
    style_of,
)

__all__ = ["LINK_KINDS", "NODE_KINDS", "OPEN_FIRST", "OPEN_LAST", "PARTY_KINDS", "STYLES",
           "STYLE_WORDS", "ChartGraph", "ChartLink", "ChartNode", "Fact", "best_grade",
           "better", "grade_key", "strong", "style_of"]


@dataclass
class ChartGraph:
    """Nodes and links of a chart, with arrays for fast filtering and drawing. ``left_out``
    counts what the chart could not draw (a shipment without a shipper, say), by reason."""

    nodes: list[ChartNode]
    links: Sequence[ChartLink]  # a list, or a LinkList of pairs read as arrays
    left_out: dict[str, int] = field(default_factory=dict)
    # (source key, target key) of the pairs that stand for any of some records (set by the
    # reader that made the LinkList, which knows where their facts are)
    locate: Callable[[set[tuple[str, int]]], set[tuple[str, str]]] | None = field(
        default=None, repr=False)

    @cached_property
    def index(self) -> dict[str, int]:
        """Node key -> index."""
        return {n.key: i for i, n in enumerate(self.nodes)}

    def _column(self, name: str, value: Callable[[ChartLink], object],
                dtype: type) -> np.ndarray:
        links = self.links
        if isinstance(links, LinkList):
            head: np.ndarray = links.pair_column(name).astype(dtype, copy=False)
            tail: np.ndarray = np.fromiter((value(lk) for lk in links.rest), dtype, len(links.rest))
            return np.concatenate([head, tail])
        return np.fromiter((value(lk) for lk in links), dtype, len(links))

    @cached_property
    def src(self) -> np.ndarray:
        return self._column("src", lambda lk: lk.source, np.int64)

    @cached_property
    def dst(self) -> np.ndarray:
        return self._column("dst", lambda lk: lk.target, np.int64)

    @cached_property
    def first(self) -> np.ndarray:
        """Each link's first day (date ordinal; OPEN_FIRST when open or undated)."""
        return self._column("first", lambda lk: lk.first_day, np.int64)

    @cached_property
    def last(self) -> np.ndarray:
        return self._column("last", lambda lk: lk.last_day, np.int64)

    @cached_property
    def style(self) -> np.ndarray:
        """Each link's style as an index into STYLES."""
        return self._column("style", lambda lk: STYLES.index(lk.style), np.int8)

    @cached_property
    def link_kinds(self) -> np.ndarray:
        """Each link's kind as an index into LINK_KINDS."""
        return self._column("link_kinds", lambda lk: LINK_KINDS.index(lk.kind), np.int64)

    @cached_property
    def counts(self) -> np.ndarray:
        """How many shipments (or records) each link stands for."""
        return self._column("counts", lambda lk: max(lk.count, lk.fact_count), np.int64)

    @cached_property
    def directed(self) -> np.ndarray:
        return self._column("directed", lambda lk: lk.directed, np.bool_)

    @cached_property
    def kind_codes(self) -> np.ndarray:
        """Each node's kind as an index into NODE_KINDS."""
        return np.fromiter((NODE_KINDS.index(n.kind) if n.kind in NODE_KINDS else
                            NODE_KINDS.index("other") for n in self.nodes), np.int8,
                           len(self.nodes))

    def warm(self) -> ChartGraph:
        """Compute the arrays now (on a worker, so the GUI thread finds them ready)."""
        for name in ("index", "src", "dst", "first", "last", "style", "kind_codes",
                     "link_kinds", "counts", "directed"):
            getattr(self, name)
        return self

    def active(self, first: date | None, last: date | None) -> np.ndarray:
        """Which links were active at some time between ``first`` and ``last`` (either may
        be None: open). A link without any date is kept: nothing says it was not."""
        a = first.toordinal() if first else OPEN_FIRST
        b = last.toordinal() if last else OPEN_LAST
        return (self.first <= b) & (self.last >= a)

    def links_of(self, records: set[tuple[str, int]]) -> np.ndarray:
        """Which links stand for any of ``records`` ((kind, id) pairs), without reading the
        facts of aggregated links."""
        if not records:
            return np.zeros(len(self.links), bool)
        found = self.locate(records) if self.locate is not None else set()

        def has(lk: ChartLink) -> bool:
            pair = lk.unread_pair()  # a pair's shipments not read yet: found without them
            if pair is not None and self.locate is not None:
                return pair in found
            return any((f.kind, f.id) in records for f in lk.facts)
        rest = links_in(self.links)
        tail = np.fromiter((has(lk) for lk in rest), bool, len(rest))
        if not isinstance(self.links, LinkList):
            return tail
        return np.concatenate([self.links.pairs_of(found, self.index), tail])

    def nodes_touched(self, links: np.ndarray) -> np.ndarray:
        """Which nodes an (boolean) selection of links touches."""
        out = np.zeros(len(self.nodes), bool)
        out[self.src[links]] = True
        out[self.dst[links]] = True
        return out

    def degree(self) -> np.ndarray:
        return (np.bincount(self.src, minlength=len(self.nodes))
                + np.bincount(self.dst, minlength=len(self.nodes)))
