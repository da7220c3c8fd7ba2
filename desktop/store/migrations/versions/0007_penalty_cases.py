"""penalty cases, their history, and number blocks by series

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-10 09:00:00

New tables (plain CREATE INDEX) and one ALTER TABLE ADD COLUMN: the blocks a device already
holds are notice numbers (`series` 'notice'), as they were reserved; case and decision numbers
come in blocks of their own from the next sync.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import desktop.store.types

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "number_blocks",
        sa.Column("series", sa.String(length=16), server_default="notice", nullable=False),
    )
    op.create_table(
        "cases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("clue_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("unit_code", sa.String(length=20), nullable=False),
        sa.Column("number", sa.String(length=60), nullable=False),
        sa.Column("number_year", sa.Integer(), nullable=True),
        sa.Column("number_seq", sa.Integer(), nullable=True),
        sa.Column("decision_number", sa.String(length=60), nullable=False),
        sa.Column("party_name", sa.String(length=200), nullable=False),
        sa.Column("filed_on", sa.Date(), nullable=False),
        sa.Column("deadline", desktop.store.types.ChinaDateTime(), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("created_at", desktop.store.types.ChinaDateTime(), nullable=False),
        sa.Column("updated_at", desktop.store.types.ChinaDateTime(), nullable=False),
        sa.Column("state", desktop.store.types.JsonText(), nullable=False),
        sa.Column("server_state", desktop.store.types.JsonText(), nullable=True),
        sa.Column("server_version", sa.Integer(), nullable=False),
        sa.Column("pending", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["clue_id"], ["clues.id"], name=op.f("fk_cases_clue_id_clues"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cases")),
        sa.UniqueConstraint("case_id", name=op.f("uq_cases_case_id")),
    )
    op.create_index(op.f("ix_cases_clue_id"), "cases", ["clue_id"], unique=False)
    op.create_index(op.f("ix_cases_unit_code"), "cases", ["unit_code"], unique=False)
    op.create_index("ix_cases_status_deadline", "cases", ["status", "deadline"], unique=False)
    op.create_index("ix_cases_filed_on", "cases", ["filed_on"], unique=False)
    op.create_table(
        "case_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("action_id", sa.String(length=36), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("unit_code", sa.String(length=20), nullable=False),
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("at", desktop.store.types.ChinaDateTime(), nullable=False),
        sa.Column("from_status", sa.String(length=16), nullable=True),
        sa.Column("to_status", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("details", desktop.store.types.JsonText(), nullable=False),
        sa.Column("pending", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["cases.case_id"],
            name=op.f("fk_case_events_case_id_cases"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_events")),
        sa.UniqueConstraint("action_id", name=op.f("uq_case_events_action_id")),
    )
    op.create_index(op.f("ix_case_events_case_id"), "case_events", ["case_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_case_events_case_id"), table_name="case_events")
    op.drop_table("case_events")
    for name in ("ix_cases_filed_on", "ix_cases_status_deadline", "ix_cases_unit_code"):
        op.drop_index(name, table_name="cases")
    op.drop_index(op.f("ix_cases_clue_id"), table_name="cases")
    op.drop_table("cases")
    op.drop_column("number_blocks", "series")
