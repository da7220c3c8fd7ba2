"""suggestions and accountability records of the discipline commissions, their histories
and their outbox

Revision ID: 0009
Revises: 0007
Create Date: 2026-12-20 09:00:00

New tables only (plain CREATE INDEX). (Issue 13 adds 0008, the warning record, in another
branch: at the merge this revision follows it.)
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import desktop.store.types

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "accountability_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("commission_unit", sa.String(length=20), nullable=False),
        sa.Column("unit_concerned", sa.String(length=20), nullable=False),
        sa.Column("measure", sa.String(length=32), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=False),
        sa.Column("updated_at", desktop.store.types.ChinaDateTime(), nullable=False),
        sa.Column("state", desktop.store.types.JsonText(), nullable=False),
        sa.Column("server_state", desktop.store.types.JsonText(), nullable=True),
        sa.Column("server_version", sa.Integer(), nullable=False),
        sa.Column("pending", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_accountability_records")),
        sa.UniqueConstraint("record_id", name=op.f("uq_accountability_records_record_id")),
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
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("number", sa.String(length=60), nullable=False),
        sa.Column("issuing_unit", sa.String(length=20), nullable=False),
        sa.Column("addressed_unit", sa.String(length=20), nullable=False),
        sa.Column("issued_at", desktop.store.types.ChinaDateTime(), nullable=False),
        sa.Column("reply_deadline", desktop.store.types.ChinaDateTime(), nullable=False),
        sa.Column("updated_at", desktop.store.types.ChinaDateTime(), nullable=False),
        sa.Column("state", desktop.store.types.JsonText(), nullable=False),
        sa.Column("server_state", desktop.store.types.JsonText(), nullable=True),
        sa.Column("server_version", sa.Integer(), nullable=False),
        sa.Column("pending", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_suggestions")),
        sa.UniqueConstraint("suggestion_id", name=op.f("uq_suggestions_suggestion_id")),
    )
    op.create_index(
        op.f("ix_suggestions_addressed_unit"), "suggestions", ["addressed_unit"], unique=False
    )
    op.create_index(op.f("ix_suggestions_status"), "suggestions", ["status"], unique=False)
    op.create_table(
        "supervision_outbox",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("action_id", sa.String(length=36), nullable=False),
        sa.Column("command_type", sa.String(length=64), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("payload", desktop.store.types.JsonText(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("created_at", desktop.store.types.ChinaDateTime(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("reject_code", sa.String(length=64), nullable=False),
        sa.Column("reject_reason", sa.Text(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_supervision_outbox")),
        sa.UniqueConstraint("action_id", name=op.f("uq_supervision_outbox_action_id")),
    )
    op.create_index(
        op.f("ix_supervision_outbox_record_id"), "supervision_outbox", ["record_id"], unique=False
    )
    op.create_table(
        "accountability_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
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
            ["record_id"],
            ["accountability_records.record_id"],
            name=op.f("fk_accountability_events_record_id_accountability_records"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_accountability_events")),
        sa.UniqueConstraint("action_id", name=op.f("uq_accountability_events_action_id")),
    )
    op.create_index(
        op.f("ix_accountability_events_record_id"),
        "accountability_events",
        ["record_id"],
        unique=False,
    )
    op.create_table(
        "suggestion_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("suggestion_id", sa.String(length=36), nullable=False),
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
            ["suggestion_id"],
            ["suggestions.suggestion_id"],
            name=op.f("fk_suggestion_events_suggestion_id_suggestions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_suggestion_events")),
        sa.UniqueConstraint("action_id", name=op.f("uq_suggestion_events_action_id")),
    )
    op.create_index(
        op.f("ix_suggestion_events_suggestion_id"),
        "suggestion_events",
        ["suggestion_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_suggestion_events_suggestion_id"), table_name="suggestion_events")
    op.drop_table("suggestion_events")
    op.drop_index(op.f("ix_accountability_events_record_id"), table_name="accountability_events")
    op.drop_table("accountability_events")
    op.drop_index(op.f("ix_supervision_outbox_record_id"), table_name="supervision_outbox")
    op.drop_table("supervision_outbox")
    op.drop_index(op.f("ix_suggestions_status"), table_name="suggestions")
    op.drop_index(op.f("ix_suggestions_addressed_unit"), table_name="suggestions")
    op.drop_table("suggestions")
    op.drop_index(
        op.f("ix_accountability_records_unit_concerned"), table_name="accountability_records"
    )
    op.drop_table("accountability_records")
