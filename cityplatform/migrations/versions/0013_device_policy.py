"""device policy: the kind of device (office or field) kept with each login

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-05 13:00:00

One column with a default: existing logins are office devices (the store_encryption policy
itself is a row of the settings table and needs no schema). A plain ALTER TABLE, not a batch
copy: SQLite cannot drop token_families while refresh tokens refer to it.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "token_families",
        sa.Column("device_kind", sa.String(length=16), nullable=False, server_default="office"),
    )


def downgrade() -> None:
    op.drop_column("token_families", "device_kind")
