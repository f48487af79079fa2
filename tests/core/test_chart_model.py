"""The link chart's graph model (casefile.core.chart): shipments aggregated per pair, route
stops as waypoints, relationships with labels, sanctions by authority, link styles from the
best citation grade, the date filter, shortest paths, and a saved state's JSON."""

from datetime import date

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from casefile.core.chart.build import ChartBuilder, Stop
from casefile.core.chart.model import STYLES, best_grade, style_of
from casefile.core.chart.paths import path_links, shortest_paths
from casefile.core.chart.state import ChartState


def small() -> ChartBuilder:
    b = ChartBuilder(waypoints=True, country_names={"TR": "Turkey"})
    b.party(1, "NORINCO", "company", "CN")
    b.party(2, "Tekhkrim", "company", "RU")
    b.party(3, "Holding", "company", "RU")
    b.party(4, "OFAC", "public_body", "US")
    return b


def test_shipments_of_one_pair_are_one_link_with_count_weight_value_and_span():
    b = small()
    b.waypoints = False
    b.shipment(10, 1, 2, "rifles", date(2022, 6, 1), date(2022, 6, 30), count=3,
               weight_kg=100.0, value=5.0, currency="USD", sources=("B2 Politico",))
    b.shipment(11, 1, 2, "optics", date(2022, 9, 1), date(2022, 12, 31), weight_kg=50.5,
               value=7.0, currency="USD", sources=("C3 Blog",))
    b.shipment(12, 1, 2, "parts", None, None, value=1.0, currency="EUR")
    b.shipment(13, None, 2, "unknown shipper")
    g = b.graph()
    (link,) = g.links
    assert (g.nodes[link.source].label, g.nodes[link.target].label) == ("NORINCO", "Tekhkrim")
    assert link.count == 5 and link.weight_kg == 150.5
    assert link.values == {"USD": 12.0, "EUR": 1.0}
    assert link.first is None  # one of its shipments is undated: the span is open
    assert [f.id for f in link.facts] == [10, 11, 12]
    assert link.grade == "B2" and link.style == "solid"
    assert "5 shipments · 150 kg" in link.tooltip(g.nodes)
    assert "B2 Politico" in link.tooltip(g.nodes)
    assert g.left_out == {"shipments without a shipper or consignee": 1}


def test_route_stops_become_waypoints_only_when_asked():
    for waypoints, keys in ((True, ["shipment:entity:1>country:TR",
                                    "shipment:country:TR>entity:2"]),
                            (False, ["shipment:entity:1>entity:2"])):
        b = small()
        b.waypoints = waypoints
        b.shipment(10, 1, 2, "armour", stops=[Stop("TR")])
        g = b.graph()
        assert [lk.key for lk in g.links] == keys
        assert ("country:TR" in g.index) is waypoints
    assert g.nodes[g.index["entity:1"]].kind == "company"


def test_relationships_and_sanctions_by_authority():
    b = small()
    b.relationship(1, 3, 2, "owns", "owns 51%")
    b.relationship(2, 3, 2, "owns", "owns 49%")
    b.relationship(3, 2, 1, "associate_of")
    b.sanction(1, 2, "OFAC", "RUSSIA-EO14024", date(2023, 5, 19), None, ("A1 Register",))
    b.sanction(2, 3, "EU", "Regulation 269/2014", ended=True)
    g = b.graph()
    owns = next(lk for lk in g.links if lk.label == "owns")
    assert len(owns.facts) == 2 and owns.directed and owns.style == "dotted"
    assert not next(lk for lk in g.links if lk.label == "associate of").directed
    ofac = next(lk for lk in g.links if lk.kind == "sanction" and lk.facts[0].id == 1)
    assert g.nodes[ofac.source].key == "entity:4"  # the party of the authority's name
    assert ofac.style == "solid"
    eu = next(lk for lk in g.links if lk.kind == "sanction" and lk.facts[0].id == 2)
    assert g.nodes[eu.source].kind == "authority" and g.nodes[eu.source].label == "EU"
    assert g.nodes[g.index["entity:2"]].sanctioned
    assert not g.nodes[g.index["entity:3"]].sanctioned  # its only sanction has ended
    assert eu.ended and not ofac.ended  # drawn faint, with its own line in the legends


def test_an_ended_and_a_current_sanction_of_one_party_are_two_links():
    """The same authority's sanction in force and one it lifted: the lifted one drawn
    faint beside the one in force, not one link that looks in force."""
    b = small()
    b.sanction(1, 2, "EU", "Regulation 269/2014")
    b.sanction(2, 2, "EU", "Regulation 833/2014", ended=True)
    b.sanction(3, 3, "EU", "Regulation 269/2014", ended=True)
    b.sanction(4, 3, "EU", "Regulation 765/2006", ended=True)
    g = b.graph()
    links = [lk for lk in g.links if lk.kind == "sanction"]
    assert sorted((g.nodes[lk.target].key, lk.ended, len(lk.facts)) for lk in links) == [
        ("entity:2", False, 1), ("entity:2", True, 1), ("entity:3", True, 2)]
    assert g.nodes[g.index["entity:2"]].sanctioned


def test_styles_follow_the_best_citation():
    assert style_of(()) == "dotted"
    assert style_of(("C3",)) == "dashed"
    assert style_of(("C3", "B2")) == "solid"
    assert style_of(("A3", "C1")) == "dashed"
    assert best_grade(("C3", "F6", "C2")) == "C2"
    assert best_grade(("A3", "B1")) == "B1"


def test_date_filter_keeps_links_active_in_the_window_and_undated_ones():
    b = small()
    b.waypoints = False
    b.shipment(1, 1, 2, "June", date(2022, 6, 1), date(2022, 6, 30))
    b.shipment(2, 1, 3, "late", date(2022, 9, 1), date(2022, 12, 31))
    b.relationship(3, 3, 2, "owns")
    b.sanction(4, 2, "OFAC", first=date(2023, 5, 19))  # open end: in force since
    g = b.graph()
    keys = [lk.key.split(":")[0] + str(lk.facts[0].id) for lk in g.links]
    on = dict(zip(keys, g.active(date(2022, 7, 1), date(2022, 8, 31)), strict=True))
    assert on == {"shipment1": False, "shipment2": False, "relationship3": True,
                  "sanction4": False}
    on = dict(zip(keys, g.active(date(2022, 12, 1), None), strict=True))
    assert on == {"shipment1": False, "shipment2": True, "relationship3": True,
                  "sanction4": True}
    assert g.active(None, None).all()
    touched = g.nodes_touched(g.active(date(2022, 6, 15), date(2022, 6, 15)))
    assert [n.label for n, t in zip(g.nodes, touched, strict=True) if t] == [
        "NORINCO", "Tekhkrim", "Holding"]
    assert STYLES[g.style[0]] == "dotted"


def test_every_shortest_path_between_two_parties():
    b = ChartBuilder()
    for i in range(6):
        b.party(i, f"P{i}")
    for rid, (x, y) in enumerate([(0, 1), (1, 5), (0, 2), (2, 5), (0, 3), (3, 4), (4, 5)]):
        b.relationship(rid, x, y, "supplies")
    g = b.graph()
    paths = shortest_paths(g, 0, 5)
    assert sorted(paths) == [[0, 1, 5], [0, 2, 5]]
    assert path_links(g, paths).sum() == 4
    only = np.array([lk.facts[0].id not in (0,) for lk in g.links])
    assert sorted(shortest_paths(g, 0, 5, only)) == [[0, 2, 5]]
    assert shortest_paths(g, 0, 5, np.zeros(len(g.links), bool)) == []


coords = st.floats(allow_nan=False, allow_infinity=False, width=64)


@given(st.dictionaries(st.text(min_size=1, max_size=12), st.tuples(coords, coords),
                       max_size=30), st.sets(st.text(max_size=8), max_size=5))
def test_state_json_round_trips_positions_exactly(positions, pinned):
    s = ChartState(layout="radial", seed=7, centre="entity:1", positions=positions,
                   pinned=pinned, hidden={"x"}, waypoints=True, first=date(2022, 1, 1))
    back = ChartState.from_json(s.to_json())
    assert back == s
    for key, (x, y) in positions.items():
        assert back.positions[key][0].hex() == float(x).hex()
        assert back.positions[key][1].hex() == float(y).hex()


@given(st.text(max_size=200))
def test_a_damaged_state_reads_as_a_fresh_one(text):
    s = ChartState.from_json(text)
    assert s.layout in ("force", "hierarchical", "circular", "radial")
    assert isinstance(s.positions, dict)


@settings(max_examples=60, deadline=None)
@given(st.integers(2, 25), st.lists(st.tuples(st.integers(0, 24), st.integers(0, 24)),
                                    max_size=60), st.integers(0, 24), st.integers(0, 24))
def test_shortest_paths_are_networkxs(n, pairs, a, b):
    import networkx as nx

    builder = ChartBuilder()
    for i in range(n):
        builder.party(i, f"P{i}")
    for rid, (x, y) in enumerate(pairs):
        builder.relationship(rid, x % n, y % n, "supplies")
    g = builder.graph()
    a, b = a % n, b % n
    nxg = nx.Graph()
    nxg.add_nodes_from(range(n))
    nxg.add_edges_from((x % n, y % n) for x, y in pairs if x % n != y % n)
    try:
        want = sorted(nx.all_shortest_paths(nxg, a, b))
    except nx.NetworkXNoPath:
        want = []
    assert sorted(shortest_paths(g, a, b)) == want


def test_a_folded_collection_of_lifted_sanctions_stays_ended():
    """(review18) An authority's lifted sanctions on three parties folded into one
    collection: its link says ended, as each did."""
    from casefile.core.chart.build import ChartBuilder
    from casefile.core.chart.fold import fold_key, folded, leaves

    b = ChartBuilder()
    for i in (1, 2, 3):
        b.party(i, f"Co {i}")
    b.party(9, "OFAC", "public_body")
    for i in (1, 2, 3):
        b.sanction(100 + i, i, "OFAC", "UKRAINE-EO13662", ended=True)
    g = b.graph()
    hub = next(i for i, n in enumerate(g.nodes) if n.key == "entity:9")
    kind, members = next(iter(leaves(g, hub).items()))
    f = folded(g, {fold_key(g.nodes[hub].key, kind): members})
    assert len(f.links) == 1 and f.links[0].ended and len(f.links[0].facts) == 3
    # (review20) a programme called "ended", in force, folded: its link is not drawn ended
    b2 = ChartBuilder()
    for i in (1, 2, 3):
        b2.party(i, f"Co {i}")
    b2.party(9, "OFAC", "public_body")
    for i in (1, 2, 3):
        b2.sanction(100 + i, i, "OFAC", "ended")
    g2 = b2.graph()
    kind2, members2 = next(iter(leaves(g2, hub).items()))
    f2 = folded(g2, {fold_key(g2.nodes[hub].key, kind2): members2})
    assert len(f2.links) == 1 and f2.links[0].key.startswith("sanction:ended:")
    assert not f2.links[0].ended


def test_a_link_is_captioned_with_what_it_stands_for():
    """The words written on a link: its relationship, its shipments counted, its sanction's
    programme — or how many sanctions when one authority's programmes differ — and
    '(ended)' after sanctions that have all ended."""
    b = small()
    b.relationship(1, 3, 2, "subsidiary_of")
    b.shipment(1, 1, 2, "rifles", count=3)
    b.shipment(2, 1, 2, "more rifles")
    b.shipment(3, 2, 3, "one crate")
    b.sanction(1, 2, "OFAC", "RUSSIA-EO14024")
    b.sanction(2, 2, "OFAC", "RUSSIA-EO14024")
    b.sanction(3, 3, "EU", "Regulation 269/2014", ended=True)
    b.sanction(4, 3, "EU", "Regulation 765/2006", ended=True)
    b.sanction(5, 1, "UK", "")
    g = b.graph()
    caps = sorted((g.nodes[lk.source].key, g.nodes[lk.target].key, lk.caption())
                  for lk in g.links)
    assert caps == [
        ("authority:eu", "entity:3", "2 sanctions (ended)"),
        ("authority:uk", "entity:1", "sanctions"),
        ("entity:1", "entity:2", "4 shipments"),
        ("entity:2", "entity:3", "1 shipment"),
        ("entity:3", "entity:2", "subsidiary of"),
        ("entity:4", "entity:2", "RUSSIA-EO14024"),
    ]
