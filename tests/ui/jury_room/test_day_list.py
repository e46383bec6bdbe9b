"""Issue 12, « Candidats du jour »: one behaviour. The arrows move a highlight, Entrée (or a double-click) opens
the candidate highlighted; the candidate shown is highlighted and scrolled to after opening and whenever the list
gets the focus back (Ctrl+Shift+D reaches it); a click only highlights; Tab leaves the list. The list starts on
this laptop's room (remembered, or the kit's only room) and on today's orals (the clock injected)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QSplitter

from c2i2e_jury.ui.main_window import MainWindow
from c2i2e_jury.ui.settings import Settings
from tests.ui.jury_room.test_jury_room import activate

pytestmark = pytest.mark.gui
FIRST_DAY = datetime(2017, 6, 12, 9, 30, tzinfo=UTC)  # the demo's first day of orals


def window_at(qtbot, db, clock=lambda: datetime(2026, 1, 5, tzinfo=UTC)) -> MainWindow:
    """The window with the list a few rows high (the timer dragged taller): the list has to scroll."""
    window = MainWindow(db, clock=clock)
    qtbot.addWidget(window)
    window.show()
    activate(qtbot, window)
    column = window.findChild(QSplitter, "dayColumn")
    column.setSizes([200, sum(column.sizes()) - 200])
    return window


def highlighted(window) -> str:
    index = window.day_view.currentIndex()
    selected = window.day_view.selectionModel().selectedRows()
    assert [i.row() for i in selected] == [index.row()], "the highlight is the selection"
    return window.day_model.entry(index.row()).candidate_id


def shown(window) -> str | None:
    return window.room.session.file.candidate_id if window.room.session else None


def visible(window, candidate_id: str) -> bool:
    view, model = window.day_view, window.day_model
    row = next(r for r in range(model.rowCount()) if model.entry(r).candidate_id == candidate_id)
    return view.viewport().rect().intersects(view.visualRect(model.index(row, 0)))


def reach_list(qtbot, window) -> None:
    qtbot.keyClick(
        QApplication.focusWidget(),
        Qt.Key.Key_D,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(window.day_view.hasFocus)


def test_arrows_move_the_highlight_and_entree_opens_it_highlighted_and_in_view(qtbot, demo_db):
    window = window_at(qtbot, demo_db)
    window.open_candidate(window.day_model.entry(0).pk)
    reach_list(qtbot, window)
    assert not visible(window, window.day_model.entry(window.day_model.rowCount() - 1).candidate_id)
    assert highlighted(window) == shown(window) == window.day_model.entry(0).candidate_id
    last = window.day_model.rowCount() - 1
    for _ in range(last):
        qtbot.keyClick(window.day_view, Qt.Key.Key_Down)
    target = window.day_model.entry(last).candidate_id
    assert highlighted(window) == target and shown(window) != target, "the arrows only move the highlight"
    qtbot.keyClick(window.day_view, Qt.Key.Key_Return)
    assert shown(window) == target
    qtbot.waitUntil(lambda: highlighted(window) == target and visible(window, target))


def test_the_list_gets_the_focus_back_on_the_candidate_shown(qtbot, demo_db):
    window = window_at(qtbot, demo_db)
    entries = [window.day_model.entry(r) for r in range(window.day_model.rowCount())]
    window.open_candidate(entries[-1].pk)
    reach_list(qtbot, window)
    qtbot.keyClick(  # browsed away, then left without opening
        window.day_view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier
    )
    assert highlighted(window) == entries[0].candidate_id
    qtbot.keyClick(window.day_view, Qt.Key.Key_Tab)
    assert not window.day_view.hasFocus(), "Tab leaves the list"
    reach_list(qtbot, window)
    assert highlighted(window) == shown(window) == entries[-1].candidate_id
    assert visible(window, entries[-1].candidate_id)


def test_a_click_highlights_and_a_double_click_opens(qtbot, demo_db):
    window = window_at(qtbot, demo_db)
    view = window.day_view
    window.open_candidate(window.day_model.entry(0).pk)
    second = view.visualRect(window.day_model.index(1, 1)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=second)
    assert highlighted(window) == window.day_model.entry(1).candidate_id
    assert shown(window) == window.day_model.entry(0).candidate_id
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=second)
    assert shown(window) == window.day_model.entry(1).candidate_id


def test_a_check_in_and_a_decision_keep_the_candidate_shown_highlighted_and_in_view(qtbot, demo_db):
    """The check-in changes the candidate's state in the list, which is read again (the model reset left the
    selection off screen); a decision changes nothing the list shows, and leaves it as it is."""
    from c2i2e_jury.domain.rules import Mark
    from tests.ui.jury_room.test_nothing_lost import undecided

    window = window_at(qtbot, demo_db)
    rows = range(window.day_model.rowCount())
    last = [window.day_model.entry(r) for r in rows if window.day_model.entry(r).state == "upcoming"][-1]
    window.open_candidate(last.pk)
    window.day_view.scrollToTop()
    assert not visible(window, last.candidate_id), "the list is scrolled away from the candidate shown"
    items = window.room.items
    items.table.setFocus()
    qtbot.waitUntil(items.table.hasFocus)
    qtbot.keyClick(
        items.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    qtbot.waitUntil(lambda: window.day_model.entry(window.day_model.row_of(last.pk)).state == "present")
    qtbot.waitUntil(lambda: highlighted(window) == last.candidate_id and visible(window, last.candidate_id))
    items.select(undecided(demo_db, last.pk, Mark.VALIDATED)[0])
    qtbot.keyClick(items.table, Qt.Key.Key_V)
    assert highlighted(window) == last.candidate_id and visible(window, last.candidate_id)


def test_the_list_starts_on_today_when_there_are_orals_today(qtbot, demo_db):
    window = window_at(qtbot, demo_db, clock=lambda: FIRST_DAY)
    assert window.day_list.day_filter.currentData() == "2017-06-12"
    days = {window.day_model.entry(r).oral_date for r in range(window.day_model.rowCount())}
    assert days == {date(2017, 6, 12)}
    other = window_at(qtbot, demo_db)  # 2026: no oral today, every day shown
    assert other.day_list.day_filter.currentData() == "" and other.day_model.rowCount() == 12


def test_the_list_starts_on_the_room_last_chosen(qtbot, demo_db):
    window = window_at(qtbot, demo_db)
    assert window.room_filter.currentData() == ""  # several rooms, none chosen yet: every room
    window.room_filter.setFocus()
    qtbot.waitUntil(window.room_filter.hasFocus)
    index = window.room_filter.findData("Salle B112")
    while window.room_filter.currentIndex() != index:  # chosen with the keyboard
        qtbot.keyClick(window.room_filter, Qt.Key.Key_Down)
    assert Settings().day_room() == "Salle B112"
    again = window_at(qtbot, demo_db)
    assert again.room_filter.currentData() == "Salle B112"
    assert {again.day_model.entry(r).room for r in range(again.day_model.rowCount())} == {"Salle B112"}


def test_a_room_kit_starts_on_its_only_room(qtbot, demo_db):
    from sqlalchemy import update

    from c2i2e_jury.storage.models import Candidate

    with demo_db.session() as s:
        s.execute(update(Candidate).values(room="Salle A201"))  # as a kit's database holds one room
    window = window_at(qtbot, demo_db)
    assert window.room_filter.currentData() == "Salle A201"


def test_with_no_candidate_to_reopen_the_keyboard_starts_in_the_list(qtbot, demo_db):
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.restore()
    window.show_on_screen()
    activate(qtbot, window)
    qtbot.waitUntil(window.day_view.hasFocus)
    first = window.day_model.entry(0).candidate_id
    assert highlighted(window) == first and shown(window) is None
    qtbot.keyClick(window.day_view, Qt.Key.Key_Return)
    assert shown(window) == first


def test_at_the_program_start_the_list_keeps_the_keyboard_once_the_room_is_built(qtbot, demo_db):
    """The program shows the window before the jury room (issue 15): building the room after does not take the
    keyboard from the list, and Entrée opens the first candidate."""
    window = MainWindow(demo_db, room_later=True)
    qtbot.addWidget(window)
    window.restore()
    window.show_on_screen()
    activate(qtbot, window)
    qtbot.waitUntil(window.day_view.hasFocus)
    window.finish_loading()
    QApplication.processEvents()  # what the room's building posted
    assert window.day_view.hasFocus()
    qtbot.keyClick(window.day_view, Qt.Key.Key_Return)
    assert shown(window) == window.day_model.entry(0).candidate_id
