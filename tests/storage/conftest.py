"""The storage tests run the real migrations on every new database (no copy of the run's template)."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _migrated_once() -> None:
    """Overrides the root conftest's: here each test's database is migrated by Alembic, as the program does."""
