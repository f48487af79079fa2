"""Shipments read in aggregate per shipper → consignee pair (arrays, facts read when asked
for) give the same chart as shipments read one by one through the builder (the path the chart
takes with waypoints, which here has no route stops to draw)."""

import math

import numpy as np
import pytest

from casefile.core.chart.links import LinkList
from casefile.services.queries.chart import read_graph
from tests.support.synthetic import build_synthetic_case


def both(case):
    with case.read() as conn:
        return read_graph(conn), read_graph(conn, waypoints=True)


def same(fast, slow):
    assert isinstance(fast.links, LinkList) and not isinstance(slow.links, LinkList)
    assert [n.key for n in fast.nodes] == [n.key for n in slow.nodes]
    assert fast.left_out == slow.left_out
    assert len(fast.links) == len(slow.links)
    for name in ("src", "dst", "first", "last", "style", "counts", "link_kinds",
                 "directed"):
        assert np.array_equal(getattr(fast, name), getattr(slow, name)), name
    for a, b in zip(fast.links, slow.links, strict=True):
        assert (a.key, a.source, a.target, a.kind, a.label, a.directed, a.count) == \
            (b.key, b.source, b.target, b.kind, b.label, b.directed, b.count)
        assert (a.grade, a.style, a.first, a.last, a.dated) == \
            (b.grade, b.style, b.first, b.last, b.dated), a.key
        assert (a.weight_kg is None) == (b.weight_kg is None)
        if a.weight_kg is not None:
            assert math.isclose(a.weight_kg, b.weight_kg)
        assert a.values.keys() == b.values.keys()
        for cur, v in a.values.items():
            assert math.isclose(v, b.values[cur])
        assert a.facts == b.facts
        assert a.tooltip(fast.nodes) == b.tooltip(slow.nodes)


@pytest.fixture
def mixed(case):
    def party(name):
        return case.create("entity", {"name": name, "kind": "company"}).result
    a, b, c = party("Alpha"), party("Bravo"), party("Charlie")
    strong = case.create("source", {"title": "Ledger", "reliability": "A"}).result
    fair = case.create("source", {"title": "Article", "reliability": "B"}).result
    weak = case.create("source", {"title": "Rumour", "reliability": "D"}).result

    def ship(shipper, consignee, cites=(), **values):
        return case.create("shipment", {"shipper_id": shipper, "consignee_id": consignee,
                                        "declared_goods": "goods", **values},
                           children={"citation": [{"source_id": s, "credibility": cr}
                                                  for s, cr in cites]}).result
    ship(a, b, [(fair, 2), (weak, 4)], date="June 2022", weight_kg="100", value="5",
         currency="USD")
    ship(a, b, [(strong, 1)], date="2021", value="7", currency="EUR", shipment_count="3")
    ship(a, b, [], value="2", currency="USD")  # undated: the pair's span is open
    ship(a, c, [(weak, 4)], date="2020", weight_kg="3.5")
    ship(a, c, [(fair, 3)], date="March 2021")
    ship(b, c)  # nothing known but the parties
    ship(c, None, [(strong, 1)], date="2023")  # no consignee: left out
    case.create("relationship", {"subject_id": a, "object_id": c, "kind": "owns"})
    return case, a, b, c


def test_pairs_read_in_aggregate_match_the_shipments_read_one_by_one(mixed):
    case, a, b, c = mixed
    fast, slow = both(case)
    same(fast, slow)
    assert fast.left_out == {"shipments without a shipper or consignee": 1}
    ab = fast.links[0]
    assert (ab.count, ab.grade, ab.style, ab.first, ab.last) == (5, "A1", "solid", None, None)
    assert ab.values == {"USD": 7.0, "EUR": 7.0} and ab.weight_kg == 100.0
    ac = fast.links[1]
    assert (ac.grade, ac.style, str(ac.first), str(ac.last)) == \
        ("B3", "dashed", "2020-01-01", "2021-03-31")
    assert fast.links[2].style == "dotted" and not fast.links[2].dated


def test_a_big_synthetic_case_reads_the_same_both_ways(tmp_path):
    case = build_synthetic_case(tmp_path / "s.casefile", shipments=3_000, entities=200,
                                sources=40, citations=4_000, index=False)
    try:
        fast, slow = both(case)
        assert len(fast.links) < 3_000  # pairs repeat: aggregation is exercised
        same(fast, slow)
    finally:
        case.close()


def test_a_links_shipments_are_read_from_the_case_only_when_asked_for(mixed):
    case, a, b, c = mixed
    with case.read() as conn:
        g = read_graph(conn)
    assert isinstance(g.links, LinkList) and not g.links._made  # arrays, no link objects
    ab = g.links[0]
    assert ab._facts is None  # drawing and filtering did not read its shipments
    assert [f.text for f in ab.facts][:1] == ["June 2022: goods"]  # connection closed
    assert len(ab.facts) == ab.fact_count == 3
    assert g.links[0] is ab  # made once, kept


def test_the_links_of_records_chosen_elsewhere_are_found_without_reading_facts(mixed):
    case, a, b, c = mixed
    with case.read() as conn:
        g = read_graph(conn)
        sid = conn.exec_driver_sql("SELECT id FROM shipment WHERE shipper_id = ? AND "
                                   "consignee_id = ?", (a, c)).first()[0]
        rid = conn.exec_driver_sql("SELECT id FROM relationship").first()[0]
    on = g.links_of({("shipment", sid), ("relationship", rid)})
    assert [g.links[i].key for i in np.flatnonzero(on)] == [
        f"shipment:entity:{a}>entity:{c}", f"relationship:owns:entity:{a}>entity:{c}"]
    assert not g.links_of(set()).any()
    assert g.links[0]._facts is None


def test_summarised_pairs_read_in_aggregate_match_those_read_one_by_one(mixed):
    from casefile.core.chart.summary import summarised

    case, a, b, c = mixed
    back = case.create("shipment", {"shipper_id": c, "consignee_id": a,
                                    "declared_goods": "returns", "date": "2023",
                                    "weight_kg": "10.5"}).result
    fast, slow = both(case)
    for how in ("single", "flow"):
        f, s = summarised(fast, how), summarised(slow, how)
        assert isinstance(f.links, LinkList)
        assert len(f.links) == len(fast.links) - 1
        for name in ("src", "dst", "first", "last", "style", "counts", "directed"):
            assert np.array_equal(np.sort(getattr(f, name)), np.sort(getattr(s, name))), name
        (pair,) = [lk for lk in f.links if lk.key == f"shipment:entity:{a}<>entity:{c}"]
        assert pair.count == 3 and pair.first.year == 2020 and pair.last.year == 2023
        assert pair.directed == (how == "flow")  # flow: 3.5 kg out, 10.5 kg back
        assert how != "flow" or (f.nodes[pair.source].key, f.nodes[pair.target].key,
                                 pair.label) == (f"entity:{c}", f"entity:{a}",
                                                 "net 7 kg of 14 kg both ways")
        assert f.links_of({("shipment", back)}).sum() == 1  # the merged link is found
        assert {x.id for x in pair.facts} >= {back}


def test_one_link_per_record_reads_each_shipment_as_a_link(mixed):
    from casefile.core.chart.state import ChartState
    from casefile.services.queries.chart import graph_for

    case, a, b, c = mixed
    with case.read() as conn:
        per_pair = read_graph(conn)
        g = graph_for(conn, ChartState(multiplicity="multiple"))
    assert not isinstance(g.links, LinkList)
    ships = [lk for lk in g.links if lk.kind == "shipment"]
    assert len(ships) == 6  # every record with both parties (one has no consignee)
    assert sum(lk.count for lk in ships) == sum(
        lk.count for lk in per_pair.links if lk.kind == "shipment")
    ab = [lk for lk in ships if (lk.source, lk.target) == (per_pair.links[0].source,
                                                           per_pair.links[0].target)]
    assert len(ab) == 3 and all(len(lk.facts) == 1 for lk in ab)
    assert g.left_out == per_pair.left_out
