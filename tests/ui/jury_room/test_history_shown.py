"""The item's history is shown whole: after V V N (its justification), C with a comment on the item just decided,
and Ctrl+Z, the pane showed two of its three lines until the juror moved away and back (seen under Xvfb, 1366×768):
the pane's height was measured from the heights cached before the new text was set."""

from __future__ import annotations

from PySide6.QtCore import Qt

from c2i2e_jury.domain.rules import Attendance
from tests.ui.jury_room.test_jury_room import activate, answer_next_dialog, open_window, pk_of


def test_after_an_undo_every_line_of_the_items_history_is_visible(qtbot, demo_db):
    window = open_window(qtbot, demo_db)
    window.resize(1366, 768)
    window.open_candidate(pk_of(demo_db, "C2017-002"))
    room = window.room
    items = room.items
    assert room.session.check_in(Attendance.PRESENT)
    items.select("A1.1")
    qtbot.keyClick(items.table, Qt.Key.Key_V)
    qtbot.keyClick(items.table, Qt.Key.Key_V)
    answer_next_dialog(qtbot, "Aucune trace")
    qtbot.keyClick(items.table, Qt.Key.Key_N)  # A1.3: the evaluator said V
    activate(qtbot, window)
    qtbot.keyClick(items.table, Qt.Key.Key_C)  # the comment of the item just decided
    qtbot.keyClicks(items.detail.comment_edit, "bien")
    qtbot.keyClick(items.detail.comment_edit, Qt.Key.Key_Return)
    qtbot.keyClick(items.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert items.current_code() == "A1.3"
    label = items.detail.history_label
    assert label.text().count("<br>") == 2  # three changes: NV, the comment, its undoing
    qtbot.waitUntil(lambda: label.height() >= label.heightForWidth(label.width()))  # 28 px of 42 before
    lines = label.fontMetrics().lineSpacing()
    assert label.visibleRegion().boundingRect().height() > 2 * lines  # the third line is on screen
