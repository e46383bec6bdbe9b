"""Issue 12: the destructive questions of the exam room (« Absent », « Terminer l'oral ») default to « Non »: a
juror who presses Entrée by reflex changes nothing. Qt's own question box, in French as the jurors see it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from c2i2e_jury.domain.rules import Attendance
from c2i2e_jury.domain.timer_values import State
from c2i2e_jury.services import jury_room
from c2i2e_jury.ui.main_window import MainWindow
from c2i2e_jury.ui.prompts import Prompts
from tests.ui.jury_room.test_jury_room import activate, pk_of

pytestmark = pytest.mark.gui


def answer_with_entree(qtbot) -> dict:
    """When Qt's question box shows, note its default button and text, then press Entrée on it."""
    seen: dict = {}
    poll = QTimer()
    poll.setInterval(20)

    def look() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.isVisible():
            poll.stop()
            seen["default"] = box.defaultButton().text().replace("&", "")
            seen["text"] = box.text()
            qtbot.keyClick(box, Qt.Key.Key_Return)

    poll.timeout.connect(look)
    poll.start()
    seen["_poll"] = poll  # kept alive as long as the answer is awaited
    return seen


def window_on(qtbot, db, candidate_id: str) -> tuple[MainWindow, int]:
    pk = pk_of(db, candidate_id)
    window = MainWindow(db, prompts=Prompts())  # Qt's own question box
    qtbot.addWidget(window)
    window.show()
    activate(qtbot, window)
    window.open_candidate(pk)
    return window, pk


def test_entree_on_absent_answers_non_in_french(qtbot, demo_db, french):
    window, pk = window_on(qtbot, demo_db, "C2017-002")
    seen = answer_with_entree(qtbot)
    window.room.absent_button.setFocus()  # reached with Tab, pressed with Space
    qtbot.waitUntil(window.room.absent_button.hasFocus)
    qtbot.keyClick(window.room.absent_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: "default" in seen)
    assert seen["default"] == "Non" and "absent" in seen["text"]
    assert jury_room.candidate_file(demo_db, pk).attendance is Attendance.PENDING


def test_entree_on_end_the_oral_answers_non_in_french(qtbot, demo_db, french):
    window, pk = window_on(qtbot, demo_db, "C2017-001")
    qtbot.keyClick(
        window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    timer = window.room.timer_widget
    qtbot.waitUntil(lambda: timer.isVisible() and timer.isEnabled())  # shown by the event loop, checked in
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F5)
    assert window.room.oral_timer.snapshot().state is State.PRESENTATION
    seen = answer_with_entree(qtbot)
    qtbot.keyClick(window, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: "default" in seen)
    assert seen["default"] == "Non" and "Terminer" in seen["text"]
    assert window.room.oral_timer.snapshot().state is State.PRESENTATION, "Entrée did not end the oral"
    window.prompts.confirm_risky = lambda *_: True  # the oral still runs: closing at teardown asks no box
