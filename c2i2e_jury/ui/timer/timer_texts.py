"""What the timer says in words: the phase, the state (with the colours' name), the planned durations and a
pending interruption. Colour alone never carries the state: each look comes with its sentence."""

from __future__ import annotations

from PySide6.QtCore import QObject

from c2i2e_jury.domain.timer_values import Phase, State, TimerSnapshot, WarningLevel
from c2i2e_jury.ui.text import format_clock
from c2i2e_jury.ui.timer.timer_log import lower_first


class TimerTexts(QObject):
    """The sentences of a snapshot; ``warnings`` are the timer's two thresholds, in seconds."""

    def __init__(self, warnings: tuple[float, float], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._warnings = warnings

    def phase(self, snap: TimerSnapshot) -> str:
        if snap.phase is Phase.DISCUSSION:
            return self.tr("Discussion")
        return self.tr("Presentation (part 1)")

    def state(self, snap: TimerSnapshot, idle_reason: str) -> tuple[str, str]:
        """The look's name (:data:`face.STYLES`) and its sentence; ``idle_reason``: why F5 cannot start now."""
        if snap.state is State.READY:
            return "ready", idle_reason or self.tr("Ready — F5 starts the presentation")
        if snap.state is State.FINISHED:
            return "finished", self.tr("Ended")
        if snap.paused:
            text = self.tr("Paused ({time}) — {reason}")
            return "paused", text.format(
                time=human(snap.pause_elapsed), reason=lower_first(snap.pause_reason or "")
            )
        if snap.warning is WarningLevel.OVERTIME:
            return "overtime", self.tr("Overtime {time}").format(time=format_clock(snap.remaining))
        if snap.warning is WarningLevel.SECOND:
            return "second", self.tr("Warning: under {time} left").format(time=human(self._warnings[1]))
        if snap.warning is WarningLevel.FIRST:
            return "first", self.tr("Warning: under {time} left").format(time=human(self._warnings[0]))
        return "running", self.tr("Running")

    def plan(self, snap: TimerSnapshot) -> str:
        d = snap.durations
        plan = self.tr("Presentation {p} · Discussion {d}").format(
            p=format_clock(d.presentation), d=format_clock(d.discussion)
        )
        if not d.extra_time_percent:
            return plan
        percent = f"{d.extra_time_percent:g}"
        if round(d.extra_time_percent) == 33:
            extra = self.tr("Extra time (one third): +{percent} %").format(percent=percent)
        else:
            extra = self.tr("Extra time: +{percent} %").format(percent=percent)
        return f"{extra}\n{plan}"  # two lines: the timer column is narrow, and neither may be cut

    def gap(self, snap: TimerSnapshot) -> str:
        """The pending interruption (``snap.pending_gap`` is set)."""
        gap = snap.pending_gap
        assert gap is not None
        text = self.tr("Interruption of {time} ({cause}) counted in the candidate's time.")
        cause = self.tr("program restarted") if gap.kind.value == "restart" else self.tr("computer asleep")
        return text.format(time=format_clock(gap.seconds), cause=cause)


def human(seconds: float) -> str:
    """A threshold as people say it: ``2 min``, ``30 s``, ``1 min 30 s`` (the same in French and English)."""
    minutes, rest = divmod(round(seconds), 60)
    parts = ([f"{minutes} min"] if minutes else []) + ([f"{rest} s"] if rest or not minutes else [])
    return " ".join(parts)
