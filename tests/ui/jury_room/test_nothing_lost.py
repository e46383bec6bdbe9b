"""Issue 12, « Nothing typed is lost »: what a juror types reaches the disk, on the item it was typed for, however
the juror leaves the field (Entrée, a click elsewhere, another item, another candidate, closing the window); a
required justification is never silently dropped; quitting mid-oral or quitting the demo asks first."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit

from c2i2e_jury.domain.rules import Attendance, Mark
from c2i2e_jury.services import jury_room
from c2i2e_jury.ui.main_window import MainWindow
from c2i2e_jury.ui.prompts import RequiredLineDialog
from tests.ui.jury_room.test_jury_room import activate, pk_of
from tests.ui.scripted_prompts import Script


def room_on(qtbot, db, candidate_id, script=None, **options):
    pk = pk_of(db, candidate_id)
    jury_room.check_in(db, pk, Attendance.PRESENT)
    window = MainWindow(db, prompts=(script or Script()).prompts(), **options)
    qtbot.addWidget(window)
    window.show()
    activate(qtbot, window)
    window.open_candidate(pk)
    return window, pk


def stored(db, pk, code):
    return jury_room.candidate_file(db, pk).item(code)


def click_row(qtbot, items, code):
    """A mouse click on the item's row, as a juror does."""
    index = items.model.index(items.model.row_of(code), 0)
    items.table.scrollTo(index)
    qtbot.mouseClick(
        items.table.viewport(), Qt.MouseButton.LeftButton, pos=items.table.visualRect(index).center()
    )


def type_comment(qtbot, items, text):
    qtbot.keyClick(items.table, Qt.Key.Key_C)
    qtbot.waitUntil(items.comment_edit.hasFocus)
    qtbot.keyClicks(items.comment_edit, text)


def undecided(db, pk, evaluator):
    file = jury_room.candidate_file(db, pk)
    return [i.code for i in file.items if i.evaluator is evaluator and not i.acquired and i.decision is None]


def test_a_comment_typed_without_entree_is_saved_when_the_juror_clicks_another_item(qtbot, demo_db):
    window, pk = room_on(qtbot, demo_db, "C2017-001")
    items = window.room.items
    items.select("A2.1")
    items.table.setFocus()
    type_comment(qtbot, items, "Veille outillee")
    click_row(qtbot, items, "B1.1")
    assert items.current_code() == "B1.1"
    assert stored(demo_db, pk, "A2.1").comment == "Veille outillee"
    assert stored(demo_db, pk, "B1.1").comment == ""  # the text went to the item it was typed for
    assert items.comment_edit.text() == ""  # and the field now shows B1.1's


def test_a_justification_is_saved_on_focus_loss_and_a_comment_on_close(qtbot, demo_db):
    window, pk = room_on(qtbot, demo_db, "C2017-001")
    items = window.room.items
    items.select("A1.2")
    items.table.setFocus()
    qtbot.keyClick(items.table, Qt.Key.Key_J)
    qtbot.waitUntil(items.justification_edit.hasFocus)
    qtbot.keyClicks(items.justification_edit, "Vu a l'oral")
    pages = window.room.viewer.view
    qtbot.mouseClick(pages.viewport(), Qt.MouseButton.LeftButton)  # the juror clicks in the dossier
    qtbot.waitUntil(lambda: not items.justification_edit.hasFocus())
    assert stored(demo_db, pk, "A1.2").justification == "Vu a l'oral"
    items.select("A1.3")
    type_comment(qtbot, items, "Dit en partant")
    window.close()  # no oral running: no question, and the comment is on disk
    assert stored(demo_db, pk, "A1.3").comment == "Dit en partant"


def test_a_comment_typed_is_saved_when_another_candidate_is_opened(qtbot, demo_db):
    window, pk = room_on(qtbot, demo_db, "C2017-001")
    items = window.room.items
    items.select("A3.1")
    items.table.setFocus()
    type_comment(qtbot, items, "Avant de changer")
    window.open_candidate(pk_of(demo_db, "C2017-002"))
    assert stored(demo_db, pk, "A3.1").comment == "Avant de changer"


def test_entree_on_an_empty_justification_keeps_the_dialog_open_and_says_why(qtbot, demo_db):
    window, pk = room_on(qtbot, demo_db, "C2017-001")
    items = window.room.items
    code = undecided(demo_db, pk, Mark.VALIDATED)[0]
    items.select(code)
    items.table.setFocus()
    seen = {}

    def juror_answers():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, RequiredLineDialog), dialog
        field = dialog.findChild(QLineEdit)
        qtbot.keyClick(field, Qt.Key.Key_Return)  # Entrée on the empty field, by reflex
        seen["open"] = dialog.isVisible()
        seen["label"] = dialog.labelText()
        qtbot.keyClicks(field, "Non retrouve dans le dossier")
        qtbot.keyClick(field, Qt.Key.Key_Return)

    QTimer.singleShot(0, juror_answers)
    qtbot.keyClick(items.table, Qt.Key.Key_N)
    assert seen["open"], "the dialog stayed open"
    assert "Escape to cancel the decision" in seen["label"]
    row = stored(demo_db, pk, code)
    assert row.decision is Mark.NOT_VALIDATED and row.justification == "Non retrouve dans le dossier"


def test_c_after_v_comments_the_item_just_decided_and_its_label_says_which(qtbot, demo_db):
    window, pk = room_on(qtbot, demo_db, "C2017-001")
    items = window.room.items
    first, following = undecided(demo_db, pk, Mark.VALIDATED)[:2]
    items.select(first)
    items.table.setFocus()
    qtbot.keyClick(items.table, Qt.Key.Key_V)
    assert items.current_code() != first  # auto-advance moved on
    moved_to = items.current_code()
    type_comment(qtbot, items, "Tres bien argumente")
    assert first in items.detail.comment_label.text()
    qtbot.keyClick(items.comment_edit, Qt.Key.Key_Return)
    assert stored(demo_db, pk, first).comment == "Tres bien argumente"
    assert stored(demo_db, pk, moved_to).comment == ""
    assert items.table.hasFocus() and items.current_code() == moved_to  # the rhythm goes on where it was
    assert moved_to in items.detail.comment_label.text()
    qtbot.keyClick(items.table, Qt.Key.Key_C)  # once the juror moved or commented: C is the item shown
    assert moved_to in items.detail.comment_label.text()


def test_quitting_mid_oral_asks_naming_the_oral(qtbot, demo_db):
    script = Script(confirm=False)
    window, pk = room_on(qtbot, demo_db, "C2017-001", script)
    room = window.room
    qtbot.mouseClick(room.timer_widget._start, Qt.MouseButton.LeftButton)  # « Démarrer (F5) »
    assert room.running_oral()
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert window.isVisible(), "« Non » keeps the window"
    question = script.said("confirm")[-1]
    assert jury_room.candidate_file(demo_db, pk).full_name in question and "presentation" in question
    script.answer = True
    window.close()
    assert not window.isVisible()


def test_quitting_the_demo_names_the_signed_sheets_it_deletes(qtbot, heard_db):
    from c2i2e_jury.services.sheet_export import signed_sheet_count

    script = Script(confirm=False)
    window = MainWindow(heard_db, prompts=script.prompts(), demo=True)
    qtbot.addWidget(window)
    window.show()
    window.close()
    assert window.isVisible()
    count = signed_sheet_count(heard_db)
    assert count > 1 and f"{count} signed sheets not exported" in script.said("confirm")[-1]
    script.answer = True
    window.close()


def test_quitting_with_nothing_running_asks_nothing(qtbot, demo_db):
    script = Script(confirm=False)
    window, _pk = room_on(qtbot, demo_db, "C2017-001", script)
    window.close()
    assert not window.isVisible() and script.said("confirm") == []


def test_a_fresh_demo_quits_without_a_question(qtbot, demo_db):
    """Nothing signed, no oral running: nothing to lose (the built program's smoke tests close it unattended)."""
    script = Script(confirm=False)
    window = MainWindow(demo_db, prompts=script.prompts(), demo=True)
    qtbot.addWidget(window)
    window.show()
    window.close()
    assert not window.isVisible() and script.said("confirm") == []
