"""content digest: row digests, their LtHash, and the digest in each audit entry

Each audit entry records the digest of the whole case content after its operation (issue 14,
item 8). This adds ``audit_log.content_digest`` (NULL in older entries: their hash keeps the
first recipe), the ``row_digest`` table (WITHOUT ROWID) and the one-row ``digest_state``,
computes the digests of the existing content, and, in a case that already has an audit log,
appends an entry that records the digest, so the chain is anchored from the upgrade on.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 10:00:00
"""
import getpass
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

from casefile.core.digests import entry_hash
from casefile.store import digest

revision = '0004'
down_revision = '0003'  # re-pointed to '0003' when merged after the sanction/entity columns
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('audit_log', sa.Column('content_digest', sa.String(), nullable=True))
    op.execute("""CREATE TABLE row_digest (
        tbl VARCHAR NOT NULL,
        id INTEGER NOT NULL,
        digest BLOB NOT NULL,
        PRIMARY KEY (tbl, id)) WITHOUT ROWID""")
    op.execute("""CREATE TABLE digest_state (
        id INTEGER NOT NULL,
        lanes BLOB NOT NULL,
        rows INTEGER NOT NULL,
        PRIMARY KEY (id),
        CONSTRAINT ck_digest_state_one_row CHECK (id = 1))""")
    conn = op.get_bind()
    head = digest.rebuild(conn)
    prev = conn.exec_driver_sql("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").scalar()
    if prev is None:  # a new case: its first entry ("create") will record the digest
        return
    try:
        actor = getpass.getuser()
    except (KeyError, OSError):
        actor = ""
    at = datetime.now(UTC).isoformat(timespec="microseconds")
    summary = "Upgraded the case file: content digest computed"
    h = entry_hash(prev, at, actor, "upgrade", summary, "[]", head)
    conn.exec_driver_sql(
        "INSERT INTO audit_log(at, actor, action, summary, detail, prev_hash, hash, "
        "content_digest) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (at, actor, "upgrade", summary, "[]", prev, h, head))


def downgrade() -> None:
    # The older schema cannot hold the digests: the chain is rewritten with the first recipe
    # (downgrades are a developer's tool; Casefile never downgrades a user's case).
    conn = op.get_bind()
    prev = ""
    rows = conn.exec_driver_sql("SELECT id, at, actor, action, summary, detail FROM audit_log "
                                "ORDER BY id").all()
    for rid, at, actor, action, summary, detail in rows:
        h = entry_hash(prev, at, actor, action, summary, detail)
        conn.exec_driver_sql("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?",
                             (prev, h, rid))
        prev = h
    op.drop_table('digest_state')
    op.drop_table('row_digest')
    with op.batch_alter_table('audit_log') as batch_op:
        batch_op.drop_column('content_digest')
