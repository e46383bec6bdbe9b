"""The oral's timer: a pure, event-sourced state machine (seed: "10 min de présentation, 20 min de discussion").

Why event-sourced: "a crash or a power cut loses nothing, the timer included". Every command returns a
:class:`TimerEvent` that the caller persists *before* applying it (``event = timer.pause(reason)``, persist,
``timer.apply(event)``): a command never changes the timer by itself. After a restart, :meth:`OralTimer.from_events`
replays the stored events and the timer carries on with the right remaining time.

Time is read from two injected clocks, never counted in ticks, so a frozen UI never shifts it:

* within one process, elapsed time comes from ``monotonic`` (immune to the wall clock being set);
* events carry a wall-clock time (UTC, aware) because a monotonic clock does not survive a restart. The ``at`` of
  an event created by this timer is the *anchor's* wall time plus the monotonic time since the anchor, so the
  wall-time differences between events of one session are exactly the monotonic durations, and a replay gives
  the same elapsed times as the live timer.

Phases. ``start`` opens the presentation. When a phase's time is up the timer does **not** move on by itself:
the remaining time goes negative and the overtime is counted and shown, never hidden; the jury moves on to the
discussion (``discussion_started``) and ends the oral (``end``) explicitly, because only the jury knows when the
candidate has finished a sentence. A pause (with a reason) stops the phase's clock; it may happen in overtime.

Gaps. Two kinds of lost time are counted as elapsed (the candidate's time did run in the room) and logged with
their length, so that the jury can mark them as a pause afterwards (:meth:`OralTimer.mark_gap_as_pause`,
event ``gap_paused`` with a reason), which gives the time back:

* ``restart``: the program stopped (crash, power cut, closed by mistake) while the timer ran. The gap runs from
  the last moment the program was known alive (the last event, or ``alive_at`` when the caller keeps a
  heartbeat) to the restart. The caller calls :meth:`OralTimer.note_restart` once at program start.
* ``suspend``: the laptop slept. On Linux ``time.monotonic`` (CLOCK_MONOTONIC) stops during suspend, on
  Windows and macOS it may keep running. Policy: the sleep counts as elapsed in both cases, like a crash.
  :meth:`OralTimer.detect_gap`, called on every repaint, finds it either way: the wall clock ran ahead of the
  monotonic one by more than :data:`WALL_JUMP_THRESHOLD` (Linux; the timer then re-anchors on the wall clock),
  or the monotonic clock advanced by more than :data:`POLL_GAP_THRESHOLD` between two polls (Windows, macOS, or
  a UI frozen that long). A forward step of the wall clock by a time server is indistinguishable from a sleep
  and is treated the same way; the jury sees it in the log and can mark it as a pause.

A wall clock set backwards between two events never makes time run backwards: negative intervals count as zero.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from types import MappingProxyType

from c2i2e_jury.domain.timer_values import (
    EventKind,
    Gap,
    JsonValue,
    LogEntry,
    Phase,
    PhaseDurations,
    State,
    TimerEvent,
    TimerSnapshot,
    WarningLevel,
)

#: The wall clock ahead of the monotonic clock by more than this (seconds): the machine slept (Linux).
WALL_JUMP_THRESHOLD = 5.0
#: No poll for this long (seconds) on the monotonic clock: the machine slept (Windows, macOS) or the UI froze.
POLL_GAP_THRESHOLD = 30.0
DEFAULT_WARNINGS = (120.0, 30.0)


class TimerStateError(ValueError):
    """A command that the timer's state does not allow (a bug in the caller, or a corrupt event log)."""


def _seconds(later: datetime, earlier: datetime) -> float:
    return max(0.0, (later - earlier).total_seconds())


class OralTimer:
    """The timer of one oral, rebuilt from its events; see the module's docstring for the time model."""

    def __init__(
        self,
        planned: PhaseDurations,
        *,
        monotonic: Callable[[], float],
        wall: Callable[[], datetime],
        warnings: tuple[float, float] = DEFAULT_WARNINGS,
    ) -> None:
        self.monotonic = monotonic
        self._wall = wall
        self.warnings: tuple[float, float] = (max(warnings), min(warnings))
        self._durations = planned
        self._anchor_mono = monotonic()
        self._anchor_wall = self._utc(wall())
        self._last_poll: float | None = None
        self._pending_anchor: tuple[int, float, datetime] | None = None
        self._state = State.READY
        self._phase: Phase | None = None
        self._elapsed = {Phase.PRESENTATION: 0.0, Phase.DISCUSSION: 0.0}
        self._paused_total = 0.0
        self._pause_reason: str | None = None
        self._last_at: datetime | None = None
        self._alive_at: datetime | None = None
        self._log: list[LogEntry] = []
        self._gaps: dict[int, Gap] = {}
        self._seq = 0

    @classmethod
    def from_events(
        cls,
        events: Iterable[TimerEvent],
        planned: PhaseDurations,
        *,
        monotonic: Callable[[], float],
        wall: Callable[[], datetime],
        warnings: tuple[float, float] = DEFAULT_WARNINGS,
        alive_at: datetime | None = None,
    ) -> OralTimer:
        """Replay the stored events; ``planned`` applies only if the oral has not started (``start`` records them).

        ``alive_at`` is the last moment the program was known to run (a heartbeat), when the caller keeps one:
        a later restart's gap then starts there instead of at the last event.
        """
        timer = cls(planned, monotonic=monotonic, wall=wall, warnings=warnings)
        for event in sorted(events, key=lambda e: e.seq):
            timer.apply(event)
        timer._alive_at = None if alive_at is None else cls._utc(alive_at)
        return timer

    # -- reading ------------------------------------------------------------------------------------------

    @property
    def state(self) -> State:
        return self._state

    def now(self) -> datetime:
        """Wall time as this session sees it: the anchor plus monotonic time since (events are stamped so)."""
        return self._anchor_wall + timedelta(seconds=self.monotonic() - self._anchor_mono)

    def snapshot(self) -> TimerSnapshot:
        """The timer now; a pure query (call :meth:`detect_gap` on each repaint as well)."""
        elapsed = dict(self._elapsed)
        paused_total, pause_elapsed = self._paused_total, 0.0
        if self._last_at is not None and self._state in (State.PRESENTATION, State.DISCUSSION):
            assert self._phase is not None
            elapsed[self._phase] += _seconds(self.now(), self._last_at)
        elif self._last_at is not None and self._state is State.PAUSED:
            pause_elapsed = _seconds(self.now(), self._last_at)
            paused_total += pause_elapsed
        phase = self._phase
        duration = self._durations.of(phase or Phase.PRESENTATION)
        phase_elapsed = elapsed[phase] if phase else 0.0
        remaining = duration - phase_elapsed
        return TimerSnapshot(
            state=self._state,
            phase=phase,
            durations=self._durations,
            duration=duration,
            elapsed=phase_elapsed,
            remaining=remaining,
            overtime=max(0.0, -remaining),
            warning=self._warning(remaining) if phase else WarningLevel.NONE,
            paused=self._state is State.PAUSED,
            pause_reason=self._pause_reason,
            pause_elapsed=pause_elapsed,
            paused_total=paused_total,
            elapsed_by_phase=MappingProxyType(elapsed),
            log=tuple(self._log),
            pending_gap=max(self._gaps.values(), key=lambda g: g.seq) if self._gaps else None,
        )

    def _warning(self, remaining: float) -> WarningLevel:
        if remaining < 0:
            return WarningLevel.OVERTIME
        if remaining <= self.warnings[1]:
            return WarningLevel.SECOND
        if remaining <= self.warnings[0]:
            return WarningLevel.FIRST
        return WarningLevel.NONE

    # -- commands: each returns the event to persist, then to :meth:`apply` ----------------------------------

    def start(self) -> TimerEvent:
        self._require(State.READY)
        d = self._durations
        data = {"presentation_seconds": d.presentation, "discussion_seconds": d.discussion}
        return self._event(EventKind.START, {**data, "extra_time_percent": d.extra_time_percent})

    def start_discussion(self) -> TimerEvent:
        """The jury moves on (also from a paused presentation, which closes the pause)."""
        if self._phase is not Phase.PRESENTATION or self._state is State.FINISHED:
            raise TimerStateError(f"cannot start the discussion from {self._state}")
        return self._event(EventKind.DISCUSSION_STARTED)

    def pause(self, reason: str) -> TimerEvent:
        self._require(State.PRESENTATION, State.DISCUSSION)
        if not reason.strip():
            raise TimerStateError("a pause needs a reason")
        return self._event(EventKind.PAUSE, {"reason": reason.strip()})

    def resume(self) -> TimerEvent:
        self._require(State.PAUSED)
        return self._event(EventKind.RESUME)

    def end(self) -> TimerEvent:
        self._require(State.PRESENTATION, State.DISCUSSION, State.PAUSED)
        return self._event(EventKind.END)

    def note_restart(self) -> TimerEvent | None:
        """At program start, for an oral in progress: the event that logs the restart and its gap (or None)."""
        if self._last_at is None or self._state in (State.READY, State.FINISHED):
            return None
        since = max(self._last_at, self._alive_at or self._last_at)
        gap = _seconds(self._anchor_wall, since) if self._state is not State.PAUSED else 0.0
        return self._event(EventKind.RESTART, {"gap_seconds": gap})

    def detect_gap(self) -> TimerEvent | None:
        """Called on every repaint: a ``suspend`` event when the machine slept (see the module's docstring)."""
        mono, wall = self.monotonic(), self._utc(self._wall())
        previous = self._last_poll
        if self._state in (State.PRESENTATION, State.DISCUSSION):
            # Until the event is applied (persisted first), the next poll finds the same gap again.
            ahead = (wall - self.now()).total_seconds()
            if ahead > WALL_JUMP_THRESHOLD:
                event = self._event(EventKind.SUSPEND, {"gap_seconds": ahead, "clock": "wall"}, at=wall)
                self._pending_anchor = (event.seq, mono, wall)
                return event
            if previous is not None and mono - previous > POLL_GAP_THRESHOLD:
                return self._event(EventKind.SUSPEND, {"gap_seconds": mono - previous, "clock": "monotonic"})
        self._last_poll = mono
        return None

    def mark_gap_as_pause(self, reason: str, gap_seq: int | None = None) -> TimerEvent:
        """Give back a restart's or a sleep's time: it becomes a pause with this reason."""
        if not self._gaps or (gap_seq is not None and gap_seq not in self._gaps):
            raise TimerStateError("no gap to mark as a pause")
        gap = self._gaps[gap_seq] if gap_seq is not None else max(self._gaps.values(), key=lambda g: g.seq)
        data = {
            "gap_seq": gap.seq,
            "seconds": gap.seconds,
            "phase": gap.phase.value,
            "reason": reason.strip(),
        }
        return self._event(EventKind.GAP_PAUSED, data)

    def _require(self, *states: State) -> None:
        if self._state not in states:
            raise TimerStateError(f"not allowed while {self._state}")

    def _event(
        self, kind: EventKind, data: Mapping[str, JsonValue] | None = None, at: datetime | None = None
    ) -> TimerEvent:
        return TimerEvent(self._seq + 1, kind, at or self.now(), dict(data or {}))

    @staticmethod
    def _utc(moment: datetime) -> datetime:
        if moment.tzinfo is None:
            raise ValueError("the wall clock must give aware datetimes")
        return moment.astimezone(UTC)

    # -- applying ----------------------------------------------------------------------------------------

    def apply(self, event: TimerEvent) -> None:
        """Apply a persisted event (a fresh one from a command, or a stored one during a replay)."""
        if event.seq <= self._seq:
            raise TimerStateError(f"event {event.seq} is not after event {self._seq}")
        at = self._utc(event.at)
        if self._last_at is not None and self._phase is not None:
            span = _seconds(at, self._last_at)
            if self._state in (State.PRESENTATION, State.DISCUSSION):
                self._elapsed[self._phase] += span
            elif self._state is State.PAUSED:
                self._paused_total += span
        handler = _HANDLERS[event.kind]
        handler(self, event, at)
        self._seq, self._last_at = event.seq, at
        if self._pending_anchor and self._pending_anchor[0] == event.seq:
            _, self._anchor_mono, self._anchor_wall = self._pending_anchor
        self._pending_anchor = None
        if event.kind is EventKind.SUSPEND:
            self._last_poll = None

    def _log_entry(
        self,
        kind: str,
        at: datetime,
        *,
        phase: Phase | None = None,
        reason: str | None = None,
        seconds: float | None = None,
        overtime: float | None = None,
    ) -> None:
        self._log.append(LogEntry(kind, at, phase or self._phase, reason, seconds, overtime))

    def _end_phase(self, at: datetime) -> None:
        assert self._phase is not None
        if self._state is State.PAUSED:
            self._log_entry("resumed", at, seconds=self._current_pause_length(at))
        ran = self._elapsed[self._phase]
        over = max(0.0, ran - self._durations.of(self._phase))
        self._log_entry("phase_ended", at, seconds=ran, overtime=over)

    def _current_pause_length(self, at: datetime) -> float:
        started = next(e.at for e in reversed(self._log) if e.kind == "paused")
        return _seconds(at, started)

    def _on_start(self, event: TimerEvent, at: datetime) -> None:
        self._check(event, State.READY)
        d = event.data
        self._durations = replace(
            self._durations,
            presentation=int(d.get("presentation_seconds") or self._durations.presentation),
            discussion=int(d.get("discussion_seconds") or self._durations.discussion),
            extra_time_percent=float(d.get("extra_time_percent") or 0),
        )
        self._state, self._phase = State.PRESENTATION, Phase.PRESENTATION
        self._log_entry("phase_started", at)

    def _on_discussion(self, event: TimerEvent, at: datetime) -> None:
        if self._phase is not Phase.PRESENTATION or self._state is State.FINISHED:
            raise TimerStateError(f"event {event.seq}: no presentation to leave")
        self._end_phase(at)
        self._gaps.clear()
        self._state, self._phase, self._pause_reason = State.DISCUSSION, Phase.DISCUSSION, None
        self._log_entry("phase_started", at)

    def _on_pause(self, event: TimerEvent, at: datetime) -> None:
        self._check(event, State.PRESENTATION, State.DISCUSSION)
        self._state, self._pause_reason = State.PAUSED, str(event.data.get("reason") or "")
        self._log_entry("paused", at, reason=self._pause_reason)

    def _on_resume(self, event: TimerEvent, at: datetime) -> None:
        self._check(event, State.PAUSED)
        assert self._phase is not None
        self._log_entry("resumed", at, seconds=self._current_pause_length(at), reason=self._pause_reason)
        self._state, self._pause_reason = State(self._phase.value), None

    def _on_end(self, event: TimerEvent, at: datetime) -> None:
        self._check(event, State.PRESENTATION, State.DISCUSSION, State.PAUSED)
        self._end_phase(at)
        self._state, self._pause_reason = State.FINISHED, None
        self._gaps.clear()
        self._log_entry("finished", at)

    def _on_gap(self, event: TimerEvent, at: datetime) -> None:
        seconds = float(event.data.get("gap_seconds") or 0.0)
        self._log_entry(event.kind.value, at, seconds=seconds)
        if seconds > 0 and self._phase is not None and self._state is not State.FINISHED:
            self._gaps[event.seq] = Gap(event.seq, event.kind, self._phase, seconds)

    def _on_gap_paused(self, event: TimerEvent, at: datetime) -> None:
        gap = self._gaps.pop(int(event.data.get("gap_seq") or 0), None)
        if gap is None:
            raise TimerStateError(f"event {event.seq}: no such gap to mark as a pause")
        seconds = min(float(event.data.get("seconds") or 0.0), gap.seconds)
        self._elapsed[gap.phase] = max(0.0, self._elapsed[gap.phase] - seconds)
        self._paused_total += seconds
        reason = str(event.data.get("reason") or "")
        self._log_entry("gap_paused", at, phase=gap.phase, seconds=seconds, reason=reason)

    def _check(self, event: TimerEvent, *states: State) -> None:
        if self._state not in states:
            raise TimerStateError(f"event {event.seq} ({event.kind}) is not allowed while {self._state}")


_HANDLERS: dict[EventKind, Callable[[OralTimer, TimerEvent, datetime], None]] = {
    EventKind.START: OralTimer._on_start,
    EventKind.DISCUSSION_STARTED: OralTimer._on_discussion,
    EventKind.PAUSE: OralTimer._on_pause,
    EventKind.RESUME: OralTimer._on_resume,
    EventKind.END: OralTimer._on_end,
    EventKind.RESTART: OralTimer._on_gap,
    EventKind.SUSPEND: OralTimer._on_gap,
    EventKind.GAP_PAUSED: OralTimer._on_gap_paused,
}
