"""a party's dates in its search document

The search index's document of a party now holds its birth, incorporation and dissolution
dates as written and in EDTF ('born 2 March 1954 1954-03-02'), so that searching a year finds
the people born in it. The index is derived from the records, outside the content digest:
its parties' rows are rebuilt and nothing else changes (no table, no digest).

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30 11:20:00
"""
from alembic import op

from casefile.store.search_docs import ENTITY_DOC_0007, rebuild_kind

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def _rebuild(sql: str | None = None) -> None:
    conn = op.get_bind()
    if conn.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE name = 'search_index'").first() is not None:
        rebuild_kind(conn, "entity", sql)


def upgrade() -> None:
    _rebuild()


def downgrade() -> None:
    _rebuild(ENTITY_DOC_0007)  # the documents as schema 0007 made them
