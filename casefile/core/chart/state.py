"""A saved chart's state — which layout, where each node is, which are pinned or hidden, the
date window and whether transit countries are drawn — as JSON that round-trips exactly
(Python writes the shortest text that reads back as the same float), and :func:`place` and
:func:`arrange`, which give every node of a graph its position."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np

from casefile.core.chart.layered import hierarchical_layout
from casefile.core.chart.layout import force_layout, iterations_for, packed_force_layout
from casefile.core.chart.model import ChartGraph
from casefile.core.chart.rings import circular_layout, radial_layout
from casefile.core.chart.summary import MULTIPLICITY

LAYOUTS = {"force": "Organic (force-directed)", "hierarchical": "Hierarchical (in levels)",
           "circular": "Circular by kind", "radial": "Radial around a party"}
VERSION = 1


@dataclass
class ChartState:
    """What a saved chart keeps besides the case's facts."""

    layout: str = "force"
    seed: int = 0
    centre: str | None = None  # the node key a radial layout is around
    positions: dict[str, tuple[float, float]] = field(default_factory=dict)
    pinned: set[str] = field(default_factory=set)
    hidden: set[str] = field(default_factory=set)
    waypoints: bool = False
    events: bool = False  # events as nodes, linked to the parties that took part
    shared: bool = False  # parties linked to each other through the events they shared
    multiplicity: str = "directed"  # shipments of a pair: per direction, single, flow
    first: date | None = None  # the date window (either end open when None)
    last: date | None = None
    scope: set[str] | None = None  # the nodes a chart of part of the case shows (None: all)
    folds: dict[str, list[str]] = field(default_factory=dict)  # collection key -> members
    rules: list[dict[str, Any]] = field(default_factory=list)  # formatting (core.chart.rules)

    def to_json(self) -> str:
        return json.dumps({
            "version": VERSION, "layout": self.layout, "seed": self.seed,
            "centre": self.centre, "waypoints": self.waypoints, "events": self.events,
            "shared": self.shared, "multiplicity": self.multiplicity,
            "first": self.first.isoformat() if self.first else None,
            "last": self.last.isoformat() if self.last else None,
            "pinned": sorted(self.pinned), "hidden": sorted(self.hidden),
            "positions": {k: [x, y] for k, (x, y) in sorted(self.positions.items())},
            "scope": None if self.scope is None else sorted(self.scope),
            "folds": {k: sorted(v) for k, v in sorted(self.folds.items())},
            "rules": self.rules,
        }, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str | None) -> ChartState:
        """The state a chart row holds; an empty or unreadable one gives a fresh state
        (the chart is then laid out anew, nothing else depends on it)."""
        try:
            raw: Any = json.loads(text or "{}")
        except ValueError:
            raw = {}
        if not isinstance(raw, dict):
            raw = {}

        def day(v: Any) -> date | None:
            try:
                return date.fromisoformat(v) if isinstance(v, str) else None
            except ValueError:
                return None
        pos = raw.get("positions") if isinstance(raw.get("positions"), dict) else {}
        return cls(
            layout=str(raw.get("layout") or "force") if raw.get("layout") in LAYOUTS
            else "force",
            seed=int(raw.get("seed") or 0) if isinstance(raw.get("seed"), int) else 0,
            centre=raw.get("centre") if isinstance(raw.get("centre"), str) else None,
            positions={str(k): (float(v[0]), float(v[1])) for k, v in pos.items()
                       if isinstance(v, list) and len(v) == 2},
            pinned={str(k) for k in raw.get("pinned") or [] if isinstance(k, str)},
            hidden={str(k) for k in raw.get("hidden") or [] if isinstance(k, str)},
            waypoints=bool(raw.get("waypoints")), events=bool(raw.get("events")),
            shared=bool(raw.get("shared")),
            multiplicity=raw["multiplicity"] if raw.get("multiplicity") in MULTIPLICITY
            else "directed",
            first=day(raw.get("first")),
            last=day(raw.get("last")),
            scope={str(k) for k in raw["scope"] if isinstance(k, str)}
            if isinstance(raw.get("scope"), list) else None,
            folds={str(k): sorted({str(m) for m in v if isinstance(m, str)})
                   for k, v in (raw.get("folds") if isinstance(raw.get("folds"), dict)
                                else {}).items() if isinstance(v, list)},
            rules=[r for r in raw.get("rules") or [] if isinstance(r, dict)]
            if isinstance(raw.get("rules"), list) else [])

    def remember(self, graph: ChartGraph, pos: np.ndarray) -> None:
        """Keep the positions of every node of ``graph`` (others keep theirs)."""
        for node, (x, y) in zip(graph.nodes, pos.tolist(), strict=True):
            self.positions[node.key] = (x, y)


def _known(graph: ChartGraph, state: ChartState) -> tuple[np.ndarray, np.ndarray]:
    init = np.full((len(graph.nodes), 2), np.nan)
    for i, node in enumerate(graph.nodes):
        p = state.positions.get(node.key)
        if p is not None:
            init[i] = p
    return init, ~np.isnan(init).any(axis=1)


def arrange(graph: ChartGraph, state: ChartState, layout: str | None = None,
            progress: Callable[[int, int], None] | None = None,
            aspect: float = 1.0) -> np.ndarray:
    """Lay the whole graph out anew with ``layout`` (the state's by default); pinned nodes
    that have a position stay where they are. ``aspect``: width over height of the view to
    fill (every layout shapes the chart to it: core.chart.shape)."""
    layout = layout or state.layout
    n = len(graph.nodes)
    init, known = _known(graph, state)
    pinned = known & np.fromiter((nd.key in state.pinned for nd in graph.nodes), bool, n)
    if layout == "hierarchical":
        return hierarchical_layout(n, graph.src, graph.dst, init=init, fixed=pinned,
                                   aspect=aspect)
    if layout == "circular":
        return circular_layout(graph.kind_codes, [nd.label for nd in graph.nodes],
                               init=init, fixed=pinned, aspect=aspect)
    if layout == "radial":
        centre = graph.index.get(state.centre or "", None)
        if centre is None:
            deg = graph.degree()
            centre = int(np.argmax(deg)) if n else 0
        return radial_layout(n, graph.src, graph.dst, centre,
                             [nd.label for nd in graph.nodes], init=init, fixed=pinned,
                             aspect=aspect)
    if not pinned.any():
        return packed_force_layout(n, graph.src, graph.dst, seed=state.seed,
                                   progress=progress, aspect=aspect)
    start = np.where(pinned[:, None], init, np.nan)
    return force_layout(n, graph.src, graph.dst, seed=state.seed, init=start, fixed=pinned,
                        iterations=iterations_for(n), progress=progress)


def place(graph: ChartGraph, state: ChartState,
          progress: Callable[[int, int], None] | None = None,
          aspect: float = 1.0) -> np.ndarray:
    """Every node's position: where the state keeps it; nodes new since it was saved are
    placed by the force layout around the others (which stay put). A state with no
    positions at all is laid out with its layout."""
    init, known = _known(graph, state)
    if known.all():
        return init
    if not known.any():
        return arrange(graph, state, progress=progress, aspect=aspect)
    return force_layout(len(graph.nodes), graph.src, graph.dst, seed=state.seed, init=init,
                        fixed=known, iterations=iterations_for(int((~known).sum())),
                        progress=progress)
