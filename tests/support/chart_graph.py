"""A synthetic link chart for tests and benchmarks: parties of every kind in loose clusters,
shipments (aggregated per pair by the builder), relationships and sanctions, with dates and
citation grades spread over a few years."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np

from casefile.core.chart.build import ChartBuilder
from casefile.core.chart.model import PARTY_KINDS, ChartGraph

GRADES = ("A1", "B2", "C3", "F6", "B1", "D4")


def synthetic_graph(nodes: int = 10_000, links: int = 50_000, seed: int = 0) -> ChartGraph:
    """About ``links`` links between ``nodes`` parties (most links inside clusters of ~50)."""
    rng = np.random.default_rng(seed)
    b = ChartBuilder()
    kinds = rng.integers(0, len(PARTY_KINDS), nodes)
    for i in range(nodes):
        b.party(i, f"Party {i}", PARTY_KINDS[int(kinds[i])], "RU" if i % 3 else "CN")
    cluster = 50
    base = date(2020, 1, 1)
    made = 0
    rid = 0
    while made < links:
        a = int(rng.integers(0, nodes))
        if rng.random() < 0.85:
            c = (a // cluster) * cluster + int(rng.integers(0, cluster))
        else:
            c = int(rng.integers(0, nodes))
        c = min(c, nodes - 1)
        if a == c:
            continue
        rid += 1
        first = base + timedelta(days=int(rng.integers(0, 1500)))
        last = first + timedelta(days=int(rng.integers(0, 120)))
        grade = GRADES[int(rng.integers(0, len(GRADES) + 1)) % len(GRADES)]
        sources = () if rng.random() < 0.2 else (f"{grade} Source {rid % 97}",)
        r = rng.random()
        if r < 0.7:
            b.shipment(rid, a, c, f"goods {rid}", first, last, weight_kg=float(rid % 500),
                       value=float(rid % 900), currency="USD", sources=sources)
        elif r < 0.95:
            b.relationship(rid, a, c, ("owns", "supplies", "director_of")[rid % 3],
                           first=first, last=None, sources=sources)
        else:
            b.sanction(rid, c, ("OFAC", "EU", "UK")[rid % 3], "programme", first, None,
                       sources)
        made += 1
    return b.graph()
