"""The migrations build exactly the models' schema, on SQLite and on PostgreSQL."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from cityplatform.app import prepare_database
from cityplatform.migrate import current_revision, head_revision, upgrade_if_needed
from cityplatform.models import Base


def test_migrations_match_the_models(platform_db_url: str) -> None:
    db = prepare_database(platform_db_url)
    try:
        assert current_revision(db.engine) == head_revision()
        assert upgrade_if_needed(db.engine) is False
        with db.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
    finally:
        db.dispose()
