"""units' legal names, review bodies and courts; the editable clause map

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-10 10:00:00

A unit records the name it signs documents with, its 行政复议机关 and the court that hears
suits against it, as the platform's directory publishes them (empty until the next sync:
notices are then refused at issue rather than printed with guessed remedies). The clause
map (问题类型 → clauses) is a new table, seeded from resources/notices/clause_map.json when
first read, not here.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import desktop.store.types

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_UNIT_COLUMNS = ("legal_name", "review_body", "court")


def upgrade() -> None:
    for name in _UNIT_COLUMNS:
        op.add_column(
            "units", sa.Column(name, sa.String(length=100), server_default="", nullable=False)
        )
    op.create_table(
        "clause_map",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("category", sa.String(length=30), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("data", desktop.store.types.JsonText(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("hidden", sa.Boolean(), nullable=False),
        sa.Column("edited", sa.Boolean(), nullable=False),
        sa.Column("updated_at", desktop.store.types.ChinaDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_clause_map")),
    )


def downgrade() -> None:
    op.drop_table("clause_map")
    with op.batch_alter_table("units") as batch:
        for name in reversed(_UNIT_COLUMNS):
            batch.drop_column(name)
