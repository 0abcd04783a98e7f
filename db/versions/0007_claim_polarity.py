"""Each claim's polarity: whether its source asserts what it states or denies it. Claims stored before
were read as assertions, and are marked so.

Revision ID: 0007
Revises: 0006
Created: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.add_column(sa.Column("polarity", sa.String(length=8), nullable=False, server_default="asserted"))


def downgrade() -> None:
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.drop_column("polarity")
