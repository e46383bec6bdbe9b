"""Alembic environment and migrations (installed as the package ``c2i2e_jury.database``)."""
