"""Parties linked through the events they shared (casefile.core.chart.build): one undirected
link per pair of parties of an event, labelled with the event — or "N shared events" when a
pair shared several —, dated by its events (so the date filter applies) and styled by their
best citation."""

from datetime import date

from casefile.core.chart.build import ChartBuilder


def test_parties_of_one_event_are_linked_to_each_other_through_it():
    b = ChartBuilder()
    for i, name in enumerate(("NORINCO", "Tekhkrim", "DJI", "Embassy"), start=1):
        b.party(i, name)
    b.shared_event(7, "Meeting in Moscow", [1, 2, 3], "June 2022: Meeting in Moscow",
                   date(2022, 6, 1), date(2022, 6, 30), ("C3 Blog",))
    b.shared_event(8, "Trade fair", [2, 1, 99], "2023: Trade fair", date(2023, 1, 1),
                   date(2023, 12, 31), ("B2 Politico",))
    g = b.graph()
    by_pair = {frozenset((g.nodes[lk.source].label, g.nodes[lk.target].label)): lk
               for lk in g.links}
    assert set(by_pair) == {frozenset(p) for p in (("NORINCO", "Tekhkrim"),
                                                   ("NORINCO", "DJI"), ("Tekhkrim", "DJI"))}
    both = by_pair[frozenset(("NORINCO", "Tekhkrim"))]
    assert both.kind == "shared_event" and not both.directed
    assert both.label == "2 shared events"
    assert [(f.kind, f.id) for f in both.facts] == [("event", 7), ("event", 8)]
    assert (both.first, both.last) == (date(2022, 6, 1), date(2023, 12, 31))
    assert both.grade == "B2" and both.style == "solid"  # the better event's citation
    one = by_pair[frozenset(("NORINCO", "DJI"))]
    assert one.label == "Meeting in Moscow" and one.style == "dashed"
    assert "Meeting in Moscow" in one.tooltip(g.nodes) and "C3 Blog" in one.tooltip(g.nodes)
    assert g.left_out == {"event parties not in the chart": 1}  # party 99
    # the date filter: only 2023 keeps the pair that met at the trade fair
    active = g.active(date(2023, 3, 1), date(2023, 3, 31))
    assert [g.links[i] for i in range(len(g.links)) if active[i]] == [both]
