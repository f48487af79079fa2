"""Greek found with or without its accents, ё as е, and kinds in words

SQLite's unicode61 tokenizer folds the accents of Latin letters but not those of Greek ones
(look21: 'ΓΕΩΡΓΙΟΣ' did not find 'ΓΕΏΡΓΙΟΣ ΠΑΠΑΔΌΠΟΥΛΟΣ'), nor Russian ё (look22: 'ежик'
did not find ЁЖИК). The search index now holds such a letter decomposed — the letter, then
its combining mark, which the tokenizer drops — and shows it composed again. The index is derived from the records, outside the
content digest: the rows holding such a letter are rewritten and nothing else changes.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30 22:00:00
"""
import unicodedata
from collections.abc import Callable

from alembic import op

from casefile.core.names import decomposed_marks, joined_articles
from casefile.store.search_docs import DOCS_0009, rebuild_kind, rewrite_rows

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def _rewrite(form: Callable[[str], str]) -> None:
    rewrite_rows(op.get_bind(), form)


def _rebuild(docs: dict[str, str] | None) -> None:
    conn = op.get_bind()
    if conn.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE name = 'search_index'").first() is not None:
        for kind in DOCS_0009:
            rebuild_kind(conn, kind, docs[kind] if docs else None)


def upgrade() -> None:
    _rebuild(None)
    _rewrite(decomposed_marks)


def downgrade() -> None:
    _rebuild(DOCS_0009)  # (written decomposed, as this version writes: composed next)
    # (the rebuild writes as the newest schema does: the Arabic article parted, since 0011)
    _rewrite(lambda text: text if text.isascii() else unicodedata.normalize(
        "NFC", joined_articles(text, "\u3000")))
