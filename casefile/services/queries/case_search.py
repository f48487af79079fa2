"""Search a case for the live search panel: the records whose text matches, with the spans
that matched, and for every party found the records that touch it — so a party's alias in
another script ("Техкрим") finds its shipments, events, relationships and sanctions too.

Case text is returned as plain text with match spans (start, end) in it; nothing is marked
up, the GUI draws the spans itself."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from casefile.store import search

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

_OPEN, _CLOSE = "\x02", "\x03"
Spans = list[tuple[int, int]]


@dataclass(frozen=True)
class Found:
    """One record found: its text with what matched, or the party it was found through."""

    kind: str
    id: int
    title: str
    snippet: str
    title_spans: Spans = field(default_factory=list)
    snippet_spans: Spans = field(default_factory=list)
    via: str = ""  # the party found whose record this is ("" for a direct match)


def unmark(text: str) -> tuple[str, Spans]:
    """Text without the match marks, its runs of white space made one space, and the
    spans the marks enclosed."""
    out: list[str] = []
    spans: Spans = []
    start = -1
    for ch in text:
        if ch == _OPEN:
            start = len(out)
        elif ch == _CLOSE:
            if start >= 0 and len(out) > start:
                spans.append((start, len(out)))
            start = -1
        elif ch.isspace():
            if out and out[-1] != " ":
                out.append(" ")
        else:
            out.append(ch)
    return "".join(out).strip(), spans


def term_spans(text: str, query: str) -> Spans:
    """Where the query's words occur in ``text``, case-folded (when the index marks
    nothing: SQLite without FTS5)."""
    folded = text.casefold()
    spans: Spans = []
    for word in {w.casefold() for w in re.findall(r"\w+", query) if w != "OR"}:
        spans += [(m.start(), m.end()) for m in re.finditer(re.escape(word), folded)]
    return sorted(spans)


# records that touch a party: kind -> SQL selecting their ids and the party's part
_TOUCHING = {
    "shipment": "SELECT id, CASE WHEN shipper_id = :e THEN 'shipper' ELSE 'consignee' END "
                "FROM shipment WHERE shipper_id = :e OR consignee_id = :e "
                "UNION SELECT shipment_id, 'on the route' FROM route_stop WHERE entity_id = :e",
    "relationship": "SELECT id, CASE WHEN subject_id = :e THEN 'subject' ELSE 'object' END "
                    "FROM relationship WHERE subject_id = :e OR object_id = :e",
    "event": "SELECT event_id, coalesce(nullif(role, ''), 'involved') FROM event_party "
             "WHERE entity_id = :e",
    "sanction": "SELECT id, 'listed' FROM sanction WHERE entity_id = :e",
}


def search_case(conn: Connection, query: str, limit: int = 200,
                related_limit: int = 500) -> list[Found]:
    """Records matching ``query`` (best first), then the records of the parties found."""
    fts = search.uses_fts(conn)
    hits = search.search(conn, query, limit, marks=(_OPEN, _CLOSE) if fts else None)
    found: list[Found] = []
    seen: set[tuple[str, int]] = set()
    for h in hits:
        title, tspans = unmark(h.title)
        snippet, sspans = unmark(h.snippet)
        if not fts:
            tspans, sspans = term_spans(title, query), term_spans(snippet, query)
        found.append(Found(h.kind, h.id, title, snippet, tspans, sspans))
        seen.add((h.kind, h.id))
    wanted: list[tuple[str, int, str]] = []
    for f in found:
        if len(wanted) >= related_limit:
            break  # nothing more would be added
        if f.kind != "entity":
            continue
        for kind, sql in _TOUCHING.items():
            if len(wanted) >= related_limit:
                break
            for rid, part in conn.exec_driver_sql(
                    sql.replace(":e", "?"), (f.id,) * sql.count(":e")).all():
                if (kind, rid) not in seen and len(wanted) < related_limit:
                    seen.add((kind, rid))
                    wanted.append((kind, rid, f"{f.title} ({part})"))
    titles = _titles(conn, [(k, i) for k, i, _v in wanted])
    found += [Found(k, i, titles.get((k, i), f"#{i}"), f"found through {via}", via=via)
              for k, i, via in wanted]
    return found


def _titles(conn: Connection, keys: list[tuple[str, int]]) -> dict[tuple[str, int], str]:
    """Titles of records as the search index holds them."""
    out: dict[tuple[str, int], str] = {}
    for start in range(0, len(keys), 500):
        chunk = keys[start:start + 500]
        rows = conn.exec_driver_sql(
            f"SELECT rowid, title FROM search_index WHERE rowid IN "
            f"({','.join('?' * len(chunk))})",
            tuple(search.rowid_for(k, i) for k, i in chunk)).all()
        for rowid, title in rows:
            kind, rid = search.split_rowid(rowid)
            if kind is not None:
                out[(kind, rid)] = unmark(title.replace("\u3000", ""))[0]
    return out
