"""The Help menu: every keyboard shortcut on one sheet (F1), for a juror who forgot one mid-oral, and « About »,
with the version, the licence and where the log file is (what the university's support asks first)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMainWindow,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from c2i2e_jury import __version__
from c2i2e_jury.paths import data_dir, log_file
from c2i2e_jury.ui.prompts import Prompts
from c2i2e_jury.ui.text import fill


class ShortcutsDialog(QDialog):
    """The keys, by place: the exam room, the dossier, the timer, the projector."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.tabs = QTabWidget(self)
        for title, rows in self._sheets():
            self.tabs.addTab(self._table(rows), title)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.resize(640, 480)

    def _sheets(self) -> list[tuple[str, list[tuple[str, str]]]]:
        return [
            (self.tr("Exam room"), [
                (self.tr("Ctrl+Shift+P"), self.tr("The candidate is present (check-in)")),
                ("↑ ↓", self.tr("Move through the 28 items")),
                ("V / N", self.tr("Validated / not validated")),
                (self.tr("Del"), self.tr("Back to undecided")),
                ("C", self.tr("Write the jury's comment on the item (Enter saves)")),
                ("J", self.tr("Write the justification (required when the jury differs from the evaluator)")),
                ("Ctrl+Z / Ctrl+Y", self.tr("Undo / redo a decision or a comment")),
                ("Ctrl+I", self.tr("Note an incident, with its time")),
                ("Ctrl+D", self.tr("Show or hide the candidates of the day")),
                ("F1", self.tr("This sheet")),
            ]),
            (self.tr("Dossier"), [
                (self.tr("Page Down, Space / Page Up"), self.tr("A screen down / up, then the next / previous page")),
                ("→ / ←", self.tr("Next / previous page")),
                (self.tr("Home / End"), self.tr("First / last page")),
                ("Ctrl+G", self.tr("Go to page")),
                ("Ctrl+F", self.tr("Search the dossier")),
                (self.tr("F3 / Shift+F3"), self.tr("Next / previous match")),
                ("Ctrl++ / Ctrl+-", self.tr("Zoom in / out (Ctrl + wheel too)")),
                ("Ctrl+0 / Ctrl+1 / Ctrl+2", self.tr("Whole page / actual size / page width")),
                ("F9", self.tr("Show or hide the thumbnails and the outline")),
            ]),
            (self.tr("Timer"), [
                ("F5", self.tr("Start the presentation")),
                ("F6", self.tr("Move on to the discussion")),
                ("F7", self.tr("Pause (with a reason) / resume")),
                ("F8", self.tr("End the oral")),
            ]),
            (self.tr("Projector"), [
                (self.tr("→, Page Down, Space"), self.tr("Next slide (what presentation clickers send)")),
                (self.tr("←, Page Up"), self.tr("Previous slide")),
                (self.tr("Home / End"), self.tr("First / last slide")),
                (self.tr("B or . / W or ,"), self.tr("Black / white screen, as in PowerPoint")),
            ]),
        ]

    def _table(self, rows: list[tuple[str, str]]) -> QTableWidget:
        table = QTableWidget(len(rows), 2, self)
        table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Action")])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for row, (keys, action) in enumerate(rows):
            key_item = QTableWidgetItem(keys)
            font = key_item.font()
            font.setBold(True)
            key_item.setFont(font)
            table.setItem(row, 0, key_item)
            table.setItem(row, 1, QTableWidgetItem(action))
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        return table


class HelpMenu(QObject):
    def __init__(self, window: QMainWindow, prompts: Prompts | None = None) -> None:
        super().__init__(window)
        self.window, self.prompts = window, prompts or Prompts()
        menu = window.menuBar().addMenu(self.tr("&Help"))
        self.shortcuts = QAction(self.tr("&Keyboard shortcuts"), window)
        self.shortcuts.setShortcut(QKeySequence("F1"))
        self.shortcuts.triggered.connect(self.show_shortcuts)
        self.about = QAction(self.tr("&About c2i2e-jury"), window)
        self.about.triggered.connect(self.show_about)
        menu.addAction(self.shortcuts)
        menu.addAction(self.about)
        window.addAction(self.shortcuts)

    def show_shortcuts(self) -> None:
        ShortcutsDialog(self.window).exec()

    def about_text(self) -> str:
        return (fill(self.tr("<h3>c2i2e-jury %1</h3><p>The jury workspace of the C2i2e certification (Certificat "
                        "Informatique et Internet niveau 2 « enseignant »).</p><p>Free software under the GNU Affero "
                        "General Public License, version 3 or later (it uses PyMuPDF, under the AGPL). It never "
                        "opens a network connection.</p><p>Data folder: %2<br>Log file: %3</p>"),
                     __version__, data_dir(), log_file()))

    def show_about(self) -> None:
        self.prompts.about(self.window, self.tr("About c2i2e-jury"), self.about_text())
