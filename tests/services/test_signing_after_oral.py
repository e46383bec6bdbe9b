"""A sheet is signed once the oral is over (issue 11 §5): never before it starts, nor during the presentation or
the discussion; an absent or not admitted candidate needs no oral, and an abandonment's running timer is stopped
by the signature. Real database (SQLite and PostgreSQL), real credentials, real timer events."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from c2i2e_jury.domain.rules import Attendance
from c2i2e_jury.domain.timer_values import State
from c2i2e_jury.services import jury_room
from c2i2e_jury.services.jury_room import JuryRoomError
from c2i2e_jury.services.oral_timer import build_timer, load_events
from c2i2e_jury.services.paper_sheet import create_paper_sheet
from c2i2e_jury.services.sheet_signing import check_signable, latest_sheet, sign_and_lock
from c2i2e_jury.storage.models import DecisionChange
from tests.services.sheet_factory import SIGNING, decide_all, import_with_pki, make_pki, run_timer

END_ORAL = "terminez l'oral (F8, « Terminer l'oral ») avant de signer la feuille."


@pytest.fixture(scope="module")
def pki(tmp_path_factory):
    return make_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture
def room(database, tmp_path, pki):
    return import_with_pki(database, tmp_path / "pkg", pki)


def refused(db, pk, pki, sentence):
    """Signing is refused with ``sentence`` and nothing is written: no sheet, no lock, no timer event."""
    events_before = len(load_events(db, pk)[0])
    with pytest.raises(JuryRoomError) as caught:
        sign_and_lock(db, pk, *pki.jurors, now=SIGNING)
    assert caught.value.message == sentence
    with pytest.raises(JuryRoomError):
        check_signable(db, pk)  # what the jury room's « Signer » asks first
    assert latest_sheet(db, pk) is None
    assert not jury_room.candidate_file(db, pk).locked
    assert len(load_events(db, pk)[0]) == events_before


@pytest.mark.parametrize(
    ("steps", "sentence"),
    [
        ((), "Signature impossible avant le début de l'oral : démarrez-le (F5), puis " + END_ORAL),
        (("start",), "Signature impossible pendant la présentation : " + END_ORAL),
        (
            ("start", "pause"),
            "Signature impossible pendant la présentation (chronomètre en pause) : " + END_ORAL,
        ),
        (("start", "discussion"), "Signature impossible pendant la discussion : " + END_ORAL),
        (
            ("start", "discussion", "pause"),
            "Signature impossible pendant la discussion (chronomètre en pause) : " + END_ORAL,
        ),
    ],
)
def test_every_item_decided_is_not_enough_while_the_oral_is_not_over(database, room, pki, steps, sentence):
    pk = room["C1"]
    decide_all(database, pk, oral=steps)
    refused(database, pk, pki, sentence)


def test_once_the_oral_has_ended_the_sheet_is_signed_with_its_timing(database, room, pki):
    pk = room["C1"]
    decide_all(database, pk)  # start, discussion, end (F8)
    stored = sign_and_lock(database, pk, *pki.jurors, now=SIGNING)
    kinds = [entry["kind"] for entry in stored.result["oral"]["timing_log"]]
    assert kinds == ["phase_started", "phase_ended", "phase_started", "phase_ended", "finished"]
    assert [e.kind.value for e in load_events(database, pk)[0]] == ["start", "discussion_started", "end"]


def test_an_abandonment_signed_while_the_timer_runs_stops_the_timer(database, room, pki):
    pk = room["C2"]
    jury_room.check_in(database, pk, Attendance.PRESENT)
    run_timer(database, pk, start=SIGNING - timedelta(minutes=20), steps=("start",))
    jury_room.check_in(database, pk, Attendance.ABSENT)  # the candidate leaves during the presentation
    stored = sign_and_lock(database, pk, *pki.jurors, now=SIGNING)
    assert stored.result["status"] == "absent"
    assert stored.result["oral"]["timing_log"][-1]["kind"] == "finished"
    events, _ = load_events(database, pk)
    assert [e.kind.value for e in events] == ["start", "end"]
    assert events[-1].at == SIGNING
    assert build_timer(database, jury_room.candidate_file(database, pk)).state is State.FINISHED


def test_absent_and_not_admitted_candidates_need_no_oral(database, room, pki):
    jury_room.check_in(database, room["C2"], Attendance.ABSENT)
    assert sign_and_lock(database, room["C2"], *pki.jurors, now=SIGNING).result["oral"]["timing_log"] == []
    assert sign_and_lock(database, room["C3"], *pki.jurors, now=SIGNING).result["status"] == "not_admitted"
    assert load_events(database, room["C2"])[0] == [] and load_events(database, room["C3"])[0] == []


def _paper_decisions(referential) -> bytes:
    lines = ["item;decision;comment"] + [
        f"{code};{'NV' if code in ('A3.2', 'B2.5') else 'V'};"
        + ("Pas de production d'élève." if code == "B2.5" else "")
        for code in referential.codes
        if code != "B4.3"
    ]
    return "\r\n".join(lines).encode("utf-8")


def test_a_paper_sheet_needs_no_timer_but_not_one_still_running(database, room, pki, referential):
    pk = room["C1"]
    jury_room.check_in(database, pk, Attendance.PRESENT)
    run_timer(database, pk, start=SIGNING - timedelta(minutes=30), steps=("start", "discussion"))
    with pytest.raises(JuryRoomError, match="^Signature impossible pendant la discussion : "):
        create_paper_sheet(database, pk, _paper_decisions(referential), *pki.jurors, now=SIGNING)
    with database.read() as s:
        assert s.scalar(select(func.count(DecisionChange.pk)).where(DecisionChange.candidate_pk == pk)) == 0
    assert latest_sheet(database, pk) is None
    run_timer(database, pk, start=SIGNING - timedelta(minutes=5), steps=("end",))
    stored = create_paper_sheet(database, pk, _paper_decisions(referential), *pki.jurors, now=SIGNING)
    assert (
        stored.result["status"] == "examined"
        and stored.result["oral"]["timing_log"][-1]["kind"] == "finished"
    )
