"""Everything an editor shows for one record, read in one go: the row, its child rows, its
citations with their sources' grades, and the names of the parties it points at."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from casefile.core.grading import admiralty_code

if TYPE_CHECKING:
    from casefile.services.case.facade import Case

CHILDREN = {"entity": [("alias", "entity_id", "id"), ("identifier", "entity_id", "id")],
            "shipment": [("route_stop", "shipment_id", "position")],
            "event": [("event_party", "event_id", "id")],
            "source": [("attachment", "source_id", "id")]}
ENTITY_REFS = ("shipper_id", "consignee_id", "subject_id", "object_id", "entity_id")


def record_bundle(case: Case, kind: str, pk: int) -> dict[str, Any] | None:
    row = case.get(kind, pk)
    if row is None:
        return None
    bundle: dict[str, Any] = {"kind": kind, "row": row, "children": {}, "citations": [],
                              "names": {}}
    with case.read() as conn:
        for child, col, order in CHILDREN.get(kind, []):
            cols = "id, source_id, filename, mime, size, sha256, added_at" \
                if child == "attachment" else "*"
            rows = conn.exec_driver_sql(
                f"SELECT {cols} FROM {child} WHERE {col} = ? ORDER BY {order}", (pk,)
            ).mappings().all()
            bundle["children"][child] = [dict(r) for r in rows]
        if kind in ("entity", "relationship", "sanction", "shipment", "event", "finding"):
            rows = conn.exec_driver_sql(
                f"SELECT c.id, c.source_id, s.title, s.reliability, s.protected, c.excerpt, "
                f"c.locator, c.credibility FROM citation c JOIN source s ON s.id = c.source_id "
                f"WHERE c.{kind}_id = ? ORDER BY c.id", (pk,)).mappings().all()
            bundle["citations"] = [{**dict(r), "code": admiralty_code(r["reliability"],
                                                                      r["credibility"])}
                                   for r in rows]
        ids = {row[c] for c in ENTITY_REFS if row.get(c)}
        for child_rows in bundle["children"].values():
            ids.update(r["entity_id"] for r in child_rows if r.get("entity_id"))
        for i in ids:
            name = conn.exec_driver_sql("SELECT name FROM entity WHERE id = ?", (i,)).scalar()
            bundle["names"][i] = name or f"#{i}"
        if kind == "source":
            bundle["cited_by"] = conn.exec_driver_sql(
                "SELECT count(*) FROM citation WHERE source_id = ?", (pk,)).scalar()
    return bundle


def source_choices(case: Case) -> list[tuple[int, str]]:
    with case.read() as conn:
        return [(i, f"{t}  [{r}]") for i, t, r in conn.exec_driver_sql(
            "SELECT id, title, reliability FROM source ORDER BY title")]


def attachment_data(case: Case, attachment_id: int) -> tuple[str, bytes]:
    with case.read() as conn:
        name, data = conn.exec_driver_sql(
            "SELECT filename, data FROM attachment WHERE id = ?", (attachment_id,)).one()
    return name, data
