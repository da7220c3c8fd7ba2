"""the column mappings of imported channel lists, remembered per channel

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05 09:40:00

A new table only.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import desktop.store.types

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "import_mappings",
        sa.Column("channel", sa.String(length=32), nullable=False),
        sa.Column("columns", desktop.store.types.JsonText(), nullable=False),
        sa.Column("updated_at", desktop.store.types.ChinaDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("channel", name=op.f("pk_import_mappings")),
    )


def downgrade() -> None:
    op.drop_table("import_mappings")
