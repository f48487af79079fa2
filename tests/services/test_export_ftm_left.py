"""(helper-62) Exporting the demo to FollowTheMoney and importing it into a new case lost its
findings, tags, alias languages, attached file and the grades of its shipments' citations,
while the export said only "Wrote 48 FollowTheMoney entities". The export now says what it
leaves out, counted, on the command line and in the window; a source's attached file is
named (Document.fileName, which FtM requires)."""

import json

from casefile.cli import main
from casefile.services.exchange.export_ftm_left import left_out_of_ftm
from casefile.ui.exchange_actions import exported_ftm, ftm_and_left


def _counts(demo):
    with demo.read() as conn:
        one = lambda sql: conn.exec_driver_sql(sql).scalar()  # noqa: E731
        return {"findings": one("SELECT count(*) FROM finding"),
                "langs": one("SELECT count(*) FROM alias WHERE lang <> ''"),
                "files": one("SELECT count(*) FROM attachment"),
                "cites": one("SELECT count(*) FROM citation WHERE shipment_id IS NOT NULL OR "
                             "relationship_id IS NOT NULL OR sanction_id IS NOT NULL"),
                "roles": one("SELECT count(*) FROM event_party WHERE role <> ''")}


def test_the_export_says_what_ftm_cannot_hold(demo, tmp_path, capsys):
    n = _counts(demo)
    assert all(n.values())  # the demo holds each
    with demo.read() as conn:
        said = left_out_of_ftm(conn)
    assert f"{n['findings']} findings" in said
    assert f"the languages of {n['langs']} aliases" in said
    assert any(s.startswith(f"{n['files']} attached file") for s in said)
    assert any(s.startswith(f"the excerpts, locators and grades of {n['cites']} citations")
               for s in said)
    # (look21) the roles of the events' parties (target, manufacturer …) too
    assert any(s.startswith(f"the roles of {n['roles']} parties in events") for s in said)
    # (look25) the demo's 33 citations came back as 27: a source's further citations of one
    # record go out as one proof, and that is said
    with demo.read() as conn:
        once = conn.exec_driver_sql(
            "SELECT count(*) FROM (SELECT DISTINCT source_id, shipment_id, relationship_id, "
            "sanction_id FROM citation WHERE shipment_id IS NOT NULL OR relationship_id IS "
            "NOT NULL OR sanction_id IS NOT NULL)").scalar()
    assert n["cites"] > once  # the demo cites a record twice by one source
    assert any(s.startswith(f"{n['cites'] - once} further citation") for s in said)
    demo.close()
    out = tmp_path / "d.ftm.json"
    assert main(["export-ftm", str(demo.path), "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "Left out, as FollowTheMoney has no place for them:" in printed
    assert f"{n['findings']} findings" in printed
    docs = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    named = [d for d in docs if d["schema"] in ("Document", "Article")
             and d["properties"].get("fileName")]
    assert len(named) == n["files"]


def test_the_window_says_it_in_a_box(demo, tmp_path, qtbot):
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    said = []
    left = ftm_and_left(demo, tmp_path / "w.ftm.json")
    box = exported_ftm(parent, said.append, tmp_path / "w.ftm.json", left)
    assert box is not None and "Left out" in box.text() and "findings" in box.text()
    assert said and said[-1].startswith("Exported FollowTheMoney entities to")
    box.close()


def test_a_case_ftm_holds_whole_says_nothing_left_out(tmp_path):
    from casefile.services.case.facade import Case

    with Case.new(tmp_path / "c.casefile") as case:
        case.create("entity", {"name": "Tekhkrim"})
        with case.read() as conn:
            assert left_out_of_ftm(conn) == []


def test_a_routes_party_is_said_left_out(tmp_path):
    """A stop's country and place go out in the shipment's route; its party does not."""
    from casefile.services.case.facade import Case

    with Case.new(tmp_path / "c.casefile") as case:
        a = case.create("entity", {"name": "Tekhkrim"}).result
        b = case.create("entity", {"name": "Transit FZE"}).result
        ship = case.create("shipment", {"shipper_id": a, "consignee_id": a}).result
        case.create("route_stop", {"shipment_id": ship, "country": "AE", "place": "Jebel Ali"})
        with case.read() as conn:
            assert left_out_of_ftm(conn) == []
        case.create("route_stop", {"shipment_id": ship, "entity_id": b, "country": "TR"})
        with case.read() as conn:
            assert left_out_of_ftm(conn) == [
                "the party or role of 1 stop of a shipment's route (its country and place are "
                "kept)"]
