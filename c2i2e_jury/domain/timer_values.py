"""The oral timer's vocabulary: its phases and states, the event it persists, the log line and the snapshot it
shows.

These are plain values that cross layers: storage keeps :class:`TimerEvent` as a row, the result sheet holds
:meth:`TimerSnapshot.timing_json`, the widgets and the projector paint a :class:`TimerSnapshot`. The state machine
that produces them, and its time model, is :mod:`c2i2e_jury.domain.oral_timer`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

JsonValue = str | int | float | bool | None


class Phase(StrEnum):
    PRESENTATION = "presentation"
    DISCUSSION = "discussion"


class State(StrEnum):
    READY = "ready"
    PRESENTATION = "presentation"
    DISCUSSION = "discussion"
    PAUSED = "paused"
    FINISHED = "finished"


class WarningLevel(StrEnum):
    NONE = "none"
    FIRST = "first"
    SECOND = "second"
    OVERTIME = "overtime"


class EventKind(StrEnum):
    START = "start"
    DISCUSSION_STARTED = "discussion_started"
    PAUSE = "pause"
    RESUME = "resume"
    END = "end"
    RESTART = "restart"
    SUSPEND = "suspend"
    GAP_PAUSED = "gap_paused"


@dataclass(frozen=True)
class PhaseDurations:
    """Planned length of each phase, in whole seconds, accommodation included."""

    presentation: int
    discussion: int
    extra_time_percent: float = 0

    def of(self, phase: Phase) -> int:
        return self.presentation if phase is Phase.PRESENTATION else self.discussion


def durations(
    presentation_minutes: float = 10, discussion_minutes: float = 20, extra_time_percent: float = 0
) -> PhaseDurations:
    """The phases' lengths lengthened by an exam accommodation, rounded to the second (33 % → 13:18 and 26:36)."""

    def seconds(minutes: float) -> int:
        exact = Decimal(str(minutes)) * 60 * (100 + Decimal(str(extra_time_percent))) / 100
        return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))

    if presentation_minutes <= 0 or discussion_minutes <= 0 or extra_time_percent < 0:
        raise ValueError("phase lengths must be positive and extra time not negative")
    return PhaseDurations(seconds(presentation_minutes), seconds(discussion_minutes), extra_time_percent)


@dataclass(frozen=True)
class TimerEvent:
    """One persisted fact. ``data`` is JSON-ready (it maps onto storage's ``timer_event`` row as is)."""

    seq: int
    kind: EventKind
    at: datetime
    data: Mapping[str, JsonValue] = field(default_factory=dict)

    @classmethod
    def from_record(
        cls, seq: int, kind: str, at: datetime, data: Mapping[str, JsonValue] | None
    ) -> TimerEvent:
        """Rebuild from a stored row; a naive ``at`` (SQLite drops the zone) is taken as UTC."""
        aware = at if at.tzinfo is not None else at.replace(tzinfo=UTC)
        return cls(seq, EventKind(kind), aware.astimezone(UTC), dict(data or {}))


@dataclass(frozen=True)
class LogEntry:
    """One line of the timing log, as the jury sees it and as the result sheet stores it."""

    kind: str  # phase_started, phase_ended, paused, resumed, restart, suspend, gap_paused, finished
    at: datetime
    phase: Phase | None
    reason: str | None = None
    seconds: float | None = None  # the pause's or gap's length, or the phase's running time at its end
    overtime: float | None = None  # at a phase's end

    def to_json(self) -> dict[str, JsonValue]:
        return {
            "kind": self.kind,
            "at": self.at.isoformat(),
            "phase": self.phase.value if self.phase else None,
            "reason": self.reason,
            "seconds": None if self.seconds is None else round(self.seconds),
            "overtime_seconds": None if self.overtime is None else round(self.overtime),
        }


@dataclass(frozen=True)
class Gap:
    """A stretch counted as elapsed that the jury may still mark as a pause."""

    seq: int
    kind: EventKind  # RESTART or SUSPEND
    phase: Phase
    seconds: float


@dataclass(frozen=True)
class TimerSnapshot:
    """What the timer shows at one instant; immutable, so the UI can keep it."""

    state: State
    phase: Phase | None  # the running or paused phase; the last one once finished; None before the start
    durations: PhaseDurations
    duration: int  # of ``phase`` (of the presentation before the start)
    elapsed: float  # running time of ``phase``, pauses excluded
    remaining: float  # negative = overtime
    overtime: float
    warning: WarningLevel
    paused: bool
    pause_reason: str | None
    pause_elapsed: float  # length of the current pause
    paused_total: float
    elapsed_by_phase: Mapping[Phase, float]
    log: tuple[LogEntry, ...]
    pending_gap: Gap | None

    def timing_json(self) -> dict[str, object]:
        """The oral's timing as the result sheet's JSON holds it (``oral.timing_log`` and the extra time)."""
        return {
            "extra_time_percent": self.durations.extra_time_percent,
            "planned_seconds": {
                "presentation": self.durations.presentation,
                "discussion": self.durations.discussion,
            },
            "elapsed_seconds": {phase.value: round(value) for phase, value in self.elapsed_by_phase.items()},
            "paused_seconds": round(self.paused_total),
            "timing_log": [entry.to_json() for entry in self.log],
        }
