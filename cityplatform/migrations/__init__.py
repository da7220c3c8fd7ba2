"""Alembic migrations of the platform database (run in process by cityplatform.migrate)."""
