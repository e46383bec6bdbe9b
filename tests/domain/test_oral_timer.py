"""The oral timer against an injected fake clock: phases, warnings, overtime, pauses, restarts, sleeps."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from fractions import Fraction

import pytest

from c2i2e_jury.domain.oral_timer import OralTimer, TimerStateError
from c2i2e_jury.domain.timer_values import EventKind, Phase, State, TimerEvent, WarningLevel, durations


class FakeClock:
    """A monotonic and a wall clock moved by hand; ``advance`` moves both, ``sleep_linux`` only the wall one."""

    def __init__(self) -> None:
        self.mono = 5000.0
        self.wall_time = datetime(2017, 6, 12, 8, 0, tzinfo=UTC)

    def monotonic(self) -> float:
        return self.mono

    def wall(self) -> datetime:
        return self.wall_time

    def advance(self, seconds: float) -> None:
        self.mono += seconds
        self.wall_time += timedelta(seconds=seconds)

    def sleep_linux(self, seconds: float) -> None:
        """CLOCK_MONOTONIC stops while the laptop is suspended; the wall clock does not."""
        self.wall_time += timedelta(seconds=seconds)

    def restart_process(self) -> None:
        """A new process: its monotonic clock has an unrelated origin."""
        self.mono = 17.0


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def new_timer(clock: FakeClock, extra: float = 0, events: list[TimerEvent] | None = None, **kw) -> OralTimer:
    return OralTimer.from_events(
        events or [], durations(extra_time_percent=extra), monotonic=clock.monotonic, wall=clock.wall, **kw
    )


class Recorder:
    """Plays the service: persists each event (here in a list) before applying it."""

    def __init__(self, timer: OralTimer) -> None:
        self.timer = timer
        self.stored: list[TimerEvent] = []

    def do(self, event: TimerEvent | None) -> TimerEvent | None:
        if event is not None:
            self.stored.append(event)
            self.timer.apply(event)
        return event


@pytest.mark.parametrize(
    ("extra", "presentation", "discussion"),
    [(0, 600, 1200), (33, 798, 1596), (25, 750, 1500), (33.3, 800, 1600), (50, 900, 1800)],
)
def test_durations_with_accommodation(extra, presentation, discussion):
    planned = durations(10, 20, extra)
    assert (planned.presentation, planned.discussion) == (presentation, discussion)


def test_thirty_three_percent_is_13_18_and_26_36():
    planned = durations(extra_time_percent=33)
    assert divmod(planned.presentation, 60) == (13, 18)
    assert divmod(planned.discussion, 60) == (26, 36)


def test_durations_refuse_nonsense():
    with pytest.raises(ValueError):
        durations(0, 20)
    with pytest.raises(ValueError):
        durations(10, 20, -5)


def test_commands_do_not_change_the_timer_until_applied(clock):
    timer = new_timer(clock)
    event = timer.start()
    assert event.kind is EventKind.START
    assert timer.state is State.READY
    timer.apply(event)
    assert timer.state is State.PRESENTATION


def test_both_phases_with_overtime_and_the_log(clock):
    rec = Recorder(new_timer(clock))
    rec.do(rec.timer.start())
    clock.advance(600 + 72)
    snap = rec.timer.snapshot()
    assert snap.phase is Phase.PRESENTATION
    assert snap.remaining == pytest.approx(-72)
    assert snap.overtime == pytest.approx(72)
    assert snap.warning is WarningLevel.OVERTIME
    rec.do(rec.timer.start_discussion())
    clock.advance(1200 - 10)
    snap = rec.timer.snapshot()
    assert snap.state is State.DISCUSSION
    assert snap.remaining == pytest.approx(10)
    assert snap.elapsed_by_phase[Phase.PRESENTATION] == pytest.approx(672)
    clock.advance(15)
    rec.do(rec.timer.end())
    clock.advance(300)
    snap = rec.timer.snapshot()
    assert snap.state is State.FINISHED
    assert snap.overtime == pytest.approx(5)  # frozen at the end
    kinds = [(e.kind, e.phase) for e in snap.log]
    assert kinds == [
        ("phase_started", Phase.PRESENTATION),
        ("phase_ended", Phase.PRESENTATION),
        ("phase_started", Phase.DISCUSSION),
        ("phase_ended", Phase.DISCUSSION),
        ("finished", Phase.DISCUSSION),
    ]
    assert snap.log[1].overtime == pytest.approx(72)
    assert snap.log[3].overtime == pytest.approx(5)
    assert snap.log[0].at == datetime(2017, 6, 12, 8, 0, tzinfo=UTC)
    sheet = snap.timing_json()
    assert sheet["elapsed_seconds"] == {"presentation": 672, "discussion": 1205}
    assert sheet["timing_log"][1]["overtime_seconds"] == 72


def test_warnings_at_two_minutes_and_thirty_seconds(clock):
    rec = Recorder(new_timer(clock))
    rec.do(rec.timer.start())
    levels = []
    for elapsed in (0, 479, 480, 569, 570, 600, 600.5):
        clock.advance(elapsed - rec.timer.snapshot().elapsed)
        levels.append(rec.timer.snapshot().warning)
    assert levels == [
        WarningLevel.NONE,
        WarningLevel.NONE,
        WarningLevel.FIRST,
        WarningLevel.FIRST,
        WarningLevel.SECOND,
        WarningLevel.SECOND,
        WarningLevel.OVERTIME,
    ]


def test_warning_thresholds_are_configurable(clock):
    rec = Recorder(new_timer(clock, warnings=(300, 60)))
    rec.do(rec.timer.start())
    clock.advance(301)
    assert rec.timer.snapshot().warning is WarningLevel.FIRST
    clock.advance(240)
    assert rec.timer.snapshot().warning is WarningLevel.SECOND


def test_pause_does_not_eat_the_candidates_time(clock):
    rec = Recorder(new_timer(clock, extra=33))
    rec.do(rec.timer.start())
    clock.advance(100)
    rec.do(rec.timer.pause("Incident technique"))
    clock.advance(240)
    snap = rec.timer.snapshot()
    assert snap.paused
    assert snap.state is State.PAUSED
    assert snap.phase is Phase.PRESENTATION
    assert snap.pause_reason == "Incident technique"
    assert snap.remaining == pytest.approx(798 - 100)
    assert snap.pause_elapsed == pytest.approx(240)
    rec.do(rec.timer.resume())
    clock.advance(50)
    snap = rec.timer.snapshot()
    assert snap.remaining == pytest.approx(798 - 150)
    assert snap.paused_total == pytest.approx(240)
    resumed = snap.log[-1]
    assert (resumed.kind, resumed.seconds, resumed.reason) == (
        "resumed",
        pytest.approx(240),
        "Incident technique",
    )


def test_a_pause_needs_a_reason_and_commands_follow_the_states(clock):
    rec = Recorder(new_timer(clock))
    with pytest.raises(TimerStateError):
        rec.timer.pause("Incident technique")
    with pytest.raises(TimerStateError):
        rec.timer.start_discussion()
    rec.do(rec.timer.start())
    with pytest.raises(TimerStateError):
        rec.timer.pause("  ")
    with pytest.raises(TimerStateError):
        rec.timer.start()
    with pytest.raises(TimerStateError):
        rec.timer.resume()
    rec.do(rec.timer.end())
    with pytest.raises(TimerStateError):
        rec.timer.end()


def test_moving_on_from_a_paused_presentation_closes_the_pause(clock):
    rec = Recorder(new_timer(clock))
    rec.do(rec.timer.start())
    clock.advance(500)
    rec.do(rec.timer.pause("Malaise du candidat"))
    clock.advance(60)
    rec.do(rec.timer.start_discussion())
    clock.advance(10)
    snap = rec.timer.snapshot()
    assert snap.state is State.DISCUSSION
    assert snap.elapsed_by_phase[Phase.PRESENTATION] == pytest.approx(500)
    assert snap.remaining == pytest.approx(1190)
    assert [e.kind for e in snap.log][-3:] == ["resumed", "phase_ended", "phase_started"]


def test_thirty_minutes_with_a_frozen_ui_stay_within_50_ms(clock):
    """Ticks of 0.2 s and one 2-second freeze without a tick: the time comes from the clock, not the ticks."""
    rec = Recorder(new_timer(clock))
    rec.do(rec.timer.start())
    truth = Fraction(0)
    clock.advance(0.1)
    truth += Fraction(1, 10)
    switched = False
    while truth < 30 * 60:
        if abs(truth - 700) < Fraction(1, 10):
            clock.advance(2.0)  # the UI froze: no tick, no snapshot for two seconds
            truth += 2
        clock.advance(0.2)
        truth += Fraction(1, 5)
        assert rec.do(rec.timer.detect_gap()) is None  # a 2 s freeze is not a sleep
        if not switched and truth >= 600:
            rec.do(rec.timer.start_discussion())
            switched, switch_at = True, truth
        snap = rec.timer.snapshot()
    expected_remaining = 1200 - (truth - switch_at)
    assert abs(snap.remaining - float(expected_remaining)) < 0.05
    assert abs(snap.elapsed_by_phase[Phase.PRESENTATION] - float(switch_at)) < 0.05


def test_restart_after_a_crash_counts_the_gap_and_it_can_be_marked_as_a_pause(clock):
    rec = Recorder(new_timer(clock))
    rec.do(rec.timer.start())
    clock.advance(200)
    rec.do(rec.timer.pause("Interruption extérieure"))
    clock.advance(30)
    rec.do(rec.timer.resume())
    clock.advance(100)  # 300 s of presentation, then the program dies
    clock.advance(90)  # the jury restarts the laptop...
    clock.restart_process()
    stored = [
        TimerEvent.from_record(e.seq, e.kind.value, e.at.replace(tzinfo=None), dict(e.data))
        for e in rec.stored
    ]
    reborn = Recorder(new_timer(clock, events=stored))
    assert reborn.timer.snapshot().remaining == pytest.approx(600 - 390)  # the gap counts as elapsed
    restart = reborn.do(reborn.timer.note_restart())
    assert restart is not None
    assert restart.data["gap_seconds"] == pytest.approx(190)  # since the last event (no heartbeat)
    clock.advance(5)
    snap = reborn.timer.snapshot()
    assert snap.pending_gap is not None
    assert snap.pending_gap.seconds == pytest.approx(190)
    assert snap.paused_total == pytest.approx(30)
    reborn.do(reborn.timer.mark_gap_as_pause("Incident technique"))
    snap = reborn.timer.snapshot()
    assert snap.remaining == pytest.approx(600 - 205)
    assert snap.pending_gap is None
    assert snap.paused_total == pytest.approx(220)
    assert snap.log[-1].kind == "gap_paused"
    assert snap.log[-1].reason == "Incident technique"


def test_a_heartbeat_narrows_the_restart_gap(clock):
    rec = Recorder(new_timer(clock))
    rec.do(rec.timer.start())
    clock.advance(100)
    alive = clock.wall()
    clock.advance(40)
    reborn = new_timer(clock, events=rec.stored, alive_at=alive)
    event = reborn.note_restart()
    assert event is not None
    assert event.data["gap_seconds"] == pytest.approx(40)


def test_replay_gives_the_live_values(clock):
    rec = Recorder(new_timer(clock, extra=33))
    rec.do(rec.timer.start())
    clock.advance(820.4)
    rec.do(rec.timer.start_discussion())
    clock.advance(61.3)
    rec.do(rec.timer.pause("Autre : alarme incendie"))
    clock.advance(120)
    live = rec.timer.snapshot()
    replayed = new_timer(clock, events=list(reversed(rec.stored))).snapshot()
    assert replayed.durations.presentation == 798  # from the start event, not the planned argument
    assert replayed.remaining == pytest.approx(live.remaining, abs=1e-6)
    assert replayed.paused_total == pytest.approx(live.paused_total, abs=1e-6)
    assert replayed.log == live.log


def test_note_restart_is_silent_when_nothing_runs(clock):
    assert new_timer(clock).note_restart() is None
    rec = Recorder(new_timer(clock))
    rec.do(rec.timer.start())
    rec.do(rec.timer.pause("Incident technique"))
    clock.advance(100)
    event = new_timer(clock, events=rec.stored).note_restart()
    assert event is not None
    assert event.data["gap_seconds"] == 0  # a paused timer loses nothing


def test_linux_suspend_is_detected_and_counted_as_elapsed(clock):
    rec = Recorder(new_timer(clock))
    rec.do(rec.timer.start())
    clock.advance(100)
    assert rec.timer.detect_gap() is None
    clock.sleep_linux(60)  # lid closed: CLOCK_MONOTONIC stood still
    assert rec.timer.snapshot().remaining == pytest.approx(500)
    event = rec.do(rec.timer.detect_gap())
    assert event is not None
    assert event.kind is EventKind.SUSPEND
    assert event.data["gap_seconds"] == pytest.approx(60)
    assert rec.timer.snapshot().remaining == pytest.approx(440)
    clock.advance(0.2)
    assert rec.timer.detect_gap() is None  # re-anchored on the wall clock
    rec.do(rec.timer.mark_gap_as_pause("Autre : mise en veille"))
    assert rec.timer.snapshot().remaining == pytest.approx(499.8)


def test_windows_sleep_is_detected_by_the_monotonic_gap(clock):
    rec = Recorder(new_timer(clock))
    rec.do(rec.timer.start())
    assert rec.timer.detect_gap() is None
    clock.advance(45)  # monotonic ran during sleep, no repaint happened
    event = rec.timer.detect_gap()
    assert event is not None
    assert event.data["gap_seconds"] == pytest.approx(45)
    assert rec.timer.detect_gap() is not None  # not applied yet (not persisted): found again
    rec.do(event)
    clock.advance(0.2)
    assert rec.timer.detect_gap() is None
    assert rec.timer.snapshot().remaining == pytest.approx(600 - 45.2)


def test_wall_clock_set_backwards_never_runs_time_backwards(clock):
    rec = Recorder(new_timer(clock))
    rec.do(rec.timer.start())
    clock.advance(100)
    clock.wall_time -= timedelta(hours=1)
    clock.advance(10)
    assert rec.timer.snapshot().remaining == pytest.approx(490)  # the monotonic clock rules in-process
    assert rec.timer.detect_gap() is None


def test_replaying_an_impossible_log_is_refused(clock):
    at = clock.wall()
    with pytest.raises(TimerStateError):
        new_timer(clock, events=[TimerEvent(1, EventKind.RESUME, at)])
    with pytest.raises(TimerStateError):
        new_timer(clock, events=[TimerEvent(1, EventKind.START, at), TimerEvent(1, EventKind.END, at)])
    with pytest.raises(ValueError):
        OralTimer(durations(), monotonic=clock.monotonic, wall=lambda: datetime(2017, 1, 1))
