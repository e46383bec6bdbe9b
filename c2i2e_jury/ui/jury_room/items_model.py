"""The 28 items of a candidate as a Qt table: an adapter over the service's ``ItemRow`` values (no rule here)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from c2i2e_jury.domain.rules import Mark
from c2i2e_jury.resources_access import referential
from c2i2e_jury.services.jury_room import ItemRow
from c2i2e_jury.ui.text import fill

Index = QModelIndex | QPersistentModelIndex
CODE, WORDING, EVALUATOR, JURY, COMMENT = range(5)
ORDER_DOMAIN, ORDER_PART = "domain", "part"


class ItemsModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ItemRow] = []
        self._order = ORDER_DOMAIN

    # -- data in -------------------------------------------------------------------------------------------
    def set_items(self, items: tuple[ItemRow, ...] | list[ItemRow]) -> None:
        ordered = sorted(items, key=self._key)
        if ordered and [r.code for r in ordered] == [r.code for r in self._rows]:
            # Only the rows that changed (one, after a decision): the view repaints those alone.
            changed = [i for i, (old, new) in enumerate(zip(self._rows, ordered, strict=True)) if old != new]
            self._rows = ordered
            if changed:
                self.dataChanged.emit(self.index(changed[0], 0), self.index(changed[-1], COMMENT))
            return
        self.beginResetModel()
        self._rows = ordered
        self.endResetModel()

    def set_order(self, order: str) -> None:
        self._order = order
        self.set_items(list(self._rows))

    def _key(self, row: ItemRow) -> tuple[Any, ...]:
        return (row.part, row.domain, row.code) if self._order == ORDER_PART else (row.domain, row.code)

    def item(self, row: int) -> ItemRow:
        return self._rows[row]

    def row_of(self, code: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.code == code), -1)

    # -- Qt ------------------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 5

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return (
            self.tr("Item"),
            self.tr("Competency"),
            self.tr("Evaluator"),
            self.tr("Jury"),
            self.tr("Comment"),
        )[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and column in (EVALUATOR, JURY):
            return self._colour(row, column)
        if role == Qt.ItemDataRole.FontRole and self.bold(column):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.UserRole:
            return row.code
        return None

    @staticmethod
    def bold(column: int) -> bool:
        return column in (CODE, JURY)

    def column_texts(self, column: int) -> list[str]:
        """Every text ``column`` can show, whatever the candidate (the narrow columns have fixed widths)."""
        marks = [self._mark_text(mark) for mark in (Mark.VALIDATED, Mark.NOT_VALIDATED, None)]
        if column == CODE:
            return [item.code for item in referential()]
        if column == JURY:
            return [*marks, self.tr("? to decide"), fill(self.tr("★ acquired %1"), "2088")]
        return marks

    def _mark_text(self, mark: Mark | None) -> str:
        if mark is Mark.VALIDATED:
            return self.tr("✓ V")
        if mark is Mark.NOT_VALIDATED:
            return self.tr("✗ NV")
        return "—"

    def _display(self, row: ItemRow, column: int) -> str:
        if column == CODE:
            return row.code
        if column == WORDING:
            return row.wording
        if column == EVALUATOR:
            return self._mark_text(row.evaluator)
        if column == JURY:
            if row.acquired:
                return fill(self.tr("★ acquired %1"), str(row.prior.year or "") if row.prior else "")
            if row.decision is None:
                return self.tr("? to decide")
            return self._mark_text(row.decision)
        return row.comment

    def _tooltip(self, row: ItemRow, column: int) -> str:
        if column == EVALUATOR and row.evaluator_comment:
            return row.evaluator_comment
        if column == JURY and row.justification:
            return fill(self.tr("Justification: %1"), row.justification)
        if column == COMMENT:
            return row.comment  # the whole comment: the column is narrow
        return row.wording if column in (CODE, WORDING) else ""

    def _colour(self, row: ItemRow, column: int) -> QColor | None:
        mark = row.evaluator if column == EVALUATOR else row.decision
        if column == JURY and row.acquired:
            return QColor("#1565c0")
        if mark is Mark.VALIDATED:
            return QColor("#2e7d32")
        if mark is Mark.NOT_VALIDATED:
            return QColor("#c62828")
        return None
