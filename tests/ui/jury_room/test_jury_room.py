"""A whole oral driven from the keyboard, offscreen: check-in, the dossier, 28 decisions, justifications,
the live outcome, undo and redo."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit
from sqlalchemy import select

from c2i2e_jury.domain.rules import Attendance, Mark, Status
from c2i2e_jury.services import jury_room
from c2i2e_jury.storage.models import Candidate
from c2i2e_jury.ui.main_window import MainWindow


def pk_of(db, candidate_id):
    with db.read() as s:
        return s.scalars(select(Candidate.pk).where(Candidate.candidate_id == candidate_id)).one()


def activate(qtbot, window):
    """Shortcuts (Ctrl+Z…) go to the active window; offscreen, closing a dialog does not give it back."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def open_window(qtbot, db):
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    activate(qtbot, window)
    return window


def answer_next_dialog(qtbot, text: str | None):
    """Answer the justification dialog that the next key press opens (None: cancel it)."""

    def answer():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QInputDialog), dialog
        if text is None:
            dialog.reject()
            return
        field = dialog.findChild(QLineEdit)  # one line: the juror types the reason and presses Enter
        field.setText(text)
        qtbot.keyClick(field, Qt.Key.Key_Return)

    QTimer.singleShot(0, answer)


def test_the_day_lists_the_room(qtbot, demo_db):
    window = open_window(qtbot, demo_db)
    model = window.day_model
    assert model.rowCount() == 12
    states = {model.entry(r).candidate_id: model.entry(r).state for r in range(model.rowCount())}
    assert states["C2017-010"] == "not_admitted" and states["C2017-011"] == "not_admitted"
    assert states["C2017-001"] == "upcoming"
    window.room_filter.setCurrentIndex(window.room_filter.findData("Salle B112"))
    assert {model.entry(r).room for r in range(model.rowCount())} == {"Salle B112"}


def test_a_non_admitted_candidate_shows_why_and_cannot_be_examined(qtbot, demo_db):
    window = open_window(qtbot, demo_db)
    window.open_candidate(pk_of(demo_db, "C2017-010"))
    room = window.room
    assert room.status.text() == "NOT ADMITTED: rework requested and still pending at the closing date"
    assert not room.present_button.isEnabled()
    assert not room.items.validate_button.isEnabled()


def test_a_whole_oral_by_keyboard(qtbot, demo_db):
    pk = pk_of(demo_db, "C2017-005")  # harsh evaluator: several NV marks
    window = open_window(qtbot, demo_db)
    room = window.room
    with qtbot.waitSignal(
        room.viewer.documentLoaded, timeout=10_000
    ):  # the loop turns while the view is saved
        window.open_candidate(pk)
    # Check-in, by the keyboard shortcut.
    qtbot.keyClick(
        room, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert jury_room.candidate_file(demo_db, pk).attendance is Attendance.PRESENT
    # Browse and search the dossier.
    room.viewer.go_to_page(3)
    qtbot.waitUntil(lambda: room.viewer.current_page() == 3)
    room.viewer.search("B2.3")
    qtbot.waitUntil(lambda: bool(room.viewer.searcher.hits))
    hit = room.viewer.searcher.hits[room.viewer.searcher.current]
    assert hit.page >= 3, "the first hit from the page shown on"
    qtbot.waitUntil(lambda: room.viewer.current_page() == hit.page)
    table = room.items.table
    table.setFocus()
    file = jury_room.candidate_file(demo_db, pk)
    nv_items = [i.code for i in file.items if i.evaluator is Mark.NOT_VALIDATED]
    assert nv_items, "the demo's harsh evaluator marked some items NV"
    # Justification enforced: V on an item the evaluator did not validate asks why; cancelling records nothing.
    room.items.select(nv_items[0])
    answer_next_dialog(qtbot, None)
    qtbot.keyClick(table, Qt.Key.Key_V)
    assert jury_room.candidate_file(demo_db, pk).item(nv_items[0]).decision is None
    # Now decide every item, following the list from the top: V everywhere, with a justification where the
    # evaluator said NV, except the last NV item which the jury confirms with N.
    room.items.select(file.items[0].code)
    for _ in range(28):
        code = room.items.current_code()
        row = jury_room.candidate_file(demo_db, pk).item(code)
        if row.decision is not None:
            break
        if row.evaluator is Mark.NOT_VALIDATED and code != nv_items[-1]:
            answer_next_dialog(qtbot, "Compétence démontrée à l'oral")
            qtbot.keyClick(table, Qt.Key.Key_V)
        elif code == nv_items[-1]:
            qtbot.keyClick(table, Qt.Key.Key_N)
        else:
            qtbot.keyClick(table, Qt.Key.Key_V)
    file = jury_room.candidate_file(demo_db, pk)
    assert [i.code for i in file.items if i.decision is None] == []
    assert file.outcome.status is Status.EXAMINED
    assert file.outcome.validated_count == 27
    assert room.outcome.headline.text().startswith("27 / 28")
    assert file.item(nv_items[0]).justification == "Compétence démontrée à l'oral"
    # Undo the last decision, then redo it.
    last = nv_items[-1]
    history = jury_room.history(demo_db, pk)
    last_change = history[-1].item
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert jury_room.candidate_file(demo_db, pk).item(last_change).decision is None
    assert (
        "?" in room.outcome.headline.text()
        or "décider" in room.outcome.headline.text()
        or "decide" in room.outcome.headline.text()
    )
    qtbot.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert jury_room.candidate_file(demo_db, pk).item(last_change).decision is not None
    assert jury_room.candidate_file(demo_db, pk).item(last).decision is Mark.NOT_VALIDATED
    # The grid shows the state by symbol as well as colour.
    assert room.outcome.grid.state_of(last) == "not_validated"


def test_comment_and_justification_by_keyboard(qtbot, demo_db):
    pk = pk_of(demo_db, "C2017-001")
    jury_room.check_in(demo_db, pk, Attendance.PRESENT)
    window = open_window(qtbot, demo_db)
    window.open_candidate(pk)
    items = window.room.items
    items.select("A2.1")
    items.table.setFocus()
    qtbot.keyClick(items.table, Qt.Key.Key_C)
    assert items.comment_edit.hasFocus()
    qtbot.keyClicks(items.comment_edit, "Veille bien outillee (flux RSS)")  # QTest types ASCII only
    qtbot.keyClick(items.comment_edit, Qt.Key.Key_Return)
    assert jury_room.candidate_file(demo_db, pk).item("A2.1").comment == "Veille bien outillee (flux RSS)"
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert jury_room.candidate_file(demo_db, pk).item("A2.1").comment == ""


def test_the_item_model_passes_qt_model_tester(qtmodeltester, demo_db):
    from c2i2e_jury.ui.jury_room.day_model import DayModel
    from c2i2e_jury.ui.jury_room.items_model import ItemsModel

    items = ItemsModel()
    items.set_items(jury_room.candidate_file(demo_db, pk_of(demo_db, "C2017-001")).items)
    qtmodeltester.check(items)
    day = DayModel()
    day.set_entries(jury_room.day_entries(demo_db))
    qtmodeltester.check(day)


def test_the_four_workspaces_are_one_click_away(qtbot, demo_db):
    window = open_window(qtbot, demo_db)
    assert window.workspaces.count() == 4  # with the evaluator's (issue 17)
    window.workspaces.setCurrentWidget(window.review)
    assert window.review.campaign_id == "grenoble-2017"
    assert window.review.model.rowCount() == 12


def test_the_keys_work_from_the_dossier_and_tab_leaves_the_items(qtbot, demo_db):
    """Jurors click in the dossier all the time: V / N still decide the selected item from there. Tab leaves the
    table (it used to move cell by cell forever), and Ctrl+D hides the day's list but never the timer."""
    pk = pk_of(demo_db, "C2017-001")
    jury_room.check_in(demo_db, pk, Attendance.PRESENT)
    window = open_window(qtbot, demo_db)
    window.open_candidate(pk)
    room = window.room
    file = jury_room.candidate_file(demo_db, pk)
    code = next(i.code for i in file.items if i.evaluator is Mark.VALIDATED and not i.acquired)
    room.items.select(code)
    pages = room.viewer.view
    pages.setFocus()
    qtbot.waitUntil(pages.hasFocus)
    qtbot.keyClick(pages, Qt.Key.Key_V)
    assert jury_room.candidate_file(demo_db, pk).item(code).decision is Mark.VALIDATED
    table = room.items.table
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert not table.hasFocus() and QApplication.focusWidget() is not None
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert not window.day_list.isVisible()
    assert room.timer_area.isVisible()  # the clock stays in view
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert window.day_list.isVisible()


def test_alt_keys_are_unique_on_the_jury_room_in_french(qtbot, demo_db, french):
    """Alt + a letter reaches one thing only: with two, Qt only moves the focus between them (Alt+P checked the
    candidate in or switched the items' grouping, depending on the focus)."""
    import re
    from collections import Counter

    from PySide6.QtWidgets import QAbstractButton, QLabel, QTabBar

    window = open_window(qtbot, demo_db)
    window.open_candidate(pk_of(demo_db, "C2017-001"))
    texts = [action.text() for action in window.menuBar().actions()]
    texts += [w.text() for w in window.findChildren(QAbstractButton) if w.isVisible()]
    texts += [w.text() for w in window.findChildren(QLabel) if w.isVisible() and w.buddy() is not None]
    for bar in window.findChildren(QTabBar):
        if bar.isVisible():
            texts += [bar.tabText(i) for i in range(bar.count())]
    letters = [m.group(1).lower() for t in texts if (m := re.search(r"(?<!&)&([^&\s])", t))]
    assert len(letters) >= 12, texts  # menus, tabs, the room's buttons, the items' grouping and fields
    clashes = {
        letter: [t for t in texts if re.search(r"(?<!&)&" + re.escape(letter), t, re.I)]
        for letter, n in Counter(letters).items()
        if n > 1
    }
    assert clashes == {}


def test_nothing_to_decide_shows_as_such(qtbot, demo_db):
    """No candidate, or an absent one: the decision buttons are off (they invited a decision that means nothing)."""
    window = open_window(qtbot, demo_db)
    items = window.room.items
    assert not items.validate_button.isEnabled() and not items.refuse_button.isEnabled()
    pk = pk_of(demo_db, "C2017-001")
    window.open_candidate(pk)
    assert items.validate_button.isEnabled()
    jury_room.check_in(demo_db, pk, Attendance.ABSENT)
    items.show_file(jury_room.candidate_file(demo_db, pk))
    assert not items.validate_button.isEnabled() and not items.refuse_button.isEnabled()


def test_the_timer_says_why_it_cannot_start(qtbot, demo_db):
    """Before check-in, for an absent candidate or a signed sheet, the timer no longer invites F5 (disabled, it
    did nothing): it says what is missing."""
    pk = pk_of(demo_db, "C2017-001")
    window = open_window(qtbot, demo_db)
    window.open_candidate(pk)
    timer = window.room.timer_widget
    assert timer is not None and not timer.isEnabled()
    assert timer.state_text() == "Check the candidate in first (Ctrl+Shift+P)"
    window.room.present_button.click()
    assert timer.isEnabled() and timer.state_text() == "Ready — F5 starts the presentation"
    other = pk_of(demo_db, "C2017-002")
    jury_room.check_in(demo_db, other, Attendance.ABSENT)
    window.open_candidate(other)
    assert window.room.timer_widget.state_text() == "Absent: no oral"
