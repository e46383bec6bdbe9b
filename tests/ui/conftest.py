import shutil

import pytest

from tests.services.review_factory import demo_template_fixture  # noqa: F401 (the heard demo, built once)

GENEROUS_MS = 60_000  # a wait ends when its condition holds: the cap only matters when a test is failing


@pytest.fixture(scope="session", autouse=True)
def generous_waits():
    """Every wait of pytest-qt lasts up to a minute whatever the test wrote: the suite passes with both cores busy
    with something else (tests assert behaviour, never speed; a too-short cap made them flaky under load)."""
    from pytestqt.qtbot import QtBot

    def generous(method):
        def wait(self, *args, timeout=GENEROUS_MS, **kwargs):
            return method(
                self, *args, timeout=timeout if timeout < 0 else max(timeout, GENEROUS_MS), **kwargs
            )

        return wait

    with pytest.MonkeyPatch.context() as patch:
        for name in ("waitUntil", "waitSignal", "waitSignals", "waitCallback", "waitExposed", "waitActive"):
            patch.setattr(QtBot, name, generous(getattr(QtBot, name)))
        yield


@pytest.fixture(scope="session")
def _shared_signing_process():
    """The run's shared signing worker (tests/ui/shared_signing_worker.py), ended with the session."""
    from tests.ui.shared_signing_worker import shared

    yield shared
    shared.stop()


@pytest.fixture(autouse=True)
def _shared_signing_worker(request, monkeypatch, _shared_signing_process):
    """A signature made in a test is made by the run's shared worker process, unless the test is marked
    ``own_signing_worker`` (the worker is its subject): it then starts its own, as the program does."""
    if request.node.get_closest_marker("own_signing_worker"):
        return
    from c2i2e_jury.services import signing_worker
    from tests.ui.shared_signing_worker import SharedWorker

    monkeypatch.setattr(signing_worker, "SigningWorker", SharedWorker)


@pytest.fixture(autouse=True)
def _fresh_settings(_isolated_data_dir):
    """Each test's settings in its own data folder (napari's ``_fresh_settings``): what one test leaves (a
    window's size, « Alerte sonore ») never reaches the next, nor the user's own."""
    from c2i2e_jury.ui import settings

    settings.use_folder(_isolated_data_dir)


@pytest.fixture(scope="session")
def demo_package_dir(tmp_path_factory):
    """The demo campaign package, written once for the session (the tests never change it)."""
    from tests.demo_package import demo_package

    return demo_package(tmp_path_factory.mktemp("demo") / "package")


@pytest.fixture
def demo_db(tmp_path, demo_package_dir):
    """A real SQLite database with the demo campaign imported."""
    from c2i2e_jury.services.campaign_import import import_package
    from c2i2e_jury.storage.database import open_database

    db = open_database(str(tmp_path / "demo.sqlite"))
    import_package(db, demo_package_dir)
    yield db
    db.dispose()


@pytest.fixture(scope="session", autouse=True)
def english(qapp):
    """The interface in English unless a test asks for French (``french``): its source strings, and its plurals
    (« 1 item », « 3 items ») from the English catalogue, as ``--lang en`` gives."""
    from c2i2e_jury.ui import i18n

    i18n.install(qapp, "en")


@pytest.fixture
def french(qapp):
    """The French catalogue installed, as the program does by default."""
    from c2i2e_jury.ui import i18n

    i18n.install(qapp, "fr")
    yield
    i18n.install(qapp, "en")


@pytest.fixture
def demo_db_empty(tmp_path):
    """A real, empty SQLite database."""
    from c2i2e_jury.storage.database import open_database

    db = open_database(str(tmp_path / "empty.sqlite"))
    yield db
    db.dispose()


@pytest.fixture
def heard_db(demo_template, tmp_path):
    """A copy of the demo campaign as the certification jury finds it (heard, signed, one sheet missing)."""
    from c2i2e_jury.storage.database import open_database

    copy = tmp_path / "heard.sqlite"
    shutil.copyfile(demo_template, copy)
    db = open_database(str(copy))
    yield db
    db.dispose()
