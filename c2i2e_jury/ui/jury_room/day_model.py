"""The room's day as a Qt table: time, candidate, state (à venir, présent, absent, non admis, signé)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from c2i2e_jury.services.day_list import DayEntry

Index = QModelIndex | QPersistentModelIndex
STATE_COLOURS = {"present": "#2e7d32", "absent": "#c62828", "not_admitted": "#8d6e63", "signed": "#1565c0"}


class DayModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._entries: list[DayEntry] = []

    def state_label(self, state: str) -> str:
        return {
            "upcoming": self.tr("upcoming"),
            "present": self.tr("present"),
            "absent": self.tr("absent"),
            "not_admitted": self.tr("not admitted"),
            "signed": self.tr("signed"),
        }.get(state, state)

    def set_entries(self, entries: list[DayEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def entry(self, row: int) -> DayEntry:
        return self._entries[row]

    def row_of(self, pk: int) -> int:
        return next((i for i, e in enumerate(self._entries) if e.pk == pk), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return (self.tr("Time"), self.tr("Candidate"), self.tr("State"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry, column = self._entries[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                day = entry.oral_date.strftime("%d/%m") if entry.oral_date else ""
                return f"{day} {entry.oral_time}".strip()
            if column == 1:
                return entry.full_name
            return self.state_label(entry.state)
        if role == Qt.ItemDataRole.ForegroundRole and column == 2 and entry.state in STATE_COLOURS:
            return QColor(STATE_COLOURS[entry.state])
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{entry.candidate_id} — {entry.room} — {self.tr('jury')} {entry.jury}"
        if role == Qt.ItemDataRole.UserRole:
            return entry.pk
        return None
