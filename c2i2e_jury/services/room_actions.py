"""What the jury room may do now for a candidate's file: the widget enables its buttons from the answer and decides
nothing itself."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from c2i2e_jury.domain.rules import Attendance
from c2i2e_jury.services.candidate_file import CandidateFile


class TimerBlock(Enum):
    """Why the oral's timer cannot start for a candidate (the room says it where « F5 starts » would be)."""

    NOT_ADMITTED = "not_admitted"
    SIGNED = "signed"
    ABSENT = "absent"
    NOT_CHECKED_IN = "not_checked_in"


@dataclass(frozen=True)
class RoomActions:
    """What the jury room offers for a candidate's file as it stands: the widget enables its buttons from this
    and decides nothing itself. Signing itself is checked again, strictly, by ``sheet_signing.check_signable``."""

    present: bool  # « Présent »: check the candidate in
    absent: bool  # « Absent »: record the abandonment
    incident: bool  # note an incident
    slides: bool  # open the candidate's slides on the projector
    decide: bool  # V / N / Suppr on the items (refused with a sentence until the check-in)
    sign: bool  # « Signer la feuille » can be asked: nothing is left to decide
    reopen: bool  # the sheet is signed: it can be reopened with a reason
    timer_blocked: TimerBlock | None  # None: the timer can run (F5 starts the oral)

    @property
    def timer(self) -> bool:
        return self.timer_blocked is None


def room_actions(file: CandidateFile) -> RoomActions:
    """The jury room's rules for a candidate: a not admitted candidate has no oral and only a sheet to sign; a
    signed sheet locks the record (only reopening remains); the oral, its timer and slides need the check-in; an
    absent candidate abandons (nothing to decide, the sheet can be signed at once)."""
    editable = file.admitted and not file.locked
    present, absent = file.attendance is Attendance.PRESENT, file.attendance is Attendance.ABSENT
    ready = not file.admitted or absent or (present and not file.outcome.undecided)
    return RoomActions(
        present=editable and not present,
        absent=editable and not absent,
        incident=editable,
        slides=editable and present,
        decide=editable and not absent,
        sign=not file.locked and ready,
        reopen=file.locked,
        timer_blocked=timer_block(file),
    )


def timer_block(file: CandidateFile) -> TimerBlock | None:
    """Why the candidate's timer cannot start now, or None when it can."""
    if not file.admitted:
        return TimerBlock.NOT_ADMITTED
    if file.locked:
        return TimerBlock.SIGNED
    if file.attendance is Attendance.ABSENT:
        return TimerBlock.ABSENT
    if file.attendance is not Attendance.PRESENT:
        return TimerBlock.NOT_CHECKED_IN
    return None
