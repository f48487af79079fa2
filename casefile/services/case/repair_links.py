"""What a repair does with the rows that refer to a lost row.

A row that refers to a lost party is kept, and so is the party: restored from the audit log
where it holds the party's values (a party made or edited in the window: its last recorded
state), else made a stand-in of the same id ("Lost party #12: ООО «Ромашка»" after its first
alias or identifier, kind other, its description saying what happened) — so its aliases,
identifiers, sanctions, relationships, shipments, citations and screening hits, read whole
from the damaged file, stay together and linked (session 14's note: a junk page of parties
took their sanctions and relationships with it). Any other row whose parent was lost (a
citation of a lost shipment, a route stop of one) is left out and counted."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.engine import Connection

from casefile.core.labels import LOST_IN_REPAIR as LOST
from casefile.core.labels import RESTORED_IN_REPAIR as RESTORED
from casefile.services.case.repair_outcome import TableOutcome
from casefile.store.id_sets import where_ids

# what a row that refers to a lost party says of that party (look16: the aliases and
# citations of 24 lost parties named them, and were thrown away unread)
# (look20) a citation says the words it quotes: a trade import quotes the cell that named
# the party ('ShipperName: ООО ВЕКТОР'), and its shipper and consignee are cited by the same
# row — by the locator alone their stand-ins could not be told apart
TRACES = {"alias": "name",
          "identifier": "scheme || ' ' || value",
          "citation": "coalesce((SELECT title FROM source WHERE id = source_id), 'source') "
                      "|| ', ' || locator || CASE WHEN trim(coalesce(excerpt, '')) = '' "
                      "THEN '' ELSE ': “' || substr(excerpt, 1, 200) || '”' END"}
NAMED_BY = ("alias", "identifier")  # what names a stand-in (a citation names a source)
# the cell of a trade file a party was made from, as its import quotes it ('Column: name'):
# the name the file gave it, which names a stand-in that has no alias nor identifier
QUOTED = ("SELECT c.entity_id, substr(c.excerpt, instr(c.excerpt, ': ') + 2) FROM citation c "
          "JOIN source s ON s.id = c.source_id WHERE s.kind = 'trade_record' AND s.title LIKE "
          "'Imported trade data: %' AND c.locator LIKE 'row %' AND instr(c.excerpt, ': ') > 1 "
          "AND {where} ORDER BY c.id")  # (the import's own, not one a person wrote: review23)


def make_stand_ins(conn: Connection, entity: TableOutcome, name: str) -> None:
    """Every lost party a row still refers to, restored from the audit log or made a
    stand-in (``name``: the damaged case's), and every other lost party the audit log
    records, restored; what is left of each is kept in ``entity.traces``, their ids in
    ``entity.restored`` and ``entity.stand_ins``."""
    missing: set[int] = set()
    for table, rowid, parent, fk in conn.exec_driver_sql("PRAGMA foreign_key_check").all():
        if parent != "entity":
            continue
        column = _fk_column(conn, table, fk)
        value = conn.exec_driver_sql(f'SELECT "{column}" FROM "{table}" WHERE rowid = ?',
                                     (rowid,)).scalar()
        if value is not None:
            missing.add(int(value))
    unread = {i for a, b in entity.unreadable for i in range(a, b + 1)}
    # a table that could not be read at all: every party the audit log records
    known = last_states(conn, "entity", None if entity.error else missing | unread)
    # what nothing refers to is put back only when the audit log has it
    whole = {rid for rid, (_v, complete) in known.items() if complete}
    ids = sorted(missing | (whole - _present(conn, whole)))
    if not ids:
        return
    names: dict[int, list[str]] = {}
    for table, said in TRACES.items():
        for where, params in where_ids(ids, "entity_id"):
            for eid, text in conn.exec_driver_sql(
                    f"SELECT entity_id, {said} FROM {table} WHERE {where} ORDER BY id", params):
                if text:
                    text = " ".join(str(text).split())
                    entity.traces.setdefault(int(eid), []).append(text)
                    if table in NAMED_BY:
                        names.setdefault(int(eid), []).append(text)
    for where, params in where_ids(ids, "c.entity_id"):
        for eid, text in conn.exec_driver_sql(QUOTED.format(where=where), params):
            if text and text.strip() and int(eid) not in names:
                names[int(eid)] = [" ".join(text.split())]
    info = list(conn.exec_driver_sql('PRAGMA table_info("entity")'))
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    for eid in ids:
        state, complete = known.get(eid, ({}, False))
        if complete:
            # the audit log leaves a new row's empty values out (look19: a party made with
            # no description was refused by NOT NULL): those are put back as empty
            values = {r[1]: _stored(state[r[1]]) if r[1] in state else _empty(r)
                      for r in info if r[1] in state or (r[3] and r[4] is None)}
            values.update(id=eid, tags=",".join(sorted({*str(values.get("tags") or "")
                                                       .split(","), RESTORED} - {""})))
            values["created_at"] = values.get("created_at") or now
            values["updated_at"] = values.get("updated_at") or now
            entity.restored.append(eid)
        else:  # named by the last name an edit gave it (look19), else by its other names
            left = [str(state["name"])] if state.get("name") else names.get(eid, [])
            shown = f"Lost party #{eid}" + (f": {left[0]}" if left else "")
            traces = entity.traces.get(eid, [])
            values = {"id": eid, "kind": "other", "name": shown[:1000], "tags": LOST,
                      "created_at": now, "updated_at": now, "description": (
                          f"Made by repair: party #{eid} of {name} could not be read. Its "
                          "name, kind and details were lost; what referred to it was read "
                          "and is kept here"
                          + (f" ({'; '.join(dict.fromkeys(traces))})" if traces else "")
                          + ". Rename it and set its kind once you know which party it "
                          "was.")}
            _recorded(values, state, {r[1] for r in info})
            entity.stand_ins.append(eid)
        cols = ", ".join(f'"{c}"' for c in values)
        conn.exec_driver_sql(f"INSERT INTO entity ({cols}) VALUES "
                             f"({', '.join('?' * len(values))})", tuple(values.values()))
    for eid in entity.restored:  # (look19) what names the lost is said of stand-ins only
        entity.traces.pop(eid, None)


def _recorded(values: dict[str, Any], state: dict[str, Any], columns: set[str]) -> None:
    """Put on a stand-in what the audit log recorded of the lost party beyond its name
    (look20: a stand-in the user had given its kind and country, lost again, came back as
    kind other): each value an edit set, its tags beside the repair's, its description
    before the repair's."""
    for column, value in state.items():
        if column in columns and column not in ("id", "name", "tags", "description",
                                                "created_at", "updated_at"):
            values[column] = _stored(value)
    tags = {t for t in str(state.get("tags") or "").split(",") if t} - {RESTORED}
    values["tags"] = ",".join(sorted(tags | {LOST}))
    if str(state.get("description") or "").strip():
        values["description"] = f"{state['description']}\n\n{values['description']}"


def last_states(conn: Connection, table: str, ids: set[int] | None
                ) -> dict[int, tuple[dict[str, Any], bool]]:
    """The last values the audit log records of rows ``ids`` of ``table`` (None: of every
    row), and whether they are the whole row: its entries played in order — an insert gives
    the whole row, an update the columns it set (a row written in bulk, as an import writes
    them, is known only by what was set since), a delete takes it away, and an undo puts
    back the state before the step it undoes (look19: an undone rename came back, a party
    deleted and brought back by undo was lost). An entry that cannot be read is passed
    over; a row an undo leaves unknown is not given."""
    states: dict[int, tuple[dict[str, Any], bool] | None] = {}
    before: dict[int, list[tuple[dict[str, Any], bool] | None]] = {}
    for action, detail in conn.exec_driver_sql(
            "SELECT action, detail FROM audit_log WHERE detail LIKE ? ORDER BY id",
            (f'%"table":"{table}"%',)):
        try:
            changes = json.loads(detail)
        except (TypeError, ValueError):
            continue
        mine = [ch for ch in (changes if isinstance(changes, list) else [])
                if isinstance(ch, dict) and ch.get("table") == table
                and isinstance(ch.get("id"), int) and (ids is None or ch["id"] in ids)]
        if action == "undo":  # the step's changes taken back, last first
            for ch in reversed(mine):
                stack = before.get(ch["id"])
                states[ch["id"]] = stack.pop() if stack else None
            continue
        for ch in mine:
            rid, now = ch["id"], states.get(ch["id"])
            before.setdefault(rid, []).append(now)
            if ch.get("op") == "insert" and isinstance(ch.get("values"), dict):
                states[rid] = (dict(ch["values"]), True)
            elif ch.get("op") == "update" and isinstance(ch.get("set"), dict):
                states[rid] = ({**(now[0] if now else {}), **ch["set"]},
                               bool(now and now[1]))
            elif ch.get("op") == "delete":
                states[rid] = None
    return {rid: state for rid, state in states.items() if state is not None}


def _present(conn: Connection, ids: set[int]) -> set[int]:
    """Which of ``ids`` the new case's entity table holds (read from the damaged file)."""
    found: set[int] = set()
    for where, params in where_ids(sorted(ids), "id"):
        found.update(r[0] for r in conn.exec_driver_sql(f"SELECT id FROM entity WHERE {where}",
                                                         params))
    return found


def _empty(column: Any) -> Any:
    """The empty value of a NOT NULL column without a default (PRAGMA table_info's row): a
    flag is false, a text empty."""
    return 0 if str(column[2]).upper() in ("BOOLEAN", "INTEGER") else ""


def _stored(v: Any) -> Any:
    """A value as the audit log wrote it, as the table stores it (a time: '2026-11-30
    19:00:00.000000', not ISO's 'T')."""
    if isinstance(v, str) and len(v) >= 19 and v[4] == "-" and v[10] == "T":
        try:
            return datetime.fromisoformat(v).strftime("%Y-%m-%d %H:%M:%S.%f")
        except ValueError:
            return v
    return v


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
            now -= len(out.stand_ins) + len(out.restored)
            out.orphans += max(out.saved - now, 0)
            out.saved = now


def _fk_column(conn: Connection, table: str, fk: int) -> str:
    """The column of ``table``'s foreign key number ``fk`` (PRAGMA foreign_key_check's)."""
    for row in conn.exec_driver_sql(f'PRAGMA foreign_key_list("{table}")'):
        if row[0] == fk:
            return str(row[3])
    return ""
