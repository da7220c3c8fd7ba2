"""Alembic environment: always run in process on a connection handed over by the store."""

from alembic import context

from desktop.store.models import Base
from desktop.store.schema_extras import include_object

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - the store always hands one over
    raise RuntimeError("migrations run through desktop.store.migrate, not the alembic CLI")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    include_object=include_object,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
