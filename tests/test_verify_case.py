"""docs/verify_case.py verifies a case with the standard library alone (issue 14, item 9):
run by the plain interpreter in isolated mode (no Casefile, no numpy on its path)."""

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from casefile.services.case.facade import Case
from casefile.services.exchange.demo import write_demo
from tests.services.test_digest import TAMPERS

SCRIPT = Path(__file__).parents[1] / "docs" / "verify_case.py"


def run(*args):
    return subprocess.run([sys.executable, "-I", str(SCRIPT), *map(str, args)],
                          capture_output=True, text=True, timeout=120)


@pytest.fixture
def demo_path(tmp_path):
    p = tmp_path / "demo.casefile"
    write_demo(p).close()
    return p


def test_the_demo_case_verifies_with_the_digest_casefile_recorded(demo_path):
    with Case.open(demo_path, readonly=True) as c:
        head = c.head_digest()
    done = run(demo_path, head)
    assert done.returncode == 0, done.stdout + done.stderr
    assert head in done.stdout and "Traceback" not in done.stderr
    assert run(demo_path, "0" * 64).returncode == 1  # not the digest kept elsewhere


@pytest.mark.parametrize("name", [n for n in TAMPERS if "search" not in n])
def test_a_tampered_copy_fails_naming_what_changed(demo_path, name):
    statements, expected = TAMPERS[name]
    con = sqlite3.connect(demo_path)
    max_citation = con.execute("SELECT max(id) FROM citation").fetchone()[0]
    for s in statements:
        con.execute(s)
    con.commit()
    con.close()
    done = run(demo_path)
    assert done.returncode == 1, done.stdout + done.stderr
    want = expected.format(max_citation=max_citation)
    if name == "audit tail":
        want = "the audit log ends before the last change"
    assert want in done.stdout, done.stdout
