"""Operations on many records at once stay within SQLite's limit on the parameters of one
statement. That limit is 250,000 in Debian's SQLite (what the Linux build ships) but 32,766
in SQLite's own default and 999 before 3.32: editing every party of a 130k-party case
(two parameters each to find the relationships and shipments that show its name) went past
even Debian's. The tests lower the limit to 999, so that a few hundred records take the
same path as 10^5 do."""

import sqlite3

from sqlalchemy import event

from casefile.services.case.integrity import check_case
from casefile.services.case.operations import insert_row
from casefile.services.queries.record import blocking_records
from casefile.store.search import search

N = 700  # parties: 2 × 700 parameters are more than 999


def _low_limit(case, limit=999):
    @event.listens_for(case.engine, "connect")
    def _limit(dbapi_conn, _record):
        dbapi_conn.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, limit)

    case.engine.dispose()  # connections made from here on have the limit
    with case.read() as conn:
        assert conn.connection.driver_connection.getlimit(
            sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) == limit


def _parties(case, n=N):
    def fill(tx):
        ids = [insert_row(tx, "entity", {"name": f"Party {i}"}) for i in range(n)]
        for a, b in zip(ids, ids[1:], strict=False):
            insert_row(tx, "relationship", {"subject_id": a, "object_id": b,
                                            "kind": "owns"})
        for i in ids[::100]:  # one shipment of every 100th party, which keeps it
            insert_row(tx, "shipment", {"shipper_id": i, "declared_goods": f"drone parts {i}"})
        return ids

    return case.operation("Fill", fill).result


def test_editing_every_party_of_a_case_is_one_edit_whatever_the_sqlite(case):
    ids = _parties(case)
    _low_limit(case)
    change = case.edit_many("entity", ids, add_tags=["reviewed"])
    assert change.result == N
    assert all("reviewed" in case.get("entity", i)["tags"] for i in (ids[0], ids[-1]))
    case.undo()
    assert "reviewed" not in (case.get("entity", ids[0])["tags"] or "")
    path = case.path
    case.close()
    assert check_case(path).ok


def test_renaming_many_parties_reindexes_what_shows_their_names(case):
    ids = _parties(case)
    _low_limit(case)

    def rename(tx):
        for i in ids:
            tx.update("entity", i, {"name": f"Renamed {i}"})

    case.operation("Rename", rename)
    with case.read() as conn:
        # a relationship's title shows its parties' names: found by the new one
        found = {(hit.kind, hit.id) for hit in search(conn, f'"Renamed {ids[1]}"')}
    with case.read() as conn:
        links = {("relationship", r[0]) for r in conn.exec_driver_sql(
            "SELECT id FROM relationship WHERE subject_id = ? OR object_id = ?",
            (ids[1], ids[1]))}
    assert ("entity", ids[1]) in found and len(links) == 2 and links <= found


def test_what_keeps_many_parties_from_being_deleted_is_listed(case):
    ids = _parties(case, 1200)
    _low_limit(case)
    with case.read() as conn:
        said = blocking_records(conn, "entity", ids)
    assert len(said) == 12  # the shipments (relationships go with their parties)
    assert all("drone parts" in s for s in said)


def test_deleting_many_parties_with_what_they_hold_and_undoing_it(case):
    ids = _parties(case, 1200)
    _low_limit(case)
    case.delete_many("entity", ids, cascade=True)
    with case.read() as conn:
        left = [conn.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar()
                for t in ("entity", "relationship", "shipment")]
    assert left == [0, 0, 0]
    case.undo()
    with case.read() as conn:
        back = [conn.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar()
                for t in ("entity", "relationship", "shipment")]
    assert back == [1200, 1199, 12]
    path = case.path
    case.close()
    assert check_case(path).ok


def test_editing_every_other_party_goes_a_part_at_a_time(case):
    """(review17) A filtered selection is no run of consecutive ids: its ids go 500 at a
    time, within the limit, to find what shows their names and what blocks a delete."""
    ids = _parties(case, 2400)
    _low_limit(case)
    every_other = ids[::2]
    change = case.edit_many("entity", every_other, add_tags=["reviewed"])
    assert change.result == 1200
    with case.read() as conn:
        said = blocking_records(conn, "entity", every_other)
        tagged = conn.exec_driver_sql(
            "SELECT count(*) FROM entity WHERE tags LIKE '%reviewed%'").scalar()
    assert tagged == 1200 and len(said) == 24  # the shipments of every 100th party
    path = case.path
    case.close()
    assert check_case(path).ok
