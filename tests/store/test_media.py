"""The .casefile alone is the case once Casefile closes it (issue 14, items 5 and 7): closing the
writer checkpoints fully and leaves the file in DELETE journal mode, so copying the one file
keeps every committed edit and any SQLite tool reads it, on read-only media too; a case in a
read-only folder or on a write-protected stick opens read-only; copies are made with SQLite's
backup API."""

import shutil
import sqlite3

import pytest

from casefile import errors
from casefile.cli import main
from casefile.services.case.facade import Case
from casefile.services.case.integrity import check_case
from tests.store.files import held, journal_mode_on_disk, read_only_media, removable_stick


def _names(p):
    con = sqlite3.connect(f"file:{p}?mode=ro", uri=True)
    try:
        return [r[0] for r in con.execute("SELECT name FROM entity ORDER BY id")]
    finally:
        con.close()


def test_the_file_alone_holds_every_edit_after_close_even_with_a_reader_open(case, case_path,
                                                                              tmp_path):
    case.create("entity", {"name": "Before the reader"})
    with held(case_path, readonly=True):  # another program reads the case meanwhile
        case.create("entity", {"name": "Committed while read"})
        case.close()
        copy = tmp_path / "usb" / "copy.casefile"
        copy.parent.mkdir()
        shutil.copyfile(case_path, copy)  # the one file, as a user copies it
    assert _names(copy) == ["Before the reader", "Committed while read"]
    assert check_case(copy).ok


def test_a_closed_case_is_in_delete_journal_mode_with_nothing_beside_it(case, case_path):
    case.create("entity", {"name": "Tekhkrim"})
    with case.read() as conn:  # open for writing: WAL
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    case.close()
    assert journal_mode_on_disk(case_path) == "delete"
    assert sorted(p.name for p in case_path.parent.iterdir()) == [case_path.name]
    with Case.open(case_path) as c:  # and WAL again when opened for writing, once checked
        assert c.damage() is None
        with c.read() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    assert journal_mode_on_disk(case_path) == "delete"


def test_a_case_on_read_only_media_opens_read_only(tmp_path, capsys):
    with removable_stick(tmp_path) as stick:
        p = stick / "case.casefile"
        with Case.new(p, title="On a stick") as c:
            c.create("entity", {"name": "Tekhkrim"})
        with read_only_media(stick):
            with Case.open(p) as c:  # asked for writing: read-only, not an error
                assert c.readonly and c.info()["title"] == "On a stick"
                assert _names(p) == ["Tekhkrim"]
                with pytest.raises(errors.ReadOnlyError):
                    c.create("entity", {"name": "X"})
            assert check_case(p).ok
            capsys.readouterr()
            assert main(["info", str(p)]) == 0 and "On a stick" in capsys.readouterr().out
            assert main(["check", str(p)]) == 0
            f = tmp_path / "t.csv"
            f.write_text("ShipperName,ConsigneeName\nDJI,Tekhkrim\n", encoding="utf-8")
            assert main(["import", str(p), str(f)]) == 1
            err = capsys.readouterr().err
            assert err.startswith("casefile: ") and err.count("\n") == 1
            assert "read-only" in err


def test_a_case_left_in_wal_mode_on_read_only_media_is_read(tmp_path, case, case_path):
    """A case copied while open (WAL header, no -wal beside it) on a write-protected stick:
    SQLite's `mode=ro` cannot open it (no -shm can be made); `immutable` can."""
    case.create("entity", {"name": "Tekhkrim"})
    with case.read() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    with removable_stick(tmp_path) as stick:
        p = stick / "copied.casefile"
        shutil.copyfile(case_path, p)
        assert journal_mode_on_disk(p) == "wal"
        with read_only_media(stick):
            with Case.open(p, readonly=True) as c:
                assert c.counts()["entity"] == 1
            assert check_case(p).ok


def test_save_a_copy_uses_the_backup_api_and_is_self_contained(case, case_path, tmp_path):
    case.create("entity", {"name": "Only in the WAL so far"})
    target = tmp_path / "copy.casefile"
    case.save_copy(target)
    assert journal_mode_on_disk(target) == "delete"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("copy")) == [
        "copy.casefile"]
    assert _names(target) == ["Only in the WAL so far"]
    assert check_case(target).ok
    target.write_text("an older file the user chose to replace")
    case.save_copy(target)
    assert _names(target) == ["Only in the WAL so far"]


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm", ".lock", ".owner"])
def test_save_a_copy_over_the_case_itself_is_refused(case, case_path, suffix):
    case.create("entity", {"name": "Precious"})
    with pytest.raises(errors.CasefileError, match="the case itself|belongs to the case"):
        case.save_copy(case_path.with_name(case_path.name + suffix))
    case.close()
    assert _names(case_path) == ["Precious"]


def test_save_a_copy_never_replaces_a_case_someone_holds(case, case_path, tmp_path):
    case.create("entity", {"name": "Mine"})
    other = tmp_path / "other.casefile"
    with Case.new(other) as c:
        c.create("entity", {"name": "Theirs"})
    with held(other):
        with pytest.raises(errors.CaseLockedError):
            case.save_copy(other)
    assert _names(other) == ["Theirs"]
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_save_a_copy_over_an_old_case_drops_its_stale_log(case, case_path, tmp_path):
    """A write-ahead log left beside the replaced file would be applied to the copy."""
    case.create("entity", {"name": "In the copy"})
    other = tmp_path / "old.casefile"
    with Case.new(other) as c:
        c.create("entity", {"name": "Old"})
        with c.read() as conn:
            conn.exec_driver_sql("PRAGMA wal_autocheckpoint=0")
        c.create("entity", {"name": "Only in the old log"})
        shutil.copyfile(other.with_name(other.name + "-wal"), tmp_path / "stale-wal")
    shutil.copyfile(tmp_path / "stale-wal", other.with_name(other.name + "-wal"))
    case.save_copy(other)
    assert _names(other) == ["In the copy"]
    assert check_case(other).ok
