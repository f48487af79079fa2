"""One writer per case file, whatever name it is reached by (issue 14, item 6): the lock is on
the file's identity and an OS lock on the database file itself, so a symlink, another spelling
of the path or a deleted .lock never admit a second writer; a case with more than one hard link
is refused for writing, saying why."""

import os

import pytest

from casefile import errors
from casefile.services.case.facade import Case
from casefile.services.case.integrity import check_case
from tests.store.files import held


def test_a_symlink_under_another_name_meets_the_same_lock(case, case_path, tmp_path):
    case.close()
    other = tmp_path / "elsewhere"
    other.mkdir()
    link = other / "shortcut.casefile"
    link.symlink_to(case_path)
    with held(case_path) as proc:
        with pytest.raises(errors.CaseLockedError, match=f"process {proc.pid}"):
            Case.open(link)
    with held(link) as proc:
        with pytest.raises(errors.CaseLockedError, match=f"process {proc.pid}"):
            Case.open(case_path)


def test_another_spelling_of_the_path_meets_the_same_lock(case, case_path, tmp_path):
    case.close()
    (tmp_path / "sub").mkdir()
    spelled = tmp_path / "sub" / ".." / case_path.name
    with held(case_path) as proc:
        with pytest.raises(errors.CaseLockedError, match=f"process {proc.pid}"):
            Case.open(spelled)


def test_a_deleted_lock_file_admits_no_second_writer(case, case_path):
    case.close()
    with held(case_path) as proc:
        for sidecar in case_path.parent.glob(case_path.name + ".*"):
            sidecar.unlink()  # .lock and .owner gone
        with pytest.raises(errors.CaseLockedError):
            Case.open(case_path)
        assert proc.poll() is None


def test_a_case_with_two_hard_links_is_refused_for_writing(case, case_path, tmp_path):
    case.create("entity", {"name": "Tekhkrim"})
    case.close()
    twin = tmp_path / "twin.casefile"
    os.link(case_path, twin)
    for name in (case_path, twin):
        with pytest.raises(errors.CaseFileError, match="hard link") as info:
            Case.open(name)
        assert "2" in str(info.value)
    with Case.open(twin, readonly=True) as c:  # reading is harmless
        assert c.counts()["entity"] == 1
    twin.unlink()
    with Case.open(case_path) as c:  # one name again: writable
        assert not c.readonly


def test_the_same_process_cannot_open_a_case_twice_for_writing(case, case_path):
    with pytest.raises(errors.CaseLockedError):
        Case.open(case_path)
    case.create("entity", {"name": "Still writable"})  # the first one is unharmed
    case.close()
    assert check_case(case_path).ok


def test_closing_removes_the_lock_and_owner_files(case, case_path):
    lock = case_path.with_name(case_path.name + ".lock")
    owner = case_path.with_name(case_path.name + ".owner")
    assert lock.exists() and owner.exists()
    case.close()
    assert not lock.exists() and not owner.exists()
    with Case.open(case_path):
        assert lock.exists()
    assert not lock.exists() and not owner.exists()
    assert sorted(p.name for p in case_path.parent.iterdir()) == [case_path.name]


@pytest.mark.skipif(os.name == "nt", reason="flock is POSIX")
def test_a_filesystem_without_flock_still_opens_for_writing(case, case_path, monkeypatch,
                                                            caplog):
    import errno

    from casefile.store import lock

    case.close()

    def no_flock(fd, op):
        raise OSError(errno.ENOSYS, "Function not implemented")

    monkeypatch.setattr(lock.fcntl, "flock", no_flock)
    with Case.open(case_path) as c:
        c.create("entity", {"name": "Written anyway"})
    assert "no OS lock on this filesystem" in caplog.text
    monkeypatch.undo()
    assert check_case(case_path).ok
