"""A case a writer left mid-write — killed, crashed, power lost — with its hot rollback
journal beside it: SQLite refuses a read-only connection ("attempt to write a readonly
database"), which made the case look read-only to every verb. Casefile lets SQLite roll the
unfinished write back first; on read-only media, where that cannot be done, it says what to do."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from casefile.cli import main
from casefile.errors import ReadOnlyError
from casefile.services.case.facade import Case
from casefile.services.case.integrity import check_case
from tests.store.files import read_only_media, removable_stick

# a writer in rollback-journal mode that stops (os._exit) in the middle of a large write:
# with a one-page cache the changed pages were already written into the file itself
STOPPED_WRITER = r'''
import os, sqlite3, sys
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("PRAGMA cache_size=1")
con.execute("BEGIN")
for i in range(400):
    con.execute("UPDATE case_info SET title = ?", ("half-written " * 300 + str(i),))
    con.execute("INSERT INTO row_digest(tbl, id, digest) VALUES ('x', ?, randomblob(4000))",
                (i,))
os._exit(0)
'''


def stopped_mid_write(p: Path) -> None:
    subprocess.run([sys.executable, "-c", STOPPED_WRITER, str(p)], check=True)
    assert p.with_name(p.name + "-journal").stat().st_size > 0
    with pytest.raises(sqlite3.OperationalError, match="readonly"):  # what SQLite says
        con = sqlite3.connect(f"file:{p}?mode=ro", uri=True)
        try:
            con.execute("SELECT count(*) FROM entity").fetchone()
        finally:
            con.close()


@pytest.fixture
def case(tmp_path: Path) -> Path:
    p = tmp_path / "k.casefile"
    with Case.new(p, title="Kept") as c:
        c.create("entity", {"name": "Tekhkrim"})
    return p


def test_a_case_left_mid_write_opens_at_its_last_saved_state(case):
    stopped_mid_write(case)
    with Case.open(case) as c:
        assert c.info()["title"] == "Kept"
        assert c.counts()["entity"] == 1
    assert check_case(case).ok


def test_check_and_info_read_a_case_left_mid_write(case, capsys):
    stopped_mid_write(case)
    assert main(["check", str(case)]) == 0
    assert "OK" in capsys.readouterr().out
    assert main(["info", str(case)]) == 0
    assert "Kept" in capsys.readouterr().out


def test_on_read_only_media_it_says_what_to_do(tmp_path, case):
    with removable_stick(tmp_path) as stick:
        p = stick / case.name
        shutil.copy(case, p)
        stopped_mid_write(p)
        before = p.read_bytes()
        with read_only_media(stick), pytest.raises(ReadOnlyError) as err:
            Case.open(p, readonly=True)
        assert "left mid-write" in str(err.value) and "k.casefile-journal" in str(err.value)
        assert p.read_bytes() == before
