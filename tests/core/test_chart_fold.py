"""Collection nodes: leaves of one kind hanging off a node folded into one ("3 companies"),
their links merged (counts, weights, values, grade, dates, facts), unfolded by dropping the
fold; saved in the chart state."""

from datetime import date

from casefile.core.chart.build import ChartBuilder
from casefile.core.chart.fold import fold_key, folded, leaves
from casefile.core.chart.state import ChartState


def hub():
    """Party 0 ships to companies 1–3 and person 4, 5; company 6 also trades with 7."""
    b = ChartBuilder()
    b.party(0, "Hub")
    for i in (1, 2, 3, 6, 7):
        b.party(i, f"Company {i}")
    b.party(4, "Ann", "person")
    b.party(5, "Bob", "person", sanctioned=True)
    grades = {1: "C3", 2: "A1", 3: "D4"}
    for i in (1, 2, 3):
        b.shipment(10 + i, 0, i, f"goods {i}", date(2020 + i, 1, 1), date(2020 + i, 6, 1),
                   count=i, weight_kg=10.0 * i, value=100.0, currency="USD",
                   sources=(f"{grades[i]} Source",))
    b.shipment(20, 0, 4, "goods 4")
    b.relationship(21, 5, 0, "director_of")
    b.shipment(22, 0, 6, "goods 6")
    b.shipment(23, 6, 7, "goods 7")
    return b.graph()


def test_the_leaves_of_a_node_by_kind():
    g = hub()
    assert leaves(g, g.index["entity:0"]) == {
        "company": ["entity:1", "entity:2", "entity:3"], "person": ["entity:4", "entity:5"]}
    assert leaves(g, g.index["entity:6"]) == {}  # one leaf (7) is no collection


def test_a_collection_stands_for_its_members_and_their_links():
    g = hub()
    key = fold_key("entity:0", "company")
    f = folded(g, {key: ["entity:1", "entity:2", "entity:3"]})
    assert len(f.nodes) == len(g.nodes) - 2
    node = f.nodes[f.index[key]]
    assert node.label == "3 companies" and node.kind == "company" and node.record is None
    assert "Company 2" in node.tooltip() and "double-click to unfold" in node.tooltip()
    link = next(lk for lk in f.links if lk.target == f.index[key])
    assert link.source == f.index["entity:0"] and link.kind == "shipment"
    assert (link.count, link.weight_kg, link.values) == (6, 60.0, {"USD": 300.0})
    assert (link.grade, link.style) == ("A1", "solid")
    assert (link.first, link.last) == (date(2021, 1, 1), date(2023, 6, 1))
    assert sorted(x.id for x in link.facts) == [11, 12, 13] and link.fact_count == 3
    assert len(f.links) == len(g.links) - 2
    # every other link keeps its ends (by key)
    for lk in f.links:
        if lk is not link:
            assert lk.key.endswith(f"{f.nodes[lk.source].key}>{f.nodes[lk.target].key}")
    people = folded(g, {fold_key("entity:0", "person"): ["entity:4", "entity:5"]})
    p = people.nodes[-1]
    assert p.label == "2 people" and p.sanctioned  # one member is sanctioned
    assert {lk.kind for lk in people.links if p.key in lk.key} == {"shipment", "relationship"}


def test_folds_that_no_longer_fit_are_not_drawn():
    g = hub()
    assert folded(g, {}) is g
    assert folded(g, {"fold:x": ["entity:1"]}) is g  # one member is no collection
    assert folded(g, {"fold:x": ["entity:1", "entity:99"]}) is g  # a member gone


def test_folds_are_saved_with_the_chart():
    state = ChartState(folds={"fold:entity:0:company": ["entity:2", "entity:1"]})
    back = ChartState.from_json(state.to_json())
    assert back.folds == {"fold:entity:0:company": ["entity:1", "entity:2"]}
    assert ChartState.from_json('{"folds": {"a": [1, "b"], "c": "d"}}').folds == {"a": ["b"]}
    assert ChartState.from_json("{}").folds == {}
