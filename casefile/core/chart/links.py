"""A chart's links when most of them are shipments aggregated per shipper → consignee pair
and held as arrays (:class:`PairTable`): :class:`LinkList` is a sequence of
:class:`ChartLink` that makes a pair's link object only when it is looked at (a tooltip, the
editor, the PDF's drawn links), so reading 50,000 pairs costs arrays, not objects."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import overload

import numpy as np

from casefile.core.chart.parts import ChartLink, ChartNode, Fact

Loader = Callable[[ChartLink], list[Fact]]


@dataclass
class PairTable:
    """Shipments per shipper → consignee pair, one entry per pair (in order of the pair's
    first shipment): node indexes, records, shipments they stand for, total weight (NaN when
    none is weighed), total value in the pair's one currency (NaN when none; pairs paid in
    several currencies are in ``mixed``), first and last day (ordinals, OPEN_FIRST /
    OPEN_LAST when open), whether any is dated, best citation code and style (index into
    STYLES)."""

    src: np.ndarray
    dst: np.ndarray
    records: np.ndarray
    count: np.ndarray
    weight: np.ndarray
    value: np.ndarray
    currency: list[str]
    first: np.ndarray
    last: np.ndarray
    dated: np.ndarray
    grade: list[str]
    style: np.ndarray
    mixed: dict[int, dict[str, float]] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.src)

    def take(self, keep: np.ndarray) -> PairTable:
        """The pairs marked in ``keep`` (a boolean array), in their order."""
        at = np.flatnonzero(keep)
        new = {int(old): k for k, old in enumerate(at.tolist())}
        return PairTable(
            self.src[at], self.dst[at], self.records[at], self.count[at], self.weight[at],
            self.value[at], [self.currency[i] for i in at.tolist()], self.first[at],
            self.last[at], self.dated[at], [self.grade[i] for i in at.tolist()],
            self.style[at], {new[i]: dict(v) for i, v in self.mixed.items() if i in new})

    def values(self, i: int) -> dict[str, float]:
        if i in self.mixed:
            return dict(self.mixed[i])
        v = float(self.value[i])
        return {} if np.isnan(v) else {self.currency[i]: v}


class LinkList(Sequence[ChartLink]):
    """The pairs' links first (made on first access, then kept), then ``rest`` — links
    built one by one (relationships, sanctions)."""

    def __init__(self, nodes: list[ChartNode], pairs: PairTable, rest: list[ChartLink],
                 loader: Loader) -> None:
        self.nodes, self.pairs, self.rest, self.loader = nodes, pairs, rest, loader
        self._made: dict[int, ChartLink] = {}

    def __len__(self) -> int:
        return len(self.pairs) + len(self.rest)

    @overload
    def __getitem__(self, i: int) -> ChartLink: ...

    @overload
    def __getitem__(self, i: slice) -> list[ChartLink]: ...

    def __getitem__(self, i: int | slice) -> ChartLink | list[ChartLink]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        n = len(self.pairs)
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        if i >= n:
            return self.rest[i - n]
        link = self._made.get(i)
        if link is None:
            link = self._made[i] = self._pair(i)
        return link

    def __iter__(self) -> Iterator[ChartLink]:
        for i in range(len(self)):
            yield self[i]

    def _pair(self, i: int) -> ChartLink:
        p = self.pairs
        a, b = int(p.src[i]), int(p.dst[i])
        weight = float(p.weight[i])
        return ChartLink(
            f"shipment:{self.nodes[a].key}>{self.nodes[b].key}", a, b, "shipment",
            "shipments", True, int(p.count[i]), None if np.isnan(weight) else weight,
            p.values(i), p.grade[i], (int(p.first[i]), int(p.last[i])), bool(p.dated[i]),
            int(p.records[i]), self.loader)

    def without(self, drop: np.ndarray, more: list[ChartLink]) -> LinkList:
        """The same links but those marked in ``drop`` (over the whole list), with
        ``more`` after the rest."""
        n = len(self.pairs)
        rest = [lk for lk, gone in zip(self.rest, drop[n:].tolist(), strict=True) if not gone]
        return LinkList(self.nodes, self.pairs.take(~drop[:n]), rest + more, self.loader)

    def pair_column(self, name: str) -> np.ndarray:
        """One of the pairs' arrays by the name ChartGraph gives it."""
        p = self.pairs
        columns: dict[str, np.ndarray] = {
            "src": p.src, "dst": p.dst, "first": p.first, "last": p.last,
            "style": p.style, "counts": np.maximum(p.count, p.records),
            "link_kinds": np.zeros(len(p), np.int64),  # LINK_KINDS[0], shipment
            "directed": np.ones(len(p), bool)}
        return columns[name]

    def pairs_of(self, found: set[tuple[str, str]], index: dict[str, int]) -> np.ndarray:
        """Which pairs join the nodes of ``found`` ((source key, target key) pairs)."""
        n = max(len(self.nodes), 1)
        want = np.array([index[a] * n + index[b] for a, b in found
                         if a in index and b in index], np.int64)
        return np.isin(self.pairs.src * n + self.pairs.dst, want)


def links_in(links: Sequence[ChartLink]) -> Sequence[ChartLink]:
    """The links built one by one (all of them unless ``links`` is a LinkList)."""
    return links.rest if isinstance(links, LinkList) else links
