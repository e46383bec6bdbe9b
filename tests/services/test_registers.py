"""Reclamations (15 days) and oral date changes (three reasons, with proof)."""

import os
import time
from datetime import UTC, date, datetime

import pytest

from c2i2e_jury.domain.rules import Attendance
from c2i2e_jury.services import jury_room
from c2i2e_jury.services import register_decisions as decide
from c2i2e_jury.services import registers as reg
from c2i2e_jury.services.registers import RegisterError
from c2i2e_jury.storage.models import Candidate

NOW = datetime(2017, 6, 30, 10, 0, tzinfo=UTC)


def now():
    return NOW


def test_reclamation_within_and_past_fifteen_days(database, imported):
    on_time = reg.record_reclamation(
        database,
        imported["C1"],
        problem_date=date(2017, 6, 12),
        received_date=date(2017, 6, 27),
        text="Item A3.2 : décision contestée.",
        by="Secrétariat",
        now=now,
    )
    assert (on_time.days, on_time.in_time, on_time.delay_text) == (15, True, "dans le délai (15 jours)")
    late = reg.record_reclamation(
        database,
        imported["C2"],
        problem_date=date(2017, 6, 12),
        received_date=date(2017, 6, 30),
        text="Temps de parole écourté.",
        by="Secrétariat",
        now=now,
    )
    assert (late.in_time, late.delay_text) == (False, "hors délai (18 jours)")
    same_day = reg.record_reclamation(
        database,
        imported["C2"],
        problem_date=date(2017, 6, 30),
        received_date=date(2017, 6, 30),
        text="Autre.",
        by="S",
        now=now,
    )
    assert same_day.delay_text == "dans le délai (0 jour)"
    rows = reg.reclamations(database, "test-2017")
    assert [(r.candidate_id, r.status, r.recorded_at) for r in rows] == [
        ("C1", "pending", NOW),
        ("C2", "pending", NOW),
        ("C2", "pending", NOW),
    ]
    assert rows[0].full_name == "LEFÈVRE Élodie"


def test_reclamation_answer_and_refusals(database, imported):
    with pytest.raises(RegisterError, match="écrite"):
        reg.record_reclamation(
            database,
            imported["C1"],
            problem_date=date(2017, 6, 12),
            received_date=date(2017, 6, 13),
            text=" ",
            by="S",
        )
    with pytest.raises(RegisterError, match="précède"):
        reg.record_reclamation(
            database,
            imported["C1"],
            problem_date=date(2017, 6, 12),
            received_date=date(2017, 6, 11),
            text="x",
            by="S",
        )
    row = reg.record_reclamation(
        database,
        imported["C1"],
        problem_date=date(2017, 6, 12),
        received_date=date(2017, 6, 13),
        text="Contestation.",
        by="S",
        now=now,
    )
    answered = decide.answer_reclamation(
        database,
        row.pk,
        accepted=False,
        outcome="Décision du jury maintenue.",
        by="Mme Roux, responsable C2i2e",
        decided_on=date(2017, 6, 20),
        now=now,
    )
    assert (answered.status, answered.outcome, answered.answered_at) == (
        "rejected",
        "Décision du jury maintenue.",
        NOW,
    )
    assert (answered.answered_by, answered.decided_on) == ("Mme Roux, responsable C2i2e", date(2017, 6, 20))


def test_date_change_for_one_of_the_three_reasons_moves_the_oral(database, imported):
    change = reg.request_date_change(
        database,
        imported["C1"],
        reason="hospitalisation",
        proof="Bulletin d'hospitalisation du CHU",
        proof_received=True,
        new_date=date(2017, 7, 3),
        new_time="14:00",
        requested_on=date(2017, 6, 9),
        by="Secrétariat",
        now=now,
    )
    assert (change.status, change.old_date, change.old_time) == ("applied", date(2017, 6, 12), "08:30")
    assert change.reason_label == "hospitalisation" and change.applied_at == NOW
    with database.read() as s:
        candidate = s.get(Candidate, imported["C1"])
        assert (candidate.oral_date, candidate.oral_time) == (date(2017, 7, 3), "14:00")


def test_date_change_waits_for_its_proof(database, imported):
    change = reg.request_date_change(
        database,
        imported["C2"],
        reason="exam_convocation",
        proof="Convocation au CAPES, oral du 12 juin",
        proof_received=False,
        new_date=date(2017, 7, 4),
        new_time="09:15",
        requested_on=date(2017, 6, 5),
        by="Secrétariat",
        now=now,
    )
    assert change.status == "awaiting_proof" and change.status_label == "en attente du justificatif"
    with database.read() as s:
        assert s.get(Candidate, imported["C2"]).oral_date == date(2017, 6, 12)
    confirmed = decide.confirm_proof(
        database, change.pk, by="Secrétariat", decided_on=date(2017, 6, 30), now=now
    )
    assert confirmed.proof_received and confirmed.status == "applied"
    with database.read() as s:
        assert s.get(Candidate, imported["C2"]).oral_date == date(2017, 7, 4)
    assert [c.reason for c in reg.date_changes(database, "test-2017")] == ["exam_convocation"]


def test_other_reasons_are_refused_with_the_rule(database, imported):
    with pytest.raises(RegisterError) as refused:
        reg.request_date_change(
            database,
            imported["C1"],
            reason="vacances",
            proof="Billet d'avion",
            proof_received=True,
            new_date=date(2017, 7, 3),
            new_time="14:00",
            requested_on=date(2017, 6, 1),
            by="S",
        )
    message = refused.value.message
    assert message.count(".") == 1 and "hospitalisation" in message and "décès d'un proche" in message
    assert "justificatif" in message
    assert reg.date_changes(database, "test-2017") == []


def test_no_date_change_for_a_non_admitted_or_heard_candidate(database, imported):
    kwargs = {
        "reason": "bereavement",
        "proof": "Acte de décès",
        "proof_received": True,
        "new_date": date(2017, 7, 3),
        "new_time": "14:00",
        "requested_on": date(2017, 6, 1),
        "by": "S",
    }
    with pytest.raises(RegisterError, match="pas admis"):
        reg.request_date_change(database, imported["C3"], **kwargs)
    jury_room.check_in(database, imported["C1"], Attendance.PRESENT)
    with pytest.raises(RegisterError, match="déjà eu lieu"):
        reg.request_date_change(database, imported["C1"], **kwargs)
    with pytest.raises(RegisterError, match="justificatif"):
        reg.request_date_change(database, imported["C2"], **{**kwargs, "proof": ""})


@pytest.mark.parametrize(
    ("new_date", "new_time", "refusal"),
    [
        (
            date(2017, 7, 3),
            "99:99 demain",
            "Heure « 99:99 demain » invalide : saisissez-la sous la forme HH:MM",
        ),
        (date(2017, 7, 3), " ", "Saisissez la nouvelle heure de l'oral sous la forme HH:MM (ex. 14:30)."),
        (date(2017, 6, 1), "14:00", "La nouvelle date (01/06/2017) précède la demande (09/06/2017)"),
        (date(1, 1, 1), "14:00", "La nouvelle date (01/01/0001) précède la demande"),
        (
            date(2019, 1, 2),
            "14:00",
            "La nouvelle date (02/01/2019) est trop loin de l'année de la campagne (2017)",
        ),
    ],
)
def test_a_date_change_needs_a_real_time_and_a_date_after_the_request(
    database, imported, new_date, new_time, refusal
):
    with pytest.raises(RegisterError) as refused:
        reg.request_date_change(
            database,
            imported["C1"],
            reason="hospitalisation",
            proof="Bulletin",
            proof_received=True,
            new_date=new_date,
            new_time=new_time,
            requested_on=date(2017, 6, 9),
            by="S",
            now=now,
        )
    assert refused.value.message.startswith(refusal) and refused.value.message.count(" : ") <= 1
    assert reg.date_changes(database, "test-2017") == []
    with database.read() as s:
        assert (s.get(Candidate, imported["C1"]).oral_date, s.get(Candidate, imported["C1"]).oral_time) == (
            date(2017, 6, 12),
            "08:30",
        )


def test_a_date_change_time_is_stored_as_hh_mm(database, imported):
    change = reg.request_date_change(
        database,
        imported["C1"],
        reason="hospitalisation",
        proof="Bulletin",
        proof_received=True,
        new_date=date(2018, 1, 8),
        new_time=" 9h05 ",
        requested_on=date(2017, 6, 9),
        by="S",
        now=now,
    )
    assert change.new_time == "09:05"


@pytest.mark.parametrize(
    ("problem", "received", "refusal"),
    [
        (
            date(1, 1, 1),
            date(2017, 6, 13),
            "La date du problème (01/01/0001) précède l'année de la campagne (2017)",
        ),
        (date(2017, 6, 12), date(2999, 1, 1), "La date de réception (01/01/2999) est dans le futur"),
        (date(2017, 7, 1), date(2017, 7, 1), "La date du problème (01/07/2017) est dans le futur"),
    ],
)
def test_a_reclamation_is_dated_within_the_campaign_and_not_in_the_future(
    database, imported, problem, received, refusal
):
    with pytest.raises(RegisterError) as refused:
        reg.record_reclamation(
            database,
            imported["C1"],
            problem_date=problem,
            received_date=received,
            text="Contestation.",
            by="S",
            now=now,
        )
    assert refused.value.message.startswith(refusal)
    assert reg.reclamations(database, "test-2017") == []


@pytest.fixture
def in_paris():
    """The machine's local time is the bureau's (Europe/Paris), whatever the test machine's is."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Europe/Paris"
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


def test_today_is_the_offices_day_not_the_utc_one_just_after_midnight(database, imported, in_paris):
    """At 00:30 on 1 July in Paris (22:30 UTC on 30 June) a reclamation received that morning is dated today, and
    answered today; 2 July is still the future. Every register check reads the same local day."""
    half_past_midnight = datetime(2017, 6, 30, 22, 30, tzinfo=UTC)

    def paris_now():
        return half_past_midnight

    def record(received):
        return reg.record_reclamation(
            database,
            imported["C1"],
            problem_date=date(2017, 6, 20),
            received_date=received,
            text="Contestation.",
            by="S",
            now=paris_now,
        )

    with pytest.raises(RegisterError, match=r"réception \(02/07/2017\) est dans le futur"):
        record(date(2017, 7, 2))
    row = record(date(2017, 7, 1))
    assert row.received_date == date(2017, 7, 1)
    answered = decide.answer_reclamation(
        database,
        row.pk,
        accepted=False,
        outcome="Maintenu.",
        by="S",
        decided_on=date(2017, 7, 1),
        now=paris_now,
    )
    assert answered.decided_on == date(2017, 7, 1)
    assert [r.pk for r in reg.reclamations(database, "test-2017")] == [row.pk]
