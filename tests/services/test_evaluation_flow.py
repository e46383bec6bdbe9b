"""Issue 17 end to end, with real keys, real PDFs and real SQLite files: an evaluator kit → marks typed and
signed on the evaluator's machine → imported at the secretariat (imported, duplicate, superseded, rejected with
its reason) → the marks in force are the signed ones, with their origin, in the room kit and in the jury room."""

from __future__ import annotations

import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from c2i2e_jury.exchange.marks_json import FORMAT
from c2i2e_jury.exchange.marks_signing import embedded_marks
from c2i2e_jury.exchange.package.reader import read_package
from c2i2e_jury.resources_access import referential
from c2i2e_jury.services.campaign_import import import_package
from c2i2e_jury.services.evaluation import candidates_to_evaluate, evaluator_name, marks_of, set_mark
from c2i2e_jury.services.evaluator_kits import export_evaluator_kits
from c2i2e_jury.services.jury_room import candidate_file
from c2i2e_jury.services.marks_export import MarksExportError, export_signed_marks
from c2i2e_jury.services.marks_import import import_marks, marks_origin
from c2i2e_jury.services.room_kits import RoomKitError
from c2i2e_jury.storage.database import open_database
from c2i2e_jury.storage.dossier_store import DossierStore
from c2i2e_jury.storage.evaluation_models import MarksFile
from c2i2e_jury.storage.models import Candidate, EvaluatorMark
from tests.services.evaluation_factory import (
    CAMPAIGN,
    DURAND,
    MARTIN,
    SIGNED,
    evaluation_package,
    make_evaluation_pki,
)


@pytest.fixture(scope="module")
def epki(tmp_path_factory):
    return make_evaluation_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture
def secretariat(database, epki, tmp_path):
    store = DossierStore(tmp_path / "store-secretariat")
    import_package(database, evaluation_package(tmp_path / "package", epki), store)
    return database, store


@pytest.fixture
def evaluator_db(secretariat, tmp_path):
    """M. Martin's laptop: his kit imported into his own database and data folder."""
    db, store = secretariat
    kits = {k.evaluator: k for k in export_evaluator_kits(db, None, tmp_path / "kits", store)}
    laptop = open_database(f"sqlite:///{tmp_path / 'martin.sqlite'}")
    import_package(laptop, kits[MARTIN].folder, DossierStore(tmp_path / "store-martin"))
    yield laptop
    laptop.dispose()


def pk_of(db, candidate_id: str) -> int:
    with db.read() as session:
        return session.scalar(select(Candidate.pk).where(Candidate.candidate_id == candidate_id))


def mark_everything(db, candidate_id: str, not_validated: tuple[str, ...] = ("A3.2",)) -> None:
    pk = pk_of(db, candidate_id)
    for code in referential().codes:
        set_mark(
            db,
            pk,
            code,
            "NV" if code in not_validated else "V",
            f"Vu en partie {referential().item(code).part}",
        )


def test_the_evaluator_kit_holds_the_evaluators_candidates_dossiers_and_certificate(
    secretariat, epki, tmp_path
):
    db, store = secretariat
    kits = {k.evaluator: k for k in export_evaluator_kits(db, CAMPAIGN, tmp_path / "kits", store, zip=True)}
    assert sorted(kits) == [MARTIN, DURAND]
    martin = kits[MARTIN]
    assert (martin.candidate_ids, martin.dossiers) == (("C1", "C2"), 2)
    assert kits[DURAND].candidate_ids == ("C3",)
    package = read_package(martin.zip_path, referential())
    try:
        assert [c.candidate_id for c in package.candidates] == ["C1", "C2"]
        assert [(j.jury, j.name) for j in package.jurors if j.jury == "evaluator"] == [("evaluator", MARTIN)]
        assert package.jurors[0].certificate_pem and package.authority_pem
    finally:
        package.close()
    with pytest.raises(RoomKitError, match="rien n'a été écrit"):
        export_evaluator_kits(db, CAMPAIGN, tmp_path / "kits", store)


def test_marks_typed_are_on_disk_at_once_and_survive_a_new_connection(evaluator_db, tmp_path):
    assert evaluator_name(evaluator_db, CAMPAIGN) == MARTIN
    assert [c.candidate_id for c in candidates_to_evaluate(evaluator_db, CAMPAIGN)] == ["C2", "C1"]
    pk = pk_of(evaluator_db, "C1")
    set_mark(evaluator_db, pk, "B2.3", "NV", "La séance décrite ne mobilise pas les TICE.")
    again = open_database(f"sqlite:///{tmp_path / 'martin.sqlite'}")  # as after a crash: a new process
    try:
        assert marks_of(again, pk)["B2.3"] == ("NV", "La séance décrite ne mobilise pas les TICE.")
        assert marks_of(again, pk)["A1.1"] == (None, "")
    finally:
        again.dispose()


def test_kit_to_signed_marks_to_secretariat_to_jury_room(secretariat, evaluator_db, epki, tmp_path):
    db, store = secretariat
    mark_everything(evaluator_db, "C1")
    mark_everything(evaluator_db, "C2", ("A3.2", "B1.1"))
    files = export_signed_marks(
        evaluator_db, CAMPAIGN, ["C1", "C2"], epki.martin, tmp_path / "usb", now=SIGNED
    )
    assert [f.candidate_ids for f in files] == [("C1",), ("C2",)]
    assert embedded_marks(files[0].path.read_bytes())["format"] == FORMAT

    outcomes = import_marks(db, [tmp_path / "usb"])
    assert [(o.status, o.candidate_ids) for o in outcomes] == [("imported", ("C1",)), ("imported", ("C2",))]
    c2 = pk_of(db, "C2")
    with db.read() as session:
        marks = {
            m.item: m.mark
            for m in session.scalars(select(EvaluatorMark).where(EvaluatorMark.candidate_pk == c2))
        }
        origin = marks_origin(session, c2)
    assert marks["B1.1"] == "NV" and marks["A1.1"] == "V" and len(marks) == 28
    assert origin is not None and origin.evaluator == MARTIN and origin.signed_at == SIGNED
    assert origin.file_name == files[1].path.name

    room = candidate_file(db, c2, store)  # what the jury room shows beside each decision
    assert room.item("B1.1").evaluator.value == "NV"
    assert room.item("A1.1").evaluator_comment == "Vu en partie 3"


def test_a_batch_file_duplicates_and_older_files_are_told_apart(secretariat, evaluator_db, epki, tmp_path):
    db, _store = secretariat
    mark_everything(evaluator_db, "C1")
    mark_everything(evaluator_db, "C2")
    newer = export_signed_marks(
        evaluator_db, CAMPAIGN, ["C1", "C2"], epki.martin, tmp_path / "new", batch=True, now=SIGNED
    )
    set_mark(evaluator_db, pk_of(evaluator_db, "C1"), "A1.1", "NV", "")
    older = export_signed_marks(
        evaluator_db, CAMPAIGN, ["C1"], epki.martin, tmp_path / "old", now=SIGNED - timedelta(days=1)
    )
    archive = tmp_path / "usb.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.write(newer[0].path, newer[0].path.name)
    assert [o.status for o in import_marks(db, [archive])] == ["imported"]
    assert [o.status for o in import_marks(db, [newer[0].path])] == ["duplicate"]
    assert [o.status for o in import_marks(db, [older[0].path])] == ["superseded"]
    with db.read() as session:
        assert (
            session.scalar(
                select(EvaluatorMark.mark).where(
                    EvaluatorMark.candidate_pk == pk_of(db, "C1"), EvaluatorMark.item == "A1.1"
                )
            )
            == "V"
        )
        assert len(session.scalars(select(MarksFile)).all()) == 2  # the older one is kept, not in force


def test_marks_from_another_evaluator_or_a_juror_are_rejected_with_the_reason(secretariat, epki, tmp_path):
    db, store = secretariat
    # Mme Durand's laptop marks C1, whom M. Martin evaluates: her file is refused at the secretariat.
    laptop = open_database(f"sqlite:///{tmp_path / 'durand.sqlite'}")
    try:
        import_package(laptop, evaluation_package(tmp_path / "full", epki), DossierStore(tmp_path / "s2"))
        mark_everything(laptop, "C1")
        wrong = export_signed_marks(laptop, CAMPAIGN, ["C1"], epki.durand, tmp_path / "durand", now=SIGNED)
        with pytest.raises(MarksExportError, match="pas celui d'un évaluateur"):
            export_signed_marks(laptop, CAMPAIGN, ["C1"], epki.pki.jurors[0], tmp_path / "juror", now=SIGNED)
    finally:
        laptop.dispose()
    (outcome,) = import_marks(db, [wrong[0].path])
    assert (outcome.status, outcome.reason) == ("rejected", "not_assigned")
    assert "est évalué par M. Martin, pas par Mme Durand" in outcome.message
    tampered = tmp_path / "tampered.pdf"
    data = bytearray(wrong[0].path.read_bytes())
    data[len(data) // 3] ^= 0x01
    tampered.write_bytes(bytes(data))
    assert import_marks(db, [tampered])[0].status == "rejected"
    assert import_marks(db, [tmp_path / "nowhere.pdf"])[0].reason == "not_found"
    with db.read() as session:
        assert session.scalars(select(MarksFile)).all() == []
        assert session.scalars(select(EvaluatorMark)).all() == []


def test_a_typed_marks_csv_imported_again_does_not_overwrite_signed_marks(
    secretariat, evaluator_db, epki, tmp_path
):
    db, store = secretariat
    mark_everything(evaluator_db, "C1", ("B4.1",))
    files = export_signed_marks(evaluator_db, CAMPAIGN, ["C1"], epki.martin, tmp_path / "usb", now=SIGNED)
    import_marks(db, [files[0].path])
    typed = [f"C1;{code};V;" for code in referential().codes]
    package = evaluation_package(tmp_path / "package-2", epki, marks=typed)
    report = import_package(db, package, store)
    assert "C1 : notes signées de l'évaluateur conservées (marks.csv ignoré)" in report.changes
    with db.read() as session:
        assert (
            session.scalar(
                select(EvaluatorMark.mark).where(
                    EvaluatorMark.candidate_pk == pk_of(db, "C1"), EvaluatorMark.item == "B4.1"
                )
            )
            == "NV"
        )


def test_a_campaign_without_evaluators_has_no_evaluator_kit_and_keeps_marks_csv(database, tmp_path):
    from tests.exchange.package.factory import write_package

    store = DossierStore(tmp_path / "store")
    import_package(database, write_package(tmp_path / "old"), store)  # an old package: marks.csv only
    with database.read() as session:
        assert len(session.scalars(select(EvaluatorMark)).all()) == 56
    with pytest.raises(RoomKitError, match="ne désigne aucun évaluateur"):
        export_evaluator_kits(database, None, tmp_path / "kits", store)
    assert not Path(tmp_path / "kits").exists()


def test_the_room_kit_carries_the_signed_marks_and_the_jury_room_verifies_and_shows_their_origin(
    secretariat, evaluator_db, epki, tmp_path
):
    from c2i2e_jury.services.room_kits import export_room_kits

    db, store = secretariat
    mark_everything(evaluator_db, "C1", ("B3.1",))
    mark_everything(evaluator_db, "C2")
    batch = export_signed_marks(
        evaluator_db, CAMPAIGN, ["C1", "C2"], epki.martin, tmp_path / "usb", batch=True, now=SIGNED
    )
    import_marks(db, [batch[0].path])
    (kit,) = export_room_kits(db, CAMPAIGN, tmp_path / "rooms", store)
    assert [p.name for p in (kit.folder / "evaluations").iterdir()] == [
        f"{embedded_sha(batch[0].path)[:12]}-{batch[0].path.name}"
    ]
    room = open_database(f"sqlite:///{tmp_path / 'room.sqlite'}")
    try:
        report = import_package(room, kit.folder, DossierStore(tmp_path / "room-store"))
        assert any(line.startswith("notes signées : evaluations/") for line in report.changes), report.changes
        shown = candidate_file(room, pk_of(room, "C1"))
        assert (shown.marks_signed_by, shown.marks_signed_at) == (MARTIN, SIGNED)
        assert shown.item("B3.1").evaluator.value == "NV"
        assert candidate_file(room, pk_of(room, "C3")).marks_signed_at is None  # no signed marks: marks.csv
        assert import_package(room, kit.folder, DossierStore(tmp_path / "room-store")).status == "unchanged"
    finally:
        room.dispose()


def embedded_sha(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()
