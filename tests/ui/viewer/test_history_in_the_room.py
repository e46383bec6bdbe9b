"""Back in the jury room: the juror reads the dossier, selects an item in the table (the dossier jumps to its
evidence), and Alt+← from the items table brings the dossier back to the page read, the table keeping the focus."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.jury_room.test_nothing_lost import room_on

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


def test_alt_left_from_the_items_table_returns_the_dossier_to_the_page_read(qtbot, demo_db):
    window, _pk = room_on(qtbot, demo_db, "C2017-001")
    room, items = window.room, window.room.items
    viewer = room.viewer
    qtbot.waitUntil(lambda: bool(items.evidence), timeout=60_000)
    # the room shows the first of the item's pages and of its part's start
    first = {
        code: min([*pages, *([start] if start else [])]) for code, (pages, start) in items.evidence.items()
    }
    code, target = next((c, page) for c, page in first.items() if page > 3 and c != items.current_code())
    viewer.view.setFocus()
    for _ in range(2):
        qtbot.keyClick(viewer.view, Qt.Key.Key_Right)  # the juror reads page 3
    assert viewer.current_page() == 3
    items.table.setFocus()
    items.select(code)
    assert viewer.current_page() == target
    qtbot.keyClick(items.table, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert viewer.current_page() == 3
    assert QApplication.focusWidget() is items.table and items.current_code() == code
    qtbot.keyClick(items.table, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert viewer.current_page() == target
