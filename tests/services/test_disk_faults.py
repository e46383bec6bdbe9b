"""A database on a read-only file system, a full disk while opening, importing, deciding, signing or exporting:
one sentence, and nothing half-written — on a real small file system (tests/small_disk.py), not a simulation."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import OperationalError

from c2i2e_jury.domain.rules import Attendance, Mark
from c2i2e_jury.services import jury_room
from c2i2e_jury.services.campaign_import import import_package
from c2i2e_jury.services.sheet_export import SheetExportError, export_signed
from c2i2e_jury.services.sheet_signing import sign_and_lock
from c2i2e_jury.storage.database import DatabaseError, database_error_sentence, open_database
from c2i2e_jury.storage.dossier_store import DossierStore
from c2i2e_jury.storage.models import Campaign, Decision, Oral, ResultSheet
from tests.services.sheet_factory import SIGNING, decide_all, import_with_pki, make_pki, package_with_pki

REPO = Path(__file__).resolve().parents[2]
FULL = "est plein : rien n'y a été écrit"


@pytest.fixture(scope="module")
def pki(tmp_path_factory):
    return make_pki(tmp_path_factory.mktemp("pki"))


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "c2i2e_jury", *args],
        cwd=REPO,
        env=dict(os.environ),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def integrity(db) -> str:
    with db.read() as s:
        return str(s.execute(text("PRAGMA integrity_check")).scalar())


def test_a_database_on_a_read_only_file_system_is_one_sentence(small_disk, pki, tmp_path):
    path = small_disk.path / "jury.sqlite"
    db = open_database(str(path))
    import_with_pki(db, tmp_path / "pkg", pki)
    db.dispose()
    small_disk.read_only()
    before = sorted(p.name for p in small_disk.path.iterdir())
    with pytest.raises(
        DatabaseError, match="La base de données est en lecture seule : .* monté en lecture seule"
    ):
        open_database(str(path))
    for args in (("summary", "--format", "csv"), ("sheet", "export", str(tmp_path / "out"))):
        done = cli("--db", str(path), *args)
        assert done.returncode == 1
        assert done.stderr.startswith("c2i2e-jury: La base de données est en lecture seule :"), done.stderr
        assert "internal error" not in done.stderr
    assert sorted(p.name for p in small_disk.path.iterdir()) == before


def test_opening_a_database_on_a_full_disk_says_the_disk_is_full(small_disk):
    small_disk.fill()
    with pytest.raises(DatabaseError, match=FULL):
        open_database(str(small_disk.path / "new.sqlite"))


def test_a_decision_on_a_full_disk_is_one_sentence_and_not_recorded(small_disk, pki, tmp_path):
    url = str(small_disk.path / "jury.sqlite")
    db = open_database(url)
    pk = import_with_pki(db, tmp_path / "pkg", pki)["C1"]
    jury_room.check_in(db, pk, Attendance.PRESENT)
    small_disk.fill()
    with pytest.raises(OperationalError) as failed:
        jury_room.decide(db, pk, "A1.1", Mark.VALIDATED)
    assert FULL in database_error_sentence(failed.value, db.url)
    small_disk.free()
    assert jury_room.candidate_file(db, pk).item("A1.1").decision is None
    assert integrity(db) == "ok"
    db.dispose()


def test_a_signature_on_a_full_disk_stores_no_sheet_and_leaves_the_oral_open(small_disk, pki, tmp_path):
    db = open_database(str(small_disk.path / "jury.sqlite"))
    pk = import_with_pki(db, tmp_path / "pkg", pki)["C1"]
    decide_all(db, pk)
    small_disk.fill()
    with pytest.raises(OperationalError) as failed:
        sign_and_lock(db, pk, *pki.jurors, now=SIGNING)
    assert FULL in database_error_sentence(failed.value, db.url)
    small_disk.free()
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(ResultSheet)) == 0
    with db.read() as s:
        assert s.scalar(select(Oral.locked).where(Oral.candidate_pk == pk)) is False
    sign_and_lock(db, pk, *pki.jurors, now=SIGNING)  # room again: the same signature goes through
    assert integrity(db) == "ok"
    db.dispose()


def test_a_sheet_export_to_a_full_key_is_one_sentence_and_leaves_no_partial_file(
    small_disk, database, pki, tmp_path
):
    pk = import_with_pki(database, tmp_path / "pkg", pki)["C1"]
    decide_all(database, pk)
    sign_and_lock(database, pk, *pki.jurors, now=SIGNING)
    small_disk.fill()
    key = small_disk.path / "export"
    with pytest.raises(SheetExportError, match="Impossible d'écrire dans .* : le disque est plein."):
        export_signed(database, key)
    assert (sorted(p.name for p in key.iterdir()) if key.exists() else []) == []


def test_an_import_on_a_full_disk_is_one_sentence_and_stores_nothing(small_disk, database, pki, tmp_path):
    package = package_with_pki(tmp_path / "pkg", pki)
    store = DossierStore(small_disk.path / "dossiers")
    small_disk.fill()
    with pytest.raises(Exception, match="le disque est plein") as refused:
        import_package(database, package, store)
    assert getattr(refused.value, "message", "")  # a UserError: one sentence
    assert list(store.root.iterdir()) == []
    with database.read() as s:
        assert s.scalar(select(func.count()).select_from(Campaign)) == 0
        assert s.scalar(select(func.count()).select_from(Decision)) == 0
