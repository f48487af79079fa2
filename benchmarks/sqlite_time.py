"""How long an import spends inside SQLite: every statement the case's connections run,
timed where the Python driver hands it to SQLite (execute, executemany, fetching rows,
commit). What is left of the import's wall time is Python (reading, mapping, checking,
resolving, queueing rows).

Its use: the import benchmarks' goals compare the import with a raw ``executemany`` of the
rows it wrote. The SQLite time of the import itself says how far that ratio could fall if
every line of Python took no time at all — the floor of the ratio, whatever is optimised.

Call :func:`install` before the case is opened: it makes ``sqlite3.connect`` hand out
connections whose cursors time themselves. Timing a call costs well under a microsecond; an
import makes a few thousand calls (rows go in thousands a call)."""

from __future__ import annotations

import sqlite3
import time
from typing import Any

_spent = [0.0]


def _timed(name: str) -> Any:
    """The driver's method ``name`` of a cursor, timed."""
    plain = getattr(sqlite3.Cursor, name)

    def method(self: sqlite3.Cursor, *args: Any) -> Any:
        t = time.perf_counter()
        try:
            return plain(self, *args)
        finally:
            _spent[0] += time.perf_counter() - t
    return method


class _Cursor(sqlite3.Cursor):
    # rows are fetched in C as the cursor is stepped: each way of stepping it is timed
    execute = _timed("execute")
    executemany = _timed("executemany")
    fetchone = _timed("fetchone")
    fetchmany = _timed("fetchmany")
    fetchall = _timed("fetchall")
    __next__ = _timed("__next__")


class _Connection(sqlite3.Connection):
    def cursor(self, factory: Any = _Cursor) -> Any:
        return super().cursor(factory)

    # the driver's own Connection.execute and executemany make a plain cursor in C, not
    # through cursor(): these go through a timed one
    def execute(self, *args: Any) -> Any:
        return self.cursor().execute(*args)

    def executemany(self, *args: Any) -> Any:
        return self.cursor().executemany(*args)

    def commit(self) -> None:
        t = time.perf_counter()
        try:
            super().commit()
        finally:
            _spent[0] += time.perf_counter() - t


def install() -> None:
    """Time every connection opened from now on (in this process)."""
    plain = sqlite3.connect

    def connect(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        kwargs.setdefault("factory", _Connection)
        return plain(*args, **kwargs)

    sqlite3.connect = connect  # type: ignore[assignment]


def spent() -> float:
    """Seconds spent in SQLite since :func:`install` (or the last :func:`reset`)."""
    return _spent[0]


def reset() -> None:
    _spent[0] = 0.0
