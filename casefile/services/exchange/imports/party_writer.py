"""The one bulk writer of what an import creates around parties: new parties with their
aliases and identifiers, sanctions, and the citations of the imported file. Used by the
trade-data importer and the FollowTheMoney importer alike.

Every row is validated by :func:`casefile.services.case.validation.clean`, the rules the
editor applies to a single edit; a value those rules refuse becomes a problem of the import
naming its line and column (or field), never a crash and never a row written. Rows are then
written in batches through the bulk path in the registry's column order, and undone as one
bulk step, so a file of 10^5 records does not become 10^5 journaled edits."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from typing import Any

from casefile.errors import ValidationError
from casefile.services.case import indexing
from casefile.services.case.journal import Tx
from casefile.services.case.validation import clean
from casefile.store import schema
from casefile.store.bulk import insert_many

ORDER = ("entity", "alias", "identifier", "sanction", "citation")  # parents first
NUMBERED = ("entity", "alias", "sanction")  # ids given here: the undo step names them
# the columns written per table, in table order (ids only where this writer gives them)
COLUMNS = {t: tuple(schema.columns(t, without=() if t in NUMBERED else ("id",)))
           for t in ORDER}

# Where a value came from, for a problem: field -> "file, line 12, column 'Shipper'".
Where = Callable[[str], str]


def _cell(v: Any) -> Any:
    return v.strftime("%Y-%m-%d %H:%M:%S.%f") if isinstance(v, datetime) else v


class PartyWriter:
    """Collects validated rows and writes them in batches. ``problem`` hears of every value
    the rules refuse; ``write=False`` (a dry run) validates and numbers but writes nothing."""

    BATCH = 5000

    def __init__(self, conn: Any, source_id: int, problem: Callable[[str], None],
                 write: bool = True) -> None:
        self.conn = conn
        self.source_id = source_id
        self.problem = problem
        self.write = write
        self.first: dict[str, int] = {}
        self.next: dict[str, int] = {}
        for table in NUMBERED:
            n = (conn.exec_driver_sql(f"SELECT max(id) FROM {table}").scalar() or 0) + 1
            self.first[table] = self.next[table] = n
        self.rows: dict[str, list[tuple[Any, ...]]] = {t: [] for t in ORDER}

    # -- validating ----------------------------------------------------------------------
    def check(self, kind: str, values: dict[str, Any], where: Where,
              field: dict[str, str] | None = None) -> dict[str, Any] | None:
        """``values`` cleaned for a row of ``kind``, or None after reporting the problem at
        ``where(field)`` (``field`` maps a column to the file's own name for it)."""
        try:
            return clean(kind, values)
        except ValidationError as exc:
            self.problem(f"{where((field or {}).get(exc.field, exc.field))}: {exc.message}")
            return None

    def _queue(self, table: str, values: dict[str, Any]) -> int | None:
        row = {**schema.defaults(table), **values}
        rid = None
        if table in self.next:
            rid = row["id"] = self.next[table]
            self.next[table] += 1
        self.rows[table].append(tuple(_cell(row[c]) for c in COLUMNS[table]))
        return rid

    # -- what an import creates ----------------------------------------------------------
    def party(self, where: Where, *, name: str, kind: str = "company",
              country: str | None = None, description: str = "", tags: str = "imported",
              aliases: Iterable[tuple[str, str]] = (),
              identifiers: Iterable[tuple[str, str, str]] = (),
              field: dict[str, str] | None = None) -> int | None:
        """A new party with its aliases ``(field, name)`` and identifiers ``(field, scheme,
        value)``; ``field`` names the file's field of each entity column. Returns its id, or
        None when any of its values is refused (then none of it is written)."""
        entity = self.check("entity", {"kind": kind, "name": name, "country": country,
                                       "description": description, "tags": tags},
                            where, field)
        children: list[tuple[str, dict[str, Any] | None]] = []
        for f, alias in aliases:
            children.append(("alias", self.check("alias", {"name": alias, "kind": "alias"},
                                                 where, {"name": f})))
        for f, scheme, value in identifiers:
            children.append(("identifier", self.check(
                "identifier", {"scheme": scheme, "value": value}, where,
                {"scheme": f, "value": f})))
        if entity is None or any(values is None for _t, values in children):
            return None
        eid = self._queue("entity", entity)
        for table, values in children:
            self._queue(table, {**(values or {}), "entity_id": eid})
        return eid

    def alias(self, where: Where, entity_id: int, name: str, field: str) -> int | None:
        """Another name of a party (new or already in the case), e.g. a spelling variant
        that resolved to it."""
        cleaned = self.check("alias", {"name": name, "kind": "spelling"}, where,
                             {"name": field})
        return None if cleaned is None else self._queue("alias",
                                                        {**cleaned, "entity_id": entity_id})

    def sanction(self, where: Where, entity_id: int, values: dict[str, Any],
                 field: dict[str, str] | None = None) -> int | None:
        """A sanction of a party (``values`` as the editor takes them, "date" included)."""
        cleaned = self.check("sanction", values, where, field)
        return None if cleaned is None else self._queue("sanction",
                                                        {**cleaned, "entity_id": entity_id})

    def cite(self, where: Where, kind: str, rid: int, locator: str, excerpt: str) -> None:
        """Cite the imported file for a new record of a fact kind."""
        cleaned = self.check("citation", {"locator": locator, "excerpt": excerpt,
                                          "credibility": 6}, where)
        if cleaned is not None:
            self._queue("citation", {**cleaned, "source_id": self.source_id,
                                     schema.CITATION_COLUMNS[kind]: rid})

    # -- writing -------------------------------------------------------------------------
    def flush_if_full(self) -> None:
        if sum(len(r) for r in self.rows.values()) >= self.BATCH:
            self.flush()

    def flush(self) -> None:
        for table in ORDER:
            if self.rows[table] and self.write:
                insert_many(self.conn, table, COLUMNS[table], self.rows[table])
            self.rows[table] = []

    def created(self, table: str) -> range:
        """The ids of the rows of a numbered table this writer created."""
        return range(self.first[table], self.next[table])

    def finish(self, tx: Tx, dependents: Sequence[tuple[str, str, Sequence[int]]] = ()
               ) -> None:
        """Index what was written and record it as one bulk step of the operation.
        ``dependents`` are the importer's own bulk rows ``(table, column, values)`` that
        refer to the new parties (shipments), children first: undone before the parties,
        and indexed when listed by id."""
        self.flush()
        entities, sanctions = self.created("entity"), self.created("sanction")
        keys: dict[str, Iterable[int]] = {"entity": entities, "sanction": sanctions,
                                          "source": [self.source_id]}
        keys.update({table: values for table, column, values in dependents if column == "id"})
        indexing.reindex(self.conn, keys, follow_names=False)
        tx.bulk.append(("attachment", "source_id", [self.source_id]))
        tx.bulk.append(("citation", "source_id", [self.source_id]))
        tx.bulk.extend(dependents)
        tx.bulk.append(("sanction", "id", sanctions))
        tx.bulk.append(("identifier", "entity_id", entities))
        tx.bulk.append(("alias", "id", self.created("alias")))
        tx.bulk.append(("entity", "id", entities))
        tx.bulk.append(("source", "id", [self.source_id]))
