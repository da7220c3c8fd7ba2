"""reporter masking for every role but the lead unit and the dispatching office

Revision ID: 0010
Revises: 0007
Create Date: 2026-12-20 09:00:00

No new table: a reveal is an audit entry and a `reporter_revealed` history entry of the
clue. Every user's scope epoch moves on, so that every client pulls its clues once more from
scratch under the new masking: a store that received a reporter unmasked before (an
assisting unit's, a registering township's, an administrator's) then holds it masked, as
the platform now sends it.

(The lead renumbers the issue's migrations at merge: this one follows 0009_supervision.)
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute(sa.text("UPDATE users SET scope_epoch = scope_epoch + 1"))


def downgrade() -> None:
    # back to the old masking: the clients pull once more under it too
    op.execute(sa.text("UPDATE users SET scope_epoch = scope_epoch + 1"))
