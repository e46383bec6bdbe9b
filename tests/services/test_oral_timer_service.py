"""The timer's events on disk, and a restart that rebuilds the same timer."""

from datetime import UTC, datetime, timedelta

import pytest

from c2i2e_jury.domain.rules import Attendance
from c2i2e_jury.domain.timer_values import State
from c2i2e_jury.services import jury_room
from c2i2e_jury.services import oral_timer as svc


class Clocks:
    def __init__(self):
        self.mono = 1000.0
        self.start = datetime(2017, 6, 12, 8, 30, tzinfo=UTC)

    def monotonic(self):
        return self.mono

    def wall(self):
        return self.start + timedelta(seconds=self.mono - 1000.0)


def test_events_survive_a_restart_with_the_gap_counted(database, imported):
    pk = imported["C2"]  # 33 % extra time
    file = jury_room.check_in(database, pk, Attendance.PRESENT)
    clocks = Clocks()
    timer = svc.build_timer(database, file, monotonic=clocks.monotonic, wall=clocks.wall)
    assert timer.snapshot().duration == 798
    event = timer.start()
    svc.record_event(database, pk, event)
    timer.apply(event)
    clocks.mono += 120
    svc.heartbeat(database, pk, clocks.wall())
    clocks.mono += 5  # the program dies here, 5 s after its last heartbeat
    # A new process 60 s later: a fresh monotonic clock (it does not survive a restart), the wall clock goes on.
    restarted = svc.build_timer(
        database, file, monotonic=lambda: 50.0, wall=lambda: clocks.wall() + timedelta(seconds=60)
    )
    assert restarted.state is State.PRESENTATION
    gap = svc.resume_after_restart(database, restarted, pk)
    assert gap is not None
    assert gap.data["gap_seconds"] == pytest.approx(65.0)
    snapshot = restarted.snapshot()
    assert snapshot.elapsed == pytest.approx(120 + 65, abs=0.01)
    events, _alive = svc.load_events(database, pk)
    assert [e.kind.value for e in events] == ["start", "restart"]


def test_a_stale_event_is_refused(database, imported):
    pk = imported["C1"]
    file = jury_room.check_in(database, pk, Attendance.PRESENT)
    clocks = Clocks()
    timer = svc.build_timer(database, file, monotonic=clocks.monotonic, wall=clocks.wall)
    event = timer.start()
    svc.record_event(database, pk, event)
    with pytest.raises(jury_room.JuryRoomError, match="modifié ailleurs"):
        svc.record_event(database, pk, event)
