"""Charts the president would rather look at than read, drawn with QPainter (QtCharts is not part of
PySide6-Essentials): how many validated items the examined candidates have, with the certificate's threshold;
each item's validation rate, grouped by domain; each domain's rate."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QHelpEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QVBoxLayout, QWidget

from c2i2e_jury.domain.referential import Referential
from c2i2e_jury.services.review.figures import Rates
from c2i2e_jury.services.review.rows import BORDERLINE

AXIS, GRID, TEXT = QColor("#444444"), QColor("#e3e3e3"), QColor("#222222")
BELOW, NEAR, ABOVE = QColor("#8096ad"), QColor("#e3a33b"), QColor("#4f9d69")
THRESHOLD, BAND = QColor("#c62828"), QColor(255, 236, 200)
GROUP_COLOURS = {"A": QColor("#3f6fb5"), "B": QColor("#2f9488")}


def nice_step(top: float, ticks: int = 5) -> float:
    """A round tick step (1, 2, 5 × 10^n) that gives about ``ticks`` ticks up to ``top``."""
    raw = max(top, 1) / ticks
    magnitude = 10 ** len(str(int(raw))) / 10 if raw >= 1 else 1
    for factor in (1, 2, 5, 10):
        if raw <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude


class _Chart(QWidget):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(180)
        self.setBackgroundRole(self.backgroundRole())
        self.setAutoFillBackground(True)

    def _title(self, painter: QPainter, text: str) -> None:
        font = QFont(self.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() + 1)
        painter.setFont(font)
        painter.setPen(TEXT)
        painter.drawText(QRectF(8, 4, self.width() - 16, 22), Qt.AlignmentFlag.AlignLeft, text)
        painter.setFont(self.font())

    def _empty(self, painter: QPainter, text: str) -> None:
        painter.setPen(AXIS)
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, text)

    def _y_axis(self, painter: QPainter, plot: QRectF, top: float, percent: bool = False) -> None:
        step = 0.2 if percent else nice_step(top)
        painter.setFont(self.font())
        value = 0.0
        while value <= top + 1e-9:
            y = plot.bottom() - plot.height() * value / top
            painter.setPen(QPen(GRID, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(AXIS)
            label = f"{value * 100:.0f} %" if percent else f"{value:g}"
            painter.drawText(
                QRectF(0, y - 8, plot.left() - 6, 16),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
            value += step
        painter.setPen(QPen(AXIS, 1))
        painter.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))


class HistogramChart(_Chart):
    """Examined candidates by number of validated items; the borderline band shaded, the threshold marked."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.counts: list[int] = []
        self.threshold = 23

    def set_counts(self, counts: Sequence[int], threshold: int = 23) -> None:
        self.counts, self.threshold = list(counts), threshold
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(720, 260)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._title(painter, self.tr("Examined candidates by number of validated items"))
        if not any(self.counts):
            self._empty(painter, self.tr("No examined candidate yet"))
            return
        plot = QRectF(48, 34, self.width() - 64, self.height() - 34 - 44)
        wanted = max(self.counts) * 1.15
        top = nice_step(wanted) * max(1, math.ceil(wanted / nice_step(wanted)))
        n = len(self.counts)
        slot = plot.width() / n
        band = QRectF(
            plot.left() + slot * BORDERLINE.start, plot.top(), slot * len(BORDERLINE), plot.height()
        )
        painter.fillRect(band, BAND)
        self._y_axis(painter, plot, top)
        metrics = QFontMetrics(self.font())
        for value, count in enumerate(self.counts):
            height = plot.height() * count / top
            rect = QRectF(
                plot.left() + slot * value + slot * 0.12, plot.bottom() - height, slot * 0.76, height
            )
            colour = ABOVE if value >= self.threshold else NEAR if value in BORDERLINE else BELOW
            painter.fillRect(rect, colour)
            if count and slot >= metrics.horizontalAdvance(str(count)) + 2:
                painter.setPen(TEXT)
                painter.drawText(
                    QRectF(rect.left() - 4, rect.top() - 16, rect.width() + 8, 14),
                    Qt.AlignmentFlag.AlignCenter,
                    str(count),
                )
            if slot >= 16 or value % 2 == 0:
                painter.setPen(AXIS)
                painter.drawText(
                    QRectF(plot.left() + slot * value, plot.bottom() + 2, slot, 16),
                    Qt.AlignmentFlag.AlignCenter,
                    str(value),
                )
        x = plot.left() + slot * self.threshold
        painter.setPen(QPen(THRESHOLD, 2, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(x, plot.top() - 4), QPointF(x, plot.bottom()))
        painter.setPen(THRESHOLD)
        label = self.tr("23: certificate threshold")
        width = metrics.horizontalAdvance(label) + 8
        painter.drawText(QRectF(x - width - 4, plot.top() - 2, width, 16), Qt.AlignmentFlag.AlignRight, label)
        painter.setPen(AXIS)
        painter.drawText(
            QRectF(plot.left(), plot.bottom() + 20, plot.width(), 18),
            Qt.AlignmentFlag.AlignCenter,
            self.tr(
                "validated items out of 28 (the certificate also needs at most 2 not validated per domain)"
            ),
        )
        self._legend(
            painter,
            metrics,
            (
                (ABOVE, self.tr("23 or more")),
                (NEAR, self.tr("21 or 22")),
                (BELOW, self.tr("under 21")),
                (BAND, self.tr("borderline 21 to 24")),
            ),
        )

    def _legend(
        self, painter: QPainter, metrics: QFontMetrics, entries: Sequence[tuple[QColor, str]]
    ) -> None:
        x = self.width() - 12 - sum(metrics.horizontalAdvance(text) + 26 for _, text in entries)
        for colour, text in entries:
            painter.fillRect(QRectF(x, 9, 12, 12), colour)
            painter.setPen(TEXT)
            painter.drawText(
                QRectF(x + 16, 4, metrics.horizontalAdvance(text) + 4, 22),
                Qt.AlignmentFlag.AlignVCenter,
                text,
            )
            x += metrics.horizontalAdvance(text) + 26


class ItemRatesChart(_Chart):
    """Each item's validation rate among the examined candidates, bars grouped by domain."""

    def __init__(self, referential: Referential, parent: Any = None) -> None:
        super().__init__(parent)
        self.referential = referential
        self.rates: Rates | None = None
        self._bars: list[tuple[QRectF, str]] = []

    def set_rates(self, rates: Rates) -> None:
        self.rates = rates
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(720, 240)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._title(painter, self.tr("Validation rate per item"))
        self._bars = []
        if self.rates is None or not self.rates.examined:
            self._empty(painter, self.tr("No examined candidate yet"))
            return
        plot = QRectF(48, 34, self.width() - 60, self.height() - 34 - 42)
        self._y_axis(painter, plot, 1.0, percent=True)
        domains = self.referential.domains
        gap = 0.8  # in bar slots, between domains
        slot = plot.width() / (len(self.referential.codes) + gap * (len(domains) - 1))
        x = plot.left()
        for domain in domains:
            start = x
            for code in domain.items:
                rate = self.rates.items.get(code, 0.0)
                rect = QRectF(
                    x + slot * 0.12, plot.bottom() - plot.height() * rate, slot * 0.76, plot.height() * rate
                )
                painter.fillRect(rect, GROUP_COLOURS.get(domain.group, BELOW))
                self._bars.append((QRectF(x, plot.top(), slot, plot.height()), code))
                painter.setPen(AXIS)
                painter.drawText(
                    QRectF(x, plot.bottom() + 1, slot, 14), Qt.AlignmentFlag.AlignCenter, code.split(".")[-1]
                )
                x += slot
            painter.setPen(TEXT)
            painter.drawText(
                QRectF(start, plot.bottom() + 16, x - start, 16), Qt.AlignmentFlag.AlignCenter, domain.code
            )
            x += slot * gap

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent) and self.rates is not None:
            for rect, code in self._bars:
                if rect.contains(QPointF(event.pos())):
                    QToolTip.showText(
                        event.globalPos(),
                        f"{code} — {self.rates.items.get(code, 0.0) * 100:.0f} %"
                        f"\n{self.referential.item(code).wording}",
                        self,
                    )
                    return True
            QToolTip.hideText()
            return True
        return super().event(event)


class DomainRatesChart(_Chart):
    """Each domain's share of validated items: one horizontal bar per domain, its title beside."""

    def __init__(self, referential: Referential, parent: Any = None) -> None:
        super().__init__(parent)
        self.referential = referential
        self.rates: Rates | None = None

    def set_rates(self, rates: Rates) -> None:
        self.rates = rates
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(720, 230)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._title(painter, self.tr("Validation rate per domain"))
        if self.rates is None or not self.rates.examined:
            self._empty(painter, self.tr("No examined candidate yet"))
            return
        metrics = QFontMetrics(self.font())
        label_width = min(self.width() * 0.45, 330.0)
        left, right = label_width + 12, self.width() - 56
        domains = self.referential.domains
        row = (self.height() - 36) / len(domains)
        for n, domain in enumerate(domains):
            y = 32 + row * n
            rate = self.rates.domains.get(domain.code, 0.0)
            text = metrics.elidedText(
                f"{domain.code}  {domain.title}", Qt.TextElideMode.ElideRight, int(label_width)
            )
            painter.setPen(TEXT)
            painter.drawText(QRectF(8, y, label_width, row), Qt.AlignmentFlag.AlignVCenter, text)
            painter.fillRect(QRectF(left, y + row * 0.2, right - left, row * 0.6), GRID)
            painter.fillRect(
                QRectF(left, y + row * 0.2, (right - left) * rate, row * 0.6),
                GROUP_COLOURS.get(domain.group, BELOW),
            )
            painter.drawText(
                QRectF(right + 4, y, 52, row), Qt.AlignmentFlag.AlignVCenter, f"{rate * 100:.0f} %"
            )


class ChartsPanel(QWidget):
    """The three charts, one above the other."""

    def __init__(self, referential: Referential, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewCharts")
        self.histogram = HistogramChart()
        self.items = ItemRatesChart(referential)
        self.domains = DomainRatesChart(referential)
        layout = QVBoxLayout(self)
        layout.addWidget(self.histogram, 5)
        layout.addWidget(self.items, 4)
        layout.addWidget(self.domains, 4)

    def set_data(self, counts: Sequence[int], rates: Rates, threshold: int) -> None:
        self.histogram.set_counts(counts, threshold)
        self.items.set_rates(rates)
        self.domains.set_rates(rates)
