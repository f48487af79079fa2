"""an index of the parties on shipments' routes

``route_stop.entity_id`` (an intermediary on a shipment's route) gets an index, as every
other column naming a party has: the search's "records that touch the parties found" and a
party's page look route stops up by party, and without it each party scanned the whole table
(200 parties found against 300,000 route stops: 2.4 s, with it 4 ms). An index is not content:
no row, digest or audit entry changes.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30 13:55:00
"""
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_route_stop_entity_id", "route_stop", ["entity_id"])


def downgrade() -> None:
    op.drop_index("ix_route_stop_entity_id", "route_stop")
