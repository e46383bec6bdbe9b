"""The Help menu: every keyboard shortcut on one sheet (F1), for a juror who forgot one mid-oral, and « About »,
with the version, the licence and where the log file is (what the university's support asks first)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
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
from c2i2e_jury.ui import shortcuts
from c2i2e_jury.ui.prompts import Prompts
from c2i2e_jury.ui.text import fill


class ShortcutsDialog(QDialog):
    """The keys, by place: the exam room, the dossier, the timer, the projector."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.tabs = QTabWidget(self)
        for title, rows in shortcuts.sheets():  # the table the menus and the rooms bind their keys from
            self.tabs.addTab(self._table(rows), title)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.resize(640, 480)

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
        self.shortcuts.setShortcuts(shortcuts.keys("shortcuts"))
        self.shortcuts.triggered.connect(self.show_shortcuts)
        self.about = QAction(self.tr("&About c2i2e-jury"), window)
        self.about.triggered.connect(self.show_about)
        menu.addAction(self.shortcuts)
        menu.addAction(self.about)
        window.addAction(self.shortcuts)

    def show_shortcuts(self) -> None:
        ShortcutsDialog(self.window).exec()

    def about_text(self) -> str:
        return fill(
            self.tr(
                "<h3>c2i2e-jury %1</h3><p>The jury workspace of the C2i2e certification (Certificat "
                "Informatique et Internet niveau 2 « enseignant »).</p><p>Free software under the GNU Affero "
                "General Public License, version 3 or later (it uses PyMuPDF, under the AGPL). It never "
                "opens a network connection.</p><p>Data folder: %2<br>Log file: %3</p>"
            ),
            __version__,
            data_dir(),
            log_file(),
        )

    def show_about(self) -> None:
        self.prompts.about(self.window, self.tr("About c2i2e-jury"), self.about_text())
