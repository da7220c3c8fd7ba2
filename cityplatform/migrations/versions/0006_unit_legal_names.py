"""units' legal names, review bodies and courts

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-10 10:00:00

A unit records the name it signs documents with (legal_name, e.g. 连云港市海州区新海街道办事
处), the body that hears an administrative review of its acts (review_body) and the court
that hears a suit against them (court); /directory publishes them. Existing units get empty
values: notices of a unit without them are refused at issue until an administrator sets them.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_COLUMNS = ("legal_name", "review_body", "court")


def upgrade() -> None:
    with op.batch_alter_table("units") as batch:
        for name in _COLUMNS:
            batch.add_column(
                sa.Column(name, sa.String(length=100), nullable=False, server_default="")
            )


def downgrade() -> None:
    with op.batch_alter_table("units") as batch:
        for name in reversed(_COLUMNS):
            batch.drop_column(name)
