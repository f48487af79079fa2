"""Arabic words found without their article

look29: a search for خليج did not find شركة الخليج للتجارة — FTS5 reads الخليج as one word,
and Arabic writes its article ('ال', with و, ف, ب, ك or ل before it) joined to the word. The
search index now holds the article parted from its word by the separator CJK text is spaced
with, shown as nothing (casefile.core.names.parted_articles); the query is parted the same
way, so الخليج still finds الخليج. The index is derived from the records, outside the content
digest: the rows holding such a word are rewritten and nothing else changes.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01 17:00:00
"""
from collections.abc import Callable

from alembic import op

from casefile.core.names import joined_articles, parted_articles
from casefile.store.search_docs import rewrite_rows

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

_SEP = "\u3000"  # casefile.store.search's separator, as this revision writes it


def _rewrite(form: Callable[[str], str]) -> None:
    rewrite_rows(op.get_bind(), form)


def upgrade() -> None:
    _rewrite(lambda text: parted_articles(text, _SEP))


def downgrade() -> None:
    _rewrite(lambda text: joined_articles(text, _SEP))
