"""Alembic migrations of the archive, run programmatically by `quellenlage.archive.database`."""
