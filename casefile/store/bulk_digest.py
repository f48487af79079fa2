"""Digests of the rows the bulk path writes, made from the values in hand while they are
written, instead of reading every row back when the operation is recorded.

A row's digest covers SQLite's own values (casefile.core.digests), and SQLite converts what it
is given by the column's type affinity; the digest is therefore made from a value only when
its stored form is certain (text into a text column, an integer or a bool into an integer or
numeric one, a number into a real one, NULL anywhere, …). A batch holding any other value
(a float into an integer column, text that looks like a number into a numeric one, a type the
driver adapts) is read back after it is written and digested from the file, as before — the
digests are the same either way, only the time differs.

The rows' digests go into ``row_digest`` and the case's LtHash state in the same
transaction; ``casefile.store.digest.mark_written`` tells ``refresh`` which rows are in line
already (it would otherwise read and compare them), for that transaction only. Rows a writer
changes after writing them in the same operation must go through the journaled path."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Sequence
from json.encoder import encode_basestring
from typing import Any, cast

from sqlalchemy.engine import Connection

from casefile.core.digests import row_digester
from casefile.store.digest import LEFT_OUT, load_state, mark_written, save_state

Digester = Callable[[Sequence[Any], int], bytes | None]
# text SQLite might take for a number in a column of numeric, integer or real affinity
_NUMBERISH = re.compile(r"[ \t\n\v\f\r]*[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?"
                        r"[ \t\n\v\f\r]*")


def affinity(declared: str) -> str:
    """SQLite's type affinity of a declared column type (its rules, in its order)."""
    t = declared.upper()
    if "INT" in t:
        return "integer"
    if "CHAR" in t or "CLOB" in t or "TEXT" in t:
        return "text"
    if "BLOB" in t or not t:
        return "blob"
    if "REAL" in t or "FLOA" in t or "DOUB" in t:
        return "real"
    return "numeric"


def _numberish(v: str) -> bool:
    return _NUMBERISH.fullmatch(v) is not None


# per affinity: the code that appends a non-NULL value ``v`` of the row as it is stored
_APPEND = {
    "text": ("if t is str: a(K + e(v))\n"
             "elif t is int: a(K + e(str(v)))\n"
             "else: return None"),
    "integer": ("if t is int: a(K + r(v))\n"
                "elif t is bool: a(K + r(int(v)))\n"
                "else: return None"),
    "numeric": ("if t is str:\n"
                "    if n(v): return None\n"
                "    a(K + e(v))\n"
                "elif t is int: a(K + r(v))\n"
                "elif t is bool: a(K + r(int(v)))\n"
                "else: return None"),
    "real": ("if t is float and f(v): a(K + q(v))\n"
             "elif (t is int or t is bool) and -M < v < M: a(K + q(float(v)))\n"
             "else: return None"),
    "blob": ("if t is str: a(K + e(v))\n"
             "elif t is int: a(K + r(v))\n"
             "elif t is float and f(v): a(K + q(v))\n"
             "else: return None"),
}


def make_digester(table: str, cols: Sequence[str], affinities: dict[str, str],
                  given: Sequence[str]) -> Digester:
    """A function ``(row, id) -> digest`` for rows written as tuples in the order of
    ``given`` (``id`` among them or not): the digest of the row as the file will hold it,
    the digest columns ``cols`` that ``given`` lacks being NULL (the caller makes sure
    they have no other default); None for a row with a value whose stored form it cannot
    be sure of."""
    import hashlib
    import math

    where = {c: i for i, c in enumerate(given)}
    lines = ["def digest(row, rid):", "    parts = []", "    a = parts.append"]
    env: dict[str, Any] = {"e": encode_basestring, "r": int.__repr__,
                           "q": float.__repr__, "f": math.isfinite, "n": _numberish,
                           "M": 2 ** 53, "sha": hashlib.sha256}
    for k, c in enumerate(sorted(cols)):
        env[f"K{k}"] = encode_basestring(c) + ":"
        if c == "id" and "id" not in where:
            lines.append(f"    a(K{k} + r(rid))")
            continue
        if c not in where:  # NULL: left out of the canonical row
            continue
        lines += [f"    v = row[{where[c]}]", "    if v is not None:", "        t = type(v)"]
        body = _APPEND[affinities.get(c, "blob")].replace("K", f"K{k}")
        lines += ["        " + b for b in body.splitlines()]
    env["HEAD"] = "[" + encode_basestring(table) + ",{"
    lines.append("    return sha((HEAD + ','.join(parts) + '}]')"
                 ".encode('utf-8', 'surrogatepass')).digest()")
    exec("\n".join(lines), env)  # noqa: S102 - code made above from column names only
    return cast(Digester, env["digest"])


class BulkDigests:
    """Digests the batches :func:`casefile.store.bulk.insert_many` writes into one table."""

    def __init__(self, conn: Connection, table: str, given: Sequence[str]) -> None:
        self.conn = conn
        self.table = table
        self.driver = cast(sqlite3.Connection, conn.connection.driver_connection)
        info = self.driver.execute(f'PRAGMA table_info("{table}")').fetchall()
        self.cols = ["id", *(r[1] for r in info
                             if r[1] != "id" and r[1] not in LEFT_OUT.get(table, ()))]
        aff = {r[1]: affinity(r[2] or "") for r in info}
        # a column left out of the INSERT takes its default: only NULL defaults are known
        defaults = [r[1] for r in info if r[1] not in given and r[4] is not None]
        self.digester = None if defaults else make_digester(table, self.cols, aff, given)
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
        digests = self._digests(rows, ids, before)
        self.driver.executemany("INSERT INTO row_digest(tbl, id, digest) VALUES (?, ?, ?)",
                                [(self.table, i, d) for i, d in zip(ids, digests, strict=True)])
        state = load_state(self.conn)
        state.add(digests)
        save_state(self.conn, state, len(digests))
        mark_written(self.conn, self.table, ids[0], ids[-1])

    def _has_digests(self, first: int, last: int) -> bool:
        return self.driver.execute(
            "SELECT 1 FROM row_digest WHERE tbl = ? AND id BETWEEN ? AND ? LIMIT 1",
            (self.table, first, last)).fetchone() is not None

    def _digests(self, rows: Sequence[Sequence[Any]], ids: Sequence[int],
                 before: int) -> list[bytes]:
        if self.digester is not None:
            digest = self.digester
            made = [digest(r, i) for r, i in zip(rows, ids, strict=True)]
            if None not in made:
                return cast("list[bytes]", made)
        select = ", ".join(f'"{c}"' for c in self.cols)
        read = row_digester(self.table, self.cols)
        cur = self.driver.execute(f'SELECT {select} FROM "{self.table}" WHERE id BETWEEN ? '
                                  "AND ? ORDER BY id", (ids[0], ids[-1]))
        return [read(r) for r in cur]


__all__ = ["BulkDigests", "affinity", "make_digester"]
