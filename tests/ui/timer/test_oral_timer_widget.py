"""The timer widget driven offscreen with a fake clock: what the jury sees, and that disk comes first."""

from __future__ import annotations

from fractions import Fraction

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from c2i2e_jury.domain.oral_timer import OralTimer
from c2i2e_jury.domain.timer_values import State, TimerEvent, durations
from c2i2e_jury.errors import UserError
from c2i2e_jury.ui.text import format_clock
from c2i2e_jury.ui.timer.oral_timer_widget import OralTimerWidget
from c2i2e_jury.ui.timer.pause_reason_dialog import PauseReasonDialog
from tests.domain.test_oral_timer import FakeClock

pytestmark = pytest.mark.gui


class Room:
    """A fake clock, a timer, the events written "to disk" and what the widget showed when each was written."""

    def __init__(self, qtbot, extra: float = 0, events: list[TimerEvent] | None = None) -> None:
        self.clock = FakeClock()
        self.stored: list[TimerEvent] = list(events or [])
        self.shown_when_stored: list[str] = []
        self.fail_next = False
        self.beeps = 0
        self.reason: str | None = "Technical incident"
        self.timer = OralTimer.from_events(
            self.stored,
            durations(extra_time_percent=extra),
            monotonic=self.clock.monotonic,
            wall=self.clock.wall,
        )
        self.widget = OralTimerWidget(
            self.timer,
            self.store,
            refresh_ms=60_000,  # the test repaints by hand; time comes from the fake clock anyway
            beep=self.beep,
            ask_reason=lambda parent, prompt: self.reason,
            confirm_end=lambda parent: True,
        )
        qtbot.addWidget(self.widget)
        self.widget.resize(520, 460)

    def store(self, event: TimerEvent) -> None:
        if self.fail_next:
            self.fail_next = False
            raise UserError("Le disque est plein.")
        self.shown_when_stored.append(self.widget.state_text())
        self.stored.append(event)

    def beep(self) -> None:
        self.beeps += 1

    def advance(self, seconds: float) -> None:
        """Let time pass as in a live room: the repaints' polls keep coming (a long silence is a sleep)."""
        while seconds > 1e-9:
            step = min(seconds, 5.0)
            self.clock.advance(step)
            seconds -= step
            assert self.timer.detect_gap() is None
        self.widget.refresh()


@pytest.fixture
def room(qtbot) -> Room:
    return Room(qtbot)


def test_format_clock():
    assert format_clock(600) == "10:00"
    assert format_clock(598.2) == "09:59"
    assert format_clock(0) == "00:00"
    assert format_clock(-72.4) == "+01:12"
    assert format_clock(1596) == "26:36"


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_keyboard_runs_a_whole_oral_and_disk_comes_first(room, qtbot):
    with qtbot.waitActive(room.widget):
        room.widget.show()
        room.widget.activateWindow()
    qtbot.keyClick(room.widget, Qt.Key.Key_F5)
    assert room.timer.state is State.PRESENTATION
    assert room.widget.time_text() == "10:00"
    room.advance(125.5)
    assert room.widget.time_text() == "07:55"
    qtbot.keyClick(room.widget, Qt.Key.Key_F7)
    assert room.widget.state_text() == "Paused (0 s) — technical incident"
    room.advance(300)
    assert room.widget.time_text() == "07:55"  # a pause does not eat the candidate's time
    assert room.widget.state_text() == "Paused (5 min) — technical incident"
    qtbot.keyClick(room.widget, Qt.Key.Key_F7)
    qtbot.keyClick(room.widget, Qt.Key.Key_F6)
    assert room.widget.time_text() == "20:00"
    qtbot.keyClick(room.widget, Qt.Key.Key_F8)
    assert room.timer.state is State.FINISHED
    assert [e.kind.value for e in room.stored] == ["start", "pause", "resume", "discussion_started", "end"]
    # each event was on disk while the widget still showed the previous state
    assert room.shown_when_stored[:2] == ["Ready — F5 starts the presentation", "Running"]
    assert room.shown_when_stored[2] == "Paused (5 min) — technical incident"
    assert room.widget.state_text() == "Ended"


def test_a_failed_write_changes_nothing_on_screen(room, qtbot):
    room.fail_next = True
    qtbot.mouseClick(room.widget._start, Qt.MouseButton.LeftButton)
    assert room.timer.state is State.READY
    assert room.widget.state_text() == "Ready — F5 starts the presentation"
    assert "Le disque est plein." in room.widget._error.text()
    assert not room.widget._error.isHidden()
    qtbot.mouseClick(room.widget._start, Qt.MouseButton.LeftButton)
    assert room.timer.state is State.PRESENTATION
    assert room.widget._error.isHidden()


def test_warnings_flash_and_beep_when_asked(room, qtbot):
    room.widget.sound.setChecked(True)
    qtbot.mouseClick(room.widget._start, Qt.MouseButton.LeftButton)
    room.advance(470)
    assert room.widget.state_text() == "Running"
    room.advance(15)
    assert room.widget.state_text() == "Warning: under 2 min left"
    assert room.beeps == 1
    room.advance(0.2)
    assert room.beeps == 1  # once per threshold, not on every repaint
    room.advance(90)
    assert room.widget.state_text() == "Warning: under 30 s left"
    assert room.beeps == 2
    room.widget.sound.setChecked(False)
    room.advance(98)
    assert room.widget.time_text() == "+01:13"
    assert room.widget.state_text() == "Overtime +01:13"
    assert room.beeps == 2  # silent when the jury unticks "Sound alert"
    assert "#c8102e" in room.widget._panel.styleSheet()


def test_accommodation_is_shown_and_lengthens_both_phases(qtbot):
    room = Room(qtbot, extra=33)
    assert "Extra time (one third): +33 %" in room.widget._plan_label.text()
    assert "13:18" in room.widget._plan_label.text()
    assert "26:36" in room.widget._plan_label.text()
    assert room.widget.time_text() == "13:18"


def test_thirty_minutes_with_a_frozen_ui_through_the_widget(room, qtbot):
    qtbot.mouseClick(room.widget._start, Qt.MouseButton.LeftButton)
    truth = Fraction(1, 10)
    room.advance(0.1)
    while truth < 1800:
        if abs(truth - Fraction(12341, 10)) < Fraction(1, 10):
            room.clock.advance(2.0)  # frozen: no repaint for two seconds
            truth += 2
        room.advance(0.2)
        truth += Fraction(1, 5)
    remaining = 600 - float(truth)
    assert abs(room.widget.snapshot.remaining - remaining) < 0.05
    assert room.widget.time_text() == format_clock(remaining)
    assert [e.kind.value for e in room.stored] == ["start"]  # no sleep detected


def _started_with_heartbeat(qtbot) -> tuple[FakeClock, OralTimerWidget, list[TimerEvent], list]:
    """A widget on a fake clock, its events and heartbeats kept in lists, the presentation started (F5's button)."""
    clock = FakeClock()
    timer = OralTimer.from_events([], durations(), monotonic=clock.monotonic, wall=clock.wall)
    stored: list[TimerEvent] = []
    beats: list = []
    widget = OralTimerWidget(timer, stored.append, refresh_ms=60_000, on_heartbeat=beats.append)
    qtbot.addWidget(widget)
    qtbot.mouseClick(widget._start, Qt.MouseButton.LeftButton)
    return clock, widget, stored, beats


def test_a_key_of_the_timer_commits_its_event_alone(qtbot):
    """The event stored carries the moment the program was alive: no heartbeat commit right behind it (F5 waited
    for two fsyncs)."""
    clock, widget, stored, beats = _started_with_heartbeat(qtbot)
    assert [e.kind.value for e in stored] == ["start"] and beats == []
    for _ in range(60):  # twelve seconds of repaints: a heartbeat ten seconds after the key
        clock.advance(0.2)
        widget.refresh()
    assert len(beats) == 1


def test_restart_shows_the_gap_and_the_jury_gives_it_back(qtbot):
    clock, widget, stored, beats = _started_with_heartbeat(qtbot)
    for _ in range(505):  # 101 s of repaints, then the program dies
        clock.advance(0.2)
        widget.refresh()
    assert 9 <= len(beats) <= 11  # about one every ten seconds, not on every repaint
    clock.advance(65)
    clock.restart_process()
    gap = (clock.wall() - beats[-1]).total_seconds()
    assert 65 <= gap <= 76  # the heartbeat bounds the gap; the last event (the start) would give 166 s
    again = OralTimer.from_events(
        stored, durations(), monotonic=clock.monotonic, wall=clock.wall, alive_at=beats[-1]
    )
    widget = OralTimerWidget(again, stored.append, ask_reason=lambda p, q: "Technical incident")
    qtbot.addWidget(widget)
    widget._record(again.note_restart())
    assert widget.time_text() == "07:14"  # the gap counts as elapsed until the jury says otherwise
    assert not widget._gap_label.isHidden()
    assert format_clock(gap) in widget._gap_label.text()
    qtbot.mouseClick(widget._gap_button, Qt.MouseButton.LeftButton)
    assert widget.time_text() == format_clock(600 - 166 + gap)
    assert widget._gap_label.isHidden()
    lines = [widget._log.item(i).text() for i in range(widget._log.count())]
    assert any(f"Program restarted: {format_clock(gap)} counted as elapsed" in line for line in lines)
    assert any(f"{format_clock(gap)} counted as a pause — technical incident" in line for line in lines)
    assert [e.kind.value for e in stored] == ["start", "restart", "gap_paused"]


def test_cancelled_reason_does_not_pause(room, qtbot):
    qtbot.mouseClick(room.widget._start, Qt.MouseButton.LeftButton)
    room.reason = None
    qtbot.mouseClick(room.widget._pause, Qt.MouseButton.LeftButton)
    assert room.timer.state is State.PRESENTATION
    assert len(room.stored) == 1


def test_pause_reason_dialog_needs_words_for_other(qtbot):
    dialog = PauseReasonDialog("Why?")
    qtbot.addWidget(dialog)
    assert dialog.reason() == "Technical incident"
    dialog.select(3)
    ok = dialog._buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.set_detail("alarme incendie")
    assert ok.isEnabled()
    assert dialog.reason() == "Other: alarme incendie"
