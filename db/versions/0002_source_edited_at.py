"""Sources remember when a person last edited them, so untouched copies of the starter registry can
follow it when a newer verify ships changed entries.

Revision ID: 0002
Revises: 0001
Created: 2026-11-27
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("sources", schema=None) as batch_op:
        batch_op.add_column(sa.Column("edited_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    # on SQLite this rebuilds the table; verify.store.db.migrate turns foreign keys off meanwhile,
    # so the aliases and claim links that point at sources survive the copy
    with op.batch_alter_table("sources", schema=None) as batch_op:
        batch_op.drop_column("edited_at")
