"""The one registry of what a case holds, derived from the SQLModel metadata: the record
kinds, their tables and columns, parent/child links, and what a citation may point at.
Every other module asks here instead of spelling kinds or column lists out again."""

from __future__ import annotations

from typing import Literal, cast, get_args

from sqlalchemy import Table
from sqlmodel import SQLModel

from casefile.store import models

RecordKind = Literal["entity", "shipment", "event", "source", "finding", "relationship",
                     "sanction"]
FactKind = Literal["entity", "relationship", "sanction", "shipment", "event", "finding"]
ChildKind = Literal["alias", "identifier", "route_stop", "event_party", "attachment"]
Kind = Literal[RecordKind, ChildKind, "citation", "case_info", "audit_log"]

# The kinds a user lists, creates and edits, in the order the navigator shows them.
RECORD_KINDS: tuple[RecordKind, ...] = get_args(RecordKind)
# What a citation can point at (one nullable foreign key per kind on the citation table).
FACT_KINDS: tuple[FactKind, ...] = get_args(FactKind)
assert FACT_KINDS == models.CITATION_TARGETS

TABLES: dict[str, Table] = dict(SQLModel.metadata.tables)
MODELS: dict[str, type[SQLModel]] = dict(models.KIND_TABLES)

# child kind -> (parent kind, column naming the parent); children are edited with the parent
CHILDREN: dict[ChildKind, tuple[RecordKind, str]] = {
    "alias": ("entity", "entity_id"), "identifier": ("entity", "entity_id"),
    "route_stop": ("shipment", "shipment_id"), "event_party": ("event", "event_id"),
    "attachment": ("source", "source_id"),
}
# columns that name an entity, per kind (shown by the entity's name in listings)
ENTITY_COLUMNS: dict[str, tuple[str, ...]] = {
    kind: tuple(c.name for c in table.columns
                if any(fk.column.table.name == "entity" for fk in c.foreign_keys))
    for kind, table in TABLES.items()
    if kind != "citation" and any(fk.column.table.name == "entity"
                                  for fk in table.foreign_keys)
}


def columns(kind: str, *, without: tuple[str, ...] = ()) -> list[str]:
    """The columns of a kind's table, in table order."""
    return [c.name for c in TABLES[kind].columns if c.name not in without]


def parent_column(parent: str, child: str) -> str:
    """The column of ``child`` that names its ``parent`` record."""
    entry = cast("dict[str, tuple[RecordKind, str]]", CHILDREN).get(child)
    if entry is not None and entry[0] == parent:
        return entry[1]
    return f"{parent}_id"


def children_of(parent: str) -> dict[str, str]:
    """child kind -> parent column, for the children edited with ``parent``."""
    return {child: col for child, (p, col) in CHILDREN.items() if p == parent}


def entity_name_sql(column: str, alias: str = "") -> str:
    """SQL for the name of the entity a column points at (NULL when it points nowhere)."""
    ref = f"{alias}.{column}" if alias else column
    return f"(SELECT name FROM entity WHERE entity.id = {ref})"
