"""device revocation: the devices the administrators revoked, and the actions such a device
pushed afterwards (refused, applied nowhere, listed for the office)

Revision ID: 0012
Revises: 0011
Create Date: 2027-01-10 09:00:00

New tables only.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import cityplatform.types

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "revoked_devices",
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("revoked_at", cityplatform.types.ChinaDateTime(), nullable=False),
        sa.Column("revoked_by", sa.String(length=64), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("last_told_at", cityplatform.types.ChinaDateTime(), nullable=True),
        sa.Column("wipe_confirmed_at", cityplatform.types.ChinaDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("device_id", name=op.f("pk_revoked_devices")),
    )
    op.create_table(
        "refused_pushes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("received_at", cityplatform.types.ChinaDateTime(), nullable=False),
        sa.Column("action_id", sa.String(length=64), nullable=False),
        sa.Column("device_seq", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(length=64), nullable=False),
        sa.Column("clue_code", sa.String(length=64), nullable=True),
        sa.Column("record_id", sa.String(length=64), nullable=True),
        sa.Column("created_at", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_refused_pushes")),
        sa.UniqueConstraint(
            "device_id", "action_id", name=op.f("uq_refused_pushes_device_id_action_id")
        ),
    )
    op.create_index(
        op.f("ix_refused_pushes_device_id"), "refused_pushes", ["device_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_refused_pushes_device_id"), table_name="refused_pushes")
    op.drop_table("refused_pushes")
    op.drop_table("revoked_devices")
