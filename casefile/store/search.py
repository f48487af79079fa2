"""Full-text search over a case (SQLite FTS5, or LIKE where FTS5 is missing).

One row per searchable record, keyed by a rowid that encodes (kind, id) so a record's row can
be replaced without a scan. CJK text is indexed and queried with a space around each
character, so a two-character Chinese word is found as a two-token phrase; an Arabic word's
article is parted from it the same way (الخليج is 'ال خليج': خليج finds it).
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import cast

from sqlalchemy.engine import Connection

from casefile.core.names import (
    decomposed_marks,
    folded,
    parted_articles,
    searchable,
    spaced_cjk,
    without_marks,
)
from casefile.store.search_query import MAX_TERMS, dated_filter, fts_query

KIND_CODES = {"entity": 1, "relationship": 2, "sanction": 3, "shipment": 4, "event": 5,
              "source": 6, "finding": 7}
CODE_KINDS = {v: k for k, v in KIND_CODES.items()}
_SHIFT = 40
TITLE_WEIGHT = 4.0  # words in a record's name count so many times those in its text
# a party's score counts so many times a record's that names it: a search for a name is for
# the party first (look25: ИВАНОВ ИВАН ИВАНОВИЧ, with his aliases and notes, came sixth
# behind five of his shorter relationships and sanctions, which name him too)
PARTY_WEIGHT = 2.0
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


def stored_form(fts: bool, title: str, body: str, marks: bool = True,
                articles: bool = True, letters: bool = True) -> tuple[str, str]:
    """Title and body as an index row holds them (FTS5: CJK spaced; with ``marks`` the
    accents of Greek and ё decomposed so that a word is found with or without them, as
    schema 0010 on writes them; with ``articles`` the Arabic article parted from its word,
    as schema 0011 on writes them; with ``letters`` compatibility forms, Arabic vowel marks
    and tatweel read as :func:`searchable` reads them, as 0012 on writes them)."""
    if not fts:
        return title, body
    if not marks:
        return spaced_cjk(title, _SEP), spaced_cjk(body, _SEP)
    if not articles:
        return (decomposed_marks(spaced_cjk(title, _SEP)),
                decomposed_marks(spaced_cjk(body, _SEP)))
    form = _stored if letters else stored_0011
    return form(title), form(body)


def stored_0011(text: str) -> str:
    """A text as schema 0011 held it: :func:`_stored` without :func:`searchable`, the
    article parted after one one-letter word at most."""
    return decomposed_marks(spaced_cjk(parted_articles(text, _SEP, single=True), _SEP))


def _stored(text: str) -> str:
    """A text as the index holds it: compatibility forms as letters and Arabic vowel marks
    left out (:func:`searchable`), CJK characters spaced, the Arabic article parted (both by
    a separator shown as nothing; after two one-letter words: وبالخليج), marked letters
    decomposed."""
    return decomposed_marks(spaced_cjk(parted_articles(searchable(text), _SEP), _SEP))


def index_documents(conn: Connection, docs: Iterable[tuple[str, int, str, str]],
                    fresh: bool = False, form: Callable[[str], str] | None = None) -> None:
    """Replace the index rows of (kind, id, title, body) documents; ``fresh`` when none of
    them is in the index yet (records just made, or an index just emptied); ``form``: the
    form an older schema stored a text in (a downgrade), else this version's."""
    docs = list(docs)
    if not docs:
        return
    if uses_fts(conn):
        stored = form or _stored
        rows = [(rowid_for(k, i), stored(t), stored(b)) for k, i, t, b in docs]
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


def like_terms(query: str) -> list[str]:
    """The words of a query for the plain-text fallback: each once, at most MAX_TERMS."""
    return list(dict.fromkeys(folded(t) for t in re.findall(r"\w+", without_marks(query))))[
        :MAX_TERMS]  # folded as the rows are (review23: 'ЁЖИК' no longer found ЁЖИК)


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
        dated, params = dated_filter(conn, query, *kind_rowids("entity"))
        rows = conn.exec_driver_sql(
            f"SELECT rowid, {title}, snippet(search_index, 1, ?, ?, '…', 12) "
            f"FROM search_index WHERE search_index MATCH ?{dated} ORDER BY "
            f"bm25(search_index, {TITLE_WEIGHT}, 1.0) * (CASE rowid >> {_SHIFT} WHEN "
            f"{KIND_CODES['entity']} THEN {PARTY_WEIGHT} ELSE 1.0 END) LIMIT ?",
            (*((start, end) if marks else ()), start, end, q, *params, limit)).all()
    else:
        # SQLite's LIKE folds ASCII letters only: both sides are case-folded in Python, so
        # "техкрим" finds "Техкрим" too.
        register_fold(conn)
        terms = [like_escape(t) for t in like_terms(query)]
        where = " AND ".join(
            "casefile_fold(title || ' ' || body) LIKE ? ESCAPE '\\'" for _ in terms) or "1"
        rows = conn.exec_driver_sql(
            f"SELECT rowid, title, substr(body, 1, 120) FROM search_index WHERE {where} "
            "LIMIT ?", (*[f"%{t}%" for t in terms], limit)).all()
    return [Hit(CODE_KINDS[r[0] >> _SHIFT], r[0] & ((1 << _SHIFT) - 1), _unspace(r[1]),
                _unspace(r[2] or "")) for r in rows]


def register_fold(conn: Connection) -> None:
    """SQL's casefile_fold(text): the text as :func:`casefile.core.names.folded` compares
    it (SQLite's own LIKE folds Latin letters only)."""
    cast(sqlite3.Connection, conn.connection.driver_connection).create_function(
        "casefile_fold", 1, _fold, deterministic=True)


def _fold(text: str | None) -> str | None:
    return None if text is None else folded(text)


def like_escape(term: str) -> str:
    """A term taken literally by LIKE ... ESCAPE '\\' (``_`` is a word character)."""
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _unspace(text: str) -> str:
    """Undo the CJK spacing and the Greek decomposition for display."""
    text = text.replace(_SEP, "")
    return text if text.isascii() else unicodedata.normalize("NFC", text)
