"""Never brick, never lose (issue 14, items 1 and 2): creating a case and upgrading its schema
are all or nothing, also when the process is killed at a random moment; the backup made before
an upgrade is a verified byte copy, written once per upgrade, never partial under its name; a
read-only open writes nothing."""

import hashlib
import random
import shutil
import sqlite3
import textwrap

import pytest

from casefile import errors
from casefile.cli import main
from casefile.services.case.facade import Case
from casefile.services.case.integrity import check_case
from casefile.store import migrate
from tests.store.files import (
    fill,
    first_schema_case,
    revision,
    run_until_killed,
    small_disk,
    tables,
    timed,
    verified,
)

HEAD = migrate.head_revision()


def _backups(folder):
    return sorted(folder.glob("*.bak"))


# -- creation -------------------------------------------------------------------------------
NEW = textwrap.dedent("""
    import sys
    from casefile.cli import main
    import casefile.services.case.facade, casefile.services.case.operations  # noqa
    import casefile.core.grading, casefile.services.case.integrity  # noqa
    print("ready", flush=True)
    sys.exit(main(["new", sys.argv[1], "--marking", "RED", "--title", "Killed"]))
""")


@pytest.mark.slow
def test_new_killed_at_random_moments_leaves_nothing_or_the_whole_case(tmp_path):
    """`casefile new --marking RED` killed midway never leaves a half-built schema or an
    unmarked case under the name."""
    took = timed(NEW, [str(tmp_path / "timing.casefile")])
    rng = random.Random(14)
    outcomes = []
    for i in range(6):
        p = tmp_path / f"k{i}.casefile"
        run_until_killed(NEW, [str(p)], rng.uniform(0, took))
        outcomes.append(p.exists())
        if p.exists():
            with Case.open(p) as c:  # opens for writing: not half-built, nobody holds it
                info = c.info()
                assert (info["marking"], info["title"]) == ("RED", "Killed")
            assert check_case(p).ok
        assert main(["new", str(tmp_path / f"again{i}.casefile"), "--marking", "RED"]) == 0
    assert not all(outcomes), "no kill landed before the end: the test proved nothing"
    # no file of a killed attempt is left beside the cases for ever: the next `new` in the
    # folder removes what dead processes left
    assert main(["new", str(tmp_path / "last.casefile")]) == 0
    left = [p.name for p in tmp_path.iterdir() if not p.name.endswith(".casefile")]
    assert left == [], left


def test_new_that_fails_midway_leaves_nothing(tmp_path, capsys):
    p = tmp_path / "n.casefile"
    assert main(["new", str(p), "--marking", "ORANGE"]) == 1
    assert sorted(tmp_path.iterdir()) == []


# -- upgrades -------------------------------------------------------------------------------
def test_upgrade_backup_is_a_verified_byte_copy_of_the_file_as_it_was(tmp_path):
    p = first_schema_case(tmp_path / "old.casefile", attachment_mb=2)
    before = p.read_bytes()
    with Case.open(p) as c:
        assert c.schema_version() == HEAD
        assert c.backup is not None
        assert c.backup.read_bytes() == before  # bytes, not a re-dump
    assert _backups(tmp_path) == [c.backup]
    assert verified(c.backup)[0] == "ok"
    assert [q.name for q in tmp_path.iterdir() if q.suffix not in (".casefile", ".bak")] == []


def _view_on(p):
    """A user's view over the attachment table: renaming the rebuilt table then fails in
    the middle of migration 0002, after its first DDL."""
    con = sqlite3.connect(p)
    con.execute("CREATE VIEW attachment_sizes AS SELECT id, size FROM attachment")
    con.commit()
    con.close()


def test_a_failed_upgrade_changes_nothing_and_backs_up_once(tmp_path):
    p = first_schema_case(tmp_path / "old.casefile", attachment_mb=1)
    _view_on(p)
    before_tables = tables(p)
    for _ in range(3):
        with pytest.raises(errors.CaseFileError) as info:
            Case.open(p)
        said = str(info.value)
        assert "could not be upgraded" in said and "unchanged" in said, said
        assert revision(p) == "0001" and tables(p) == before_tables  # no half-built table
    backups = _backups(tmp_path)
    assert len(backups) == 1, backups  # one per upgrade, not one per attempt
    assert backups[0].name in said


def test_a_case_half_upgraded_by_an_older_casefile_opens(tmp_path):
    """The old, non-transactional upgrade committed `CREATE TABLE attachment_new` on its own;
    killed after it, every later open failed with 'table attachment_new already exists'."""
    p = first_schema_case(tmp_path / "old.casefile", attachment_mb=1)
    con = sqlite3.connect(p)
    con.execute("CREATE TABLE attachment_new (id INTEGER NOT NULL, source_id INTEGER NOT NULL,"
                " filename VARCHAR NOT NULL, mime VARCHAR NOT NULL, size INTEGER NOT NULL,"
                " sha256 VARCHAR NOT NULL, added_at DATETIME NOT NULL, data BLOB NOT NULL,"
                " PRIMARY KEY (id))")
    con.commit()
    con.close()
    with Case.open(p) as c:
        assert c.schema_version() == HEAD and c.counts()["attachment"] == 1
    assert "attachment_new" not in tables(p)
    assert check_case(p).ok


def test_a_case_left_half_upgraded_is_restored_from_its_backup(tmp_path, monkeypatch):
    """Should a migration ever leave its work behind although it failed (here a step that
    writes outside the transaction, as migrations did before they were transactional), the
    case is put back from the backup made before the upgrade, and the message says so."""
    p = first_schema_case(tmp_path / "old.casefile", attachment_mb=1)
    original = p.read_bytes()

    def half_done(connection, target="head"):
        side = sqlite3.connect(p)
        side.execute("CREATE TABLE attachment_new (id INTEGER)")
        side.commit()
        side.close()
        raise RuntimeError("killed halfway")

    monkeypatch.setattr(migrate, "upgrade", half_done)
    with pytest.raises(errors.CaseFileError, match="restored from the copy made before") as e:
        Case.open(p)
    assert "killed halfway" in str(e.value)
    assert p.read_bytes() == original and "attachment_new" not in tables(p)
    monkeypatch.undo()
    with Case.open(p) as c:
        assert c.schema_version() == HEAD and c.counts()["attachment"] == 1
    assert len(_backups(tmp_path)) == 1


def test_a_backup_that_does_not_verify_is_not_kept(tmp_path):
    p = first_schema_case(tmp_path / "old.casefile", attachment_mb=2, entities=300)
    con = sqlite3.connect(p)
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'entity'").fetchone()[0]
    con.close()
    data = bytearray(p.read_bytes())
    at = (root - 1) * 4096
    data[at + 8:at + 4096] = b"\xa5" * (4096 - 8)  # the entity table's root page, damaged
    p.write_bytes(bytes(data))
    with pytest.raises(errors.CorruptCaseError, match="did not pass SQLite's integrity check"):
        Case.open(p)
    assert p.read_bytes() == bytes(data)
    assert sorted(q.name for q in tmp_path.iterdir()) == ["old.casefile"]


def test_read_only_open_of_an_older_case_writes_nothing(tmp_path):
    p = first_schema_case(tmp_path / "old.casefile")
    before = p.read_bytes()
    listing = sorted(q.name for q in tmp_path.iterdir())
    with Case.open(p, readonly=True) as c:
        assert c.readonly and c.backup is None
        assert c.schema_version() == HEAD  # read through an upgraded temporary copy
        assert c.counts()["entity"] == 1
        with pytest.raises(errors.ReadOnlyError):
            c.create("entity", {"name": "X"})
    assert p.read_bytes() == before
    assert sorted(q.name for q in tmp_path.iterdir()) == listing


def test_backup_that_does_not_fit_leaves_no_file_under_a_backup_name(tmp_path):
    with small_disk(tmp_path / "disk", "64m") as disk:
        p = first_schema_case(disk / "old.casefile", attachment_mb=5)
        before = hashlib.sha256(p.read_bytes()).hexdigest()
        fill(disk, leave=p.stat().st_size // 2)  # the backup cannot fit
        with pytest.raises(errors.CaseFileError, match="space"):
            Case.open(p)
        assert _backups(disk) == []
        assert sorted(q.name for q in disk.iterdir()) == ["filler.bin", "old.casefile"]
        assert hashlib.sha256(p.read_bytes()).hexdigest() == before
        (disk / "filler.bin").unlink()
        with Case.open(p) as c:  # with room, it upgrades
            assert c.schema_version() == HEAD


UPGRADE = textwrap.dedent("""
    import sys
    from casefile.services.case.facade import Case
    import casefile.store.migrations  # noqa
    print("ready", flush=True)
    Case.open(sys.argv[1]).close()
""")


@pytest.mark.slow
def test_upgrade_killed_at_random_moments_never_bricks_the_case(tmp_path):
    """Kills land in the backup, its check, the migration and the commit: afterwards the
    case always opens (upgraded), its attachments intact, `check` OK; every file under a
    backup's name is a whole, verified copy of the file as it was; one backup in all."""
    template = first_schema_case(tmp_path / "template.casefile", attachment_mb=20,
                                 entities=50)
    original = template.read_bytes()
    pages = verified(template)[1]
    work = tmp_path / "work"
    work.mkdir()
    p = work / "old.casefile"
    shutil.copy(template, p)
    took = timed(UPGRADE, [str(p)])
    rng = random.Random(2014)
    landed = set()
    for _round in range(4):
        for q in work.iterdir():
            q.unlink()
        shutil.copy(template, p)
        for _ in range(2):  # killed again while it retries
            run_until_killed(UPGRADE, [str(p)], rng.uniform(0, took))
            landed.add("backed up" if not _backups(work) else
                       "migrated" if revision(p) == HEAD else "backed up, not migrated")
            for b in _backups(work):
                assert b.stat().st_size == len(original)
                assert verified(b) == ("ok", pages), b
        with Case.open(p) as c:
            assert c.schema_version() == HEAD
            assert c.counts()["attachment"] == 20 and c.counts()["entity"] == 50
        assert check_case(p).ok, check_case(p).problems
        backups = _backups(work)
        assert len(backups) == 1, backups
        assert backups[0].read_bytes() == original
        assert sorted(q.name for q in work.iterdir()) == sorted(["old.casefile",
                                                                 backups[0].name])
    assert landed != {"migrated"}, "every kill came too late: the test proved nothing"
