"""Where each page of a dossier sits in the viewer's scrolled content, in pixels: pure geometry, no widget.

Pages are stacked top to bottom, centred, :data:`~c2i2e_jury.ui.viewer.page_zoom.GAP` pixels apart, in
whole pixels so that an image rendered at the page's size is copied to the screen, not resampled. In
single-page mode only the current page is placed.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from PySide6.QtCore import QRectF

from c2i2e_jury.ui.viewer.page_zoom import GAP


class PageLayout:
    """The pages' rectangles in content coordinates for one zoom, and the questions the view asks of them."""

    def __init__(self) -> None:
        self.sizes: list[tuple[float, float]] = []  # points, as displayed
        self.rects: list[QRectF] = []  # one per page; empty for a page not placed (single mode)
        self.content = (0.0, 0.0)  # width, height
        self._tops: list[float] = []
        self._placed: list[int] = []

    def place(self, zoom: float, pages: Sequence[int]) -> None:
        """Lay ``pages`` (1-based, in order) out one under the other at ``zoom``."""
        widths = [round(self.sizes[p - 1][0] * zoom) for p in pages]
        content_w = (max(widths) if widths else 0) + 2 * GAP
        self.rects = [QRectF() for _ in self.sizes]
        y = GAP
        for page in pages:
            w, h = round(self.sizes[page - 1][0] * zoom), round(self.sizes[page - 1][1] * zoom)
            self.rects[page - 1] = QRectF((content_w - w) // 2, y, w, h)
            y += h + GAP
        self._placed = list(pages)
        self._tops = [self.rects[p - 1].top() for p in pages]
        self.content = (float(content_w), float(y))

    def clear(self) -> None:
        self.sizes, self.rects, self._tops, self._placed = [], [], [], []
        self.content = (0.0, 0.0)

    def rect(self, page: int) -> QRectF:
        """The page's rectangle in content coordinates (empty if not placed)."""
        return self.rects[page - 1] if 1 <= page <= len(self.rects) else QRectF()

    def visible(self, top: float, bottom: float) -> list[int]:
        """The placed pages that show between content heights ``top`` and ``bottom``."""
        if not self._placed:
            return []
        first = max(0, bisect.bisect_right(self._tops, top) - 1)
        last = bisect.bisect_right(self._tops, bottom)
        return [
            p
            for p in self._placed[first:last]
            if self.rects[p - 1].bottom() > top and self.rects[p - 1].top() < bottom
        ]

    def most_visible(self, top: float, bottom: float) -> int:
        """The page that takes most of the height between ``top`` and ``bottom`` (the first of equals); 0: none."""
        best, best_height = 0, -1.0
        for page in self.visible(top, bottom):
            rect = self.rects[page - 1]
            height = min(rect.bottom(), bottom) - max(rect.top(), top)
            if height > best_height + 0.5:
                best, best_height = page, height
        return best

    def anchor(self, top: float, bottom: float) -> tuple[int, float] | None:
        """The first page showing at ``top`` and how far down it ``top`` is (0..1), to keep it there."""
        for page in self.visible(top, bottom):
            rect = self.rects[page - 1]
            if rect.bottom() + GAP > top:
                return page, max(0.0, (top - rect.top()) / max(rect.height(), 1.0))
        return None

    def scroll_for(
        self, page: int, height: float, fraction: float = 0.0, at_bottom: bool = False
    ) -> int | None:
        """The vertical scroll that shows ``page`` at the top (``fraction`` of it down), or its bottom at the
        bottom of a viewport ``height`` tall; None if the page is not placed."""
        rect = self.rect(page)
        if rect.isEmpty():
            return None
        if at_bottom:
            return round(rect.bottom() + GAP - height)
        return round(rect.top() - GAP + fraction * rect.height()) if fraction else round(rect.top() - GAP)
