"""Shared test set-up: Qt offscreen, an isolated data folder, the referential, and the whole suite as a witness
that the program never opens a network connection."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import pytest

from tests import network_guard, property_budget, run_shared, sqlite_template
from tests.small_disk import small_disk  # noqa: F401 (a fixture: a small real file system, full or read-only)

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# hypothesis keeps its caches in ./.hypothesis unless told otherwise: tests never write into the repository.
os.environ.setdefault(
    "HYPOTHESIS_STORAGE_DIRECTORY", os.path.join(tempfile.gettempdir(), "c2i2e-jury-hypothesis")
)

# Bytecode, even where PYTHONDONTWRITEBYTECODE is set (it keeps caches out of the tree): kept under the temp
# folder, never in the repository. Without it every run recompiles and rewrites the assertions of every test
# module in each xdist worker (~7 s of CPU each) and every interpreter a test starts (workers, the CLI) compiles
# the program again. Set here, it reaches the test modules, the xdist workers and every subprocess.
if os.environ.pop("PYTHONDONTWRITEBYTECODE", None) and not sys.pycache_prefix:
    sys.dont_write_bytecode = False
    sys.pycache_prefix = os.environ["PYTHONPYCACHEPREFIX"] = os.path.join(
        tempfile.gettempdir(), "c2i2e-jury-pycache"
    )

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus" / "pdf"
network_guard.install()


def pytest_configure(config: pytest.Config) -> None:
    """The controller (not an xdist worker) makes the run's shared folder before the workers start; the fast loop
    draws fewer property examples (``tests/property_budget.py``)."""
    property_budget.fast_loop = property_budget.is_fast_loop(config.option.markexpr or "")
    if not hasattr(config, "workerinput"):
        run_shared.make_run_folder()


def pytest_itemcollected(item: pytest.Item) -> None:
    """A test on PostgreSQL is slow too: ``pytest -m "not slow"``, the daily loop, runs SQLite only, while the whole
    run (``.ci/run``: plain ``pytest``) runs every backend."""
    if item.get_closest_marker("postgres") and not item.get_closest_marker("slow"):
        item.add_marker(pytest.mark.slow)


def pytest_unconfigure(config: pytest.Config) -> None:
    if not hasattr(config, "workerinput"):
        run_shared.remove_run_folder()


@pytest.fixture(autouse=True)
def _offline() -> None:
    """Fails the test during which anything tried to reach the network, even if the code swallowed the error."""
    network_guard.attempts.clear()
    yield
    assert not network_guard.attempts, f"the program tried to reach the network: {network_guard.attempts}"


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data folder and database: nothing is written outside tmp."""
    data = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("C2I2E_DATA_DIR", str(data))
    monkeypatch.delenv("C2I2E_DB", raising=False)
    return data


@pytest.fixture(autouse=True)
def _migrated_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A new SQLite database is a copy of one migrated once per run (``tests/sqlite_template.py``); the tests of
    ``tests/storage`` turn this off and run the migrations themselves."""
    sqlite_template.install(monkeypatch)


@pytest.fixture(scope="session")
def referential():
    from c2i2e_jury.resources_access import referential as load

    return load()


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus/pdf is not beside the repository")
    return CORPUS


@pytest.fixture(scope="session")
def pg_server():
    """The URL of a real PostgreSQL server (never a mock). In CI a missing server fails, elsewhere it skips."""
    from tests.pg import throwaway_cluster

    url = os.environ.get("C2I2E_TEST_PG_URL")
    if url:
        yield url
        return
    try:
        with throwaway_cluster() as started:
            yield started
    except FileNotFoundError as exc:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is required in CI: {exc}")
        pytest.skip(str(exc))


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request, tmp_path):
    """A fresh database URL, once on a real SQLite file and once on a real PostgreSQL server."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'campaign.sqlite'}"
        return
    from tests.pg import fresh_database

    with fresh_database(request.getfixturevalue("pg_server")) as url:
        yield url


@pytest.fixture
def database(db_url):
    from c2i2e_jury.storage.database import open_database

    db = open_database(db_url)
    yield db
    db.dispose()
