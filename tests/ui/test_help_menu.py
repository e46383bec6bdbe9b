"""The Help menu: F1 shows every shortcut (in French by default), « À propos » the version, the licence and where
the log file is."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from c2i2e_jury import __version__
from c2i2e_jury.paths import log_file
from c2i2e_jury.ui.help_menu import ShortcutsDialog
from c2i2e_jury.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def _rows(dialog) -> dict:
    """What a shortcuts sheet shows, tab by tab: {tab title: [(keys, action), ...]}."""
    if not isinstance(dialog, ShortcutsDialog):
        return {}
    sheets = {}
    for i in range(dialog.tabs.count()):
        table = dialog.tabs.widget(i)
        sheets[dialog.tabs.tabText(i)] = [
            (table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())
        ]
    return sheets


def close_when_shown(qtbot, seen: list) -> None:
    def close() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, close)
            return
        seen.append((dialog, dialog.windowTitle(), _rows(dialog)))
        dialog.close()

    QTimer.singleShot(0, close)


def test_f1_shows_every_shortcut_in_french(qtbot, demo_db, french):
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # shortcuts go to the active window
    seen: list = []
    close_when_shown(qtbot, seen)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: bool(seen))
    _dialog, title, sheets = seen[0]
    assert title == "Raccourcis clavier"
    assert list(sheets) == ["Salle d'examen", "Dossier", "Minuteur", "Projection"]
    room = dict(sheets["Salle d'examen"])
    assert room["V / N"] == "Validé / non validé"
    assert room["Ctrl+I"] == "Noter un incident, avec son heure"
    assert [keys for keys, _ in sheets["Minuteur"]] == ["F5", "F6", "F7", "F8"]


def test_about_names_the_version_the_licence_and_the_log_file(qtbot, demo_db, french):
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    text = window.help_menu.about_text()
    assert __version__ in text and "Affero" in text and str(log_file()) in text
    assert "n'ouvre jamais de connexion réseau" in text
    seen: list = []
    close_when_shown(qtbot, seen)
    window.help_menu.about.trigger()
    assert seen and isinstance(seen[0][0], QMessageBox) and seen[0][1] == "À propos de c2i2e-jury"
