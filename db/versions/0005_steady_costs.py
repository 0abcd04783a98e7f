"""Work that stays the same size as the store grows: an index of the claims no check has touched
yet, and the count of claims under each term of matching's index (claim_term_counts).

Revision ID: 0005
Revises: 0004
Created: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UNCHECKED = sa.text("checked_at IS NULL")


def upgrade() -> None:
    # partial: it holds only unchecked claims (few, after an interrupted ingest or --no-check)
    op.create_index("ix_claims_unchecked", "claims", ["id"], unique=False,
                    sqlite_where=UNCHECKED, postgresql_where=UNCHECKED)
    op.create_table(
        "claim_term_counts",
        sa.Column("term", sa.String(length=80), nullable=False),
        sa.Column("claims", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("term", name=op.f("pk_claim_term_counts")),
    )
    op.execute("INSERT INTO claim_term_counts (term, claims) SELECT term, count(*) FROM claim_terms GROUP BY term")


def downgrade() -> None:
    op.drop_table("claim_term_counts")
    op.drop_index("ix_claims_unchecked", table_name="claims")
