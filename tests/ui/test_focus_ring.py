"""Issue 12: the button Space would press shows a ring the juror sees, in the whole program (the style installed
by the application's start-up): the focused button is painted with the highlight colour around it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from c2i2e_jury.ui import focus_ring
from c2i2e_jury.ui.main_window import MainWindow
from tests.ui.jury_room.test_jury_room import activate, pk_of

pytestmark = pytest.mark.gui


@pytest.fixture
def ringed(qapp):
    """The style as ``create_application`` installs it, the test's own style given back afterwards."""
    before = qapp.style().name()
    yield focus_ring.install(qapp)
    qapp.setStyle(QStyleFactory.create(before))


def edge_colours(image: QImage) -> set[str]:
    """The colours of the button's outermost pixels, left and right, half-way down."""
    y = image.height() // 2
    return {image.pixelColor(x, y).name() for x in (0, image.width() - 1)}


def test_the_button_reached_with_tab_is_circled_in_the_highlight_colour(qtbot, demo_db, ringed):
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.show()
    activate(qtbot, window)
    window.open_candidate(pk_of(demo_db, "C2017-002"))
    button = window.room.incident_button
    highlight = button.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight).name()
    window.room.items.table.setFocus()
    qtbot.waitUntil(window.room.items.table.hasFocus)
    unfocused = button.grab().toImage()
    window.room.absent_button.setFocus()  # the button before it: Tab moves on to « Incident… »
    qtbot.waitUntil(window.room.absent_button.hasFocus)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.waitUntil(button.hasFocus)
    focused = button.grab().toImage()
    assert focused != unfocused
    assert edge_colours(focused) == {highlight} and highlight not in edge_colours(unfocused)


def test_installing_twice_keeps_one_ring(qapp, ringed):
    assert focus_ring.install(qapp) is ringed and qapp.style() is ringed
