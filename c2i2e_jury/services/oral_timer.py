"""The oral's timer on disk: each event is committed before the timer applies it and the screen shows it."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime

from sqlalchemy import func, select

from c2i2e_jury.clock import Clock, utc_now
from c2i2e_jury.domain.oral_timer import OralTimer
from c2i2e_jury.domain.timer_values import TimerEvent, durations
from c2i2e_jury.errors import UserError
from c2i2e_jury.services.candidate_file import CandidateFile, JuryRoomError, oral_for
from c2i2e_jury.storage.database import Database
from c2i2e_jury.storage.models import Oral
from c2i2e_jury.storage.models import TimerEvent as TimerEventRow


def load_events(db: Database, candidate_pk: int) -> tuple[list[TimerEvent], datetime | None]:
    """The oral's stored timer events, in order, and its last heartbeat."""
    with db.read() as session:
        oral = session.scalars(select(Oral).where(Oral.candidate_pk == candidate_pk)).one_or_none()
        if oral is None:
            return [], None
        rows = session.scalars(
            select(TimerEventRow).where(TimerEventRow.oral_pk == oral.pk).order_by(TimerEventRow.seq)
        )
        events = [TimerEvent.from_record(r.seq, r.kind, r.at, r.data) for r in rows]
        return events, oral.timer_alive_at


def record_event(db: Database, candidate_pk: int, event: TimerEvent) -> None:
    """Commit one timer event; raises a UserError (and stores nothing) when the oral cannot take it. The oral's
    row alone is read (a key of the timer waits for this commit)."""
    with db.session() as session:
        oral = oral_for(session, candidate_pk)
        if oral.locked:
            raise JuryRoomError("La feuille de résultats est signée : le chronomètre ne peut plus changer.")
        last = session.scalar(select(func.max(TimerEventRow.seq)).where(TimerEventRow.oral_pk == oral.pk))
        if last is not None and event.seq <= last:
            raise JuryRoomError("Le chronomètre a été modifié ailleurs : rouvrez le candidat.")
        session.add(
            TimerEventRow(
                oral_pk=oral.pk, seq=event.seq, kind=event.kind.value, at=event.at, data=dict(event.data)
            )
        )
        oral.timer_alive_at = event.at


def heartbeat(db: Database, candidate_pk: int, at: datetime) -> None:
    """The timer is running: after a crash, the lost time starts here rather than at the last event."""
    with db.session() as session:
        oral = oral_for(session, candidate_pk)
        oral.timer_alive_at = at


def build_timer(
    db: Database,
    file: CandidateFile,
    *,
    monotonic: Callable[[], float] = time.monotonic,
    wall: Clock = utc_now,
) -> OralTimer:
    """The candidate's timer rebuilt from disk, with the campaign's durations and the candidate's extra time."""
    events, alive_at = load_events(db, file.pk)
    planned = durations(file.presentation_minutes, file.discussion_minutes, file.extra_time_percent)
    return OralTimer.from_events(events, planned, monotonic=monotonic, wall=wall, alive_at=alive_at)


def resume_after_restart(db: Database, timer: OralTimer, candidate_pk: int) -> TimerEvent | None:
    """At program start, an oral whose timer was running logs the restart and the time lost (counted as elapsed
    until the jury marks it as a pause)."""
    event = timer.note_restart()
    if event is None:
        return None
    try:
        record_event(db, candidate_pk, event)
    except UserError:
        return None
    timer.apply(event)
    return event
