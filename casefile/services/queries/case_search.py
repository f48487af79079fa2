"""Search a case for the live search panel: the records whose text matches, with the spans
that matched, and for every party found the records that touch it — so a party's alias in
another script ("Техкрим") finds its shipments, events, relationships and sanctions too.

Case text is returned as plain text with match spans (start, end) in it; nothing is marked
up, the GUI draws the spans itself."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from casefile.store import search, search_query
from casefile.store.search_docs import DATE_WORDS

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


# records that touch the parties found: kind -> SQL over the parties' ids (a JSON array in
# :e, in the order found) selecting the party's place in that array, the record's id and the
# party's part, party by party and record by record
_TOUCHING = {
    "shipment": "SELECT p.key, s.id, CASE WHEN s.shipper_id = p.value THEN 'shipper' "
                "ELSE 'consignee' END FROM json_each(:e) p JOIN shipment s "
                "ON s.shipper_id = p.value OR s.consignee_id = p.value "
                "UNION SELECT p.key, r.shipment_id, 'on the route' FROM json_each(:e) p "
                "JOIN route_stop r ON r.entity_id = p.value ORDER BY 1, 2, 3",
    "relationship": "SELECT p.key, r.id, CASE WHEN r.subject_id = p.value THEN 'subject' "
                    "ELSE 'object' END FROM json_each(:e) p JOIN relationship r "
                    "ON r.subject_id = p.value OR r.object_id = p.value ORDER BY 1, 2",
    "event": "SELECT p.key, x.event_id, coalesce(nullif(x.role, ''), 'involved') "
             "FROM json_each(:e) p JOIN event_party x ON x.entity_id = p.value "
             "ORDER BY 1, 2, x.id",
    "sanction": "SELECT p.key, x.id, 'listed' FROM json_each(:e) p JOIN sanction x "
                "ON x.entity_id = p.value ORDER BY 1, 2",
}


def facts_of(conn: Connection, parties: list[int]) -> list[tuple[str, int]]:
    """(kind, id) of the records that touch any of ``parties``: their shipments (on the
    route too), relationships, events and sanctions."""
    ids = json.dumps(parties)
    return [(kind, r[1]) for kind, sql in _TOUCHING.items()
            for r in conn.exec_driver_sql(sql.replace(":e", "?"), (ids,) * sql.count(":e"))]


class CaseHits(list[Found]):
    """What :func:`search_case` found, and whether it stopped at one of its limits (more
    records match, or more touch the parties found, than it gives)."""

    more: bool = False  # more records match than the ``limit`` given
    more_related: bool = False  # more records touch the parties found than given
    ranked: bool = True  # best first (full-text search); else in the order of the case


def search_case(conn: Connection, query: str, limit: int = 200,
                related_limit: int = 500) -> CaseHits:
    """Records matching ``query`` (best first), then the records of the parties found."""
    fts = search.uses_fts(conn)
    hits = search.search(conn, query, limit + 1, marks=(_OPEN, _CLOSE) if fts else None)
    found = CaseHits()
    found.more, found.ranked = len(hits) > limit, fts
    hits = hits[:limit]
    seen: set[tuple[str, int]] = set()
    for h in hits:
        title, tspans = unmark(h.title)
        snippet, sspans = unmark(h.snippet)
        if not fts:
            tspans, sspans = term_spans(title, query), term_spans(snippet, query)
        if tspans and not sspans:  # the words are in the name: the rest of the record's
            # indexed text (its kind, codes, tags, citations) did not match and says nothing
            snippet = f"in its {'name' if h.kind == 'entity' else 'title'}"
        found.append(Found(h.kind, h.id, title, snippet, tspans, sspans))
        seen.add((h.kind, h.id))
    _said_where(conn, query, found)
    wanted = _touching(conn, [f for f in found if f.kind == "entity"], seen,
                       related_limit + 1)
    found.more_related = len(wanted) > related_limit
    wanted = wanted[:related_limit]
    titles = _titles(conn, [(k, i) for k, i, _v in wanted])
    found += [Found(k, i, titles.get((k, i), f"#{i}"), f"found through {via}", via=via)
              for k, i, via in wanted]
    return found


def _said_where(conn: Connection, query: str, found: CaseHits) -> None:
    """A party the words found in one of its aliases, identifiers or dates says which
    ('alias: Иванова Иван', 'INN: 7707083893', 'born: 2 March 1954 (1954-03-02)'), not the
    run of its index text they fell in ('person
    CY imported CY sanction Director Ivan Ivanova Иванова Иван Person ent…'); the index's
    own snippet stays where neither holds the words (its description, position …)."""
    at = {f.id: i for i, f in enumerate(found)
          if f.kind == "entity" and f.snippet_spans and not f.title_spans}
    if not at:
        return
    ids = json.dumps(sorted(at))
    dates = " UNION ALL ".join(
        f"SELECT id, '{word}', {col}_text || CASE WHEN {col}_edtf IS NULL OR {col}_edtf = "
        f"{col}_text THEN '' ELSE ' (' || {col}_edtf || ')' END FROM "
        f"entity WHERE id IN (SELECT value FROM json_each(?)) AND {col}_text IS NOT NULL"
        for col, word in DATE_WORDS)
    rows = conn.exec_driver_sql(
        "SELECT entity_id, 'alias', name FROM alias WHERE entity_id IN (SELECT value FROM "
        "json_each(?)) UNION ALL SELECT entity_id, scheme, value FROM identifier WHERE "
        f"entity_id IN (SELECT value FROM json_each(?)) UNION ALL {dates}", (ids,) * 5)
    for eid, label, text in rows:
        head = f"{label}: "
        # a date's word is in the index ('born 1954'); an alias's or a scheme's is not
        said = head + text if label in _DATE_WORDS else text
        spans = _all_terms(said, query)
        i = at.pop(eid, None) if spans else None
        if i is not None:
            shift = 0 if label in _DATE_WORDS else len(head)
            found[i] = replace(found[i], snippet=head + text, snippet_spans=[
                (a + shift, b + shift) for a, b in spans])


_DATE_WORDS = {word for _col, word in DATE_WORDS}
_PHRASE = re.compile(r'"([^"]*)"')


def _all_terms(text: str, query: str) -> Spans:
    """Where each term of the query begins a word of ``text`` (a quoted phrase as its
    words in a row), as the full-text index matches them; none unless every term does
    (review18: 'ltd' inside 'Altdorf', a phrase's words apart, a query with OR: said of an
    alias that did not hold them). Matched on the text itself, so the spans stay right
    where case-folding changes a letter's length (İ, ß)."""
    if re.search(r"\bOR\b", query):
        return []
    # as the index is asked (store.search): a phrase and a year whole, a word as a prefix
    terms = [r"\W+".join(map(re.escape, p.split())) + r"(?!\w)"
             for p in _PHRASE.findall(query) if p.split()]
    terms += [re.escape(w) + (r"(?!\w)" if search_query.is_year(w) else "")
              for w in re.findall(r"\w+", _PHRASE.sub(" ", query))]
    spans: Spans = []
    for term in terms:
        found = [(m.start(), m.end()) for m in re.finditer(rf"(?<!\w){term}", text,
                                                            re.IGNORECASE)]
        if not found:
            return []
        spans += found
    return sorted(set(spans))


def _touching(conn: Connection, parties: list[Found], seen: set[tuple[str, int]],
              limit: int) -> list[tuple[str, int, str]]:
    """Up to ``limit`` records not in ``seen`` that touch the parties, party by party (in
    the order found), kind by kind: one query per kind for all the parties, read only as
    far as needed."""
    wanted: list[tuple[str, int, str]] = []
    if not parties or limit <= 0:
        return wanted
    ids = json.dumps([p.id for p in parties])
    results = [(kind, conn.exec_driver_sql(sql.replace(":e", "?"), (ids,) * sql.count(":e")))
               for kind, sql in _TOUCHING.items()]
    try:
        rows = [(kind, iter(res)) for kind, res in results]
        ahead = [next(it, None) for _kind, it in rows]
        for pos, party in enumerate(parties):
            for k, (kind, it) in enumerate(rows):
                row = ahead[k]
                while row is not None and row[0] == pos:
                    if len(wanted) >= limit:
                        return wanted
                    if (kind, row[1]) not in seen:
                        seen.add((kind, row[1]))
                        wanted.append((kind, row[1], f"{party.title} ({row[2]})"))
                    row = next(it, None)
                ahead[k] = row
        return wanted
    finally:
        for _kind, res in results:
            res.close()


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
