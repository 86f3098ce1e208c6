"""Alembic migrations: the only code that creates or changes the database schema."""
