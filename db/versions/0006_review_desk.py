"""The review desk's history: events of sources as well as claims (edits, merges), evidence with its
stance and SHA-256, undo events, what each event changed, and sources merged into another.

Revision ID: 0006
Revises: 0005
Created: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_MARK = "#sha256="


def upgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.alter_column("claim_id", existing_type=sa.Integer(), nullable=True)
        batch_op.add_column(sa.Column("source_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("stance", sa.String(length=12), nullable=True))
        batch_op.add_column(sa.Column("sha256", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("undoes", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("changes", sa.JSON(), nullable=True))
        batch_op.create_foreign_key(op.f("fk_events_source_id_sources"), "sources", ["source_id"], ["id"],
                                    ondelete="CASCADE")
        batch_op.create_index(op.f("ix_events_source_id"), ["source_id"], unique=False)
    with op.batch_alter_table("sources", schema=None) as batch_op:
        batch_op.add_column(sa.Column("merged_into", sa.Integer(), nullable=True))
    # evidence files attached before: their SHA-256 was kept only in the URI's fragment
    conn = op.get_bind()
    events = sa.table("events", sa.column("id", sa.Integer), sa.column("evidence_url", sa.Text),
                      sa.column("sha256", sa.String))
    rows = conn.execute(sa.select(events.c.id, events.c.evidence_url)
                        .where(events.c.evidence_url.like(f"file:%{_MARK}%"))).all()
    for eid, url in rows:
        digest = url.rpartition(_MARK)[2]
        if len(digest) == 64:
            conn.execute(sa.update(events).where(events.c.id == eid).values(sha256=digest))


def downgrade() -> None:
    # events of sources have no claim and cannot be kept by the older schema
    op.execute("DELETE FROM events WHERE claim_id IS NULL")
    with op.batch_alter_table("sources", schema=None) as batch_op:
        batch_op.drop_column("merged_into")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index(op.f("ix_events_source_id"))
        batch_op.drop_constraint(op.f("fk_events_source_id_sources"), type_="foreignkey")
        batch_op.drop_column("changes")
        batch_op.drop_column("undoes")
        batch_op.drop_column("sha256")
        batch_op.drop_column("stance")
        batch_op.drop_column("source_id")
        batch_op.alter_column("claim_id", existing_type=sa.Integer(), nullable=False)
