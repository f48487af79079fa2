"""One party's profile: every shipment, event, relationship, sanction and source of it."""

from casefile.services.case.facade import Case
from casefile.services.queries.party import party_profile
from tests.support.statements import counted


def _case(tmp_path):
    case = Case.new(tmp_path / "p.casefile")
    a = case.create("entity", {"name": "Tekhkrim", "country": "RU"}).result
    b = case.create("entity", {"name": "NORINCO", "country": "CN"}).result
    c = case.create("entity", {"name": "Istanbul Freight", "country": "TR"}).result
    case.create("alias", {"entity_id": a, "name": "Техкрим", "lang": "ru"})
    ship = case.create("shipment", {"shipper_id": b, "consignee_id": a,
                                    "declared_goods": "hunting rifles",
                                    "date_text": "June 2022"}).result
    case.create("route_stop", {"shipment_id": ship, "entity_id": c, "country": "TR"})
    case.create("shipment", {"shipper_id": b, "consignee_id": c, "declared_goods": "other"})
    case.create("relationship", {"subject_id": a, "object_id": b, "kind": "customer_of"})
    case.create("sanction", {"entity_id": a, "authority": "OFAC", "status": "ended"})
    src = case.create("source", {"title": "Customs records"}).result
    case.cite(src, "shipment", ship)
    return case, a, b, c, ship, src


def test_a_profile_holds_every_record_touching_the_party(tmp_path):
    case, a, b, c, ship, src = _case(tmp_path)
    with case.read() as conn:
        p = party_profile(conn, a)
        via = party_profile(conn, c)
        missing = party_profile(conn, 9999)
    case.close()
    assert p.name == "Tekhkrim" and p.countries == ["Russia (RU)"]
    assert [x["name"] for x in p.aliases] == ["Техкрим"]
    assert [x["id"] for x in p.items["shipment"]] == [ship]
    assert p.items["shipment"][0]["text"].startswith("Received from NORINCO: ")
    assert p.items["relationship"][0]["text"] == "Tekhkrim — customer of — NORINCO"
    assert "OFAC" in p.items["sanction"][0]["text"]
    assert p.items["sanction"][0]["text"].startswith("ended")  # what tells them apart first
    assert [x["id"] for x in p.items["source"]] == [src]  # cited for its shipment
    assert p.count() == 4
    # an intermediary on the route sees the shipment too, and its own one
    assert len(via.items["shipment"]) == 2
    assert any(x["text"].startswith("Via, ") for x in via.items["shipment"])
    assert missing is None


def _cited_trade(case, party, other, src, n):
    """``n`` more shipments and events of ``party``, each cited to ``src``."""
    for i in range(n):
        ship = case.create("shipment", {"shipper_id": other, "consignee_id": party,
                                        "declared_goods": f"lot {i}"}).result
        case.cite(src, "shipment", ship)
        ev = case.create("event", {"title": f"meeting {i}", "kind": "meeting"},
                         {"event_party": [{"entity_id": party, "role": "host"}]}).result
        case.cite(src, "event", ev)


def test_a_profile_reads_a_fixed_number_of_queries_however_many_records(tmp_path):
    case, a, b, c, ship, src = _case(tmp_path)
    other = case.create("source", {"title": "Meeting notes"}).result
    case.cite(other, "entity", a)
    _cited_trade(case, a, b, src, 2)
    with case.read() as conn, counted(case.engine) as few:
        small = party_profile(conn, a)
    _cited_trade(case, a, b, src, 20)
    with case.read() as conn, counted(case.engine) as many:
        large = party_profile(conn, a)
    case.close()
    assert len(many) == len(few)
    assert len(small.items["shipment"]) == 3 and len(large.items["shipment"]) == 23
    assert len(large.items["event"]) == 22
    # every citation of every record is counted, the party's own among them
    assert [x["text"] for x in small.items["source"]] == [
        "Customs records — 5 citations", "Meeting notes — 1 citation"]
    assert [x["text"] for x in large.items["source"]] == [
        "Customs records — 45 citations", "Meeting notes — 1 citation"]


def test_the_editors_connections_give_the_first_of_each_kind_and_how_many(tmp_path):
    """The party editor lists a party's sanctions, relationships, events and shipments:
    the first few of each by date, and how many there are in all."""
    case, a, b, c, ship, src = _case(tmp_path)
    def more(tx):
        from casefile.services.case.operations import insert_row
        for i in range(30):
            insert_row(tx, "shipment", {"shipper_id": b, "consignee_id": a,
                                        "declared_goods": f"lot {i}",
                                        "date_text": f"{2000 + i}"})
    case.operation("Import", more)
    from casefile.services.queries.party import party_connections
    with case.read() as conn:
        items, totals = party_connections(conn, a, limit=5)
        everything, all_totals = party_connections(conn, a, limit=-1)
        alone, none = party_connections(conn, c, limit=5)
    case.close()
    assert totals == {"sanction": 1, "relationship": 1, "event": 0, "shipment": 31}
    assert all_totals == totals
    assert [it["kind"] for it in items] == ["sanction", "relationship"] + ["shipment"] * 5
    assert len(everything) == 33
    shown = [it["text"] for it in items if it["kind"] == "shipment"]
    assert shown == [x["text"] for x in everything if x["kind"] == "shipment"][:5]
    assert none == {"sanction": 0, "relationship": 0, "event": 0, "shipment": 2}
    assert {it["id"] for it in alone} == {ship, ship + 1}  # on the route, and shipped to
