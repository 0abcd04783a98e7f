"""The initial schema: articles, sources, claims, reviews, links and rule results.

Revision ID: 0001
Revises: (none)
Created: 2026-11-27
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0001'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('articles',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('path', sa.Text(), nullable=True),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('outlet', sa.String(length=200), nullable=True),
    sa.Column('author', sa.Text(), nullable=True),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('published', sa.Date(), nullable=True),
    sa.Column('format', sa.String(length=16), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('ingested_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_articles')),
    sa.UniqueConstraint('sha256', name=op.f('uq_articles_sha256'))
    )
    op.create_index(op.f('ix_articles_outlet'), 'articles', ['outlet'])

    op.create_table('check_runs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('rulebook', sa.Text(), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('claims', sa.Integer(), nullable=False),
    sa.Column('results', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_check_runs'))
    )

    op.create_table('sources',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('canonical', sa.String(length=300), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('affiliation', sa.String(length=300), nullable=True),
    sa.Column('tags', sa.JSON(), nullable=False),
    sa.Column('reliability', sa.String(length=1), nullable=True),
    sa.Column('description', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sources')),
    sa.UniqueConstraint('canonical', name=op.f('uq_sources_canonical'))
    )

    op.create_table('claims',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('fragments', sa.JSON(), nullable=False),
    sa.Column('prefix', sa.String(length=64), nullable=False),
    sa.Column('suffix', sa.String(length=64), nullable=False),
    sa.Column('attribution', sa.String(length=16), nullable=False),
    sa.Column('cue_text', sa.String(length=200), nullable=True),
    sa.Column('cue_start', sa.Integer(), nullable=True),
    sa.Column('cue_end', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('rule_status', sa.String(length=20), nullable=True),
    sa.Column('review_status', sa.String(length=20), nullable=True),
    sa.Column('flags', sa.JSON(), nullable=False),
    sa.Column('reliability', sa.String(length=1), nullable=True),
    sa.Column('credibility', sa.String(length=1), nullable=True),
    sa.Column('needs_review', sa.Text(), nullable=True),
    sa.Column('checked_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_claims_article_id_articles'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_claims')),
    sa.UniqueConstraint('article_id', 'start', 'end', name='uq_claim_span')
    )
    op.create_index(op.f('ix_claims_article_id'), 'claims', ['article_id'])
    op.create_index('ix_claims_status', 'claims', ['status'])

    op.create_table('source_aliases',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.Column('alias', sa.String(length=300), nullable=False),
    sa.Column('key', sa.String(length=300), nullable=False),
    sa.ForeignKeyConstraint(['source_id'], ['sources.id'], name=op.f('fk_source_aliases_source_id_sources'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_source_aliases')),
    sa.UniqueConstraint('key', name=op.f('uq_source_aliases_key'))
    )
    op.create_index(op.f('ix_source_aliases_source_id'), 'source_aliases', ['source_id'])

    op.create_table('claim_links',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('claim_a', sa.Integer(), nullable=False),
    sa.Column('claim_b', sa.Integer(), nullable=False),
    sa.Column('relation', sa.String(length=16), nullable=False),
    sa.Column('reviewer', sa.String(length=200), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['claim_a'], ['claims.id'], name=op.f('fk_claim_links_claim_a_claims'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['claim_b'], ['claims.id'], name=op.f('fk_claim_links_claim_b_claims'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_claim_links')),
    sa.UniqueConstraint('claim_a', 'claim_b', 'relation', name='uq_claim_link')
    )
    op.create_index(op.f('ix_claim_links_claim_a'), 'claim_links', ['claim_a'])
    op.create_index(op.f('ix_claim_links_claim_b'), 'claim_links', ['claim_b'])

    op.create_table('claim_numbers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('claim_id', sa.Integer(), nullable=False),
    sa.Column('text', sa.String(length=200), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('value', sa.Float(), nullable=True),
    sa.Column('low', sa.Float(), nullable=True),
    sa.Column('high', sa.Float(), nullable=True),
    sa.Column('unit', sa.String(length=40), nullable=True),
    sa.Column('approximate', sa.Boolean(), nullable=False),
    sa.Column('bound', sa.String(length=12), nullable=False),
    sa.ForeignKeyConstraint(['claim_id'], ['claims.id'], name=op.f('fk_claim_numbers_claim_id_claims'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_claim_numbers'))
    )
    op.create_index(op.f('ix_claim_numbers_claim_id'), 'claim_numbers', ['claim_id'])

    op.create_table('claim_sources',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('claim_id', sa.Integer(), nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=8), nullable=False),
    sa.Column('mention', sa.Text(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=True),
    sa.Column('end', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['claim_id'], ['claims.id'], name=op.f('fk_claim_sources_claim_id_claims'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['source_id'], ['sources.id'], name=op.f('fk_claim_sources_source_id_sources')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_claim_sources'))
    )
    op.create_index(op.f('ix_claim_sources_claim_id'), 'claim_sources', ['claim_id'])
    op.create_index(op.f('ix_claim_sources_source_id'), 'claim_sources', ['source_id'])

    op.create_table('events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('claim_id', sa.Integer(), nullable=False),
    sa.Column('reviewer', sa.String(length=200), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('from_status', sa.String(length=20), nullable=True),
    sa.Column('to_status', sa.String(length=20), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('evidence_url', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['claim_id'], ['claims.id'], name=op.f('fk_events_claim_id_claims'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_events'))
    )
    op.create_index(op.f('ix_events_claim_id'), 'events', ['claim_id'])

    op.create_table('rule_results',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('claim_id', sa.Integer(), nullable=False),
    sa.Column('run_id', sa.Integer(), nullable=False),
    sa.Column('rule_file', sa.Text(), nullable=False),
    sa.Column('rule_line', sa.Integer(), nullable=False),
    sa.Column('rule_name', sa.Text(), nullable=False),
    sa.Column('outcome', sa.String(length=16), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('applied', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['claim_id'], ['claims.id'], name=op.f('fk_rule_results_claim_id_claims'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['run_id'], ['check_runs.id'], name=op.f('fk_rule_results_run_id_check_runs'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rule_results'))
    )
    op.create_index(op.f('ix_rule_results_claim_id'), 'rule_results', ['claim_id'])
    op.create_index(op.f('ix_rule_results_run_id'), 'rule_results', ['run_id'])


def downgrade() -> None:
    op.drop_table('rule_results')
    op.drop_table('events')
    op.drop_table('claim_sources')
    op.drop_table('claim_numbers')
    op.drop_table('claim_links')
    op.drop_table('source_aliases')
    op.drop_table('claims')
    op.drop_table('sources')
    op.drop_table('check_runs')
    op.drop_table('articles')
