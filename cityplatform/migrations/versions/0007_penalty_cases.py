"""penalty cases and their history; number blocks by series

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-10 09:00:00

New tables, and a `series` column of the number blocks: every block handed out before holds
notice numbers ('notice'), and the notice counters keep their names (notice:UNIT:YEAR), so
existing units go on counting where they were; case and decision numbers count on their own
(case:UNIT:YEAR, decision:UNIT:YEAR).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import cityplatform.types

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("number_blocks") as batch:
        batch.add_column(
            sa.Column("series", sa.String(length=16), nullable=False, server_default="notice")
        )
    op.create_table(
        "cases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("clue_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("unit_code", sa.String(length=20), nullable=False),
        sa.Column("number", sa.String(length=60), nullable=False),
        sa.Column("number_year", sa.Integer(), nullable=False),
        sa.Column("number_seq", sa.BigInteger(), nullable=False),
        sa.Column("decision_number", sa.String(length=60), nullable=True),
        sa.Column("decision_year", sa.Integer(), nullable=True),
        sa.Column("decision_seq", sa.BigInteger(), nullable=True),
        sa.Column("filed_on", sa.Date(), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("created_at", cityplatform.types.ChinaDateTime(), nullable=False),
        sa.Column("state", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["clue_id"], ["clues.id"], name=op.f("fk_cases_clue_id_clues"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["unit_code"], ["units.code"], name=op.f("fk_cases_unit_code_units")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cases")),
        sa.UniqueConstraint("case_id", name=op.f("uq_cases_case_id")),
        sa.UniqueConstraint("number", name=op.f("uq_cases_number")),
        sa.UniqueConstraint("decision_number", name=op.f("uq_cases_decision_number")),
        sa.UniqueConstraint(
            "unit_code",
            "number_year",
            "number_seq",
            name=op.f("uq_cases_unit_code_number_year_number_seq"),
        ),
        sa.UniqueConstraint(
            "unit_code",
            "decision_year",
            "decision_seq",
            name=op.f("uq_cases_unit_code_decision_year_decision_seq"),
        ),
    )
    op.create_index(op.f("ix_cases_clue_id"), "cases", ["clue_id"], unique=False)
    op.create_index("ix_cases_unit_filed_on", "cases", ["unit_code", "filed_on"], unique=False)
    op.create_table(
        "case_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("action_id", sa.String(length=64), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("unit_code", sa.String(length=20), nullable=False),
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("at", cityplatform.types.ChinaDateTime(), nullable=False),
        sa.Column("from_status", sa.String(length=16), nullable=True),
        sa.Column("to_status", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["cases.case_id"],
            name=op.f("fk_case_events_case_id_cases"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_events")),
        sa.UniqueConstraint("action_id", name=op.f("uq_case_events_action_id")),
    )
    op.create_index("ix_case_events_case_id", "case_events", ["case_id", "id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_case_events_case_id", table_name="case_events")
    op.drop_table("case_events")
    op.drop_index("ix_cases_unit_filed_on", table_name="cases")
    op.drop_index(op.f("ix_cases_clue_id"), table_name="cases")
    op.drop_table("cases")
    with op.batch_alter_table("number_blocks") as batch:
        batch.drop_column("series")
