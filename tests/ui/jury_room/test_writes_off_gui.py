"""A decision's commit (a timer event's, the views saved as another candidate is opened) does not freeze the
screen (issue 15): while the database makes it wait, the GUI thread keeps turning its event loop (the oral's
clock, the pages), the decision answers once it is on disk, and what a timer asks meanwhile is done after it, in
order, never starting from the screen as it was before the answer.

The wait is real: another connection holds SQLite's write lock, and only a timer of the GUI thread releases it.
Had the commit run on the GUI thread, that timer could never fire (SQLite's busy wait is 10 s, then « database is
locked »)."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QTimer
from sqlalchemy import select

from c2i2e_jury.domain.rules import Attendance, Mark
from c2i2e_jury.services import jury_room, oral_timer
from c2i2e_jury.storage.models import Decision, Oral, TimerEvent
from tests.ui.jury_room.test_jury_room import open_window, pk_of

TICKS_BEFORE_RELEASE = 10


def _held_write_lock(db) -> sqlite3.Connection:
    holder = sqlite3.connect(db.engine.url.database, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")  # the write lock: every other writer waits for it
    return holder


def _ticking(room, on_tick) -> list[int]:
    """A 5 ms GUI timer calling ``on_tick(n)``; the count of its ticks."""
    ticks = [0]
    timer = QTimer(room)
    timer.setInterval(5)

    def tick() -> None:
        ticks[0] += 1
        on_tick(ticks[0])

    timer.timeout.connect(tick)
    timer.start()
    return ticks


def _stored(db, pk):
    with db.read() as s:
        rows = s.scalars(select(Decision).where(Decision.candidate_pk == pk)).all()
        return {d.item: (d.decision, d.comment) for d in rows}


def test_the_screen_turns_while_a_decision_commits_and_a_change_asked_meanwhile_follows_it(qtbot, demo_db):
    pk = pk_of(demo_db, "C2017-001")
    window = open_window(qtbot, demo_db)
    window.open_candidate(pk)
    room = window.room
    session = room.session
    assert session.check_in(Attendance.PRESENT)
    first, second = "A1.1", "A1.2"
    holder = _held_write_lock(demo_db)
    answered_during: list[bool] = []

    def on_tick(n: int) -> None:
        if n == 3:  # asked while the decision waits: the same item's comment, and another item's decision
            answered_during.append(session.change(first, comment="Très clair"))
            answered_during.append(session.change(second, decision=Mark.VALIDATED))
        if n == TICKS_BEFORE_RELEASE:
            holder.execute("ROLLBACK")

    ticks = _ticking(room, on_tick)
    try:
        assert session.change(first, decision=Mark.NOT_VALIDATED, justification="Démarche absente")
        # Answered only once the lock was released by the GUI thread's own timer: the loop turned meanwhile.
        assert ticks[0] >= TICKS_BEFORE_RELEASE
        # What was asked meanwhile followed, in order, before the answer came back to the caller, from the
        # decision as stored (the comment did not undo it).
        assert answered_during == [True, True]
        stored = _stored(demo_db, pk)
        assert stored[first] == ("NV", "Très clair")
        assert stored[second] == ("V", "")
        assert session.file.item(first).decision is Mark.NOT_VALIDATED
        assert session.file.item(first).comment == "Très clair"
        assert session.file.item(second).decision is Mark.VALIDATED
        # Three changes, three undo steps, undone in reverse order.
        window.undo_stack.undo()
        assert _stored(demo_db, pk)[second] == (None, "")
        window.undo_stack.undo()
        assert _stored(demo_db, pk)[first] == ("NV", "")
    finally:
        holder.close()


def test_the_oral_clock_keeps_turning_while_its_event_commits_and_records_nothing_meanwhile(qtbot, demo_db):
    pk = pk_of(demo_db, "C2017-001")
    window = open_window(qtbot, demo_db)
    window.open_candidate(pk)
    window.prompts.confirm_risky = lambda *_: True  # the oral still runs: closing at teardown asks no box
    room = window.room
    assert room.session.check_in(Attendance.PRESENT)
    widget = room.timer_widget
    holder = _held_write_lock(demo_db)
    refreshed = [0]
    widget_refresh = widget.refresh

    def counted_refresh() -> None:
        refreshed[0] += 1
        widget_refresh()

    widget._clock.timeout.disconnect()
    widget._clock.timeout.connect(counted_refresh)
    widget._clock.setInterval(5)

    def on_tick(n: int) -> None:
        if n == TICKS_BEFORE_RELEASE:
            holder.execute("ROLLBACK")

    ticks = _ticking(room, on_tick)
    try:
        widget._start_clicked()  # F5: the presentation starts once its event is stored
        assert ticks[0] >= TICKS_BEFORE_RELEASE
        assert refreshed[0] > 1  # the clock repainted while its event waited
        with demo_db.read() as s:
            kinds = s.scalars(
                select(TimerEvent.kind)
                .join(Oral, Oral.pk == TimerEvent.oral_pk)
                .where(Oral.candidate_pk == pk)
            ).all()
        assert list(kinds) == ["start"]  # the event alone: no gap nor heartbeat recorded in its middle
        assert widget.snapshot.state.name == "PRESENTATION"
        rebuilt = oral_timer.build_timer(demo_db, jury_room.candidate_file(demo_db, pk))
        assert rebuilt.snapshot().state.name == "PRESENTATION"
    finally:
        holder.close()


def test_opening_another_candidate_turns_the_screen_while_both_views_are_saved(qtbot, demo_db):
    """The previous candidate's view, committed before anything changes, and the new one's (the candidate to
    reopen on after a crash), both behind the held lock; the new file is shown once they are on disk."""
    first, second = pk_of(demo_db, "C2017-001"), pk_of(demo_db, "C2017-002")
    window = open_window(qtbot, demo_db)
    window.open_candidate(first)
    room = window.room
    room.items.select("A1.3")  # where the jury stands in the first file: not saved yet
    holder = _held_write_lock(demo_db)

    def on_tick(n: int) -> None:
        if n == TICKS_BEFORE_RELEASE:
            holder.execute("ROLLBACK")

    ticks = _ticking(room, on_tick)
    try:
        window.open_candidate(second)
        assert ticks[0] >= TICKS_BEFORE_RELEASE  # the loop turned while the views waited for the lock
        assert room.session.pk == second
        assert room.items.current_code()
        with demo_db.read() as s:
            rows = s.execute(
                select(Oral.candidate_pk, Oral.view_state).where(Oral.candidate_pk.in_((first, second)))
            )
            views = {candidate: view for candidate, view in rows}
        assert views[first]["item"] == "A1.3"
        assert views[second]["item"] == room.items.current_code()
    finally:
        holder.close()
