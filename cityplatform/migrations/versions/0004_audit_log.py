"""tamper-evident audit log and refresh grace

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04 18:40:00

The audit log and its chain head (one row, id 1, seq 0 and the genesis hash until the first
entry); the refresh-token columns of the grace rule (`replaced_by`, `grace_used_at`) and of
the family (`fresh_jti`). New nullable columns only: no table is rebuilt.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import cityplatform.types

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

GENESIS = "0" * 64
"""The prev_hash of the first audit entry (cityplatform.audit.GENESIS)."""


def upgrade() -> None:
    op.create_table(
        "audit_log",
        sa.Column("seq", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("at", cityplatform.types.ChinaDateTime(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("details", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_audit_log")),
    )
    op.create_index(op.f("ix_audit_log_at"), "audit_log", ["at"], unique=False)
    head = op.create_table(
        "audit_head",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("at", cityplatform.types.ChinaDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_head")),
    )
    op.bulk_insert(head, [{"id": 1, "seq": 0, "hash": GENESIS, "at": None}])
    op.add_column("refresh_tokens", sa.Column("replaced_by", sa.String(length=64), nullable=True))
    op.add_column(
        "refresh_tokens",
        sa.Column("grace_used_at", cityplatform.types.ChinaDateTime(), nullable=True),
    )
    op.add_column("token_families", sa.Column("fresh_jti", sa.String(length=32), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("token_families") as batch_op:
        batch_op.drop_column("fresh_jti")
    with op.batch_alter_table("refresh_tokens") as batch_op:
        batch_op.drop_column("grace_used_at")
        batch_op.drop_column("replaced_by")
    op.drop_table("audit_head")
    op.drop_index(op.f("ix_audit_log_at"), table_name="audit_log")
    op.drop_table("audit_log")
