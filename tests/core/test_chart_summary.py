"""Shipment link multiplicity (casefile.core.chart.summary), as i2 Analyst's Notebook offers
it: one link per direction (directed), one per pair (single) or one per pair pointing the way
the goods went on balance (flow). What the links stand for — shipments, weight, value, dates,
best citation — is the same in every mode."""

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from casefile.core.chart.build import ChartBuilder
from casefile.core.chart.state import ChartState
from casefile.core.chart.summary import summarised


def both_ways(currency_back: str = "USD") -> ChartBuilder:
    b = ChartBuilder()
    for i, name in enumerate(("NORINCO", "Tekhkrim", "DJI"), start=1):
        b.party(i, name)
    b.shipment(10, 1, 2, "rifles", date(2022, 6, 1), date(2022, 6, 30), weight_kg=10.0,
               value=100.0, currency="USD", sources=("C3 Blog",))
    b.shipment(11, 2, 1, "returned optics", date(2023, 1, 1), date(2023, 1, 31),
               weight_kg=50.0, value=30.0, currency=currency_back, sources=("B2 Politico",))
    b.shipment(12, 1, 3, "drones")
    b.relationship(13, 2, 1, "owns")
    return b


def test_directed_keeps_one_link_per_direction():
    g = both_ways().graph()
    assert summarised(g, "directed") is g
    assert sum(lk.kind == "shipment" for lk in g.links) == 3


def test_single_merges_both_directions_into_one_link_both_ways():
    g = summarised(both_ways().graph(), "single")
    ships = [lk for lk in g.links if lk.kind == "shipment"]
    assert len(ships) == 2 and len(g.links) == 3  # the relationship is left alone
    (pair,) = [lk for lk in ships if lk.label == "both ways"]
    assert not pair.directed and pair.count == 2 and pair.weight_kg == 60.0
    assert pair.values == {"USD": 130.0} and pair.grade == "B2" and pair.style == "solid"
    assert (pair.first, pair.last) == (date(2022, 6, 1), date(2023, 1, 31))
    assert [f.id for f in pair.facts] == [10, 11]
    tip = pair.tooltip(g.nodes)
    assert tip.startswith("NORINCO — Tekhkrim") and "2 shipments · both ways" in tip
    lone = next(lk for lk in ships if lk is not pair)
    assert lone.directed and lone.label == "shipments"  # one way only: as it was


def test_flow_points_the_way_the_value_went_on_balance():
    g = summarised(both_ways().graph(), "flow")
    (pair,) = [lk for lk in g.links if lk.key == "shipment:entity:1<>entity:2"]
    assert pair.directed and (g.nodes[pair.source].label, g.nodes[pair.target].label) == (
        "NORINCO", "Tekhkrim")
    assert pair.label == "net USD 70 of USD 130 both ways"
    # paid in different currencies: the weight decides, and 50 kg came back against 10
    g = summarised(both_ways("EUR").graph(), "flow")
    (pair,) = [lk for lk in g.links if lk.key == "shipment:entity:1<>entity:2"]
    assert (g.nodes[pair.source].label, g.nodes[pair.target].label) == ("Tekhkrim", "NORINCO")
    assert pair.label == "net 40 kg of 60 kg both ways"


def test_the_choice_is_saved_with_the_chart():
    assert ChartState.from_json(ChartState(multiplicity="flow").to_json()).multiplicity == \
        "flow"
    assert ChartState.from_json('{"multiplicity": "sideways"}').multiplicity == "directed"


pairs = st.lists(st.tuples(st.integers(1, 5), st.integers(1, 5), st.integers(1, 4)),
                 max_size=30)


@settings(max_examples=80, deadline=None)
@given(pairs)
def test_every_mode_stands_for_the_same_shipments(rows):
    b = ChartBuilder()
    for i in range(1, 6):
        b.party(i, f"P{i}")
    for k, (a, c, count) in enumerate(rows):
        b.shipment(k, a, c, f"s{k}", count=count, weight_kg=float(k))
    g = b.graph()
    for how in ("directed", "single", "flow"):
        s = summarised(g, how)
        assert sum(lk.count for lk in s.links) == sum(lk.count for lk in g.links)
        assert sorted(f.id for lk in s.links for f in lk.facts) == sorted(range(len(rows)))
        ends = [frozenset((lk.source, lk.target)) for lk in s.links]
        if how != "directed":  # one link per pair of parties
            assert len(ends) == len(set(ends))


def test_multiple_draws_each_shipment_record_as_its_own_link_side_by_side():
    from casefile.core.chart.fan import fan_offsets

    b = ChartBuilder(per_record=True)
    for i in (1, 2):
        b.party(i, f"P{i}")
    b.shipments([(k, 1, 2, f"s{k}", None, None, 1, None, None, "", (), ()) for k in (5, 6, 7)])
    b.shipment(8, 2, 1, "back")
    g = b.graph()
    assert [lk.key for lk in g.links] == [
        "shipment:#5:entity:1>entity:2", "shipment:#6:entity:1>entity:2",
        "shipment:#7:entity:1>entity:2", "shipment:#8:entity:2>entity:1"]
    assert [[f.id for f in lk.facts] for lk in g.links] == [[5], [6], [7], [8]]
    assert summarised(g, "multiple") is g
    fan = fan_offsets(g.src, g.dst, len(g.nodes))
    assert len(set(fan.tolist())) == 4  # four lines side by side, none on top of another
