"""The one facade over an open case. Every change goes through :meth:`Case.operation`: one
transaction, one audit entry, search index kept in step, one undo step, and a
:class:`Change` saying what changed so each view refreshes only what it shows."""

from __future__ import annotations

import getpass
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection, Engine

from casefile.errors import ReadOnlyError
from casefile.services.case import audit, indexing
from casefile.services.case.change import Change
from casefile.services.case.edits import CaseEdits
from casefile.services.case.journal import RowChange, Tx, apply_images, delete_bulk
from casefile.services.case.recording import describe, record
from casefile.store import database, digest, faults, migrate, schema, search
from casefile.store.bulk import release_cache

__all__ = ["Case", "Change", "ReadOnlyError"]

READ_ONLY_MESSAGE = "This case is open read-only."


@dataclass
class _Step:
    name: str
    changes: list[RowChange]
    bulk: list[tuple[str, str, Sequence[int]]] = field(default_factory=list)


class Case(CaseEdits):
    """An open case file. Make with :meth:`new` or :meth:`open`; close when done. Every
    change goes through :meth:`operation`; the edit methods (:class:`CaseEdits`) are named
    operations."""

    def __init__(self, opened: database.OpenedFile, actor: str | None = None) -> None:
        self._file = opened
        self.actor = actor or getpass.getuser()
        self._undo: list[_Step] = []
        self._redo: list[_Step] = []

    # -- opening ------------------------------------------------------------------------
    @classmethod
    def new(cls, path: str | Path, *, fill: Callable[[Case], object] | None = None,
            replace: bool = False, **info: Any) -> Case:
        """Create a new case file at ``path`` and open it. ``info`` sets its details and
        ``fill`` (if given) adds its records, before the case appears under ``path``: it is
        built under a temporary name and renamed into place when whole, so a failure or a
        kill never leaves half a case (or a case without its marking) under the name.
        ``path`` must not exist, unless ``replace`` — and then nobody may have it open."""
        path = Path(path)
        with database.building(path, replace=replace) as tmp:
            case = cls(database.create_file(tmp, path.name))
            try:
                with case.engine.begin() as conn:
                    head = digest.refresh(conn, {"case_info": [1]})
                    audit.append(conn, case.actor, "create", f"Created case {path.name}", "[]",
                                 head)
                if info:
                    case.set_info(**info)
                if fill is not None:
                    fill(case)
            finally:
                case.close()
        return cls.open(path)

    @classmethod
    def open(cls, path: str | Path, readonly: bool = False) -> Case:
        """Open a case file; one that cannot be written (a read-only file, folder or disk)
        opens read-only."""
        return cls(database.open_file(Path(path), readonly))

    def close(self) -> None:
        """Close the case; the last writer leaves the one file holding every edit."""
        self._file.close()

    def __enter__(self) -> Case:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def path(self) -> Path:
        return self._file.path

    @property
    def engine(self) -> Engine:
        return self._file.engine

    @property
    def readonly(self) -> bool:
        return self._file.readonly

    @property
    def why_readonly(self) -> str | None:
        """Why a case asked for writing was opened read-only (None: it was not)."""
        return self._file.why_readonly

    def damage(self) -> str | None:
        """Why nothing may be written into this case when it fails SQLite's quick check
        (then it is read-only from here on); None when it passes. The check starts when the
        case is opened for writing; this waits for it."""
        return self._file.damage()

    def _refuse_if_damaged(self) -> None:
        if not self.readonly and self._file.damage() is not None:
            raise ReadOnlyError(f"This case is open read-only: {self._file.why_readonly}.")

    @property
    def backup(self) -> Path | None:
        return self._file.backup

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A connection to read with. SQLite's answers about the file met while reading —
        through SQLAlchemy or the driver's own cursor (a listing reads 10^5 rows that way)
        — are said as what they are (a damaged file, a disk error), never as a bug (look16:
        a damaged page showed "Unexpected error: DatabaseError" in every section)."""
        with self.engine.connect() as conn:
            try:
                yield conn
            except Exception as exc:
                mapped = faults.translate(exc, self.path.name, self.path.parent)
                if mapped is None or mapped is exc:
                    raise
                raise mapped from exc

    # -- operations ---------------------------------------------------------------------
    def operation(self, name: str, fn: Callable[[Tx], Any], dry_run: bool = False) -> Change:
        """Run ``fn(tx)`` as one transaction: audit it, keep the search index in step, push it
        on the undo stack and say what changed. With ``dry_run`` the transaction is rolled
        back whatever ``fn`` did, and the Change says what it would have changed."""
        self._refuse_if_damaged()
        if self.readonly:
            why = self._file.why_readonly
            raise ReadOnlyError(f"This case is open read-only: {why}." if why
                                else READ_ONLY_MESSAGE)
        with self.engine.connect() as conn:
            trans = conn.begin()
            tx = Tx(conn)
            try:
                result = fn(tx)
                if dry_run:
                    change = describe(name, tx.changes, tx.bulk)
                    change.dry_run = True
                else:
                    change = record(conn, self.actor, name, tx.changes, "edit", tx.bulk)
            except BaseException:
                trans.rollback()
                release_cache(conn)
                raise
            if dry_run:
                trans.rollback()
            else:
                trans.commit()
            release_cache(conn)
        change.result = result
        if not dry_run and (tx.changes or tx.bulk):
            self._undo.append(_Step(name, tx.changes, tx.bulk))
            self._redo.clear()
        return change

    def clear_history(self) -> None:
        """Forget undo and redo (after building a case that should start clean)."""
        self._undo.clear()
        self._redo.clear()

    @property
    def undo_name(self) -> str | None:
        return self._undo[-1].name if self._undo else None

    @property
    def undo_final(self) -> bool:
        """Whether the next undo cannot be redone (it takes back an import, and with it
        every redo)."""
        return bool(self._undo and self._undo[-1].bulk)

    @property
    def redo_name(self) -> str | None:
        return self._redo[-1].name if self._redo else None

    def undo(self) -> Change | None:
        return self._replay(self._undo, self._redo, backwards=True)

    def redo(self) -> Change | None:
        return self._replay(self._redo, self._undo, backwards=False)

    def _replay(self, src: list[_Step], dst: list[_Step], backwards: bool) -> Change | None:
        if not src or self.readonly:
            return None
        self._refuse_if_damaged()
        step = src[-1]
        label = ("Undo: " if backwards else "Redo: ") + step.name
        with self.engine.begin() as conn:
            bulk_rows = parents = None
            changes = step.changes
            if backwards and step.bulk:  # what the digest and the index need of the rows,
                bulk_rows = digest.bulk_ids(conn, step.bulk)  # read before they go
                parents = indexing.bulk_parents(conn, bulk_rows)
                delete_bulk(conn, step.bulk)
                changes = _not_in(changes, bulk_rows)
            apply_images(conn, changes, backwards)
            change = record(conn, self.actor, label, step.changes,
                            "undo" if backwards else "redo", step.bulk, bulk_rows, parents)
        src.pop()
        if not step.bulk:  # a bulk import is undone for good; import the file again to redo
            dst.append(step)
        else:  # and what was done after it cannot be redone either: its records are gone
            change.undoable = False  # (review: a redone edit of an imported shipment failed
            dst.clear()  # on its foreign key; a redone party edit brought back a ghost)
        return change

    # -- reading ------------------------------------------------------------------------
    def info(self) -> dict[str, Any]:
        return self.get("case_info", 1) or {}

    def counts(self) -> dict[str, int]:
        kinds = (*schema.RECORD_KINDS, "citation", "attachment")
        sql = " UNION ALL ".join(f"SELECT '{k}', count(*) FROM {k}" for k in kinds)
        with self.read() as conn:
            return {k: n for k, n in conn.exec_driver_sql(sql)}

    def head_digest(self) -> str | None:
        """The content digest the last audit entry recorded (keep a copy elsewhere: it
        anchors the chain)."""
        with self.read() as conn:
            return audit.head_digest(conn)

    def schema_version(self) -> str | None:
        with self.read() as conn:
            return migrate.current_revision(conn)

    def get(self, kind: str, pk: int) -> dict[str, Any] | None:
        t = schema.TABLES[kind]
        with self.read() as conn:
            row = conn.execute(select(t).where(t.c.id == pk)).mappings().first()
            return dict(row) if row else None

    def children(self, kind: str, column: str, parent_id: int,
                 order: str = "id") -> list[dict[str, Any]]:
        t = schema.TABLES[kind]
        with self.read() as conn:
            rows = conn.execute(select(t).where(t.c[column] == parent_id)
                                .order_by(t.c[order])).mappings().all()
            return [dict(r) for r in rows]

    def search(self, query: str, limit: int = 200) -> list[search.Hit]:
        with self.read() as conn:
            return search.search(conn, query, limit)

    def full_text_available(self) -> bool:
        with self.read() as conn:
            return search.uses_fts(conn)

    def save_copy(self, target: str | Path) -> None:
        """A consistent copy of the case (SQLite's backup API) at ``target``; never over the
        case itself or its files."""
        database.save_copy(self._file, Path(target))


def _not_in(changes: list[RowChange], rows: dict[str, list[int] | range]) -> list[RowChange]:
    """The changes of rows other than ``rows`` (table -> ids): a change the operation made
    to a row it wrote in bulk (a later line of a file joined to the party an earlier line
    made) is undone with that row, not written back after it is deleted."""
    gone = {t: ids if isinstance(ids, range) else set(ids) for t, ids in rows.items()}
    return [ch for ch in changes if ch.pk not in gone.get(ch.table, ())]
