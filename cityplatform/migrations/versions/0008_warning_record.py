"""the warning record (预警台账): every warning level a clue reached, per stage

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-20 09:00:00

A new table, empty at first: the warning job fills in the open clues' current warnings on its
first run (episodes reached before the upgrade are not reconstructed here).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import cityplatform.types

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
        sa.Column("deadline", cityplatform.types.ChinaDateTime(), nullable=False),
        sa.Column("reached_at", cityplatform.types.ChinaDateTime(), nullable=False),
        sa.Column("cleared_at", cityplatform.types.ChinaDateTime(), nullable=True),
        sa.Column("cleared_by", sa.String(length=24), nullable=True),
        sa.Column("unit_code", sa.String(length=20), nullable=False),
        sa.Column("county_code", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["clue_id"],
            ["clues.id"],
            name=op.f("fk_warning_episodes_clue_id_clues"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_warning_episodes")),
    )
    op.create_index(
        "ix_warning_episodes_clue_id", "warning_episodes", ["clue_id", "id"], unique=False
    )
    op.create_index(
        "ix_warning_episodes_county_reached",
        "warning_episodes",
        ["county_code", "reached_at"],
        unique=False,
    )
    op.create_index(
        "ix_warning_episodes_unit_reached",
        "warning_episodes",
        ["unit_code", "reached_at"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_warning_episodes_unit_reached", table_name="warning_episodes")
    op.drop_index("ix_warning_episodes_county_reached", table_name="warning_episodes")
    op.drop_index("ix_warning_episodes_clue_id", table_name="warning_episodes")
    op.drop_table("warning_episodes")
