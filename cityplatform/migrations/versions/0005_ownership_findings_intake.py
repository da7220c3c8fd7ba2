"""clue ownership, findings, callbacks, duplicates, channel references; account posts

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04 21:30:00

A clue now records the tackling office that owns it (`owner_unit`), the channel's own
reference (`channel_ref`, e.g. the 12345 work-order number), the deadline its sender set
(`due_by`), the finding of its report, the callback result, the original it duplicates and
how many extensions its stage has had. An account has a post within its unit (经办人 or
负责人). Existing data: every clue is owned by its county's tackling office (the only office
that could dispatch it before), and every account is its unit's head, so nothing that
worked before needs a sign-off it never had.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import cityplatform.types

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("clues") as batch:
        batch.add_column(
            sa.Column("channel_ref", sa.String(length=100), nullable=False, server_default="")
        )
        batch.add_column(sa.Column("owner_unit", sa.String(length=20), nullable=True))
        batch.add_column(sa.Column("due_by", cityplatform.types.ChinaDateTime(), nullable=True))
        batch.add_column(sa.Column("finding", sa.String(length=16), nullable=True))
        batch.add_column(sa.Column("callback", sa.String(length=16), nullable=True))
        batch.add_column(sa.Column("duplicate_of", sa.String(length=40), nullable=True))
        batch.add_column(
            sa.Column("extension_count", sa.Integer(), nullable=False, server_default="0")
        )
        batch.create_foreign_key(
            op.f("fk_clues_owner_unit_units"), "units", ["owner_unit"], ["code"]
        )
        batch.create_index(op.f("ix_clues_duplicate_of"), ["duplicate_of"])
    op.execute("UPDATE clues SET owner_unit = county_code")
    with op.batch_alter_table("users") as batch:
        batch.add_column(
            sa.Column("post", sa.String(length=8), nullable=False, server_default="head")
        )


def downgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.drop_column("post")
    with op.batch_alter_table("clues") as batch:
        batch.drop_index(op.f("ix_clues_duplicate_of"))
        batch.drop_constraint(op.f("fk_clues_owner_unit_units"), type_="foreignkey")
        for name in (
            "extension_count",
            "duplicate_of",
            "callback",
            "finding",
            "due_by",
            "owner_unit",
            "channel_ref",
        ):
            batch.drop_column(name)
