"""After a dialog closes, the window it was asked from is active again, so that its function keys act at once.

Found walking an oral under Xvfb: after « Justification obligatoire », F6 (« → Discussion ») did nothing until the
juror clicked the window. The offscreen platform behaves as that X server did (nobody gives the activation back),
so these tests use Qt's real dialogs through :class:`~c2i2e_jury.ui.prompts.Prompts`, not scripted answers.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QLineEdit, QMainWindow, QPushButton

from c2i2e_jury.ui import dialog_focus
from c2i2e_jury.ui.prompts import Prompts

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, qapp):
    dialog_focus.install(qapp)
    main = QMainWindow()
    main.setCentralWidget(QPushButton("Valider", main))
    main.presses = []
    shortcut = QShortcut(QKeySequence("F6"), main, context=Qt.ShortcutContext.WindowShortcut)
    shortcut.activated.connect(lambda: main.presses.append("F6"))
    qtbot.addWidget(main)
    main.show()
    main.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main)
    return main


def _answer_when_shown(qtbot, text: str | None) -> None:
    """Type ``text`` (ASCII: QTest types no other) and press Entrée in the next dialog (Échap when None)."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, answer)
            return
        field = dialog.findChild(QLineEdit)  # the keyboard's place in the dialog
        if text is not None:
            QTest.keyClicks(field, text)
        QTest.keyClick(field, Qt.Key.Key_Return if text is not None else Qt.Key.Key_Escape)

    QTimer.singleShot(0, answer)


@pytest.mark.parametrize("text", ["Vu en seance", None], ids=["answered", "cancelled"])
def test_a_function_key_acts_right_after_the_justification_question(qtbot, window, text):
    _answer_when_shown(qtbot, text)
    got = Prompts().required_line(
        window.centralWidget(), "Justification obligatoire", "A1.3 : pourquoi ?", "Écrivez la justification."
    )
    assert got == text
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=60000)
    QTest.keyClick(window.centralWidget(), Qt.Key.Key_F6)
    assert window.presses == ["F6"]


def test_a_dialog_opened_right_after_another_keeps_the_keyboard(qtbot, window):
    """The second question is not pushed behind the main window by the first one's closing."""
    second: list[QDialog] = []

    def open_second() -> None:
        dialog = QInputDialog(window)
        dialog.setLabelText("Deuxième question")
        second.append(dialog)
        dialog.open()

    _answer_when_shown(qtbot, "premiere")
    Prompts().line(window, "Question", "Première question")
    open_second()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is second[0], timeout=60000)
    qtbot.wait(50)  # the closed first dialog's give-back, had it been wrong, would have run by now
    assert QApplication.activeWindow() is second[0]
    second[0].reject()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=60000)


def test_a_window_deleted_with_its_dialog_open_raises_nothing(qtbot, qapp):
    """A dialog goes with its window when the window is deleted (a test's window collected, the program quitting):
    there is no window left to give the activation back to (it raised « Internal C++ object (MainWindow) already
    deleted » in the event loop, a failure of the fast loop)."""
    from shiboken6 import delete

    dialog_focus.install(qapp)
    main = QMainWindow()
    main.show()
    dialog = QDialog(main)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWindow() is dialog.windowHandle())
    delete(main)  # the dialog with it
    qtbot.wait(50)  # a give-back queued on the deleted window would run (and raise) on this turn of the loop
