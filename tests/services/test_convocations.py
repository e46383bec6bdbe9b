"""Convocations: one PDF letter per admitted candidate (the seed's rules of the oral quoted) and the mail-merge
CSV, only once the admission list is final, refused whole when an admitted candidate has no slot."""

import csv
from datetime import UTC, date, datetime

import pymupdf
import pytest

from c2i2e_jury.exchange.spreadsheet import TEXT_MARK
from c2i2e_jury.services import register_decisions as decide
from c2i2e_jury.services import registers as reg
from c2i2e_jury.services.campaign_import import import_package
from c2i2e_jury.services.convocations import MAIL_MERGE_NAME, ConvocationError, write_convocations
from c2i2e_jury.storage.dossier_store import DossierStore
from tests.exchange.package.factory import write_package

ROWS = [
    "C1;Lefèvre;Élodie;elodie@example.fr;c1.pdf;oui;non;2017-06-12;08:30;B112;J1;M. Martin;",
    'C2;Wałęsa;Łucja;=HYPERLINK("x");c2.pdf;oui;non;2017-06-12;14:00;B112;J1;M. Martin;33',
    "C3;Nguyen;Maëlle;maelle@example.fr;;non;non;2017-06-12;10:00;B112;J1;;",
    "C4;Chevalier;Loïc;loic@example.fr;c1.pdf;oui;oui;2017-06-13;08:30;B114;J2;;",
]
AFTER_CLOSING = datetime(2017, 5, 18, 9, 0, tzinfo=UTC)


def _import(database, tmp_path, rows=ROWS):
    import_package(database, write_package(tmp_path / "pkg", candidates=rows, marks=[]), DossierStore())


def _text(path) -> str:
    with pymupdf.open(path) as doc:
        return " ".join(page.get_text() for page in doc).replace("\u00a0", " ")


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_one_letter_per_admitted_candidate_with_the_seed_rules_and_a_mail_merge_csv(database, tmp_path):
    _import(database, tmp_path)
    report = write_convocations(database, "test-2017", tmp_path / "out", now=lambda: AFTER_CLOSING)
    assert sorted(p.name for p in report.letters) == [
        "convocation_C1_lefevre_elodie.pdf",
        "convocation_C2_walesa_lucja.pdf",
    ]
    assert report.not_admitted == (
        ("CHEVALIER Loïc (C4)", "abandon (dossier non redéposé après la demande de re-travail)"),
        ("NGUYEN Maëlle (C3)", "abandon (dossier non déposé)"),
    )
    letter = _flat(_text(tmp_path / "out" / "convocation_C1_lefevre_elodie.pdf"))
    for said in (
        "Élodie LEFÈVRE",
        "Candidat n° C1",
        "le lundi 12 juin 2017 à 8 h 30",
        "salle : B112",
        "jury de validation : J1",
        "entretien de 30 minutes",
        "présentation de 10 minutes",
        "discussion de 20 minutes",
        "format PDF (aucun autre format de fichier ne sera accepté)",
        "clé USB",
        "Toute absence à l'épreuve orale vaut abandon",
        "hospitalisation, décès d'un proche, convocation à un examen ou aux épreuves orales des concours",
    ):
        assert said in letter, said
    accommodated = _flat(_text(tmp_path / "out" / "convocation_C2_walesa_lucja.pdf"))
    assert "Łucja WAŁĘSA" in accommodated and "à 14 h ;" in accommodated
    assert (
        "entretien de 39 min 54 s" in accommodated
        and "présentation de 13 min 18 s" in accommodated
        and "tiers-temps de +33 %" in accommodated
    )
    data = (tmp_path / "out" / MAIL_MERGE_NAME).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").split("\r\n")
    assert lines[0].startswith("Identifiant;Nom;Prénom;Courriel;Date de l'oral;Date en toutes lettres;Heure")
    assert lines[1].split(";") == [
        "C1",
        "LEFÈVRE",
        "Élodie",
        "elodie@example.fr",
        f"{TEXT_MARK}12/06/2017",
        "lundi 12 juin 2017",
        f"{TEXT_MARK}08:30",
        "B112",
        "J1",
        "30",
        "",
        "convocation_C1_lefevre_elodie.pdf",
    ]
    assert next(csv.reader([lines[2]], delimiter=";"))[3] == '\'=HYPERLINK("x")'  # a formula stays text
    with pymupdf.open(tmp_path / "out" / "convocation_C1_lefevre_elodie.pdf") as doc:
        assert doc.metadata["title"] == "Convocation à l'épreuve orale du C2i2e"


def test_no_convocation_on_the_closing_day_itself(database, tmp_path):
    _import(database, tmp_path)
    closing_day = datetime(2017, 5, 17, 21, 0, tzinfo=UTC)
    with pytest.raises(ConvocationError, match=r"ouvert jusqu'au 17/05/2017 inclus"):
        write_convocations(database, "test-2017", tmp_path / "out", now=lambda: closing_day)
    assert not (tmp_path / "out").exists()


def test_an_admitted_candidate_without_a_slot_refuses_the_whole_batch(database, tmp_path):
    rows = [*ROWS[:1], "C5;Martin;Jeanne;j@example.fr;c2.pdf;oui;non;;;;J2;;"]
    _import(database, tmp_path, rows)
    with pytest.raises(ConvocationError, match="1 candidat") as refused:
        write_convocations(database, "test-2017", tmp_path / "out", now=lambda: AFTER_CLOSING)
    assert refused.value.details == ["MARTIN Jeanne (C5) : date, heure, salle de l'oral non fixée(s)"]
    assert not (tmp_path / "out").exists()


def test_a_date_changed_in_the_register_is_the_date_the_letter_gives(database, tmp_path):
    _import(database, tmp_path)
    now = datetime(2017, 6, 1, 9, 0, tzinfo=UTC)
    with database.read() as s:
        from sqlalchemy import select

        from c2i2e_jury.storage.models import Candidate

        pk = s.scalars(select(Candidate.pk).where(Candidate.candidate_id == "C1")).one()
    change = reg.request_date_change(
        database,
        pk,
        reason="bereavement",
        proof="Acte de décès",
        proof_received=False,
        new_date=date(2017, 7, 3),
        new_time="10:15",
        requested_on=date(2017, 5, 30),
        by="Secrétariat",
        now=lambda: now,
    )
    decide.confirm_proof(database, change.pk, by="Secrétariat", decided_on=date(2017, 6, 1), now=lambda: now)
    write_convocations(database, "test-2017", tmp_path / "out", now=lambda: now)
    assert "le lundi 3 juillet 2017 à 10 h 15" in _flat(
        _text(tmp_path / "out" / "convocation_C1_lefevre_elodie.pdf")
    )
