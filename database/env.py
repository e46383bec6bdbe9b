"""Alembic environment: migrations run on the connection the program hands over (see storage.database)."""

from __future__ import annotations

from alembic import context

from c2i2e_jury.storage import models  # noqa: F401 - every table, in the base's metadata
from c2i2e_jury.storage.base import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("c2i2e-jury runs its migrations itself: open the database with the program")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
