"""A campaign built once per module and copied into each test's database, instead of built again for each test.

Importing a package, deciding and signing sheets with real keys costs seconds of CPU, and a module whose tests all
start from the same signed campaign paid it per test. :func:`build_template` builds it once into a SQLite file
(with its own data folder, where the dossiers go); :func:`restore` copies that file into the test's own database
page by page (SQLite's backup API: the same bytes, the test's own file) and the dossiers into the test's data
folder, so a test that changes its campaign changes only its copy. The template is built once for the run (the
xdist workers share it, ``tests/run_shared.py``), so the keys it is signed with must be the run's too
(``tests/run_pki.py``). On PostgreSQL the campaign is built again.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

import pytest

from c2i2e_jury.storage.database import Database
from tests import sqlite_template
from tests.run_shared import built_once

T = TypeVar("T")
DB_FILE = "campaign.sqlite"
VALUE_FILE = "value.json"


@dataclass(frozen=True)
class Template(Generic[T]):
    """The built database file, its data folder and what the build returned (the candidates' keys, say)."""

    file: Path
    data: Path
    value: T


def build_template(name: str, build: Callable[[Database, Path], T]) -> Template[T]:
    """``build(database, folder)`` run once for the run (``tests/run_shared.py``: the xdist workers share it) on
    a new SQLite database, its data folder beside it; what it returns is kept as JSON."""
    folder = built_once(f"campaign-{name}", lambda f: _build(f, build), _private(name))
    value = json.loads((folder / VALUE_FILE).read_text(encoding="utf-8"))
    return Template(folder / DB_FILE, folder / "data", value)


def _private(name: str) -> Callable[[], Path]:
    return lambda: Path(tempfile.mkdtemp(prefix=f"c2i2e-campaign-{name}-"))


def _build(folder: Path, build: Callable[[Database, Path], T]) -> None:
    from c2i2e_jury.storage.database import open_database

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("C2I2E_DATA_DIR", str(folder / "data"))
        sqlite_template.install(patch)
        database = open_database(f"sqlite:///{folder / DB_FILE}")
        try:
            value = build(database, folder)
        finally:
            database.dispose()  # checkpoints the WAL: the file is whole
    (folder / VALUE_FILE).write_text(json.dumps(value), encoding="utf-8")


def restore(template: Template[T], database: Database) -> T:
    """The template copied into the test's (SQLite) database and data folder; what its build returned."""
    from c2i2e_jury.paths import data_dir

    with database.engine.connect() as connection:
        source = sqlite3.connect(f"file:{template.file}?mode=ro", uri=True)
        try:
            source.backup(connection.connection.driver_connection)
        finally:
            source.close()
    if template.data.is_dir():
        shutil.copytree(template.data, data_dir(), dirs_exist_ok=True)
    return template.value


def copied_campaign(database: Database, name: str, build: Callable[[Database, Path], T], root: Path) -> T:
    """The module's campaign ``name`` (made by ``build(database, folder)``) in ``database``: on SQLite copied from
    the one built once for the run, on PostgreSQL built again (its files under ``root``)."""
    if database.is_sqlite:
        return restore(build_template(name, build), database)
    return build(database, root)
