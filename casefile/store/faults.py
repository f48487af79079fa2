"""SQLite's answers that are a user's situation, not a bug: a full disk, a read-only file, a
damaged file, an I/O error, a case busy elsewhere. :func:`translate` turns them into the one-line
:class:`~casefile.errors.CasefileError` that says so; every engine on a case file uses it (its
``handle_error`` event), and so does Casefile's own direct use of ``sqlite3``."""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

from casefile.errors import (
    CaseFileError,
    CasefileError,
    CorruptCaseError,
    DiskFullError,
    ReadOnlyError,
)


def _sqlite_error(exc: BaseException) -> sqlite3.Error | None:
    """The sqlite3 error behind ``exc`` (SQLAlchemy wraps it as ``orig``), if any."""
    for candidate in (exc, getattr(exc, "orig", None), exc.__cause__):
        if isinstance(candidate, sqlite3.Error):
            return candidate
    return None


def translate(exc: BaseException, name: str, where: Path | None = None) -> CasefileError | None:
    """The error to show for ``exc`` met on the case file called ``name`` (in the folder
    ``where``, if known), or None when ``exc`` is not one of SQLite's answers about the
    file, the disk or the machine (a constraint, a syntax error: a bug or a validation
    matter for the caller)."""
    if isinstance(exc, CasefileError):
        return exc
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:  # which file, if it says
        return disk_full(Path(exc.filename).name if exc.filename else None)
    err = _sqlite_error(exc)
    if err is None:
        return None
    code = getattr(err, "sqlite_errorname", "") or ""
    text = str(err)
    if code == "SQLITE_FULL" or "database or disk is full" in text:
        return disk_full(name)
    if code.startswith("SQLITE_READONLY") or "readonly database" in text:
        return ReadOnlyError(f"{name} cannot be written: the file, its folder or its disk is "
                             "read-only. Open it read-only, or copy it somewhere writable.")
    if (code.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or "malformed" in text
            or "file is not a database" in text):
        return CorruptCaseError(f"{name} is damaged ({text}); the file itself is left as it "
                                f"is. {restore_or_repair(name)}")
    if code.startswith("SQLITE_IOERR") or "disk I/O error" in text:
        if where is not None and _nearly_full(where):  # e.g. the -shm could not grow
            return disk_full(name)
        return CaseFileError(f"{name} could not be read or written: the disk reported an "
                             "error (disk I/O error). Check the disk, or copy the case to "
                             "another one.")
    if code.startswith("SQLITE_CANTOPEN") or "unable to open database file" in text:
        return CaseFileError(f"{name} cannot be opened: SQLite was refused access to it or "
                             "to its folder.")
    if code.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in text:
        return CaseFileError(f"{name} is busy: another program is writing it. Try again "
                             "when it is done.")
    return None


def _nearly_full(folder: Path) -> bool:
    try:
        st = os.statvfs(folder)
    except (AttributeError, OSError):  # Windows has no statvfs
        return False
    return st.f_bavail * st.f_frsize < (1 << 20)


def disk_full(name: str | None) -> DiskFullError:
    what = f"Cannot write {name}: the disk is full" if name else "The disk is full"
    return DiskFullError(f"{what}. The step was not made and nothing of it was kept; free "
                         "some space and try again.")


def restore_or_repair(name: str) -> str:
    """What to do about a damaged case (review: the messages named only a backup copy)."""
    return (f"Restore it from a backup copy, or repair it (File → Repair a Damaged Case… in "
            f"the window, or: casefile repair {name} -o REPAIRED.casefile), which copies "
            "what can still be read into a new case.")
