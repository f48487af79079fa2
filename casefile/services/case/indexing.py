"""What each kind of record contributes to the full-text index, and which records an
operation's row changes touch. Documents are built set-wise in SQL so that reindexing a
large case is one query per kind."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from typing import cast

from sqlalchemy.engine import Connection

from casefile.services.case.journal import RowChange
from casefile.store import schema, search
from casefile.store.id_sets import where_ids
from casefile.store.schema import CITATION_COLUMNS
from casefile.store.search_docs import DOC_SQL, index_kind

# record kind -> columns of it that name an entity (its index title shows the name)
_NAMES_SHOWN = {k: cols for k, cols in schema.ENTITY_COLUMNS.items() if k in DOC_SQL}


def touched(changes: Iterable[RowChange]) -> dict[str, set[int]]:
    """kind -> ids of the records whose shown content an operation changed (incl. children)."""
    out: dict[str, set[int]] = {}
    for ch in changes:
        rows = [r for r in (ch.before, ch.after) if r]
        out.setdefault(ch.table, set()).add(ch.pk)
        parent = schema.parent_of(ch.table)
        if parent is not None:
            parent_kind, col = parent
            out.setdefault(parent_kind, set()).update(r[col] for r in rows if r.get(col))
        if ch.table == "citation":
            for r in rows:
                for fact_kind, col in CITATION_COLUMNS.items():
                    if r.get(col):
                        out.setdefault(fact_kind, set()).add(r[col])
                out.setdefault("source", set()).add(r["source_id"])
    return out


def bulk_parents(conn: Connection, rows: Mapping[str, Sequence[int]]) -> dict[str, set[int]]:
    """The records whose index rows show bulk-written child rows (an alias added to a party
    that was there before, a citation of an existing fact), besides the bulk rows' own."""
    out: dict[str, set[int]] = {}
    driver = cast(sqlite3.Connection, conn.connection.driver_connection)
    for table, ids in rows.items():
        cols: list[tuple[str, str]] = []
        parent = schema.parent_of(table)
        if parent is not None:
            cols.append(parent)
        if table == "citation":
            cols += [(kind, col) for kind, col in CITATION_COLUMNS.items()]
            cols.append(("source", "source_id"))
        for kind, col in cols:
            listed = rows.get(kind, ())
            own: range | set[int] = listed if isinstance(listed, range) else set(listed)
            for where, params in where_ids(ids, "id", run=5000):
                found = {r[0] for r in driver.execute(  # plain tuples: 10^5 rows
                    f"SELECT DISTINCT {col} FROM {table} WHERE {where} AND {col} "
                    "IS NOT NULL", params)}
                found = {i for i in found if i not in own}
                if found:
                    out.setdefault(kind, set()).update(found)
    return out


def _dependents(conn: Connection, entity_ids: set[int]) -> dict[str, set[int]]:
    """Records whose index title shows an entity's name (a part of the ids at a time:
    10^5 parties edited at once would pass SQLite's limit on a statement's parameters)."""
    if not entity_ids:
        return {}
    ids = sorted(entity_ids)
    out: dict[str, set[int]] = {}
    for kind, cols in _NAMES_SHOWN.items():
        found = out[kind] = set()
        for col in cols:
            for where, params in where_ids(ids, col):
                found.update(r[0] for r in conn.exec_driver_sql(
                    f"SELECT id FROM {kind} WHERE {where}", params))
    return out


def reindex(conn: Connection, keys: Mapping[str, Iterable[int]], follow_names: bool = True,
            fresh: bool = False) -> None:
    """Rebuild the index rows of the given records (removing those that no longer exist).
    A ``range`` of ids (a bulk import's) is walked in chunks without being copied; ``fresh``
    when the records were just made (nothing of them is in the index to replace)."""
    keys = {k: v if isinstance(v, range) else set(v) for k, v in keys.items()}
    # the driver's own cursor on the same connection and transaction: plain tuples
    driver = cast(sqlite3.Connection, conn.connection.driver_connection)
    if follow_names and "entity" in keys:
        for k, dependent in _dependents(conn, set(keys["entity"])).items():
            keys[k] = set(keys.get(k, ())) | dependent
    for kind, ids in keys.items():
        if kind not in DOC_SQL or not ids:
            continue
        ordered = ids if isinstance(ids, range) else sorted(ids)
        for where, params in where_ids(ordered, "x.id", run=5000):
            rows = driver.execute(f"{DOC_SQL[kind]} WHERE {where}", params).fetchall()
            search.index_documents(conn, ((kind, r[0], r[1] or "", r[2] or "") for r in rows),
                                   fresh)
            asked = range(params[0], params[1] + 1) if "BETWEEN" in where else params
            if len(rows) < len(asked) and not fresh:
                present = {r[0] for r in rows}
                search.unindex(conn, ((kind, i) for i in asked if i not in present))


def reindex_all(conn: Connection) -> None:
    """Rebuild the whole index (after a bulk write)."""
    conn.exec_driver_sql("DELETE FROM search_index")
    for kind in DOC_SQL:
        index_kind(conn, kind)  # (the index was just emptied)


def verify_index(conn: Connection, docs: dict[str, str] | None = None,
                 marks: bool = True, articles: bool = True, letters: bool = True
                 ) -> list[str]:
    """What differs between the search index and the records: rows for records that do not
    exist (found by searches all the same), records without a row, rows that are stale.
    ``docs``: the document SQL to check against (an older schema's), else this version's;
    ``marks``: whether the rows hold marked letters decomposed (schema 0010 on);
    ``articles``: whether they hold the Arabic article parted (0011 on); ``letters``:
    compatibility forms as letters, without Arabic vowel marks (0012 on)."""
    fts = search.uses_fts(conn)
    found: dict[tuple[str, int], tuple[str, str]] = {}
    problems: list[str] = []
    for rowid, title, body in conn.exec_driver_sql(
            "SELECT rowid, title, body FROM search_index ORDER BY rowid"):
        kind, ref = search.split_rowid(rowid)
        if kind is None:
            problems.append(f"search index: row {rowid} belongs to no kind of record")
        else:
            found[(kind, ref)] = (title or "", body or "")
    for kind, sql in (docs or DOC_SQL).items():
        cur = conn.exec_driver_sql(sql)
        while batch := cur.fetchmany(5000):
            for ref, title, body in batch:
                have = found.pop((kind, ref), None)
                if have is None:
                    problems.append(f"search index: {kind} {ref} has no row")
                elif have != search.stored_form(fts, title or "", body or "", marks,
                                                articles, letters):
                    problems.append(f"search index: the row of {kind} {ref} does not match "
                                    "the record")
    problems += [f"search index: a row for {kind} {ref}, which does not exist"
                 for kind, ref in sorted(found)]
    return problems
