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

from collections.abc import Iterable, Iterator, Mapping, Sequence

from sqlalchemy.engine import Connection

from casefile.core.digests import STATE_BYTES, LtHash, row_digest

LEFT_OUT: dict[str, tuple[str, ...]] = {"attachment": ("data",),
                                        "case_info": ("updated_at",)}
NOT_CONTENT = ("audit_log", "alembic_version", "row_digest", "digest_state")
_CHUNK = 500


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
    cur = conn.exec_driver_sql(f'SELECT {select} FROM "{table}" {where}', tuple(params))
    while batch := cur.fetchmany(2000):
        for r in batch:
            yield r[0], row_digest(table, dict(zip(cols, r, strict=True)))


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


def _save_state(conn: Connection, state: LtHash, delta_rows: int) -> None:
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
    _save_state(conn, state, n)
    return state.hexdigest()


def _chunks(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    for i in range(0, len(ids), _CHUNK):
        yield ids[i:i + _CHUNK]


def refresh(conn: Connection, keys: Mapping[str, Iterable[int]]) -> str:
    """Bring the digests of the rows (table -> ids) in line with the rows as they are now:
    present rows get their current digest, missing ones lose theirs. Returns the content
    digest."""
    state = load_state(conn)
    added: list[bytes] = []
    removed: list[bytes] = []
    delta = 0
    for table, ids in keys.items():
        ordered: Sequence[int] = ids if isinstance(ids, range) else sorted(set(ids))
        if not ordered:
            continue
        cols = columns(conn, table)
        for chunk in _chunks(ordered):
            marks = ",".join("?" * len(chunk))
            now = dict(scan(conn, table, cols, f"WHERE id IN ({marks})", chunk))
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
    if added or removed:
        state.add(added)
        state.remove(removed)
        _save_state(conn, state, delta)
    return state.hexdigest()


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
        for chunk in _chunks(list(values)):
            marks = ",".join("?" * len(chunk))
            found += [r[0] for r in conn.exec_driver_sql(
                f'SELECT id FROM "{table}" WHERE "{column}" IN ({marks})', tuple(chunk))]
        out[table] = sorted(set(found))
    return out
