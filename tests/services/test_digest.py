"""The content digest (issue 14, item 8): every change made outside Casefile is named by
`check`; every change made through it keeps `check` OK, and the digest kept incrementally
always equals one recomputed from the rows."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casefile.cli import main
from casefile.core.digests import LtHash, canonical_row, entry_hash, row_digest, row_digester
from casefile.services.case import audit
from casefile.services.case.facade import Case
from casefile.services.case.integrity import check_case
from casefile.services.exchange.demo import write_demo
from casefile.services.exchange.imports.shipments import import_shipments
from casefile.store import digest, migrate


def sql(path: Path, *statements: str, params: tuple = ()) -> None:
    con = sqlite3.connect(path)
    for s in statements:
        con.execute(s, params)
    con.commit()
    con.close()


@pytest.fixture
def demo_path(tmp_path):
    p = tmp_path / "demo.casefile"
    write_demo(p).close()
    return p


def reference(conn) -> dict[str, dict[int, bytes]]:
    """Every content row's digest by the reference recipe (canonical_row of a dict), not
    the fast row_digester the store uses."""
    out: dict[str, dict[int, bytes]] = {}
    for t in digest.content_tables(conn):
        cols = digest.columns(conn, t)
        select = ", ".join(f'"{c}"' for c in cols)
        out[t] = {r[0]: hashlib.sha256(canonical_row(t, dict(zip(cols, r, strict=True))))
                  .digest() for r in conn.exec_driver_sql(f'SELECT {select} FROM "{t}"')}
    return out


def recomputed(case: Case) -> str:
    """The content digest recomputed from the rows by the reference recipe; the stored row
    digests and the store's own recomputation must agree with it row by row."""
    with case.read() as conn:
        rows = reference(conn)
        assert digest.compute_all(conn) == rows
        assert digest.stored(conn) == {t: d for t, d in rows.items() if d}
        state = LtHash()
        for digests in rows.values():
            state.add(digests.values())
        return state.hexdigest()


def head(case: Case) -> str | None:
    with case.read() as conn:
        return audit.head_digest(conn)


def test_the_demo_case_checks_ok_and_its_head_is_the_content(demo_path):
    report = check_case(demo_path)
    assert report.ok, report.problems
    assert report.head_digest == report.content_digest and len(report.content_digest) == 64


TAMPERS = {
    "weight": (["UPDATE shipment SET weight_kg = 120 WHERE id = 3"],
               "shipment 3: changed outside Casefile"),
    "rename": (["UPDATE entity SET name = 'Someone Else' WHERE id = 1"],
               "entity 1: changed outside Casefile"),
    "delete citation": (["DELETE FROM citation WHERE id = (SELECT max(id) FROM citation)"],
                        "citation {max_citation}: deleted outside Casefile"),
    "add entity": (["INSERT INTO entity(id, kind, name, description, tags, created_at, "
                    "updated_at) VALUES (500, 'company', 'Planted', '', '', '2024-01-01', "
                    "'2024-01-01')"], "entity 500: added outside Casefile"),
    "attachment": (["UPDATE attachment SET data = X'414243', size = 3, sha256 = "
                    f"'{hashlib.sha256(b'ABC').hexdigest()}'"],
                   "attachment 1: changed outside Casefile"),
    "audit tail": (["DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)"],
                   "the audit log ends before the last change"),
    "audit all": (["DELETE FROM audit_log"], "the audit log is empty but the case has content"),
    "planted search row": (["INSERT INTO search_index(rowid, title, body) VALUES "
                            f"({(4 << 40) | 999}, 'ghost shipment', 'rifles')"],
                           "search index: a row for shipment 999, which does not exist"),
    "missing search row": ([f"DELETE FROM search_index WHERE rowid = {(1 << 40) | 1}"],
                           "search index: entity 1 has no row"),
}


@pytest.mark.parametrize("name", TAMPERS)
def test_check_names_what_was_changed_outside_casefile(demo_path, name, capsys):
    statements, expected = TAMPERS[name]
    con = sqlite3.connect(demo_path)
    max_citation = con.execute("SELECT max(id) FROM citation").fetchone()[0]
    con.close()
    sql(demo_path, *statements)
    report = check_case(demo_path)
    assert not report.ok
    assert any(p.startswith(expected.format(max_citation=max_citation))
               for p in report.problems), report.problems
    assert main(["check", str(demo_path)]) == 1
    out = capsys.readouterr().out
    assert expected.format(max_citation=max_citation) in out


def test_a_rewritten_digest_does_not_hide_a_change(demo_path):
    """Row digest and state rewritten too: the head of the chain still disagrees."""
    sql(demo_path, "UPDATE shipment SET weight_kg = 120 WHERE id = 3")
    with Case.open(demo_path) as c, c.engine.begin() as conn:
        digest.rebuild(conn)
    problems = check_case(demo_path).problems
    assert any("ends before the last change" in p for p in problems), problems


def test_edits_undo_redo_import_and_its_undo_keep_check_ok(demo_path, tmp_path):
    f = tmp_path / "trade.csv"
    f.write_text("Date,Shipper,Consignee,Goods,Weight\n"
                 "2022-06-01,DJI,Tekhkrim LLC,drone parts,120\n"
                 "2022-07-01,New Maker Ltd,Tekhkrim LLC,rifles,30\n", "utf-8")
    with Case.open(demo_path) as c:
        steps = [
            lambda: c.update("shipment", 3, {"weight_kg": 11000.0}),
            lambda: c.create("entity", {"name": "Fresh Co"}),
            c.undo, c.redo,
            lambda: c.delete("entity", 11, cascade=True),
            c.undo,
            lambda: import_shipments(c, f, accept_missing=True),
            c.undo,
            lambda: import_shipments(c, f, accept_missing=True),
            lambda: c.set_info(title="Renamed case"),
        ]
        for step in steps:
            step()
            assert head(c) == recomputed(c)
    report = check_case(demo_path)
    assert report.ok, report.problems


def test_a_corrupted_file_is_reported_without_a_traceback(demo_path, capsys):
    data = bytearray(demo_path.read_bytes())
    page = 4096
    for i in range(2 * page, min(len(data), 6 * page)):
        data[i] = 0x5A
    demo_path.write_bytes(bytes(data))
    assert main(["check", str(demo_path)]) != 0
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err + captured.out
    said = (captured.err + captured.out).lower()
    assert "damaged" in said or "corrupt" in said or "SQLite:" in captured.out


def test_the_upgrade_from_0002_computes_the_digest(tmp_path):
    from alembic import command

    p = tmp_path / "old.casefile"
    with Case.new(p) as c:
        c.create("entity", {"name": "Tekhkrim"})
        with c.engine.begin() as conn:
            command.downgrade(migrate.alembic_config(conn), "0002")
            assert not conn.exec_driver_sql(
                "SELECT 1 FROM sqlite_master WHERE name = 'row_digest'").first()
    with Case.open(p) as c:
        assert head(c) == recomputed(c)
        with c.read() as conn:
            last = conn.exec_driver_sql(
                "SELECT action FROM audit_log ORDER BY id DESC LIMIT 1").scalar()
        assert last == "upgrade"
        c.update("entity", 1, {"name": "Tekhkrim LLC"})
    assert check_case(p).ok


def test_recipes_are_stable():
    """The recipes in docs/case-file-format.md, pinned."""
    assert canonical_row("entity", {"id": 1, "name": "Техкрим", "country": None,
                                    "weight": 1.5, "data": b"x"}) == (
        '["entity",{"data":{"blob":"' + hashlib.sha256(b"x").hexdigest()
        + '"},"id":1,"name":"Техкрим","weight":1.5}]').encode()
    assert LtHash().hexdigest() == hashlib.sha256(bytes(2048)).hexdigest()
    one, two = LtHash(), LtHash()
    one.add([b"a", b"b"])
    two.add([b"b", b"c", b"a"])
    two.remove([b"c"])
    assert one == two
    assert entry_hash("", "t", "a", "x", "s", "[]") != entry_hash("", "t", "a", "x", "s", "[]",
                                                                   "d")


OPS = st.lists(st.sampled_from(["create", "update", "delete", "undo", "redo", "cite"]),
               min_size=1, max_size=12)


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=OPS, seed=st.integers(0, 1000))
def test_the_incremental_digest_equals_a_full_recomputation(tmp_path_factory, ops, seed):
    p = tmp_path_factory.mktemp("h") / "h.casefile"
    with Case.new(p) as c:
        sid = c.create("source", {"title": "Ledger"}).result
        for i, op in enumerate(ops):
            with c.read() as conn:
                ents = [r[0] for r in conn.exec_driver_sql("SELECT id FROM entity")]
            pick = ents[(seed + i) % len(ents)] if ents else None
            if op == "create" or pick is None:
                c.create("entity", {"name": f"Party {i}"},
                         {"alias": [{"name": f"P{i}"}]})
            elif op == "update":
                c.update("entity", pick, {"name": f"Renamed {i}", "country": "RU"})
            elif op == "delete":
                c.delete("entity", pick, cascade=True)
            elif op == "cite":
                c.cite(sid, "entity", pick, excerpt=f"line {i}")
            elif op == "undo":
                c.undo()
            else:
                c.redo()
            assert head(c) == recomputed(c)
    assert check_case(p).ok


SQL_VALUES = st.one_of(
    st.none(), st.integers(-2**63, 2**63 - 1),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(st.characters(blacklist_categories=())),  # surrogates and controls included
    st.binary(max_size=64))


@given(table=st.text(min_size=1, max_size=8),
       row=st.dictionaries(st.text(st.characters(blacklist_categories=()), min_size=1,
                                   max_size=8), SQL_VALUES, max_size=10))
def test_the_fast_row_digester_is_the_recipe(table, row):
    """The digester the store uses (canonical bytes written straight from a tuple) gives
    the same digest as canonical_row of the row as a dict, for every SQLite value."""
    cols = list(row)
    assert row_digester(table, cols)(tuple(row.values())) == row_digest(table, row)


def test_an_import_after_deletes_reusing_ids_keeps_the_digest(demo_path, tmp_path):
    """New rows whose ids a deleted row had (SQLite reuses the largest id) or that sit above
    the largest digested id are digested without a stale digest left behind."""
    f = tmp_path / "trade.csv"
    f.write_text("Date,Shipper,Consignee,Goods,Weight\n"
                 "2022-06-01,DJI,Tekhkrim LLC,drone parts,120\n"
                 "2022-07-01,New Maker Ltd,Other LLC,rifles,30\n", "utf-8")
    with Case.open(demo_path) as c:
        with c.read() as conn:
            top = conn.exec_driver_sql("SELECT max(id) FROM shipment").scalar()
        c.delete("shipment", top)
        import_shipments(c, f, accept_missing=True)
        assert head(c) == recomputed(c)
        c.undo()
        assert head(c) == recomputed(c)
        c.undo()
        assert head(c) == recomputed(c)
        import_shipments(c, f, accept_missing=True)
        assert head(c) == recomputed(c)
    assert check_case(demo_path).ok
