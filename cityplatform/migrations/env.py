"""Alembic environment: always run in process on a connection handed over by the platform."""

from alembic import context

from cityplatform.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - the platform always hands one over
    raise RuntimeError("migrations run through cityplatform.migrate, not the alembic CLI")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
