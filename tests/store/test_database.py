import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time

import pytest

from casefile import errors
from casefile.services.case.facade import Case
from casefile.services.case.integrity import check_case
from casefile.store import database, lock, migrate


def test_new_case_is_sqlite_wal_with_foreign_keys(case, case_path):
    assert case.damage() is None  # SQLite's quick check passed: switched to WAL
    con = sqlite3.connect(case_path)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert con.execute("PRAGMA application_id").fetchone()[0] == database.APPLICATION_ID
    con.close()
    with case.read() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    assert case.schema_version() == migrate.head_revision()


def test_create_refuses_existing_file(case_path):
    case_path.write_text("x")
    with pytest.raises(errors.CaseFileError, match="already exists"):
        Case.new(case_path)


def test_text_file_is_not_a_case(tmp_path):
    p = tmp_path / "notes.casefile"
    p.write_text("hello, this is not a database\n" * 10)
    before = p.read_bytes()
    with pytest.raises(errors.NotACaseError, match="not a Casefile case"):
        Case.open(p)
    assert p.read_bytes() == before


def test_other_sqlite_database_is_not_a_case(tmp_path):
    p = tmp_path / "other.sqlite"
    con = sqlite3.connect(p)
    con.execute("CREATE TABLE t(x)")
    con.commit()
    con.close()
    before = p.read_bytes()
    with pytest.raises(errors.NotACaseError, match="SQLite database but not a Casefile"):
        Case.open(p)
    assert p.read_bytes() == before


def test_truncated_case_is_refused_untouched(demo, tmp_path):
    demo.close()
    data = demo.path.read_bytes()
    p = tmp_path / "cut.casefile"
    p.write_bytes(data[: len(data) // 2])
    with pytest.raises(errors.CorruptCaseError, match="truncated"):
        Case.open(p)
    assert p.read_bytes() == data[: len(data) // 2]


def test_newer_schema_is_refused_untouched(case, case_path):
    case.close()
    con = sqlite3.connect(case_path)
    con.execute("UPDATE alembic_version SET version_num = '9999_future'")
    con.commit()
    con.close()
    before = case_path.read_bytes()
    with pytest.raises(errors.NewerCaseError, match="newer version of Casefile"):
        Case.open(case_path)
    assert case_path.read_bytes() == before


def test_empty_case_file_is_upgraded_to_head_after_backup(tmp_path):
    p = tmp_path / "old.casefile"
    con = sqlite3.connect(p)
    con.execute(f"PRAGMA application_id={database.APPLICATION_ID}")
    con.execute("CREATE TABLE placeholder(x)")  # an empty, pre-schema case
    con.commit()
    con.close()
    with Case.open(p) as c:
        assert c.schema_version() == migrate.head_revision()
        assert c.backup is not None and c.backup.exists()
        assert c.counts()["entity"] == 0
        c.set_info(title="Upgraded")  # fully usable afterwards
    bak = sqlite3.connect(c.backup)
    assert bak.execute("SELECT name FROM sqlite_master WHERE name='entity'").fetchone() is None
    bak.close()


HOLDER = textwrap.dedent("""
    import sys, time
    from casefile.services.case.facade import Case
    c = Case.open(sys.argv[1])
    print("locked", flush=True)
    time.sleep(60)
""")


def test_second_writer_is_told_who_holds_it(case, case_path):
    case.close()
    with subprocess.Popen([sys.executable, "-c", HOLDER, str(case_path)],
                          stdout=subprocess.PIPE, text=True) as proc:  # exit: closes, waits
        try:
            assert proc.stdout.readline().strip() == "locked"
            with pytest.raises(errors.CaseLockedError, match=f"process {proc.pid}"):
                Case.open(case_path)
            with Case.open(case_path, readonly=True) as ro:  # a read-only view is allowed
                assert ro.readonly and ro.info()["title"] == "Test case"
                with pytest.raises(errors.CaseFileError, match="read-only"):
                    ro.create("entity", {"name": "X"})
        finally:
            proc.kill()
    with Case.open(case_path) as again:  # the lock goes with the process
        assert not again.readonly


WRITER = textwrap.dedent("""
    import sys
    from casefile.services.case.facade import Case
    from casefile.store.bulk import insert_many
    c = Case.open(sys.argv[1])
    c.create("entity", {"name": "Committed before the crash"})
    print("committed", flush=True)
    with c.engine.begin() as conn:
        rows = ((f"Uncommitted {i}", "company", "", "", "2022-01-01", "2022-01-01")
                for i in range(10**9))
        insert_many(conn, "entity", ["name", "kind", "description", "tags", "created_at",
                                     "updated_at"], rows, batch=5000)
""")


def test_killed_in_the_middle_of_a_large_write(case, case_path):
    case.close()
    with subprocess.Popen([sys.executable, "-c", WRITER, str(case_path)],
                          stdout=subprocess.PIPE, text=True) as proc:  # exit: closes, waits
        try:
            assert proc.stdout.readline().strip() == "committed"
            time.sleep(1.5)  # let it write a good deal of the uncommitted transaction
        finally:
            os.kill(proc.pid, signal.SIGKILL)
    with Case.open(case_path) as c:
        assert c.counts()["entity"] == 1
        assert c.search("crash")[0].title == "Committed before the crash"
    assert check_case(case_path).ok


def test_case_at_first_schema_is_upgraded_with_attachments_intact(tmp_path):
    """0002 moves attachment.data to the last column (so blobs stream); bytes, hashes and
    the undo journal survive the rebuild."""
    from alembic import command

    p = tmp_path / "v1.casefile"
    with Case.new(p) as c:
        sid = c.create("source", {"title": "Ledger"}).result
        c.attach_file(sid, filename="ledger.csv", data=b"a,b\n1,2\n" * 1000)
        with c.engine.begin() as conn:
            command.downgrade(migrate.alembic_config(conn), "0001")
    con = sqlite3.connect(p)
    cols = [r[1] for r in con.execute("PRAGMA table_info(attachment)")]
    assert cols[-1] == "added_at"  # the first schema, as a user's older file has it
    con.close()
    with Case.open(p) as c:
        assert c.schema_version() == migrate.head_revision()
        with c.read() as conn:
            cols = [r[1] for r in conn.exec_driver_sql("PRAGMA table_info(attachment)")]
            data, sha = conn.exec_driver_sql("SELECT data, sha256 FROM attachment").one()
        assert cols[-1] == "data"
        assert data == b"a,b\n1,2\n" * 1000 and sha == hashlib.sha256(data).hexdigest()
        # deleting the upgraded attachment and undoing it restores the same bytes
        with c.read() as conn:
            aid = conn.exec_driver_sql("SELECT id FROM attachment").scalar()
        c.delete("attachment", aid)
        assert c.counts()["attachment"] == 0
        c.undo()
        with c.read() as conn:
            assert conn.exec_driver_sql("SELECT data FROM attachment").scalar() == data
    assert check_case(p).ok


def test_a_new_case_is_recognised_on_disk_while_still_open(case, case_path):
    """`casefile check` from another process must see a case even before the first close."""
    database.inspect_file(case_path)  # raises NotACaseError if the header lacks the id
    assert check_case(case_path).ok


def _first_schema_case(p):
    from alembic import command

    with Case.new(p) as c:
        c.create("entity", {"name": "Tekhkrim"})
        with c.engine.begin() as conn:
            command.downgrade(migrate.alembic_config(conn), "0001")


def test_read_only_verb_on_an_older_case_reads_an_upgraded_copy(tmp_path, capsys):
    """A read-only open never writes: no backup, no upgrade; the case is read through an
    upgraded temporary copy, and the CLI says so. Opening it for writing upgrades it."""
    from casefile.cli import main

    p = tmp_path / "old.casefile"
    _first_schema_case(p)
    before = p.read_bytes()
    assert main(["info", str(p)]) == 0  # a read-only verb
    captured = capsys.readouterr()
    assert f"Schema:        {migrate.head_revision()}" in captured.out
    assert "Entities:      1" in captured.out
    assert "older schema (0001)" in captured.err and "unchanged" in captured.err
    assert p.read_bytes() == before
    assert sorted(q.name for q in tmp_path.iterdir()) == ["old.casefile"]
    assert main(["import", str(p), str(tmp_path / "none.csv")]) == 1  # a writing verb
    assert "was upgraded" in capsys.readouterr().err
    assert len(list(tmp_path.glob("old.before-upgrade-0001.*.casefile.bak"))) == 1
    with Case.open(p, readonly=True) as c:  # now current: read as it is
        assert c.readonly and c.backup is None and c.counts()["entity"] == 1
    assert not database.owner_path(p).exists()


def test_older_case_open_elsewhere_is_not_upgraded_under_its_feet(tmp_path):
    p = tmp_path / "old.casefile"
    _first_schema_case(p)
    before = p.read_bytes()
    holder = lock.acquire(p)  # another program has it open
    try:
        with pytest.raises(errors.CaseLockedError):
            Case.open(p)
        with Case.open(p, readonly=True) as c:  # reading it is fine, and writes nothing
            assert c.counts()["entity"] == 1
    finally:
        holder.release()
    assert not list(tmp_path.glob("*.bak"))
    assert p.read_bytes() == before


def test_ddl_commits_or_rolls_back_with_its_transaction(tmp_path):
    """pysqlite issues no BEGIN before DDL: without Casefile's own BEGIN a CREATE TABLE
    committed on its own, which is how a killed upgrade left half a schema behind."""
    p = tmp_path / "t.sqlite"
    engine = database.make_engine(p)
    try:
        with pytest.raises(RuntimeError), engine.begin() as conn:
            conn.exec_driver_sql("CREATE TABLE made_then_undone (x)")
            conn.exec_driver_sql("INSERT INTO made_then_undone VALUES (1)")
            raise RuntimeError("killed here")
        with engine.begin() as conn:
            conn.exec_driver_sql("CREATE TABLE kept (x)")
    finally:
        engine.dispose()
    con = sqlite3.connect(p)
    names = {r[0] for r in con.execute("SELECT name FROM sqlite_master")}
    con.close()
    assert names == {"kept"}
