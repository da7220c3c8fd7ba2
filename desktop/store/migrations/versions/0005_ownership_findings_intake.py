"""clue ownership, findings, callbacks, duplicates, channel references; account posts

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04 21:30:00

Plain ALTER TABLE ADD COLUMN (no table rebuild) and new indexes. Clues synced before are
owned by their county's tackling office, as the platform's own migration records them; the
platform sends each clue's real owner with its next change.
"""

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

from desktop.store.types import ChinaDateTime

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_CLUE_COLUMNS: tuple[sa.Column[Any], ...] = (
    sa.Column("channel_ref", sa.String(length=100), server_default="", nullable=False),
    sa.Column("owner_unit", sa.String(length=20), nullable=True),
    sa.Column("due_by", ChinaDateTime(), nullable=True),
    sa.Column("finding", sa.String(length=16), nullable=True),
    sa.Column("callback", sa.String(length=16), nullable=True),
    sa.Column("duplicate_of", sa.String(length=40), nullable=True),
    sa.Column("extension_count", sa.Integer(), server_default="0", nullable=False),
)


def upgrade() -> None:
    for column in _CLUE_COLUMNS:
        op.add_column("clues", column)
    op.execute("UPDATE clues SET owner_unit = county_code")
    op.create_index("ix_clues_channel_ref", "clues", ["channel_ref"])
    op.create_index(
        "ix_clues_owner_status_due",
        "clues",
        ["owner_unit", "status", sa.text("coalesce(deadline, '9999-12-31')"), "id"],
    )
    op.create_index("ix_clues_duplicate_of", "clues", ["duplicate_of"])
    op.add_column(
        "users", sa.Column("post", sa.String(length=8), server_default="head", nullable=False)
    )


def downgrade() -> None:
    op.drop_column("users", "post")
    for name in ("ix_clues_duplicate_of", "ix_clues_owner_status_due", "ix_clues_channel_ref"):
        op.drop_index(name, "clues")
    for column in reversed(_CLUE_COLUMNS):
        op.drop_column("clues", column.name)
