"""A real slides PDF for the projector's tests: five 16:9 slides, each filled with its own colour and numbered, and
how a test reads which slide a widget shows (the colour of its pixels)."""

from __future__ import annotations

from pathlib import Path

import pymupdf
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

COLOURS = [(0.85, 0.1, 0.1), (0.1, 0.6, 0.2), (0.1, 0.2, 0.8), (0.9, 0.7, 0.1), (0.5, 0.1, 0.6)]


def make_slides(path: Path) -> Path:
    doc = pymupdf.open()
    for number, colour in enumerate(COLOURS, start=1):
        page = doc.new_page(width=960, height=540)
        page.draw_rect(page.rect, color=colour, fill=colour)
        page.insert_text((60, 120), f"Diapositive {number}", fontsize=48, color=(1, 1, 1))
    doc.save(path)
    doc.close()
    return path


def centre_colour(widget: QWidget) -> QColor:
    """The colour at the centre of ``widget`` (of the slide there, clear of its title)."""
    image = widget.grab().toImage()
    return image.pixelColor(QPoint(image.width() // 2, image.height() // 2))


def shows_slide(widget: QWidget, index: int) -> bool:
    expected, got = QColor.fromRgbF(*COLOURS[index]), centre_colour(widget)
    return all(abs(a - b) < 8 for a, b in zip(got.getRgb()[:3], expected.getRgb()[:3], strict=True))
