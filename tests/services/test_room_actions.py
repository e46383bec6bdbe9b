"""What the jury room offers for a candidate, decided by the service (the widget only enables its buttons): the
check-in, incidents and slides, deciding, signing once nothing is left to decide, reopening a signed sheet, and
why the oral's timer cannot start."""

from __future__ import annotations

from dataclasses import replace

from c2i2e_jury.domain.rules import Attendance, Mark
from c2i2e_jury.services import jury_room as jr
from c2i2e_jury.services.jury_room import TimerBlock, room_actions


def offered(actions: jr.RoomActions) -> set[str]:
    return {
        name
        for name in ("present", "absent", "incident", "slides", "decide", "sign", "reopen", "timer")
        if getattr(actions, name)
    }


def test_before_the_check_in_only_the_check_in_and_incidents(database, imported):
    actions = room_actions(jr.candidate_file(database, imported["C1"]))
    assert offered(actions) == {"present", "absent", "incident", "decide"}
    assert actions.timer_blocked is TimerBlock.NOT_CHECKED_IN


def test_a_present_candidate_has_an_oral_and_is_signed_once_every_item_is_decided(database, imported):
    pk = imported["C1"]
    file = jr.check_in(database, pk, Attendance.PRESENT)
    actions = room_actions(file)
    assert offered(actions) == {"absent", "incident", "slides", "decide", "timer"}
    assert actions.timer_blocked is None
    for row in file.items:
        if not row.acquired:
            file = jr.decide(
                database,
                pk,
                row.code,
                row.evaluator or Mark.VALIDATED,
                justification=None if row.evaluator else "Vu à l'oral.",
            )
    assert "sign" in offered(room_actions(file))


def test_an_absent_candidate_has_no_oral_and_the_sheet_can_be_signed(database, imported):
    actions = room_actions(jr.check_in(database, imported["C2"], Attendance.ABSENT))
    assert offered(actions) == {"present", "incident", "sign"}
    assert actions.timer_blocked is TimerBlock.ABSENT


def test_a_not_admitted_candidate_has_only_a_sheet_to_sign(database, imported):
    actions = room_actions(jr.candidate_file(database, imported["C3"]))
    assert offered(actions) == {"sign"}
    assert actions.timer_blocked is TimerBlock.NOT_ADMITTED


def test_a_signed_sheet_can_only_be_reopened(database, imported):
    file = jr.check_in(database, imported["C1"], Attendance.PRESENT)
    actions = room_actions(replace(file, locked=True))
    assert offered(actions) == {"reopen"}
    assert actions.timer_blocked is TimerBlock.SIGNED
