"""Collection nodes: many leaves of one kind hanging off one node (parties linked to nothing
else) folded into one node — "12 companies" — whose links to that node stand for all of
theirs (counts summed, the best grade, the widest dates, the facts of all). A chart state's
``folds`` maps each collection's key ('fold:entity:1:company') to its members' keys."""

from __future__ import annotations

from dataclasses import replace

from casefile.core.chart.model import OPEN_FIRST, ChartGraph, ChartLink, ChartNode, better
from casefile.core.chart.parts import ENDED

PLURAL = {"company": "companies", "person": "people", "organisation": "organisations",
          "public_body": "public bodies", "vessel": "vessels", "aircraft": "aircraft",
          "other": "others", "country": "countries", "authority": "authorities"}
PREFIX = "fold:"


def fold_key(centre: str, kind: str) -> str:
    return f"{PREFIX}{centre}:{kind}"


def leaves(graph: ChartGraph, node: int) -> dict[str, list[str]]:
    """The leaves hanging off ``node`` (nodes whose every link goes to it), by kind — the
    kinds with at least two (one leaf is no collection). Collections are not folded again."""
    near: dict[int, set[int]] = {}
    for a, b in zip(graph.src.tolist(), graph.dst.tolist(), strict=True):
        if a != b:
            near.setdefault(a, set()).add(b)
            near.setdefault(b, set()).add(a)
    out: dict[str, list[str]] = {}
    for other in sorted(near.get(node, ())):
        n = graph.nodes[other]
        if near[other] == {node} and not n.key.startswith(PREFIX):
            out.setdefault(n.kind, []).append(n.key)
    return {k: v for k, v in out.items() if len(v) >= 2}


def _merge(links: list[ChartLink], key: str, a: int, b: int) -> ChartLink:
    """One link standing for ``links`` (all of one kind and direction), between a and b."""
    first = links[0]
    if len(links) == 1:
        return replace_ends(first, key, a, b)
    grade = ""
    for lk in links:
        if lk.grade and (not grade or better(lk.grade, grade)):
            grade = lk.grade
    weights = [lk.weight_kg for lk in links if lk.weight_kg is not None]
    values: dict[str, float] = {}
    for lk in links:
        for cur, v in lk.values.items():
            values[cur] = values.get(cur, 0.0) + v
    firsts, lasts = [lk.first_day for lk in links], [lk.last_day for lk in links]
    return ChartLink(
        key, a, b, first.kind, first.label, first.directed, sum(lk.count for lk in links),
        sum(weights) if weights else None, values, grade,
        (min(firsts) if OPEN_FIRST not in firsts else OPEN_FIRST, max(lasts)),
        any(lk.dated for lk in links), sum(lk.fact_count for lk in links),
        lambda _link: [f for lk in links for f in lk.facts], ended=first.ended)


def replace_ends(link: ChartLink, key: str, a: int, b: int) -> ChartLink:
    out = replace(link, key=key, source=a, target=b)
    out._facts = link._facts  # (what is read once is kept)
    return out


def folded(graph: ChartGraph, folds: dict[str, list[str]]) -> ChartGraph:
    """The chart with each collection of ``folds`` as one node (members no longer in the
    chart are left out of it; a collection of fewer than two is not drawn folded)."""
    owner: dict[int, int] = {}
    groups: list[tuple[str, list[int]]] = []
    for ckey, members in sorted(folds.items()):
        idx = [graph.index[m] for m in members if m in graph.index]
        idx = [i for i in idx if i not in owner]
        if len(idx) < 2:
            continue
        for i in idx:
            owner[i] = len(groups)
        groups.append((ckey, idx))
    if not groups:
        return graph
    remap: dict[int, int] = {}
    nodes: list[ChartNode] = []
    for i, n in enumerate(graph.nodes):
        if i not in owner:
            remap[i] = len(nodes)
            nodes.append(n)
    for ckey, idx in groups:
        parts = [graph.nodes[i] for i in idx]
        kind = parts[0].kind
        for i in idx:
            remap[i] = len(nodes)
        nodes.append(ChartNode(ckey, kind, f"{len(idx)} {PLURAL.get(kind, kind + 's')}",
                               None, any(m.sanctioned for m in parts),
                               members=tuple(m.label for m in parts)))
    links: list[ChartLink] = []
    merged: dict[tuple[str, str, bool, int, int], list[ChartLink]] = {}
    for i, lk in enumerate(graph.links):
        s, t = remap[int(graph.src[i])], remap[int(graph.dst[i])]
        if int(graph.src[i]) in owner or int(graph.dst[i]) in owner:
            # (ended sanctions apart from those in force: the collection's link says which)
            merged.setdefault((lk.kind, lk.label, lk.ended, s, t), []).append(lk)
        else:
            links.append(lk if (s, t) == (lk.source, lk.target)
                         else replace_ends(lk, lk.key, s, t))
    for (kind, label, ended, s, t), group in merged.items():
        key = f"{kind}:{ENDED + ':' if ended else ''}{label}:{nodes[s].key}>{nodes[t].key}"
        links.append(_merge(group, key, s, t))
    return ChartGraph(nodes, links, dict(graph.left_out), graph.locate)
