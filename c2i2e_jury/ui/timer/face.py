"""How the oral's time looks: a label whose font fills its box so that the time reads across a desk, and the calm
colours of each state. The clock's digits are :func:`c2i2e_jury.ui.text.format_clock` (the projector's overlay
shows the same, and the viewer's room knows nothing of the timer's).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF, QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

# Calm colours, each paired with a text: colour alone never carries the state. (background, text, border)
STYLES = {
    "ready": ("#f3f5f7", "#1b2a3a", "#c5ccd4"),
    "running": ("#f3f5f7", "#1b2a3a", "#2e6db4"),
    "first": ("#fff4d6", "#6b4200", "#e0a100"),
    "second": ("#ffe3c2", "#7c3300", "#e06d00"),
    "overtime": ("#fce4e4", "#a3001b", "#c8102e"),
    "paused": ("#e6ecf5", "#34495e", "#7f8fa6"),
    "finished": ("#edf5ee", "#1e5631", "#6aa577"),
}


class FitLabel(QLabel):
    """A label whose font grows and shrinks with the widget so that the longest text fills it."""

    def __init__(self, widest: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._widest = widest
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumHeight(72)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        font = QFont(self.font())
        font.setBold(True)
        font.setPixelSize(100)
        metrics = QFontMetricsF(font)
        by_width = 100 * 0.92 * self.width() / metrics.horizontalAdvance(self._widest)
        by_height = 100 * 0.92 * self.height() / metrics.height()
        font.setPixelSize(max(12, int(min(by_width, by_height))))
        self.setFont(font)
