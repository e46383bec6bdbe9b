"""The page and item shown are saved when the jurors pause, and at the latest after a maximum wait while they
keep moving: a crash finds them where they were, not where they last paused."""

from __future__ import annotations

from PySide6.QtCore import QTimer

from c2i2e_jury.services import jury_room
from c2i2e_jury.ui.jury_room.room import VIEW_SAVE_MAX_WAIT_MS, VIEW_SAVE_PAUSE_MS
from tests.ui.jury_room.test_jury_room import open_window, pk_of


def _shown_and_saved(qtbot, db, pk):
    """The main window with candidate ``pk`` open, its dossier shown and its view saved."""
    window = open_window(qtbot, db)
    with qtbot.waitSignal(window.room.viewer.documentLoaded):  # the loop turns while the view is saved
        window.open_candidate(pk)
    window.room.save_view()
    return window


def test_a_view_is_saved_while_the_jurors_keep_moving(qtbot, demo_db):
    pk = pk_of(demo_db, "C2017-004")
    window = _shown_and_saved(qtbot, demo_db, pk)  # held: a window only a cycle keeps alive is collected
    room = window.room
    codes = [item.code for item in room.session.file.items]
    saved: list[dict[str, object]] = []
    save = room.session.save_view

    def recording(state: dict[str, object], **how: bool) -> None:
        seen = {"item": state["item"], "moves": moves[0]}  # the moves go on while the write answers
        save(state, **how)
        saved.append(seen)

    room.session.save_view = recording
    moves = [0]
    mover = QTimer(room)
    mover.setInterval(VIEW_SAVE_PAUSE_MS // 4)  # never a pause long enough for the pause's save

    def move() -> None:
        moves[0] += 1
        room.items.select(codes[moves[0] % len(codes)])

    mover.timeout.connect(move)
    mover.start()
    qtbot.waitUntil(lambda: len(saved) >= 2)  # without a maximum wait, no save until the moves stop
    assert mover.isActive() and moves[0] > saved[-1]["moves"] - 1
    mover.stop()
    # What was saved is what the jurors saw at that moment.
    assert saved[-1]["item"] == codes[saved[-1]["moves"] % len(codes)]
    assert jury_room.candidate_file(demo_db, pk).view_state["item"] == saved[-1]["item"]
    assert VIEW_SAVE_MAX_WAIT_MS > VIEW_SAVE_PAUSE_MS


def test_a_view_committed_unchanged_is_not_committed_again(qtbot, demo_db, monkeypatch):
    """Opening another candidate saves the one shown until then: not again when its view was committed as it is
    (a commit and its fsync in the GUI thread); the candidate opened is saved, the one to reopen after a crash."""
    first, second = pk_of(demo_db, "C2017-004"), pk_of(demo_db, "C2017-006")
    window = _shown_and_saved(qtbot, demo_db, first)
    room = window.room
    committed: list[tuple[int, str]] = []
    real = jury_room.save_view_state

    def recording(db, pk, state, *args, **kwargs):
        committed.append((pk, state["item"]))
        real(db, pk, state, *args, **kwargs)

    monkeypatch.setattr(jury_room, "save_view_state", recording)
    room.save_view()
    assert committed == []  # as committed a moment ago
    room.items.select(room.session.file.items[3].code)
    room.save_view()
    assert committed == [(first, room.session.file.items[3].code)]
    window.open_candidate(second)
    assert [pk for pk, _ in committed] == [first, second]  # the first's view unchanged: only the second's
    assert jury_room.last_candidate(demo_db) == second
