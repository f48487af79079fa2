"""Row-image journal: every write of an operation records the row before and after.

An operation's journal is what makes undo/redo exact and generic: undo writes the "before"
images back in reverse order, redo writes the "after" images forward. Deletes follow foreign
keys explicitly (cascade / set null) so the journal holds every row the database would touch.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import bindparam, select
from sqlalchemy.engine import Connection, Row

from casefile.errors import InUseError, NotFoundError
from casefile.services.case import blobs
from casefile.store.schema import REFERENCING, TABLES


@dataclass
class RowChange:
    table: str
    pk: int
    before: dict[str, Any] | None
    after: dict[str, Any] | None

    def __post_init__(self) -> None:  # a file's bytes wait on disk, not in memory
        self.before = blobs.spilled(self.before)
        self.after = blobs.spilled(self.after)

    @property
    def op(self) -> str:
        return "insert" if self.before is None else "delete" if self.after is None else "update"


@dataclass
class Tx:
    """The writes of one operation inside one database transaction."""

    conn: Connection
    changes: list[RowChange] = field(default_factory=list)
    # rows written through the bulk path, as (table, column, values): undone by deleting
    # the rows whose column holds one of the values, in the order listed
    bulk: list[tuple[str, str, Sequence[int]]] = field(default_factory=list)

    def fetch(self, table: str, pk: int) -> dict[str, Any] | None:
        t = TABLES[table]
        row = self.conn.execute(select(t).where(t.c.id == pk)).mappings().first()
        return dict(row) if row else None

    def insert(self, table: str, values: dict[str, Any]) -> int:
        t = TABLES[table]
        # values as execution parameters, not in the statement: SQLAlchemy's compiled cache
        # keeps the first statement of each shape, with any values inside it (a file's bytes)
        key = cast("Row[Any]", self.conn.execute(t.insert(), values).inserted_primary_key)
        pk: int = key[0]
        self.changes.append(RowChange(table, pk, None, self.fetch(table, pk)))
        return pk

    def update(self, table: str, pk: int, values: dict[str, Any]) -> None:
        before = self.fetch(table, pk)
        if before is None:
            raise NotFoundError(f"{table} {pk} does not exist")
        if all(before.get(k) == v for k, v in values.items()):
            return
        t = TABLES[table]
        self.conn.execute(t.update().where(t.c.id == pk), values)
        self.changes.append(RowChange(table, pk, before, self.fetch(table, pk)))

    def update_many(self, table: str, values: Mapping[int, dict[str, Any]]) -> None:
        """Update many rows, each with values of its own, journaled as :meth:`update` does
        it: the rows before and after read 500 at a time, one UPDATE statement per set of
        columns (an import adding to 10^5 parties is not 3 × 10^5 statements)."""
        t = TABLES[table]
        pks = list(values)
        for k in range(0, len(pks), 500):
            chunk = pks[k:k + 500]
            before = {r["id"]: dict(r) for r in self.conn.execute(
                select(t).where(t.c.id.in_(chunk))).mappings()}
            if len(before) < len(chunk):
                gone = next(pk for pk in chunk if pk not in before)
                raise NotFoundError(f"{table} {gone} does not exist")
            shapes: dict[tuple[str, ...], dict[int, dict[str, Any]]] = {}
            for pk in chunk:
                if any(before[pk].get(c) != v for c, v in values[pk].items()):
                    shapes.setdefault(tuple(values[pk]), {})[pk] = values[pk]
            for cols, rows in shapes.items():
                _update_rows(self.conn, t, cols, rows)
            changed = [pk for rows in shapes.values() for pk in rows]
            after = {r["id"]: dict(r) for r in self.conn.execute(
                select(t).where(t.c.id.in_(changed))).mappings()} if changed else {}
            self.changes += [RowChange(table, pk, before[pk], after[pk])
                             for pk in chunk if pk in after]

    def references(self, table: str, pk: int, ondelete: str = "RESTRICT") -> dict[str, int]:
        """Counts of rows that refer to (table, pk) with the given ON DELETE rule."""
        out: dict[str, int] = {}
        for child, col, rule in REFERENCING.get(table, []):
            if rule != ondelete:
                continue
            c = TABLES[child]
            n = self.conn.execute(select(c.c.id).where(c.c[col] == pk)).all()
            if n:
                key = f"{child}.{col}"
                out[key] = out.get(key, 0) + len(n)
        return out

    def delete(self, table: str, pk: int, cascade: bool = False) -> None:
        before = self.fetch(table, pk)
        if before is None:
            raise NotFoundError(f"{table} {pk} does not exist")
        for child, col, rule in REFERENCING.get(table, []):
            c = TABLES[child]
            ids = [r[0] for r in self.conn.execute(select(c.c.id).where(c.c[col] == pk))]
            if not ids:
                continue
            if rule == "CASCADE" or (cascade and rule in ("RESTRICT", "NO ACTION")):
                for cid in ids:
                    self.delete(child, cid, cascade)
            elif rule == "SET NULL":
                for cid in ids:
                    self.update(child, cid, {col: None})
            else:
                raise InUseError(f"{table} {pk} is still referred to by {len(ids)} {child} "
                                 "row(s)", {f"{child}.{col}": len(ids)})
        t = TABLES[table]
        self.conn.execute(t.delete().where(t.c.id == pk))
        self.changes.append(RowChange(table, pk, before, None))


def apply_images(conn: Connection, changes: list[RowChange], backwards: bool) -> None:
    """Write the before images (undo, in reverse) or the after images (redo, in order). A
    run of updates of one table (an import's additions to 10^5 parties) is written 500 rows
    a statement, in the same order."""
    seq = list(reversed(changes) if backwards else changes)
    i = 0
    while i < len(seq):
        ch = seq[i]
        j = i
        while j < len(seq) and seq[j].table == ch.table and seq[j].before is not None \
                and seq[j].after is not None:
            j += 1
        if j - i > 1:
            _update_run(conn, seq[i:j], backwards)
            i = j
            continue
        _apply_one(conn, ch, backwards)
        i += 1


def _apply_one(conn: Connection, ch: RowChange, backwards: bool) -> None:
    t = TABLES[ch.table]
    target = ch.before if backwards else ch.after
    target = None if target is None else blobs.restored(target)
    present = conn.execute(select(t.c.id).where(t.c.id == ch.pk)).first() is not None
    if target is None:
        if present:
            conn.execute(t.delete().where(t.c.id == ch.pk))
    elif present:
        conn.execute(t.update().where(t.c.id == ch.pk), target)
    else:
        conn.execute(t.insert(), target)


def _update_run(conn: Connection, run: list[RowChange], backwards: bool) -> None:
    """Updates of rows of one table, in order: those whose rows are there as one statement
    per 500 rows (the images are whole rows), one gone since as a single change is."""
    t = TABLES[run[0].table]
    for k in range(0, len(run), 500):
        chunk = run[k:k + 500]
        there = {r[0] for r in conn.execute(select(t.c.id).where(
            t.c.id.in_({ch.pk for ch in chunk})))}
        rows: list[tuple[int, dict[str, Any]]] = []
        for ch in chunk:
            if ch.pk not in there:
                _update_rows(conn, t, None, rows)
                rows = []
                _apply_one(conn, ch, backwards)
                continue
            rows.append((ch.pk, blobs.restored(cast(  # an update: both images are rows
                "dict[str, Any]", ch.before if backwards else ch.after))))
        _update_rows(conn, t, None, rows)


def _update_rows(conn: Connection, t: Any, cols: Sequence[str] | None,
                 rows: Mapping[int, dict[str, Any]] | list[tuple[int, dict[str, Any]]]
                 ) -> None:
    """Set the columns ``cols`` (None: every column of the first row's values) of rows
    ``pk -> values``, in order, as one statement."""
    items = list(rows.items()) if isinstance(rows, Mapping) else rows
    if not items:
        return
    names = list(cols if cols is not None else items[0][1])
    conn.execute(t.update().where(t.c.id == bindparam("pk_")).values(
        {c: bindparam(f"v_{c}") for c in names}),
        [{"pk_": pk, **{f"v_{c}": v[c] for c in names}} for pk, v in items])


def delete_bulk(conn: Connection, bulk: list[tuple[str, str, Sequence[int]]]) -> None:
    """Undo a bulk write: delete its rows, children first (the order they are listed)."""
    for table, column, values in bulk:
        for i in range(0, len(values), 500):
            chunk = values[i:i + 500]
            conn.exec_driver_sql(f"DELETE FROM {table} WHERE {column} IN "
                                 f"({','.join('?' * len(chunk))})", tuple(chunk))
