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


class OutcomeGrid(QWidget):
    """7 rows (domains) of up to 5 cells; a domain over its limit is framed in red with a « ! »."""

    itemClicked = Signal(str)

    def __init__(self, referential: Referential, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ref = referential
        self._states: dict[str, str] = dict.fromkeys(referential.codes, "undecided")
        self._missing: dict[str, int] = {}
        self._current = ""
        self._cells: dict[str, QRectF] = {}
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(7 * 22 + 4)
        self.setAccessibleName(self.tr("Validation grid of the 28 competencies"))

    def sizeHint(self) -> QSize:
        return QSize(280, 7 * 22 + 4)

    def set_state(self, states: dict[str, str], missing: dict[str, int], current: str = "") -> None:
        self._states, self._missing, self._current = states, missing, current
        self.update()

    def set_current(self, code: str) -> None:
        self._current = code
        self.update()

    def state_of(self, code: str) -> str:
        return self._states[code]

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rows = len(self._ref.domains)
        row_h = (self.height() - 4) / rows
        label_w = 34.0
        cell_w = min(44.0, (self.width() - label_w - 30) / 5)
        font = QFont(self.font())
        self._cells.clear()
        for r, domain in enumerate(self._ref.domains):
            y = 2 + r * row_h
            over = self._missing.get(domain.code, 0) > self._ref.max_missing_per_domain
            font = QFont(self.font())  # the domain's code in the widget's font, whatever size the cells took
            font.setBold(True)
            painter.setFont(font)
            painter.setPen(QColor("#c62828") if over else self.palette().windowText().color())
            painter.drawText(QRectF(0, y, label_w, row_h), Qt.AlignmentFlag.AlignVCenter, domain.code)
            for c, code in enumerate(domain.items):
                rect = QRectF(label_w + c * cell_w + 1, y + 1, cell_w - 2, row_h - 2)
                self._cells[code] = rect
                symbol, fg, bg = CELL_STYLE[self._states.get(code, "undecided")]
                painter.setPen(
                    QPen(QColor("#1a1a1a"), 2.5) if code == self._current else QPen(fg.lighter(140), 1)
                )
                painter.setBrush(bg)
                painter.drawRoundedRect(rect, 3, 3)
                font.setBold(False)
                font.setPointSizeF(max(7.0, row_h * 0.32))
                painter.setFont(font)
                painter.setPen(fg)
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, f"{symbol} {code[3:]}")
            if over:
                painter.setPen(QColor("#c62828"))
                font.setBold(True)
                painter.setFont(font)
                x = label_w + len(domain.items) * cell_w + 4
                painter.drawText(QRectF(x, y, 30, row_h), Qt.AlignmentFlag.AlignVCenter, "!")
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        for code, rect in self._cells.items():
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
        self.headline.setStyleSheet(f"color: {colour};" if colour else "")
        self.explanation.setText(explanation_text(self.grid._ref, outcome))
        fit_height(self)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        fit_height(self)  # narrower, the words may need another line
