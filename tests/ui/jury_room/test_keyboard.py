"""Issue 12, « The keyboard is predictable »: the decision keys work wherever the juror clicked last (a timer
button, the « Alerte sonore » box, the dossier) except in a text field; Space never pauses the oral from a button
clicked earlier; undo goes back to the item undone; a destructive question answers « Non » to a reflex Entrée;
a locked sheet's fields look read-only."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QMessageBox

from c2i2e_jury.domain.rules import Attendance, Mark
from c2i2e_jury.domain.timer_values import State
from c2i2e_jury.services import jury_room
from c2i2e_jury.ui.main_window import MainWindow
from c2i2e_jury.ui.prompts import Prompts
from tests.ui.jury_room.test_jury_room import activate, pk_of
from tests.ui.jury_room.test_nothing_lost import room_on, stored, undecided


def focused():
    return QApplication.focusWidget()


def test_after_clicking_timer_buttons_and_the_sound_box_v_decides_and_space_does_not_pause(qtbot, demo_db):
    window, pk = room_on(qtbot, demo_db, "C2017-001")
    room, items = window.room, window.room.items
    code = undecided(demo_db, pk, Mark.VALIDATED)[0]
    items.select(code)
    items.table.setFocus()
    qtbot.mouseClick(room.timer_widget._start, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(room.timer_widget.sound, Qt.MouseButton.LeftButton)
    assert room.oral_timer.snapshot().state is State.PRESENTATION
    assert focused() is items.table, "a click leaves the focus where the juror works"
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    assert room.oral_timer.snapshot().state is State.PRESENTATION, "Space did not pause the oral"
    qtbot.keyClick(focused(), Qt.Key.Key_V)
    assert stored(demo_db, pk, code).decision is Mark.VALIDATED


def test_the_decision_keys_act_from_a_button_with_the_focus_but_are_typed_in_a_field(qtbot, demo_db):
    window, pk = room_on(qtbot, demo_db, "C2017-001")
    items = window.room.items
    first, second = undecided(demo_db, pk, Mark.VALIDATED)[:2]
    items.select(first)
    window.room.incident_button.setFocus()  # reached with Tab: Space would press it, V still decides
    qtbot.waitUntil(window.room.incident_button.hasFocus)
    qtbot.keyClick(window.room.incident_button, Qt.Key.Key_V)
    assert stored(demo_db, pk, first).decision is Mark.VALIDATED
    items.select(second)
    qtbot.keyClick(items.table, Qt.Key.Key_C)
    qtbot.keyClicks(items.comment_edit, "VN")
    assert items.comment_edit.text() == "VN" and stored(demo_db, pk, second).decision is None
    window.workspaces.setCurrentWidget(window.secretariat)  # another workspace keeps its keys
    qtbot.keyClick(window.secretariat, Qt.Key.Key_N)
    assert stored(demo_db, pk, second).decision is None


def test_undo_selects_the_item_undone_so_the_next_v_decides_it(qtbot, demo_db):
    window, pk = room_on(qtbot, demo_db, "C2017-001")
    items = window.room.items
    code = undecided(demo_db, pk, Mark.VALIDATED)[0]
    items.select(code)
    items.table.setFocus()
    qtbot.keyClick(items.table, Qt.Key.Key_V)
    assert stored(demo_db, pk, code).decision is Mark.VALIDATED and items.current_code() != code
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(demo_db, pk, code).decision is None
    assert items.current_code() == code
    qtbot.keyClick(focused(), Qt.Key.Key_V)
    assert stored(demo_db, pk, code).decision is Mark.VALIDATED


def test_entree_on_the_absent_question_answers_non(qtbot, demo_db):
    pk = pk_of(demo_db, "C2017-002")
    window = MainWindow(demo_db, prompts=Prompts())  # Qt's own question box
    qtbot.addWidget(window)
    window.show()
    window.open_candidate(pk)
    seen = {}

    def reflex_entree():
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen["default"] = box.defaultButton().text()
        qtbot.keyClick(box, Qt.Key.Key_Return)

    QTimer.singleShot(0, reflex_entree)
    qtbot.mouseClick(window.room.absent_button, Qt.MouseButton.LeftButton)
    assert seen["default"].replace("&", "") == "No"
    assert jury_room.candidate_file(demo_db, pk).attendance is Attendance.PENDING


def test_a_locked_sheets_fields_look_read_only(qtbot, heard_db):
    window = MainWindow(heard_db)
    qtbot.addWidget(window)
    window.show()
    entries = jury_room.day_entries(heard_db)
    pk = next(e.pk for e in entries if jury_room.candidate_file(heard_db, e.pk).locked)
    window.open_candidate(pk)
    items = window.room.items
    for field in (items.comment_edit, items.justification_edit):
        assert field.isReadOnly() and field.placeholderText() == ""
        shown = field.grab().toImage().pixelColor(field.width() // 2, field.height() // 2)
        assert (
            shown
            == field.palette().color(QPalette.ColorRole.Window)
            != field.palette().color(QPalette.ColorRole.Light)
        ), "grey like the window, not white"
