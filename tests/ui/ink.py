"""The rows of a rendering that carry ink (text), to tell a label drawn whole from one the style clipped: the
accent of « É » is the topmost ink of « Évaluation »."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter

INK = 128  # lighter than text's black, darker than the frames' greys of Fusion


def ink_rows(image: QImage, rect: QRect) -> list[int]:
    """The rows of ``rect`` in ``image`` where a pixel is dark enough to be text."""
    rect = rect.intersected(image.rect())
    return [
        y
        for y in range(rect.top(), rect.bottom() + 1)
        if any(image.pixelColor(x, y).lightness() < INK for x in range(rect.left(), rect.right() + 1))
    ]


def ink_height(image: QImage, rect: QRect) -> int:
    rows = ink_rows(image, rect)
    return rows[-1] - rows[0] + 1 if rows else 0


def free_ink_height(font: QFont, text: str, flags: Qt.TextFlag | int) -> int:
    """The height of ``text``'s ink drawn in ``font`` with nothing to clip it: what a label should show."""
    metrics = QFontMetrics(font)
    width, height = metrics.horizontalAdvance(text) + 20, metrics.height()
    image = QImage(width, height * 3, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(QColor("black"))
    painter.drawText(QRect(10, height, width - 20, height), int(flags) | Qt.TextFlag.TextDontClip, text)
    painter.end()
    return ink_height(image, image.rect())
