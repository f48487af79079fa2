"""Arabic found without its vowel marks, text copied from a PDF, full-width letters

A search for محمد did not find مُحَمَّد (SQLite's tokenizer takes a vowel mark for a word
break: م ح م د) nor محـــمد (it takes tatweel for a letter), nor text copied from a PDF in
Arabic presentation forms (ﺷﺮﻛﺔ ﺍﻟﺨﻠﻴﺞ), nor Ｔｏｋｙｏ in the full-width letters of Chinese
and Japanese documents for 'Tokyo'; nor did تعاون find وبالتعاون (the article after two
one-letter words, 'and with the'). The search index now holds such text as the letters it
stands for (casefile.core.names.searchable) and such an article parted, and a query is read
the same way. The index is
derived from the records, outside the content digest: the records whose rows hold such text
(or an ideographic space, which the index also spaces CJK with) are indexed again, and
nothing else changes; a downgrade indexes every record again as 0011 did.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-01 19:30:00
"""
import re

from alembic import op

from casefile.store import search
from casefile.store.search import stored_0011
from casefile.store.search_docs import DOC_SQL, rebuild_kind

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

_AFFECTED = re.compile(r"[\u3000\ufb50-\ufdff\ufe70-\ufefe\uff01-\uffef"
                       r"\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]"
                       # a word with its article after two one-letter words (وبالخليج)
                       r"|(?<![\u0621-\u065f\u066e-\u06d3\u06fa-\u06ff])[\u0648\u0641]"
                       r"(?:[\u0628\u0643]\u0627\u0644|\u0644\u0644)[\u0621-\u064a]{2}")


def _has_fts() -> bool:
    sql = op.get_bind().exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE name = 'search_index'").scalar() or ""
    return "fts5" in sql.lower()


def upgrade() -> None:
    if not _has_fts():  # (the plain table holds text as written, compared folded)
        return
    conn = op.get_bind()
    for kind in DOC_SQL:
        low, high = search.kind_rowids(kind)
        ids = [rowid - low for rowid, title, body in conn.exec_driver_sql(
            "SELECT rowid, title, body FROM search_index WHERE rowid BETWEEN ? AND ?",
            (low, high)) if _AFFECTED.search(f"{title or ''} {body or ''}")]
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            conn.exec_driver_sql("DELETE FROM search_index WHERE rowid = ?",
                                 [(low + x,) for x in chunk])
            rows = conn.exec_driver_sql(
                f"{DOC_SQL[kind]} WHERE x.id IN ({','.join('?' * len(chunk))})",
                tuple(chunk)).all()
            search.index_documents(conn, ((kind, r[0], r[1] or "", r[2] or "")
                                          for r in rows), fresh=True)


def downgrade() -> None:
    if _has_fts():  # (vowel marks left out cannot be put back: indexed again from the
        for kind in DOC_SQL:  # records, as 0011 stored them)
            rebuild_kind(op.get_bind(), kind, form=stored_0011)
