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
    removed). An import writes its rows in bulk, not one by one: the parties whose aliases
    or identifiers are among the rows last written to their tables, as many as imports
    wrote since, count as changed (review34: every screened party did, after an import of
    new parties); an import undone, or more than :data:`AUDIT_READ` entries, count as a
    change of every party."""
    return entity_id in changed_parties(conn, since, {entity_id})


def changed_parties(conn: Connection, since: str, ids: Iterable[int]) -> set[int]:
    """Those of the parties ``ids`` whose names or details screening reads changed after
    ``since`` (as :func:`changed_since` says of one), read from the audit log once."""
    ids = set(ids)
    rows = conn.exec_driver_sql("SELECT action, detail FROM audit_log WHERE at > ? ORDER BY "
                                "id LIMIT ?", (since, AUDIT_READ + 1)).all()
    if len(rows) > AUDIT_READ:
        return ids
    out: set[int | None] = set()
    children: dict[str, set[int]] = {t: set() for t in _CHILDREN}  # rows changed or gone
    bulk = dict.fromkeys(_CHILDREN, 0)  # rows imports wrote, by table
    for action, detail in rows:
        for change in json.loads(detail or "[]"):
            table = change.get("table")
            if table not in ("entity", *_CHILDREN):
                continue
            if "bulk" in change:
                if action == "undo" and table in _CHILDREN:  # names taken away, whose?
                    return ids
                if table in _CHILDREN:  # (new parties' own are not the screened ones')
                    bulk[table] += int(change["bulk"])
                continue
            values = {**(change.get("values") or {}), **(change.get("set") or {})}
            if table != "entity":
                if values.get("entity_id") is not None:  # (moved to it, or added)
                    out.add(values["entity_id"])
                children[table].add(int(change.get("id") or 0))
            elif change.get("op") != "update" or any(k in _READ or k.startswith("birth")
                                                     for k in values):
                out.add(change.get("id"))
    for table in _CHILDREN:
        out |= _owners(conn, table, children[table], bulk[table])
        if None in out:  # a name or identifier removed whose party is not known
            return ids
    return ids & out


def _owners(conn: Connection, table: str, rows: set[int], last: int) -> set[int | None]:
    """The parties of ``rows`` of ``table`` (None for a row gone whose insert the log does
    not hold: one an import wrote), and those of its ``last`` rows (an import's)."""
    out: set[int | None] = set()
    found: dict[int, int] = {}
    listed = sorted(rows)
    for at in range(0, len(listed), 500):
        part = listed[at:at + 500]
        found.update(conn.exec_driver_sql(
            f"SELECT id, entity_id FROM {table} WHERE id IN ({','.join('?' * len(part))})",
            tuple(part)).all())
    for rid in rows:
        if rid in found:
            out.add(found[rid])
            continue
        inserted = conn.exec_driver_sql(  # a row gone: its party, as its insert said
            "SELECT detail FROM audit_log WHERE detail LIKE ? ORDER BY id DESC LIMIT 1",
            (f'%"table":"{table}","id":{rid},"op":"insert"%',)).scalar()
        out.add(next((int(c["values"]["entity_id"]) for c in json.loads(inserted or "[]")
                      if c.get("table") == table and c.get("id") == rid
                      and (c.get("values") or {}).get("entity_id")), None))
    if last:
        out.update(e for (e,) in conn.exec_driver_sql(
            f"SELECT entity_id FROM {table} ORDER BY id DESC LIMIT ?", (last,)))
    return out
