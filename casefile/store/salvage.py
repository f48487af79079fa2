"""Reading what can still be read from a damaged case file (for ``casefile repair``).

SQLite's ``.recover`` is not in Python's sqlite3 module, so each table is read by ranges of
row ids: a range that trips over a damaged page is halved until the rows around the damage
are read and only the unreadable ones remain. The file is read from a private copy (with its
write-ahead log, taken while holding the writer's lock), so nothing of SQLite's, not even a
journal recovery, touches the original. Which rows a table *should* hold is taken from the
file's own row digests when they can be read, so what was lost is counted by id, not guessed.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from casefile.errors import CorruptCaseError
from casefile.store import lock
from casefile.store.sqlite_header import page_size, stated_pages

CHUNK = 1024
PROBE_ALL = 64  # a failing range this short is probed row by row
MAX_FAILED_PROBES = 100_000  # per table; past it the rest of the range is given up


def quick_check(con: sqlite3.Connection) -> list[str]:
    """SQLite's quick check of an open database: [] when it passes, else its complaints
    (one when SQLite cannot even run it)."""
    try:
        rows = [r[0] for r in con.execute("PRAGMA quick_check(20)")]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    return [] if rows == ["ok"] else rows


class BackgroundCheck:
    """SQLite's quick check of a case opened for writing, run on its own connection in a
    thread so the open does not wait for it (about 0.5 s for a 120 MB case); the first write
    does (:meth:`result`)."""

    def __init__(self, real: Path, uri: str) -> None:
        self._real, self._uri = real, uri
        self._found: list[str] = []
        self._thread = threading.Thread(target=self._run, name="casefile-quick-check",
                                        daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            with lock.using(self._real):  # counted, so closing it keeps the writer's OS lock
                con = sqlite3.connect(self._uri, uri=True, timeout=10)
                try:
                    self._found = quick_check(con)
                finally:
                    con.close()
        except Exception as exc:  # noqa: BLE001 - whatever stops the check is its finding
            self._found = [str(exc)]

    def result(self) -> str | None:
        """The first complaint of the check (None: the file passes), once it has run."""
        self._thread.join()
        return self._found[0] if self._found else None


@dataclass
class TableSalvage:
    """The rows read from one table, and what could not be."""

    table: str
    columns: list[str]
    rows: list[tuple[object, ...]] = field(default_factory=list)
    unreadable: list[tuple[int, int]] = field(default_factory=list)  # rowid ranges
    expected: set[int] | None = None  # ids the file's row digests list (None: unknown)
    error: str | None = None  # why nothing at all could be read

    def lost_ids(self) -> list[int]:
        if self.expected is None:
            return []
        saved = {r[0] for r in self.rows}
        return sorted(self.expected - saved)


@contextmanager
def private_copy(path: Path) -> Iterator[sqlite3.Connection]:
    """A connection on a copy of ``path`` (and its -wal) in a temporary folder."""
    with tempfile.TemporaryDirectory(prefix="casefile-repair-") as tmp:
        copy = Path(tmp) / "source.casefile"
        try:
            held: lock.CaseLock | None = lock.acquire(path)  # nobody writes while we copy
        except OSError:
            held = None  # a read-only folder: nobody writes there either
        try:
            shutil.copyfile(path, copy)
            wal = Path(f"{path}-wal")
            if wal.exists():
                shutil.copyfile(wal, Path(f"{copy}-wal"))
        except OSError as exc:
            raise CorruptCaseError(f"{path.name} cannot be read ({exc.strerror})") from None
        finally:
            if held is not None:
                held.release()
        pad_truncated(copy)
        con = sqlite3.connect(copy, isolation_level=None)
        try:
            yield con
        finally:
            con.close()


def missing_bytes(path: Path) -> int:
    """How many bytes ``path`` lacks of the length its SQLite header states (0: none, or a
    header not to be trusted)."""
    with path.open("rb") as f:
        header = f.read(100)
    if len(header) < 100:
        return 0
    size, pages = page_size(header), stated_pages(header)
    valid = header[24:28] == header[92:96]  # the page count is kept up to date
    have = path.stat().st_size
    want = pages * size if valid and size else 0
    if want <= have or want > 64 * have + (1 << 30):
        return 0
    return want - have


def pad_truncated(copy: Path) -> int:
    """Give a truncated file back the length its header states, in zeros: SQLite refuses a
    file shorter than that outright ("its list of tables cannot be read", review: a case cut
    by a single page), while the pages that are there read as ever and the missing ones as
    damage. How many bytes were added."""
    short = missing_bytes(copy)
    if short:
        with copy.open("ab") as f:
            f.write(b"\0" * short)
    return short


def table_columns(con: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in con.execute(f'PRAGMA table_info("{table}")')]


def expected_ids(con: sqlite3.Connection) -> dict[str, set[int]] | None:
    """table -> ids of the rows the file's row digests list (None when unreadable)."""
    out: dict[str, set[int]] = {}
    try:
        for tbl, rid in con.execute("SELECT tbl, id FROM row_digest"):
            out.setdefault(tbl, set()).add(rid)
    except sqlite3.DatabaseError:
        return None
    return out


def salvage_table(con: sqlite3.Connection, table: str, columns: list[str],
                  top_hint: int = 0) -> TableSalvage:
    """Every row of ``table`` that can be read (``rowid`` first, then ``columns``)."""
    got = TableSalvage(table, columns)
    select = ", ".join(["rowid", *(f'"{c}"' for c in columns)])
    sql = f'SELECT {select} FROM "{table}" WHERE rowid BETWEEN ? AND ? ORDER BY rowid'
    # the ends, each from its own edge of the table's b-tree (look20: min and max together
    # scan the whole table, so one damaged page of the audit log lost every entry of it)
    lo, hi, why = _end(con, table, "ASC"), _end(con, table, "DESC"), None
    if isinstance(hi, str):
        why, hi = hi, top_hint  # the last end cannot be read: up to the highest id known
    if isinstance(lo, str):
        why, lo = lo, 1
    if why is not None and not hi:
        got.error = why
        return got
    if lo is None or hi is None:
        lo, hi = (1, top_hint) if top_hint else (1, 0)
    hi = max(hi, top_hint)
    failed = 0
    pending = [(a, min(a + CHUNK - 1, hi)) for a in range(lo, hi + 1, CHUNK)]
    pending.reverse()
    while pending:
        a, b = pending.pop()
        try:
            got.rows += con.execute(sql, (a, b)).fetchall()
            continue
        except sqlite3.DatabaseError:
            pass
        if a == b or failed >= MAX_FAILED_PROBES:
            failed += 1
            _add_range(got.unreadable, a, b)
        elif b - a < PROBE_ALL:
            pending += [(i, i) for i in range(b, a - 1, -1)]
        else:
            mid = (a + b) // 2
            pending += [(mid + 1, b), (a, mid)]
    return got


def _end(con: sqlite3.Connection, table: str, order: str) -> int | str | None:
    """The first (ASC) or last (DESC) rowid of ``table``; None when it is empty, SQLite's
    complaint when it cannot be read."""
    try:
        row = con.execute(f'SELECT rowid FROM "{table}" ORDER BY rowid {order} LIMIT 1'
                          ).fetchone()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    return None if row is None else int(row[0])


def _add_range(ranges: list[tuple[int, int]], a: int, b: int) -> None:
    if ranges and ranges[-1][1] + 1 == a:
        ranges[-1] = (ranges[-1][0], b)
    else:
        ranges.append((a, b))
