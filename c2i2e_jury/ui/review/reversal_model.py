"""How often the jury reversed the evaluator, by item or by evaluator, as a Qt table.

The reading column puts words on the counts: an evaluator whose V the jury often withdraws was lenient, one whose
NV the jury often grants was harsh. It only says so past a few reversals, one way clearly more than the other.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from c2i2e_jury.services.review.figures import ReversalLine

Index = QModelIndex | QPersistentModelIndex
KEY, CANDIDATES, DECIDED, WITHDRAWN, GRANTED, RATE, READING = range(7)
MIN_REVERSALS = 3  # fewer say nothing about an evaluator


def reading(line: ReversalLine) -> str:
    """``lenient``, ``harsh`` or ``""``."""
    if line.withdrawn >= MIN_REVERSALS and line.withdrawn >= 2 * line.granted:
        return "lenient"
    if line.granted >= MIN_REVERSALS and line.granted >= 2 * line.withdrawn:
        return "harsh"
    return ""


class ReversalModel(QAbstractTableModel):
    def __init__(self, by: str, parent: Any = None) -> None:
        super().__init__(parent)
        self._by = by  # "item" or "evaluator"
        self._lines: list[ReversalLine] = []
        self._top = 0.0

    def set_lines(self, lines: list[ReversalLine]) -> None:
        self.beginResetModel()
        self._lines = list(lines)
        self._top = max((line.rate for line in self._lines), default=0.0)
        self.endResetModel()

    def line(self, row: int) -> ReversalLine:
        return self._lines[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 7 if self._by == "evaluator" else 6

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation == Qt.Orientation.Vertical or not 0 <= section < self.columnCount():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                self.tr("Item") if self._by == "item" else self.tr("Evaluator"),
                self.tr("Candidates"),
                self.tr("Decided"),
                self.tr("V → NV"),
                self.tr("NV → V"),
                self.tr("Reversed"),
                self.tr("Reading"),
            )[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return {
                DECIDED: self.tr("Items with both an evaluator's mark and a jury decision"),
                WITHDRAWN: self.tr("The evaluator validated, the jury did not"),
                GRANTED: self.tr("The evaluator did not validate, the jury did"),
            }.get(section)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line, column = self._lines[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(line, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column not in (KEY, READING):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and column == RATE and self._top > 0 and line.rate > 0:
            strength = line.rate / self._top
            return QColor(255, int(255 - 90 * strength), int(255 - 150 * strength))
        if role == Qt.ItemDataRole.UserRole:
            return line.rate if column == RATE else line.key
        return None

    def _display(self, line: ReversalLine, column: int) -> str:
        if column == KEY:
            return line.key
        if column == CANDIDATES:
            return str(line.candidates)
        if column == DECIDED:
            return str(line.decided)
        if column == WITHDRAWN:
            return str(line.withdrawn)
        if column == GRANTED:
            return str(line.granted)
        if column == RATE:
            return f"{QLocale().toString(line.rate * 100, 'f', 1)} %"
        if self._by != "evaluator":
            return ""
        return {"lenient": self.tr("rather lenient"), "harsh": self.tr("rather harsh")}.get(reading(line), "")
