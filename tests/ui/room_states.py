"""Every state a juror meets in the jury room and on its timer, each set up on a real database as the program
would find it (events on disk, written as the jury's keys write them): shared by the legibility test and by the
README's screenshots (``python -m tests.ui.screenshots``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from c2i2e_jury.domain.rules import Attendance
from c2i2e_jury.services import jury_room
from c2i2e_jury.storage.database import Database
from c2i2e_jury.storage.models import Candidate
from c2i2e_jury.ui.main_window import MainWindow
from tests.services.sheet_factory import run_timer

CANDIDATE = "C2017-006"  # admitted, with a dossier; its evaluator's marks leave items to decide


def pk_of(db: Database, candidate_id: str) -> int:
    with db.read() as s:
        return int(s.scalars(select(Candidate.pk).where(Candidate.candidate_id == candidate_id)).one())


def _oral(
    steps: tuple[str, ...], minutes_ago: float, *, minutes: float = 10, incident: bool = True
) -> Callable[[Database, int], None]:
    """Present, an incident noted, and the timer's ``steps`` run from ``minutes_ago`` (``minutes`` apart)."""

    def setup(db: Database, pk: int) -> None:
        jury_room.check_in(db, pk, Attendance.PRESENT)
        if incident:
            jury_room.add_incident(db, pk, "technical", "Vidéoprojecteur éteint deux minutes")
        if steps:
            run_timer(
                db, pk, start=datetime.now(UTC) - timedelta(minutes=minutes_ago), steps=steps, minutes=minutes
            )

    return setup


def _nothing(db: Database, pk: int) -> None:
    """Not checked in: the timer says why F5 does nothing."""


# name -> (how the database is prepared, opened "after a crash restart")
STATES: dict[str, tuple[Callable[[Database, int], None], bool]] = {
    "not_checked_in": (_nothing, False),
    "ready": (_oral((), 0, incident=False), False),
    "presentation": (_oral(("start",), 3), False),
    "warning": (_oral(("start",), 9.2), False),
    "second_warning": (_oral(("start",), 9.8), False),
    "overtime": (_oral(("start",), 11.5), False),
    "discussion": (_oral(("start", "discussion"), 14, minutes=10), False),
    "discussion_overtime": (_oral(("start", "discussion"), 31, minutes=10), False),
    "paused": (_oral(("start", "pause"), 6, minutes=4), False),
    "after_restart": (_oral(("start",), 6), True),
    "ended": (_oral(("start", "discussion", "end"), 40, minutes=12), False),
}


def show_state(window: MainWindow, db: Database, name: str) -> None:
    """Prepare ``name`` on the database, then open the candidate as the jury (or the restarted program) would."""
    pk = pk_of(db, CANDIDATE)
    setup, after_restart = STATES[name]
    setup(db, pk)
    window.open_candidate(pk, after_restart=after_restart)
    if window.room.timer_widget is not None:
        window.room.timer_widget.refresh()
