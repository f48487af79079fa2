"""The bulk write path: many rows in one statement each, through the DB-API's executemany.

For generated or imported data (10^5 rows); single edits go through the journaled
operations instead. The caller owns the transaction."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any, cast

from sqlalchemy.engine import Connection


def insert_many(conn: Connection, table: str, columns: Sequence[str],
                rows: Iterable[Sequence[Any]], batch: int = 20000) -> int:
    """Insert tuples (in column order) into ``table``; returns the number of rows."""
    sql = (f"INSERT INTO {table} ({', '.join(columns)}) "
           f"VALUES ({', '.join('?' * len(columns))})")
    driver = cast(sqlite3.Connection, conn.connection.driver_connection)
    cursor = driver.cursor()
    total = 0
    chunk: list[Sequence[Any]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= batch:
            cursor.executemany(sql, chunk)
            total += len(chunk)
            chunk = []
    if chunk:
        cursor.executemany(sql, chunk)
        total += len(chunk)
    cursor.close()
    return total
