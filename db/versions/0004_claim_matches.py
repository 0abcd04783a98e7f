"""Matching across articles: the candidate index (claim_terms) and the matches found (claim_matches).

Revision ID: 0004
Revises: 0003
Created: 2026-12-02
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "claim_terms",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("term", sa.String(length=80), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claim_terms")),
    )
    op.create_index("ix_claim_terms_term", "claim_terms", ["term"], unique=False)
    op.create_index(op.f("ix_claim_terms_claim_id"), "claim_terms", ["claim_id"], unique=False)
    op.create_index(op.f("ix_claim_terms_article_id"), "claim_terms", ["article_id"], unique=False)
    op.create_table(
        "claim_matches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_a", sa.Integer(), nullable=False),
        sa.Column("claim_b", sa.Integer(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("drift_a", sa.JSON(), nullable=False),
        sa.Column("drift_b", sa.JSON(), nullable=False),
        sa.Column("rewrite", sa.Boolean(), nullable=False),
        sa.Column("found_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reviewer", sa.String(length=200), nullable=True),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["claim_a"], ["claims.id"], name=op.f("fk_claim_matches_claim_a_claims"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["claim_b"], ["claims.id"], name=op.f("fk_claim_matches_claim_b_claims"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claim_matches")),
        sa.UniqueConstraint("claim_a", "claim_b", name="uq_claim_match"),
    )
    op.create_index(op.f("ix_claim_matches_claim_a"), "claim_matches", ["claim_a"], unique=False)
    op.create_index(op.f("ix_claim_matches_claim_b"), "claim_matches", ["claim_b"], unique=False)


def downgrade() -> None:
    op.drop_table("claim_matches")
    op.drop_table("claim_terms")
