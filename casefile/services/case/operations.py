"""The edit operations of a case: create, update, save with child rows, delete, merge,
attach a file, cite a source. Each is one :meth:`Case.operation` (one transaction, one undo
step, one audit entry)."""

from __future__ import annotations

import hashlib
import mimetypes
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic_core import PydanticUndefined
from sqlalchemy import select

from casefile.errors import InUseError, NotFoundError, ValidationError
from casefile.services.case.journal import TABLES, Tx
from casefile.services.case.validation import clean
from casefile.store import models

if TYPE_CHECKING:
    from casefile.services.case.facade import Change

# child kind -> column naming its parent, per parent kind
CHILD_PARENT = {
    ("entity", "alias"): "entity_id", ("entity", "identifier"): "entity_id",
    ("shipment", "route_stop"): "shipment_id", ("event", "event_party"): "event_id",
}
FACT_KINDS = models.CITATION_TARGETS
_KIND_WORDS = {"entity": "entity", "shipment": "shipment", "event": "event",
               "source": "source", "finding": "finding", "relationship": "relationship",
               "sanction": "sanction", "citation": "citation"}


def defaults(kind: str) -> dict[str, Any]:
    """Model defaults for a new row (factories called now)."""
    model = models.KIND_TABLES.get(kind) or models.CaseInfo
    out = {}
    for name, f in model.model_fields.items():
        if name == "id":
            continue
        if f.default_factory is not None:
            out[name] = f.default_factory()
        elif f.default is not PydanticUndefined:
            out[name] = f.default
    return out


def label(kind: str, row: dict[str, Any] | None) -> str:
    if not row:
        return kind
    text = row.get("name") or row.get("title") or row.get("declared_goods") or \
        row.get("excerpt") or f"#{row.get('id')}"
    text = str(text)
    return f"{kind} “{text[:40]}{'…' if len(text) > 40 else ''}”"


def insert_row(tx: Tx, kind: str, values: dict[str, Any]) -> int:
    return tx.insert(kind, {**defaults(kind), **clean(kind, values)})


def replace_children(tx: Tx, parent_kind: str, parent_id: int, child_kind: str,
                     rows: list[dict[str, Any]]) -> None:
    """Make the child rows of a parent be exactly ``rows`` (kept by id, else new)."""
    col = CHILD_PARENT.get((parent_kind, child_kind)) or f"{parent_kind}_id"
    t = TABLES[child_kind]
    existing = {r[0] for r in tx.conn.execute(select(t.c.id).where(t.c[col] == parent_id))}
    keep = set()
    for pos, row in enumerate(rows):
        values = {k: v for k, v in row.items() if k != "id"}
        if child_kind == "route_stop":
            values["position"] = pos
        rid = row.get("id")
        if rid in existing:
            tx.update(child_kind, rid, clean(child_kind, values))
            keep.add(rid)
        else:
            insert_row(tx, child_kind, {**values, col: parent_id})
    for rid in existing - keep:
        tx.delete(child_kind, rid)


class CaseOperations:
    """Mixed into :class:`casefile.services.case.facade.Case`."""

    def operation(self, name, fn, record=True):  # pragma: no cover - defined by Case
        raise NotImplementedError

    def set_info(self, **values: Any) -> Change:
        return self.operation("Edit case details",
                              lambda tx: tx.update("case_info", 1, clean("case_info", values)))

    def save(self, kind: str, pk: int | None, values: dict[str, Any],
             children: dict[str, list[dict[str, Any]]] | None = None) -> Change:
        """Create (pk None) or update a record and replace the given child collections."""
        def run(tx: Tx) -> int:
            rid = insert_row(tx, kind, values) if pk is None else pk
            if pk is not None:
                if tx.fetch(kind, pk) is None:
                    raise NotFoundError(f"{kind} {pk} no longer exists")
                tx.update(kind, pk, clean(kind, values))
            for child_kind, rows in (children or {}).items():
                replace_children(tx, kind, rid, child_kind, rows)
            return rid
        verb = "New" if pk is None else "Edit"
        shown = {**(values or {}), "id": pk}
        return self.operation(f"{verb} {label(kind, shown)}", run)

    def create(self, kind: str, values: dict[str, Any],
               children: dict[str, list[dict[str, Any]]] | None = None) -> Change:
        return self.save(kind, None, values, children)

    def update(self, kind: str, pk: int, values: dict[str, Any]) -> Change:
        return self.save(kind, pk, values)

    def delete(self, kind: str, pk: int, cascade: bool = False) -> Change:
        """Delete a record. A source that is cited, or an entity that ships, is refused
        unless ``cascade`` (which then deletes the citations / shipments too)."""
        def run(tx: Tx) -> None:
            row = tx.fetch(kind, pk)
            if row is None:
                raise NotFoundError(f"{kind} {pk} no longer exists")
            refs = tx.references(kind, pk, "RESTRICT")
            if refs and not cascade:
                what = ", ".join(f"{n} {k.split('.')[0]}{'s' if n > 1 else ''}"
                                 for k, n in refs.items())
                raise InUseError(f"{label(kind, row)} is still used by {what}. Delete those "
                                 "first, or delete with cascade.", refs)
            tx.delete(kind, pk, cascade=cascade)
        with self.read() as conn:  # type: ignore[attr-defined]
            row = Tx(conn).fetch(kind, pk)
        return self.operation(f"Delete {label(kind, row)}", run)

    def cite(self, source_id: int, target_kind: str, target_id: int, excerpt: str = "",
             locator: str = "", credibility: int = 6) -> Change:
        if target_kind not in FACT_KINDS:
            raise ValidationError("target", f"a citation cannot point at a {target_kind}")
        return self.operation("Cite source", lambda tx: insert_row(tx, "citation", {
            "source_id": source_id, f"{target_kind}_id": target_id, "excerpt": excerpt,
            "locator": locator, "credibility": credibility}))

    def attach_file(self, source_id: int, path: str | Path | None = None,
                    filename: str | None = None, data: bytes | None = None) -> Change:
        """Store a file's bytes inside the case with its SHA-256, attached to a source."""
        if path is not None:
            path = Path(path)
            data = path.read_bytes()
            filename = filename or path.name
        if data is None or not filename:
            raise ValidationError("file", "nothing to attach")
        mime = mimetypes.guess_type(filename)[0] or "application/octet-stream"
        digest = hashlib.sha256(data).hexdigest()
        return self.operation(f"Attach {filename}", lambda tx: insert_row(tx, "attachment", {
            "source_id": source_id, "filename": filename, "mime": mime, "size": len(data),
            "sha256": digest, "data": data}))

    def merge_entities(self, survivor_id: int, other_id: int) -> Change:
        """Fold ``other`` into ``survivor``: its name becomes an alias, and its aliases,
        identifiers, citations, shipments, route stops, relationships, sanctions and event
        roles move over; then ``other`` is deleted."""
        if survivor_id == other_id:
            raise ValidationError("entity", "cannot merge an entity with itself")

        def run(tx: Tx) -> int:
            keep, other = tx.fetch("entity", survivor_id), tx.fetch("entity", other_id)
            if keep is None or other is None:
                raise NotFoundError("both entities must exist to merge them")
            names = {r[0].casefold() for r in tx.conn.exec_driver_sql(
                "SELECT name FROM alias WHERE entity_id = ?", (survivor_id,))}
            names.add(keep["name"].casefold())
            if other["name"].casefold() not in names:
                insert_row(tx, "alias", {"entity_id": survivor_id, "name": other["name"],
                                         "kind": "alias"})
            moves = [("alias", "entity_id"), ("identifier", "entity_id"),
                     ("citation", "entity_id"), ("shipment", "shipper_id"),
                     ("shipment", "consignee_id"), ("route_stop", "entity_id"),
                     ("relationship", "subject_id"), ("relationship", "object_id"),
                     ("sanction", "entity_id"), ("event_party", "entity_id")]
            for table, col in moves:
                t = TABLES[table]
                for (rid,) in tx.conn.execute(select(t.c.id).where(t.c[col] == other_id)):
                    if table == "alias" and tx.fetch("alias", rid)["name"].casefold() in names:
                        continue  # the survivor already has that name; cascade drops it
                    tx.update(table, rid, {col: survivor_id})
            merged = {"description": keep["description"] or other["description"],
                      "country": keep["country"] or other["country"],
                      "tags": ",".join(sorted({*filter(None, keep["tags"].split(",")),
                                               *filter(None, other["tags"].split(","))}))}
            tx.update("entity", survivor_id, merged)
            tx.delete("entity", other_id)
            return survivor_id
        with self.read() as conn:  # type: ignore[attr-defined]
            a, b = Tx(conn).fetch("entity", survivor_id), Tx(conn).fetch("entity", other_id)
        return self.operation(f"Merge {label('entity', b)} into {label('entity', a)}", run)
