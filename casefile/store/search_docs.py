"""What each kind of record contributes to the full-text index: its title and body, built
set-wise in SQL (one query per kind, whatever the number of records). A party's body holds
its dates as written and in EDTF — 'born 2 March 1954 1954-03-02' — so that a year finds
the people born in it and the companies incorporated in it."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.engine import Connection

from casefile.store import schema, search, search_query
from casefile.store.schema import CITATION_COLUMNS

# a party's dates, each with a word that says which ('' where it has none)
DATE_WORDS = search_query.DATE_WORDS  # a party's date column -> its word
PARTY_DATES = " || ".join(
    f"coalesce('{word} ' || x.{col}_text || ' ' || coalesce(x.{col}_edtf, '') || ' ', '')"
    for col, word in DATE_WORDS) + " || ''"


def _excerpts(kind: str) -> str:
    """The excerpts and locators of the citations of a fact, as one text."""
    return ("coalesce((SELECT group_concat(excerpt || ' ' || locator, ' ') FROM citation "
            f"WHERE citation.{CITATION_COLUMNS[kind]} = x.id), '')")


# a record's kind in its document as words ('no response', not 'no_response': look22 — the
# code showed in search results); the words are the same tokens to the search
_KIND = "replace(x.kind, '_', ' ')"


def _name(col: str) -> str:
    return schema.entity_name_sql(col, "x", default="")


DOC_SQL: dict[str, str] = {
    "entity": (
        "SELECT x.id, x.name, " + _KIND + " || ' ' || coalesce(x.country, '') || ' ' || "
        "x.description"
        " || ' ' || x.tags || ' ' || replace(x.other_countries || ',' || x.nationality, ',', ' ')"
        " || ' ' || x.topics || ' ' || x.legal_form || ' ' || x.position || ' ' || x.address ||"
        " ' ' || x.birth_place || ' ' || " + PARTY_DATES + " || coalesce((SELECT group_concat("
        "name, ' ') FROM alias WHERE entity_id = x.id), '') || ' ' || coalesce((SELECT "
        "group_concat(scheme || ' ' || value, ' ') FROM identifier WHERE entity_id = x.id), "
        "'') || ' ' || "
        + _excerpts("entity") + " FROM entity x"),
    "shipment": (
        "SELECT x.id, coalesce(x.date_text, '') || ' ' || " + _name("shipper_id")
        + " || ' → ' || " + _name("consignee_id") + " || ': ' || x.declared_goods, "
        "x.declared_goods || ' ' || x.assessed_goods || ' ' || x.hs_code || ' ' || x.reference"
        " || ' ' || x.notes || ' ' || x.tags || ' ' || coalesce(x.origin_country, '') || ' ' ||"
        " coalesce(x.destination_country, '') || ' ' || coalesce((SELECT group_concat("
        "coalesce(country, '') || ' ' || place, ' ') FROM route_stop WHERE shipment_id = x.id),"
        " '') || ' ' || " + _excerpts("shipment") + " FROM shipment x"),
    "event": (
        "SELECT x.id, x.title, coalesce(x.date_text, '') || ' ' || " + _KIND + " || ' ' || "
        "x.description || ' ' || x.tags || ' ' || " + _excerpts("event")
        + " FROM event x"),
    "source": (
        "SELECT x.id, x.title, " + _KIND + " || ' ' || x.publisher || ' ' || x.author || ' ' || "
        "x.url"
        " || ' ' || x.notes || ' ' || x.tags || ' ' || coalesce((SELECT group_concat(filename,"
        " ' ') FROM attachment WHERE source_id = x.id), '') FROM source x"),
    "finding": (
        "SELECT x.id, x.title, x.text || ' ' || x.tags || ' ' || "
        + _excerpts("finding") + " FROM finding x"),
    "relationship": (
        "SELECT x.id, " + _name("subject_id") + " || ' ' || replace(x.kind, '_', ' ') || ' ' ||"
        " " + _name("object_id") + ", x.description || ' ' || "
        + _excerpts("relationship") + " FROM relationship x"),
    "sanction": (
        "SELECT x.id, x.authority || ' ' || x.programme || ': ' || " + _name("entity_id")
        + ", x.reason || ' ' || x.program_id || ' ' || x.source_url || ' ' || "
        + _excerpts("sanction") + " FROM sanction x"),
}


# the documents of kinds whose code schema 0009 and earlier wrote as it is ('no_response')
DOCS_0009 = {k: DOC_SQL[k].replace(_KIND, "x.kind") for k in ("entity", "event", "source")}
assert all(DOCS_0009[k] != DOC_SQL[k] for k in DOCS_0009)
# a party's document as schema 0007 and earlier built it: the same, without its dates
ENTITY_DOC_0007 = DOCS_0009["entity"].replace(PARTY_DATES + " || ", "")
assert ENTITY_DOC_0007 != DOCS_0009["entity"]


def rebuild_kind(conn: Connection, kind: str, sql: str | None = None,
                 form: Callable[[str], str] | None = None) -> None:
    """Index every record of ``kind`` afresh (after its document changed shape), with its
    documents as ``sql`` makes them and stored in ``form`` (else as this version does)."""
    conn.exec_driver_sql("DELETE FROM search_index WHERE rowid BETWEEN ? AND ?",
                         search.kind_rowids(kind))
    index_kind(conn, kind, sql, form)


def index_kind(conn: Connection, kind: str, sql: str | None = None,
               form: Callable[[str], str] | None = None) -> None:
    """Index every record of ``kind`` (none of which is in the index), with its documents
    as ``sql`` makes them and stored in ``form`` (else as this version does)."""
    cur = conn.exec_driver_sql(sql or DOC_SQL[kind])
    while batch := cur.fetchmany(5000):
        search.index_documents(conn, ((kind, r[0], r[1] or "", r[2] or "") for r in batch),
                               fresh=True, form=form)  # its rows were just removed


def rewrite_rows(conn: Connection, form: Callable[[str], str]) -> None:
    """Rewrite each FTS5 index row's title and body as ``form`` gives them, where that
    changes them (a schema upgrade that stores words another way: 0010, 0011, 0012); the plain
    table stores text as written and is left."""
    sql = conn.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE name = 'search_index'").scalar() or ""
    if "fts5" not in sql.lower():  # no index, or the plain table
        return
    changed = []
    for rowid, title, body in conn.exec_driver_sql(
            "SELECT rowid, title, body FROM search_index"):
        new = (form(title or ""), form(body or ""))
        if new != (title or "", body or ""):
            changed.append((*new, rowid))
    if changed:
        conn.exec_driver_sql("UPDATE search_index SET title = ?, body = ? WHERE rowid = ?",
                             changed)
