"""A campaign package imported again never undoes what the program recorded (issue 17's closing note): a rework
request the evaluator made, a redeposit the secretariat made, the evaluator's signed marks. The package may add
facts (a new e-mail address is taken); one that contradicts a recorded fact keeps the recorded one, and the import
report says so in one sentence. End to end: a real kit, signed marks files, a real zipped package, a real
database (SQLite and PostgreSQL)."""

from __future__ import annotations

import shutil
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from c2i2e_jury.services.admission import ReworkState, progress
from c2i2e_jury.services.campaign_import import import_package
from c2i2e_jury.services.evaluation import request_rework
from c2i2e_jury.services.evaluator_kits import export_evaluator_kits
from c2i2e_jury.services.marks_export import export_signed_marks
from c2i2e_jury.services.marks_import import import_marks
from c2i2e_jury.services.rework import redeposit, rework_state
from c2i2e_jury.storage.database import open_database
from c2i2e_jury.storage.dossier_store import DossierStore
from c2i2e_jury.storage.evaluation_models import SignedMarks
from c2i2e_jury.storage.models import Candidate, EvaluatorMark
from tests.dossier.factory import DossierSpec, build_dossier
from tests.services.evaluation_factory import (
    CAMPAIGN,
    CANDIDATES,
    MARTIN,
    SIGNED,
    evaluation_package,
    make_evaluation_pki,
)
from tests.services.test_evaluation_flow import mark_everything, pk_of

ASKED = datetime(2017, 5, 18, 9, 30, tzinfo=UTC)
REDEPOSITED = datetime(2017, 5, 21, 14, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def epki(tmp_path_factory):
    return make_evaluation_pki(tmp_path_factory.mktemp("pki"))


def _zipped(folder: Path, archive: Path) -> Path:
    with zipfile.ZipFile(archive, "w") as z:
        for file in folder.rglob("*"):
            if file.is_file():
                z.write(file, "campagne-2017/" + file.relative_to(folder).as_posix())
    return archive


def _asked_and_signed_on_the_laptop(db, store, epki, tmp_path: Path) -> None:
    """M. Martin marks C1 and C2 and asks both to rework their dossier (the package's PDFs fail the format
    report), signs; the secretariat imports the signed marks, which records both requests."""
    kit = {k.evaluator: k for k in export_evaluator_kits(db, None, tmp_path / "kits", store)}[MARTIN]
    laptop = open_database(f"sqlite:///{tmp_path / 'martin.sqlite'}")
    laptop_store = DossierStore(tmp_path / "store-martin")
    try:
        import_package(laptop, kit.folder, laptop_store)
        for cid in ("C1", "C2"):
            mark_everything(laptop, cid, ("B4.1",))
            request_rework(laptop, pk_of(laptop, cid), ["Numérotez les pages."], MARTIN, ASKED, laptop_store)
        files = export_signed_marks(laptop, CAMPAIGN, ["C1", "C2"], epki.martin, tmp_path / "usb", now=SIGNED)
    finally:
        laptop.dispose()
    assert [o.status for o in import_marks(db, [f.path for f in files])] == ["imported", "imported"]


def _with_rows(folder: Path, rows: list[str], tmp_path: Path) -> Path:
    """``folder``'s package with these candidates and the first package's dossiers (the platform's files,
    unchanged: the factory's PDFs differ at each build)."""
    for first in (tmp_path / "package" / "dossiers").iterdir():
        shutil.copyfile(first, folder / "dossiers" / first.name)
    sheet = folder / "candidates.csv"
    header = sheet.read_text(encoding="utf-8-sig").splitlines()[0]
    sheet.write_bytes(("\r\n".join([header, *rows]) + "\r\n").encode("utf-8-sig"))
    return folder


def _contradicting_package(tmp_path: Path, epki) -> Path:
    """The platform's export of a week later: C1 with no rework flag, C2 still flagged with its first dossier
    (both contradict the program), a typed marks.csv, and one fact of its own: C3's new e-mail address."""
    rows = [row.replace("maelle@example.fr", "maelle.nguyen@example.fr") for row in CANDIDATES]
    rows[1] = rows[1].replace(";oui;non;", ";oui;oui;")
    folder = evaluation_package(tmp_path / "package-v2", epki, marks=[f"{c};B4.1;V;" for c in ("C1", "C2")])
    return _zipped(_with_rows(folder, rows, tmp_path), tmp_path / "campagne-v2.zip")


def test_a_package_imported_again_keeps_the_requests_redeposits_and_signed_marks(database, epki, tmp_path):
    store = DossierStore(tmp_path / "store")
    import_package(database, evaluation_package(tmp_path / "package", epki), store)
    _asked_and_signed_on_the_laptop(database, store, epki, tmp_path)
    reworked = tmp_path / "c2-v2.pdf"
    build_dossier(reworked, DossierSpec(last_name="Dupont", first_name="François"))
    done = redeposit(database, CAMPAIGN, "C2", reworked, store, now=REDEPOSITED)
    before = rework_state(database, CAMPAIGN)

    report = import_package(database, _contradicting_package(tmp_path, epki), store)

    assert report.status == "updated"
    assert (
        "C1 : demande de re-travail du 18/05/2017, enregistré dans le programme, conservé "
        "(le paquet indiquait : rework_pending = non)"
    ) in report.changes
    assert (
        "C2 : dossier redéposé le 21/05/2017 après re-travail, enregistré dans le programme, conservé "
        "(le paquet indiquait : rework_pending = oui, le dossier d'avant le re-travail)"
    ) in report.changes
    assert (
        "C3 : email 'maelle@example.fr' → 'maelle.nguyen@example.fr'" in report.changes
    )  # a new fact: taken
    assert not any("rework_pending" in c and c.startswith("C3") for c in report.changes)
    assert rework_state(database, CAMPAIGN) == before
    with database.read() as session:
        candidates = {c.candidate_id: c for c in session.scalars(select(Candidate))}
        assert (candidates["C1"].rework_pending, candidates["C1"].deposited) == (True, True)
        assert (candidates["C2"].rework_pending, candidates["C2"].dossier.sha256) == (False, done.sha256)
        assert candidates["C3"].email == "maelle.nguyen@example.fr"
        signed = session.scalars(select(SignedMarks).where(SignedMarks.in_force.is_(True))).all()
        assert len(signed) == 2
        b41 = select(EvaluatorMark.mark).where(EvaluatorMark.item == "B4.1")
        assert set(session.scalars(b41)) == {"NV"}  # the signed marks, not the typed « V »
    stages = {p.candidate_id: p.rework for p in progress(database, CAMPAIGN)}
    assert (stages["C1"], stages["C2"]) == (ReworkState.PENDING, ReworkState.REDEPOSITED)


def test_a_package_that_agrees_with_the_recorded_facts_says_nothing_about_them(database, epki, tmp_path):
    store = DossierStore(tmp_path / "store")
    import_package(database, evaluation_package(tmp_path / "package", epki), store)
    request_rework(database, pk_of(database, "C1"), ["Numérotez les pages."], MARTIN, ASKED, store)
    rows = [row.replace(";oui;non;", ";oui;oui;", 1) if row.startswith("C1;") else row for row in CANDIDATES]
    rows = [row.replace("maelle@example.fr", "m@example.fr") for row in rows]
    folder = _with_rows(evaluation_package(tmp_path / "v2", epki), rows, tmp_path)
    report = import_package(database, _zipped(folder, tmp_path / "v2.zip"), store)
    assert report.status == "updated"
    assert not [c for c in report.changes if "conservé" in c], report.changes
    assert rework_state(database, CAMPAIGN)["C1"].pending
    assert rework_state(database, CAMPAIGN)["C1"].requested_at == ASKED
