"""New parties (with aliases and identifiers), sanctions and the citations of one import:
validated exactly like single edits, written in batches through the bulk path, and undone
as one bulk step — so a file of 10^5 records does not become 10^5 journaled edits."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from casefile.services.case import indexing
from casefile.services.case.journal import Tx
from casefile.services.case.operations import defaults
from casefile.services.case.validation import clean
from casefile.store.bulk import insert_many

ORDER = ("entity", "alias", "identifier", "sanction", "citation")  # parents first


def _cell(v: Any) -> Any:
    return v.strftime("%Y-%m-%d %H:%M:%S.%f") if isinstance(v, datetime) else v


class PartyWriter:
    BATCH = 5000

    def __init__(self, conn: Any, source_id: int) -> None:
        self.conn = conn
        self.source_id = source_id
        self.first: dict[str, int] = {}
        self.next: dict[str, int] = {}
        for table in ("entity", "sanction"):  # ids are given here: the undo step names them
            n = (conn.exec_driver_sql(f"SELECT max(id) FROM {table}").scalar() or 0) + 1
            self.first[table] = self.next[table] = n
        self.rows: dict[str, list[tuple]] = {t: [] for t in ORDER}
        self.cols: dict[str, tuple[str, ...]] = {}

    def _add(self, table: str, values: dict[str, Any]) -> int | None:
        row = {**defaults(table), **clean(table, values)}  # raises ValidationError
        rid = None
        if table in self.next:
            rid = row["id"] = self.next[table]
            self.next[table] += 1
        cols = self.cols.setdefault(table, tuple(sorted(row)))
        self.rows[table].append(tuple(_cell(row.get(c)) for c in cols))
        return rid

    def entity(self, kind: str, name: str, country: str | None, description: str) -> int:
        return self._add("entity", {"kind": kind, "name": name, "country": country,
                                    "description": description, "tags": "imported"})

    def alias(self, entity_id: int, name: str) -> None:
        self._add("alias", {"entity_id": entity_id, "name": name, "kind": "alias"})

    def identifier(self, entity_id: int, scheme: str, value: str) -> None:
        self._add("identifier", {"entity_id": entity_id, "scheme": scheme, "value": value})

    def sanction(self, entity_id: int, authority: str, programme: str, reason: str,
                 date: str) -> int:
        return self._add("sanction", {"entity_id": entity_id, "authority": authority,
                                      "programme": programme, "reason": reason,
                                      "date": date})

    def cite(self, column: str, rid: int, locator: str, excerpt: str) -> None:
        self._add("citation", {"source_id": self.source_id, column: rid, "locator": locator,
                               "excerpt": excerpt, "credibility": 6})

    def flush_if_full(self) -> None:
        if sum(len(r) for r in self.rows.values()) >= self.BATCH:
            self.flush()

    def flush(self) -> None:
        for table in ORDER:
            if self.rows[table]:
                insert_many(self.conn, table, self.cols[table], self.rows[table])
                self.rows[table] = []

    def finish(self, tx: Tx) -> None:
        """Index what was written and record it as one bulk step of the operation."""
        self.flush()
        entities = range(self.first["entity"], self.next["entity"])
        sanctions = range(self.first["sanction"], self.next["sanction"])
        indexing.reindex(self.conn, {"entity": entities, "sanction": sanctions,
                                     "source": [self.source_id]}, follow_names=False)
        tx.bulk.append(("attachment", "source_id", [self.source_id]))
        tx.bulk.append(("citation", "source_id", [self.source_id]))
        tx.bulk.append(("sanction", "id", sanctions))
        tx.bulk.append(("identifier", "entity_id", entities))
        tx.bulk.append(("alias", "entity_id", entities))
        tx.bulk.append(("entity", "id", entities))
        tx.bulk.append(("source", "id", [self.source_id]))
