"""A new SQLite database copied from one migrated once per run, instead of migrated again for each test.

Nine Alembic migrations on an empty SQLite file cost about half a second of CPU (SQLAlchemy compiling a hundred
DDL statements), and most tests open one or more new databases: a third of the fast loop's CPU went there. The
run builds one database at head with the real :func:`~c2i2e_jury.storage.database.upgrade` (``tests/run_shared``:
once for all the xdist workers); while a test runs, ``upgrade`` on an *empty* SQLite database copies that template
into it page by page (SQLite's backup API), which gives the same file the migrations would have written. Anything
else (PostgreSQL, a database at an older revision, a target other than head) goes through the real migrations.

The migrations themselves are tested on every test of ``tests/storage`` (its conftest turns the copy off), on
PostgreSQL, and by the subprocesses the CLI and bundle tests start (they never see the copy).
"""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import Engine

from tests.run_shared import built_once

TEMPLATE = "head.sqlite"


def _build(folder: Path) -> None:
    from c2i2e_jury.storage.database import open_database

    open_database(str(folder / TEMPLATE)).dispose()  # the real migrations; dispose checkpoints the WAL


_TEMPLATE: list[Path] = []


def template_file() -> Path:
    """The run's migrated empty database (built by the first worker that asks, read by the others)."""
    if not _TEMPLATE:
        folder = built_once(
            "sqlite-head", _build, lambda: Path(tempfile.mkdtemp(prefix="c2i2e-sqlite-head-"))
        )
        _TEMPLATE.append(folder / TEMPLATE)
    return _TEMPLATE[0]


def _is_empty_sqlite(engine: Engine) -> bool:
    if engine.dialect.name != "sqlite":
        return False
    with engine.connect() as connection:
        return connection.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar() == 0


def _copy_into(template: Path, engine: Engine) -> None:
    with engine.connect() as connection:
        source = sqlite3.connect(f"file:{template}?mode=ro", uri=True)
        try:
            source.backup(connection.connection.driver_connection)
        finally:
            source.close()


def copying_upgrade(template: Path, real: Callable[..., None]) -> Callable[..., None]:
    """``upgrade`` as the tests see it: the template copied into an empty SQLite database, else ``real``."""

    def upgrade(engine: Engine, revision: str = "head") -> None:
        if revision == "head" and _is_empty_sqlite(engine):
            _copy_into(template, engine)
            return
        real(engine, revision)

    return upgrade


def install(monkeypatch: pytest.MonkeyPatch) -> None:
    """For the current test: new SQLite databases are copies of the run's template."""
    from c2i2e_jury.storage import database

    monkeypatch.setattr(database, "upgrade", copying_upgrade(template_file(), database.upgrade))
