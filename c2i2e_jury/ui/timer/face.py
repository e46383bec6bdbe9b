"""How the oral's time looks: a label whose font fills its box so that the time reads across a desk, the calm
colours of each state, and the panel that holds the phase, the digits, the state and the progress. The clock's digits are :func:`c2i2e_jury.ui.text.format_clock` (the projector's overlay
shows the same, and the viewer's room knows nothing of the timer's).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF, QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

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


class TimerPanel(QFrame):
    """The digits in an area of their own, the phase above them and the state below, each on its own line,
    wrapped, never drawn over the digits; the panel's colours say the state with the words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timerPanel")
        self.phase_label = make_label(self, "timerPhase", wrap=True)
        self.state_label = make_label(self, "timerState", wrap=True)
        self.state_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.time_label = FitLabel("+88:88", self)
        self.time_label.setObjectName("timerTime")
        self.progress = QProgressBar(self, textVisible=False)
        self.progress.setFixedHeight(10)
        layout = QVBoxLayout(self)
        layout.addWidget(self.phase_label)
        layout.addWidget(self.time_label, 1)
        layout.addWidget(self.state_label)
        layout.addWidget(self.progress)
        self._look: tuple[str, str, str] | None = None

    def show_progress(self, elapsed: float, duration: int) -> None:
        """Whole seconds: one repaint a second, no more."""
        if self.progress.maximum() != duration:
            self.progress.setMaximum(duration)
        progress = int(min(elapsed, duration))
        if self.progress.value() != progress:
            self.progress.setValue(progress)

    def paint(self, style: str, flash: bool) -> tuple[str, str, str]:
        """The colours of ``style`` (inverted while ``flash``), set only when they change; returns them."""
        background, text, border = STYLES[style]
        if flash:
            background, text = border, "#ffffff"
        if self._look != (background, text, border):
            self._look = (background, text, border)
            self.setStyleSheet(_sheet(background, text, border, 4 if style in ALARMING else 2))
        return self._look


ALARMING = ("first", "second", "overtime", "paused")


def _sheet(background: str, text: str, border: str, width: int) -> str:
    return (
        f"QFrame#timerPanel {{ background: {background}; border: {width}px solid {border}; border-radius: 8px; }}"
        f"QLabel {{ color: {text}; background: transparent; border: none; }}"
        f"QLabel#timerPhase {{ font-size: 17px; font-weight: 600; }}"
        f"QLabel#timerState {{ font-size: 17px; font-weight: 600; }}"
        f"QProgressBar {{ background: #ffffff; border: 1px solid {border}; border-radius: 4px; }}"
        f"QProgressBar::chunk {{ background: {border}; border-radius: 3px; }}"
    )


def make_label(parent: QWidget, name: str, *, wrap: bool = False) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(wrap)
    return label


def set_text(widget: QLabel | QPushButton, text: str) -> None:
    """Only a changed text: five refreshes a second stay cheap."""
    if widget.text() != text:
        widget.setText(text)
