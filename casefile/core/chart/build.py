"""Make a :class:`ChartGraph` from a case's facts, fed one at a time: parties, shipments
(aggregated per pair of nodes, optionally through their transit countries as waypoints),
relationships and sanctions (by authority). The services read the case and feed this; tests
and benchmarks feed it directly."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from casefile.core.chart.model import ChartGraph, ChartLink, ChartNode, Fact
from casefile.core.chart.parts import ENDED


@dataclass(frozen=True)
class Stop:
    """A stop of a shipment's route: a country, an intermediary party, or both."""

    country: str = ""
    entity_id: int | None = None


class ChartBuilder:
    """Collects facts; :meth:`graph` returns the chart. With ``waypoints`` a shipment's
    route stops become nodes (its intermediary party, else its country) on its way; with
    ``per_record`` each shipment record is a link of its own (else one per pair)."""

    def __init__(self, waypoints: bool = False, country_names: dict[str, str] | None = None,
                 per_record: bool = False) -> None:
        self.waypoints = waypoints
        self.per_record = per_record
        self._names = country_names or {}
        self._nodes: list[ChartNode] = []
        self._index: dict[str, int] = {}
        self._links: list[ChartLink] = []
        self._link_index: dict[tuple[str, str, int, int], int] = {}
        self._left_out: dict[str, int] = {}
        self._by_name: dict[str, int] = {}  # party name (casefolded) -> node

    # -- nodes --------------------------------------------------------------------------
    def party(self, entity_id: int, name: str, kind: str = "company", country: str = "",
              sanctioned: bool = False, sources: Sequence[str] = ()) -> int:
        key = f"entity:{entity_id}"
        i = self._index.get(key)
        if i is None:
            i = self._add(ChartNode(key, kind, name, ("entity", entity_id), sanctioned,
                                    country, tuple(dict.fromkeys(sources))))
            self._by_name.setdefault(name.strip().casefold(), i)
        return i

    def _add(self, node: ChartNode) -> int:
        self._index[node.key] = len(self._nodes)
        self._nodes.append(node)
        return len(self._nodes) - 1

    def _node(self, key: str, kind: str, label: str) -> int:
        i = self._index.get(key)
        return self._add(ChartNode(key, kind, label)) if i is None else i

    def _entity(self, entity_id: int | None) -> int | None:
        return None if entity_id is None else self._index.get(f"entity:{entity_id}")

    def _skip(self, reason: str, many: int = 1) -> None:
        self._left_out[reason] = self._left_out.get(reason, 0) + many

    # -- links --------------------------------------------------------------------------
    def _link(self, kind: str, sub: str, a: int, b: int, label: str, fact: Fact,
              directed: bool = True) -> ChartLink:
        """The link of that kind (and sub-kind) from a to b, made on first use; its key
        reads 'shipment:entity:1>entity:2' (with the sub-kind after the kind if any)."""
        i = self._link_index.get((kind, sub, a, b))
        if i is None:
            self._link_index[(kind, sub, a, b)] = i = len(self._links)
            key = (f"{kind}:{sub + ':' if sub else ''}{self._nodes[a].key}>"
                   f"{self._nodes[b].key}")
            self._links.append(ChartLink(key, a, b, kind, label, directed))
        link = self._links[i]
        link.add(fact)
        return link

    def shipment(self, shipment_id: int, shipper_id: int | None, consignee_id: int | None,
                 text: str, first: date | None = None, last: date | None = None,
                 count: int = 1, weight_kg: float | None = None, value: float | None = None,
                 currency: str = "", stops: Sequence[Stop] = (),
                 sources: Sequence[str] = ()) -> None:
        """A shipment record (standing for ``count`` shipments) from shipper to consignee;
        one without both parties in the chart is counted as left out."""
        a, b = self._entity(shipper_id), self._entity(consignee_id)
        if a is None or b is None:
            self._skip("shipments without a shipper or consignee")
            return
        chain = [a]
        if self.waypoints:
            for stop in stops:
                via = self._entity(stop.entity_id)
                if via is None and stop.country:
                    via = self._node(f"country:{stop.country}", "country",
                                     self._names.get(stop.country, stop.country))
                if via is not None and via != chain[-1]:
                    chain.append(via)
        chain.append(b)
        fact = Fact("shipment", shipment_id, text, first, last,
                    tuple(sources) if len(sources) < 2 else tuple(dict.fromkeys(sources)))
        for x, y in zip(chain, chain[1:], strict=False):
            link = self._link("shipment", f"#{shipment_id}" if self.per_record else "", x, y,
                              "shipments", fact)
            link.count += max(count, 1)
            if weight_kg is not None:
                link.weight_kg = (link.weight_kg or 0.0) + weight_kg
            if value is not None:
                link.values[currency] = link.values.get(currency, 0.0) + value

    def shipments(self, rows: Iterable[tuple[Any, ...]]) -> None:
        """Many shipments at once, each row as :meth:`shipment` takes its arguments (id,
        shipper, consignee, text, first, last, count, weight, value, currency, stops,
        sources): the same result, without a call per row when no waypoints are drawn."""
        if self.waypoints or self.per_record:
            for row in rows:
                self.shipment(*row)
            return
        index, links, link_index = self._index, self._links, self._link_index
        nodes = self._nodes
        skipped = 0
        for (sid, shipper, consignee, text, first, last, count, weight, value, currency,
             _stops, sources) in rows:
            a = index.get(f"entity:{shipper}") if shipper is not None else None
            b = index.get(f"entity:{consignee}") if consignee is not None else None
            if a is None or b is None:
                skipped += 1
                continue
            fact = Fact("shipment", sid, text, first, last,
                        tuple(sources) if len(sources) < 2 else tuple(dict.fromkeys(sources)))
            i = link_index.get(("shipment", "", a, b))
            if i is None:
                link_index[("shipment", "", a, b)] = i = len(links)
                links.append(ChartLink(f"shipment:{nodes[a].key}>{nodes[b].key}", a, b,
                                       "shipment", "shipments"))
            link = links[i]
            link.add(fact)
            link.count += max(count, 1)
            if weight is not None:
                link.weight_kg = (link.weight_kg or 0.0) + weight
            if value is not None:
                link.values[currency] = link.values.get(currency, 0.0) + value
        if skipped:
            self._left_out["shipments without a shipper or consignee"] = (
                self._left_out.get("shipments without a shipper or consignee", 0) + skipped)

    def leave_out(self, reason: str, many: int) -> None:
        """Count ``many`` facts left out of the chart for ``reason``."""
        if many:
            self._skip(reason, many)

    def relationship(self, relationship_id: int, subject_id: int, object_id: int, kind: str,
                     text: str = "", first: date | None = None, last: date | None = None,
                     sources: Sequence[str] = ()) -> None:
        """A relationship, labelled with its kind ('owns', 'subsidiary of'); several of one
        kind between the same pair are one link."""
        a, b = self._entity(subject_id), self._entity(object_id)
        if a is None or b is None:
            self._skip("relationships with a party not in the chart")
            return
        words = kind.replace("_", " ")
        directed = kind not in ("associate_of", "family_of", "other")
        fact = Fact("relationship", relationship_id, text or words, first, last,
                    tuple(dict.fromkeys(sources)))
        self._link("relationship", kind, a, b, words, fact, directed)

    def sanction(self, sanction_id: int, entity_id: int, authority: str, programme: str = "",
                 first: date | None = None, last: date | None = None,
                 sources: Sequence[str] = (), ended: bool = False) -> None:
        """A sanction: a link from its authority to the party, which is marked sanctioned
        unless the sanction has ended. The authority is the party of that name when the
        chart has one (the U.S. Department of the Treasury), else a node of its own."""
        b = self._entity(entity_id)
        if b is None:
            self._skip("sanctions on a party not in the chart")
            return
        name = authority.strip() or "Unknown authority"
        a = self._by_name.get(name.casefold())
        if a is None:
            a = self._node(f"authority:{name.casefold()}", "authority", name)
        if not ended:
            self._nodes[b].sanctioned = True
        text = f"{name}{' — ' + programme if programme else ''}{' (ended)' if ended else ''}"
        fact = Fact("sanction", sanction_id, text, first, last, tuple(dict.fromkeys(sources)))
        link = self._link("sanction", ENDED if ended else "", a, b, programme or "sanctions",
                          fact)
        link.ended = ended
        if link.label != (programme or "sanctions"):  # programmes of one authority: counted
            link.label = f"{len(link.facts)} sanctions"

    def event(self, event_id: int, title: str, first: date | None = None,
              last: date | None = None) -> int:
        """An event as a node ('event:12'), labelled with its title."""
        return self._node(f"event:{event_id}", "event", title or f"event {event_id}")

    def participation(self, event_id: int, entity_id: int, role: str, text: str,
                      first: date | None = None, last: date | None = None,
                      sources: Sequence[str] = ()) -> None:
        """A party's part in an event: a link from the party to the event node, labelled
        with its role; its fact is the event (double-click opens it)."""
        a, b = self._entity(entity_id), self._index.get(f"event:{event_id}")
        if a is None or b is None:
            self._skip("event parties not in the chart")
            return
        fact = Fact("event", event_id, text, first, last, tuple(dict.fromkeys(sources)))
        self._link("participation", "", a, b, role or "took part in", fact, directed=False)

    def shared_event(self, event_id: int, title: str, parties: Sequence[int], text: str,
                     first: date | None = None, last: date | None = None,
                     sources: Sequence[str] = ()) -> None:
        """An event shared by ``parties`` (entity ids): a link between every two of them
        in the chart, labelled with the event's title — or 'N shared events' when a pair
        shared several (one link stands for them all, its facts the events)."""
        at = sorted({i for e in parties if (i := self._entity(e)) is not None})
        if len(at) < len(set(parties)):
            self._skip("event parties not in the chart", len(set(parties)) - len(at))
        fact = Fact("event", event_id, text, first, last, tuple(dict.fromkeys(sources)))
        for k, a in enumerate(at):
            for b in at[k + 1:]:
                link = self._link("shared_event", "", a, b, title or f"event {event_id}",
                                  fact, directed=False)
                if len(link.facts) > 1:
                    link.label = f"{len(link.facts)} shared events"

    def graph(self) -> ChartGraph:
        return ChartGraph(list(self._nodes), list(self._links), dict(self._left_out))
