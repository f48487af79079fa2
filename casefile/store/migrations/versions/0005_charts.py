"""saved link charts

A case keeps named link charts (issue 17): the table ``chart`` holds each chart's name and
its state as JSON (layout, node positions, pins, hidden nodes, date window). Its rows are
content: the content digest covers them like any other row (an empty table adds nothing, so
the digest of an upgraded case is unchanged).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29 15:00:00
"""
import getpass
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

from casefile.core.digests import entry_hash
from casefile.store import digest

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'chart',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(), nullable=False),
        sa.Column('description', sa.String(), nullable=False),
        sa.Column('state', sa.String(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id'))


def downgrade() -> None:
    # The charts leave the content with their table: the digest is recomputed and, when
    # charts were there, an audit entry records the new one (the chain stays verifiable).
    conn = op.get_bind()
    had = conn.exec_driver_sql("SELECT count(*) FROM chart").scalar()
    op.drop_table('chart')
    head = digest.rebuild(conn)
    prev = conn.exec_driver_sql("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").scalar()
    if not had or prev is None:
        return
    try:
        actor = getpass.getuser()
    except (KeyError, OSError):
        actor = ""
    at = datetime.now(UTC).isoformat(timespec="microseconds")
    summary = f"Downgraded the case file: {had} saved chart(s) removed"
    h = entry_hash(prev, at, actor, "upgrade", summary, "[]", head)
    conn.exec_driver_sql(
        "INSERT INTO audit_log(at, actor, action, summary, detail, prev_hash, hash, "
        "content_digest) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (at, actor, "upgrade", summary, "[]", prev, h, head))
