"""the warning record (预警台账) the platform sends with each clue

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-20 09:00:00

A new table, empty at first: the next pull that brings a clue brings its record.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import desktop.store.types

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "warning_episodes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("clue_id", sa.Integer(), nullable=False),
        sa.Column("stage", sa.String(length=16), nullable=False),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("deadline", desktop.store.types.ChinaDateTime(), nullable=False),
        sa.Column("reached_at", desktop.store.types.ChinaDateTime(), nullable=False),
        sa.Column("cleared_at", desktop.store.types.ChinaDateTime(), nullable=True),
        sa.Column("cleared_by", sa.String(length=24), nullable=True),
        sa.Column("unit_code", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["clue_id"],
            ["clues.id"],
            name=op.f("fk_warning_episodes_clue_id_clues"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_warning_episodes")),
    )
    op.create_index(
        op.f("ix_warning_episodes_clue_id"), "warning_episodes", ["clue_id"], unique=False
    )
    op.create_index(
        "ix_warning_episodes_reached_at", "warning_episodes", ["reached_at"], unique=False
    )
    op.create_index(
        "ix_warning_episodes_unit_code",
        "warning_episodes",
        ["unit_code", "reached_at"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_warning_episodes_unit_code", table_name="warning_episodes")
    op.drop_index("ix_warning_episodes_reached_at", table_name="warning_episodes")
    op.drop_index(op.f("ix_warning_episodes_clue_id"), table_name="warning_episodes")
    op.drop_table("warning_episodes")
