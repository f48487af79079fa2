"""The content digest kept in a case file: one digest per content row in ``row_digest``, their
LtHash in ``digest_state`` (recipes in casefile.core.digests).

Content is every table of the file except the audit log, the search index, Alembic's version
table and these two; a row is read with SQLite's own values, without the columns in
:data:`LEFT_OUT` (attachment bytes are covered by their ``sha256`` column; the case's update
time changes on every write). Writers call :func:`refresh` with the (table, ids) they touched:
each row's stored digest is taken out of the state and its current one put in, so an edit costs
the same whatever the size of the case.
"""

from __future__ import annotations

import bisect
import sqlite3
import weakref
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, cast

from sqlalchemy.engine import Connection

from casefile.core.digests import STATE_BYTES, LtHash, row_digester
from casefile.store.digest_sums import PendingSum
from casefile.store.id_sets import CHUNK, chunks, where_ids

LEFT_OUT: dict[str, tuple[str, ...]] = {"attachment": ("data",),
                                        "case_info": ("updated_at",)}
NOT_CONTENT = ("audit_log", "alembic_version", "row_digest", "digest_state")
# transaction -> table -> (first id, last id) runs of rows digested as the bulk path wrote
# them (casefile.store.bulk_digest): their digests are stored and in the state already
_WRITTEN: weakref.WeakKeyDictionary[Any, dict[str, list[tuple[int, int]]]] = (
    weakref.WeakKeyDictionary())
# transaction -> the LtHash sum of the rows the bulk path digested, made in a worker and
# folded into the state by refresh (casefile.store.digest_sums)
_PENDING: weakref.WeakKeyDictionary[Any, PendingSum] = weakref.WeakKeyDictionary()


def content_tables(conn: Connection) -> list[str]:
    """The content tables of the file, by name."""
    return [r[0] for r in conn.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE 'search_index%' ORDER BY name") if r[0] not in NOT_CONTENT]


def columns(conn: Connection, table: str) -> list[str]:
    """The columns of a table that its rows' digests cover (``id`` first)."""
    cols = [r[1] for r in conn.exec_driver_sql(f'PRAGMA table_info("{table}")')]
    return ["id", *(c for c in cols if c != "id" and c not in LEFT_OUT.get(table, ()))]


def scan(conn: Connection, table: str, cols: Sequence[str] | None = None,
         where: str = "", params: Sequence[object] = ()) -> Iterator[tuple[int, bytes]]:
    """(id, digest) of the rows of a table (optionally those matching ``where``)."""
    cols = list(cols) if cols is not None else columns(conn, table)
    select = ", ".join(f'"{c}"' for c in cols)
    digest = row_digester(table, cols)
    cur = conn.exec_driver_sql(f'SELECT {select} FROM "{table}" {where}', tuple(params))
    while batch := cur.fetchmany(2000):
        for r in batch:
            yield r[0], digest(r)


def compute_all(conn: Connection) -> dict[str, dict[int, bytes]]:
    """Every content row's digest, recomputed from the rows: table -> id -> digest."""
    return {t: dict(scan(conn, t)) for t in content_tables(conn)}


def stored(conn: Connection) -> dict[str, dict[int, bytes]]:
    """The row digests stored in the file: table -> id -> digest."""
    out: dict[str, dict[int, bytes]] = {}
    for tbl, rid, d in conn.exec_driver_sql("SELECT tbl, id, digest FROM row_digest"):
        out.setdefault(tbl, {})[rid] = bytes(d)
    return out


def load_state(conn: Connection) -> LtHash:
    row = conn.exec_driver_sql("SELECT lanes FROM digest_state WHERE id = 1").first()
    if row is None or len(row[0]) != STATE_BYTES:
        return LtHash()
    return LtHash(bytes(row[0]))


def head(conn: Connection) -> str:
    """The content digest of the stored state."""
    return load_state(conn).hexdigest()


def save_state(conn: Connection, state: LtHash, delta_rows: int) -> None:
    """Store the state, with ``delta_rows`` more (or fewer) rows than before."""
    conn.exec_driver_sql(
        "INSERT INTO digest_state(id, lanes, rows) VALUES (1, ?, ?) ON CONFLICT(id) DO UPDATE "
        "SET lanes = excluded.lanes, rows = digest_state.rows + excluded.rows",
        (state.state(), delta_rows))


def rebuild(conn: Connection) -> str:
    """Recompute every row digest and the state from the rows (a new or upgraded file)."""
    conn.exec_driver_sql("DELETE FROM row_digest")
    conn.exec_driver_sql("DELETE FROM digest_state")
    state, n = LtHash(), 0
    for table in content_tables(conn):
        rows = list(scan(conn, table))
        if not rows:
            continue
        conn.exec_driver_sql("INSERT INTO row_digest(tbl, id, digest) VALUES (?, ?, ?)",
                             [(table, i, d) for i, d in rows])
        state.add(d for _i, d in rows)
        n += len(rows)
    save_state(conn, state, n)
    return state.hexdigest()


def mark_written(conn: Connection, table: str, first: int, last: int) -> None:
    """Rows ``first``..``last`` of ``table`` were written and digested (stored and added to
    the state) in the connection's current transaction."""
    transaction = conn.get_transaction()
    if transaction is not None:
        _WRITTEN.setdefault(transaction, {}).setdefault(table, []).append((first, last))


def pending_sum(conn: Connection) -> PendingSum | None:
    """Where the bulk path adds the row digests it stored in the connection's current
    transaction; :func:`refresh` folds their sum into the state."""
    transaction = conn.get_transaction()
    if transaction is None:
        return None
    if transaction not in _PENDING:
        _PENDING[transaction] = PendingSum()
    return _PENDING[transaction]


def take_written(conn: Connection) -> dict[str, list[tuple[int, int]]]:
    """The runs of rows (table -> (first, last) ids) digested as they were written in the
    connection's current transaction; forgotten once taken."""
    transaction = conn.get_transaction()
    return _WRITTEN.pop(transaction, {}) if transaction is not None else {}


def _not_written(ids: Sequence[int], runs: list[tuple[int, int]]) -> Sequence[int]:
    """``ids`` (sorted) without those inside ``runs``."""
    runs = sorted(runs)
    if isinstance(ids, range) and any(a <= ids[0] and ids[-1] <= b for a, b in runs):
        return range(0)
    starts = [a for a, _b in runs]

    def written(i: int) -> bool:
        k = bisect.bisect_right(starts, i) - 1
        return k >= 0 and i <= runs[k][1]
    return [i for i in ids if not written(i)]


def refresh(conn: Connection, keys: Mapping[str, Iterable[int]]) -> str:
    """Bring the digests of the rows (table -> ids) in line with the rows as they are now:
    present rows get their current digest, missing ones lose theirs. Returns the content
    digest.

    Rows the bulk path digested as it wrote them in this transaction (:func:`mark_written`)
    are in line already and skipped. Ids above the table's largest stored digest id have no
    digest yet (a bulk write's new rows): they are read by id range where they are
    contiguous, and their digests inserted without looking up a previous one."""
    transaction = conn.get_transaction()
    pending = _PENDING.pop(transaction, None) if transaction is not None else None
    made, delta = pending.result() if pending is not None else (None, 0)  # stored first
    state = load_state(conn)
    if made is not None:
        state.add_state(made.state())
    written = take_written(conn)
    added: list[bytes] = []
    removed: list[bytes] = []
    grew = delta > 0  # new rows' digests go into the state batch by batch (memory flat)
    for table, ids in keys.items():
        ordered: Sequence[int] = (ids if isinstance(ids, range) and ids.step == 1
                                  else sorted(set(ids)))
        if ordered and table in written:
            ordered = _not_written(ordered, written[table])
        if not ordered:
            continue
        cols = columns(conn, table)
        digester = row_digester(table, cols)
        top = conn.exec_driver_sql("SELECT max(id) FROM row_digest WHERE tbl = ?",
                                   (table,)).scalar()
        split = 0 if top is None else bisect.bisect_right(ordered, top)
        old, new = ordered[:split], ordered[split:]
        for chunk in chunks(old):
            marks = ",".join("?" * len(chunk))
            now = dict(_read(conn, table, cols, digester, f"WHERE id IN ({marks})", chunk))
            before = {i: bytes(d) for i, d in conn.exec_driver_sql(
                f"SELECT id, digest FROM row_digest WHERE tbl = ? AND id IN ({marks})",
                (table, *chunk))}
            put = [(table, i, d) for i, d in now.items() if before.get(i) != d]
            gone = [(table, i) for i in before if i not in now]
            added += [d for _t, _i, d in put]
            removed += [before[i] for _t, i, _d in put if i in before]
            removed += [before[i] for _t, i in gone]
            delta += sum(1 for _t, i, _d in put if i not in before) - len(gone)
            if put:
                conn.exec_driver_sql("INSERT OR REPLACE INTO row_digest(tbl, id, digest) "
                                     "VALUES (?, ?, ?)", put)
            if gone:
                conn.exec_driver_sql("DELETE FROM row_digest WHERE tbl = ? AND id = ?", gone)
        if new:
            inserted = _insert_new(conn, table, cols, digester, new, state)
            delta += inserted
            grew = grew or inserted > 0
    if added or removed or grew:
        state.add(added)
        state.remove(removed)
        save_state(conn, state, delta)
    return state.hexdigest()


def _read(conn: Connection, table: str, cols: Sequence[str],
          digester: Callable[[Sequence[Any]], bytes], where: str,
          params: Sequence[object]) -> Iterator[tuple[int, bytes]]:
    """(id, digest) of the rows matching ``where``, read on the driver's own cursor (the
    same connection and transaction, without the per-row wrapping of a Result)."""
    select = ", ".join(f'"{c}"' for c in cols)
    driver = cast(sqlite3.Connection, conn.connection.driver_connection)
    cur = driver.execute(f'SELECT {select} FROM "{table}" {where}', tuple(params))
    while batch := cur.fetchmany(2000):
        for r in batch:
            yield r[0], digester(r)


def _insert_new(conn: Connection, table: str, cols: Sequence[str],
                digester: Callable[[Sequence[Any]], bytes], ids: Sequence[int],
                state: LtHash) -> int:
    """Digest the rows among ``ids`` (sorted, none with a stored digest), insert their
    digests and add them to ``state`` a batch at a time; returns how many rows there were."""
    n = 0
    sql = "INSERT INTO row_digest(tbl, id, digest) VALUES (?, ?, ?)"
    driver = cast(sqlite3.Connection, conn.connection.driver_connection)
    for where, params in where_ids(ids, "id"):
        put: list[tuple[str, int, bytes]] = []
        for i, d in _read(conn, table, cols, digester, f"WHERE {where}", params):
            put.append((table, i, d))
            if len(put) >= 5000:
                driver.executemany(sql, put)
                state.add(p[2] for p in put)
                n += len(put)
                put = []
        if put:
            driver.executemany(sql, put)
            state.add(p[2] for p in put)
            n += len(put)
    return n


def _one_run(driver: sqlite3.Connection, table: str, column: str,
             values: Sequence[int]) -> range | None:
    """The ids of the rows whose ``column`` is one of ``values`` as a range, when they are
    one run of consecutive ids (what a bulk write leaves); None otherwise."""
    if not (isinstance(values, range) and values.step == 1) and len(values) > CHUNK:
        return None
    parts = where_ids(values if isinstance(values, range) else sorted(set(values)),
                      f'"{column}"')
    where, params = next(parts, ("0", ()))
    lo, hi, n = driver.execute(f'SELECT min(id), max(id), count(*) FROM "{table}" '
                               f"WHERE {where}", params).fetchone()
    return range(lo, hi + 1) if n and hi - lo + 1 == n else None


def bulk_ids(conn: Connection, bulk: Iterable[tuple[str, str, Sequence[int]]]
             ) -> dict[str, list[int] | range]:
    """The ids of the rows a bulk write lists as (table, column, values)."""
    out: dict[str, list[int] | range] = {}
    for table, column, values in bulk:
        if column == "id":
            if isinstance(values, range) and table not in out:
                out[table] = values
            else:
                out[table] = sorted({*out.get(table, []), *values})
            continue
        found: list[int] = list(out.get(table, []))
        driver = cast(sqlite3.Connection, conn.connection.driver_connection)
        run = None if found else _one_run(driver, table, column, values)
        if run is not None:  # (a million route stops or citations: no list of their ids)
            out[table] = run
            continue
        ordered = values if isinstance(values, range) and values.step == 1 else \
            sorted(set(values))
        for where, params in where_ids(ordered, f'"{column}"'):
            found += [r[0] for r in driver.execute(
                f'SELECT id FROM "{table}" WHERE {where}', params)]
        out[table] = sorted(set(found))
    return out
