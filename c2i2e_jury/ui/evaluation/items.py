"""The evaluator's 28 items, grouped by dossier part (the seed's mapping: each part of the dossier shows some of
the competencies), keyboard-driven as in the jury room: ↑/↓ to move, V / N to mark, Suppr to clear, C to write
the comment (Entrée saves). Each mark and comment is stored (:func:`c2i2e_jury.services.evaluation.set_mark`)
before the table shows it: nothing is lost on a crash.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from c2i2e_jury.errors import UserError
from c2i2e_jury.resources_access import referential
from c2i2e_jury.services import evaluation
from c2i2e_jury.storage.database import Database
from c2i2e_jury.ui.jury_room.decision_keys import DecisionKeys
from c2i2e_jury.ui.prompts import Prompts
from c2i2e_jury.ui.text import fill

CODE, WORDING, MARK, COMMENT = range(4)
NOT_MARKED = "—"
DRAFT_SAVE_MS = 800  # a comment being typed is saved after this pause


class EvaluationItems(QWidget):
    """The items of one candidate; ``markChanged`` after each mark stored (the list's counts follow)."""

    markChanged = Signal()
    pagesRequested = Signal(list)

    def __init__(self, db: Database, prompts: Prompts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.prompts = db, prompts
        self.candidate_pk: int | None = None
        self._editing: str | None = None  # the item whose comment the field shows
        self.evidence: dict[str, list[int]] = {}
        self.codes: list[str | None] = []  # the table's rows: an item code, or None for a part's heading
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("evaluationItems")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Item"), self.tr("Competence"), self.tr("Mark"), self.tr("Comment")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(WORDING, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COMMENT, QHeaderView.ResizeMode.Stretch)
        for column in (
            CODE,
            MARK,
        ):  # fixed: a part's heading spans the row and must not widen the code column
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, self.fontMetrics().horizontalAdvance("B2.5  NV") // 2 + 24)
        self.table.currentCellChanged.connect(lambda row, _c, _pr, _pc: self._row_changed(row))
        self.comment = QLineEdit(self)
        self.comment.setObjectName("evaluationComment")
        self.comment.setPlaceholderText(self.tr("The evaluator's comment on the item (C, then Enter saves)"))
        self.comment.returnPressed.connect(self.save_comment)
        # Typed, not yet confirmed: saved after a short pause and when the field loses the focus, so that a
        # crash loses at most the last second's keys (as the jury room's comments).
        self._draft = QTimer(self)
        self._draft.setSingleShot(True)
        self._draft.setInterval(DRAFT_SAVE_MS)
        self._draft.timeout.connect(lambda: self.save_comment(keep_focus=True))
        self.comment.textEdited.connect(lambda _text: self._draft.start())
        self.comment.editingFinished.connect(lambda: self.save_comment(keep_focus=True))
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.comment)
        self.keys = DecisionKeys(
            self,
            {
                Qt.Key.Key_V: lambda: self.mark("V"),
                Qt.Key.Key_N: lambda: self.mark("NV"),
                Qt.Key.Key_Delete: lambda: self.mark(None),
                Qt.Key.Key_C: self.comment.setFocus,
            },
        )

    def show_candidate(self, candidate_pk: int | None) -> None:
        self.flush()
        self.candidate_pk = candidate_pk
        self.evidence = {}
        self.table.setRowCount(0)
        self.codes = []
        self._editing = None
        self.comment.clear()
        self.setEnabled(candidate_pk is not None)
        if candidate_pk is None:
            return
        marks = evaluation.marks_of(self.db, candidate_pk)
        ref = referential()
        for part in ref.parts:
            self._heading(fill(self.tr("Part %1 of the dossier — %2"), part.number, part.title))
            for code in part.items:
                self._item_row(code, ref.item(code).wording, *marks[code])
        self.table.resizeRowsToContents()
        self.select(ref.parts[0].items[0])

    def _heading(self, text: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.codes.append(None)
        cell = QTableWidgetItem(text)
        cell.setFlags(Qt.ItemFlag.ItemIsEnabled)
        font = QFont(cell.font())
        font.setBold(True)
        cell.setFont(font)
        cell.setBackground(QColor("#eef1f6"))
        self.table.setItem(row, 0, cell)
        self.table.setSpan(row, 0, 1, 4)

    def _item_row(self, code: str, wording: str, mark: str | None, comment: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.codes.append(code)
        for column, text in (
            (CODE, code),
            (WORDING, wording),
            (MARK, mark or NOT_MARKED),
            (COMMENT, comment),
        ):
            self.table.setItem(row, column, QTableWidgetItem(text))

    def select(self, code: str) -> None:
        if code in self.codes:
            self.table.setCurrentCell(self.codes.index(code), MARK)

    def current_code(self) -> str | None:
        row = self.table.currentRow()
        return self.codes[row] if 0 <= row < len(self.codes) else None

    def _cell(self, code: str, column: int) -> QTableWidgetItem:
        cell = self.table.item(self.codes.index(code), column)
        assert cell is not None  # every item row has its four cells
        return cell

    def mark_of(self, code: str) -> str:
        return self._cell(code, MARK).text()

    def comment_of(self, code: str) -> str:
        return self._cell(code, COMMENT).text()

    def flush(self) -> None:
        """Save a comment still being typed (before the candidate or the window changes)."""
        if self._draft.isActive():
            self.save_comment(keep_focus=True)

    def _row_changed(self, row: int) -> None:
        if 0 <= row < len(self.codes) and self.codes[row] is None:  # a heading: step over it
            step = 1 if row + 1 < len(self.codes) else -1
            self.table.setCurrentCell(row + step, MARK)
            return
        code = self.current_code()
        if code is None:
            return
        self.flush()  # the comment being typed belongs to the item it was typed for
        self._editing = code
        self.comment.setText(self.comment_of(code))
        self._show_citations(code)
        if self.evidence.get(code):
            self.pagesRequested.emit(self.evidence[code])

    def _show_citations(self, code: str) -> None:
        pages = self.evidence.get(code, [])
        cited = ", ".join(str(p) for p in pages) if pages else self.tr("not found")
        self.detail.setText(fill(self.tr("%1 — cited on pages: %2"), code, cited))

    def set_evidence(self, evidence: dict[str, list[int]]) -> None:
        """Where each item is cited (it arrives after the table): said at once for the current item."""
        self.evidence = evidence
        code = self.current_code()
        if code is not None:
            self._show_citations(code)

    def mark(self, mark: str | None) -> None:
        """Store the mark of the current item, then show it and move to the next item."""
        code = self.current_code()
        if self.candidate_pk is None or code is None:
            return
        try:
            stored, _comment = evaluation.set_mark(self.db, self.candidate_pk, code, mark)
        except UserError as exc:
            self.prompts.warn(self, self.tr("Mark not recorded"), exc.message)
            return
        self._cell(code, MARK).setText(stored or NOT_MARKED)
        self.markChanged.emit()
        row = self.codes.index(code) + 1
        while row < len(self.codes) and self.codes[row] is None:
            row += 1
        if row < len(self.codes):
            self.table.setCurrentCell(row, MARK)

    def save_comment(self, *, keep_focus: bool = False) -> None:
        """Store the comment typed for the current item (nothing when unchanged); Enter gives the focus back to
        the table."""
        self._draft.stop()
        code = self._editing
        if self.candidate_pk is None or code is None or code not in self.codes:
            return
        if self.comment.text().strip() == self.comment_of(code):
            if not keep_focus:
                self.table.setFocus()
            return
        current = self.mark_of(code)
        mark = None if current == NOT_MARKED else current
        try:
            _mark, stored = evaluation.set_mark(self.db, self.candidate_pk, code, mark, self.comment.text())
        except UserError as exc:
            self.prompts.warn(self, self.tr("Comment not recorded"), exc.message)
            return
        self._cell(code, COMMENT).setText(stored)
        self.table.resizeRowToContents(self.codes.index(code))
        if not keep_focus:
            self.table.setFocus()
