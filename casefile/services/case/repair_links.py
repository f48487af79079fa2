"""What a repair does with the rows that refer to a lost row.

A row that refers to a lost party is kept: the repair makes the party a stand-in of the same
id ("Lost party #12: ROSTEC", kind other, its description saying what happened), so its
aliases, identifiers, sanctions, relationships, shipments, citations and screening hits —
read whole from the damaged file — stay together and linked (session 14's note: a junk
page of parties took their sanctions and relationships with it). Any other row whose parent
was lost (a citation of a lost shipment, a route stop of one) is left out and counted."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.engine import Connection

from casefile.services.case.repair_outcome import TableOutcome
from casefile.store.id_sets import where_ids

# what a row that refers to a lost party says of that party (look16: the aliases and
# citations of 24 lost parties named them, and were thrown away unread)
TRACES = {"alias": "name",
          "identifier": "scheme || ' ' || value",
          "citation": "coalesce((SELECT title FROM source WHERE id = source_id), 'source') "
                      "|| ', ' || locator"}
STAND_IN_TAGS = "lost in repair"


def make_stand_ins(conn: Connection, entity: TableOutcome, name: str) -> None:
    """A stand-in party for every lost party a row still refers to (``name``: the damaged
    case's), named by its first alias or identifier; what is left of each is kept in
    ``entity.traces``, and their ids in ``entity.stand_ins``."""
    missing: set[int] = set()
    for table, rowid, parent, fk in conn.exec_driver_sql("PRAGMA foreign_key_check").all():
        if parent != "entity":
            continue
        column = _fk_column(conn, table, fk)
        value = conn.exec_driver_sql(f'SELECT "{column}" FROM "{table}" WHERE rowid = ?',
                                     (rowid,)).scalar()
        if value is not None:
            missing.add(int(value))
    if not missing:
        return
    ids = sorted(missing)
    for table, said in TRACES.items():
        for where, params in where_ids(ids, "entity_id"):
            for eid, text in conn.exec_driver_sql(
                    f"SELECT entity_id, {said} FROM {table} WHERE {where} ORDER BY id", params):
                if text:
                    entity.traces.setdefault(int(eid), []).append(" ".join(str(text).split()))
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    rows = []
    for eid in ids:
        left = entity.traces.get(eid, [])
        shown = f"Lost party #{eid}" + (f": {left[0]}" if left else "")
        about = (f"Made by repair: party #{eid} of {name} could not be read. Its name, kind "
                 "and details were lost; what referred to it was read and is kept here"
                 + (f" ({'; '.join(dict.fromkeys(left))})" if left else "")
                 + ". Rename it and set its kind once you know which party it was.")
        rows.append((eid, "other", shown[:1000], about, STAND_IN_TAGS, now, now))
    conn.exec_driver_sql("INSERT INTO entity (id, kind, name, description, tags, created_at, "
                         "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    entity.stand_ins = ids


def drop_orphans(conn: Connection, by_table: dict[str, TableOutcome]) -> None:
    """Delete the rows that refer to a row that was lost, until none does. Then each
    table's count is taken again, so what went with a deleted row (a route stop of its
    shipment) is counted too; a stand-in party is not counted as saved."""
    while rows := conn.exec_driver_sql("PRAGMA foreign_key_check").all():
        for table, rowid, _parent, _fk in rows:
            done = conn.exec_driver_sql(f'DELETE FROM "{table}" WHERE rowid = ?', (rowid,))
            if done.rowcount and table in by_table:
                by_table[table].orphans += 1
                by_table[table].saved -= 1
    for table, out in by_table.items():  # (rows a cascade took are left out too)
        if out.error is None:
            now = int(conn.exec_driver_sql(f'SELECT count(*) FROM "{table}"').scalar() or 0)
            now -= len(out.stand_ins)
            out.orphans += max(out.saved - now, 0)
            out.saved = now


def _fk_column(conn: Connection, table: str, fk: int) -> str:
    """The column of ``table``'s foreign key number ``fk`` (PRAGMA foreign_key_check's)."""
    for row in conn.exec_driver_sql(f'PRAGMA foreign_key_list("{table}")'):
        if row[0] == fk:
            return str(row[3])
    return ""
