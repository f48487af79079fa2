"""The bulk write path: many rows in one statement each, through the DB-API's executemany.

For generated or imported data (10^5 rows); single edits go through the journaled
operations instead. The caller owns the transaction."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any, cast

from sqlalchemy.engine import Connection

from casefile.store.bulk_digest import BulkDigests

# SQLite's page cache while a bulk write runs (KiB; SQLite's default is 2,000): the tables'
# index pages, the search index and the row digests are written side by side, and with the
# default cache their pages are evicted to the WAL and read back (a 100k-row import: 11 s →
# 8.6 s wall on this machine's kind). Given back by :func:`release_cache` once the operation
# ends, so a case open in the window does not keep it.
BULK_CACHE_KIB = 65536
DEFAULT_CACHE_KIB = 2000
_RAISED = "casefile.bulk_cache"


def insert_many(conn: Connection, table: str, columns: Sequence[str],
                rows: Iterable[Sequence[Any]], batch: int = 20000,
                digest: bool = False) -> int:
    """Insert tuples (in column order) into ``table``; returns the number of rows. With
    ``digest`` each batch's rows are digested as they are written (their digests stored and
    added to the case's content digest, casefile.store.bulk_digest), so that recording the
    operation need not read them back: the rows must not be changed again in the same
    operation except through the journaled path."""
    sql = (f"INSERT INTO {table} ({', '.join(columns)}) "
           f"VALUES ({', '.join('?' * len(columns))})")
    driver = cast(sqlite3.Connection, conn.connection.driver_connection)
    if not conn.info.get(_RAISED):
        driver.execute(f"PRAGMA cache_size=-{BULK_CACHE_KIB}")
        conn.info[_RAISED] = True
    cursor = driver.cursor()
    digests = BulkDigests(conn, table, columns) if digest else None
    total = 0
    chunk: list[Sequence[Any]] = []

    def write() -> None:
        before = digests.before() if digests is not None else 0
        cursor.executemany(sql, chunk)
        if digests is not None:
            digests.written(chunk, before)

    for row in rows:
        chunk.append(row)
        if len(chunk) >= batch:
            write()
            total += len(chunk)
            chunk = []
    if chunk:
        write()
        total += len(chunk)
    cursor.close()
    return total


def release_cache(conn: Connection) -> None:
    """Give back the page cache a bulk write took (see :data:`BULK_CACHE_KIB`), if one did
    on this connection."""
    if not conn.info.pop(_RAISED, False):
        return
    driver = cast(sqlite3.Connection, conn.connection.driver_connection)
    driver.execute(f"PRAGMA cache_size=-{DEFAULT_CACHE_KIB}")
    driver.execute("PRAGMA shrink_memory")
