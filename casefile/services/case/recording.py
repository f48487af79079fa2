"""What an applied operation leaves behind: the search index kept in step, the content
digest brought up to date, an audit entry recording it, the case's update time, and the
:class:`Change` that tells the views."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import cast

from sqlalchemy.engine import Connection

from casefile.services.case import audit, indexing
from casefile.services.case.change import Change
from casefile.services.case.journal import RowChange
from casefile.store import digest, schema


def record(conn: Connection, actor: str, name: str, changes: list[RowChange], action: str,
           bulk: list[tuple[str, str, Sequence[int]]] | None = None,
           bulk_rows: dict[str, list[int] | range] | None = None,
           bulk_parents: dict[str, set[int]] | None = None) -> Change:
    """Leave an applied operation's traces (search index, content digest, audit entry,
    case's update time) and return its Change. ``bulk_rows`` are the ids of the bulk rows
    (table -> ids) when they cannot be found from ``bulk`` any more: an undone bulk write's,
    read before its rows were deleted, with ``bulk_parents``, the records whose index rows
    showed them (:func:`indexing.bulk_parents`)."""
    keys = indexing.touched(changes)
    bulk_keys = {table: values for table, column, values in bulk or [] if column == "id"}
    if action == "undo" and bulk_keys:
        indexing.reindex(conn, bulk_keys, follow_names=False)  # removes their rows
    indexing.reindex(conn, keys)
    if bulk:
        if bulk_rows is None:
            bulk_rows = digest.bulk_ids(conn, bulk)
            bulk_parents = indexing.bulk_parents(conn, bulk_rows)
        # a record both changed and a bulk row's parent (a party an import added a name
        # to and changed) is indexed once, above
        indexing.reindex(conn, {k: set(v) - keys.get(k, set())
                                for k, v in (bulk_parents or {}).items()}, follow_names=False)
    for k in bulk_keys:
        keys.setdefault(k, set())  # views need the kinds, not every bulk id
    if changes or bulk:
        detail = audit.describe(changes)
        if bulk:
            detail = detail[:-1] + ("," if changes else "") + ",".join(
                f'{{"table":"{t}","bulk":{len(v)}}}' for t, _c, v in bulk
                if _c == "id") + "]"
        rows: dict[str, list[int] | range] = dict(bulk_rows or {})
        for ch in changes:
            rows.setdefault(ch.table, [])
            if isinstance(rows[ch.table], range):
                rows[ch.table] = list(rows[ch.table])
            cast("list[int]", rows[ch.table]).append(ch.pk)
        audit.append(conn, actor, action, name, detail, digest.refresh(conn, rows))
        conn.execute(schema.TABLES["case_info"].update().values(updated_at=_now()))
    change = describe(name, changes, bulk)
    change.touched = keys
    return change


def describe(name: str, changes: list[RowChange],
             bulk: list[tuple[str, str, Sequence[int]]] | None = None) -> Change:
    """The Change of a list of row changes (and bulk writes, by kind only)."""
    change = Change(name)
    for ch in changes:
        change.touched.setdefault(ch.table, set()).add(ch.pk)
        if ch.op == "insert":
            change.created.setdefault(ch.table, []).append(ch.pk)
        elif ch.op == "delete":
            change.deleted.setdefault(ch.table, []).append(ch.pk)
    for table, column, _values in bulk or []:
        if column == "id":
            change.touched.setdefault(table, set())
    change.partial = bool(bulk)
    return change


def _now() -> datetime:
    return datetime.now(UTC)
