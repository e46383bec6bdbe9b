"""Wrapped texts that are never cut: a widget asks for the height its wrapped labels need at its width.

Qt's splitters and box layouts give a widget its minimum height, which ignores height-for-width: a label that
wraps to three lines in a narrow column gets the height of one and is drawn over its neighbour. Calling
:func:`fit_height` after the texts or the width change turns the lines needed into the minimum.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def fit_height(widget: QWidget, *, shrink: bool = True) -> None:
    """Set ``widget``'s minimum height to what its layout needs at its current width (``shrink=False``: only ever
    raised, so that a pane whose texts change at each key keeps its height rather than relay out its neighbours)."""
    layout = widget.layout()
    if layout is None:
        return
    needed = layout.totalMinimumSize().height()
    if layout.hasHeightForWidth():
        needed = max(needed, layout.totalHeightForWidth(widget.width()))
    if needed > widget.minimumHeight() or (shrink and needed < widget.minimumHeight()):
        widget.setMinimumHeight(needed)
