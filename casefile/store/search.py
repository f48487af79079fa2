"""Full-text search over a case (SQLite FTS5, or LIKE where FTS5 is missing).

One row per searchable record, keyed by a rowid that encodes (kind, id) so a record's row can
be replaced without a scan. CJK text is indexed and queried with a space around each
character, so a two-character Chinese word is found as a two-token phrase.
"""

from __future__ import annotations

import itertools
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import cast

from sqlalchemy.engine import Connection

from casefile.core.names import spaced_cjk

KIND_CODES = {"entity": 1, "relationship": 2, "sanction": 3, "shipment": 4, "event": 5,
              "source": 6, "finding": 7}
CODE_KINDS = {v: k for k, v in KIND_CODES.items()}
_SHIFT = 40
TITLE_WEIGHT = 4.0  # words in a record's name count so many times those in its text
_SEP = "\u3000"  # ideographic space: a separator to FTS5, removed again for display


@lru_cache(maxsize=1)
def fts5_available() -> bool:
    try:
        con = sqlite3.connect(":memory:")
        con.execute("CREATE VIRTUAL TABLE t USING fts5(x)")
        con.close()
        return True
    except sqlite3.OperationalError:
        return False


def ensure_search_index(conn: Connection) -> None:
    """Create the search table if the file has none (FTS5 when this SQLite has it)."""
    exists = conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE name='search_index'").first()
    if exists:
        return
    if fts5_available():
        conn.exec_driver_sql(
            "CREATE VIRTUAL TABLE search_index USING fts5(title, body, "
            "tokenize='unicode61 remove_diacritics 2')")
    else:
        conn.exec_driver_sql(
            "CREATE TABLE search_index (rowid INTEGER PRIMARY KEY, title TEXT, body TEXT)")


def uses_fts(conn: Connection) -> bool:
    sql = conn.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE name='search_index'").scalar() or ""
    return "fts5" in sql.lower()


def rowid_for(kind: str, ref: int) -> int:
    return (KIND_CODES[kind] << _SHIFT) | ref


def kind_rowids(kind: str) -> tuple[int, int]:
    """The first and last rowid the records of ``kind`` may have."""
    return rowid_for(kind, 0), rowid_for(kind, (1 << _SHIFT) - 1)


def split_rowid(rowid: int) -> tuple[str | None, int]:
    """(kind, id) of an index row's rowid; the kind is None for a code no kind has."""
    return CODE_KINDS.get(rowid >> _SHIFT), rowid & ((1 << _SHIFT) - 1)


def stored_form(fts: bool, title: str, body: str) -> tuple[str, str]:
    """Title and body as an index row holds them."""
    return (spaced_cjk(title, _SEP), spaced_cjk(body, _SEP)) if fts else (title, body)


def index_documents(conn: Connection, docs: Iterable[tuple[str, int, str, str]],
                    fresh: bool = False) -> None:
    """Replace the index rows of (kind, id, title, body) documents; ``fresh`` when none of
    them is in the index yet (records just made, or an index just emptied)."""
    docs = list(docs)
    if not docs:
        return
    if uses_fts(conn):
        rows = [(rowid_for(k, i), spaced_cjk(t, _SEP), spaced_cjk(b, _SEP))
                for k, i, t, b in docs]
    else:
        rows = [(rowid_for(k, i), t, b) for k, i, t, b in docs]
    if not fresh:
        conn.exec_driver_sql("DELETE FROM search_index WHERE rowid = ?",
                             [(r[0],) for r in rows])
    conn.exec_driver_sql("INSERT INTO search_index(rowid, title, body) VALUES (?, ?, ?)", rows)


def unindex(conn: Connection, keys: Iterable[tuple[str, int]]) -> None:
    ids = [(rowid_for(k, i),) for k, i in keys]
    if ids:
        conn.exec_driver_sql("DELETE FROM search_index WHERE rowid = ?", ids)


@dataclass(frozen=True)
class Hit:
    kind: str
    id: int
    title: str
    snippet: str


_TOKEN = re.compile(r'"([^"]*)"|(\S+)')


_YEAR = re.compile(r"1\d{3}|20\d{2}")  # a year, as people search one
# the word a party's search document puts before each of its dates (casefile.store.
# search_docs: 'born 2 March 1954 1954-03-02'): party date column -> word
DATE_WORDS = (("birth", "born"), ("incorporation", "incorporated"),
              ("dissolution", "dissolved"))
DATE_WORD_SET = frozenset(word for _col, word in DATE_WORDS)
# the most words between a date's word and its year ('born between 1 March 1950 and 31
# December 1954': 7)
DATE_NEAR = 10
MAX_TERMS = 64  # terms of one query after duplicates are dropped; the rest are left out


def fts_query(user_query: str) -> str:
    """Turn what a user typed into a safe FTS5 query: words AND-ed, quoted phrases kept,
    OR between words honoured, every other operator character taken literally. A term
    repeated in its group, and a group repeated, count once (``x OR x OR …`` made FTS5's
    work grow with the square of the terms); past :data:`MAX_TERMS` terms the rest are left
    out."""
    clauses: list[str] = []  # OR of AND-groups (FTS5: AND binds tighter than OR)
    group: list[str] = []
    terms = 0
    dated = dated_word = ""  # the last term, when it is a date's word ('born')

    def close_group() -> None:
        nonlocal terms
        clause = " ".join(group)
        if clause in clauses:
            terms -= len(group)
        elif clause:
            clauses.append(clause)
        group.clear()

    for phrase, word in _TOKEN.findall(user_query.replace("\u201c", '"').replace("\u201d", '"')):
        if word == "OR" and group:
            close_group()
            dated = ""
            continue
        raw = phrase if phrase else word
        words = re.findall(r"\w+", spaced_cjk(raw))
        if not words:
            continue
        body = " ".join(words)
        # a word finds those it begins ('Tekh' finds Tekhkrim) — but a year finds itself:
        # '1954' is not '19545' or 'line 19543' (review: a birth year found them first)
        star = "*" if not phrase and len(words) == 1 and by_prefix(words[0]) else ""
        term = f'"{body}"{star}'
        if group and group[-1] == dated and len(words) == 1 and is_year(words[0]):
            # 'born 1954': the year of that date, not a 1954 anywhere in the party's text
            # (an FtM id 'ent-1954' in a citation): the year within the date's own words
            group[-1] = f'NEAR("{dated_word}" "{body}", {DATE_NEAR})'
            dated = ""
            continue
        dated, dated_word = (term, body) if not phrase and body.lower() in DATE_WORD_SET \
            else ("", "")
        if term in group:
            continue
        if terms >= MAX_TERMS:
            break
        group.append(term)
        terms += 1
    close_group()
    return " OR ".join(clauses)


def by_prefix(word: str) -> bool:
    """Whether a word of a query finds the words it begins ('Tekh': Tekhkrim), as the index
    is asked; a year finds itself only, and so does a CJK character (spaced one by one)."""
    return not re.match(r"[^\x00-\u2fff]", word) and not is_year(word)


def is_year(word: str) -> bool:
    """'1954', '2022': searched as itself, not as the numbers it begins."""
    return _YEAR.fullmatch(word) is not None


def like_terms(query: str) -> list[str]:
    """The words of a query for the plain-text fallback: each once, at most MAX_TERMS."""
    return list(dict.fromkeys(t.casefold() for t in re.findall(r"\w+", query)))[:MAX_TERMS]


def search(conn: Connection, query: str, limit: int = 200,
           marks: tuple[str, str] | None = None) -> list[Hit]:
    """Search titles and bodies; a malformed query never raises, it just finds less.
    The snippet marks what matched with '[' and ']'; with ``marks`` (FTS5 only), title and
    snippet mark it with those two strings instead."""
    q = fts_query(query)
    if not q:
        return []
    if uses_fts(conn):
        start, end = marks or ("[", "]")
        title = "highlight(search_index, 0, ?, ?)" if marks else "title"
        dated, params = _dated_filter(conn, query)
        rows = conn.exec_driver_sql(
            f"SELECT rowid, {title}, snippet(search_index, 1, ?, ?, '…', 12) "
            f"FROM search_index WHERE search_index MATCH ?{dated} ORDER BY "
            f"bm25(search_index, {TITLE_WEIGHT}, 1.0) LIMIT ?",
            (*((start, end) if marks else ()), start, end, q, *params, limit)).all()
    else:
        # SQLite's LIKE folds ASCII letters only: both sides are case-folded in Python, so
        # "техкрим" finds "Техкрим" too.
        cast(sqlite3.Connection, conn.connection.driver_connection).create_function(
            "casefile_fold", 1, _fold, deterministic=True)
        terms = [_like_escape(t) for t in like_terms(query)]
        where = " AND ".join(
            "casefile_fold(title || ' ' || body) LIKE ? ESCAPE '\\'" for _ in terms) or "1"
        rows = conn.exec_driver_sql(
            f"SELECT rowid, title, substr(body, 1, 120) FROM search_index WHERE {where} "
            "LIMIT ?", (*[f"%{t}%" for t in terms], limit)).all()
    return [Hit(CODE_KINDS[r[0] >> _SHIFT], r[0] & ((1 << _SHIFT) - 1), _unspace(r[1]),
                _unspace(r[2] or "")) for r in rows]


def dated_years(query: str) -> list[tuple[str, str]]:
    """The party dates a query without OR asks for by word and year ('born 1954':
    [('birth', '1954')])."""
    tokens = _TOKEN.findall(query)
    column = {word: col for col, word in DATE_WORDS}
    return [(column[a.lower()], b) for (pa, a), (pb, b) in itertools.pairwise(tokens)
            if not pa and not pb and a.lower() in column and is_year(b)]


def _or_groups(query: str) -> list[str]:
    """The parts of a query between its ORs, as typed."""
    groups: list[list[str]] = [[]]
    for phrase, word in _TOKEN.findall(query):
        if word == "OR" and groups[-1]:
            groups.append([])
        elif word != "OR":
            groups[-1].append(f'"{phrase}"' if phrase else word)
    return [" ".join(g) for g in groups if g]


def _dated_filter(conn: Connection, query: str) -> tuple[str, tuple[object, ...]]:
    """SQL (and its parameters) that keeps, of the parties a query finds, those whose
    dates it asks for by word and year hold that year ('born 1954': a party born in 1960
    whose citation quotes the FtM id 'ent-1954' is near enough for NEAR, not born then).
    With OR, a party is kept when one of the parts finds it so."""
    groups = [(g, dated_years(g)) for g in _or_groups(query)]
    if not any(wanted for _g, wanted in groups):
        return "", ()
    cast(sqlite3.Connection, conn.connection.driver_connection).create_function(
        "casefile_holds_year", 2, _holds_year, deterministic=True)
    low, high = kind_rowids("entity")
    ways: list[str] = []
    params: list[object] = [low, high]
    for text, wanted in groups:
        way: list[str] = []
        if len(groups) > 1:
            way.append("search_index.rowid IN (SELECT rowid FROM search_index WHERE "
                       "search_index MATCH ?)")
            params.append(fts_query(text))
        if wanted:
            way.append("EXISTS (SELECT 1 FROM entity e WHERE e.id = search_index.rowid - ? "
                       "AND " + " AND ".join(
                           f"casefile_holds_year(e.{col}_text || ' ' || "
                           f"coalesce(e.{col}_edtf, ''), ?)" for col, _year in wanted) + ")")
            params += [low, *(year for _col, year in wanted)]
        ways.append(" AND ".join(way) or "1")
    return (" AND (search_index.rowid NOT BETWEEN ? AND ? OR "
            + " OR ".join(f"({w})" for w in ways) + ")", tuple(params))


def _holds_year(text: str | None, year: str) -> bool:
    return text is not None and re.search(rf"(?<!\d){year}(?!\d)", text) is not None


def _fold(text: str | None) -> str | None:
    return None if text is None else text.casefold()


def _like_escape(term: str) -> str:
    """A term taken literally by LIKE ... ESCAPE '\\' (``_`` is a word character)."""
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _unspace(text: str) -> str:
    """Undo the CJK spacing for display."""
    return text.replace(_SEP, "")
