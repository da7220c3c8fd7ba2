"""weekly verification: batches drawn by the dispatching offices, their items, the offices'
claims on a clue per week and the results recorded

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-27 09:00:00

New tables only.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import cityplatform.types

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "verification_batches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("office", sa.String(length=20), nullable=False),
        sa.Column("week", sa.String(length=10), nullable=False),
        sa.Column("plan", sa.JSON(), nullable=False),
        sa.Column("seed", sa.BigInteger(), nullable=False),
        sa.Column("drawn_by", sa.String(length=64), nullable=False),
        sa.Column("drawn_by_name", sa.String(length=64), nullable=False),
        sa.Column("drawn_at", cityplatform.types.ChinaDateTime(), nullable=False),
        sa.Column("action_id", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["office"], ["units.code"], name=op.f("fk_verification_batches_office_units")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_verification_batches")),
        sa.UniqueConstraint("action_id", name=op.f("uq_verification_batches_action_id")),
        sa.UniqueConstraint("batch_id", name=op.f("uq_verification_batches_batch_id")),
    )
    op.create_index(
        op.f("ix_verification_batches_office"), "verification_batches", ["office"], unique=False
    )
    op.create_index(
        op.f("ix_verification_batches_seq"), "verification_batches", ["seq"], unique=False
    )
    op.create_table(
        "verification_claims",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("office", sa.String(length=20), nullable=False),
        sa.Column("week", sa.String(length=10), nullable=False),
        sa.Column("clue_code", sa.String(length=40), nullable=False),
        sa.Column("batch_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["verification_batches.batch_id"],
            name=op.f("fk_verification_claims_batch_id_verification_batches"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_verification_claims")),
        sa.UniqueConstraint(
            "office", "week", "clue_code", name=op.f("uq_verification_claims_office_week_clue_code")
        ),
    )
    op.create_table(
        "verification_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("clue_code", sa.String(length=40), nullable=False),
        sa.Column("unit_code", sa.String(length=20), nullable=False),
        sa.Column("channel", sa.String(length=32), nullable=False),
        sa.Column("closed_at", cityplatform.types.ChinaDateTime(), nullable=True),
        sa.Column("dropped", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["verification_batches.batch_id"],
            name=op.f("fk_verification_items_batch_id_verification_batches"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_verification_items")),
        sa.UniqueConstraint(
            "batch_id", "clue_code", name=op.f("uq_verification_items_batch_id_clue_code")
        ),
    )
    op.create_index(
        op.f("ix_verification_items_clue_code"), "verification_items", ["clue_code"], unique=False
    )
    op.create_table(
        "verification_results",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.String(length=36), nullable=False),
        sa.Column("clue_code", sa.String(length=40), nullable=False),
        sa.Column("round", sa.Integer(), nullable=False),
        sa.Column("verdict", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("attachments", sa.JSON(), nullable=False),
        sa.Column("verified_by", sa.String(length=64), nullable=False),
        sa.Column("verified_by_name", sa.String(length=64), nullable=False),
        sa.Column("verified_at", cityplatform.types.ChinaDateTime(), nullable=False),
        sa.Column("action_id", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["verification_batches.batch_id"],
            name=op.f("fk_verification_results_batch_id_verification_batches"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_verification_results")),
        sa.UniqueConstraint("action_id", name=op.f("uq_verification_results_action_id")),
        sa.UniqueConstraint(
            "batch_id",
            "clue_code",
            "round",
            name=op.f("uq_verification_results_batch_id_clue_code_round"),
        ),
    )
    op.create_index(
        op.f("ix_verification_results_batch_id"), "verification_results", ["batch_id"], unique=False
    )


def downgrade() -> None:
    op.drop_table("verification_results")
    op.drop_table("verification_items")
    op.drop_table("verification_claims")
    op.drop_index(op.f("ix_verification_batches_seq"), table_name="verification_batches")
    op.drop_index(op.f("ix_verification_batches_office"), table_name="verification_batches")
    op.drop_table("verification_batches")
