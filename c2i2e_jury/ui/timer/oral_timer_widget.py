"""The oral's timer as the jury sees it: the remaining time large enough to read across a desk.

The widget holds no time of its own: a ``QTimer`` repaints it about five times a second from
:meth:`OralTimer.snapshot`, so a frozen UI never shifts the time. Every command goes through ``on_event``
(the service that writes the event to disk) *before* the timer applies it and the widget shows it: if writing
fails, nothing changes on screen but an error line.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from c2i2e_jury.domain.oral_timer import OralTimer
from c2i2e_jury.domain.timer_values import LogEntry, Phase, State, TimerEvent, TimerSnapshot, WarningLevel
from c2i2e_jury.errors import UserError
from c2i2e_jury.ui import shortcuts
from c2i2e_jury.ui.fit import fit_height
from c2i2e_jury.ui.prompts import Prompts
from c2i2e_jury.ui.settings import Settings
from c2i2e_jury.ui.text import format_clock
from c2i2e_jury.ui.timer.face import TimerPanel, make_label, set_text
from c2i2e_jury.ui.timer.pause_reason_dialog import ask_pause_reason
from c2i2e_jury.ui.timer.timer_log import TimerLog
from c2i2e_jury.ui.timer.timer_texts import TimerTexts

log = logging.getLogger(__name__)

REFRESH_MS = 200
HEARTBEAT_SECONDS = 10.0
FLASH_SECONDS = 4.0
_LEVEL_ORDER = [WarningLevel.NONE, WarningLevel.FIRST, WarningLevel.SECOND, WarningLevel.OVERTIME]


class OralTimerWidget(QWidget):
    """Start, move on, pause with a reason, end; warnings seen and (optionally) heard; the timing log."""

    eventApplied = Signal(object)  # TimerEvent, once persisted and applied

    def __init__(
        self,
        timer: OralTimer,
        on_event: Callable[[TimerEvent], None],
        parent: QWidget | None = None,
        *,
        refresh_ms: int = REFRESH_MS,
        beep: Callable[[], None] = QApplication.beep,
        ask_reason: Callable[[QWidget, str], str | None] = ask_pause_reason,
        confirm_end: Callable[[QWidget], bool] | None = None,
        on_heartbeat: Callable[[datetime], None] | None = None,
        prompts: Prompts | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("oralTimer")
        self._timer, self._on_event, self._beep = timer, on_event, beep
        self._ask_reason = ask_reason
        self._prompts = prompts or Prompts()
        self._confirm_end = confirm_end or self._ask_confirm_end
        self._on_heartbeat = on_heartbeat
        self._last_heartbeat = -math.inf
        self._recording = False
        self._level, self._level_phase = WarningLevel.NONE, None
        self._flash_until = -math.inf
        self._look: tuple[str, str, str] | None = None  # the panel's colours, when the messages were fitted
        self._idle_reason = ""  # why F5 cannot start the oral now (see set_idle_reason)
        self._fitted_for: tuple[object, ...] = ()  # the texts the minimum height was computed for
        self._texts = TimerTexts(timer.warnings, self)
        self._build()
        self._clock = QTimer(self, interval=refresh_ms, timerType=Qt.TimerType.PreciseTimer)
        self._clock.timeout.connect(self.refresh)
        self._clock.start()
        self.snapshot = timer.snapshot()
        self._level, self._level_phase = self.snapshot.warning, self.snapshot.phase
        self.refresh()

    # -- layout -------------------------------------------------------------------------------------------

    def _build(self) -> None:
        """The digits in an area of their own; every message on its own line below them, wrapped, never drawn
        over the digits nor cut: the widget asks for the height its texts need at its width (:meth:`_fit`)."""
        self._panel = TimerPanel(self)
        self._plan_label = make_label(self, "timerPlan", wrap=True)
        self._gap_label = make_label(self, "timerGap", wrap=True)
        self._gap_button = QPushButton(self.tr("Count as a pause…"), self)
        self._gap_button.setObjectName("timerGapButton")
        self._gap_button.clicked.connect(self._mark_gap)
        self._build_buttons()
        self._error = make_label(self, "timerError", wrap=True)
        self._error.setStyleSheet("color: #a3001b;")
        self._error.hide()
        self._log = TimerLog(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)  # the column is narrow: its width goes to the texts
        above: tuple[QWidget, ...] = (self._panel, self._plan_label, self._gap_label, self._gap_button)
        for widget in above:
            layout.addWidget(widget, 1 if widget is self._panel else 0)
        layout.addLayout(self._buttons)
        below: tuple[QWidget, ...] = (self.sound, self._error, self._log)
        for widget in below:
            layout.addWidget(widget)

    def _build_buttons(self) -> None:
        self._start = self._button(self.tr("Start"), "timer_start", self._start_clicked)
        self._next = self._button(self.tr("→ Discussion"), "timer_discussion", self._next_clicked)
        self._next.setToolTip(self.tr("Move on to the discussion"))
        self._pause = self._button(self.tr("Pause"), "timer_pause", self._pause_clicked)
        self._end = self._button(self.tr("End"), "timer_end", self._end_clicked)
        self._buttons = QGridLayout()  # two by two, or one above the other when a translation is long
        self._columns = 0
        self._arrange_buttons()
        self.sound = QCheckBox(self.tr("Sound alert"), self)
        self.sound.setChecked(Settings().sound_alert())  # as the jury left it, candidate after candidate
        self.sound.toggled.connect(lambda on: Settings().remember_sound_alert(on))

    def _arrange_buttons(self) -> None:
        """Two columns of buttons when both fit the width, else one: never a cut or overlapping label."""
        buttons = (self._start, self._next, self._pause, self._end)
        widest = max(button.sizeHint().width() for button in buttons)
        margins = 8
        columns = 2 if self.width() >= 2 * widest + self._buttons.horizontalSpacing() + margins else 1
        if columns == self._columns:
            return
        self._columns = columns
        for n, button in enumerate(buttons):
            self._buttons.addWidget(button, n // columns, n % columns)  # moves it if already there

    def _fit(self) -> None:
        """The wrapped messages' lines as the minimum height: a splitter or a small screen then gives the timer
        that much, instead of squeezing a message over the digits."""
        fit_height(self)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._arrange_buttons()
        self._fit()

    def _button(self, text: str, action: str, slot: Callable[[], None]) -> QPushButton:
        """A command's button, labelled with its key (:mod:`c2i2e_jury.ui.shortcuts`'s ``action``)."""
        button = QPushButton(f"{text} ({shortcuts.key_text(action)})", self)
        button.clicked.connect(slot)

        # A QShortcut acts at once (a button's own shortcut animates a click for 100 ms first).
        def fire() -> None:
            if button.isEnabled():
                slot()

        for key in shortcuts.keys(action):
            QShortcut(key, self, context=Qt.ShortcutContext.WindowShortcut).activated.connect(fire)
        return button

    # -- commands -----------------------------------------------------------------------------------------

    def _record(self, event: TimerEvent | None) -> bool:
        """Persist first (``on_event``), then apply and show; a failed write changes nothing on screen."""
        if event is None:
            return False
        self._recording = True  # the clock repaints while the write answers: it must not record meanwhile
        try:
            self._on_event(event)
        except UserError as error:
            log.warning("timer event %s not recorded: %s", event.kind, error)
            self._error.setText(
                self.tr("Not recorded, the timer did not change: {error}").format(error=error)
            )
            self._error.show()
            self._fit()
            return False
        finally:
            self._recording = False
        self._error.hide()
        self._last_heartbeat = self._timer.monotonic()  # the event stored says the program is alive, too
        self._timer.apply(event)
        self.eventApplied.emit(event)
        self.refresh()
        return True

    def _start_clicked(self) -> None:
        self._record(self._timer.start())

    def _next_clicked(self) -> None:
        self._record(self._timer.start_discussion())

    def _pause_clicked(self) -> None:
        if self._timer.state is State.PAUSED:
            self._record(self._timer.resume())
            return
        reason = self._ask_reason(self, self.tr("Why pause the timer?"))
        if reason and self._timer.state in (State.PRESENTATION, State.DISCUSSION):
            self._record(self._timer.pause(reason))

    def _end_clicked(self) -> None:
        if self._confirm_end(self):
            self._record(self._timer.end())

    def _mark_gap(self) -> None:
        reason = self._ask_reason(self, self.tr("Count this interruption as a pause: why?"))
        if reason and self.snapshot.pending_gap is not None:
            self._record(self._timer.mark_gap_as_pause(reason))

    def _ask_confirm_end(self, parent: QWidget) -> bool:
        return self._prompts.confirm_risky(
            parent,
            self.tr("End the oral"),
            self.tr("End the oral now? The timer stops and its log is closed."),
        )

    # -- display ------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Poll for a sleep, then show the timer's snapshot (called by the ``QTimer``).

        Qt is touched only where something changed: five repaints a second stay cheap.
        """
        if not self._recording:  # else the event being written is applied first, in the order stored
            self._record(self._timer.detect_gap())
        snap = self._timer.snapshot()
        self.snapshot = snap
        if not self._recording:
            self._heartbeat(snap)
        self._alert_on_new_level(snap)
        set_text(self._panel.time_label, format_clock(snap.remaining))
        set_text(self._panel.phase_label, self._texts.phase(snap))
        style, state_text = self._texts.state(snap, self._idle_reason)
        set_text(self._panel.state_label, state_text)
        self._look = self._panel.paint(style, self._flashing())
        self._panel.show_progress(snap.elapsed, snap.duration)
        set_text(self._plan_label, self._texts.plan(snap))
        self._show_gap(snap)
        self._show_buttons(snap.state)
        self._log.show_entries(snap.log)
        shown = (self._look, *(label.text() for label in self._messages()), self._gap_label.isHidden())
        if shown != self._fitted_for:  # a message changed: its lines may have too
            self._fitted_for = shown
            self._fit()

    def _messages(self) -> tuple[QLabel, ...]:
        panel = self._panel
        return panel.phase_label, panel.state_label, self._plan_label, self._gap_label, self._error

    def _heartbeat(self, snap: TimerSnapshot) -> None:
        """While the timer runs, tell the caller now and then that the program is alive.

        Stored, it bounds a crash's gap (:meth:`OralTimer.from_events`'s ``alive_at``) to these few seconds
        instead of the whole stretch since the last event.
        """
        now = self._timer.monotonic()
        running = snap.state in (State.PRESENTATION, State.DISCUSSION)
        if self._on_heartbeat is None or not running or now - self._last_heartbeat < HEARTBEAT_SECONDS:
            return
        self._last_heartbeat = now
        try:
            self._on_heartbeat(self._timer.now())
        except UserError as error:
            log.warning("timer heartbeat not recorded: %s", error)

    def time_text(self) -> str:
        return self._panel.time_label.text()

    def state_text(self) -> str:
        return self._panel.state_label.text()

    def _alert_on_new_level(self, snap: TimerSnapshot) -> None:
        rose = _LEVEL_ORDER.index(snap.warning) > _LEVEL_ORDER.index(self._level)
        if snap.phase == self._level_phase and rose and snap.state in (State.PRESENTATION, State.DISCUSSION):
            self._flash_until = self._timer.monotonic() + FLASH_SECONDS
            if self.sound.isChecked():
                self._beep()
        self._level, self._level_phase = snap.warning, snap.phase

    def set_idle_reason(self, reason: str) -> None:
        """Why the timer cannot start now (not checked in, absent, signed…), shown instead of « F5 starts »;
        "" when it can. The same reason again (each decision's answer tells it) changes nothing on screen."""
        if reason != self._idle_reason:
            self._idle_reason = reason
            self.refresh()

    def _flashing(self) -> bool:
        """Half a second in two, for a few seconds after a warning rose."""
        left = self._flash_until - self._timer.monotonic()
        return left > 0 and int(left * 2) % 2 == 0

    def _show_gap(self, snap: TimerSnapshot) -> None:
        gap = snap.pending_gap
        _set_shown(self._gap_label, gap is not None)
        _set_shown(self._gap_button, gap is not None)
        if gap is not None:
            set_text(self._gap_label, self._texts.gap(snap))

    def _show_buttons(self, state: State) -> None:
        running = state in (State.PRESENTATION, State.DISCUSSION)
        _set_enabled(self._start, state is State.READY)
        _set_enabled(self._next, self.snapshot.phase is Phase.PRESENTATION and state is not State.FINISHED)
        _set_enabled(self._pause, running or state is State.PAUSED)
        label = self.tr("Resume") if state is State.PAUSED else self.tr("Pause")
        set_text(self._pause, f"{label} ({shortcuts.key_text('timer_pause')})")
        for button in (self._start, self._next, self._pause, self._end, self._gap_button):
            if (
                button.minimumWidth() < button.sizeHint().width()
            ):  # a longer word widens the column, never cut
                button.setMinimumWidth(button.sizeHint().width())
        self._arrange_buttons()
        _set_enabled(self._end, running or state is State.PAUSED)

    def describe(self, entry: LogEntry) -> str:
        """One line of the timing log, with the local time of day."""
        return self._log.describe(entry)


def _set_shown(widget: QWidget, shown: bool) -> None:
    if widget.isHidden() == shown:
        widget.setHidden(not shown)


def _set_enabled(widget: QWidget, enabled: bool) -> None:
    if widget.isEnabled() != enabled:
        widget.setEnabled(enabled)
