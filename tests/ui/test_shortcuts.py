"""One table of shortcuts (ui/shortcuts.py): the F1 sheet shows it, and the keys the window binds are the table's,
no more and no fewer, so the sheet and the menus cannot drift apart."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction, QKeySequence, QShortcut

from c2i2e_jury.services import jury_room
from c2i2e_jury.ui import shortcuts
from c2i2e_jury.ui.help_menu import ShortcutsDialog
from c2i2e_jury.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def text(sequence: QKeySequence) -> str:
    return sequence.toString(QKeySequence.SequenceFormat.PortableText)


def bound_in(window: MainWindow) -> dict[str, set[str]]:
    """Every key sequence the window answers to, with what binds it (menus, toolbar, room and timer keys)."""
    found: dict[str, set[str]] = {}
    for action in window.findChildren(QAction):
        for sequence in action.shortcuts():
            found.setdefault(text(sequence), set()).add(action.text())
    for shortcut in window.findChildren(QShortcut):
        found.setdefault(text(shortcut.key()), set()).add("QShortcut")
    found.pop("", None)
    return found


def test_the_window_binds_exactly_the_keys_of_the_table(qtbot, demo_db):
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    present = next(e for e in jury_room.day_entries(demo_db) if e.state == "upcoming")
    window.open_candidate(present.pk)  # the timer's keys exist once a candidate's oral is open
    table = {text(sequence) for action in shortcuts.actions() for sequence in shortcuts.keys(action)}
    bound = bound_in(window)
    assert set(bound) == table, {key: bound.get(key) for key in set(bound) ^ table}
    assert window.room.timer_widget is not None
    assert {
        "Ctrl+Shift+P",
        "Ctrl+I",
        "Ctrl+D",
        "F1",
        "F5",
        "F6",
        "F7",
        "F8",
        "F9",
        "Ctrl+G",
        "Ctrl+L",
        "F3",
        "Shift+F3",
        "Ctrl+0",
        "Ctrl+1",
        "Ctrl+2",
        "Ctrl+Y",
        "Ctrl+Shift+Z",
        "Ctrl+Z",
    } <= table


def test_the_sheet_shows_every_line_of_the_table_in_its_place(qtbot):
    dialog = ShortcutsDialog()
    qtbot.addWidget(dialog)
    shown = {
        dialog.tabs.tabText(i): [
            (dialog.tabs.widget(i).item(r, 0).text(), dialog.tabs.widget(i).item(r, 1).text())
            for r in range(dialog.tabs.widget(i).rowCount())
        ]
        for i in range(dialog.tabs.count())
    }
    assert shown == dict(shortcuts.sheets())
    assert sum(len(rows) for rows in shown.values()) == len(shortcuts.SHORTCUTS)
    assert list(shown) == ["Exam room", "Dossier", "Timer", "Projector"]


def test_every_key_a_line_binds_is_written_on_it():
    """A line that binds keys names them (its first key at least): the sheet never hides what a key does."""
    for row in shortcuts.SHORTCUTS:
        for action, _keys in row.bound:
            assert shortcuts.key_text(action).split("+")[-1] in row.keys, (row.keys, action)
