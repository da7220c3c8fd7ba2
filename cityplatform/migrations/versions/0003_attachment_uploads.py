"""attachment uploads per device

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04 18:40:00

Uploads in progress are kept per user and device (`attachment_uploads`), and who proved
they hold a file by uploading all of it is recorded (`attachment_holders`). Existing data:
the user who uploaded a complete file keeps the right to read and cite it on every device
(a holder row with device_id ""); uploads left unfinished under the old shared scheme are
dropped (their clients see nothing received and upload again from the start).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import cityplatform.types

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "attachment_uploads",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("received", sa.BigInteger(), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("created_at", cityplatform.types.ChinaDateTime(), nullable=False),
        sa.Column("updated_at", cityplatform.types.ChinaDateTime(), nullable=False),
        sa.PrimaryKeyConstraint(
            "sha256", "device_id", "username", name=op.f("pk_attachment_uploads")
        ),
    )
    op.create_table(
        "attachment_holders",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("proved_at", cityplatform.types.ChinaDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["sha256"],
            ["attachments.sha256"],
            name=op.f("fk_attachment_holders_sha256_attachments"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "sha256", "username", "device_id", name=op.f("pk_attachment_holders")
        ),
    )
    attachments = sa.table(
        "attachments",
        sa.column("sha256", sa.String()),
        sa.column("complete", sa.Boolean()),
        sa.column("uploaded_by", sa.String()),
        sa.column("created_at", cityplatform.types.ChinaDateTime()),
        sa.column("completed_at", cityplatform.types.ChinaDateTime()),
    )
    holders = sa.table(
        "attachment_holders",
        sa.column("sha256", sa.String()),
        sa.column("username", sa.String()),
        sa.column("device_id", sa.String()),
        sa.column("proved_at", cityplatform.types.ChinaDateTime()),
    )
    links = sa.table("clue_attachments", sa.column("sha256", sa.String()))
    op.execute(
        holders.insert().from_select(
            ["sha256", "username", "device_id", "proved_at"],
            sa.select(
                attachments.c.sha256,
                attachments.c.uploaded_by,
                sa.literal("", sa.String()),
                sa.func.coalesce(attachments.c.completed_at, attachments.c.created_at),
            ).where(attachments.c.complete.is_(sa.true())),
        )
    )
    op.execute(
        attachments.delete().where(
            attachments.c.complete.is_(sa.false()),
            attachments.c.sha256.not_in(sa.select(links.c.sha256)),
        )
    )


def downgrade() -> None:
    op.drop_table("attachment_holders")
    op.drop_table("attachment_uploads")
