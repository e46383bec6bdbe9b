"""The tables of a candidate's detail: the 28 items (evaluator, jury, comment, justification, changes) and the
history of the selected item. Adapters over the service's values; no rule here."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from c2i2e_jury.domain.rules import Mark
from c2i2e_jury.services.jury_room import DecisionChangeRow, ItemRow
from c2i2e_jury.ui.text import fill

Index = QModelIndex | QPersistentModelIndex
ITEM, EVALUATOR, JURY, CHANGES, COMMENT, JUSTIFICATION = range(6)
REVERSED_BACKGROUND = QColor("#fff3d6")


def _mark(value: Mark | str | None) -> str:
    text = value.value if isinstance(value, Mark) else value
    return {"V": "✓ V", "NV": "✗ NV"}.get(text or "", "—")


def _mark_colour(value: Mark | str | None) -> QColor | None:
    text = value.value if isinstance(value, Mark) else value
    return {"V": QColor("#2e7d32"), "NV": QColor("#c62828")}.get(text or "")


class DetailItemsModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[ItemRow] = []
        self._changes: dict[str, int] = {}

    def set_items(self, items: tuple[ItemRow, ...] | list[ItemRow], changes: dict[str, int]) -> None:
        self.beginResetModel()
        self._items, self._changes = list(items), dict(changes)
        self.endResetModel()

    def item(self, row: int) -> ItemRow:
        return self._items[row]

    @staticmethod
    def reversed(row: ItemRow) -> bool:
        return row.evaluator is not None and row.decision is not None and row.decision is not row.evaluator

    def first_of_interest(self) -> int:
        """The first reversed item, else the first changed one, else 0: where the president looks first."""
        for n, row in enumerate(self._items):
            if self.reversed(row):
                return n
        return next((n for n, row in enumerate(self._items) if self._changes.get(row.code, 0) > 1), 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 6

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return (
            (
                self.tr("Item"),
                self.tr("Evaluator"),
                self.tr("Jury"),
                self.tr("Changes"),
                self.tr("Comment"),
                self.tr("Justification"),
            )[section]
            if 0 <= section < 6
            else None
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        row, column = self._items[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == CHANGES:
                return self.tr("Number of times the decision was changed")
            if column in (COMMENT, JUSTIFICATION):
                return row.comment if column == COMMENT else row.justification
            return row.wording if column == ITEM else row.evaluator_comment if column == EVALUATOR else None
        if role == Qt.ItemDataRole.ForegroundRole and column in (EVALUATOR, JURY):
            if column == JURY and row.acquired:
                return QColor("#1565c0")
            return _mark_colour(row.evaluator if column == EVALUATOR else row.decision)
        if role == Qt.ItemDataRole.BackgroundRole and self.reversed(row):
            return REVERSED_BACKGROUND
        if role == Qt.ItemDataRole.UserRole:
            return row.code
        return None

    def _display(self, row: ItemRow, column: int) -> str:
        if column == ITEM:
            return row.code
        if column == EVALUATOR:
            return _mark(row.evaluator)
        if column == JURY:
            if row.acquired:
                return fill(self.tr("acquired %1"), str(row.prior.year or "") if row.prior else "")
            return _mark(row.decision)
        if column == COMMENT:
            return row.comment
        if column == JUSTIFICATION:
            return row.justification
        changes = self._changes.get(row.code, 0)
        return str(changes) if changes > 1 else ""  # decided once: nothing to look at


class HistoryModel(QAbstractTableModel):
    """Every change of one item's decision, oldest first."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._changes: list[DecisionChangeRow] = []

    def set_changes(self, changes: list[DecisionChangeRow]) -> None:
        self.beginResetModel()
        self._changes = list(changes)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._changes)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 5

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation == Qt.Orientation.Vertical:
            return None
        return (
            (self.tr("When"), self.tr("From"), self.tr("To"), self.tr("By"), self.tr("Justification"))[
                section
            ]
            if 0 <= section < 5
            else None
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._changes):
            return None
        change, column = self._changes[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return change.at.astimezone().strftime("%d/%m/%Y %H:%M:%S")
            if column in (1, 2):
                return _mark(change.old if column == 1 else change.new)
            if column == 3:
                return (
                    self.tr("certification jury")
                    if change.by == "certification_jury"
                    else self.tr("validation jury")
                )
            return change.justification
        if role == Qt.ItemDataRole.ForegroundRole and column in (1, 2):
            return _mark_colour(change.old if column == 1 else change.new)
        if role == Qt.ItemDataRole.ToolTipRole and column == 4:
            return change.justification
        return None
