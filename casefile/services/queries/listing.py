"""Rows for the record tables: one SQL query per kind returning plain tuples (no ORM objects),
filtered in SQL by text, tag, country and date range. Used by the GUI tables and the CLI."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy.engine import Connection

from casefile.core.names import folded
from casefile.core.sanctions import NOT_STATED_SHORT
from casefile.services.queries.standing import standing_sql
from casefile.store import schema, search


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    numeric: bool = False
    stretch: bool = False  # the kind's long text: a table gives it the room left over
    name: bool = False  # what names the record: a table too narrow cuts it last


_ROUTE = ("coalesce((SELECT group_concat(coalesce(country, place), ' → ') FROM "
          "(SELECT country, place FROM route_stop WHERE shipment_id = x.id ORDER BY position)),"
          " '')")


def _name(column: str) -> str:
    return schema.entity_name_sql(column, "x", default="")


def _cites(kind: str) -> str:
    col = schema.CITATION_COLUMNS[kind]
    return f"(SELECT count(*) FROM citation WHERE citation.{col} = x.id)"


# a party's countries, then its nationality where it says more ('GB; RU nationality'): the
# country filter finds a party by its nationality too, and a person listed under RU with an
# empty Countries cell did not say why (look29); the code first, so that a narrow column
# shows it and the column sorts by it (review35: 'nationality …' cut, sorted under 'n')
_PLACES = ("coalesce(x.country, '') || CASE WHEN x.other_countries = '' THEN '' ELSE ', ' || "
           "replace(x.other_countries, ',', ', ') END")
_NATIONALITY = ("CASE WHEN x.nationality = '' OR x.nationality = coalesce(x.country, '') "
                "THEN '' ELSE replace(x.nationality, ',', ', ') || ' nationality' END")
_COUNTRIES = (f"{_PLACES} || CASE WHEN {_PLACES} <> '' AND {_NATIONALITY} <> '' THEN '; ' "
              f"ELSE '' END || {_NATIONALITY}")


# kind -> (columns, SELECT expressions in the same order); every kind lists from "kind x",
# filters by its country columns and, when it has a fuzzy date, by date
LISTS: dict[str, tuple[list[Column], list[str]]] = {
    "entity": (
        # born and identifiers tell namesakes apart (a list's seven SMIRNOV, Maria)
        [Column("name", "Name", name=True), Column("kind", "Kind"), Column("born", "Born"),
         Column("country", "Countries"), Column("identifiers", "Identifiers"),
         Column("aliases", "Aliases", stretch=True),
         Column("tags", "Tags"), Column("cites", "Cited", numeric=True)],
        ["x.name", "replace(x.kind, '_', ' ')", "coalesce(x.birth_text, '')",
         _COUNTRIES,
         "coalesce((SELECT group_concat(scheme || ' ' || value, '; ') FROM identifier "
         "WHERE entity_id = x.id), '')",
         "coalesce((SELECT group_concat(name, '; ') FROM alias WHERE entity_id = x.id), '')",
         "x.tags", _cites("entity")]),
    "shipment": (
        [Column("date", "Date"), Column("shipper", "Shipper"),
         Column("consignee", "Consignee"), Column("route", "Via"),
         Column("declared", "Declared goods", stretch=True, name=True),
         Column("assessed", "Assessed goods"),
         Column("hs", "HS"), Column("weight", "Weight kg", numeric=True),
         Column("value", "Value", numeric=True), Column("count", "Shipments", numeric=True),
         Column("dual", "Dual-use")],
        ["coalesce(x.date_text, '')", _name("shipper_id"),
         _name("consignee_id"), _ROUTE, "x.declared_goods", "x.assessed_goods",
         "x.hs_code", "x.weight_kg", "x.value", "x.shipment_count",
         "CASE WHEN x.dual_use THEN 'yes' ELSE '' END"]),
    "event": (
        [Column("date", "Date"), Column("kind", "Kind"),
         Column("title", "Title", stretch=True, name=True),
         Column("cites", "Cited", numeric=True)],
        ["coalesce(x.date_text, '')", "replace(x.kind, '_', ' ')", "x.title",
         _cites("event")]),
    "source": (
        [Column("title", "Title", stretch=True, name=True), Column("kind", "Kind"),
         Column("publisher", "Publisher"), Column("date", "Published"),
         Column("reliability", "Reliability"),
         Column("protected", "Protected"),
         Column("cites", "Citations", numeric=True)],
        ["x.title", "replace(x.kind, '_', ' ')", "x.publisher", "coalesce(x.date_text, '')",
         "x.reliability", "CASE WHEN x.protected THEN 'protected' ELSE '' END",
         "(SELECT count(*) FROM citation WHERE citation.source_id = x.id)"]),
    "finding": (
        [Column("position", "#", numeric=True), Column("title", "Title", stretch=True, name=True),
         Column("confidence", "Confidence"), Column("cites", "Cited", numeric=True)],
        ["x.position", "x.title", "x.confidence", _cites("finding")]),
    "relationship": (
        [Column("subject", "Subject", name=True), Column("kind", "Relationship"),
         Column("object", "Object", stretch=True), Column("date", "Date")],
        [_name("subject_id"), "replace(x.kind, '_', ' ')", _name("object_id"),
         "coalesce(x.date_text, '')"]),
    "sanction": (
        [Column("entity", "Entity", name=True), Column("authority", "Authority"),
         Column("programme", "Programme", stretch=True), Column("date", "Listed"),
         Column("status", "Status")],
        [_name("entity_id"), "x.authority", "CASE WHEN x.programme = '' THEN x.program_id "
         "ELSE x.programme END", "coalesce(x.date_text, '')",
         standing_sql("x", not_stated=NOT_STATED_SHORT)]),
}

# The column of each kind that sorts by the first day its date can mean, not by its text as
# written ('12 March 1980' after '1975-11-30'), and what is read for it.
SORTED_BY_DAY: dict[str, tuple[str, str]] = {
    **{kind: ("date", "x.date_start") for kind in schema.DATED_KINDS},
    "entity": ("born", "x.birth_start")}


@dataclass
class Filters:
    text: str = ""
    tag: str = ""
    country: str = ""
    date_from: str = ""  # ISO day; records whose span overlaps [from, to] are kept
    date_to: str = ""

    def active(self) -> bool:
        return any((self.text, self.tag, self.country, self.date_from, self.date_to))


@dataclass
class Listing:
    kind: str
    columns: list[Column]
    ids: list[int] = field(default_factory=list)
    rows: list[tuple[Any, ...]] = field(default_factory=list)
    sort_keys: list[Any] = field(default_factory=list)  # date_start per row, where dated
    dated: bool = False  # a column sorts by day (``by_day``; the rows have their sort_keys)
    by_day: str = "date"  # that column's key


def columns(kind: str) -> list[Column]:
    return LISTS[kind][0]


def list_records(conn: Connection, kind: str, filters: Filters | None = None,
                 ids: Collection[int] | None = None) -> Listing:
    """All rows of a kind that pass the filters, in id order — or, given ``ids``, the rows
    of those records that exist and pass the filters (what a kept listing needs to be
    brought up to date after a change: see :func:`affected`)."""
    cols, exprs = LISTS[kind]
    dated = kind in schema.DATED_KINDS
    country_cols = [f"x.{c}" for c in schema.country_columns(kind)]
    f = filters or Filters()
    where, params = _where(conn, kind, f, country_cols, dated)
    if ids is not None:
        where.append("x.id IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(sorted(ids)))
    day = SORTED_BY_DAY.get(kind)
    keyed = day is not None and any(c.key == day[0] for c in cols)
    extra = f", {day[1]}" if keyed and day is not None else ""
    sql = (f"SELECT x.id, {', '.join(exprs)}{extra} FROM {kind} x"
           f"{' WHERE ' + ' AND '.join(where) if where else ''} ORDER BY x.id")
    out = Listing(kind, cols, dated=keyed, by_day=day[0] if day else "date")
    n = len(exprs)
    # the driver's own cursor, on the same connection: plain tuples, no Row per record
    driver = cast(sqlite3.Connection, conn.connection.driver_connection)
    cur = driver.execute(sql, tuple(params))
    while rows := cur.fetchmany(5000):  # a part at a time: no second copy of every row
        out.ids += [r[0] for r in rows]
        out.rows += [r[1:n + 1] for r in rows]
        if keyed:
            out.sort_keys += [r[n + 1] or "" for r in rows]
    return out


def affected(conn: Connection, kind: str, touched: Mapping[str, Collection[int]]) -> set[int]:
    """The records of ``kind`` whose listed row a change may have altered, from what the
    change touched (:attr:`Change.touched`, which names a child's parent and a cited fact
    already): the records themselves, and those that show the name of a touched entity."""
    out = set(touched.get(kind, ()))
    entities = sorted(touched.get("entity", ()))
    if entities and kind != "entity":
        named = " OR ".join(f"{c} IN (SELECT value FROM json_each(?))"
                            for c in schema.ENTITY_COLUMNS.get(kind, ()))
        if named:
            values = json.dumps(entities)
            out.update(r[0] for r in conn.exec_driver_sql(
                f"SELECT id FROM {kind} WHERE {named}", (values,) * named.count("?")))
    return out


def _where(conn: Connection, kind: str, f: Filters, country_cols: list[str],
           dated: bool) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if f.text.strip():
        ids = [h.id for h in search.search(conn, f.text, limit=1_000_000) if h.kind == kind]
        conn.exec_driver_sql("CREATE TEMP TABLE IF NOT EXISTS _hits(id INTEGER PRIMARY KEY)")
        conn.exec_driver_sql("DELETE FROM _hits")
        conn.exec_driver_sql("INSERT INTO _hits(id) VALUES (?)", [(i,) for i in ids]) \
            if ids else None
        where.append("x.id IN (SELECT id FROM _hits)")
    if f.tag.strip() and kind in schema.TAGGED_KINDS:
        where.append("(',' || x.tags || ',') LIKE ?")
        params.append(f"%,{f.tag.strip().lower()},%")
    if f.country.strip():
        cc = f.country.strip().upper()
        if kind == "shipment":
            where.append("(x.origin_country = ? OR x.destination_country = ? OR EXISTS "
                         "(SELECT 1 FROM route_stop r WHERE r.shipment_id = x.id AND "
                         "r.country = ?))")
            params += [cc, cc, cc]
        elif country_cols:
            lists = [f"(',' || x.{c} || ',') LIKE ?" for c in schema.country_list_columns(kind)]
            where.append("(" + " OR ".join([f"{c} = ?" for c in country_cols] + lists) + ")")
            params += [cc] * len(country_cols) + [f"%,{cc},%"] * len(lists)
    if dated and f.date_from:
        where.append("coalesce(x.date_end, '9999-12-31') >= ?")
        params.append(f.date_from)
    if dated and f.date_to:
        where.append("coalesce(x.date_start, '0001-01-01') <= ?")
        params.append(f.date_to)
    if kind == "entity" and (f.date_from or f.date_to):  # (look29: ignored without a word)
        # a party born, incorporated or dissolved in the period (a date open at one end,
        # 'before 1970', reaching into it), or with none of those dates — as an undated
        # record of another kind is kept (review34)
        dated_party = " OR ".join(f"x.{d}_start IS NOT NULL OR x.{d}_end IS NOT NULL"
                                  for d in _PARTY_DATES)
        spans = [f"((x.{d}_start IS NOT NULL OR x.{d}_end IS NOT NULL) AND "
                 f"coalesce(x.{d}_end, '9999-12-31') >= ? AND "
                 f"coalesce(x.{d}_start, '0001-01-01') <= ?)" for d in _PARTY_DATES]
        where.append(f"(NOT ({dated_party}) OR " + " OR ".join(spans) + ")")
        params += [f.date_from or "0001-01-01", f.date_to or "9999-12-31"] * len(spans)
    return where, params


_PARTY_DATES = ("birth", "incorporation", "dissolution")


def all_tags(conn: Connection) -> list[str]:
    tags: set[str] = set()
    for table in schema.TAGGED_KINDS:
        for (t,) in conn.exec_driver_sql(f"SELECT DISTINCT tags FROM {table} WHERE tags != ''"):
            tags.update(filter(None, t.split(",")))
    return sorted(tags)


def entity_choices(conn: Connection, text: str = "", limit: int = 50) -> list[tuple[int, str]]:
    """(id, 'Name (alias; alias) [CC]') for pickers, matching name or alias as typed, in
    any case of any script (look22: SQLite's LIKE folds Latin letters only — 'север' did
    not find ООО «СЕВЕРНЫЙ ВЕТЕР», and the picker offered to create a party 'север'), ё as
    е."""
    typed = text.strip()
    if typed.isascii():  # SQLite's own LIKE folds these (fast on 10^5 parties)
        like, name, alias = f"%{search.like_escape(typed)}%", "e.name", "a.name"
    else:
        search.register_fold(conn)
        like = f"%{search.like_escape(folded(typed))}%"
        name, alias = "casefile_fold(e.name)", "casefile_fold(a.name)"
    columns = ("SELECT e.id, e.name, coalesce(e.country, ''), coalesce((SELECT "
               "group_concat(name, '; ') FROM alias WHERE entity_id = e.id), '') FROM entity e")
    # '#1234': that party first (review30: sixty parties of one name, the picker shows 50)
    rows = list(conn.exec_driver_sql(f"{columns} WHERE e.id = ?", (int(typed[1:]),))) \
        if re.fullmatch(r"#\d{1,18}", typed) else []
    rows += conn.exec_driver_sql(
        f"{columns} WHERE {name} LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM alias a WHERE "
        f"a.entity_id = e.id AND {alias} LIKE ? ESCAPE '\\') ORDER BY e.name LIMIT ?",
        (like, like, limit)).all()
    return [(i, f"{n}{f' ({a})' if a else ''}{f' [{c}]' if c else ''}")
            for i, n, c, a in dict.fromkeys(rows)]


