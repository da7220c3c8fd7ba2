"""weekly verification: batches drawn by this device's office, their items and results as
the platform keeps them, and the outbox of draws

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-27 09:00:00

New tables only (plain CREATE INDEX).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import desktop.store.types

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "verification_batches",
        sa.Column("batch_id", sa.String(length=36), nullable=False),
        sa.Column("office", sa.String(length=20), nullable=False),
        sa.Column("week", sa.String(length=10), nullable=False),
        sa.Column("plan", desktop.store.types.JsonText(), nullable=False),
        sa.Column("seed", sa.Integer(), nullable=False),
        sa.Column("drawn_by", sa.String(length=64), nullable=False),
        sa.Column("drawn_by_name", sa.String(length=64), nullable=False),
        sa.Column("drawn_at", desktop.store.types.ChinaDateTime(), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("batch_id", name=op.f("pk_verification_batches")),
    )
    op.create_index(
        op.f("ix_verification_batches_office"), "verification_batches", ["office"], unique=False
    )
    op.create_index(
        op.f("ix_verification_batches_week"), "verification_batches", ["week"], unique=False
    )
    op.create_table(
        "verification_outbox",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("action_id", sa.String(length=36), nullable=False),
        sa.Column("command_type", sa.String(length=64), nullable=False),
        sa.Column("batch_id", sa.String(length=36), nullable=False),
        sa.Column("payload", desktop.store.types.JsonText(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("created_at", desktop.store.types.ChinaDateTime(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("reject_code", sa.String(length=64), nullable=False),
        sa.Column("reject_reason", sa.Text(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_verification_outbox")),
        sa.UniqueConstraint("action_id", name=op.f("uq_verification_outbox_action_id")),
    )
    op.create_index(
        op.f("ix_verification_outbox_batch_id"), "verification_outbox", ["batch_id"], unique=False
    )
    op.create_table(
        "verification_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("clue_code", sa.String(length=40), nullable=False),
        sa.Column("unit_code", sa.String(length=20), nullable=False),
        sa.Column("channel", sa.String(length=32), nullable=False),
        sa.Column("closed_at", desktop.store.types.ChinaDateTime(), nullable=True),
        sa.Column("dropped", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["verification_batches.batch_id"],
            name=op.f("fk_verification_items_batch_id_verification_batches"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_verification_items")),
    )
    op.create_index(
        op.f("ix_verification_items_batch_id"), "verification_items", ["batch_id"], unique=False
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
        sa.Column("attachments", desktop.store.types.JsonText(), nullable=False),
        sa.Column("verified_by", sa.String(length=64), nullable=False),
        sa.Column("verified_by_name", sa.String(length=64), nullable=False),
        sa.Column("verified_at", desktop.store.types.ChinaDateTime(), nullable=False),
        sa.Column("action_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["verification_batches.batch_id"],
            name=op.f("fk_verification_results_batch_id_verification_batches"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_verification_results")),
        sa.UniqueConstraint("action_id", name=op.f("uq_verification_results_action_id")),
    )
    op.create_index(
        op.f("ix_verification_results_batch_id"), "verification_results", ["batch_id"], unique=False
    )


def downgrade() -> None:
    op.drop_table("verification_results")
    op.drop_table("verification_items")
    op.drop_table("verification_outbox")
    op.drop_table("verification_batches")
