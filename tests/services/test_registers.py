"""Reclamations (15 days) and oral date changes (three reasons, with proof)."""

from datetime import UTC, date, datetime

import pytest

from c2i2e_jury.domain.rules import Attendance
from c2i2e_jury.services import jury_room
from c2i2e_jury.services import registers as reg
from c2i2e_jury.services.registers import RegisterError
from c2i2e_jury.storage.models import Candidate

NOW = datetime(2017, 6, 30, 10, 0, tzinfo=UTC)


def now():
    return NOW


def test_reclamation_within_and_past_fifteen_days(database, imported):
    on_time = reg.record_reclamation(database, imported["C1"], problem_date=date(2017, 6, 12),
                                     received_date=date(2017, 6, 27), text="Item A3.2 : décision contestée.",
                                     by="Secrétariat", now=now)
    assert (on_time.days, on_time.in_time, on_time.delay_text) == (15, True, "dans le délai (15 jours)")
    late = reg.record_reclamation(database, imported["C2"], problem_date=date(2017, 6, 12),
                                  received_date=date(2017, 6, 30), text="Temps de parole écourté.",
                                  by="Secrétariat", now=now)
    assert (late.in_time, late.delay_text) == (False, "hors délai (18 jours)")
    same_day = reg.record_reclamation(database, imported["C2"], problem_date=date(2017, 6, 30),
                                      received_date=date(2017, 6, 30), text="Autre.", by="S", now=now)
    assert same_day.delay_text == "dans le délai (0 jour)"
    rows = reg.reclamations(database, "test-2017")
    assert [(r.candidate_id, r.status, r.recorded_at) for r in rows] == [
        ("C1", "pending", NOW), ("C2", "pending", NOW), ("C2", "pending", NOW)]
    assert rows[0].full_name == "LEFÈVRE Élodie"


def test_reclamation_answer_and_refusals(database, imported):
    with pytest.raises(RegisterError, match="écrite"):
        reg.record_reclamation(database, imported["C1"], problem_date=date(2017, 6, 12),
                               received_date=date(2017, 6, 13), text=" ", by="S")
    with pytest.raises(RegisterError, match="précède"):
        reg.record_reclamation(database, imported["C1"], problem_date=date(2017, 6, 12),
                               received_date=date(2017, 6, 11), text="x", by="S")
    row = reg.record_reclamation(database, imported["C1"], problem_date=date(2017, 6, 12),
                                 received_date=date(2017, 6, 13), text="Contestation.", by="S", now=now)
    answered = reg.answer_reclamation(database, row.pk, accepted=False, outcome="Décision du jury maintenue.",
                                      now=now)
    assert (answered.status, answered.outcome, answered.answered_at) == ("rejected", "Décision du jury maintenue.",
                                                                         NOW)


def test_date_change_for_one_of_the_three_reasons_moves_the_oral(database, imported):
    change = reg.request_date_change(database, imported["C1"], reason="hospitalisation",
                                     proof="Bulletin d'hospitalisation du CHU", proof_received=True,
                                     new_date=date(2017, 7, 3), new_time="14:00", requested_on=date(2017, 6, 9),
                                     by="Secrétariat", now=now)
    assert (change.status, change.old_date, change.old_time) == ("applied", date(2017, 6, 12), "08:30")
    assert change.reason_label == "hospitalisation" and change.applied_at == NOW
    with database.read() as s:
        candidate = s.get(Candidate, imported["C1"])
        assert (candidate.oral_date, candidate.oral_time) == (date(2017, 7, 3), "14:00")


def test_date_change_waits_for_its_proof(database, imported):
    change = reg.request_date_change(database, imported["C2"], reason="exam_convocation",
                                     proof="Convocation au CAPES, oral du 12 juin", proof_received=False,
                                     new_date=date(2017, 7, 4), new_time="09:15", requested_on=date(2017, 6, 5),
                                     by="Secrétariat", now=now)
    assert change.status == "awaiting_proof" and change.status_label == "en attente du justificatif"
    with database.read() as s:
        assert s.get(Candidate, imported["C2"]).oral_date == date(2017, 6, 12)
    confirmed = reg.confirm_proof(database, change.pk, now=now)
    assert confirmed.proof_received and confirmed.status == "applied"
    with database.read() as s:
        assert s.get(Candidate, imported["C2"]).oral_date == date(2017, 7, 4)
    assert [c.reason for c in reg.date_changes(database, "test-2017")] == ["exam_convocation"]


def test_other_reasons_are_refused_with_the_rule(database, imported):
    with pytest.raises(RegisterError) as refused:
        reg.request_date_change(database, imported["C1"], reason="vacances", proof="Billet d'avion",
                                proof_received=True, new_date=date(2017, 7, 3), new_time="14:00",
                                requested_on=date(2017, 6, 1), by="S")
    message = refused.value.message
    assert message.count(".") == 1 and "hospitalisation" in message and "décès d'un proche" in message
    assert "justificatif" in message
    assert reg.date_changes(database, "test-2017") == []


def test_no_date_change_for_a_non_admitted_or_heard_candidate(database, imported):
    kwargs = {"reason": "bereavement", "proof": "Acte de décès", "proof_received": True,
              "new_date": date(2017, 7, 3), "new_time": "14:00", "requested_on": date(2017, 6, 1), "by": "S"}
    with pytest.raises(RegisterError, match="pas admis"):
        reg.request_date_change(database, imported["C3"], **kwargs)
    jury_room.check_in(database, imported["C1"], Attendance.PRESENT)
    with pytest.raises(RegisterError, match="déjà eu lieu"):
        reg.request_date_change(database, imported["C1"], **kwargs)
    with pytest.raises(RegisterError, match="justificatif"):
        reg.request_date_change(database, imported["C2"], **{**kwargs, "proof": ""})
