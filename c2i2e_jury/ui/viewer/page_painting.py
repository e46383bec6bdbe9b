"""How the dossier's pages look on screen: what is painted of each page, on the grey of the pages area.

The view (:class:`~c2i2e_jury.ui.viewer.page_view.PageView`) says where a page is and at which zoom;
:class:`PagePainter` paints it there: its shadow, its image from the renderer's cache (or, while it renders at
a new zoom, the nearest cached image scaled, so zooming never flashes white; or a placeholder: the page
number, or why the page cannot be shown), the search hits over it (every hit in translucent yellow, the
current one in orange) and, for the pages of the item the jury selected, an orange mark in the margin. Every
fill is opaque or small: a paint of the pages is what the jury waits for when turning a page.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from c2i2e_jury.dossier.search import SearchHit
from c2i2e_jury.dossier.text import Rect
from c2i2e_jury.ui.viewer.page_layout import PageLayout
from c2i2e_jury.ui.viewer.page_zoom import RenderKey
from c2i2e_jury.ui.viewer.render.page_renderer import PageRenderer

HIT = QColor(255, 221, 0, 105)
CURRENT_HIT = QColor(255, 120, 0, 150)
MARK = QColor(230, 120, 0)
BACKGROUND = QColor(96, 98, 102)
SHADOW = QColor(70, 71, 74)  # black at 70/255 over BACKGROUND, pre-blended: an opaque fill costs nothing
# Flat scroll bars in the pages' greys, without arrows (as Evince's and Acrobat's): Fusion's gradients cost 0.9 ms
# to paint each time a dossier opens (the slider changes size), these 0.1 ms.
SCROLL_BARS = """
QScrollBar { background: #55575b; border: none; }
QScrollBar:vertical { width: 14px; }
QScrollBar:horizontal { height: 14px; }
QScrollBar::handle { background: #b4b6ba; border-radius: 4px; margin: 3px; }
QScrollBar::handle:hover { background: #d2d4d8; }
QScrollBar::handle:pressed { background: #e6e7e9; }
QScrollBar::handle:disabled { background: none; }
QScrollBar::handle:vertical { min-height: 32px; }
QScrollBar::handle:horizontal { min-width: 32px; }
QScrollBar::add-line, QScrollBar::sub-line { width: 0; height: 0; border: none; background: none; }
QScrollBar::add-page, QScrollBar::sub-page { background: none; }
"""


class PagePainter:
    """Paints one page at a time where the view placed it; keeps what is drawn over the pages (hits, marks)."""

    def __init__(self, renderer: PageRenderer, layout: PageLayout) -> None:
        self._renderer = renderer
        self._layout = layout
        self._hits: dict[int, list[Rect]] = {}
        self._current_hit: SearchHit | None = None
        self._marked: set[int] = set()

    def clear(self) -> None:
        """No hits, no marks (another dossier, or none)."""
        self._hits, self._current_hit, self._marked = {}, None, set()

    def set_hits(self, hits: Sequence[SearchHit], current: SearchHit | None) -> None:
        self._hits = {}
        for hit in hits:
            self._hits.setdefault(hit.page, []).extend(hit.rects)
        self._current_hit = current

    def set_marked(self, pages: Iterable[int]) -> None:
        self._marked = set(pages)

    def paint(self, painter: QPainter, page: int, target: QRectF, key: RenderKey, zoom: float) -> bool:
        """Paint ``page`` into ``target`` (viewport pixels), from the image of ``key`` if it is cached; ``zoom``: the
        page's zoom, unrounded. True if that image was drawn (False: something in its place)."""
        self._paint_shadow(painter, target)
        image = self._renderer.image(key)
        if image is not None:
            exact = abs(image.width() / image.devicePixelRatio() - target.width()) <= 1
            if exact:
                painter.drawImage(target.topLeft(), image)
            else:  # a capped render of an enormous page, scaled up
                painter.drawImage(target, image)
        else:
            self._paint_placeholder(painter, page, target, zoom)
        self._paint_hits(painter, page, target)
        if page in self._marked:
            painter.fillRect(QRectF(target.left() - 7, target.top(), 4, target.height()), MARK)
        return image is not None

    @staticmethod
    def _paint_shadow(painter: QPainter, target: QRectF) -> None:
        """The page's shadow, 2 px right and 3 px down, over the background: only the strips the opaque page leaves
        uncovered, in an opaque colour (a translucent fill of the page's area under it cost 0.3 ms a paint)."""
        right, bottom = target.right(), target.bottom()
        painter.fillRect(QRectF(right, target.top() + 3, 2, target.height() - 3), SHADOW)
        painter.fillRect(QRectF(target.left() + 2, bottom, target.width(), 3), SHADOW)

    def _paint_placeholder(self, painter: QPainter, page: int, target: QRectF, zoom: float) -> None:
        painter.fillRect(target, Qt.GlobalColor.white)
        failure = self._renderer.failed_pages.get(page)
        nearest = None if failure is not None else self._renderer.cache.nearest(page, zoom)
        if nearest is not None:
            painter.drawImage(target, nearest)
            return
        painter.setPen(QPen(QColor(150, 30, 30) if failure is not None else QColor(160, 160, 160)))
        # Translated in the view's context, where the jury sees it.
        text = (
            (failure or QCoreApplication.translate("PageView", "This page cannot be displayed."))
            if failure is not None
            else str(page)
        )
        painter.drawText(
            target.adjusted(12, 12, -12, -12), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, text
        )

    def _paint_hits(self, painter: QPainter, page: int, target: QRectF) -> None:
        rects = self._hits.get(page)
        if not rects:
            return
        zoom = target.width() / max(self._layout.sizes[page - 1][0], 1.0)
        current = (
            set(self._current_hit.rects) if self._current_hit and self._current_hit.page == page else set()
        )
        for rect in rects:
            box = QRectF(
                target.left() + rect.x0 * zoom - 1,
                target.top() + rect.y0 * zoom - 1,
                (rect.x1 - rect.x0) * zoom + 2,
                (rect.y1 - rect.y0) * zoom + 2,
            )
            painter.fillRect(box, CURRENT_HIT if rect in current else HIT)
