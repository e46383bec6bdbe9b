"""The register as a Qt table: one row per reclamation or date change (:mod:`c2i2e_jury.services.register_view`),
the 15-day deadline and the delay beside each reclamation, a late one in red, an open one in bold."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from c2i2e_jury.services.register_view import RegisterEntry

Index = QModelIndex | QPersistentModelIndex
LATE = QColor("#b00020")


def _fr(day: date | None) -> str:
    return f"{day:%d/%m/%Y}" if day else ""


class RegisterModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.entries: list[RegisterEntry] = []
        self.headers = [
            self.tr("Register"),
            self.tr("Candidate"),
            self.tr("Arrived"),
            self.tr("Deadline (15 days)"),
            self.tr("Delay"),
            self.tr("State"),
            self.tr("Request"),
            self.tr("Oral moved"),
            self.tr("Answer or reason"),
            self.tr("Decided on"),
            self.tr("By"),
        ]

    def set_entries(self, entries: list[RegisterEntry]) -> None:
        self.beginResetModel()
        self.entries = entries
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's signature
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def _kind(self, entry: RegisterEntry) -> str:
        return self.tr("reclamation") if entry.kind == "reclamation" else self.tr("date change")

    def _cells(self, e: RegisterEntry) -> tuple[str, ...]:
        return (
            self._kind(e),
            f"{e.full_name} ({e.candidate_id})",
            _fr(e.arrived),
            _fr(e.deadline),
            e.delay,
            e.state_label,
            e.subject,
            e.slot,
            e.decision,
            _fr(e.decided_on),
            e.decided_by,
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._cells(entry)[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and index.column() in (3, 4) and entry.in_time is False:
            return QBrush(LATE)
        if role == Qt.ItemDataRole.FontRole and entry.open:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def entry(self, row: int) -> RegisterEntry | None:
        return self.entries[row] if 0 <= row < len(self.entries) else None
