from datetime import UTC, datetime, timedelta

import pytest

from c2i2e_jury.domain.rules import Attendance, Mark, Status
from c2i2e_jury.services import jury_room as jr

V, NV = Mark.VALIDATED, Mark.NOT_VALIDATED


class Clock:
    def __init__(self):
        self.t = datetime(2017, 6, 12, 8, 30, tzinfo=UTC)

    def __call__(self):
        self.t += timedelta(seconds=1)
        return self.t


def test_day_lists_candidates_in_order_with_their_state(database, imported):
    entries = jr.day_entries(database, "test-2017")
    assert [(e.candidate_id, e.oral_time, e.state) for e in entries] == [
        ("C1", "08:30", "upcoming"),
        ("C2", "09:15", "upcoming"),
        ("C3", "10:00", "not_admitted"),
    ]
    jr.check_in(database, imported["C1"], Attendance.PRESENT)
    jr.check_in(database, imported["C2"], Attendance.ABSENT)
    assert [e.state for e in jr.day_entries(database, "test-2017", room="B112")] == [
        "present",
        "absent",
        "not_admitted",
    ]


def test_a_non_admitted_candidate_cannot_be_examined(database, imported):
    file = jr.candidate_file(database, imported["C3"])
    assert file.not_admitted_reason == "dossier non déposé"
    with pytest.raises(jr.JuryRoomError, match="n'est pas admis"):
        jr.check_in(database, imported["C3"], Attendance.PRESENT)


def test_absence_is_recorded_with_its_time_and_validates_nothing(database, imported):
    clock = Clock()
    file = jr.check_in(database, imported["C2"], Attendance.ABSENT, now=clock)
    assert file.attendance is Attendance.ABSENT
    assert file.checked_in_at == clock.t
    assert file.outcome.status is Status.ABSENT and file.outcome.validated_count == 0


def test_deciding_needs_check_in_and_justifies_reversals(database, imported):
    pk = imported["C1"]
    with pytest.raises(jr.JuryRoomError, match="présence"):
        jr.decide(database, pk, "A1.1", V)
    jr.check_in(database, pk, Attendance.PRESENT)
    file = jr.decide(database, pk, "A1.1", V)
    assert file.item("A1.1").decision is V
    # The evaluator marked A3.2 NV: validating it needs a justification.
    with pytest.raises(jr.JuryRoomError, match="justification est obligatoire"):
        jr.decide(database, pk, "A3.2", V)
    with pytest.raises(jr.JuryRoomError, match="justification est obligatoire"):
        jr.decide(database, pk, "A3.2", V, justification="   ")
    file = jr.decide(database, pk, "A3.2", V, justification="Exemple précis donné à l'oral.")
    assert file.item("A3.2").justification == "Exemple précis donné à l'oral."


def test_a_justification_goes_with_the_decision_it_explains(database, imported):
    pk = imported["C1"]
    jr.check_in(database, pk, Attendance.PRESENT)
    # The evaluator marked A3.2 NV. A V needs a justification; cleared, the item keeps none of it.
    jr.decide(database, pk, "A3.2", V, justification="Exemple précis donné à l'oral.")
    file = jr.decide(database, pk, "A3.2", None)
    assert file.item("A3.2").justification == ""
    file = jr.decide(database, pk, "A3.2", NV)  # now the evaluator's: none needed, none inherited
    assert file.item("A3.2").justification == ""
    assert [c.justification for c in jr.history(database, pk, "A3.2")] == [
        "Exemple précis donné à l'oral.",
        "",
        "",
    ]
    # Written before the decision it explains, it is kept by that decision.
    jr.decide(database, pk, "A3.2", None)
    jr.decide(database, pk, "A3.2", None, justification="Compétence démontrée en séance.")
    file = jr.decide(database, pk, "A3.2", V)
    assert file.item("A3.2").decision is V
    assert file.item("A3.2").justification == "Compétence démontrée en séance."


def test_prior_items_are_locked(database, imported):
    pk = imported["C1"]
    jr.check_in(database, pk, Attendance.PRESENT)
    file = jr.candidate_file(database, pk)
    assert file.item("B4.3").acquired
    with pytest.raises(jr.JuryRoomError, match="validation antérieure"):
        jr.decide(database, pk, "B4.3", NV, justification="x")


def test_a_whole_oral_gives_the_outcome_and_the_history(database, imported):
    pk, clock = imported["C1"], Clock()
    jr.check_in(database, pk, Attendance.PRESENT, now=clock)
    for item in jr.referential():
        if item.code == "B4.3":
            continue
        decision = NV if item.code in ("A1.1", "A1.2") else V
        jr.decide(database, pk, item.code, decision, justification="Constaté à l'oral", now=clock)
    file = jr.decide(database, pk, "A1.2", V, justification="Revu avec le jury", now=clock)
    assert file.outcome.status is Status.EXAMINED
    assert file.outcome.validated_count == 27
    assert file.outcome.certificate
    changes = jr.history(database, pk, "A1.2")
    assert [(c.old, c.new) for c in changes] == [(None, "NV"), ("NV", "V")]
    assert changes[1].justification == "Revu avec le jury"
    assert changes[0].at < changes[1].at


def test_an_unchanged_decision_writes_no_history(database, imported):
    pk = imported["C1"]
    jr.check_in(database, pk, Attendance.PRESENT)
    jr.decide(database, pk, "A1.1", V)
    jr.decide(database, pk, "A1.1", V)
    assert len(jr.history(database, pk, "A1.1")) == 1


def test_incidents_and_view_state_are_kept(database, imported):
    pk, clock = imported["C1"], Clock()
    jr.check_in(database, pk, Attendance.PRESENT)
    jr.add_incident(database, pk, "late_arrival", "Arrivé à 8 h 40", now=clock)
    with pytest.raises(jr.JuryRoomError, match="inconnu"):
        jr.add_incident(database, pk, "earthquake", "")
    jr.save_view_state(database, pk, {"page": 7, "zoom": "fit_width", "item": "B2.3"})
    file = jr.candidate_file(database, pk)
    assert [(i.kind, i.note) for i in file.incidents] == [("late_arrival", "Arrivé à 8 h 40")]
    assert file.view_state == {"page": 7, "zoom": "fit_width", "item": "B2.3"}
    assert jr.last_candidate(database) == pk


def test_dossier_check_knows_a_candidate_by_id(database, imported, db_url, tmp_path, capsys):
    from c2i2e_jury.cli import main
    from c2i2e_jury.dossier.expected import CandidateNotFoundError
    from c2i2e_jury.services.dossiers import expected_for_candidate

    expected = expected_for_candidate(db_url, "C1")
    assert (expected.last_name, expected.first_name, expected.year) == ("Lefèvre", "Élodie", 2017)
    with pytest.raises(CandidateNotFoundError):
        expected_for_candidate(db_url, "C404")
    # The small test dossiers bear no names: with --candidate the check says so (exit 1, not conform).
    dossier = tmp_path / "pkg" / "dossiers" / "c1.pdf"
    assert main(["--db", db_url, "dossier", "check", str(dossier), "--candidate", "C1", "--json"]) == 1
    capsys.readouterr()
    assert main(["--db", db_url, "dossier", "check", str(dossier), "--candidate", "C404"]) == 1
    captured = capsys.readouterr()
    assert "C404" in captured.err and "Traceback" not in captured.err and captured.out == ""
