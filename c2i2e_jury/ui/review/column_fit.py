"""The president's table fits its viewport: every column in view at 1366×768, the widest texts elided.

Sized to their contents, the columns needed 1,250 px where a 1366-px screen leaves the table about 860: the
« Signalements », « Jury » and « Évaluateur » columns were off screen. Each column wants its content's width
(within a cap); when they do not fit, the least useful columns give first, each down to its floor (its header's
text, legible whole, and a least width), the name last. Until the president drags a column's edge, the columns
are fitted again when the table's width changes; after, the president's widths stay.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QTableView

from c2i2e_jury.ui.review.review_model import COLUMN, DOMAINS

HEADER_MARGIN = 12  # the header's text margins, left and right


def fitted(wanted: Sequence[int], floors: Sequence[int], available: int, order: Sequence[int]) -> list[int]:
    """``wanted`` shrunk to fit ``available``: the columns give in ``order`` (the least useful first), each
    down to its floor before the next gives; at the floors when even they do not fit."""
    widths = list(wanted)
    excess = sum(widths) - available
    for column in order:
        if excess <= 0:
            break
        give = min(excess, max(0, widths[column] - floors[column]))
        widths[column] -= give
        excess -= give
    return widths


class ColumnFit(QObject):
    """Keeps ``table``'s columns within its viewport. ``caps``: the widest each column may want; ``least``: the
    narrowest each may become beyond its header's text (``None``: never narrower than its content); ``order``:
    the columns that give room, the least useful first."""

    def __init__(
        self, table: QTableView, caps: Sequence[int], least: Sequence[int | None], order: Sequence[int]
    ) -> None:
        super().__init__(table)
        self.table, self.caps, self.least, self.order = table, list(caps), list(least), list(order)
        self.wanted: list[int] = []
        self.manual = False  # the president resized a column: the widths are theirs
        self._fitting = False
        table.horizontalHeader().sectionResized.connect(self._resized)
        table.viewport().installEventFilter(self)
        table.horizontalHeader().sortIndicatorChanged.connect(lambda *_: self.fit())  # its arrow needs room

    def size_to_contents(self) -> None:
        """Each column's content width (the first rows), within its cap, then fitted to the viewport."""
        self.table.horizontalHeader().setResizeContentsPrecision(200)
        self._fitting = True
        self.table.resizeColumnsToContents()
        self._fitting = False
        count = self.table.model().columnCount()
        self.wanted = [min(self.table.columnWidth(c) + 4, self.caps[c]) for c in range(count)]
        self.manual = False
        self.fit()

    def floors(self) -> list[int]:
        """What each column keeps: its header's text whole, and its ``least`` (all of its content if ``None``)."""
        header = self.table.horizontalHeader()
        model, metrics, sorted_by = self.table.model(), header.fontMetrics(), header.sortIndicatorSection()
        floors = []
        for column, want in enumerate(self.wanted):
            least = self.least[column]
            text = metrics.horizontalAdvance(str(model.headerData(column, Qt.Orientation.Horizontal) or ""))
            whole = header.sectionSizeHint(column) if column == sorted_by else text + HEADER_MARGIN
            floor = want if least is None else max(least, whole)
            floors.append(min(want, floor))
        return floors

    def fit(self) -> None:
        if self.manual or not self.wanted:
            return
        widths = fitted(self.wanted, self.floors(), self.table.viewport().width(), self.order)
        self._fitting = True
        for column, width in enumerate(widths):
            if self.table.columnWidth(column) != width:
                self.table.setColumnWidth(column, width)
        self._fitting = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def _resized(self, column: int, *_: int) -> None:
        header = self.table.horizontalHeader()
        stretched = header.stretchLastSection() and column == header.count() - 1  # the header's own doing
        if not self._fitting and not stretched:
            self.manual = True


def review_columns(table: QTableView) -> ColumnFit:
    """The president's table: the figures narrow, the name wide enough for its « À examiner » marker and some of
    the name, the id and the outcome never cut, « examiné » whole; the evaluator gives room first, the name
    last (an elided cell shows its whole text in its tooltip: :meth:`ReviewModel._tooltip`)."""
    narrow = {COLUMN["validated"], *(COLUMN[d] for d in DOMAINS)}
    caps = [34 if c in narrow else 300 if c == COLUMN["name"] else 190 for c in range(len(COLUMN))]
    least: list[int | None] = [0] * len(COLUMN)
    least[COLUMN["id"]], least[COLUMN["outcome"]] = None, 72  # « C2017-004 », « Certificat » whole
    least[COLUMN["name"]], least[COLUMN["status"]] = 150, 70
    gives = ("evaluator", "flags", "decision", "jury", "status", "outcome", "validated", *DOMAINS, "name")
    return ColumnFit(table, caps, least, [COLUMN[key] for key in gives])
