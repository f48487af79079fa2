"""What a user types into the search field, read once: the FTS5 query made of it, and the
dates it asks for by word and year ('born 1954', 'incorporated 2015'), which the search
checks against the parties' own dates (casefile.store.search).

Words are AND-ed, quoted phrases kept, OR between words honoured, every other operator
character taken literally; a word finds the words it begins, a year only itself. A term
repeated in its group, and a group repeated, count once (``x OR x OR …`` made FTS5's work
grow with the square of the terms); past :data:`MAX_TERMS` terms the rest are left out."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from typing import cast

from sqlalchemy.engine import Connection

from casefile.core.names import (
    article_of,
    parted_articles,
    searchable,
    spaced_cjk,
    without_marks,
)

_TOKEN = re.compile(r'"([^"]*)"|(\S+)')
_YEAR = re.compile(r"1\d{3}|20\d{2}")  # a year, as people search one
# the word a party's search document puts before each of its dates (casefile.store.
# search_docs: 'born 2 March 1954 1954-03-02'): party date column -> word
DATE_WORDS = (("birth", "born"), ("incorporation", "incorporated"),
              ("dissolution", "dissolved"))
_COLUMN = {word: col for col, word in DATE_WORDS}
# other words for a date's word, as the index has it ('founded 2015': incorporated)
_SAME = {"born": "born", "incorporated": "incorporated", "dissolved": "dissolved",
         "founded": "incorporated", "established": "incorporated", "registered":
         "incorporated", "liquidated": "dissolved"}
# words between a date's word and its year that change nothing ('born in 1954')
_BETWEEN = frozenset({"in", "on", "of", "during", "around", "about", "c", "circa", "ca"})
# the most words between a date's word and its year ('born between 1 March 1950 and 31
# December 1954': 7)
DATE_NEAR = 10
MAX_TERMS = 64  # terms of one query after duplicates are dropped; the rest are left out
# the Arabic article as the index parts it from its word, after the one-letter words that
# join it (و and, ف so, ب by, ك as) and as ل to writes it (لل)
_ARTICLES = ("ال", "وال", "فال", "بال", "كال", "لل", "وبال", "فبال", "وكال", "ولل", "فلل")


@dataclass(frozen=True)
class Term:
    """One term of a group: as FTS5 is asked it, and for 'born 1954' (column, word, year)."""

    fts: str
    dated: tuple[str, str, str] | None = None


def groups(user_query: str) -> list[list[Term]]:
    """The query's OR-groups of AND-ed terms (FTS5: AND binds tighter than OR); a group
    without a word is dropped."""
    out: list[list[Term]] = []
    group: list[Term] = []
    terms = 0
    word_before = ""  # the last term's word, when it is a date's word ('born') on its own
    between = False  # and a word like 'in' came after it

    def close() -> None:
        nonlocal terms
        if group and [t.fts for t in group] in [[t.fts for t in g] for g in out]:
            terms -= len(group)
        elif group:
            out.append(list(group))
        group.clear()

    text = user_query.replace("\u201c", '"').replace("\u201d", '"')
    for phrase, word in _TOKEN.findall(text):
        if word == "OR" and group:
            close()
            word_before, between = "", False
            continue
        raw = phrase if phrase else word
        raw = searchable(raw)  # (as the index holds it: مُحَمَّد as محمد, ＬＴＤ as LTD)
        words = re.findall(r"\w+", spaced_cjk(parted_articles(without_marks(raw))))
        if not words:
            continue
        # one word parted from its Arabic article ('الخليج': 'ال خليج') is still one word
        one = len(words) == 1 or (not phrase and len(re.findall(r"\w+", raw)) == 1
                                  and parted_articles(raw) != raw)
        body = " ".join(words)
        if word_before and len(words) == 1 and is_year(body):
            # 'born 1954': the year of that date, not a 1954 anywhere in the party's text
            # (an FtM id 'ent-1954' in a citation): the year near the date's word, and the
            # date checked by the search
            if between:  # 'born in 1954' is 'born 1954' (look15: it found only the texts
                group.pop()  # saying 'born in 1954', none of the people born then)
            doc = _SAME[word_before]
            group[-1] = Term(f'NEAR("{doc}" "{body}", {DATE_NEAR})',
                             (_COLUMN[doc], word_before, body))
            word_before, between = "", False
            continue
        if word_before and not phrase and body.lower() in _BETWEEN and not between:
            between = True  # (kept as a word of its own unless a year follows)
        else:
            word_before, between = (body.lower() if body.lower() in _SAME else ""), False
        # a word finds those it begins ('Tekh' finds Tekhkrim) — but a year finds itself:
        # '1954' is not '19545' or 'line 19543' (review: a birth year found them first)
        star = "*" if not phrase and one and by_prefix(words[-1]) else ""
        term = Term(f'"{body}"{star}')
        if not phrase and (parts := article_of(without_marks(raw))) is not None:
            # an Arabic word with its article, found as the index holds it — parted from
            # a stem of two letters or more, whole with one — and as the start of either
            # (review35: 'الخ', typed on the way to الخليج, found nothing; 'والد' no والدة)
            # with the bare article, the word after و, ف, ب, ك and ل too (look31: الخليج
            # did not find والخليج or بالخليج, التجارة never للتجارة)
            articles = _ARTICLES if parts[0] == "ال" else (parts[0],)
            term = Term("(" + " OR ".join([f'"{"".join(parts)}"*'] + [
                f'"{a} {parts[1]}"*' for a in articles]) + ")")
        if term in group:
            word_before, between = "", False
            continue
        if terms >= MAX_TERMS:
            break
        group.append(term)
        terms += 1
    close()
    return out


def fts_query(user_query: str) -> str:
    """A safe FTS5 query of what a user typed ('' when it holds no word)."""
    return " OR ".join(_all_of(g) for g in groups(user_query))


def _all_of(group: list[Term]) -> str:
    """A group's terms AND-ed: side by side, as FTS5 reads phrases, with an explicit AND
    beside a bracketed term (an Arabic word's two forms), which FTS5 does not AND unsaid."""
    out = ""
    for i, t in enumerate(group):
        if i:
            out += " AND " if t.fts.startswith("(") or group[i - 1].fts.startswith("(") \
                else " "
        out += t.fts
    return out


def dated_years(query: str) -> list[tuple[str, str]]:
    """The party dates the query asks for by word and year ('born 1954': [('birth',
    '1954')]), as the search reads them."""
    return [(t.dated[0], t.dated[2]) for g in groups(query) for t in g if t.dated]


def dated_filter(conn: Connection, query: str, low: int, high: int
                 ) -> tuple[str, tuple[object, ...]]:
    """SQL (and its parameters) that keeps, of the parties (rowids ``low``…``high``) the
    query finds, those whose date it asks for by word and year holds that year, or — when the
    date is not entered — whose text says it ('born in 1954 in Kazan'); with OR, a party one
    of the groups finds so."""
    found = groups(query)
    if not any(t.dated for g in found for t in g):
        return "", ()
    cast(sqlite3.Connection, conn.connection.driver_connection).create_function(
        "casefile_holds_year", 2, _holds_year, deterministic=True)
    ways: list[str] = []
    params: list[object] = [low, high]
    for g in found:
        way: list[str] = []
        if len(found) > 1:  # (each group has a word: its query is never empty)
            way.append("search_index.rowid IN (SELECT rowid FROM search_index WHERE "
                       "search_index MATCH ?)")
            params.append(_all_of(g))
        for t in g:
            if t.dated is None:
                continue
            col, word, year = t.dated
            # the date as entered; a party without one (not entered yet) by what its text
            # says ('Иванов, born in 1954 in Kazan'); one whose date says otherwise is not
            # found by a text's 'born in 1954' (look15: a man born in 1960, a press report)
            way.append("EXISTS (SELECT 1 FROM entity e WHERE e.id = search_index.rowid - ? "
                       f"AND (casefile_holds_year(e.{col}_text || ' ' || coalesce("
                       f"e.{col}_edtf, ''), ?) OR (e.{col}_text IS NULL AND "
                       "search_index.rowid IN (SELECT rowid FROM search_index WHERE "
                       "search_index MATCH ?))))")
            params += [low, year, f'NEAR("{word}" "{year}", 2)']
        ways.append(" AND ".join(way) or "1")
    return (" AND (search_index.rowid NOT BETWEEN ? AND ? OR "
            + " OR ".join(f"({w})" for w in ways) + ")", tuple(params))


def _holds_year(text: str | None, year: str) -> bool:
    return text is not None and re.search(rf"(?<!\d){year}(?!\d)", text) is not None


def by_prefix(word: str) -> bool:
    """Whether a word of a query finds the words it begins ('Tekh': Tekhkrim), as the index
    is asked; a year finds itself only, and so does a CJK character (spaced one by one)."""
    return not re.match(r"[^\x00-\u2fff]", word) and not is_year(word)


def is_year(word: str) -> bool:
    """'1954', '2022': searched as itself, not as the numbers it begins."""
    return _YEAR.fullmatch(word) is not None


__all__ = ["DATE_WORDS", "MAX_TERMS", "by_prefix", "dated_filter", "dated_years",
           "fts_query", "groups", "is_year"]
