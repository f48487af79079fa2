"""How shipments between the same two parties are summarised on the chart — the link
multiplicity of i2 Analyst's Notebook ("Link Summarization" in i2 Analyze's charting schemes):

- **directed**: one link per direction (A → B and B → A apart), the default;
- **single**: one link per pair, both directions merged ("both ways", without an arrow);
- **flow**: one link per pair pointing the way the goods went on balance — the net of their
  value when both ways are valued in one currency, else of their weight when both ways
  have one, else of the number of shipments;
- **multiple**: one link per shipment record, drawn side by side (core.chart.fan). This one
  is made as the case's facts are read (``ChartBuilder(per_record=True)``: records one by
  one, not per pair in arrays, so a case of 50,000 shipments opens slower); :func:`summarised`
  leaves it as it is.

A pair shipping one way only, with one record, is one link in every mode."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from casefile.core.chart.links import LinkList
from casefile.core.chart.model import LINK_KINDS, ChartGraph, ChartLink, better

MULTIPLICITY = {"directed": "Shipments: one link per direction",
                "single": "Shipments: one link per pair",
                "flow": "Shipments: net flow per pair",
                "multiple": "Shipments: one link per record"}


def summarised(graph: ChartGraph, how: str) -> ChartGraph:
    """``graph`` with the shipments of pairs that ship both ways summarised ``how``."""
    if how not in ("single", "flow") or not len(graph.links):
        return graph
    n = max(len(graph.nodes), 1)
    src, dst = graph.src, graph.dst
    ship = graph.link_kinds == LINK_KINDS.index("shipment")
    at = np.flatnonzero(ship)
    keys = src[at] * n + dst[at]
    order = np.argsort(keys, kind="stable")
    sorted_keys = keys[order]
    back = dst[at] * n + src[at]
    pos = np.minimum(np.searchsorted(sorted_keys, back), max(len(at) - 1, 0))
    found = (sorted_keys[pos] == back) & (src[at] != dst[at]) if len(at) else pos > 0
    one = at[found & (src[at] < dst[at])]
    other = at[order[pos[found & (src[at] < dst[at])]]]
    if not len(one):
        return graph
    merged = [merge(graph.links[i], graph.links[j], graph.nodes[int(src[i])].key,
                    graph.nodes[int(dst[i])].key, how)
              for i, j in zip(one.tolist(), other.tolist(), strict=True)]
    drop = np.zeros(len(graph.links), bool)
    drop[one] = drop[other] = True
    links: Sequence[ChartLink]
    if isinstance(graph.links, LinkList):
        links = graph.links.without(drop, merged)
    else:
        links = [lk for lk, gone in zip(graph.links, drop.tolist(), strict=True)
                 if not gone] + merged
    return ChartGraph(graph.nodes, links, dict(graph.left_out), graph.locate)


def _measure(a: ChartLink, b: ChartLink) -> tuple[float, float, str]:
    """The two directions' totals the flow is reckoned in, and its unit."""
    currencies = set(a.values) | set(b.values)
    if a.values and b.values and len(currencies) == 1:
        (cur,) = currencies
        return a.values[cur], b.values[cur], cur or "value"
    if a.weight_kg is not None and b.weight_kg is not None:
        return a.weight_kg, b.weight_kg, "kg"
    return float(a.count), float(b.count), "shipments"


def _amount(x: float, unit: str) -> str:
    return f"{x:,.0f} {unit}" if unit in ("kg", "shipments") else f"{unit} {x:,.0f}"


def merge(a: ChartLink, b: ChartLink, low: str, high: str, how: str) -> ChartLink:
    """One link for the shipments ``a`` (from node ``low`` to ``high``) and ``b`` (back)."""
    grade = a.grade if not b.grade or (a.grade and better(a.grade, b.grade)) else b.grade
    weights = [w for w in (a.weight_kg, b.weight_kg) if w is not None]
    values = dict(a.values)
    for cur, v in b.values.items():
        values[cur] = values.get(cur, 0.0) + v
    source, target, directed, label = a.source, a.target, False, "both ways"
    if how == "flow":
        out, home, unit = _measure(a, b)
        if out != home:
            directed = True
            if home > out:
                source, target = b.source, b.target
        label = (f"net {_amount(abs(out - home), unit)} of {_amount(out + home, unit)} "
                 "both ways" if directed else f"balanced: {_amount(out, unit)} each way")
    return ChartLink(
        f"shipment:{low}<>{high}", source, target, "shipment", label, directed,
        a.count + b.count, sum(weights) if weights else None, values, grade,
        (min(a.first_day, b.first_day), max(a.last_day, b.last_day)), a.dated or b.dated,
        a.fact_count + b.fact_count, lambda _link: a.facts + b.facts)
