"""indexes the queue's filters read in deadline order

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-05 16:30:00

Indexes only (plain CREATE INDEX): one per filter of the filter bar that had none (channel,
category, priority) and the township's in deadline order, and a county's clues by the time
received, so a filtered queue reads its first rows and its count from one index range
instead of scanning (and sorting) every clue.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_DUE = "coalesce(deadline, '9999-12-31')"
_INDEXES = {
    "ix_clues_channel_due": ["channel"],
    "ix_clues_category_due": ["category"],
    "ix_clues_priority_due": ["priority"],
    "ix_clues_township_due": ["township_code", "county_code"],  # the filter bar sets both
}


def upgrade() -> None:
    for name, columns in _INDEXES.items():
        op.create_index(name, "clues", [*columns, sa.text(_DUE), "id"], unique=False)
    op.create_index(
        "ix_clues_county_received", "clues", ["county_code", "received_at", "id"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_clues_county_received", table_name="clues")
    for name in _INDEXES:
        op.drop_index(name, table_name="clues")
