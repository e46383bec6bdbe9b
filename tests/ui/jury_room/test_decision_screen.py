"""What a decision key changes on screen, and only that: the item's history in the detail pane (read again for
that item alone), the outcome's cells, the detail pane's height (raised, never lowered while the juror moves)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from c2i2e_jury.services import jury_room
from tests.ui.jury_room.test_jury_room import answer_next_dialog, open_window, pk_of


def _room_checked_in(qtbot, demo_db, candidate_id="C2017-001"):
    window = open_window(qtbot, demo_db)
    window.open_candidate(pk_of(demo_db, candidate_id))
    room = window.room
    qtbot.keyClick(
        room, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    return window, room


def _validated_by_evaluator(room) -> list[str]:
    return [i.code for i in room.session.file.items if i.evaluator and i.evaluator.value == "V"]


def test_an_item_decided_shows_its_new_history_when_the_juror_comes_back_to_it(qtbot, demo_db):
    window, room = _room_checked_in(qtbot, demo_db)
    first, second = _validated_by_evaluator(room)[:2]
    room.items.select(first)
    assert room.items.detail.history_label.text() == "no change yet"
    qtbot.keyClick(room.items.table, Qt.Key.Key_V)
    assert room.items.current_code() != first  # the table moved on
    room.items.select(second)
    qtbot.keyClick(room.items.table, Qt.Key.Key_V)
    room.items.select(first)
    assert "— → V" in room.items.detail.history_label.text()
    qtbot.keyClick(room.items.table, Qt.Key.Key_Delete)  # cleared: the table stays, the pane shows it at once
    assert room.items.current_code() == first
    lines = room.items.detail.history_label.text().split("<br>")
    assert [line.split(" : ")[1] for line in lines] == ["— → V", "V → —"]
    stored = [(c.old, c.new) for c in jury_room.history(demo_db, room.session.pk, first)]
    assert stored == [(None, "V"), ("V", None)]


def test_each_history_line_says_what_changed_the_decision_its_comment_or_its_justification(qtbot, demo_db):
    window, room = _room_checked_in(qtbot, demo_db)
    item = _validated_by_evaluator(room)[0]
    items = room.items
    items.select(item)
    qtbot.keyClick(items.table, Qt.Key.Key_V)
    qtbot.keyClick(items.table, Qt.Key.Key_C)  # the item just decided
    items.comment_edit.setText("Traces <b>claires</b> & datées")
    qtbot.keyClick(items.comment_edit, Qt.Key.Key_Return)
    items.select(item)
    items.comment_edit.setText("")
    qtbot.keyClick(items.comment_edit, Qt.Key.Key_Return)
    items.session.change(item, justification="Vu à l'oral")
    items.select(item)
    label = items.detail.history_label
    lines = [line.split(" : ", 1)[1] for line in label.text().split("<br>")]
    assert lines == [
        "— → V",
        "comment: “Traces &lt;b&gt;claires&lt;/b&gt; &amp; datées”",  # shown as typed, not read as markup
        "comment cleared",
        "justification: “Vu à l&#x27;oral”",
    ]
    stored = [(c.old, c.new, c.comment) for c in jury_room.history(demo_db, room.session.pk, item)]
    assert stored == [
        (None, "V", ""),
        ("V", "V", "Traces <b>claires</b> & datées"),
        ("V", "V", ""),
        ("V", "V", ""),
    ]


def test_clearing_a_decision_clears_the_justification_that_explained_it(qtbot, demo_db):
    """Seen in a juror's walk: after N (justified), Suppr kept the justification, and a later V carried it."""
    window, room = _room_checked_in(qtbot, demo_db)
    item = _validated_by_evaluator(room)[0]
    items = room.items
    items.select(item)
    answer_next_dialog(qtbot, "Usage des outils non démontré")
    qtbot.keyClick(items.table, Qt.Key.Key_N)
    items.select(item)
    assert items.justification_edit.text() == "Usage des outils non démontré"
    qtbot.keyClick(items.table, Qt.Key.Key_Delete)
    assert items.justification_edit.text() == ""
    qtbot.keyClick(items.table, Qt.Key.Key_V)
    stored = [(c.new, c.justification) for c in jury_room.history(demo_db, room.session.pk, item)]
    assert stored == [("NV", "Usage des outils non démontré"), (None, ""), ("V", "")]
    items.select(item)
    assert items.detail.history_label.text().endswith(": — → V")
    window.undo_stack.undo()  # the V undone, then the clearing: the justification comes back with the NV
    window.undo_stack.undo()
    assert room.session.file.item(item).justification == "Usage des outils non démontré"


def test_the_outcome_grid_follows_each_decision_and_the_item_shown(qtbot, demo_db):
    window, room = _room_checked_in(qtbot, demo_db)
    first = _validated_by_evaluator(room)[0]
    room.items.select(first)
    grid = room.outcome.grid
    assert grid.state_of(first) == "undecided"
    qtbot.keyClick(room.items.table, Qt.Key.Key_V)
    assert grid.state_of(first) == "validated"
    assert grid._current == room.items.current_code() != first
    image = grid.grab().toImage()  # painted whole, as the partial repaints left it
    assert not image.isNull() and image.width() == grid.width()


def test_the_detail_pane_keeps_its_height_from_item_to_item(qtbot, demo_db):
    window, room = _room_checked_in(qtbot, demo_db)
    detail = room.items.detail
    heights = []
    for item in room.session.file.items:
        room.items.select(item.code)
        heights.append(detail.minimumHeight())
        needed = detail.layout().totalHeightForWidth(detail.width())
        assert detail.minimumHeight() >= needed  # never less than the item shown needs: nothing cut
    assert heights == sorted(heights)  # raised to the longest wording met, never lowered at the next item
