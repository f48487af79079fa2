"""Schema 0008 puts a party's dates in its search document: a case at 0007 upgrades (on
open, after a backup) and a year then finds the people born in it and the companies
incorporated in it; the records and the content digest are untouched; a downgrade gives the
parties their 0007 documents back, and the case checks clean throughout."""

import sqlite3

from alembic import command

from casefile.services.case.facade import Case
from casefile.services.case.integrity import check_case
from casefile.store import digest, migrate, search
from tests.store.files import revision


def _found(c, query):
    with c.read() as conn:
        return sorted(h.id for h in search.search(conn, query) if h.kind == "entity")


def _dated_documents(path):
    con = sqlite3.connect(path)  # plain sqlite3: not the code under test
    try:
        return con.execute("SELECT count(*) FROM search_index WHERE body LIKE '%born %' "
                           "OR body LIKE '%incorporated %'").fetchone()[0]
    finally:
        con.close()


def test_a_0007_case_upgrades_to_dated_party_documents_and_back(tmp_path):
    path = tmp_path / "old.casefile"
    with Case.new(path, title="Old") as c:
        smirnov = c.create("entity", {"name": "SMIRNOV, Maria", "kind": "person",
                                      "birth": "2 March 1954"}).result
        aeroscan = c.create("entity", {"name": "AEROSCAN 19545"}).result
        volga = c.create("entity", {"name": "Volga Trade", "incorporation": "1954"}).result
        other = c.create("entity", {"name": "SMIRNOV, Maria", "kind": "person",
                                    "birth": "1961"}).result
        with c.engine.begin() as conn:
            command.downgrade(migrate.alembic_config(conn), "0007")
            before = digest.head(conn)
    assert revision(path) == "0007"
    assert _dated_documents(path) == 0  # as 0007 indexed them: without their dates
    assert check_case(path).ok
    with Case.open(path) as c:
        assert c.schema_version() == migrate.head_revision() >= "0008"
        assert c.backup is not None and c.backup.exists()
        with c.read() as conn:
            assert digest.head(conn) == before  # the records are as they were
        assert _found(c, "1954") == sorted([smirnov, volga])  # (a year is matched whole)
        assert _found(c, "19545") == [aeroscan]
        assert _found(c, "born 1954") == [smirnov]
        assert _found(c, "SMIRNOV 1961") == [other]
        assert _found(c, "incorporated 1954") == [volga]
    assert _dated_documents(path) == 3
    assert check_case(path).ok
    with Case.open(path) as c, c.engine.begin() as conn:
        command.downgrade(migrate.alembic_config(conn), "0007")
    assert revision(path) == "0007" and _dated_documents(path) == 0


def test_an_older_case_is_checked_against_its_own_search_documents(tmp_path):
    """(review19) check_case skipped the whole index of a file older than 0008: a row
    changed outside Casefile passed. The index is checked as the file's schema built it."""
    path = tmp_path / "old.casefile"
    with Case.new(path) as c:
        c.create("entity", {"name": "SMIRNOV, Maria", "kind": "person", "birth": "1954"})
        c.create("event", {"title": "Meeting", "kind": "other"})
        with c.engine.begin() as conn:
            command.downgrade(migrate.alembic_config(conn), "0007")
    assert check_case(path).ok
    con = sqlite3.connect(path)
    try:
        con.execute("UPDATE search_index SET body = 'tampered' WHERE title = 'Meeting'")
        con.commit()
    finally:
        con.close()
    report = check_case(path)
    assert not report.ok and any("event 1 does not match" in p for p in report.problems)
