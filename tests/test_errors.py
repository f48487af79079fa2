"""One error model and a log: every error fit to show a user is a CasefileError; the CLI says
it in one line and exits 1, and treats anything else as a bug (traceback, log, exit 70); the
log is a rotating file whose folder tests choose."""

import ast
import inspect
import logging
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from casefile import errors
from casefile.cli import EXIT_SOFTWARE, main
from casefile.log import (
    BACKUPS,
    ENV,
    FILE_NAME,
    MAX_BYTES,
    log_file,
    log_folder,
    setup_logging,
    traceback_text,
)

PACKAGE = Path(errors.__file__).parent

# The kinds of error the brief names, each with the class that stands for it.
NAMED = {
    "not a case file": "NotACaseError", "from a newer version": "NewerCaseError",
    "locked": "CaseLockedError", "read-only": "ReadOnlyError",
    "validation": "ValidationError", "not found": "NotFoundError", "in use": "InUseError",
    "import failed": "ImportFailed", "needs review": "NeedsReview",
    "already imported": "AlreadyImported", "file unreadable": "ImportFileError",
    "cancelled": "Cancelled",
}
# Exception classes defined outside casefile/errors.py on purpose: core's value errors (they
# derive from ValidationError) and errors that never leave their module.
ELSEWHERE = {"FuzzyDateError", "CountryError", "GradeError", "CaseJsonError", "ValueProblem",
             # the screening name table's signals to fall back on rigour's own tagger: caught
             # where they are raised, never shown to a user
             "TableBroken", "TableUnavailable"}


def _error_classes():
    return [c for _, c in inspect.getmembers(errors, inspect.isclass)
            if issubclass(c, BaseException) and c.__module__ == errors.__name__]


def test_every_error_class_is_a_casefile_error():
    classes = _error_classes()
    assert {NAMED[k] for k in NAMED} <= {c.__name__ for c in classes}
    assert all(issubclass(c, errors.CasefileError) for c in classes)
    from casefile.core.countries import CountryError
    from casefile.core.fuzzydate import FuzzyDateError
    from casefile.core.grading import GradeError
    from casefile.services.exchange.case_json import CaseJsonError

    for c in (CountryError, FuzzyDateError, GradeError):
        assert issubclass(c, errors.ValidationError)
    assert issubclass(CaseJsonError, errors.ImportFileError)


def test_the_old_homes_hand_out_the_same_classes():
    """Code that still imports from the old places gets the one class (an except clause for
    either catches both)."""
    from casefile.services.case import facade, journal, validation
    from casefile.services.exchange.imports import provenance, reader, shipments
    from casefile.store import database
    from casefile.ui import worker

    assert database.CaseLockedError is errors.CaseLockedError
    assert database.NotACaseError is errors.NotACaseError
    assert facade.ReadOnlyError is errors.ReadOnlyError
    assert journal.NotFoundError is errors.NotFoundError
    assert journal.InUseError is errors.InUseError
    assert validation.ValidationError is errors.ValidationError
    assert shipments.ImportFailed is errors.ImportFailed
    assert shipments.NeedsReview is errors.NeedsReview
    assert reader.ImportFileError is errors.ImportFileError
    assert provenance.AlreadyImported is errors.AlreadyImported
    assert worker.Cancelled is errors.Cancelled


def test_no_error_class_is_defined_outside_errors_py():
    """A new error for the user goes into casefile/errors.py; this finds one that did not."""
    strays = []
    for path in PACKAGE.rglob("*.py"):
        if path.name == "errors.py" and path.parent == PACKAGE or "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ClassDef) and node.name not in ELSEWHERE:
                bases = {b.id if isinstance(b, ast.Name) else getattr(b, "attr", "")
                         for b in node.bases}
                if any(b.endswith(("Error", "Exception", "Failed", "Cancelled"))
                       for b in bases):
                    strays.append(f"{path.relative_to(PACKAGE)}: {node.name}")
    assert strays == []


def test_errors_keep_their_attributes_messages_and_standard_bases(tmp_path):
    locked = errors.CaseLockedError(tmp_path / "a.casefile", {"user": "ann", "host": "desk",
                                                               "pid": 42})
    assert locked.holder["user"] == "ann"
    assert str(locked).startswith("a.casefile is open for writing by ann on desk (process 42")
    bad = errors.ValidationError("title", "must not be empty")
    assert (bad.field, bad.message, str(bad)) == ("title", "must not be empty",
                                                  "title: must not be empty")
    assert isinstance(bad, ValueError)
    assert isinstance(errors.NotFoundError("entity 9 does not exist"), LookupError)
    assert errors.InUseError("still used", {"citation": 2}).references == {"citation": 2}
    again = errors.AlreadyImported(tmp_path / "t.csv", 7, "t.csv", "2024-05-01T10:00:00")
    assert again.source_id == 7 and isinstance(again, errors.ImportFileError)
    assert str(again).startswith("t.csv was already imported into this case on 2024-05-01")
    assert str(errors.Cancelled())  # never an empty message in a dialog


def test_core_value_errors_are_validation_errors_with_their_old_messages():
    from casefile.core.countries import country_code
    from casefile.core.fuzzydate import parse_fuzzy_date
    from casefile.core.grading import check_credibility, normalise_tlp

    with pytest.raises(errors.ValidationError) as info:
        parse_fuzzy_date("Jnue 2022")
    assert info.value.field == "date" and info.value.message == info.value.reason
    assert str(info.value).startswith("Could not understand the date 'Jnue 2022': ")
    with pytest.raises(errors.ValidationError) as info:
        country_code("Narnia")
    assert info.value.field == "country"
    assert str(info.value) == "'Narnia' is not a country Casefile knows (ISO 3166)"
    with pytest.raises(errors.ValidationError) as info:
        normalise_tlp("ORANGE")
    assert info.value.field == "marking" and str(info.value).startswith("Unknown TLP label")
    with pytest.raises(errors.ValidationError) as info:
        check_credibility(9)
    assert (info.value.field, str(info.value)) == ("credibility", "Credibility must be 1–6, "
                                                                   "not 9")


def test_errors_from_operations_are_casefile_errors(case):
    """What the facade raises for a user's mistake is caught by one except clause."""
    with pytest.raises(errors.CasefileError) as info:
        case.create("entity", {"name": ""})
    assert isinstance(info.value, errors.ValidationError) and info.value.field == "name"
    with pytest.raises(errors.CasefileError) as info:
        case.update("entity", 999, {"name": "x"})
    assert isinstance(info.value, errors.NotFoundError)


# -- the log ------------------------------------------------------------------------------
@pytest.fixture
def log_dir(tmp_path, monkeypatch):
    """The log in a folder of this test; afterwards back in the test run's folder."""
    folder = tmp_path / "logs"
    monkeypatch.setenv(ENV, str(folder))
    yield folder
    monkeypatch.undo()
    setup_logging()


def _lines(path):
    return path.read_text("utf-8").splitlines()


def test_log_folder_follows_the_environment(log_dir):
    assert log_folder() == log_dir
    path = setup_logging()
    assert path == log_dir / FILE_NAME and log_file() == path.absolute()
    logging.getLogger("casefile.test").warning("first line")
    assert _lines(path)[-1].endswith("first line")


def test_setup_logging_twice_adds_no_second_handler(log_dir):
    path = setup_logging()
    before = list(logging.getLogger("casefile").handlers)
    assert setup_logging() == path
    assert logging.getLogger("casefile").handlers == before
    logging.getLogger("casefile").warning("once")
    assert sum(line.endswith(" once") for line in _lines(path)) == 1
    other = setup_logging(log_dir / "elsewhere")  # another folder: the log moves there
    logging.getLogger("casefile").warning("moved")
    assert _lines(other)[-1].endswith("moved") and not _lines(path)[-1].endswith("moved")


def test_the_log_rotates_at_about_a_megabyte_keeping_five(log_dir):
    path = setup_logging()
    line = "x" * 999
    for _ in range(int(MAX_BYTES * (BACKUPS + 2) / 1000)):
        logging.getLogger("casefile.test").info(line)
    names = sorted(p.name for p in log_dir.iterdir())
    assert names == [FILE_NAME] + [f"{FILE_NAME}.{n}" for n in range(1, BACKUPS + 1)]
    for p in log_dir.iterdir():
        assert p.stat().st_size <= MAX_BYTES
    assert path.stat().st_size > 0


def test_traceback_text_prefers_the_workers_trace():
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        caught = exc
    assert "raise RuntimeError(\"boom\")" in traceback_text(caught)
    caught.__casefile_trace__ = "Traceback (on the worker)\nRuntimeError: boom\n"
    assert traceback_text(caught) == caught.__casefile_trace__


# -- the command line ---------------------------------------------------------------------
def _damaged_case(tmp_path):
    """A case whose marking another program set to a value no TLP label has: `info` fails
    on a value Casefile does not expect (a bug as far as the CLI can tell). A missing table
    is not the example any more: Casefile says in one line that the case is damaged."""
    path = tmp_path / "damaged.casefile"
    assert main(["new", str(path)]) == 0
    con = sqlite3.connect(path)
    con.execute("UPDATE case_info SET marking = 'ORANGE'")
    con.commit()
    con.close()
    return path


def test_cli_user_error_is_one_line_exit_1_and_logged(tmp_path, capsys, log_dir):
    bad = tmp_path / "x.casefile"
    bad.write_text("not a case")
    assert main(["info", str(bad)]) == 1
    out, err = capsys.readouterr()
    said = "x.casefile is not a Casefile case (it is not an SQLite database)"
    assert out == "" and err == f"casefile: {said}\n"
    assert _lines(log_dir / FILE_NAME)[-1].endswith(f"WARNING casefile.cli "
                                                    f"[{os.getpid()} MainThread] "
                                                    f"casefile info: {said}")


def test_cli_bug_says_one_line_and_logs_the_traceback_exit_70(tmp_path, capsys, log_dir):
    """A bug says what went wrong and where its traceback is, in one line; the traceback
    goes to the log, not at the user (helper-62: tracebacks reached CLI users)."""
    path = _damaged_case(tmp_path)
    capsys.readouterr()
    assert main(["info", str(path)]) == EXIT_SOFTWARE == 70
    err = capsys.readouterr().err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert err.startswith("casefile: unexpected error (KeyError: 'ORANGE')")
    assert f"a bug in Casefile; the details (its traceback) are in {log_dir / FILE_NAME}" in err
    logged = (log_dir / FILE_NAME).read_text("utf-8")
    assert "ERROR casefile.cli" in logged and "casefile info: unexpected error" in logged
    assert "Traceback (most recent call last)" in logged
    assert 'cli_case.py", line' in logged and "in info" in logged


def _cli_process(*args, env=None):
    return subprocess.run([sys.executable, "-m", "casefile.cli", *map(str, args)],
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, **(env or {})})


def test_cli_bug_in_a_real_process_exits_70(tmp_path):
    path = _damaged_case(tmp_path)
    logs = tmp_path / "process-logs"
    r = _cli_process("info", path, env={ENV: str(logs)})
    assert r.returncode == 70 and r.stdout == ""
    assert "Traceback" not in r.stderr and "KeyError: 'ORANGE'" in r.stderr
    assert "Traceback (most recent call last)" in (logs / FILE_NAME).read_text("utf-8")


def test_version_and_help_do_not_import_the_heavy_libraries():
    """`casefile --version` answers at once: no SQLAlchemy, numpy, reportlab or Qt."""
    heavy = ("sqlalchemy", "sqlmodel", "numpy", "reportlab", "PySide6", "alembic", "pycountry")
    script = (
        "import sys\n"
        "from casefile.cli import main\n"
        "for argv in (['--version'], ['--help'], ['export-pdf', '--help']):\n"
        "    try:\n"
        "        main(argv)\n"
        "    except SystemExit:\n"
        "        pass\n"
        f"print('LOADED', sorted(m for m in {heavy!r} if m in sys.modules), file=sys.stderr)\n")
    r = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                       timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("casefile ") and "--sections SECTIONS" in r.stdout
    assert "LOADED []" in r.stderr
