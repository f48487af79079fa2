"""Opening a case for a command-line verb: saying when it was upgraded or read through an
upgraded copy, refusing a verb that writes where the file cannot be written, and checking a
file a verb hands on (an export) or reports on (info) with SQLite's quick check."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, cast


def open_case(path: Path, readonly: bool = False, undone: str = "nothing was changed",
              whole: str | None = None, warn: bool = False) -> Any:
    """Open a case; say so when it was upgraded from an older Casefile (and where the old
    file is kept), or read through an upgraded copy. A verb that writes is refused at once
    when the file cannot be written (``undone`` says what was not done). A verb that hands
    the case on (``whole``: what it would write) checks it with SQLite's quick check first
    and refuses a damaged file; ``warn``: one that reports on the file says it is damaged
    (a search does not pay for the check: half a second on a 300 MB case)."""
    from casefile.errors import ReadOnlyError
    from casefile.services.case.facade import Case
    from casefile.store import database, migrate
    from casefile.store.copies import real_path
    from casefile.store.engine import writable_reason

    case = Case.open(path, readonly=readonly)
    if readonly and (whole is not None or warn):
        try:
            damaged(case, path, whole)
        except BaseException:
            case.close()
            raise
    if case.backup is not None:
        print(f"casefile: note: {path.name} was upgraded to this version's schema; the file "
              f"as it was is kept as {case.backup}", file=sys.stderr)
    if not readonly and not case.readonly and case.damage() is not None:
        case.close()
        raise ReadOnlyError(f"{path.name} cannot be written: {case.why_readonly}; {undone}.")
    if not case.readonly:
        return case
    why = None if readonly else writable_reason(real_path(path))
    if why is not None:
        case.close()
        raise ReadOnlyError(f"{path.name} cannot be written ({why}); {undone}. Copy the "
                            "case somewhere writable first.")
    revision = database.read_revision(path)
    if revision != migrate.head_revision():
        print(f"casefile: note: {path.name} uses an older schema ({revision}); it was read "
              "through an upgraded temporary copy and is unchanged (open it for writing to "
              "upgrade it)", file=sys.stderr)
    return case


def damaged(case: Any, path: Path, whole: str | None) -> None:
    """Refuse (``whole``) or warn about a case that fails SQLite's quick check: what is read
    from it may be missing or wrong (review: an export wrote a junk row and left a party
    out, another ended in a traceback)."""
    import sqlite3

    from casefile.errors import CorruptCaseError
    from casefile.store.salvage import quick_check

    with case.read() as conn:
        found = quick_check(cast(sqlite3.Connection, conn.connection.driver_connection))
    if not found:
        return
    said = " ".join(found[0].replace("*** in database main ***", "").split())
    advice = (f"casefile check {path.name} says more. Restore it from a backup copy, or "
              f"repair it (casefile repair {path.name} -o REPAIRED.casefile, or File → Repair "
              "a Damaged Case… in the window), which copies what can still be read into a new "
              "case")
    if whole is not None:
        raise CorruptCaseError(f"{path.name} is damaged (SQLite's quick check: {said}), so "
                               f"{whole} could hold wrong or missing records; nothing was "
                               f"written. {advice}")
    print(f"casefile: warning: {path.name} is damaged (SQLite's quick check: {said}); "
          f"what is shown may be wrong or incomplete. {advice}", file=sys.stderr)


__all__ = ["damaged", "open_case"]
