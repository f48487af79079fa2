"""The one facade over an open case. Every change goes through :meth:`Case.operation`: one
transaction, one audit entry, search index kept in step, one undo step, and a
:class:`Change` saying what changed so each view refreshes only what it shows."""

from __future__ import annotations

import getpass
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from casefile.errors import ReadOnlyError
from casefile.services.case import audit, indexing
from casefile.services.case.journal import TABLES, RowChange, Tx, apply_images, delete_bulk
from casefile.services.case.operations import CaseOperations
from casefile.store import database, migrate, search

READ_ONLY_MESSAGE = "This case is open read-only."


@dataclass
class Change:
    """What one operation (or its undo/redo) changed: kind -> ids, and the new rows' ids."""

    name: str
    touched: dict[str, set[int]] = field(default_factory=dict)
    created: dict[str, list[int]] = field(default_factory=dict)
    deleted: dict[str, list[int]] = field(default_factory=dict)
    result: Any = None

    def kinds(self) -> set[str]:
        return set(self.touched)


@dataclass
class _Step:
    name: str
    changes: list[RowChange]
    bulk: list[tuple[str, str, Sequence[int]]] = field(default_factory=list)


class Case(CaseOperations):
    """An open case file. Make with :meth:`new` or :meth:`open`; close when done."""

    def __init__(self, opened: database.OpenedFile, actor: str | None = None) -> None:
        self._file = opened
        self.actor = actor or getpass.getuser()
        self._undo: list[_Step] = []
        self._redo: list[_Step] = []
        self.listeners: list[Callable[[Change], None]] = []

    # -- opening ------------------------------------------------------------------------
    @classmethod
    def new(cls, path: str | Path, **info: Any) -> Case:
        """Create a new case file at ``path`` (which must not exist) and open it."""
        case = cls(database.create_file(Path(path)))
        with case.engine.begin() as conn:
            audit.append(conn, case.actor, "create", f"Created case {Path(path).name}", "[]")
        if info:
            try:
                case.set_info(**info)
            except Exception:
                case.close()
                for leftover in (Path(path), Path(f"{path}-wal"), Path(f"{path}-shm")):
                    leftover.unlink(missing_ok=True)
                raise
            case.clear_history()
        return case

    @classmethod
    def open(cls, path: str | Path, readonly: bool = False) -> Case:
        return cls(database.open_file(Path(path), readonly))

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> Case:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def path(self) -> Path:
        return self._file.path

    @property
    def engine(self):  # noqa: ANN201
        return self._file.engine

    @property
    def readonly(self) -> bool:
        return self._file.readonly

    @property
    def backup(self) -> Path | None:
        return self._file.backup

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            yield conn

    # -- operations ---------------------------------------------------------------------
    def operation(self, name: str, fn: Callable[[Tx], Any], record: bool = True) -> Change:
        """Run ``fn(tx)`` as one transaction; audit, index, push on the undo stack."""
        if self.readonly:
            raise ReadOnlyError(READ_ONLY_MESSAGE)
        with self.engine.begin() as conn:
            tx = Tx(conn)
            result = fn(tx)
            change = self._finish(conn, name, tx.changes, "edit", tx.bulk)
        change.result = result
        if record and (tx.changes or tx.bulk):
            self._undo.append(_Step(name, tx.changes, tx.bulk))
            self._redo.clear()
        self._notify(change)
        return change

    def _finish(self, conn: Connection, name: str, changes: list[RowChange],
                action: str, bulk: list[tuple[str, str, Sequence[int]]] | None = None
                ) -> Change:
        keys = indexing.touched(changes)
        bulk_keys = {table: values for table, column, values in bulk or [] if column == "id"}
        if action == "undo" and bulk_keys:
            indexing.reindex(conn, bulk_keys, follow_names=False)  # removes their rows
        indexing.reindex(conn, keys)
        for k in bulk_keys:
            keys.setdefault(k, set())  # views need the kinds, not every bulk id
        if changes or bulk:
            detail = audit.describe(changes)
            if bulk:
                detail = detail[:-1] + ("," if changes else "") + ",".join(
                    f'{{"table":"{t}","bulk":{len(v)}}}' for t, _c, v in bulk
                    if _c == "id") + "]"
            audit.append(conn, self.actor, action, name, detail)
            conn.execute(TABLES["case_info"].update().values(updated_at=_now()))
        change = Change(name, keys)
        for ch in changes:
            if ch.op == "insert":
                change.created.setdefault(ch.table, []).append(ch.pk)
            elif ch.op == "delete":
                change.deleted.setdefault(ch.table, []).append(ch.pk)
        return change

    def _notify(self, change: Change) -> None:
        for listener in list(self.listeners):
            listener(change)

    def clear_history(self) -> None:
        """Forget undo and redo (after building a case that should start clean)."""
        self._undo.clear()
        self._redo.clear()

    @property
    def undo_name(self) -> str | None:
        return self._undo[-1].name if self._undo else None

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
        step = src[-1]
        label = ("Undo: " if backwards else "Redo: ") + step.name
        with self.engine.begin() as conn:
            if backwards and step.bulk:
                delete_bulk(conn, step.bulk)
            apply_images(conn, step.changes, backwards)
            change = self._finish(conn, label, step.changes, "undo" if backwards else "redo",
                                  step.bulk)
        src.pop()
        if not step.bulk:  # a bulk import is undone for good; import the file again to redo
            dst.append(step)
        self._notify(change)
        return change

    # -- reading ------------------------------------------------------------------------
    def info(self) -> dict[str, Any]:
        return self.get("case_info", 1) or {}

    def counts(self) -> dict[str, int]:
        kinds = ("entity", "shipment", "event", "source", "finding", "relationship",
                 "sanction", "citation", "attachment")
        sql = " UNION ALL ".join(f"SELECT '{k}', count(*) FROM {k}" for k in kinds)
        with self.read() as conn:
            return {k: n for k, n in conn.exec_driver_sql(sql)}

    def schema_version(self) -> str | None:
        with self.read() as conn:
            return migrate.current_revision(conn)

    def get(self, kind: str, pk: int) -> dict[str, Any] | None:
        t = TABLES[kind]
        with self.read() as conn:
            row = conn.execute(select(t).where(t.c.id == pk)).mappings().first()
            return dict(row) if row else None

    def children(self, kind: str, column: str, parent_id: int,
                 order: str = "id") -> list[dict[str, Any]]:
        t = TABLES[kind]
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
        database.save_copy(self.engine, Path(target))


def _now() -> datetime:
    return datetime.now(UTC)
