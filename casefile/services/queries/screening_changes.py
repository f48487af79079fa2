"""Whether a party changed, since a screening run began, in what screening reads of it —
read from the audit log (the party's profile, the screening results and the dossier say so
of its hits: review25, look30)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

# what screening reads of a party (screen.read_parties): its names and aliases, kind,
# countries and nationality, birth date, gender and identifiers (look30: a nationality
# changed after the run went unsaid)
_READ = frozenset({"name", "kind", "country", "other_countries", "nationality", "gender"})
_CHILDREN = ("alias", "identifier")
AUDIT_READ = 5000  # entries after a run read at most; more: taken as changed


def changed_since(conn: Connection, entity_id: int, since: str) -> bool:
    """Whether an operation the audit log records after ``since`` (ISO 8601) changed what
    screening reads of the party: its name, kind, countries, nationality, birth date or
    gender, or an alias or identifier of it (added, edited, moved to it by a merge,
    removed). An import writes its rows in bulk, not one by one: one that wrote aliases,
    identifiers or parties after ``since`` counts as a change (it may have named this
    party); so do more than :data:`AUDIT_READ` entries."""
    return entity_id in changed_parties(conn, since, {entity_id})


def changed_parties(conn: Connection, since: str, ids: Iterable[int]) -> set[int]:
    """Those of the parties ``ids`` whose names or details screening reads changed after
    ``since`` (as :func:`changed_since` says of one), read from the audit log once."""
    ids = set(ids)
    rows = conn.exec_driver_sql("SELECT detail FROM audit_log WHERE at > ? ORDER BY id "
                                "LIMIT ?", (since, AUDIT_READ + 1)).all()
    if len(rows) > AUDIT_READ:
        return ids
    owner: dict[str, dict[int, int]] = {t: {int(i): e for i, e in conn.exec_driver_sql(
        f"SELECT id, entity_id FROM {t}")} for t in _CHILDREN} if rows else {}
    out: set[int | None] = set()
    for (detail,) in rows:
        for change in json.loads(detail or "[]"):
            table = change.get("table")
            if table not in ("entity", *_CHILDREN):
                continue
            if "bulk" in change:
                return ids
            values = {**(change.get("values") or {}), **(change.get("set") or {})}
            if table != "entity":
                out.update((values.get("entity_id"), owner[table].get(change.get("id"))))
            elif change.get("op") != "update" or any(k in _READ or k.startswith("birth")
                                                     for k in values):
                out.add(change.get("id"))
    return ids & out
