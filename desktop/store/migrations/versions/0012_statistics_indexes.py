"""indexes the statistics read a period's actions and warnings through

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05 10:00:00

Indexes only (plain CREATE INDEX), covering what the statistics count, so that a month of a
100,000-clue store is counted without reading the event rows.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_INDEXES = {
    "ix_clue_events_action_at": (
        "clue_events",
        ["action", "at", "clue_id", "unit_code", "from_status", "to_status"],
    ),
    "ix_clue_events_clue_at": (
        "clue_events",
        ["clue_id", "at", "action", "from_status", "to_status", "unit_code"],
    ),
    "ix_warning_episodes_level_reached": (
        "warning_episodes",
        ["level", "reached_at", "cleared_at", "clue_id", "stage", "unit_code"],
    ),
}


def upgrade() -> None:
    for name, (table, columns) in _INDEXES.items():
        op.create_index(name, table, columns, unique=False)


def downgrade() -> None:
    for name, (table, _) in _INDEXES.items():
        op.drop_index(name, table_name=table)
