"""attachment data is the table's last column

SQLite keeps a zeroblob() compact, and lets a blob be written in pieces through incremental
blob I/O, only when the blob is the last column of the row; otherwise the whole blob is
built in memory. Imports stream big files into an attachment, so the blob moves last.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 23:20:00
"""
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

COLUMNS = "id, source_id, filename, mime, size, sha256, {tail}"


def _rebuild(tail_sql: str, tail_cols: str) -> None:
    # Casefile used to run this outside a transaction: a kill after the CREATE left the
    # empty attachment_new behind (the rest was rolled back), and every later upgrade failed.
    op.execute("DROP TABLE IF EXISTS attachment_new")
    op.execute(f"""CREATE TABLE attachment_new (
        id INTEGER NOT NULL,
        source_id INTEGER NOT NULL,
        filename VARCHAR NOT NULL,
        mime VARCHAR NOT NULL,
        size INTEGER NOT NULL,
        sha256 VARCHAR NOT NULL,
        {tail_sql},
        PRIMARY KEY (id),
        FOREIGN KEY(source_id) REFERENCES source (id) ON DELETE CASCADE)""")
    cols = COLUMNS.format(tail=tail_cols)
    op.execute(f"INSERT INTO attachment_new ({cols}) SELECT {cols} FROM attachment")
    op.execute("DROP TABLE attachment")
    op.execute("ALTER TABLE attachment_new RENAME TO attachment")
    op.execute("CREATE INDEX ix_attachment_source_id ON attachment (source_id)")


def upgrade() -> None:
    _rebuild("added_at DATETIME NOT NULL, data BLOB NOT NULL", "added_at, data")


def downgrade() -> None:
    _rebuild("data BLOB NOT NULL, added_at DATETIME NOT NULL", "data, added_at")
