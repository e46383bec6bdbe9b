"""The oral's timing log as the jury reads it: one entry a line, wrapped in the timer's narrow column.

At 1366×768 the column is about 270 px wide: « 10:22:05  Fin de la présentation après 12:00 (dépassement 02:00) »
was cut at « après 00:1… ». Each entry wraps onto as many lines as it needs and shows whole in its tooltip.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListView, QListWidget, QListWidgetItem, QWidget

from c2i2e_jury.domain.timer_values import LogEntry, Phase
from c2i2e_jury.ui.text import format_clock


class TimerLog(QListWidget):
    """The entries of the timer's log, the latest in view; never takes the keyboard focus from the decisions."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timerLog")
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListView.ResizeMode.Adjust)  # the lines wrap again when the column changes
        self.setMinimumHeight(self.fontMetrics().height() * 3)
        self.setMaximumHeight(self.fontMetrics().height() * 6)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def show_entries(self, entries: Sequence[LogEntry]) -> None:
        """The log's entries, when their number changed (the log only grows)."""
        if self.count() == len(entries):
            return
        self.clear()
        for entry in entries:
            item = QListWidgetItem(self.describe(entry), self)
            item.setToolTip(item.text())
        self.scrollToBottom()

    def describe(self, entry: LogEntry) -> str:
        """One entry of the timing log, after the local time of day."""
        when = entry.at.astimezone().strftime("%H:%M:%S")
        text = self._wording(entry).format(
            time=format_clock(entry.seconds or 0.0), reason=lower_first(entry.reason or "")
        )
        if entry.kind == "phase_ended" and entry.overtime:
            text += " " + self.tr("(overtime {time})").format(time=format_clock(-entry.overtime))
        return f"{when}  {text}"

    def _wording(self, entry: LogEntry) -> str:
        discussion = entry.phase is Phase.DISCUSSION
        texts = {
            "phase_started": self.tr("Discussion started") if discussion else self.tr("Presentation started"),
            "phase_ended": self.tr("Discussion ended after {time}")
            if discussion
            else self.tr("Presentation ended after {time}"),
            "paused": self.tr("Paused — {reason}"),
            "resumed": self.tr("Resumed after a pause of {time}"),
            "restart": self.tr("Program restarted: {time} counted as elapsed"),
            "suspend": self.tr("Computer asleep or frozen: {time} counted as elapsed"),
            "gap_paused": self.tr("{time} counted as a pause — {reason}"),
            "finished": self.tr("Oral ended"),
        }
        return texts.get(entry.kind, entry.kind)


def lower_first(text: str) -> str:
    """« En pause — incident technique »: a reason reads as the rest of a sentence."""
    return text[:1].lower() + text[1:]
