"""A case file that fails SQLite's check is opened read-only and never written; `casefile
repair` copies what can be read into a new case and says what was saved and lost per table
(issue 14, items 8 and 11)."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from contextlib import closing

import pytest

from casefile.cli import main
from casefile.errors import ReadOnlyError
from casefile.services.case.facade import Case
from casefile.services.case.integrity import check_case
from casefile.services.case.repair import repair_case
from tests.support import synthetic


def _damage_leaf(path, table, nth=None):
    """Overwrite one leaf page of ``table`` (the middle one by default) with garbage; the
    ids of the rows it held."""
    con = sqlite3.connect(path)
    pages = [p for (p,) in con.execute("SELECT pageno FROM dbstat WHERE name = ? AND "
                                       "pagetype = 'leaf' ORDER BY pageno", (table,))]
    size = con.execute("PRAGMA page_size").fetchone()[0]
    page = pages[len(pages) // 2 if nth is None else nth]
    # the rows on that page: those whose rowid is between the neighbours' ranges
    ids = [r for (r,) in con.execute(f"SELECT id FROM {table} ORDER BY id")]
    con.close()
    with open(path, "r+b") as f:
        f.seek((page - 1) * size)
        f.write(b"\xff" * 8 + os.urandom(size - 8))
    return ids


@pytest.fixture
def damaged(tmp_path):
    path = tmp_path / "big.casefile"
    synthetic.build_synthetic_case(path, shipments=2_000, entities=300, sources=50,
                                   citations=3_000).close()
    all_ids = _damage_leaf(path, "shipment")
    return path, all_ids


def sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_damaged_case_opens_read_only_and_says_to_repair(damaged, tmp_path):
    path, _ids = damaged
    kept = tmp_path / "as-it-was.casefile"
    shutil.copyfile(path, kept)
    case = Case.open(path)
    try:
        with pytest.raises(ReadOnlyError, match="fails SQLite's quick check"):
            case.set_info(title="written into a damaged file")  # waits for the check
        assert case.readonly and "casefile repair big.casefile" in (case.why_readonly or "")
        with pytest.raises(ReadOnlyError, match="fails SQLite's quick check"):
            case.set_info(title="again")
    finally:
        case.close()
    # nothing written into it, not even SQLite's header (it is never switched to WAL)
    assert path.read_bytes() == kept.read_bytes()


def test_reading_a_damaged_page_is_said_as_damage_not_as_a_bug(damaged):
    """(look16) A listing reads with the driver's own cursor: a junk page came out as a raw
    sqlite3.DatabaseError, which the window showed as "Unexpected error … a bug"."""
    from casefile.errors import CorruptCaseError, is_expected
    from casefile.services.queries.listing import list_records

    path, _ids = damaged
    with Case.open(path, readonly=True) as case:
        with pytest.raises(CorruptCaseError, match="big.casefile is damaged") as err, \
                case.read() as conn:
            list_records(conn, "shipment", None)
    assert is_expected(err.value) and "casefile repair big.casefile" in str(err.value)


def test_writing_verbs_refuse_a_damaged_case(damaged, tmp_path, capsys):
    path, _ids = damaged
    kept = tmp_path / "as-it-was.casefile"
    shutil.copyfile(path, kept)
    f = tmp_path / "parties.json"
    f.write_text('[{"id": "p1", "schema": "Person", "properties": {"name": ["A"]}}]')
    assert main(["import-ftm", str(path), str(f)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("casefile: big.casefile cannot be written: it fails SQLite's quick "
                          "check") and "casefile repair big.casefile" in err
    assert "\n" not in err and "Traceback" not in err
    assert path.read_bytes() == kept.read_bytes()  # not a byte written


def test_reading_verbs_refuse_to_hand_on_a_damaged_case_and_warn_when_showing_it(
        damaged, tmp_path, capsys):
    """(helper-62) export-csv wrote a junk row and left a party out with exit 0; export-ftm
    and export-pdf ended in tracebacks; info and search said nothing. An export refuses a
    damaged case in one line (nothing written); info and search warn."""
    path, _ids = damaged
    kept = tmp_path / "as-it-was.casefile"
    shutil.copyfile(path, kept)
    for verb, out in (("export-csv", tmp_path / "csv"), ("export-ftm", tmp_path / "x.json"),
                      ("export-pdf", tmp_path / "x.pdf")):
        args = [verb, str(path), str(out)] if verb == "export-csv" else \
            [verb, str(path), "-o", str(out)]
        assert main(args) == 1, verb
        err = capsys.readouterr().err.strip()
        assert err.startswith("casefile: big.casefile is damaged (SQLite's quick check:"), err
        assert "casefile repair big.casefile" in err and "Traceback" not in err
        assert "\n" not in err and not out.exists()
    assert main(["info", str(path)]) == 0
    captured = capsys.readouterr()
    assert "Shipments:" in captured.out or "shipments:" in captured.out.lower()
    assert captured.err.startswith("casefile: warning: big.casefile is damaged")
    assert path.read_bytes() == kept.read_bytes()  # reading wrote nothing


def test_one_byte_flipped_in_a_party_page_is_noticed_by_an_export(demo, tmp_path, capsys):
    """The review's damage: one byte flipped in the parties' page, which SQLite reads back
    as junk without an error; export-csv wrote a junk row and dropped a party (exit 0)."""
    path = demo.path
    demo.close()
    con = sqlite3.connect(path)
    (page,) = con.execute("SELECT pageno FROM dbstat WHERE name = 'entity' AND pagetype = "
                          "'leaf' ORDER BY pageno LIMIT 1").fetchone()
    size = con.execute("PRAGMA page_size").fetchone()[0]
    con.close()
    with open(path, "r+b") as f:
        f.seek((page - 1) * size + 3)  # the page header's cell-content offset
        byte = f.read(1)
        f.seek(-1, os.SEEK_CUR)
        f.write(bytes([byte[0] ^ 0x10]))
    assert main(["export-csv", str(path), str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "is damaged (SQLite's quick check:" in err and "\n" not in err.strip()
    assert not (tmp_path / "out").exists()


def test_repair_saves_every_readable_row_and_counts_the_lost(damaged, tmp_path):
    path, all_ids = damaged
    before = sha(path)
    out = tmp_path / "repaired.casefile"
    report = repair_case(path, out)
    assert sha(path) == before  # the original is never written
    assert report.problems and report.digests_known
    ship = next(t for t in report.tables if t.table == "shipment")
    assert ship.lost > 0 and ship.saved + ship.lost == len(all_ids)
    assert ship.unreadable and ship.saved > len(all_ids) // 2
    cit = next(t for t in report.tables if t.table == "citation")
    assert cit.orphans > 0  # citations of the lost shipments are left out, not dangling
    ent = next(t for t in report.tables if t.table == "entity")
    assert ent.saved == 300 and not ent.lost
    checked = check_case(out)
    assert checked.ok, checked.problems
    with Case.open(out) as case:
        assert case.counts()["shipment"] == ship.saved
        with case.read() as conn:
            last = conn.exec_driver_sql("SELECT action, summary FROM audit_log ORDER BY id "
                                        "DESC LIMIT 1").one()
        assert last == ("repair", "Repaired from the damaged case big.casefile")
        case.set_info(title="editable again")  # a repaired case takes edits


def test_repair_command_reports_per_table_and_refuses_to_overwrite(damaged, tmp_path, capsys):
    path, _ids = damaged
    out = tmp_path / "r.casefile"
    assert main(["repair", str(path), "-o", str(out)]) == 1  # rows were lost: exit 1
    captured = capsys.readouterr()
    assert "  shipment: " in captured.out and " lost; unreadable row ids " in captured.out
    assert "big.casefile is unchanged" in captured.out
    assert main(["repair", str(path), "-o", str(out)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert main(["repair", str(path), "-o", str(path)]) == 1
    assert "that is the case itself" in capsys.readouterr().err


def test_repairing_a_sound_case_copies_it_whole(demo, tmp_path):
    demo_path = demo.path
    counts = demo.counts()
    demo.close()
    out = tmp_path / "copy.casefile"
    report = repair_case(demo_path, out)
    assert not report.problems and not report.lost_anything
    with Case.open(out) as case:
        assert case.counts() == counts
        assert case.search("NORINCO")
    assert check_case(out).ok


def test_repair_waits_for_no_writer_it_refuses_while_one_holds_the_case(demo, tmp_path):
    from casefile.errors import CaseLockedError

    with pytest.raises(CaseLockedError, match="is open for writing by"):
        repair_case(demo.path, tmp_path / "r.casefile")
    assert not (tmp_path / "r.casefile").exists()


REPAIR = """
import sys
from casefile.cli import main
import casefile.services.case.repair, casefile.services.case.integrity  # noqa
print("ready", flush=True)
sys.exit(main(["repair", sys.argv[1], "-o", sys.argv[2]]))
"""


@pytest.mark.slow
def test_repair_killed_at_random_moments_leaves_nothing_or_a_whole_case(damaged, tmp_path):
    import random

    from tests.store.files import run_until_killed, timed

    path, _ids = damaged
    before = sha(path)
    left_alone = REPAIR.replace("sys.exit(main(", "(main(")  # exit 0 even when rows were lost
    took = timed(left_alone, [str(path), str(tmp_path / "timing.casefile")])
    rng = random.Random(14)
    outcomes = []
    for i in range(5):
        out = tmp_path / f"k{i}.casefile"
        run_until_killed(REPAIR, [str(path), str(out)], rng.uniform(0, took))
        outcomes.append(out.exists())
        if out.exists():
            assert check_case(out).ok
        assert sha(path) == before
    assert not all(outcomes), "no kill landed before the end: the test proved nothing"
    # the killed attempts left the original free: a repair now runs through
    assert main(["repair", str(path), "-o", str(tmp_path / "final.casefile")]) == 1
    assert check_case(tmp_path / "final.casefile").ok


def test_the_window_turns_a_damaged_case_read_only_and_says_why(damaged, qtbot, tmp_path):
    from PySide6.QtCore import QSettings

    from casefile.ui.main_window import MainWindow
    from tests.ui.conftest import wait_idle

    path, _ids = damaged
    win = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.show()
    win.open_path(path)
    qtbot.waitUntil(lambda: win.session.case is not None, timeout=20000)
    qtbot.waitUntil(lambda: win.session.readonly, timeout=20000)
    wait_idle(qtbot, win)
    assert "repair" in win.statusBar().currentMessage()
    assert not win.menus.actions()["new_shipment"].isEnabled()
    qtbot.waitUntil(lambda: "(read-only)" in win.windowTitle(), timeout=20000)
    win.session.shut_down()


def test_shipments_of_lost_parties_are_kept_and_every_count_is_true(tmp_path):
    """(helper-62) One damaged page of parties left out every shipment of theirs, though
    each shipment's own data was read whole, and the report said route stops were saved
    that the new case did not hold. Every shipment is kept, linked as it was: to its party
    or to the stand-in the repair made for a lost one; each table's count is what the new
    case holds."""
    path = tmp_path / "big.casefile"
    synthetic.build_synthetic_case(path, shipments=2_000, entities=300, sources=50,
                                   citations=3_000).close()
    with closing(sqlite3.connect(path)) as con, con:
        links = {r[0]: r[1:] for r in con.execute(
            "SELECT id, shipper_id, consignee_id FROM shipment")}
    _damage_leaf(path, "entity")
    out = tmp_path / "repaired.casefile"
    report = repair_case(path, out)
    by = {t.table: t for t in report.tables}
    assert by["entity"].lost > 0 and by["entity"].stand_ins
    assert by["shipment"].saved == len(links) and not by["shipment"].orphans
    con = sqlite3.connect(out)
    try:
        for table, t in by.items():
            if t.error is None and table != "audit_log":  # (+ the repair's own entry)
                held = con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
                assert held == t.saved + len(t.stand_ins)
        kept = {r[0]: r[1:] for r in con.execute(
            "SELECT id, shipper_id, consignee_id FROM shipment")}
        stand_ins = {r[0] for r in con.execute("SELECT id FROM entity WHERE name LIKE "
                                               "'Lost party #%' AND kind = 'other'")}
    finally:
        con.close()
    assert kept == links  # every link as it was
    assert stand_ins == set(by["entity"].stand_ins)
    assert check_case(out).ok


def test_a_lost_partys_sanctions_and_relationships_are_kept_with_a_stand_in(tmp_path, capsys):
    """(session 14's note) A junk page of parties took their sanctions and relationships
    with it, though those were read whole. The repair keeps them, on a stand-in party of
    the lost one's id, named by its first alias; its description says what happened."""
    import json

    from casefile.services.exchange.imports.ftm import import_ftm

    lines = []
    for i in range(400):  # every fourth gives no other name nor identifier
        lines.append({"id": f"c{i}", "schema": "Company", "properties": {
            "name": [f"Company {i} " + "Trading and Logistics " * 3], "country": ["ru"],
            **({} if i % 4 == 0 else {"alias": [f"ООО «Компания {i}»"],
                                      "innCode": [f"77{i:08d}"]})}})
    for i in range(400):
        lines.append({"id": f"s{i}", "schema": "Sanction", "properties": {
            "entity": [f"c{i}"], "authority": ["OFAC"], "program": ["RUSSIA-EO14024"],
            "startDate": ["2022-03-11"]}})
        lines.append({"id": f"o{i}", "schema": "Ownership", "properties": {
            "owner": [f"c{i}"], "asset": [f"c{(i + 1) % 400}"], "percentage": ["51"]}})
    src = tmp_path / "list.ftm.json"
    src.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines),
                   encoding="utf-8")
    path = tmp_path / "case.casefile"
    with Case.new(path) as case:
        import_ftm(case, src)
    with closing(sqlite3.connect(path)) as con, con:
        sanctions = con.execute("SELECT id, entity_id, programme FROM sanction").fetchall()
        owns = con.execute("SELECT id, subject_id, object_id, kind FROM relationship").fetchall()
        first_alias = dict(con.execute("SELECT entity_id, min(name) FROM alias GROUP BY "
                                       "entity_id").fetchall())
    _damage_leaf(path, "entity")
    out = tmp_path / "r.casefile"
    report = repair_case(path, out)
    entity = next(t for t in report.tables if t.table == "entity")
    lost = {i for a, b in entity.unreadable for i in range(a, b + 1)}
    assert entity.lost and set(entity.stand_ins) <= lost and entity.stand_ins
    with closing(sqlite3.connect(out)) as con, con:
        assert con.execute("SELECT id, entity_id, programme FROM sanction").fetchall() == \
            sanctions
        assert con.execute("SELECT id, subject_id, object_id, kind FROM "
                           "relationship").fetchall() == owns
        marks = ",".join("?" * len(entity.stand_ins))
        stand = con.execute("SELECT id, name, kind, description, tags FROM entity WHERE id "
                            f"IN ({marks})", entity.stand_ins).fetchall()
    assert len(stand) == len(entity.stand_ins)
    assert any(eid not in first_alias for eid, *_r in stand)  # (the damage took some)
    for eid, name, kind, about, tags in stand:  # (look18) never named after a source
        shown = f"Lost party #{eid}" + (f": {first_alias[eid]}" if eid in first_alias else "")
        assert name == shown and kind == "other"
        assert about.startswith(f"Made by repair: party #{eid} of case.casefile could not "
                                "be read") and "Rename it" in about
        assert tags == "lost in repair"
    assert f"{len(entity.stand_ins)} of the lost are kept as stand-in parties ('Lost " \
        "party #id')" in entity.line()
    assert check_case(out).ok
    assert main(["info", str(out)]) == 0  # (look18) the count said what repair made
    said = capsys.readouterr().out
    assert f"of them {len(entity.stand_ins)} stand-ins for parties a repair lost" in said
    with Case.open(out) as case:  # found by its alias, as the party was
        named = next(e for e in entity.stand_ins if e in first_alias)
        word = first_alias[named].split("«")[1].rstrip("»")
        assert ("entity", named) in {(h.kind, h.id) for h in case.search(word)}


def test_a_case_cut_short_by_a_page_is_repaired_whole(demo, tmp_path):
    """(helper-62) A case missing only its last page was 'too damaged to repair: its list
    of tables cannot be read'; given back its stated length, every row is read."""
    with demo.read() as conn:
        rows = sum(conn.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar()
                   for t in ("entity", "shipment", "citation", "source"))
    path = demo.path
    demo.close()
    cut = tmp_path / "cut.casefile"
    data = path.read_bytes()
    cut.write_bytes(data[:-4096])
    report = repair_case(cut, tmp_path / "r.casefile")
    assert "bytes shorter than its header says" in report.problems[0]
    by = {t.table: t for t in report.tables}
    assert sum(by[t].saved for t in ("entity", "shipment", "citation", "source")) == rows


def test_a_damaged_case_is_told_about_repair_not_only_backups(demo, tmp_path, capsys):
    """(helper-62) info and check on a truncated case said 'Restore it from a backup copy'
    and never named `casefile repair`."""
    path = demo.path
    demo.close()
    cut = tmp_path / "cut.casefile"
    cut.write_bytes(path.read_bytes()[:-4096])
    assert main(["info", str(cut)]) == 1
    err = capsys.readouterr().err
    assert "casefile repair cut.casefile -o REPAIRED.casefile" in err


def test_a_row_of_an_unreadable_range_counts_as_lost_where_no_digest_lists_it(demo, tmp_path):
    """(look16) The demo cut 40,960 bytes short lost its second audit entry ("unreadable row
    ids 2"), yet the summary said "0 lost" beside exit status 1."""
    path = demo.path
    demo.close()
    cut = tmp_path / "cut40k.casefile"
    cut.write_bytes(path.read_bytes()[:-40960])
    report = repair_case(cut, tmp_path / "r.casefile")
    by = {t.table: t for t in report.tables}
    assert by["audit_log"].unreadable and by["audit_log"].lost == 0
    assert by["audit_log"].lost_count() >= 1 and report.lost_anything
    assert report.lines()[-1].endswith(f"{sum(t.lost_count() for t in report.tables):,} "
                                       "lost; cut40k.casefile is unchanged")
    assert ", 0 lost;" not in report.lines()[-1]
    assert "SQLite's check found 2 problems, the first: " in report.lines()[0]
    assert "  audit_log: 1 saved; 1 lost; unreadable row ids 2" in report.lines()


def test_lost_parties_are_named_by_what_was_left_of_them(tmp_path):
    """(look16) A junk page of parties lost 24 of them; their aliases and citations, which
    named them and the lines they came from, were left out unread."""
    path = tmp_path / "parties.casefile"
    synthetic.build_synthetic_case(path, shipments=200, entities=300, sources=10,
                                   citations=300).close()
    _damage_leaf(path, "entity")
    report = repair_case(path, tmp_path / "r.casefile")
    entity = next(t for t in report.tables if t.table == "entity")
    assert entity.lost and len(entity.traces) == entity.lost
    lost_ids = {i for a, b in entity.unreadable for i in range(a, b + 1)}
    assert set(entity.traces) <= lost_ids
    with closing(sqlite3.connect(path)) as con, con:  # what the traces say is what the file held
        aliases = dict(con.execute("SELECT entity_id, name FROM alias").fetchall())
    assert all(aliases[i] in said for i, said in entity.traces.items() if i in aliases)
    assert sorted(entity.traces) == entity.stand_ins  # each kept as a stand-in, named
    assert f"{entity.lost} of the lost are kept as stand-in parties" in entity.line()
    named = [line for line in report.lines() if line.startswith("    #")]
    assert len(named) == entity.lost  # every one (look17: 8 of 24 were named)
    with closing(sqlite3.connect(tmp_path / "r.casefile")) as con, con:  # and kept in the audit log
        detail = con.execute("SELECT detail FROM audit_log WHERE action = 'repair'").fetchone()
    assert all(f'"{rid}":' in detail[0] for rid in entity.traces)


def test_a_lost_party_the_audit_log_recorded_is_restored_with_its_last_values(tmp_path):
    """(look18) A stand-in said its party's name and kind were lost while the audit log of
    the very case recorded them, as made and as last edited. A party made or edited in the
    window is restored from the audit log; the dossier does not cite a stand-in's sources
    for what the repair wrote (its kind, its notes)."""
    import json

    import pypdf

    from casefile.services.exchange.export_pdf import export_dossier
    from casefile.services.queries.dossier import DossierOptions

    path = tmp_path / "hand.casefile"
    made, referred = {}, set()
    with Case.new(path) as case:
        source = case.create("source", {"title": "EGRUL extract", "kind": "database"}).result
        for i in range(150):  # every fifth with nothing that refers to it
            eid = case.create("entity", {
                "name": f"ООО «Вектор {i}»", "kind": "company" if i % 2 else "person",
                "country": "RU", "description": f"Party {i}: " + "notes " * 40},
                {"alias": [{"name": f"Vektor {i}"}]} if i % 5 else None).result
            if i % 5:
                case.create("sanction", {"entity_id": eid, "authority": "OFAC",
                                         "programme": "RUSSIA-EO14024", "date": "2022"})
                referred.add(eid)
            if i % 3 == 0:  # edited after it was made: its last name is restored
                case.update("entity", eid, {"name": f"ООО «Вектор {i}» (renamed)"})
            made[eid] = (f"ООО «Вектор {i}»" + (" (renamed)" if i % 3 == 0 else ""),
                         "company" if i % 2 else "person")
        case.create("citation", {"source_id": source, "entity_id": next(iter(made)),
                                 "locator": "p. 1"})
    _damage_leaf(path, "entity")
    out = tmp_path / "r.casefile"
    report = repair_case(path, out)
    entity = next(t for t in report.tables if t.table == "entity")
    assert entity.lost and entity.restored and not entity.stand_ins
    assert "of the lost restored from the audit log" in entity.line()
    with closing(sqlite3.connect(out)) as con, con:
        rows = {r[0]: r[1:] for r in con.execute("SELECT id, name, kind, country, tags, "
                                                  "description FROM entity")}
        sanctioned = {r[0] for r in con.execute("SELECT entity_id FROM sanction")}
    assert set(made) <= set(rows) and sanctioned == referred  # every party, every sanction
    assert set(entity.restored) - referred  # (one that nothing refers to is put back too)
    for eid in entity.restored:
        name, kind, country, tags, about = rows[eid]
        assert (name, kind) == made[eid] and country == "RU"
        assert "restored in repair" in tags.split(",") and about.startswith("Party ")
    assert check_case(out).ok
    pdf = tmp_path / "restored.pdf"
    with Case.open(out) as case:  # (look19) the dossier says so
        export_dossier(case, pdf, DossierOptions(sections=("entities",)))
    text = " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(str(pdf)).pages)
                    .split())
    assert text.count("Restored by a repair, from the audit log's record of its last values: "
                      "its own row could not be read") == len(entity.restored)

    # a stand-in's dossier profile: what the repair wrote is not credited to its sources
    stand = tmp_path / "stand.casefile"
    src = tmp_path / "p.ftm.json"
    src.write_text("".join(
        json.dumps({"id": f"c{i}", "schema": "Company", "properties": {
            "name": [f"Company {i} " + "Trading " * 20], "alias": [f"Alias {i}"]}}) + "\n"
        for i in range(300)), encoding="utf-8")
    from casefile.services.exchange.imports.ftm import import_ftm

    with Case.new(stand) as case:
        import_ftm(case, src)
    _damage_leaf(stand, "entity")
    report = repair_case(stand, tmp_path / "s.casefile")
    lost = next(t for t in report.tables if t.table == "entity").stand_ins
    pdf = tmp_path / "s.pdf"
    with Case.open(tmp_path / "s.casefile") as case:
        export_dossier(case, pdf, DossierOptions(sections=("entities",)))
    text = " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(str(pdf)).pages)
                    .split())
    assert f"Lost party #{lost[0]}: Alias" in text
    assert "Kind not known: the party's own record was lost (a stand-in made by repair)" \
        in text and "Kind other" not in text
    notes = text.split(f"Made by repair: party #{lost[0]} of stand.casefile")[1]
    assert notes.split("was.")[0].rstrip().endswith("Rename it and set its kind once you "
                                                    "know which party it")
    assert not notes.split("was.")[1].lstrip().startswith("[")  # no citation mark after it


def test_importing_the_list_again_names_its_stand_ins(tmp_path):
    """(look18) After a repair, importing the original list again gave a stand-in only an
    alias (its name stayed 'Lost party #…', its kind other), and offered a person's
    stand-in only as 'same name but not a person'. The import names it again: the file's
    name and kind, its repair tag gone; nothing is made twice."""
    import json

    from casefile.services.exchange.imports.ftm import import_ftm

    src = tmp_path / "list.ftm.json"
    src.write_text("".join(json.dumps({
        "id": f"e{i}", "schema": "Person" if i % 2 else "Company", "properties": {
            "name": [f"{'Person' if i % 2 else 'Company'} {i} " + "Long Name " * 8],
            "alias": [f"Псевдоним {i}"], "country": ["ru"]}}, ensure_ascii=False) + "\n"
        for i in range(300)), encoding="utf-8")
    path = tmp_path / "case.casefile"
    with Case.new(path) as case:
        import_ftm(case, src)
    with closing(sqlite3.connect(path)) as con, con:
        before = {r[0]: r[1:] for r in con.execute("SELECT id, name, kind FROM entity")}
    _damage_leaf(path, "entity")
    out = tmp_path / "r.casefile"
    lost = next(t for t in repair_case(path, out).tables if t.table == "entity").stand_ins
    assert lost and any(before[e][1] == "person" for e in lost)
    with Case.open(out) as case:
        report = import_ftm(case, src, again=True).result
    assert not report.new_entities and not report.proposals
    with closing(sqlite3.connect(out)) as con, con:
        after = {r[0]: r[1:] for r in con.execute("SELECT id, name, kind FROM entity")}
        tags = dict(con.execute("SELECT id, tags FROM entity"))
    assert after == before  # every stand-in named again, as it was
    assert not [e for e in lost if "lost in repair" in tags[e]]


def _damage_rows(path, table, ids):
    """Overwrite the leaf pages of ``table`` that hold rows ``ids`` (leaves in key order:
    dbstat's path; each holds ``ncell`` rows of the ids in order); the ids they held."""
    con = sqlite3.connect(path)
    leaves = con.execute("SELECT pageno, ncell FROM dbstat WHERE name = ? AND pagetype = "
                         "'leaf' ORDER BY path", (table,)).fetchall()
    size = con.execute("PRAGMA page_size").fetchone()[0]
    rows = [r for (r,) in con.execute(f"SELECT id FROM {table} ORDER BY id")]
    con.close()
    held, at = [], 0
    for page, n in leaves:
        on = rows[at:at + n]
        at += n
        if set(on) & set(ids):
            held += on
            with open(path, "r+b") as f:
                f.seek((page - 1) * size)
                f.write(b"\xff" * 8 + os.urandom(size - 8))
    return held


def test_the_audit_log_is_played_with_its_undos(tmp_path):
    """(look19) Repair crashed as a bug on a party made with no description (the audit log
    leaves empty values out; NOT NULL refused the row), played an undo entry as a new edit
    (an undone rename came back), and lost a party deleted and brought back by undo; an
    undone party whose id an import reused came back in its place, and a party imported
    then renamed in the window became a stand-in without the name given it."""
    import json

    from casefile.services.exchange.imports.ftm import import_ftm

    path = tmp_path / "hand.casefile"
    with Case.new(path) as case:
        ids = []
        for i in range(60):
            eid = case.create("entity", {"name": f"Party {i} " + "Holding " * 12}).result
            case.update("entity", eid, {"name": f"Final {i} " + "Holding " * 12})
            case.update("entity", eid, {"name": f"Undone {i}"})
            case.undo()  # the rename taken back
            if i % 3 == 0:
                case.delete("entity", eid)
                case.undo()  # deleted, and brought back
            ids.append(eid)
        gone = case.create("entity", {"name": "Made then undone"}).result
        case.undo()
        src = tmp_path / "list.ftm.json"
        src.write_text("".join(json.dumps({"id": f"c{i}", "schema": "Company", "properties": {
            "name": [f"Imported {i} " + "Trading " * 12], "alias": [f"Alias {i}"]}}) + "\n"
            for i in range(40)), encoding="utf-8")
        import_ftm(case, src)
        reused = gone  # the import numbered its first party with the id undone
        renamed = reused + 5
        case.update("entity", renamed, {"name": "Renamed by the analyst"})
    with closing(sqlite3.connect(path)) as con, con:
        before = dict(con.execute("SELECT id, name FROM entity"))
    assert before[reused].startswith("Imported 0")
    lost = _damage_rows(path, "entity", [ids[10], ids[30], reused, renamed])
    out = tmp_path / "r.casefile"
    report = repair_case(path, out)  # (look19: "IntegrityError … a bug")
    entity = next(t for t in report.tables if t.table == "entity")
    with closing(sqlite3.connect(out)) as con, con:
        after = dict(con.execute("SELECT id, name FROM entity"))
        kinds = dict(con.execute("SELECT id, tags FROM entity"))
    hand = [e for e in lost if e in ids]
    assert hand and set(hand) <= set(entity.restored)
    assert all(after[e] == before[e] and after[e].startswith("Final ") for e in hand)
    assert reused in entity.stand_ins and after[reused] == f"Lost party #{reused}: Alias 0"
    assert renamed in entity.stand_ins
    assert after[renamed] == f"Lost party #{renamed}: Renamed by the analyst"
    assert "lost in repair" in kinds[renamed] and "restored in repair" in kinds[hand[0]]
    assert sorted(entity.traces) == entity.stand_ins  # what is named below is stand-ins
    assert check_case(out).ok


def test_a_damaged_page_of_the_audit_log_loses_that_page_only(tmp_path):
    """(look20) One damaged page of the audit log lost all of it ('0 saved; nothing
    readable'): reading its first and last id together scanned the whole table. The other
    entries are kept, the lost ones counted, and what they hold still restores parties."""
    path = tmp_path / "log.casefile"
    with Case.new(path) as case:
        ids = [case.create("entity", {"name": f"Party {i} " + "Holding " * 12,
                                      "description": "notes " * 30}).result
               for i in range(120)]
    with closing(sqlite3.connect(path)) as con, con:
        entries = [r for (r,) in con.execute("SELECT id FROM audit_log ORDER BY id")]
        before = dict(con.execute("SELECT id, name FROM entity"))
    gone = _damage_rows(path, "audit_log", [entries[len(entries) // 2]])
    lost = _damage_rows(path, "entity", [ids[10]])
    report = repair_case(path, tmp_path / "r.casefile")
    log = next(t for t in report.tables if t.table == "audit_log")
    unread = {i for a, b in log.unreadable for i in range(a, b + 1)}
    assert log.error is None and set(gone) <= unread and len(unread) < 10
    assert log.saved == len(entries) - len(unread) and log.lost_count() == len(unread)
    entity = next(t for t in report.tables if t.table == "entity")
    with closing(sqlite3.connect(tmp_path / "r.casefile")) as con, con:
        after = dict(con.execute("SELECT id, name FROM entity"))
    assert set(lost) <= set(entity.restored)  # their entries were on other pages
    assert all(after[e] == before[e] for e in entity.restored)


def test_a_trade_imports_lost_parties_are_named_by_the_cells_they_came_from(tmp_path):
    """(look20) A trade import's shipper and consignee have no alias nor identifier, and are
    cited by the same row: their stand-ins were both 'Lost party #…', said to come from
    'trade.csv, row 2'. They are named by the cell the import quoted, and say it."""
    from casefile.services.exchange.imports.shipments import import_shipments

    rows = [f"ООО «ВЕКТОР-{i}»,Shenzhen Parts {i} Co. Ltd,2022-01-{1 + i % 28:02d},8806,"
            f"drones,CN,RU" for i in range(400)]
    src = tmp_path / "trade.csv"
    src.write_text("ShipperName,ConsigneeName,ArrivalDate,HSCode,GoodsDescription,Origin,"
                   "Destination\n" + "\n".join(rows) + "\n", "utf-8")
    path = tmp_path / "case.casefile"
    with Case.new(path) as case:
        import_shipments(case, src)
    with closing(sqlite3.connect(path)) as con, con:
        names = dict(con.execute("SELECT id, name FROM entity"))
    _damage_leaf(path, "entity")
    report = repair_case(path, tmp_path / "r.casefile")
    entity = next(t for t in report.tables if t.table == "entity")
    assert len(entity.stand_ins) > 2
    with closing(sqlite3.connect(tmp_path / "r.casefile")) as con, con:
        got = {eid: (name, about) for eid, name, about in con.execute(
            "SELECT id, name, description FROM entity WHERE id IN "
            f"({','.join(map(str, entity.stand_ins))})")}
    for eid, (name, about) in got.items():
        assert name == f"Lost party #{eid}: {names[eid]}"
        column = "ShipperName" if names[eid].startswith("ООО") else "ConsigneeName"
        assert "Imported trade data: trade.csv, row " in about
        assert f": “{column}: {names[eid]}”" in about


def test_a_stand_in_the_user_described_and_lost_again_keeps_what_they_recorded(tmp_path):
    """(look20) A stand-in the user had given a kind, a country and a note, lost again in
    a second repair, came back as kind other with only its name. What the audit log
    recorded of it comes back with it; it stays a stand-in (its other values were lost)."""
    import json

    from casefile.services.exchange.imports.ftm import import_ftm

    src = tmp_path / "list.ftm.json"
    src.write_text("".join(json.dumps({"id": f"c{i}", "schema": "Person", "properties": {
        "name": [f"Imported {i} " + "Trading " * 12], "alias": [f"Alias {i}"]}}) + "\n"
        for i in range(60)), encoding="utf-8")
    path = tmp_path / "case.casefile"
    with Case.new(path) as case:
        import_ftm(case, src)  # written in bulk: the audit log holds none of their values
    eid = 30
    _damage_rows(path, "entity", [eid])
    first = tmp_path / "r1.casefile"
    assert eid in next(t for t in repair_case(path, first).tables
                       if t.table == "entity").stand_ins
    with Case.open(first) as case:  # the user says who it was
        case.update("entity", eid, {"name": "ООО «Ромашка»", "kind": "company",
                                    "country": "RU", "description": "Our shell in Tver",
                                    "tags": "lead"})
    _damage_rows(first, "entity", [eid])
    out = tmp_path / "r2.casefile"
    entity = next(t for t in repair_case(first, out).tables if t.table == "entity")
    assert eid in entity.stand_ins
    with Case.open(out) as case:
        got = case.get("entity", eid)
    assert got["name"] == f"Lost party #{eid}: ООО «Ромашка»"
    assert (got["kind"], got["country"]) == ("company", "RU")
    assert got["description"].startswith("Our shell in Tver\n\nMade by repair:")
    assert set(got["tags"].split(",")) == {"lead", "lost in repair"}
    assert check_case(out).ok


def test_a_case_cut_to_a_third_does_not_say_0_lost_of_tables_it_could_not_read(tmp_path):
    """(session 21) A case cut to 35% of its length (row digests and whole tables gone) said
    '464 rows saved, 0 lost': with no digests to count by, the rows of a table nothing could
    be read of are not known, and the summary says so."""
    path = tmp_path / "whole.casefile"
    synthetic.build_synthetic_case(path, shipments=600, entities=450, sources=10,
                                   citations=600).close()
    cut = tmp_path / "third.casefile"
    data = path.read_bytes()
    cut.write_bytes(data[:int(len(data) * 0.35)])
    report = repair_case(cut, tmp_path / "r.casefile")
    unread = [t.table for t in report.tables if t.error]
    assert not report.digests_known and "shipment" in unread  # what this test is about
    last = report.lines()[-1]
    assert ", 0 lost" not in last
    assert "an unknown number lost (the tables nothing could be read of cannot be " \
           "counted)" in last
    assert any(line.startswith("  shipment: 0 saved; nothing readable")
               for line in report.lines())
