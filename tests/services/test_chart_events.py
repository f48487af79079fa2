"""Event participation on the link chart (optional, like transit countries): each event with
parties becomes a node, linked to every party that took part, labelled with its role; the
choice is saved with the chart and the dossier draws it."""

from casefile.core.chart.state import ChartState
from casefile.services.case.charts import save_chart
from casefile.services.queries.chart import read_chart, read_graph


def test_events_are_nodes_linked_to_the_parties_that_took_part(demo):
    with demo.read() as conn:
        plain, events = read_graph(conn), read_graph(conn, events=True)
    assert not any(n.kind == "event" for n in plain.nodes)
    assert {lk.kind for lk in plain.links} == {"shipment", "relationship", "sanction"}
    ev = [n for n in events.nodes if n.kind == "event"]
    assert len(ev) == 6 and events.nodes[events.index["event:1"]].label == \
        "U.S. Treasury sanctions DJI"
    took = [lk for lk in events.links if lk.kind == "participation"]
    assert len(took) == 8
    dji = events.index["entity:3"]
    one = next(lk for lk in took if lk.source == dji and lk.target == events.index["event:1"])
    assert one.label == "target" and not one.directed
    assert [(f.kind, f.id) for f in one.facts] == [("event", 1)]  # double-click: the event
    assert "sanctions DJI" in one.tooltip(events.nodes)
    assert events.links_of({("event", 6)}).sum() == 2  # both parties of event 6
    assert len(events.links) == len(plain.links) + 8  # the other links are unchanged


def test_the_choice_is_saved_with_the_chart(demo):
    cid = save_chart(demo, None, "With events", ChartState(events=True)).result
    with demo.read() as conn:
        saved = read_chart(conn, cid)
    assert saved is not None and saved.state.events
    assert not ChartState.from_json("{}").events
