"""The pages of a dossier on screen: one page at a time, or all of them in a column (continuous).

The view lays pages out from their sizes in points (known before any pixel exists: placeholders first), scrolls
and turns them, asks the renderer for the pages on screen and their neighbours, and has each page on screen painted
from what the renderer's cache holds (:mod:`c2i2e_jury.ui.viewer.page_painting`: images, placeholders, search
hits, marks).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent, QPalette, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from c2i2e_jury.dossier.search import SearchHit
from c2i2e_jury.ui.viewer.page_layout import PageLayout
from c2i2e_jury.ui.viewer.page_painting import BACKGROUND, SCROLL_BARS, PagePainter
from c2i2e_jury.ui.viewer.page_zoom import (
    FIT_PAGE,
    FIT_WIDTH,
    GAP,
    MAX_ZOOM,
    MIN_ZOOM,
    FirstView,
    RenderKey,
    ZoomMode,
    fit_zoom,
    next_zoom,
    render_key,
)
from c2i2e_jury.ui.viewer.render.page_renderer import PageRenderer

NEIGHBOURS = (1, -1, 2, -2)  # prefetched around the current page


class PageView(QAbstractScrollArea):
    """Keys (when the pages have the focus): Page Down / Space and Page Up / Shift+Space move by a screen, then
    to the next or previous page; Right / Left turn the page (or scroll sideways when zoomed in); Up / Down
    scroll; Home / End go to the first / last page; Ctrl + wheel zooms."""

    currentPageChanged = Signal(int)
    pageShown = Signal(int)  # the current page was painted from an image at the current zoom
    zoomChanged = Signal()

    def __init__(self, renderer: PageRenderer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._renderer = renderer
        self._layout = PageLayout()
        self._current = 0
        self._mode: ZoomMode = FIT_WIDTH
        self._zoom = 1.0
        self._continuous = True
        self._pages = PagePainter(renderer, self._layout)
        self._shown: RenderKey | None = None
        self._programmatic = False
        self._wheel = 0
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)  # fit width never oscillates
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QAbstractScrollArea.Shape.NoFrame)
        palette = self.viewport().palette()
        palette.setColor(QPalette.ColorRole.Window, BACKGROUND)
        palette.setColor(QPalette.ColorRole.Base, BACKGROUND)  # a scroll area's viewport is filled with Base
        self.viewport().setPalette(palette)
        self.viewport().setAutoFillBackground(True)
        for bar in (self.verticalScrollBar(), self.horizontalScrollBar()):
            bar.setStyleSheet(SCROLL_BARS)
        self.verticalScrollBar().setSingleStep(24)
        self.horizontalScrollBar().setSingleStep(24)
        renderer.imageReady.connect(self._image_ready)

    @property
    def _sizes(self) -> list[tuple[float, float]]:
        return self._layout.sizes

    # -- document --------------------------------------------------------------------------------------------
    def set_document(self, page_count: int, estimate: tuple[float, float], page: int = 1) -> None:
        """A new dossier: every page the size of the first until :meth:`set_sizes` says better."""
        self._layout.sizes = [estimate] * page_count
        self._current = min(max(page, 1), page_count) if page_count else 0
        self._pages.clear()
        self._shown = None
        self._relayout(anchor=(self._current, 0.0))
        self.currentPageChanged.emit(self._current)

    def set_sizes(self, sizes: Sequence[tuple[float, float]]) -> None:
        if len(sizes) == len(self._sizes) and list(sizes) != self._sizes:
            anchor = self._anchor()
            self._layout.sizes = list(sizes)
            self._relayout(anchor)

    def clear(self) -> None:
        self._layout.clear()
        self._current = 0
        self._pages.clear()
        self._shown = None
        self._update_scrollbars()
        self.viewport().update()

    def page_count(self) -> int:
        return len(self._sizes)

    def current_page(self) -> int:
        return self._current

    # -- zoom and mode ---------------------------------------------------------------------------------------
    @property
    def zoom_mode(self) -> ZoomMode:
        return self._mode

    @property
    def zoom(self) -> float:
        """The zoom in force (for a fit mode: the one it computes now)."""
        return self._zoom

    @property
    def continuous(self) -> bool:
        return self._continuous

    def set_zoom_mode(self, mode: ZoomMode) -> None:
        if isinstance(mode, float | int) and not isinstance(mode, bool):
            mode = min(max(float(mode), MIN_ZOOM), MAX_ZOOM)
        elif mode not in (FIT_WIDTH, FIT_PAGE):
            return
        anchor = self._anchor()
        self._mode = mode
        self._relayout(anchor)

    def zoom_by(self, direction: int) -> None:
        self.set_zoom_mode(next_zoom(self._zoom, direction))

    def set_continuous(self, continuous: bool) -> None:
        if continuous != self._continuous:
            self._continuous = continuous
            self._relayout(anchor=(self._current, 0.0) if not continuous else self._anchor())

    def _fit_zoom(self, page: int) -> float:
        if not self._sizes:
            return 1.0
        widest = max(w for w, _ in self._sizes) if self._continuous else None
        size = self._sizes[page - 1] if page else self._sizes[0]
        return fit_zoom(self._mode, size, (self.viewport().width(), self.viewport().height()), widest)

    def first_view(self, page: int) -> FirstView:
        """How a dossier opened now will show ``page`` (all its pages assumed the size of that one)."""
        return FirstView(
            max(page, 1),
            self._mode,
            (self.viewport().width(), self.viewport().height()),
            round(self._dpr(), 2),
        )

    def page_zoom(self, page: int) -> float:
        """The zoom at which ``page`` is (or would be) shown: a page of another size differs in single mode."""
        return self._zoom if self._continuous or page == self._current else self._fit_zoom(page)

    # -- layout ----------------------------------------------------------------------------------------------
    def _relayout(self, anchor: tuple[int, float] | None = None) -> None:
        """Place the pages for the current zoom and mode; keep ``anchor`` (page, fraction) at the top."""
        old_zoom = self._zoom
        self._zoom = self._fit_zoom(self._current)
        pages = (
            range(1, len(self._sizes) + 1) if self._continuous else [self._current] if self._current else []
        )
        self._layout.place(self._zoom, pages)
        self._update_scrollbars()
        if anchor is not None and anchor[0]:
            self._scroll_to(anchor[0], anchor[1])
        if old_zoom != self._zoom:
            self.zoomChanged.emit()
        self.viewport().update()
        self._request()

    def _update_scrollbars(self) -> None:
        view = self.viewport().size()
        self._programmatic = True
        try:
            for bar, content, length in (
                (self.horizontalScrollBar(), self._layout.content[0], view.width()),
                (self.verticalScrollBar(), self._layout.content[1], view.height()),
            ):
                bar.setRange(0, max(0, int(content - length)))
                bar.setEnabled(bar.maximum() > 0)  # no handle filling the bar when there is nothing to scroll
                bar.setPageStep(max(1, length))
        finally:
            self._programmatic = False

    def _offset(self) -> QPointF:
        """Content to viewport: scrolled, and centred when smaller than the viewport."""
        view = self.viewport().size()
        width, height = self._layout.content
        x = max(0.0, (view.width() - width) // 2) - self.horizontalScrollBar().value()
        y = max(0.0, (view.height() - height) // 2) - self.verticalScrollBar().value()
        return QPointF(x, y)

    def page_rect(self, page: int) -> QRectF:
        """Where ``page`` is in the viewport now (empty if not laid out)."""
        rect = self._layout.rect(page)
        return QRectF() if rect.isEmpty() else rect.translated(self._offset())

    def _span(self) -> tuple[float, float]:
        """The content heights shown now."""
        top = float(self.verticalScrollBar().value())
        return top, top + self.viewport().height()

    def visible_pages(self) -> list[int]:
        return self._layout.visible(*self._span())

    def _anchor(self) -> tuple[int, float]:
        """The page at the top of the viewport and how far down it the top is (0..1)."""
        anchor = self._layout.anchor(*self._span()) if self._continuous and self._current else None
        return anchor or (self._current, 0.0)

    def _scroll_to(self, page: int, fraction: float = 0.0, at_bottom: bool = False) -> None:
        y = self._layout.scroll_for(page, self.viewport().height(), fraction, at_bottom)
        if y is None:
            return
        self._programmatic = True
        try:
            self.verticalScrollBar().setValue(y)
        finally:
            self._programmatic = False

    # -- navigation ------------------------------------------------------------------------------------------
    def go_to_page(self, page: int, at_bottom: bool = False) -> None:
        if not self._sizes:
            return
        page = min(max(page, 1), len(self._sizes))
        changed = page != self._current
        self._current = page
        if self._continuous:
            self._scroll_to(page, at_bottom=at_bottom)
            self.viewport().update()
            self._request()
        else:
            self._relayout()
            self._scroll_to(page, at_bottom=at_bottom)
        if changed:
            self.currentPageChanged.emit(page)

    def next_page(self) -> None:
        self.go_to_page(self._current + 1)

    def previous_page(self) -> None:
        self.go_to_page(self._current - 1)

    def page_down(self) -> None:
        """A screen further down; in single mode, the next page once this one's bottom is shown."""
        bar = self.verticalScrollBar()
        if bar.value() < bar.maximum():
            bar.setValue(bar.value() + bar.pageStep() - 2 * GAP)
        elif not self._continuous:
            self.go_to_page(self._current + 1)

    def page_up(self) -> None:
        bar = self.verticalScrollBar()
        if bar.value() > bar.minimum():
            bar.setValue(bar.value() - bar.pageStep() + 2 * GAP)
        elif not self._continuous and self._current > 1:
            self.go_to_page(self._current - 1, at_bottom=True)

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802 (Qt)
        self.viewport().update()
        if self._programmatic or not self._continuous:
            return
        page = self._layout.most_visible(*self._span())
        if page and page != self._current:
            self._current = page
            self.currentPageChanged.emit(page)
        self._request()

    # -- search hits and marks -------------------------------------------------------------------------------
    def set_hits(self, hits: Sequence[SearchHit], current: SearchHit | None) -> None:
        self._pages.set_hits(hits, current)
        if current is not None:
            self._reveal(current)
        self.viewport().update()

    def _reveal(self, hit: SearchHit) -> None:
        """Show the page of ``hit`` with the hit on screen (a third down the viewport if it must scroll)."""
        if hit.page != self._current or not self._continuous:
            self.go_to_page(hit.page)
        if not hit.rects:
            return
        zoom = self.page_zoom(hit.page)
        page = self._layout.rect(hit.page)
        top = page.top() + min(r.y0 for r in hit.rects) * zoom
        bottom = page.top() + max(r.y1 for r in hit.rects) * zoom
        left = page.left() + min(r.x0 for r in hit.rects) * zoom
        vbar, hbar = self.verticalScrollBar(), self.horizontalScrollBar()
        self._programmatic = True
        try:
            if top < vbar.value() or bottom > vbar.value() + self.viewport().height():
                vbar.setValue(int(top - self.viewport().height() / 3))
            if left < hbar.value() or left > hbar.value() + self.viewport().width() - 40:
                hbar.setValue(int(left - 40))
        finally:
            self._programmatic = False

    def set_marked(self, pages: Iterable[int]) -> None:
        self._pages.set_marked(pages)
        self.viewport().update()

    # -- rendering -------------------------------------------------------------------------------------------
    def _dpr(self) -> float:
        return self.devicePixelRatioF()

    def _request(self) -> None:
        """Ask for the pages on screen (current first) and the neighbours of the current page."""
        if not self._sizes:
            return
        visible = sorted(self.visible_pages(), key=lambda p: (p != self._current, abs(p - self._current)))
        dpr = self._dpr()
        around = [self._current + d for d in NEIGHBOURS]
        if visible:
            around += [visible[-1] + 1, min(visible) - 1]
        prefetch = [p for p in dict.fromkeys(around) if 1 <= p <= len(self._sizes) and p not in visible]
        self._renderer.request(
            [render_key(p, self.page_zoom(p), dpr) for p in visible],
            [render_key(p, self.page_zoom(p), dpr) for p in prefetch],
        )

    def _image_ready(self, key: RenderKey) -> None:
        if key.page in self.visible_pages():
            self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt)
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        dpr = self._dpr()
        shown: RenderKey | None = None
        for page in self.visible_pages():
            target = self.page_rect(page)
            if not target.intersects(QRectF(event.rect())):
                continue
            zoom = self.page_zoom(page)
            key = render_key(page, zoom, dpr)
            drawn = self._pages.paint(painter, page, target, key, zoom)
            if drawn and page == self._current and key != self._shown:
                self._shown = shown = key
        painter.end()
        if shown is not None:
            self.pageShown.emit(shown.page)

    # -- events ----------------------------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt)
        super().resizeEvent(event)
        if self._sizes:
            self._relayout(self._anchor())

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.DevicePixelRatioChange:  # moved to a screen of another density
            self.viewport().update()
            self._request()
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt)
        key, mods = event.key(), event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods & Qt.KeyboardModifier.AltModifier:  # Alt+← / Alt+→: the history's, never a page turned
            return super().keyPressEvent(event)
        shift = mods == Qt.KeyboardModifier.ShiftModifier
        hbar = self.horizontalScrollBar()
        if key == Qt.Key.Key_PageDown or (key == Qt.Key.Key_Space and not shift):
            self.page_down()
        elif key == Qt.Key.Key_PageUp or (key == Qt.Key.Key_Space and shift):
            self.page_up()
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Left) and hbar.maximum() > 0:
            hbar.setValue(hbar.value() + (1 if key == Qt.Key.Key_Right else -1) * hbar.singleStep() * 3)
        elif key == Qt.Key.Key_Right:
            self.next_page()
        elif key == Qt.Key.Key_Left:
            self.previous_page()
        elif key == Qt.Key.Key_Home:
            self.go_to_page(1)
        elif key == Qt.Key.Key_End:
            self.go_to_page(len(self._sizes))
        else:
            super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (Qt)
        delta = event.angleDelta().y()
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            if delta:
                self.zoom_by(1 if delta > 0 else -1)
            return
        bar = self.verticalScrollBar()
        if not self._continuous and (
            (delta < 0 and bar.value() >= bar.maximum()) or (delta > 0 and bar.value() <= bar.minimum())
        ):
            self._wheel += delta  # a full notch past the edge turns the page, as in Evince
            if abs(self._wheel) >= 120:
                self._wheel = 0
                if delta < 0:
                    self.go_to_page(self._current + 1)
                else:
                    self.go_to_page(self._current - 1, at_bottom=True)
            return
        self._wheel = 0
        super().wheelEvent(event)
