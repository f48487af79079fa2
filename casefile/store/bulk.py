"""The bulk write path: many rows in one statement each, through the DB-API's executemany.

For generated or imported data (10^5 rows); single edits go through the journaled
operations instead. The caller owns the transaction."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any, cast

from sqlalchemy.engine import Connection

from casefile.store.bulk_digest import BulkDigests


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
