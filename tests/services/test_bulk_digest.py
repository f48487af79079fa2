"""Rows the bulk path digests as it writes them (casefile.store.bulk_digest): the digest
made from the values in hand is the one the recipe gives for the row the file holds, an
import leaves the same content digest as a recomputation from scratch, and `check` still
names a row changed outside Casefile afterwards."""

from __future__ import annotations

import csv
import sqlite3
from contextlib import closing

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casefile.core.digesters import affinity, make_digester
from casefile.core.digests import row_digester
from casefile.services.case.facade import Case
from casefile.services.case.integrity import check_case
from casefile.services.exchange.imports.shipments import import_shipments
from casefile.store.bulk import insert_many
from tests.services.test_digest import head, recomputed

# a column of each affinity, declared as the case's tables declare them
DECLARED = {"t": "VARCHAR", "i": "INTEGER", "b": "BOOLEAN", "f": "FLOAT", "d": "DATETIME",
            "n": ""}
VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(-2**63, 2**63 - 1),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=12),
    st.sampled_from(["12", " 3.5 ", "-1e3", ".5", "1.", "0x10", "2022-06-01", "1 234",
                     "+7", "e5", "12abc"]),
    st.binary(max_size=8))


def test_affinity_follows_sqlite_rules():
    assert [affinity(d) for d in ("INTEGER", "BIGINT", "VARCHAR", "TEXT", "CLOB", "BLOB", "",
                                  "FLOAT", "DOUBLE", "REAL", "BOOLEAN", "DATETIME",
                                  "NUMERIC", "DECIMAL")] == [
        "integer", "integer", "text", "text", "text", "blob", "blob", "real", "real", "real",
        "numeric", "numeric", "numeric", "numeric"]


@settings(max_examples=300, deadline=None)
@given(rows=st.lists(st.fixed_dictionaries({c: VALUES for c in DECLARED}), min_size=1,
                     max_size=5))
def test_a_digest_from_the_values_in_hand_is_that_of_the_stored_row(rows):
    """Whatever is written, the digest made before SQLite converts it is the digest of the
    row read back — or the digester says it cannot be sure (and the row is read back)."""
    with closing(sqlite3.connect(":memory:")) as con:  # (Python 3.13 warns of one left open)
        con.execute("CREATE TABLE x (id INTEGER PRIMARY KEY, "
                    + ", ".join(f"{c} {d}" for c, d in DECLARED.items()) + ")")
        given_cols = list(DECLARED)
        cols = ["id", *given_cols]
        made = make_digester("x", cols, {c: affinity(d) for c, d in DECLARED.items()} | {
            "id": "integer"}, given_cols)
        read = row_digester("x", cols)
        for rid, row in enumerate(rows, 1):
            values = tuple(row[c] for c in given_cols)
            con.execute(f"INSERT INTO x VALUES (?, {', '.join('?' * len(values))})",
                        (rid, *values))
            stored = con.execute(f"SELECT {', '.join(cols)} FROM x WHERE id = ?",
                                 (rid,)).fetchone()
            mine = made(values, rid)
            if mine is not None:  # None: not sure how SQLite stores it (the row is read back)
                assert mine == read(stored), (values, stored)


def test_the_common_values_need_no_reading_back():
    made = make_digester("x", ["id", "t", "i", "b", "f", "d"],
                         {"id": "integer", "t": "text", "i": "integer", "b": "numeric",
                          "f": "real", "d": "numeric"}, ["t", "i", "b", "f", "d"])
    for row in [("text", 3, True, 1.5, "2022-06-01 10:00:00.000000"), (None,) * 5,
                ("", 0, False, 7, None)]:
        assert made(row, 1) is not None  # None: it could not be sure
    assert made(("a", 1.0, True, 1.5, None), 1) is None  # a float into an integer column
    assert made(("a", 1, "12", 1.5, None), 1) is None  # text SQLite takes for a number


def _csv(path, rows) -> None:
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["Date", "Shipper", "Consignee", "Goods", "Weight", "Origin", "Destination",
                    "TransitCountry", "Value"])
        w.writerows(rows)


def test_an_import_leaves_the_digest_a_recomputation_gives(tmp_path):
    f = tmp_path / "trade.csv"
    _csv(f, [["2022-06-01", "DJI", "Tekhkrim LLC", "drone parts", "120", "CN", "RU", "AE",
              "1000"],
             ["late 2022", "New Maker Ltd", "Other LLC", "rifles", "30,5", "China", "Russia",
              "", ""],
             ["", "DJI", "ООО «Импорт»", "", "", "", "", "Turkey", "12.5"]])
    p = tmp_path / "c.casefile"
    with Case.new(p) as c:
        import_shipments(c, f, accept_missing=True)
        with c.read() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM route_stop").scalar() == 2
        assert head(c) == recomputed(c)
        c.undo()
        assert head(c) == recomputed(c)
        import_shipments(c, f, accept_missing=True)
        assert head(c) == recomputed(c)
    assert check_case(p).ok


def test_check_names_an_imported_row_changed_outside_casefile(tmp_path):
    f = tmp_path / "trade.csv"
    _csv(f, [["2022-06-01", f"Maker {i}", "Buyer LLC", "parts", str(i), "CN", "RU", "", ""]
             for i in range(1, 40)])
    p = tmp_path / "c.casefile"
    with Case.new(p) as c:
        import_shipments(c, f, accept_missing=True)
    assert check_case(p).ok
    con = sqlite3.connect(p)
    con.execute("UPDATE shipment SET weight_kg = 999 WHERE id = 17")
    con.execute("UPDATE citation SET excerpt = 'forged' WHERE shipment_id = 5")
    cid = con.execute("SELECT id FROM citation WHERE shipment_id = 5").fetchone()[0]
    con.commit()
    con.close()
    problems = check_case(p).problems
    assert "shipment 17: changed outside Casefile" in problems
    assert f"citation {cid}: changed outside Casefile" in problems


def _bulk_citations(c, rows, then=None):  # noqa: ANN001, ANN202
    """One operation writing citations of a new source and party in bulk (``rows``:
    excerpt, locator, credibility), then doing ``then(tx)``."""
    sid = c.create("source", {"title": "Ledger"}).result
    eid = c.create("entity", {"name": "Maker"}).result
    cols = ["source_id", "entity_id", "excerpt", "locator", "credibility"]

    def work(tx):  # noqa: ANN001, ANN202
        insert_many(tx.conn, "citation", cols, [(sid, eid, *r) for r in rows], digest=True)
        tx.bulk.append(("citation", "source_id", [sid]))
        if then is not None:
            then(tx)
    c.operation("Bulk", work)


def test_a_batch_with_a_value_it_cannot_be_sure_of_is_read_back(tmp_path):
    """Text that SQLite takes for a number (credibility "6" into an integer column): the
    batch is digested from the file, and the digest is still right."""
    p = tmp_path / "c.casefile"
    with Case.new(p) as c:
        _bulk_citations(c, [("a", "row 1", "6"), ("b", "row 2", 5)])
        with c.read() as conn:
            assert {type(v) for (v,) in conn.exec_driver_sql(
                "SELECT credibility FROM citation")} == {int}
        assert head(c) == recomputed(c)
    assert check_case(p).ok


NAMES = st.sampled_from(["DJI", "Da-Jiang Innovations", "ООО «Техкрим»", "Tekhkrim LLC",
                         "中国北方工业", "Maker 1", "Maker 2", ""])
CELLS = st.tuples(
    st.sampled_from(["2022-06-01", "June 2022", "late 2022", "", "2021"]), NAMES, NAMES,
    st.sampled_from(["drone parts", "rifles", "", "батареи"]),
    st.sampled_from(["", "120", "1 234,5", "0"]),
    st.sampled_from(["CN", "China", "", "HK"]), st.sampled_from(["RU", "Russia", ""]),
    st.sampled_from(["", "", "AE", "Turkey"]), st.sampled_from(["", "1000", "12.5"]))


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(files=st.lists(st.lists(CELLS, min_size=1, max_size=8), min_size=1, max_size=3),
       undo=st.booleans())
def test_random_small_imports_keep_the_digest_a_recomputation_gives(tmp_path_factory,
                                                                     files, undo):
    folder = tmp_path_factory.mktemp("imp")
    p = folder / "c.casefile"
    with Case.new(p) as c:
        for n, rows in enumerate(files):
            f = folder / f"t{n}.csv"
            _csv(f, [list(r) for r in rows])
            try:
                import_shipments(c, f, accept_missing=True, keep_apart=[
                    r[k] for r in rows for k in (1, 2)])
            except Exception as exc:  # noqa: BLE001 - a refused file changes nothing
                # (two generated files with the same rows are the same file: AlreadyImported)
                assert type(exc).__name__ in ("ImportFailed", "NeedsReview",
                                              "AlreadyImported"), exc
            assert head(c) == recomputed(c)
        if undo:
            c.undo()
            assert head(c) == recomputed(c)
    assert check_case(p).ok


def test_a_bulk_writes_rows_are_found_as_one_run_of_ids_not_a_list(tmp_path):
    """Recording a 1M-row import looked its citations up by source and its route stops by
    shipment as lists of every id (100 MB at a million rows): one run of ids is a range."""
    from casefile.store.digest import bulk_ids

    f = tmp_path / "trade.csv"
    _csv(f, [["2022-06-01", f"Maker {i}", "Buyer LLC", "parts", str(i), "CN", "RU",
              "AE" if i % 2 else "", ""] for i in range(1, 60)])
    with Case.new(tmp_path / "c.casefile") as c:
        import_shipments(c, f, accept_missing=True)
        with c.read() as conn:
            src = conn.exec_driver_sql("SELECT max(id) FROM source").scalar()
            ships = [r[0] for r in conn.exec_driver_sql("SELECT id FROM shipment ORDER BY id")]
            cites = [r[0] for r in conn.exec_driver_sql(
                "SELECT id FROM citation WHERE source_id = ? ORDER BY id", (src,))]
            stops = [r[0] for r in conn.exec_driver_sql("SELECT id FROM route_stop ORDER BY id")]
            found = bulk_ids(conn, [("citation", "source_id", [src]),
                                    ("route_stop", "shipment_id", range(ships[0], ships[-1] + 1)),
                                    ("shipment", "id", range(ships[0], ships[-1] + 1))])
            # the 59 shipments' and the 60 new parties' (each cites its row)
            assert found["citation"] == range(cites[0], cites[-1] + 1) and len(cites) == 119
            assert found["route_stop"] == range(stops[0], stops[-1] + 1) and len(stops) == 30
            eid = conn.exec_driver_sql("SELECT min(id) FROM entity").scalar()
        # a citation of another source, then one more of this file's: no longer one run
        other = c.create("source", {"title": "Ledger"}).result
        c.create("citation", {"source_id": other, "entity_id": eid, "excerpt": "x"})
        c.create("citation", {"source_id": src, "entity_id": eid, "excerpt": "y"})
        with c.read() as conn:
            listed = bulk_ids(conn, [("citation", "source_id", [src])])["citation"]
            assert isinstance(listed, list) and len(listed) == 120
            assert listed[:119] == cites and listed[119] > cites[-1] + 1


def test_negative_zero_is_read_back_not_guessed():
    """SQLite reads -0.0 back from a REAL column as 0.0 (Hypothesis found the digest made
    from the value in hand differing): the digester says it cannot be sure."""
    con = sqlite3.connect(":memory:")
    con.execute("CREATE TABLE x (id INTEGER PRIMARY KEY, f FLOAT)")
    made = make_digester("x", ["id", "f"], {"id": "integer", "f": "real"}, ["f"])
    con.execute("INSERT INTO x VALUES (1, ?)", (-0.0,))
    stored = con.execute("SELECT id, f FROM x").fetchone()
    con.close()
    assert made((-0.0,), 1) is None or made((-0.0,), 1) == row_digester("x", ["id", "f"])(
        stored)
    assert made((0.0,), 1) == row_digester("x", ["id", "f"])(stored)


def test_undoing_a_bulk_write_does_not_write_back_a_row_it_made_and_changed(tmp_path):
    """An operation that writes rows in bulk and then changes one of them through the
    journal: undo deletes the bulk rows, and the journal's image of the change does not bring
    the row back."""
    p = tmp_path / "c.casefile"
    with Case.new(p) as c:
        def change(tx):  # noqa: ANN001, ANN202
            cid = tx.conn.exec_driver_sql("SELECT max(id) FROM citation").scalar()
            tx.update("citation", cid, {"excerpt": "a, and more"})
        _bulk_citations(c, [("a", "row 1", 6)], then=change)
        c.undo()
        with c.read() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM citation").scalar() == 0
        assert head(c) == recomputed(c)
    assert check_case(p).ok
