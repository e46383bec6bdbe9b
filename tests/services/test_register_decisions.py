"""The registers, whole: a reclamation answered once (decision, date, by whom) and printed as a letter; a date
change confirmed or refused once, and its decision printed as a letter too; the register listed with its 15-day deadlines, filtered, and exported whole."""

import csv
import io
from datetime import UTC, date, datetime

import pymupdf
import pytest

from c2i2e_jury.services import register_decisions as decide
from c2i2e_jury.services import registers as reg
from c2i2e_jury.services.register_letters import date_change_letter, reclamation_letter
from c2i2e_jury.services.register_view import export_register, matching, register_entries
from c2i2e_jury.services.registers import RegisterError
from c2i2e_jury.storage.models import Candidate
from tests.exchange.pdf import pdfa_checklist

NOW = datetime(2017, 6, 30, 10, 0, tzinfo=UTC)


def now():
    return NOW


def _reclamation(database, pk, problem, received, text="Item A3.2 : décision contestée."):
    return reg.record_reclamation(
        database, pk, problem_date=problem, received_date=received, text=text, by="Accueil", now=now
    )


def _change(database, pk, proof_received=False):
    return reg.request_date_change(
        database,
        pk,
        reason="exam_convocation",
        proof="Convocation au CAPES",
        proof_received=proof_received,
        new_date=date(2017, 7, 4),
        new_time="09:00",
        requested_on=date(2017, 6, 8),
        by="Accueil",
        now=now,
    )


def test_a_reclamation_is_answered_once_and_printed_as_a_letter(database, imported, tmp_path):
    row = _reclamation(database, imported["C1"], date(2017, 6, 12), date(2017, 6, 30))
    with pytest.raises(RegisterError, match="pas encore de réponse"):
        reclamation_letter(database, row.pk)
    answer = dict(
        accepted=True,
        outcome="Le jury se réunira de nouveau pour l'item A3.2.",
        by="Hélène Roux, responsable de la certification",
        decided_on=date(2017, 6, 30),
        now=now,
    )
    for bad, sentence in (
        ({"by": "  "}, "Indiquez qui prend la décision"),
        ({"outcome": ""}, "Indiquez la réponse"),
        ({"decided_on": date(2017, 7, 1)}, r"décision \(01/07/2017\) est dans le futur"),
        ({"decided_on": date(2017, 6, 29)}, r"précède sa réception \(30/06/2017\)"),
    ):
        with pytest.raises(RegisterError, match=sentence):
            decide.answer_reclamation(database, row.pk, **(answer | bad))
    assert reg.reclamations(database, "test-2017")[0].status == "pending"  # nothing changed by a refusal
    answered = decide.answer_reclamation(database, row.pk, **answer)
    assert (answered.status_label, answered.decided_on) == ("acceptée", date(2017, 6, 30))
    with pytest.raises(RegisterError, match="déjà reçu une réponse le 30/06/2017"):
        decide.answer_reclamation(database, row.pk, **(answer | {"accepted": False}))
    name, pdf = reclamation_letter(database, row.pk)
    assert name == f"reponse-reclamation_C1_lefevre-elodie_{row.pk}.pdf"
    with pymupdf.open(stream=pdf) as doc:
        text = " ".join(" ".join(page.get_text() for page in doc).replace("\u00a0", " ").split())
    for said in (
        "LEFÈVRE Élodie",
        "réponse à votre réclamation reçue le 30 juin 2017",
        "survenu le 12 juin 2017, a été reçue le 30 juin 2017, hors délai (18 jours)",
        "« Item A3.2 : décision contestée. »",
        "votre réclamation est acceptée",
        "Le jury se réunira de nouveau pour l'item A3.2.",
        "Hélène Roux, responsable de la certification",
        "Le 30 juin 2017",
    ):
        assert said in text, said


def test_a_date_change_is_confirmed_or_refused_once(database, imported):
    waiting = _change(database, imported["C1"])
    refused = decide.refuse_date_change(
        database,
        waiting.pk,
        reason="Justificatif non reçu avant l'oral.",
        by="Secrétariat",
        decided_on=date(2017, 6, 11),
        now=now,
    )
    assert (refused.status_label, refused.decision_note) == ("refusée", "Justificatif non reçu avant l'oral.")
    with database.read() as s:
        assert s.get(Candidate, imported["C1"]).oral_date == date(2017, 6, 12)  # not moved
    with pytest.raises(RegisterError, match="refusée le 11/06/2017"):
        decide.confirm_proof(database, waiting.pk, by="S", decided_on=date(2017, 6, 12), now=now)
    applied = _change(database, imported["C2"], proof_received=True)
    with pytest.raises(RegisterError, match="la date a déjà été modifiée"):
        decide.refuse_date_change(
            database, applied.pk, reason="x", by="S", decided_on=date(2017, 6, 12), now=now
        )
    with pytest.raises(RegisterError, match="pourquoi"):
        decide.refuse_date_change(database, applied.pk, reason=" ", by="S", decided_on=date(2017, 6, 12))


def test_the_register_lists_filters_and_exports_both_kinds_whole(database, imported):
    on_time = _reclamation(database, imported["C1"], date(2017, 6, 12), date(2017, 6, 27))
    _reclamation(database, imported["C2"], date(2017, 6, 12), date(2017, 6, 28), text="=1+1 retard")
    change = _change(database, imported["C2"])
    decide.answer_reclamation(
        database,
        on_time.pk,
        accepted=False,
        outcome="Maintenu.",
        by="H. Roux",
        decided_on=date(2017, 6, 29),
        now=now,
    )
    entries = register_entries(database, "test-2017")
    assert [(e.kind, e.candidate_id, e.arrived) for e in entries] == [
        ("date_change", "C2", date(2017, 6, 8)),
        ("reclamation", "C1", date(2017, 6, 27)),
        ("reclamation", "C2", date(2017, 6, 28)),
    ]
    first = entries[1]
    assert (first.deadline, first.delay, first.in_time) == (
        date(2017, 6, 27),
        "dans le délai (15 jours)",
        True,
    )
    assert entries[2].deadline == date(2017, 6, 27) and entries[2].delay == "hors délai (16 jours)"
    assert entries[0].slot == "12/06/2017 09:15 → 04/07/2017 09:00"
    assert [e.candidate_id for e in matching(entries, kind="reclamation", in_time=False)] == ["C2"]
    assert [e.kind for e in matching(entries, open_only=True)] == ["date_change", "reclamation"]
    assert [e.pk for e in matching(entries, open_only=False)] == [on_time.pk]
    rows = list(
        csv.reader(io.StringIO(export_register(database, "test-2017").decode("utf-8-sig")), delimiter=";")
    )
    assert rows[0][:8] == [
        "Registre",
        "N°",
        "Identifiant",
        "Candidat",
        "Reçue le",
        "Date du problème",
        "Échéance (15 jours)",
        "Délai",
    ]
    assert len(rows) == 4  # the whole register, whatever a screen filters
    assert rows[1][0] == "changement de date" and rows[1][10] == "en attente du justificatif"
    assert rows[2][4:8] == ["27/06/2017", "12/06/2017", "27/06/2017", "dans le délai (15 jours)"]
    assert rows[2][10:14] == ["rejetée", "Maintenu.", "29/06/2017", "H. Roux"]
    assert rows[3][8] == "'=1+1 retard"  # a formula stays text
    assert change.pk == entries[0].pk


def _letter_text(pdf: bytes) -> str:
    with pymupdf.open(stream=pdf) as doc:
        return " ".join(" ".join(page.get_text() for page in doc).replace("\u00a0", " ").split())


def test_a_date_change_decision_is_printed_as_a_pdfa_letter_confirmed_or_refused(database, imported):
    waiting = _change(database, imported["C1"])
    with pytest.raises(RegisterError, match="attend encore sa décision"):
        date_change_letter(database, waiting.pk)
    decide.refuse_date_change(
        database,
        waiting.pk,
        reason="Le justificatif n'est pas arrivé avant l'oral.",
        by="Hélène Roux, responsable de la certification",
        decided_on=date(2017, 6, 11),
        now=now,
    )
    confirmed = _change(database, imported["C2"])
    decide.confirm_proof(database, confirmed.pk, by="Accueil C2i2e", decided_on=date(2017, 6, 9), now=now)
    letters = {pk: date_change_letter(database, pk) for pk in (waiting.pk, confirmed.pk)}
    assert letters[waiting.pk][0] == f"decision-changement-date_C1_lefevre-elodie_{waiting.pk}.pdf"
    for _name, pdf in letters.values():
        assert pdfa_checklist.problems(pdf) == []
    refused = _letter_text(letters[waiting.pk][1])
    for said in (
        "LEFÈVRE Élodie",
        "Candidat n° C1",
        "Le 11 juin 2017",
        "votre demande de changement de date d'oral du 8 juin 2017",
        "prévue le lundi 12 juin 2017 à 08:30, soit déplacée le mardi 4 juillet 2017 à 09:00",
        "motif suivant : convocation à un examen ou aux épreuves orales d'un concours "
        "(justificatif : Convocation au CAPES)",
        "Votre demande est refusée : Le justificatif n'est pas arrivé avant l'oral.",
        "Votre épreuve orale reste fixée le lundi 12 juin 2017 à 08:30.",
        "Pour rappel, le cahier des charges ne permet de modifier la date de l'oral que pour une hospitalisation",
        "Hélène Roux, responsable de la certification",
    ):
        assert said in refused, said
    accepted = _letter_text(letters[confirmed.pk][1])
    for said in (
        "DUPONT François",
        "Le 9 juin 2017",
        "prévue le lundi 12 juin 2017 à 09:15, soit déplacée le mardi 4 juillet 2017 à 09:00",
        "Votre demande est acceptée : le justificatif a été reçu.",
        "Votre épreuve orale aura lieu le mardi 4 juillet 2017 à 09:00",
        "Accueil C2i2e",
    ):
        assert said in accepted, said
    assert "refusée" not in accepted and "acceptée" not in refused
