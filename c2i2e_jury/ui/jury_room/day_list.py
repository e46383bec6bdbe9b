"""« Candidats du jour »: the room's candidates, browsed with the arrows, opened with Entrée or a double-click.

One behaviour (issue 12): the arrows move a highlight, Entrée opens the candidate highlighted, and the candidate
shown is highlighted again (and scrolled to) whenever the list gets the focus back or a candidate is opened. A
single click only highlights: it used to open at once, while the arrows did not, and the screen showed one
candidate with another highlighted. Tab leaves the list (it used to walk its cells).

The list starts on this laptop's room (the last room chosen, remembered; a room kit has only one) and on today's
orals when there are any (the clock is injected: tests pass a day of the demo campaign).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from c2i2e_jury.services import day_list
from c2i2e_jury.storage.database import Database
from c2i2e_jury.ui.jury_room.day_model import DayModel
from c2i2e_jury.ui.settings import Settings

OPEN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class DayList(QWidget):
    """The day's table with its room and day filters; says which candidate to open, never opens one itself."""

    openRequested = Signal(int)  # a candidate's pk

    def __init__(self, db: Database, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.today = db, today
        self.shown: int | None = None  # the candidate the room shows
        title = QLabel(self.tr("<b>Candidates of the day</b>"), self)
        self.room_filter = self._combo("roomFilter", self.tr("Room"))
        self.day_filter = self._combo("dayFilter", self.tr("Day"))
        self.model = DayModel(self)
        self.view = self._table()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        for widget in (title, self.room_filter, self.day_filter, self.view):
            layout.addWidget(widget)
        layout.setStretch(3, 1)
        self.room_filter.activated.connect(self._room_chosen)

    def _combo(self, name: str, tip: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setToolTip(tip)
        combo.currentIndexChanged.connect(lambda _i: self.reload())
        return combo

    def _table(self) -> QTableView:
        view = QTableView(self)
        view.setObjectName("dayTable")
        view.setModel(self.model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setTabKeyNavigation(False)
        view.verticalHeader().setVisible(False)
        header = view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        view.doubleClicked.connect(lambda index: self.openRequested.emit(self.model.entry(index.row()).pk))
        view.installEventFilter(self)
        return view

    # -- the keyboard ---------------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is not self.view:
            return super().eventFilter(watched, event)
        if event.type() == QEvent.Type.FocusIn:
            self.highlight_shown()
        elif event.type() == QEvent.Type.KeyPress and _is_open_key(event):
            self.open_highlighted()
            return True
        return super().eventFilter(watched, event)

    def open_highlighted(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.openRequested.emit(self.model.entry(index.row()).pk)

    def reach(self) -> None:
        """Give the list the keyboard (its shortcut, or a start on no candidate): the candidate shown highlighted,
        else the first, ready for the arrows and Entrée."""
        self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.highlight_shown()
        if not self.view.currentIndex().isValid() and self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(0, 0))

    # -- what is shown --------------------------------------------------------------------------------------
    def show_candidate(self, pk: int | None) -> None:
        """The room now shows ``pk``: highlighted and scrolled to."""
        self.shown = pk
        self.highlight_shown()

    def highlight_shown(self) -> None:
        row = self.model.row_of(self.shown) if self.shown is not None else -1
        if row < 0:
            return
        index = self.model.index(row, 0)
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.view.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)

    def reload(self) -> None:
        """The entries again (a state changed, a filter moved); the highlight stays where the juror left it."""
        if not self.room_filter.count():
            self._fill_filters()
        browsing = self.view.hasFocus() and self.view.currentIndex().isValid()
        kept = self.model.entry(self.view.currentIndex().row()).pk if browsing else None
        day = self.day_filter.currentData()
        entries = day_list.day_entries(
            self.db, room=self.room_filter.currentData() or None, day=date.fromisoformat(day) if day else None
        )
        self.model.set_entries(entries)
        if kept is not None and self.model.row_of(kept) >= 0:
            self.view.setCurrentIndex(self.model.index(self.model.row_of(kept), 0))
        else:
            self.highlight_shown()

    def refill(self) -> None:
        """Another campaign: the rooms and the days afresh."""
        for combo in (self.room_filter, self.day_filter):
            combo.blockSignals(True)
            combo.clear()
            combo.blockSignals(False)
        self.reload()

    def _fill_filters(self) -> None:
        entries = day_list.day_entries(self.db)
        rooms = sorted({e.room for e in entries if e.room})
        days = sorted({e.oral_date for e in entries if e.oral_date})
        remembered = Settings().day_room()
        room = remembered if remembered in rooms else rooms[0] if len(rooms) == 1 else ""
        today = self.today()
        self._fill(self.room_filter, self.tr("All rooms"), [(name, name) for name in rooms], room)
        self._fill(
            self.day_filter,
            self.tr("All days"),
            [(d.strftime("%d/%m/%Y"), d.isoformat()) for d in days],
            today.isoformat() if today in days else "",
        )

    @staticmethod
    def _fill(combo: QComboBox, everything: str, choices: list[tuple[str, str]], current: str) -> None:
        combo.blockSignals(True)
        combo.addItem(everything, "")
        for text, data in choices:
            combo.addItem(text, data)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    def _room_chosen(self, _index: int) -> None:
        Settings().remember_day_room(self.room_filter.currentData() or "")  # the juror's choice, not ours


def _is_open_key(event: QEvent) -> bool:
    """Entrée alone (on the keypad too): Ctrl+Entrée and the like stay the window's."""
    plain = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
    return isinstance(event, QKeyEvent) and event.key() in OPEN_KEYS and event.modifiers() in plain
