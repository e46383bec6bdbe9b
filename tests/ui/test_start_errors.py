"""The application's start on a bad database or data folder: one French sentence in a message box, exit 1."""

import argparse
import sqlite3

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from c2i2e_jury.ui import i18n
from c2i2e_jury.ui.app import run_gui


@pytest.fixture(autouse=True)
def _english_afterwards(qapp, _isolated_data_dir):
    """The start installs the French catalogue (lang="fr"); the UI tests that run next on this worker (the viewer's,
    the timer's) read English: put it back, from the test's own data folder (this one may have broken it)."""
    yield
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("C2I2E_DATA_DIR", str(_isolated_data_dir))
        i18n.install(qapp, "en")


def _run_and_read_the_box(args) -> tuple[int, list[str]]:
    """Runs the start; the message box it shows is read, then closed, by a timer (as a user would)."""
    QApplication.instance() or QApplication([])
    seen: list[str] = []

    def close_box() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.close()
        else:
            QTimer.singleShot(10, close_box)

    QTimer.singleShot(0, close_box)
    return run_gui(args), seen


def _args(db: str | None) -> argparse.Namespace:
    return argparse.Namespace(db=db, demo=False, lang="fr")


def test_a_foreign_database_is_one_sentence_in_a_box(tmp_path, monkeypatch):
    monkeypatch.setattr("sys.excepthook", __import__("sys").excepthook)
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE foo (x INTEGER)")
    code, seen = _run_and_read_the_box(_args(str(path)))
    assert code == 1
    assert seen == [f"{path} n'est pas une base c2i2e-jury : rien n'y a été écrit."]


def test_an_unusable_data_folder_is_one_sentence_in_a_box(tmp_path, monkeypatch):
    monkeypatch.setattr("sys.excepthook", __import__("sys").excepthook)
    garbage = tmp_path / "garbage.bin"
    garbage.write_bytes(b"garbage")
    monkeypatch.setenv("C2I2E_DATA_DIR", str(garbage))
    code, seen = _run_and_read_the_box(_args(None))
    assert code == 1
    assert len(seen) == 1 and seen[0].startswith(f"Le dossier de données {garbage} est inutilisable")


def test_a_database_on_a_read_only_file_system_is_one_sentence_in_a_box(small_disk, monkeypatch):
    """It was an internal error with no window and no message."""
    monkeypatch.setattr("sys.excepthook", __import__("sys").excepthook)
    from c2i2e_jury.storage.database import open_database

    path = small_disk.path / "jury.sqlite"
    open_database(str(path)).dispose()
    small_disk.read_only()
    code, seen = _run_and_read_the_box(_args(str(path)))
    assert code == 1
    assert seen == [
        f"La base de données est en lecture seule : {path} est sur un disque monté en lecture seule "
        "(clé USB verrouillée ?) ; rien n'y a été écrit."
    ]
