"""suggestions and accountability records of the discipline commissions, with their histories

Revision ID: 0009
Revises: 0007
Create Date: 2026-12-20 09:00:00

New tables only. (Issue 13 adds 0008, the warning record, in another branch: at the merge
this revision follows it.)
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import cityplatform.types

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "accountability_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("commission_unit", sa.String(length=20), nullable=False),
        sa.Column("unit_concerned", sa.String(length=20), nullable=False),
        sa.Column("area_county", sa.String(length=20), nullable=True),
        sa.Column("measure", sa.String(length=32), nullable=False),
        sa.Column("created_at", cityplatform.types.ChinaDateTime(), nullable=False),
        sa.Column("state", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["commission_unit"],
            ["units.code"],
            name=op.f("fk_accountability_records_commission_unit_units"),
        ),
        sa.ForeignKeyConstraint(
            ["unit_concerned"],
            ["units.code"],
            name=op.f("fk_accountability_records_unit_concerned_units"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_accountability_records")),
        sa.UniqueConstraint("record_id", name=op.f("uq_accountability_records_record_id")),
    )
    op.create_index(
        op.f("ix_accountability_records_area_county"),
        "accountability_records",
        ["area_county"],
        unique=False,
    )
    op.create_index(
        op.f("ix_accountability_records_seq"), "accountability_records", ["seq"], unique=False
    )
    op.create_index(
        op.f("ix_accountability_records_unit_concerned"),
        "accountability_records",
        ["unit_concerned"],
        unique=False,
    )
    op.create_table(
        "suggestions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("suggestion_id", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("issuing_unit", sa.String(length=20), nullable=False),
        sa.Column("addressed_unit", sa.String(length=20), nullable=False),
        sa.Column("area_county", sa.String(length=20), nullable=True),
        sa.Column("number", sa.String(length=60), nullable=False),
        sa.Column("number_year", sa.Integer(), nullable=False),
        sa.Column("created_at", cityplatform.types.ChinaDateTime(), nullable=False),
        sa.Column("state", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["addressed_unit"], ["units.code"], name=op.f("fk_suggestions_addressed_unit_units")
        ),
        sa.ForeignKeyConstraint(
            ["issuing_unit"], ["units.code"], name=op.f("fk_suggestions_issuing_unit_units")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_suggestions")),
        sa.UniqueConstraint(
            "issuing_unit",
            "number_year",
            "number",
            name=op.f("uq_suggestions_issuing_unit_number_year_number"),
        ),
        sa.UniqueConstraint("suggestion_id", name=op.f("uq_suggestions_suggestion_id")),
    )
    op.create_index(
        op.f("ix_suggestions_addressed_unit"), "suggestions", ["addressed_unit"], unique=False
    )
    op.create_index(
        op.f("ix_suggestions_area_county"), "suggestions", ["area_county"], unique=False
    )
    op.create_index(op.f("ix_suggestions_seq"), "suggestions", ["seq"], unique=False)
    op.create_table(
        "accountability_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
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
            ["record_id"],
            ["accountability_records.record_id"],
            name=op.f("fk_accountability_events_record_id_accountability_records"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_accountability_events")),
        sa.UniqueConstraint("action_id", name=op.f("uq_accountability_events_action_id")),
    )
    op.create_index(
        "ix_accountability_events_record_id",
        "accountability_events",
        ["record_id", "id"],
        unique=False,
    )
    op.create_table(
        "suggestion_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("suggestion_id", sa.String(length=36), nullable=False),
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
            ["suggestion_id"],
            ["suggestions.suggestion_id"],
            name=op.f("fk_suggestion_events_suggestion_id_suggestions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_suggestion_events")),
        sa.UniqueConstraint("action_id", name=op.f("uq_suggestion_events_action_id")),
    )
    op.create_index(
        "ix_suggestion_events_suggestion_id",
        "suggestion_events",
        ["suggestion_id", "id"],
        unique=False,
    )
    op.create_table(
        "suggestion_attachments",
        sa.Column("suggestion_id", sa.String(length=36), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.ForeignKeyConstraint(
            ["sha256"],
            ["attachments.sha256"],
            name=op.f("fk_suggestion_attachments_sha256_attachments"),
        ),
        sa.ForeignKeyConstraint(
            ["suggestion_id"],
            ["suggestions.suggestion_id"],
            name=op.f("fk_suggestion_attachments_suggestion_id_suggestions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("suggestion_id", "sha256", name=op.f("pk_suggestion_attachments")),
    )
    op.create_index(
        op.f("ix_suggestion_attachments_sha256"),
        "suggestion_attachments",
        ["sha256"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_suggestion_attachments_sha256"), table_name="suggestion_attachments")
    op.drop_table("suggestion_attachments")
    op.drop_index("ix_suggestion_events_suggestion_id", table_name="suggestion_events")
    op.drop_table("suggestion_events")
    op.drop_index("ix_accountability_events_record_id", table_name="accountability_events")
    op.drop_table("accountability_events")
    op.drop_index(op.f("ix_suggestions_seq"), table_name="suggestions")
    op.drop_index(op.f("ix_suggestions_area_county"), table_name="suggestions")
    op.drop_index(op.f("ix_suggestions_addressed_unit"), table_name="suggestions")
    op.drop_table("suggestions")
    op.drop_index(
        op.f("ix_accountability_records_unit_concerned"), table_name="accountability_records"
    )
    op.drop_index(op.f("ix_accountability_records_seq"), table_name="accountability_records")
    op.drop_index(
        op.f("ix_accountability_records_area_county"), table_name="accountability_records"
    )
    op.drop_table("accountability_records")
