"""The edit operations of a case, as functions of one transaction (:class:`Tx`): create,
update, save with child rows, delete, merge, attach, cite, create-and-link a party. The
:class:`~casefile.services.case.facade.Case` runs each as one operation (one transaction,
one undo step, one audit entry) under a name from :func:`label`."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from casefile.errors import InUseError, NotFoundError, ValidationError
from casefile.services.case.journal import Tx
from casefile.services.case.party_fields import DATES, WORDS, detail_changes, items
from casefile.services.case.validation import clean, tags_text
from casefile.store import schema

__all__ = ["Children", "clean", "create_and_link", "defaults", "delete", "delete_many",
           "insert_row", "label", "merge_entities", "replace_children", "save"]

Children = dict[str, list[dict[str, Any]]]


def defaults(kind: str) -> dict[str, Any]:
    """Model defaults for a new row (factories called now)."""
    return schema.defaults(kind)


def label(kind: str, row: dict[str, Any] | None) -> str:
    """A record as an operation's name says it: kind and a short quote of its name (its
    title, goods, excerpt, a sanction's programme or authority, or its date; a stored
    record without any by its number; a new one without any by its kind alone)."""
    if not row:
        return kind
    text = row.get("name") or row.get("title") or row.get("declared_goods") or \
        row.get("excerpt") or row.get("programme") or row.get("authority") or \
        row.get("date_text") or row.get("filename") or \
        (f"#{row['id']}" if row.get("id") is not None else "")
    text = str(text).strip()
    if not text:
        return kind
    return f"{kind} “{text[:40]}{'…' if len(text) > 40 else ''}”"


def delete_many(tx: Tx, kind: str, pks: list[int], cascade: bool = False) -> None:
    """Delete several records of a kind in one transaction (see :func:`delete`); one still
    in use stops them all unless ``cascade``. A record an earlier one took with it is
    passed over."""
    if not any(tx.fetch(kind, pk) is not None for pk in pks):
        raise NotFoundError(f"none of these {kind} records exists any more")
    for pk in pks:
        if tx.fetch(kind, pk) is not None:
            delete(tx, kind, pk, cascade)


def insert_row(tx: Tx, kind: str, values: dict[str, Any]) -> int:
    return tx.insert(kind, {**defaults(kind), **clean(kind, values)})


def replace_children(tx: Tx, parent_kind: str, parent_id: int, child_kind: str,
                     rows: list[dict[str, Any]]) -> None:
    """Make the child rows of a parent be exactly ``rows`` (kept by id, else new)."""
    col = (schema.CITATION_COLUMNS[parent_kind] if child_kind == "citation"
           else schema.parent_column(parent_kind, child_kind))
    t = schema.TABLES[child_kind]
    existing = {r[0] for r in tx.conn.execute(select(t.c.id).where(t.c[col] == parent_id))}
    keep = set()
    for pos, row in enumerate(rows):
        values = {k: v for k, v in row.items() if k != "id"}
        if schema.order_column(child_kind) == "position":
            values["position"] = pos
        rid = row.get("id")
        if rid is not None and rid in existing:
            tx.update(child_kind, rid, clean(child_kind, values))
            keep.add(rid)
        else:
            insert_row(tx, child_kind, {**values, col: parent_id})
    for rid in existing - keep:
        tx.delete(child_kind, rid)


def save(tx: Tx, kind: str, pk: int | None, values: dict[str, Any],
         children: Children | None = None) -> int:
    """Create (pk None) or update a record and replace the given child collections."""
    rid = insert_row(tx, kind, values) if pk is None else pk
    if pk is not None:
        if tx.fetch(kind, pk) is None:
            raise NotFoundError(f"{kind} {pk} no longer exists")
        tx.update(kind, pk, clean(kind, values))
    for child_kind, rows in (children or {}).items():
        replace_children(tx, kind, rid, child_kind, rows)
    return rid


def create_and_link(tx: Tx, kind: str, pk: int, column: str, values: dict[str, Any]) -> int:
    """Create a party and point ``column`` of record (kind, pk) at it: one step, so one undo
    takes both back."""
    if tx.fetch(kind, pk) is None:
        raise NotFoundError(f"{kind} {pk} no longer exists")
    eid = insert_row(tx, "entity", values)
    tx.update(kind, pk, clean(kind, {column: eid}))
    return eid


def delete(tx: Tx, kind: str, pk: int, cascade: bool = False) -> None:
    """Delete a record. A source that is cited, or an entity that ships, is refused unless
    ``cascade`` (which then deletes the citations / shipments too)."""
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


def cite(tx: Tx, source_id: int, target_kind: str, target_id: int, excerpt: str = "",
         locator: str = "", credibility: int = 6) -> int:
    if target_kind not in schema.FACT_KINDS:
        raise ValidationError("target", f"a citation cannot point at a {target_kind}")
    return insert_row(tx, "citation", {
        "source_id": source_id, schema.CITATION_COLUMNS[target_kind]: target_id,
        "excerpt": excerpt,
        "locator": locator, "credibility": credibility})


def merge_entities(tx: Tx, survivor_id: int, other_id: int) -> int:
    """Fold ``other`` into ``survivor``: its name becomes an alias, and its aliases,
    identifiers, citations, shipments, route stops, relationships, sanctions and event roles
    move over; then ``other`` is deleted."""
    if survivor_id == other_id:
        raise ValidationError("entity", "cannot merge an entity with itself")
    keep, other = tx.fetch("entity", survivor_id), tx.fetch("entity", other_id)
    if keep is None or other is None:
        raise NotFoundError("both entities must exist to merge them")
    names = {r[0].casefold() for r in tx.conn.exec_driver_sql(
        "SELECT name FROM alias WHERE entity_id = ?", (survivor_id,))}
    names.add(keep["name"].casefold())
    if other["name"].casefold() not in names:
        insert_row(tx, "alias", {"entity_id": survivor_id, "name": other["name"],
                                 "kind": "alias"})
    for table, col in schema.references_to("entity"):
        t = schema.TABLES[table]
        for (rid,) in tx.conn.execute(select(t.c.id).where(t.c[col] == other_id)):
            alias = tx.fetch("alias", rid) if table == "alias" else None
            if alias is not None and alias["name"].casefold() in names:
                continue  # the survivor already has that name; cascade drops it
            tx.update(table, rid, {col: survivor_id})
    tx.update("entity", survivor_id, _merged(keep, other))
    tx.delete("entity", other_id)
    return survivor_id


def _merged(keep: dict[str, Any], other: dict[str, Any]) -> dict[str, Any]:
    """The survivor's values after a merge (:func:`party_fields.detail_changes`): what it
    lacks taken from the other party, lists and lines joined, tags joined; what the other
    says otherwise in a one-value field (another legal form, its own description) is kept in
    the survivor's description, under the other's name — a merge loses nothing."""
    out, _added, differ = detail_changes(keep, other)
    out["tags"] = tags_text(items(keep["tags"]) + items(other["tags"]))
    said = [f"{WORDS[c]} {_shown(other, c)}" for c in differ if c != "description"]
    kept = [other["description"].strip()] if "description" in differ else []
    if said:
        kept.append("; ".join(said))
    if kept:
        mine = str(out.get("description", keep["description"]) or "").strip()
        note = f"From the merged party “{other['name']}”: " + "\n".join(kept)
        out["description"] = f"{mine}\n\n{note}" if mine else note
    return out


def _shown(row: dict[str, Any], field: str) -> str:
    """A party's field as written (a date as its text)."""
    value = row.get(f"{field}_text") if field in DATES else row.get(field)
    return str(value or "")
