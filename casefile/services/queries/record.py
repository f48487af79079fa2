"""Everything an editor shows for one record, read in one go: the row, its child rows, its
citations with their sources' grades, and the names of the parties it points at."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from casefile.core.grading import admiralty_code
from casefile.core.sanctions import standing
from casefile.services.queries.sourcing import high_on_few_sources_advice
from casefile.store import schema
from casefile.store.id_sets import where_ids

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

    from casefile.services.case.facade import Case

# an attachment's bytes stay in the file until asked for (attachment_data)
_SHOWN = {child: ", ".join(schema.columns(child, without=("data",)))
          for child in schema.CHILD_KINDS}


def record_bundle(case: Case, kind: str, pk: int) -> dict[str, Any] | None:
    row = case.get(kind, pk)
    if row is None:
        return None
    bundle: dict[str, Any] = {"kind": kind, "row": row, "children": {}, "citations": [],
                              "names": {}}
    with case.read() as conn:
        for child, col in schema.children_of(kind).items():
            rows = conn.exec_driver_sql(
                f"SELECT {_SHOWN[child]} FROM {child} WHERE {col} = ? "
                f"ORDER BY {schema.order_column(child)}", (pk,)).mappings().all()
            bundle["children"][child] = [dict(r) for r in rows]
        if kind in schema.CITATION_COLUMNS:
            rows = conn.exec_driver_sql(
                f"SELECT c.id, c.source_id, s.title, s.reliability, s.protected, c.excerpt, "
                f"c.locator, c.credibility FROM citation c JOIN source s ON s.id = c.source_id "
                f"WHERE c.{schema.CITATION_COLUMNS[kind]} = ? ORDER BY c.id", (pk,)
            ).mappings().all()
            bundle["citations"] = [{**dict(r), "code": admiralty_code(r["reliability"],
                                                                      r["credibility"])}
                                   for r in rows]
        ids = {row[c] for c in schema.ENTITY_COLUMNS.get(kind, ()) if row.get(c)}
        for child, child_rows in bundle["children"].items():
            ids.update(r[c] for c in schema.ENTITY_COLUMNS.get(child, ()) for r in child_rows
                       if r.get(c))
        names: dict[int, str] = dict(conn.exec_driver_sql(
            f"SELECT id, name FROM entity WHERE id IN ({','.join('?' * len(ids))})",
            tuple(ids)).all()) if ids else {}
        bundle["names"] = {i: names.get(i) or f"#{i}" for i in ids}
        if kind == "finding":  # a grade its sources do not bear out (said, not refused)
            bundle["advice"] = high_on_few_sources_advice(
                row.get("confidence"), (c["source_id"] for c in bundle["citations"]))
        if kind == "relationship" and row.get("subject_id") == row.get("object_id"):
            bundle["advice"] = ("It links a party to itself (a new relationship starts so): "
                                "choose the other party as its object.")  # (look22)
        if kind == "sanction":  # (look22) a status its end date contradicts: said
            bundle["advice"] = status_advice(row, date.today())
        if kind == "entity":  # what touches it, at the top of its page
            from casefile.services.queries.party import party_connections

            bundle["connections"] = party_connections(conn, pk)
        if kind == "source":
            from casefile.services.queries.citing import cited_facts

            bundle["cited_facts"] = cited_facts(conn, pk)
            bundle["cited_by"] = len({(f["kind"], f["id"]) for f in bundle["cited_facts"]})
    return bundle


def blocking_records(conn: Connection, kind: str, pks: list[int]) -> list[str]:
    """What keeps records of ``kind`` from being deleted, each named as an operation names
    it: the shipments of a party, the citations of a source (by the fact each backs). A
    delete with cascade takes these along; records it would take anyway (aliases, a fact's
    own citations) are not listed."""
    from casefile.services.case.operations import label

    if not pks:
        return []
    ids = sorted(set(pks))
    out: list[str] = []
    for child, col, rule in schema.REFERENCING.get(kind, []):
        if rule != "RESTRICT":
            continue
        rows = sorted((r for where, params in where_ids(ids, col)  # within SQLite's limit
                       for r in conn.exec_driver_sql(f"SELECT * FROM {child} WHERE {where}",
                                                     params).mappings()),
                      key=lambda r: r["id"])
        for r in rows:
            if child != "citation":
                out.append(label(child, dict(r)))
                continue
            fact = next(((k, r[c]) for k, c in schema.CITATION_COLUMNS.items() if r[c]), None)
            if fact is None:
                out.append(label(child, dict(r)))
                continue
            cited = conn.exec_driver_sql(f"SELECT * FROM {fact[0]} WHERE id = ?",
                                         (fact[1],)).mappings().first()
            out.append(f"citation of {label(fact[0], dict(cited) if cited else None)}")
    return list(dict.fromkeys(out))


def attachment_data(case: Case, attachment_id: int) -> tuple[str, bytes]:
    with case.read() as conn:
        name, data = conn.exec_driver_sql(
            "SELECT filename, data FROM attachment WHERE id = ?", (attachment_id,)).one()
    return name, data


def status_advice(row: dict[str, Any], today: date) -> str:
    """What the editor says of a sanction recorded in force whose end date has passed (the
    table, timeline and dossier show it as ended): '' for any other."""
    if row.get("status") != "in_force":
        return ""
    held = standing(row["status"], row.get("end_text"), row.get("end_end"), today)
    if held.state != "ended":
        return ""
    return (f"Recorded as in force, but its end date ({row.get('end_text')}) has passed: "
            "the case shows it as ended everywhere. Set its status to ended, or correct its "
            "end date.")
