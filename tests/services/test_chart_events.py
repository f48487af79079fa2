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


def test_parties_of_an_event_are_linked_through_it_and_the_dossier_draws_it(demo, tmp_path):
    import io
    import re

    import pypdf

    from casefile.core.chart.state import arrange
    from casefile.services.exchange.export_pdf import export_dossier
    from casefile.services.queries.dossier import DossierOptions

    with demo.read() as conn:
        plain, shared = read_graph(conn), read_graph(conn, shared=True)
    links = [lk for lk in shared.links if lk.kind == "shared_event"]
    assert len(links) == 2  # events 1 (DJI, the Treasury) and 6 (the embassy, Liu Pengyu)
    assert len(shared.nodes) == len(plain.nodes)  # no event nodes: parties linked directly
    treasury = next(lk for lk in links if lk.facts[0].id == 1)
    assert {shared.nodes[treasury.source].key, shared.nodes[treasury.target].key} == {
        "entity:3", "entity:9"}
    assert treasury.label == "U.S. Treasury sanctions DJI" and treasury.first.year == 2021
    assert shared.links_of({("event", 6)}).sum() == 1
    state = ChartState(shared=True)
    state.remember(shared, arrange(shared, state))
    cid = save_chart(demo, None, "Shared", state).result
    with demo.read() as conn:
        assert read_chart(conn, cid).state.shared
    out = tmp_path / "shared.pdf"
    export_dossier(demo, out, DossierOptions(chart_id=cid, sections=("network",)))
    ops = b"".join(p.get_contents().get_data() for p in pypdf.PdfReader(
        io.BytesIO(out.read_bytes())).pages)
    strokes = {tuple(round(float(v), 2) for v in m)
               for m in re.findall(rb"([\d.]+) ([\d.]+) ([\d.]+) RG", ops)}
    assert (0.67, 0.27, 0.6) in strokes  # #AA4499: the shared-event links are drawn
