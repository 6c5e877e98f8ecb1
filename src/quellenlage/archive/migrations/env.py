"""Alembic environment: runs on the connection that `quellenlage.archive.database` hands over."""

from __future__ import annotations

from alembic import context

from quellenlage.archive.schema import include_in_autogenerate, metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters tables by copying them
    include_name=include_in_autogenerate,
)
with context.begin_transaction():
    context.run_migrations()
