"""The program's first window (issue 15): the day's list and the menus first, the jury room on the next turn of
the event loop, or at once when the jurors reach for it; nothing of the room's remembered state is lost on the
way."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QSplitter, QWidget

from c2i2e_jury.ui.main_window import MainWindow
from tests.ui.room_states import CANDIDATE, pk_of


def first_window(qtbot, db) -> MainWindow:
    window = MainWindow(db, room_later=True)
    qtbot.addWidget(window)
    window.restore()
    window.show_on_screen()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def test_the_window_shows_the_day_before_the_room(qtbot, demo_db):
    window = first_window(qtbot, demo_db)
    assert window.day_model.rowCount() == 12
    assert window.findChild(QWidget, "juryRoom") is None  # not built yet: its place is empty
    with qtbot.waitSignal(window.roomBuilt):
        window.finish_loading()
    assert window.jury_splitter.widget(1) is window.room
    assert window.day_column.widget(1) is window.room.timer_area
    assert window.room.title.text() == "Choose a candidate in the day's list"


def test_a_candidate_chosen_by_keyboard_before_the_room_is_built_opens(qtbot, demo_db):
    window = first_window(qtbot, demo_db)
    row = window.day_model.row_of(pk_of(demo_db, CANDIDATE))
    window.day_view.setFocus()
    window.day_view.setCurrentIndex(window.day_model.index(0, 0))
    for _ in range(row):
        qtbot.keyClick(window.day_view, Qt.Key.Key_Down)
    qtbot.keyClick(window.day_view, Qt.Key.Key_Return)
    assert window.room.session is not None and window.room.session.pk == pk_of(demo_db, CANDIDATE)
    assert window.jury_splitter.widget(1) is window.room


def test_the_rooms_splitters_come_back_when_it_is_built_after_the_restore(qtbot, demo_db):
    full = MainWindow(demo_db)
    qtbot.addWidget(full)
    full.show()
    full.resize(1000, 560)
    items = full.findChild(QSplitter, "itemsSplitter")
    items.setSizes([sum(items.sizes()) - 260, 260])
    moved = items.sizes()
    full.close()

    closed_early = first_window(qtbot, demo_db)  # closed before its room was built: the room's sizes stay
    closed_early.close()
    assert closed_early.findChild(QWidget, "juryRoom") is None

    window = first_window(qtbot, demo_db)
    window.finish_loading()
    assert window.findChild(QSplitter, "itemsSplitter").sizes() == moved


def test_after_a_restart_the_room_opens_at_once_on_the_candidate_left(qtbot, demo_db):
    pk = pk_of(demo_db, CANDIDATE)
    before = MainWindow(demo_db)
    qtbot.addWidget(before)
    before.open_candidate(pk)  # the view saved: the candidate to reopen on
    before.close()
    window = first_window(qtbot, demo_db)
    assert window.findChild(QWidget, "juryRoom") is not None  # built by restore(), not later
    assert window.room.session is not None and window.room.session.pk == pk
