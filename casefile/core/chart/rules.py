"""Conditional formatting of a link chart: rules that give the nodes matching an attribute
a colour and/or a size ("sanctioned → red, 1.5×", "country RU → size 2", "links ≥ 10 →
orange"). Rules apply in order; a later rule that matches wins for what it sets. Saved with
the chart (ChartState.rules) as plain dicts."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from casefile.core.chart.model import ChartGraph

ATTRIBUTES = {"kind": "kind is", "country": "country is", "sanctioned": "is sanctioned",
              "links": "has at least N links", "label": "name contains"}
COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")
SIZES = (0.5, 4.0)  # the smallest and largest size a rule may set (× the usual)


@dataclass(frozen=True)
class Rule:
    attribute: str
    value: str = ""
    colour: str = ""  # '#RRGGBB', '' to leave the colour
    size: float = 1.0  # × the usual size (1: leave it)

    def words(self) -> str:
        """'country is RU → #D00000, 1.5×'"""
        what = ATTRIBUTES.get(self.attribute, self.attribute)
        head = what if self.attribute == "sanctioned" else f"{what} {self.value}"
        does = [d for d in (self.colour, f"{self.size:g}×" if self.size != 1 else "") if d]
        return f"{head} → {', '.join(does) or 'nothing'}"

    @classmethod
    def read(cls, raw: Any) -> Rule | None:
        """A rule from its saved dict (None when it is not one)."""
        if not isinstance(raw, dict) or raw.get("attribute") not in ATTRIBUTES:
            return None
        colour = str(raw.get("colour") or "")
        try:
            size = float(raw.get("size", 1.0))
        except (TypeError, ValueError):
            size = 1.0
        return cls(str(raw["attribute"]), str(raw.get("value") or ""),
                   colour if COLOUR.match(colour) else "",
                   min(max(size, SIZES[0]), SIZES[1]) if np.isfinite(size) else 1.0)

    def saved(self) -> dict[str, Any]:
        return asdict(self)


def matches(graph: ChartGraph, rule: Rule) -> np.ndarray:
    """Which nodes a rule picks."""
    nodes = graph.nodes
    n = len(nodes)
    value = rule.value.strip().casefold()
    if rule.attribute == "kind":
        return np.fromiter((nd.kind.replace("_", " ") == value.replace("_", " ")
                            for nd in nodes), bool, n)
    if rule.attribute == "country":
        return np.fromiter((nd.country.casefold() == value for nd in nodes), bool, n)
    if rule.attribute == "sanctioned":
        return np.fromiter((nd.sanctioned for nd in nodes), bool, n)
    if rule.attribute == "label":
        return np.fromiter((bool(value) and value in nd.label.casefold() for nd in nodes),
                           bool, n)
    if rule.attribute == "links":
        try:
            least = int(value)
        except ValueError:
            return np.zeros(n, bool)
        return graph.degree() >= least
    return np.zeros(n, bool)


def formatting(graph: ChartGraph, rules: list[Rule]) -> tuple[list[str], np.ndarray]:
    """Each node's colour ('' for its kind's) and size (× the usual) under ``rules``."""
    colours = [""] * len(graph.nodes)
    sizes = np.ones(len(graph.nodes))
    for rule in rules:
        on = matches(graph, rule)
        if rule.colour:
            for i in np.flatnonzero(on).tolist():
                colours[i] = rule.colour
        if rule.size != 1.0:
            sizes[on] = rule.size
    return colours, sizes
