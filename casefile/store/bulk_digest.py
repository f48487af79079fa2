"""Digests of the rows the bulk path writes, made from the values in hand while they are
written, instead of reading every row back when the operation is recorded.

A row's digest is made from the value written only when its stored form is certain
(casefile.core.digesters); a batch holding any other value (a float into an integer column,
text that looks like a number into a numeric one, a type the driver adapts) is read back after
it is written and digested from the file, as before — the digests are the same either way,
only the time differs.

Large batches are digested by the digest worker beside the writer (casefile.store.digest_sums:
the rows' digests and the sum of their LtHash elements); their digests go into ``row_digest``
and the sum into the case's state when the worker hands them back, at the latest when
``refresh`` records the operation, in the same transaction. ``mark_written`` tells
``refresh`` which rows are in line already (it would otherwise read and compare them), for
that transaction only. Rows a writer changes after writing them in the same operation must go
through the journaled path."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy.engine import Connection

from casefile.core.digesters import affinity, digester_for
from casefile.core.digests import row_digester
from casefile.store.digest import columns, mark_written, pending_sum
from casefile.store.digest_sums import Batch


class BulkDigests:
    """Digests the batches :func:`casefile.store.bulk.insert_many` writes into one table."""

    def __init__(self, conn: Connection, table: str, given: Sequence[str]) -> None:
        self.conn = conn
        self.table = table
        self.given = list(given)
        self.driver = cast(sqlite3.Connection, conn.connection.driver_connection)
        info = self.driver.execute(f'PRAGMA table_info("{table}")').fetchall()
        self.cols = columns(conn, table)
        self.affinities = {r[1]: affinity(r[2] or "") for r in info}
        # a column left out of the INSERT takes its default: only NULL defaults are known
        defaults = [r[1] for r in info if r[1] not in given and r[4] is not None]
        self.digester = None if defaults else digester_for(table, self.cols, self.affinities,
                                                           given)
        self.id_at = list(given).index("id") if "id" in given else None

    def before(self) -> int:
        """The largest id of the table before a batch is written."""
        return int(self.driver.execute(f'SELECT max(id) FROM "{self.table}"').fetchone()[0]
                   or 0)

    def written(self, rows: Sequence[Sequence[Any]], before: int) -> None:
        """Digest a batch just written (``before``: the largest id before it)."""
        if not rows or self.conn.get_transaction() is None:
            return
        if self.id_at is not None:
            ids = [r[self.id_at] for r in rows]
            contiguous = ids[-1] - ids[0] + 1 == len(ids) and ids == sorted(ids)
        else:  # new rowids are handed out one after another above the largest one
            top = self.before()
            ids = list(range(top - len(rows) + 1, top + 1))
            contiguous = ids[0] > before
        if not contiguous or self._has_digests(ids[0], ids[-1]):
            return  # left to refresh, which compares with the digests stored
        pending = pending_sum(self.conn)
        if pending is None:
            return
        pending.submit(Batch(self, list(rows), ids[0]))
        mark_written(self.conn, self.table, ids[0], ids[-1])

    def store(self, first: int, digests: Sequence[bytes]) -> None:
        """Insert the digests of rows ``first``, ``first + 1``, … (their batch is in hand)."""
        self.driver.executemany(
            "INSERT INTO row_digest(tbl, id, digest) VALUES (?, ?, ?)",
            [(self.table, first + k, d) for k, d in enumerate(digests)])

    def _has_digests(self, first: int, last: int) -> bool:
        return self.driver.execute(
            "SELECT 1 FROM row_digest WHERE tbl = ? AND id BETWEEN ? AND ? LIMIT 1",
            (self.table, first, last)).fetchone() is not None

    def digests(self, rows: Sequence[Sequence[Any]], first: int) -> list[bytes]:
        """The digests of a batch written here, made in this process: from the values where
        their stored form is certain, else read back from the file."""
        if self.digester is not None:
            digest = self.digester
            made = [digest(r, first + k) for k, r in enumerate(rows)]
            if None not in made:
                return cast("list[bytes]", made)
        select = ", ".join(f'"{c}"' for c in self.cols)
        read = row_digester(self.table, self.cols)
        cur = self.driver.execute(f'SELECT {select} FROM "{self.table}" WHERE id BETWEEN ? '
                                  "AND ? ORDER BY id", (first, first + len(rows) - 1))
        return [read(r) for r in cur]


__all__ = ["BulkDigests"]
