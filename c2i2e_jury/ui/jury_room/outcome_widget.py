"""The live outcome, always visible: a picture of the 28 items by domain and, in words, where the candidate stands.

Each cell shows its state by a symbol as well as a colour (✓ validated, ✗ not validated, ? undecided, ★ acquired
earlier), so that it reads in black and white and for colour-blind jurors.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from c2i2e_jury.domain.referential import Referential
from c2i2e_jury.domain.rules import Mark, Outcome, Status
from c2i2e_jury.ui.fit import fit_height
from c2i2e_jury.ui.outcome_text import explanation_text
from c2i2e_jury.ui.text import fill

CELL_STYLE = {
    "validated": ("✓", QColor("#2e7d32"), QColor("#e8f5e9")),
    "not_validated": ("✗", QColor("#c62828"), QColor("#ffebee")),
    "undecided": ("?", QColor("#6d6d6d"), QColor("#f5f5f5")),
    "acquired": ("★", QColor("#1565c0"), QColor("#e3f2fd")),
}


class GridGeometry:
    """The grid's rectangles at one widget size: each domain's row, label and « ! », each item's cell."""

    LABEL_W = 34.0

    def __init__(self, referential: Referential, size: QSize) -> None:
        self.size = QSize(size)
        self.row_h = (size.height() - 4) / len(referential.domains)
        cell_w = min(44.0, (size.width() - self.LABEL_W - 30) / 5)
        self.rows: dict[str, QRectF] = {}
        self.labels: dict[str, QRectF] = {}
        self.marks: dict[str, QRectF] = {}
        self.cells: dict[str, QRectF] = {}
        for r, domain in enumerate(referential.domains):
            y = 2 + r * self.row_h
            self.rows[domain.code] = QRectF(0, y - 1, size.width(), self.row_h + 2)
            self.labels[domain.code] = QRectF(0, y, self.LABEL_W, self.row_h)
            for c, code in enumerate(domain.items):
                self.cells[code] = QRectF(self.LABEL_W + c * cell_w + 1, y + 1, cell_w - 2, self.row_h - 2)
            x = self.LABEL_W + len(domain.items) * cell_w + 4
            self.marks[domain.code] = QRectF(x, y, 30, self.row_h)


class OutcomeGrid(QWidget):
    """7 rows (domains) of up to 5 cells; a domain over its limit is framed in red with a « ! »."""

    itemClicked = Signal(str)

    def __init__(self, referential: Referential, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ref = referential
        self._states: dict[str, str] = dict.fromkeys(referential.codes, "undecided")
        self._missing: dict[str, int] = {}
        self._current = ""
        self._layout: GridGeometry | None = None
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(7 * 22 + 4)
        self.setAccessibleName(self.tr("Validation grid of the 28 competencies"))

    def sizeHint(self) -> QSize:
        return QSize(280, 7 * 22 + 4)

    def set_state(self, states: dict[str, str], missing: dict[str, int], current: str = "") -> None:
        """Repaints only the cells (and domain labels) that change: a decision changes one or two of 28."""
        changed = {c for c in self._ref.codes if states.get(c) != self._states.get(c)}
        changed |= {c for c in (self._current, current) if c} if current != self._current else set()
        domains = {
            d.code
            for d in self._ref.domains
            if self._over(missing, d.code) != self._over(self._missing, d.code)
        }
        self._states, self._missing, self._current = states, missing, current
        self._repaint(changed, domains)

    def set_current(self, code: str) -> None:
        if code != self._current:
            self._repaint({c for c in (self._current, code) if c}, set())
        self._current = code

    def state_of(self, code: str) -> str:
        return self._states[code]

    def _over(self, missing: dict[str, int], domain: str) -> bool:
        return missing.get(domain, 0) > self._ref.max_missing_per_domain

    def _repaint(self, codes: set[str], domains: set[str]) -> None:
        geometry = self._geometry()
        for code in codes:
            self.update(geometry.cells[code].adjusted(-2, -2, 2, 2).toAlignedRect())
        for domain in domains:
            self.update(geometry.rows[domain].toAlignedRect())

    def _geometry(self) -> GridGeometry:
        """Where each cell and each domain's row lie, measured once per size (the paint and the clicks use it)."""
        if self._layout is None or self._layout.size != self.size():
            self._layout = GridGeometry(self._ref, self.size())
        return self._layout

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        """The rows and cells the event's region touches (the others are as they were)."""
        geometry, region = self._geometry(), event.region()  # its rectangles, not their bounds
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        # The domain's code in the widget's font, whatever size the cells took.
        label_font = QFont(self.font())
        label_font.setBold(True)
        cell_font = QFont(self.font())
        cell_font.setPointSizeF(max(7.0, geometry.row_h * 0.32))
        for domain in self._ref.domains:
            row = geometry.rows[domain.code]
            if not region.intersects(row.toAlignedRect()):
                continue
            over = self._over(self._missing, domain.code)
            painter.setFont(label_font)
            painter.setPen(QColor("#c62828") if over else self.palette().windowText().color())
            painter.drawText(geometry.labels[domain.code], Qt.AlignmentFlag.AlignVCenter, domain.code)
            painter.setFont(cell_font)
            for code in domain.items:
                if region.intersects(geometry.cells[code].adjusted(-2, -2, 2, 2).toAlignedRect()):
                    self._paint_cell(painter, code, geometry.cells[code])
            if over:
                painter.setPen(QColor("#c62828"))
                painter.setFont(label_font)
                painter.drawText(geometry.marks[domain.code], Qt.AlignmentFlag.AlignVCenter, "!")
        painter.end()

    def _paint_cell(self, painter: QPainter, code: str, rect: QRectF) -> None:
        symbol, fg, bg = CELL_STYLE[self._states.get(code, "undecided")]
        painter.setPen(QPen(QColor("#1a1a1a"), 2.5) if code == self._current else QPen(fg.lighter(140), 1))
        painter.setBrush(bg)
        painter.drawRoundedRect(rect, 3, 3)
        painter.setPen(fg)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, f"{symbol} {code[3:]}")

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        for code, rect in self._geometry().cells.items():
            if rect.contains(event.position()):
                self.itemClicked.emit(code)
                return
        super().mousePressEvent(event)


class OutcomeWidget(QWidget):
    """The grid plus the outcome in words: « 24 / 28 validées — certificat : oui »."""

    itemClicked = Signal(str)

    def __init__(self, referential: Referential, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outcome")
        self.grid = OutcomeGrid(referential, self)
        self.grid.itemClicked.connect(self.itemClicked)
        self.headline = QLabel(self)
        self.headline.setObjectName("outcomeHeadline")
        font = self.headline.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.headline.setFont(font)
        self.headline.setWordWrap(
            True
        )  # a long translation takes a second line rather than widening the column
        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.explanation.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.grid.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.grid.setFixedWidth(262)  # 5 cells of 44 px beside the domain codes, and the « ! »
        beside = QHBoxLayout()  # the words beside the grid: the 28 items need the column's height
        beside.addWidget(self.grid, 0, Qt.AlignmentFlag.AlignTop)
        beside.addWidget(self.explanation, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.headline)
        layout.addLayout(beside)

    def show_outcome(self, outcome: Outcome, decisions: dict[str, Mark | None], current: str = "") -> None:
        states: dict[str, str] = {}
        for code in self.grid._ref.codes:
            if code in outcome.acquired:
                states[code] = "acquired"
            elif code in outcome.validated:
                states[code] = "validated"
            elif decisions.get(code) is Mark.NOT_VALIDATED:
                states[code] = "not_validated"
            else:
                states[code] = "undecided"
        # "!" marks a domain already lost: its items decided "not validated" (undecided ones may still pass).
        lost = {d.code: sum(states[c] == "not_validated" for c in d.items) for d in self.grid._ref.domains}
        if outcome.status in (Status.ABSENT, Status.ANNULLED, Status.NOT_ADMITTED):
            lost = dict(outcome.missing_by_domain)
        self.grid.set_state(states, lost, current)
        total = len(self.grid._ref)
        if outcome.status in (Status.EXAMINED, Status.IN_PROGRESS, Status.AWAITING):
            verdict = self.tr("certificate: yes") if outcome.certificate else self.tr("certificate: no")
            if outcome.status is not Status.EXAMINED:
                verdict = (
                    self.tr("%n item(s) to decide", "", len(outcome.undecided))
                    if outcome.undecided
                    else self.tr("oral not started")
                )
            self.headline.setText(
                fill(self.tr("%1 / %2 validated — %3"), outcome.validated_count, total, verdict)
            )
        else:
            self.headline.setText(self.tr("Nothing validated in this campaign"))
        colour = (
            "#2e7d32" if outcome.certificate else ("#c62828" if outcome.status is Status.EXAMINED else "")
        )
        style = f"color: {colour};" if colour else ""
        if self.headline.styleSheet() != style:  # a style sheet set re-polishes the label, same or not
            self.headline.setStyleSheet(style)
        self.explanation.setText(explanation_text(self.grid._ref, outcome))
        fit_height(self)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        fit_height(self)  # narrower, the words may need another line
