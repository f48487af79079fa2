"""The one registry of what a case holds, derived from the SQLModel metadata: the record
kinds, their tables and columns, parent/child links, what a citation may point at, which
kinds carry tags or a fuzzy date, and the SQL for "the name of the entity column X points at".
Every other module asks here instead of spelling kinds, column lists or foreign keys out again.

The ``Literal`` kinds are written out (type checkers need them); tests/store/test_schema.py
checks them, and every map here, against the tables and a real case file."""

from __future__ import annotations

from typing import Any, Literal, cast, get_args

from pydantic_core import PydanticUndefined
from sqlalchemy import String, Table
from sqlalchemy.types import TypeDecorator
from sqlmodel import SQLModel

from casefile.store import models, screening_models  # noqa: F401  (define the tables)

RecordKind = Literal["entity", "shipment", "event", "source", "finding", "relationship",
                     "sanction"]
FactKind = Literal["entity", "relationship", "sanction", "shipment", "event", "finding"]
ChildKind = Literal["alias", "identifier", "route_stop", "event_party", "attachment"]
ScreeningKind = Literal["screening_run", "screening_hit", "screening_decision"]
Kind = Literal[RecordKind, ChildKind, ScreeningKind, "citation", "case_info", "audit_log",
               "chart"]

# The kinds a user lists, creates and edits, in the order the navigator shows them.
RECORD_KINDS: tuple[RecordKind, ...] = get_args(RecordKind)
# What a citation can point at (one nullable foreign key per kind on the citation table),
# in the order of those columns.
FACT_KINDS: tuple[FactKind, ...] = get_args(FactKind)
CHILD_KINDS: tuple[ChildKind, ...] = get_args(ChildKind)
# screening runs, their hits and the decisions on them (casefile.store.screening_models)
SCREENING_KINDS: tuple[ScreeningKind, ...] = get_args(ScreeningKind)

# The tables of the content digest (casefile.store.digest): derived bookkeeping, not kinds.
DIGEST_TABLES: tuple[str, ...] = ("row_digest", "digest_state")
# kind -> table, for every table of a case (the search index is not a SQLModel table; the
# digest tables are not kinds)
TABLES: dict[str, Table] = {name: t for name, t in SQLModel.metadata.tables.items()
                            if name not in DIGEST_TABLES}
# kind -> SQLModel class (defaults, Python types)
MODELS: dict[str, type[SQLModel]] = {
    t.name: m.class_ for m in SQLModel._sa_registry.mappers
    if isinstance(t := m.local_table, Table) and t.name in TABLES}

# child kind -> (parent kind, column naming the parent); children are edited with the parent
# and go when it goes (ON DELETE CASCADE)
CHILDREN: dict[ChildKind, tuple[RecordKind, str]] = {
    "alias": ("entity", "entity_id"), "identifier": ("entity", "entity_id"),
    "route_stop": ("shipment", "shipment_id"), "event_party": ("event", "event_id"),
    "attachment": ("source", "source_id"),
}



def _foreign_keys(table: Table) -> list[tuple[str, str, str]]:
    """(column, kind it points at, ON DELETE rule) of a table, in column order."""
    return [(c.name, fk.column.table.name, (fk.ondelete or "NO ACTION").upper())
            for c in table.columns for fk in c.foreign_keys]


# fact kind -> the citation column pointing at it, in column order (= FACT_KINDS)
CITATION_COLUMNS: dict[str, str] = {
    target: col for col, target, _rule in _foreign_keys(TABLES["citation"])
    if TABLES["citation"].c[col].nullable}

# kinds with a tags column, and kinds with a fuzzy date (the date_* columns), in kind order
TAGGED_KINDS: tuple[RecordKind, ...] = tuple(k for k in RECORD_KINDS if "tags" in TABLES[k].c)
DATED_KINDS: tuple[RecordKind, ...] = tuple(k for k in RECORD_KINDS
                                            if "date_start" in TABLES[k].c)

# columns that name an entity, per kind (shown by the entity's name in listings)
ENTITY_COLUMNS: dict[str, tuple[str, ...]] = {
    kind: cols for kind, table in TABLES.items() if kind != "citation"
    if (cols := tuple(c for c, target, _rule in _foreign_keys(table) if target == "entity"))
}


def _referencing() -> dict[str, list[tuple[str, str, str]]]:
    refs: dict[str, list[tuple[str, str, str]]] = {}
    for kind, table in TABLES.items():
        for col, target, rule in _foreign_keys(table):
            refs.setdefault(target, []).append((kind, col, rule))
    return refs


# kind -> [(referring kind, its column, ON DELETE rule)] for every foreign key pointing at it
REFERENCING: dict[str, list[tuple[str, str, str]]] = _referencing()


def columns(kind: str, *, without: tuple[str, ...] = ()) -> list[str]:
    """The columns of a kind's table, in table order."""
    return [c.name for c in TABLES[kind].columns if c.name not in without]


def _is_text(column: Any) -> bool:
    t = column.type
    return isinstance(t.impl if isinstance(t, TypeDecorator) else t, String)


def text_columns(kind: str) -> tuple[str, ...]:
    """The columns of a kind that hold text."""
    return tuple(c.name for c in TABLES[kind].columns if _is_text(c))


def country_columns(kind: str) -> tuple[str, ...]:
    """The columns of a kind that hold an ISO 3166 country code."""
    return tuple(c for c in text_columns(kind) if c == "country" or c.endswith("_country"))


def country_list_columns(kind: str) -> tuple[str, ...]:
    """The columns of a kind that hold several ISO 3166 codes, comma-separated (an entity's
    further countries, its nationality)."""
    return tuple(c.name for c in TABLES[kind].columns if c.info.get("holds") == "countries")


def date_fields(kind: str) -> tuple[str, ...]:
    """The fuzzy dates of a kind, by prefix: ``("date", "start", "end")`` for a sanction,
    each stored in the seven columns ``{prefix}_text`` … ``{prefix}_uncertain``."""
    return tuple(c.name[:-len("_edtf")] for c in TABLES[kind].columns
                 if c.name.endswith("_edtf"))


def defaults(kind: str) -> dict[str, Any]:
    """Model defaults for a new row of ``kind`` (factories called now), without the id."""
    out: dict[str, Any] = {}
    for name, f in MODELS[kind].model_fields.items():
        if name == "id":
            continue
        if f.default_factory is not None:
            out[name] = f.default_factory()  # type: ignore[call-arg]
        elif f.default is not PydanticUndefined:
            out[name] = f.default
    return out


def parent_of(child: str) -> tuple[RecordKind, str] | None:
    """(parent kind, column naming the parent) of a child kind; None for other kinds."""
    return cast("dict[str, tuple[RecordKind, str]]", CHILDREN).get(child)


def parent_column(parent: str, child: str) -> str:
    """The column of ``child`` that names its ``parent`` record."""
    entry = parent_of(child)
    if entry is None or entry[0] != parent:
        raise KeyError(f"{child} is not a child of {parent}")
    return entry[1]


def children_of(parent: str) -> dict[ChildKind, str]:
    """child kind -> parent column, for the children edited with ``parent``."""
    return {child: col for child, (p, col) in CHILDREN.items() if p == parent}


def order_column(kind: str) -> str:
    """The column a kind's rows are listed by: their position where they have one."""
    return "position" if "position" in TABLES[kind].c else "id"


def references_to(kind: str) -> list[tuple[str, str]]:
    """(kind, column) of every column that points at a row of ``kind``."""
    return [(t, c) for t, c, _rule in REFERENCING.get(kind, [])]


def entity_name_sql(column: str, alias: str = "", *, default: str | None = None) -> str:
    """SQL for the name of the entity a column points at: NULL when it points nowhere, or
    ``default`` (a string literal) when one is given."""
    ref = f"{alias}.{column}" if alias else column
    sql = f"(SELECT name FROM entity WHERE entity.id = {ref})"
    if default is None:
        return sql
    return f"coalesce({sql}, '{default.replace(chr(39), chr(39) * 2)}')"


def cited_kind_sql(alias: str = "citation") -> str:
    """SQL for the kind of fact a citation row points at."""
    whens = " ".join(f"WHEN {alias}.{col} IS NOT NULL THEN '{kind}'"
                     for kind, col in CITATION_COLUMNS.items())
    return f"CASE {whens} END"


def cited_id_sql(alias: str = "citation") -> str:
    """SQL for the id of the fact a citation row points at."""
    return f"coalesce({', '.join(f'{alias}.{c}' for c in CITATION_COLUMNS.values())})"
