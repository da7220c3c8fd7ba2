"""Alembic migrations of the clue store, run in process at start-up."""
