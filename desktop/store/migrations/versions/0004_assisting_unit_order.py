"""assisting units keep the dispatcher's order

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04 19:00:00

Plain ALTER TABLE ADD COLUMN (no table rebuild). Existing rows get position 0, so a clue
synced before keeps code order among its units until the platform sends it again.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "clue_assisting_units",
        sa.Column("position", sa.Integer(), server_default="0", nullable=False),
    )


def downgrade() -> None:
    op.drop_column("clue_assisting_units", "position")
