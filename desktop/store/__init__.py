"""The offline clue store: SQLite through SQLAlchemy 2, migrated by Alembic in process."""
