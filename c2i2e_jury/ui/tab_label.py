"""A tab's label drawn whole: the accent of « Évaluation » on a tab that is not the current one.

Fusion (Qt 6.11) lowers the label of a tab that is not the current one by two pixels and gives it a text rectangle
two pixels shorter than the font's height; Qt clips the text to that rectangle, so the accent of a capital
(« É », which rises above the font's ascent in DejaVu Sans) is cut off and the tab reads « Evaluation ». The
rectangle is grown back to the font's height around the same centre: the label stays where the style put it.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QStyleOption


def whole_label_rect(rect: QRect, option: QStyleOption) -> QRect:
    """``rect`` (the style's text rectangle of a tab) at least as high as the font, centred where it was."""
    missing = option.fontMetrics.height() - rect.height()
    if missing <= 0:
        return rect
    return rect.adjusted(0, -((missing + 1) // 2), 0, missing // 2)
