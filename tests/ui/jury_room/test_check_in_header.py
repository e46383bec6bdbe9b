"""The check-in at 1366×768 in French: the oral's state (« Présent ✓ ») and the buttons that change it
(« Émarger », as the timer asks: « Émargez d'abord le candidat ») read apart: the state touched a button of the
same word, « Présent »."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from c2i2e_jury.ui.jury_room.room_header import STATUS_GAP
from c2i2e_jury.ui.main_window import MainWindow
from tests.ui.jury_room.test_jury_room import activate
from tests.ui.room_states import CANDIDATE, pk_of

pytestmark = pytest.mark.gui


def _whole(widget: QWidget) -> bool:
    return widget.width() >= widget.sizeHint().width()


def test_the_state_and_the_check_in_buttons_read_apart(qtbot, demo_db, french):
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    activate(qtbot, window)
    window.open_candidate(pk_of(demo_db, CANDIDATE))
    header = window.room.header
    status, present, absent = header.status, header.present_button, header.absent_button
    assert (present.text(), absent.text()) == ("Émarger", "A&bsent")  # what the button does
    assert status.text() == "En attente d'émargement"
    qtbot.keyClick(
        window.focusWidget() or window,
        Qt.Key.Key_P,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: status.text() == "Présent ✓", timeout=60000)  # the state, not the action
    assert not present.isEnabled()
    qtbot.waitUntil(lambda: _whole(status), timeout=60000)  # laid out again for its new text
    for widget in (status, present, absent):
        assert _whole(widget), (widget.objectName(), widget.width(), widget.sizeHint().width())
    assert status.parent() is present.parent()
    gap = present.geometry().left() - (status.geometry().left() + status.width())
    assert gap >= STATUS_GAP, gap  # apart, not touching
    assert window.size().toTuple() == (1366, 768)
