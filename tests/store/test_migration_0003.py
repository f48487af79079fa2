"""Schema 0003 (sanction terms, party details) upgrades a case written by schema 0002 without
losing a row or a value: every column the old schema had keeps its content, citations of
sanctions and parties survive (no table is rebuilt under them), and a sanction's old
'delisted' text becomes its end date with the status 'lifted'."""

import sqlite3

from sqlalchemy import create_engine

from casefile.services.case.facade import Case
from casefile.services.case.integrity import check_case
from casefile.store import database, migrate

OLD_TABLES = ("entity", "alias", "identifier", "relationship", "sanction", "shipment",
              "route_stop", "event", "event_party", "source", "citation", "finding")


def _case_at_0002(path):
    """A case file as Casefile wrote it at schema 0002, with one of everything."""
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.exec_driver_sql(f"PRAGMA application_id={database.APPLICATION_ID}")
        migrate.upgrade(conn, "0002")
    engine.dispose()
    con = sqlite3.connect(path)
    con.execute("PRAGMA foreign_keys=ON")
    now = "2024-01-02 03:04:05.000000"
    con.execute("INSERT INTO case_info(id, title, reference, summary, classification, author, "
                "organisation, created_at, updated_at) VALUES (1, 'Old case', '', '', '', '', "
                "'', ?, ?)", (now, now))
    con.executemany(
        "INSERT INTO entity(id, kind, name, country, description, tags, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(1, "company", "Tekhkrim", "RU", "Russian buyer", "consignee", now, now),
         (2, "company", "Da-Jiang Innovations", "CN", "", "drones", now, now),
         (3, "person", "Maria Osetrova", None, "", "", now, now)])
    con.execute("INSERT INTO alias(entity_id, name, lang, kind) VALUES (1, 'Техкрим', 'ru', "
                "'alias')")
    con.execute("INSERT INTO identifier(entity_id, scheme, value, country) VALUES "
                "(1, 'INN', '7707083893', 'RU')")
    con.execute("INSERT INTO source(id, kind, title, publisher, author, url, accessed, "
                "language, reliability, protected, notes, tags, date_approx, date_uncertain) "
                "VALUES (1, 'news_article', 'Politico', '', '', '', NULL, 'en', 'B', 0, '', '',"
                " 0, 0)")
    sanction = ("INSERT INTO sanction(id, entity_id, authority, programme, reason, delisted, "
                "date_text, date_edtf, date_start, date_end, date_precision, date_approx, "
                "date_uncertain) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0)")
    con.executemany(sanction, [
        (1, 2, "U.S. Treasury", "NS-CMIC", "Surveillance", None, "2021", "2021",
         "2021-01-01", "2021-12-31", "year"),
        (2, 3, "NSDC", "Decree 123", "", "30 October 2024", "2021-05-14", "2021-05-14",
         "2021-05-14", "2021-05-14", "day"),
        (3, 1, "EU", "", "", "after the review", None, None, None, None, None)])
    con.execute("INSERT INTO relationship(id, kind, subject_id, object_id, description, "
                "date_approx, date_uncertain) VALUES (1, 'supplies', 1, 2, 'trade', 0, 0)")
    con.execute("INSERT INTO shipment(id, shipper_id, consignee_id, origin_country, "
                "destination_country, declared_goods, assessed_goods, hs_code, unit, currency,"
                " shipment_count, dual_use, reference, notes, tags, date_text, date_approx, "
                "date_uncertain) VALUES (1, 2, 1, 'CN', 'RU', 'drone parts', '', '8806', '', "
                "'', 12, 1, '', '', '', 'late 2022', 0, 0)")
    con.execute("INSERT INTO route_stop(shipment_id, position, country, place, role) VALUES "
                "(1, 0, 'AE', '', 'transit')")
    con.execute("INSERT INTO event(id, kind, title, description, tags, date_approx, "
                "date_uncertain) VALUES (1, 'designation', 'Listed', '', '', 0, 0)")
    con.execute("INSERT INTO event_party(event_id, entity_id, role) VALUES (1, 2, 'target')")
    con.execute("INSERT INTO finding(id, title, text, confidence, position, tags) VALUES "
                "(1, 'Judgement', '', 'high', 0, '')")
    for col, rid in (("entity_id", 1), ("sanction_id", 1), ("sanction_id", 2),
                     ("relationship_id", 1), ("shipment_id", 1), ("event_id", 1),
                     ("finding_id", 1)):
        con.execute(f"INSERT INTO citation(source_id, {col}, excerpt, locator, credibility) "
                    "VALUES (1, ?, 'quoted', 'p. 1', 2)", (rid,))
    con.commit()
    con.close()


def _dump(path, columns):
    """table -> its rows (the given columns, in id order)."""
    con = sqlite3.connect(path)
    out = {t: con.execute(f"SELECT {', '.join(cols)} FROM {t} ORDER BY id").fetchall()
           for t, cols in columns.items()}
    con.close()
    return out


def test_a_0002_case_is_upgraded_with_nothing_lost(tmp_path):
    p = tmp_path / "old.casefile"
    _case_at_0002(p)
    con = sqlite3.connect(p)
    old_cols = {t: [r[1] for r in con.execute(f"PRAGMA table_info({t})")] for t in OLD_TABLES}
    con.close()
    before = _dump(p, {t: old_cols[t] for t in OLD_TABLES})
    with Case.open(p) as c:
        assert c.schema_version() == migrate.head_revision()
        assert c.backup is not None and c.backup.name.startswith("old.before-upgrade-0002")
    after = _dump(p, {t: [col if col != "delisted" else "end_text" for col in old_cols[t]]
                      for t in OLD_TABLES})
    assert after == before  # every old column, every row, in place ('delisted' renamed)
    con = sqlite3.connect(p)
    sanctions = con.execute("SELECT id, end_text, status, end_edtf, end_start, end_end, "
                            "start_text, program_id, source_url FROM sanction ORDER BY id"
                            ).fetchall()
    entity = con.execute("SELECT other_countries, nationality, topics, address, birth_text, "
                         "birth_approx FROM entity WHERE id = 1").fetchone()
    con.close()
    assert sanctions == [
        (1, None, "", None, None, None, None, "", ""),
        (2, "30 October 2024", "lifted", "2024-10-30", "2024-10-30", "2024-10-30", None, "",
         ""),
        (3, "after the review", "lifted", None, None, None, None, "", "")]  # kept as given
    assert entity == ("", "", "", "", None, 0)
    with Case.open(p) as c:  # usable: the new fields can be written and searched
        c.update("entity", 3, {"nationality": "Russia, gb", "birth": "1972",
                               "birth_place": "Tver"})
        assert c.get("entity", 3)["nationality"] == "RU,GB"
        assert c.search("Tver")[0].title == "Maria Osetrova"
        c.update("sanction", 1, {"end": "2024", "status": "ended"})
        assert c.get("sanction", 1)["end_start"] == "2024-01-01"
    # the fixture writes its rows with plain SQL, as no Casefile would: no search rows for
    # the records nobody edited since. The check says exactly that, and nothing else.
    problems = check_case(p).problems
    assert "search index: shipment 1 has no row" in problems
    assert [x for x in problems
            if not (x.startswith("search index: ") and x.endswith(" has no row"))] == []
