"""screening runs, hits and decisions

The tables of issue 18 (casefile.store.screening_models): ``screening_run``,
``screening_hit`` and ``screening_decision``. New tables only; nothing existing changes.

Revision ID: 0006
Revises: 0005 (re-chained from 0004 when merged after the chart tables)
Create Date: 2026-11-29 15:10:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'screening_run',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('watchlist', sa.String(), nullable=False),
        sa.Column('dataset', sa.String(), nullable=False),
        sa.Column('list_version', sa.String(), nullable=False),
        sa.Column('list_sha256', sa.String(), nullable=False),
        sa.Column('algorithm', sa.String(), nullable=False),
        sa.Column('algorithm_version', sa.String(), nullable=False),
        sa.Column('review_threshold', sa.Float(), nullable=False),
        sa.Column('flag_threshold', sa.Float(), nullable=False),
        sa.Column('scope', sa.String(), nullable=False),
        sa.Column('parties', sa.Integer(), nullable=False),
        sa.Column('started_at', sa.String(), nullable=False),
        sa.Column('finished_at', sa.String(), nullable=False),
        sa.Column('actor', sa.String(), nullable=False),
        sa.PrimaryKeyConstraint('id'))
    op.create_table(
        'screening_hit',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('run_id', sa.Integer(), nullable=False),
        sa.Column('entity_id', sa.Integer(), nullable=False),
        sa.Column('list_key', sa.String(), nullable=False),
        sa.Column('list_schema', sa.String(), nullable=False),
        sa.Column('list_caption', sa.String(), nullable=False),
        sa.Column('score', sa.Float(), nullable=False),
        sa.Column('features', sa.String(), nullable=False),
        sa.Column('explanation', sa.String(), nullable=False),
        sa.Column('matched_name', sa.String(), nullable=False),
        sa.Column('entry', sa.String(), nullable=False),
        sa.Column('entry_digest', sa.String(), nullable=False),
        sa.Column('carried_decision_id', sa.Integer(), nullable=True),
        sa.Column('reopened', sa.String(), nullable=False),
        sa.ForeignKeyConstraint(['run_id'], ['screening_run.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['entity_id'], ['entity.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['carried_decision_id'], ['screening_decision.id'],
                                ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id'))
    op.create_index('ix_screening_hit_run_id', 'screening_hit', ['run_id'])
    op.create_index('ix_screening_hit_entity_id', 'screening_hit', ['entity_id'])
    op.create_index('ix_screening_hit_list_key', 'screening_hit', ['list_key'])
    op.create_table(
        'screening_decision',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('hit_id', sa.Integer(), nullable=False),
        sa.Column('verdict', sa.String(), nullable=False),
        sa.Column('reviewer', sa.String(), nullable=False),
        sa.Column('note', sa.String(), nullable=False),
        sa.Column('decided_at', sa.String(), nullable=False),
        sa.ForeignKeyConstraint(['hit_id'], ['screening_hit.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'))
    op.create_index('ix_screening_decision_hit_id', 'screening_decision', ['hit_id'])


def downgrade() -> None:
    op.drop_table('screening_decision')
    op.drop_table('screening_hit')
    op.drop_table('screening_run')
