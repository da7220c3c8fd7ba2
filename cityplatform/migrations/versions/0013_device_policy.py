"""device policy: the kind of device (office or field) kept with each login

Revision ID: 0013
Revises: 0011
Create Date: 2026-12-05 13:00:00

One column with a default: existing logins are office devices. (Revises 0012, device
revocation, once both branches are merged; the store_encryption policy itself is a row of
the settings table and needs no schema.)
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("token_families") as batch:
        batch.add_column(
            sa.Column("device_kind", sa.String(length=16), nullable=False, server_default="office")
        )


def downgrade() -> None:
    with op.batch_alter_table("token_families") as batch:
        batch.drop_column("device_kind")
