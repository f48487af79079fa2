"""a person's gender

``entity.gender``: male, female or other as FollowTheMoney has it (issue 18: screening
compares it with a list entry's), no value when unknown. The column is added empty (NULL):
the digest of a row leaves out columns without a value, so every row's digest, and the
case's content digest, stay as they were.

Revision ID: 0007
Revises: 0006 (another 0007 may need re-chaining when branches merge)
Create Date: 2026-11-29 17:30:00
"""
import getpass
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

from casefile.core.digests import entry_hash
from casefile.store import digest

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("entity") as batch_op:
        batch_op.add_column(sa.Column("gender", sa.String(), nullable=True))


def downgrade() -> None:
    # The genders leave the content with their column: the digest is recomputed and, when
    # any was set, an audit entry records the new one (the chain stays verifiable).
    conn = op.get_bind()
    had = conn.exec_driver_sql("SELECT count(*) FROM entity WHERE gender IS NOT NULL").scalar()
    op.execute("ALTER TABLE entity DROP COLUMN gender")
    head = digest.rebuild(conn)
    prev = conn.exec_driver_sql("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").scalar()
    if not had or prev is None:
        return
    try:
        actor = getpass.getuser()
    except (KeyError, OSError):
        actor = ""
    at = datetime.now(UTC).isoformat(timespec="microseconds")
    summary = f"Downgraded the case file: the gender of {had} parties removed"
    h = entry_hash(prev, at, actor, "upgrade", summary, "[]", head)
    conn.exec_driver_sql(
        "INSERT INTO audit_log(at, actor, action, summary, detail, prev_hash, hash, "
        "content_digest) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (at, actor, "upgrade", summary, "[]", prev, h, head))
