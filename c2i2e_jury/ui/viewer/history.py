"""Back and forward in the dossier, as in a PDF reader (Alt+← / Alt+→): the jury selects an item, the dossier jumps
to its evidence page, and Back returns to where the jury was reading, at the same place on the page.

A jump is what takes the pages elsewhere at once: an item's evidence, a search hit, a page typed in the page box,
a thumbnail or an outline entry. Scrolling and turning pages one by one are not jumps (Evince and Acrobat do the
same): Back would otherwise step through every page read. A jump that stays on the same page is not kept either.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from c2i2e_jury.ui.viewer.page_view import PageView

MAX_POSITIONS = 100  # a day's oral never needs more; the oldest go first


@dataclass(frozen=True)
class Position:
    """A page and how far down it the top of the pages area is (a fraction of its height: zoom-independent)."""

    page: int
    offset: float


class PageHistory(QObject):
    """The positions before each jump (back) and those left by going back (forward), for one open dossier."""

    changed = Signal()  # what back and forward can do has changed

    def __init__(self, view: PageView) -> None:
        super().__init__(view)
        self._view = view
        self._back: list[Position] = []
        self._forward: list[Position] = []

    def can_go_back(self) -> bool:
        return bool(self._back)

    def can_go_forward(self) -> bool:
        return bool(self._forward)

    def position(self) -> Position | None:
        """Where the pages are now; None when no dossier is laid out."""
        page = self._view.current_page()
        rect = self._view.page_rect(page) if page else None
        if rect is None or rect.isEmpty():
            return None
        return Position(page, -rect.top() / max(rect.height(), 1.0))

    def jump(self, go: Callable[[], object]) -> None:
        """Run ``go`` (a jump of the pages) and remember where they were if it took them to another page."""
        before = self.position()
        go()
        after = self.position()
        if before is not None and after is not None and after.page != before.page:
            self._back = [*self._back[-(MAX_POSITIONS - 1) :], before]
            self._forward.clear()
            self.changed.emit()

    def back(self) -> None:
        self._step(self._back, self._forward)

    def forward(self) -> None:
        self._step(self._forward, self._back)

    def reset(self) -> None:
        """Another dossier (or none): its positions mean nothing in it."""
        if self._back or self._forward:
            self._back.clear()
            self._forward.clear()
            self.changed.emit()

    def _step(self, source: list[Position], other: list[Position]) -> None:
        here = self.position()
        if not source or here is None:
            return
        target = source.pop()
        other.append(here)
        self.restore(target)
        self.changed.emit()

    def restore(self, position: Position) -> None:
        """The page of ``position`` with the same part of it at the top (through the scroll bar, so that the
        current page, the page box and the thumbnails follow as for the jury's own scrolling)."""
        view = self._view
        view.go_to_page(position.page)
        rect = view.page_rect(position.page)
        if rect.isEmpty():
            return
        bar = view.verticalScrollBar()
        bar.setValue(bar.value() + round(rect.top() + position.offset * rect.height()))
