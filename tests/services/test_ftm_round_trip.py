"""A case through FollowTheMoney and back: the demo case (with parties, relationships, an
ended sanction and a customs declaration added, so that every kind of fact is in it) is
exported, imported into a new case, and the two cases are compared fact by fact. Then the
same export imported into the case it came from adds nothing.

What FtM cannot express is left out of the comparison, and only that: an alias's language,
a party's tags (imported parties are tagged 'imported'), an identifier's country, a route
stop's role and party, the role of a party in an event, a source's protected flag, findings
and charts; and the excerpt, locator and grade of a citation of a relationship, sanction or
shipment (FtM's ``proof`` names only the document). The new case also cites the imported
file itself for every record it made; those citations are its own, not the first case's."""

import pytest

from casefile.services.case.facade import Case
from casefile.services.case.integrity import check_case
from casefile.services.exchange.export_ftm import export_ftm
from casefile.services.exchange.imports.ftm import import_ftm
from casefile.services.exchange.imports.ftm_known import relationship_key


@pytest.fixture
def full_demo(demo):
    """The demo case with one of every kind of fact FtM can carry that the demo lacks."""
    def eid(name):
        with demo.read() as conn:
            return conn.exec_driver_sql("SELECT id FROM entity WHERE name = ?",
                                        (name,)).scalar()

    tekhkrim, liu = eid("Tekhkrim"), eid("Liu Pengyu")
    embassy = eid("Embassy of the People's Republic of China in Washington")
    person = demo.create("entity", {
        "name": "Maria Aleksandrovna Osetrova", "kind": "person", "country": "GB",
        "other_countries": "RU", "nationality": "RU", "birth": "1972-03-05", "gender": "female",
        "birth_place": "Tver", "position": "General Director\nBoard member",
        "address": "Tverskaya 1, Moscow\nLondon", "topics": "sanction,role.pep"},
        children={"alias": [{"name": "Осетрова Мария Александровна", "lang": "ru",
                             "kind": "alias"},
                            {"name": "M. Osetrova", "kind": "previous_name"}],
                  "identifier": [{"scheme": "INN", "value": "500100732259"},
                                 {"scheme": "passport", "value": "4509 123456"}]}).result
    zala = demo.create("entity", {
        "name": "ZALA AERO", "kind": "company", "country": "RU", "legal_form": "LLC",
        "incorporation": "2010-05-19", "dissolution": "201X"},
        children={"identifier": [{"scheme": "OGRN", "value": "1027700132195"}]}).result
    demo.create("relationship", {"subject_id": person, "object_id": zala, "kind": "owns",
                                 "date": "2019-02-11/..", "description": "51 per cent"})
    demo.create("relationship", {"subject_id": tekhkrim, "object_id": zala,
                                 "kind": "subsidiary_of", "date": "2015"})
    demo.create("relationship", {"subject_id": person, "object_id": liu, "kind": "family_of"})
    demo.create("relationship", {"subject_id": person, "object_id": embassy,
                                 "kind": "employee_of", "date": "2012-09/2014-06"})
    demo.create("relationship", {"subject_id": zala, "object_id": tekhkrim, "kind": "other",
                                 "description": "unclear tie"})
    sid = demo.create("sanction", {
        "entity_id": person, "authority": "NSDC of Ukraine", "programme": "Decree 265/2021",
        "program_id": "UA-265", "start": "2021-05-14", "end": "2024-10-30",
        "status": "ended", "date": "spring 2021", "reason": "Sanctions list entry",
        "source_url": "https://www.president.gov.ua/documents/2652021"}).result
    demo.cite(1, "sanction", sid, "listed", "p. 1", 2)
    demo.create("shipment", {"shipper_id": zala, "consignee_id": tekhkrim,
                             "date": "2022-06-01", "declared_goods": "bearings",
                             "reference": "10702070/010622/0123456", "value": 1500,
                             "currency": "USD", "notes": "Declared at Moscow customs"})
    return demo


def _names(conn):
    return dict(conn.exec_driver_sql("SELECT id, name FROM entity").fetchall())


def snapshot(case, skip_source=None):
    """Every fact of a case as FtM can say it, by names instead of ids."""
    with case.read() as conn:
        q = conn.exec_driver_sql
        name = _names(conn)
        sources = {i: t for i, t in q("SELECT id, title FROM source")}
        out = {}
        out["parties"] = {
            (r["name"], r["kind"], r["country"], r["other_countries"], r["nationality"],
             r["description"], r["birth_start"], r["birth_end"], r["birth_place"],
             r["incorporation_start"], r["dissolution_start"], r["dissolution_end"],
             r["legal_form"], r["position"], r["address"], r["topics"])
            for r in q("SELECT * FROM entity").mappings()}
        out["aliases"] = {(name[e], n, k) for e, n, k in q(
            "SELECT entity_id, name, kind FROM alias")}
        out["identifiers"] = {(name[e], s, v) for e, s, v in q(
            "SELECT entity_id, scheme, value FROM identifier")}
        out["relationships"] = {
            (relationship_key(k, name[s], name[o]), lo, hi, d) for k, s, o, lo, hi, d in q(
                "SELECT kind, subject_id, object_id, date_start, date_end, description "
                "FROM relationship")}
        out["sanctions"] = {
            (name[r["entity_id"]], r["authority"], r["programme"], r["program_id"],
             r["date_start"], r["date_end"], r["date_text"], r["start_start"], r["end_end"],
             r["status"], r["reason"], r["source_url"])
            for r in q("SELECT * FROM sanction").mappings()}
        stops = {}
        for sid, c, p in q("SELECT shipment_id, country, place FROM route_stop ORDER BY "
                           "shipment_id, position"):
            stops.setdefault(sid, []).append((c, p))
        out["shipments"] = {
            (name.get(r["shipper_id"]), name.get(r["consignee_id"]), r["date_text"],
             r["date_start"], r["date_end"], r["origin_country"], r["destination_country"],
             r["declared_goods"], r["assessed_goods"], r["hs_code"], r["quantity"],
             r["unit"], r["weight_kg"], r["value"], r["currency"], r["shipment_count"],
             r["dual_use"], r["reference"], r["notes"], tuple(stops.get(r["id"], ())))
            for r in q("SELECT * FROM shipment").mappings()}
        parties = {}
        for ev, e in q("SELECT event_id, entity_id FROM event_party"):
            parties.setdefault(ev, set()).add(name[e])
        out["events"] = {
            (r["title"], r["kind"], r["description"], r["date_start"], r["date_end"],
             frozenset(parties.get(r["id"], ())))
            for r in q("SELECT * FROM event").mappings()}
        out["sources"] = {
            (r["title"], r["kind"], r["publisher"], r["author"], r["url"], r["date_start"],
             r["date_end"], r["accessed"], r["language"], r["reliability"], r["notes"])
            for r in q("SELECT * FROM source").mappings() if r["id"] != skip_source}
        labels = {
            "entity": name,
            "event": dict(q("SELECT id, title FROM event").fetchall()),
            "relationship": {i: relationship_key(k, name[s], name[o]) for i, k, s, o in q(
                "SELECT id, kind, subject_id, object_id FROM relationship")},
            "sanction": {i: (name[e], a) for i, e, a in q(
                "SELECT id, entity_id, authority FROM sanction")},
            "shipment": {i: (name.get(a), name.get(b), g) for i, a, b, g in q(
                "SELECT id, shipper_id, consignee_id, declared_goods FROM shipment")}}
        cites = set()
        for r in q("SELECT * FROM citation").mappings():
            if r["source_id"] == skip_source or r["finding_id"]:
                continue
            kind = next(k for k in labels if r[f"{k}_id"])
            fact = labels[kind][r[f"{kind}_id"]]
            said = (r["excerpt"], r["locator"], r["credibility"]) \
                if kind in ("entity", "event") else ()
            cites.add((sources[r["source_id"]], kind, fact, said))
        out["citations"] = cites
    return out


def test_a_case_through_ftm_and_back_keeps_every_fact_ftm_can_express(full_demo, tmp_path):
    out = tmp_path / "demo.ftm.json"
    export_ftm(full_demo, out)
    with Case.new(tmp_path / "fresh.casefile") as fresh:
        report = import_ftm(fresh, out).result
        assert report.proposals == [] and report.problems == []
        with fresh.read() as conn:
            file_source = conn.exec_driver_sql(
                "SELECT source_id FROM attachment WHERE filename = 'demo.ftm.json'").scalar()
        got = snapshot(fresh, skip_source=file_source)
    want = snapshot(full_demo)
    for part in want:
        assert got[part] == want[part], part
    assert report.relationships == 7 and report.sanctions == 2 and report.shipments == 5


def test_the_own_export_imported_into_the_same_case_adds_nothing(full_demo, tmp_path):
    out = tmp_path / "demo.ftm.json"
    export_ftm(full_demo, out)
    before, counts = snapshot(full_demo), full_demo.counts()
    undo = full_demo.undo_name
    assert import_ftm(full_demo, out, dry_run=True).result.nothing_new  # the check says so
    report = import_ftm(full_demo, out).result
    assert report.nothing_new
    assert report.new_entities == [] and report.sanctions == 0 and report.shipments == 0
    assert report.already["sanctions"] == 2  # the DJI sanction is not added a second time
    assert full_demo.counts() == counts  # not even the file: it adds nothing
    assert snapshot(full_demo) == before
    assert full_demo.undo_name == undo
    assert check_case(full_demo.path).ok  # audit chain, content digest, search index


def test_what_the_case_lost_comes_back_and_only_that(full_demo, tmp_path):
    out = tmp_path / "demo.ftm.json"
    export_ftm(full_demo, out)
    before = snapshot(full_demo)
    with full_demo.read() as conn:
        dji_sanction = conn.exec_driver_sql(
            "SELECT id FROM sanction WHERE authority = 'U.S. Department of the Treasury'"
        ).scalar()
    full_demo.delete("sanction", dji_sanction)
    report = import_ftm(full_demo, out).result
    assert report.sanctions == 1 and report.already["sanctions"] == 1
    assert report.new_entities == [] and report.relationships == 0
    with full_demo.read() as conn:
        file_source = conn.exec_driver_sql(
            "SELECT source_id FROM attachment WHERE filename = 'demo.ftm.json'").scalar()
    after = snapshot(full_demo, skip_source=file_source)
    assert after == before  # the sanction and its citation of the article are back
    assert check_case(full_demo.path).ok
    full_demo.undo()
    assert full_demo.counts()["sanction"] == 1
    assert check_case(full_demo.path).ok


def test_two_parties_of_one_name_stay_two_when_the_export_comes_back(case, tmp_path):
    """The case's own export names each record by an id made from the case, so parties that
    share a name (two 'Ivan Petrov's) and their facts are each found again, not folded."""
    a = case.create("entity", {"name": "Ivan Petrov", "kind": "person"}).result
    b = case.create("entity", {"name": "Ivan Petrov", "kind": "person"}).result
    firm = case.create("entity", {"name": "Volga Trade"}).result
    case.create("relationship", {"subject_id": a, "object_id": firm, "kind": "owns"})
    case.create("relationship", {"subject_id": b, "object_id": firm, "kind": "director_of"})
    case.create("sanction", {"entity_id": b, "authority": "EU", "date": "2022"})
    out = tmp_path / "case.ftm.json"
    export_ftm(case, out)
    counts = case.counts()
    report = import_ftm(case, out).result
    assert report.nothing_new and case.counts() == counts
    assert report.reused_entities == {"Ivan Petrov": a, f"Ivan Petrov (#{b})": b,
                                      "Volga Trade": firm}  # each namesake (look25)
    assert report.reused == 3


def test_the_country_of_dispatch_goes_out_as_departure_and_comes_back(tmp_path):
    """(look28) FtM's departureCountry was read as a transit stop ('China, transit'), and
    the case's country of dispatch (the customs importer's) went out as one more 'via'."""
    import json

    from casefile.services.exchange.export_ftm_left import left_out_of_ftm

    with Case.new(tmp_path / "a.casefile") as case:
        a = case.create("entity", {"name": "Shenzhen Jinghua Electronics"}).result
        b = case.create("entity", {"name": "OOO Vektor"}).result
        ship = case.create("shipment", {"shipper_id": a, "consignee_id": b,
                                        "declared_goods": "microchips", "date": "2022-06-15",
                                        "origin_country": "TW",
                                        "destination_country": "RU"}).result
        case.create("route_stop", {"shipment_id": ship, "country": "CN", "role": "dispatch"})
        case.create("route_stop", {"shipment_id": ship, "country": "TR", "role": "transit",
                                   "position": 1})
        with case.read() as conn:
            assert left_out_of_ftm(conn) == []  # nothing of the route is lost
        out = tmp_path / "a.ftm.json"
        export_ftm(case, out)
    acts = [e for e in map(json.loads, out.read_text("utf-8").splitlines())
            if e["schema"] == "EconomicActivity"]
    assert [a["properties"]["departureCountry"] for a in acts] == [["cn"]]
    assert "Route: via Turkey" in acts[0]["properties"]["summary"]
    with Case.new(tmp_path / "b.casefile") as fresh:
        import_ftm(fresh, out)
        with fresh.read() as conn:
            stops = conn.exec_driver_sql("SELECT country, place, role FROM route_stop ORDER BY "
                                         "position").fetchall()
    assert [tuple(s) for s in stops] == [("CN", "", "dispatch"), ("TR", "", "transit")]



def test_a_dispatch_from_the_origin_stays_a_stop_of_the_route(tmp_path):
    """(review31) A stop of dispatch in the country of origin went out as departureCountry,
    which the import reads as no stop (it is the origin): lost, unsaid. It goes out as a
    stop of the route, its role said as left out."""
    import json

    from casefile.services.exchange.export_ftm_left import left_out_of_ftm

    with Case.new(tmp_path / "a.casefile") as case:
        a = case.create("entity", {"name": "Shenzhen Jinghua Electronics"}).result
        ship = case.create("shipment", {"shipper_id": a, "consignee_id": a,
                                        "origin_country": "CN"}).result
        case.create("route_stop", {"shipment_id": ship, "country": "CN", "role": "dispatch"})
        with case.read() as conn:
            assert len(left_out_of_ftm(conn)) == 1  # its role
        out = tmp_path / "a.ftm.json"
        export_ftm(case, out)
    act = next(e for e in map(json.loads, out.read_text("utf-8").splitlines())
               if e["schema"] == "EconomicActivity")
    assert "departureCountry" not in act["properties"]
    assert "Route: via China" in act["properties"]["summary"]
