import hashlib
import sqlite3

import pytest

from casefile.errors import InUseError, ValidationError
from casefile.services.case.integrity import check_case


def _entity(case, name, **kw):
    return case.create("entity", {"name": name, **kw}).result


def test_create_returns_what_changed(case):
    change = case.create("entity", {"name": "Tekhkrim", "country": "Russia"},
                         children={"alias": [{"name": "Техкрим", "lang": "ru"}]})
    eid = change.result
    assert change.created == {"entity": [eid], "alias": [1]}
    assert change.touched["entity"] == {eid}
    assert case.get("entity", eid)["country"] == "RU"
    assert [a["name"] for a in case.children("alias", "entity_id", eid)] == ["Техкрим"]


def test_validation_names_the_field(case):
    with pytest.raises(ValidationError) as info:
        case.create("shipment", {"date": "Jnue 2022"})
    assert info.value.field == "date" and "jnue" in info.value.message
    with pytest.raises(ValidationError) as info:
        case.create("entity", {"name": "X", "country": "Atlantis"})
    assert info.value.field == "country"
    with pytest.raises(ValidationError) as info:
        case.set_info(marking="ORANGE")
    assert info.value.field == "marking"
    with pytest.raises(ValidationError):
        case.create("entity", {"name": "  "})
    assert case.counts()["entity"] == 0


def test_shipment_with_route_and_citation_and_undo_redo(case):
    a, b = _entity(case, "NORINCO"), _entity(case, "Tekhkrim")
    src = case.create("source", {"title": "Article", "reliability": "B"}).result
    sid = case.create("shipment", {
        "date": "June 2022", "shipper_id": a, "consignee_id": b, "declared_goods": "rifles",
        "weight_kg": "1,200.5"},
        children={"route_stop": [{"country": "TR"}, {"country": "AE"}],
                  "citation": [{"source_id": src, "excerpt": "sent the rifles",
                                "credibility": 2}]}).result
    row = case.get("shipment", sid)
    assert (row["date_start"], row["date_end"], row["weight_kg"]) == \
        ("2022-06-01", "2022-06-30", 1200.5)
    stops = case.children("route_stop", "shipment_id", sid, order="position")
    assert [s["country"] for s in stops] == ["TR", "AE"]
    case.update("shipment", sid, {"date": "late 2022"})
    assert case.get("shipment", sid)["date_start"] == "2022-09-01"
    assert case.undo_name == "Edit date of shipment “rifles”"
    case.undo()
    assert case.get("shipment", sid)["date_start"] == "2022-06-01"
    case.undo()  # the creation, with its route stops and citation
    assert case.get("shipment", sid) is None
    assert case.counts()["citation"] == 0
    assert case.search("rifles") == []
    case.redo()
    assert case.counts()["citation"] == 1
    assert [h.kind for h in case.search("rifles")] == ["shipment"]
    case.redo()
    assert case.get("shipment", sid)["date_text"] == "late 2022"
    assert case.redo() is None


def test_new_edit_clears_redo(case):
    _entity(case, "A")
    case.undo()
    assert case.redo_name is not None
    _entity(case, "B")
    assert case.redo_name is None


def test_deleting_a_cited_source_asks(case):
    e = _entity(case, "DJI")
    src = case.create("source", {"title": "Treasury notice"}).result
    case.cite(src, "entity", e, "under U.S. Treasury sanctions since 2021", "p. 1", 2)
    with pytest.raises(InUseError, match="still used by 1 citation"):
        case.delete("source", src)
    assert case.counts()["source"] == 1 and case.counts()["citation"] == 1
    case.delete("source", src, cascade=True)
    assert case.counts()["source"] == 0 and case.counts()["citation"] == 0
    case.undo()
    assert case.counts()["citation"] == 1


def test_database_itself_refuses_dangling_citations(case, case_path):
    e = _entity(case, "DJI")
    src = case.create("source", {"title": "S"}).result
    case.cite(src, "entity", e)
    con = sqlite3.connect(case_path)
    con.execute("PRAGMA foreign_keys=ON")
    with pytest.raises(sqlite3.IntegrityError):
        con.execute("DELETE FROM source WHERE id = ?", (src,))
    with pytest.raises(sqlite3.IntegrityError):  # a citation must point at exactly one fact
        con.execute("INSERT INTO citation(source_id, excerpt, locator, credibility) "
                    "VALUES (?, '', '', 6)", (src,))
    con.close()


def test_merge_moves_everything_to_the_survivor(case):
    dji = _entity(case, "Da-Jiang Innovations Science & Technology Co.")
    dup = case.create("entity", {"name": "DJI", "description": "drones"},
                      children={"alias": [{"name": "大疆", "lang": "zh"}],
                                "identifier": [{"scheme": "USCC", "value": "914403"}]}).result
    buyer = _entity(case, "Distributor")
    src = case.create("source", {"title": "S"}).result
    case.create("shipment", {"shipper_id": dup, "consignee_id": buyer})
    case.create("sanction", {"entity_id": dup, "authority": "U.S. Treasury"})
    case.cite(src, "entity", dup, "also known as DJI")
    change = case.merge_entities(dji, dup)
    assert case.get("entity", dup) is None
    assert sorted(a["name"] for a in case.children("alias", "entity_id", dji)) == ["DJI", "大疆"]
    assert case.children("identifier", "entity_id", dji)[0]["value"] == "914403"
    assert case.children("shipment", "shipper_id", dji)
    assert case.children("sanction", "entity_id", dji)
    assert case.children("citation", "entity_id", dji)[0]["excerpt"] == "also known as DJI"
    assert case.get("entity", dji)["description"] == "drones"
    assert "entity" in change.touched
    assert [h.id for h in case.search("大疆")] == [dji]
    case.undo()
    assert case.get("entity", dup)["name"] == "DJI"
    assert case.children("shipment", "shipper_id", dup)


def test_attachment_is_stored_with_its_hash_and_tampering_is_found(case, case_path, tmp_path):
    src = case.create("source", {"title": "Bill of lading"}).result
    f = tmp_path / "bol.pdf"
    f.write_bytes(b"%PDF-1.4 fake bill of lading")
    case.attach_file(src, f)
    att = case.children("attachment", "source_id", src)[0]
    assert att["sha256"] == hashlib.sha256(f.read_bytes()).hexdigest()
    assert att["data"] == f.read_bytes()
    case.close()
    assert check_case(case_path).ok
    con = sqlite3.connect(case_path)
    con.execute("UPDATE attachment SET data = ? WHERE id = ?", (b"%PDF-1.4 forged", att["id"]))
    con.commit()
    con.close()
    report = check_case(case_path)
    assert not report.ok
    assert any("bol.pdf" in p and "SHA-256" in p for p in report.problems)


def test_audit_chain_records_and_detects_tampering(case, case_path):
    _entity(case, "A")
    _entity(case, "B")
    case.undo()
    with case.read() as conn:
        actions = [r[0] for r in conn.exec_driver_sql("SELECT action FROM audit_log")]
    assert actions == ["create", "edit", "edit", "edit", "undo"]  # the first edit: the title
    case.close()
    assert check_case(case_path).ok
    con = sqlite3.connect(case_path)
    con.execute("UPDATE audit_log SET summary = 'nothing happened' WHERE id = 2")
    con.commit()
    con.close()
    report = check_case(case_path)
    assert any("audit entry 2" in p for p in report.problems)


def test_each_operation_returns_its_change_and_undo_says_what_it_undid(case):
    eid = _entity(case, "A")
    edit = case.update("entity", eid, {"name": "B"})
    assert edit.name == 'Edit name of entity “B”' and edit.touched == {"entity": {eid}}
    undone = case.undo()
    assert undone.name == 'Undo: Edit name of entity “B”' and undone.touched == {"entity": {eid}}
    assert case.get("entity", eid)["name"] == "A"


def test_a_dry_run_rolls_back_and_says_what_it_would_change(case, case_path):
    def audit_entries():
        con = sqlite3.connect(case_path)
        n = con.execute("SELECT count(*) FROM audit_log").fetchone()[0]
        con.close()
        return n
    entries = audit_entries()
    change = case.save("entity", None, {"name": "Tekhkrim"},
                       {"alias": [{"name": "Техкрим"}]}, dry_run=True)
    assert change.dry_run and change.created == {"entity": [1], "alias": [1]}
    assert not change.concerns("entity")  # nothing happened that a view should show
    assert case.get("entity", 1) is None and case.counts()["entity"] == 0
    assert case.undo_name is None  # nothing to undo
    con = sqlite3.connect(case_path)  # another reader sees nothing either
    assert con.execute("SELECT count(*) FROM alias").fetchone()[0] == 0
    con.close()
    assert audit_entries() == entries


def test_a_dry_run_that_fails_raises_and_leaves_nothing(case):
    with pytest.raises(ValidationError):
        case.save("entity", None, {"name": "X", "country": "Atlantis"}, dry_run=True)
    assert case.counts()["entity"] == 0


def test_creating_a_party_for_a_shipment_is_one_undo_step(case):
    sid = case.create("shipment", {"declared_goods": "drone parts"}).result
    change = case.create_and_link("shipment", sid, "shipper_id", "Da-Jiang Innovations")
    eid = change.result
    assert case.get("shipment", sid)["shipper_id"] == eid
    assert change.created == {"entity": [eid]} and change.touched["shipment"] == {sid}
    case.undo()
    assert case.get("entity", eid) is None
    assert case.get("shipment", sid)["shipper_id"] is None
    case.redo()
    assert case.get("shipment", sid)["shipper_id"] == eid


def test_operation_names_say_which_record_and_which_field(case):
    sid = case.create("shipment", {"declared_goods": ""}).result
    assert case.undo_name == "New shipment"  # nothing to quote yet (never “#None”)
    case.update("shipment", sid, {"date": "June 2022"})
    assert case.undo_name == "Edit date of shipment “June 2022”"
    case.update("shipment", sid, {"declared_goods": "ball bearings", "weight_kg": "12"})
    assert case.undo_name == "Edit declared goods and weight of shipment “ball bearings”"
    eid = _entity(case, "Tekhkrim")
    case.save("entity", eid, {}, {"alias": [{"name": "Техкрим"}]})
    assert case.undo_name == "Edit aliases of entity “Tekhkrim”"
    case.update("shipment", sid, {"shipper_id": eid})
    assert case.undo_name == "Edit shipper of shipment “ball bearings”"
    assert case.create("relationship", {"subject_id": eid, "object_id": eid,
                                        "kind": "other"}).name == (
        "New relationship “Tekhkrim is linked to Tekhkrim”")  # by its parties (review34)


def test_deleting_several_records_is_one_step(case):
    ids = [_entity(case, n) for n in ("A", "B", "C")]
    change = case.delete_many("entity", ids[:2])
    assert change.name == "Delete 2 entities" and change.deleted["entity"] == ids[:2]
    assert case.counts()["entity"] == 1
    case.undo()
    assert case.counts()["entity"] == 3
    assert case.delete_many("entity", [ids[2]]).name == "Delete entity “C”"


def test_deleting_several_stops_at_a_record_in_use_unless_cascade(case):
    from casefile.services.queries.record import blocking_records

    a, b = _entity(case, "NORINCO"), _entity(case, "Tekhkrim")
    sid = case.create("shipment", {"shipper_id": a, "declared_goods": "rifles"}).result
    src = case.create("source", {"title": "Politico"}).result
    case.cite(src, "entity", b, "excerpt")
    case.cite(src, "shipment", sid, "excerpt")
    with pytest.raises(InUseError):
        case.delete_many("entity", [b, a])
    assert case.counts()["entity"] == 2  # nothing of it happened
    with case.read() as conn:
        assert blocking_records(conn, "entity", [a, b]) == ['shipment “rifles”']
        assert blocking_records(conn, "source", [src]) == [
            'citation of entity “Tekhkrim”', 'citation of shipment “rifles”']
        assert blocking_records(conn, "event", [1]) == []
    case.delete_many("entity", [a, b], cascade=True)
    assert case.counts()["shipment"] == 0 and case.counts()["entity"] == 0
    case.undo()
    assert case.counts()["shipment"] == 1 and case.counts()["entity"] == 2


def test_a_merge_keeps_the_other_party_s_lines_and_what_it_says_otherwise(case):
    """Folding one party into another loses nothing: its positions and addresses join the
    survivor's, and a one-value field it fills otherwise (legal form, its own description)
    is kept in the survivor's description under its name."""
    keep = case.create("entity", {"name": "Sky Tech", "legal_form": "JSC",
                                  "position": "Supplier of drone parts",
                                  "description": "Seen in the 2022 customs files.",
                                  "tags": "customs"}).result
    other = case.create("entity", {"name": "Sky Tech LLC", "legal_form": "LLC",
                                   "position": "supplier of  drone parts\nImporter of optics",
                                   "address": "12 Lenina St, Kazan",
                                   "description": "Listed by the EU in 2023.",
                                   "tags": "sanctions", "incorporation": "2014"}).result
    case.merge_entities(keep, other)
    row = case.get("entity", keep)
    assert row["position"] == "Supplier of drone parts\nImporter of optics"
    assert row["address"] == "12 Lenina St, Kazan" and row["legal_form"] == "JSC"
    assert row["incorporation_edtf"] == "2014" and row["tags"] == "customs,sanctions"
    assert row["description"] == ("Seen in the 2022 customs files.\n\nFrom the merged party "
                                  "“Sky Tech LLC”: Listed by the EU in 2023.\nlegal form LLC")
    case.undo()
    assert case.get("entity", keep)["position"] == "Supplier of drone parts"
    assert case.get("entity", other)["legal_form"] == "LLC"


def test_an_edit_of_a_sanction_is_named_by_its_programme(case):
    """Edit → Undo names a sanction by what it is (its programme, else its authority), not
    by its date ('Undo Edit reason of sanction “2022-08-01”' told the user nothing)."""
    eid = case.create("entity", {"name": "ZALA AERO"}).result
    listed = case.create("sanction", {"entity_id": eid, "date": "2022-08-01",
                                      "programme": "EU restrictive measures (Ukraine)",
                                      "authority": "Council of the EU"}).result
    bare = case.create("sanction", {"entity_id": eid, "date": "2023-01-01",
                                    "authority": "OFAC"}).result
    case.update("sanction", listed, {"reason": "Supplies drones"})
    assert case.undo_name == "Edit reason of sanction “EU restrictive measures (Ukraine)”"
    case.update("sanction", bare, {"reason": "Supplies drones"})
    assert case.undo_name == "Edit reason of sanction “OFAC”"
