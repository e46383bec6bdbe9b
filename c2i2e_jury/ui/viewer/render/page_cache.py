"""The viewer's rendered pages, kept in memory up to a budget in bytes: an LRU keyed by page, zoom and pixel ratio.

As qpageview's ``render.py`` does, images are keyed by :class:`~c2i2e_jury.ui.viewer.page_zoom.RenderKey`, so
that a page shown again at the same zoom is painted from memory, and a page rendering at a new zoom can be
drawn meanwhile from the image of its nearest zoom. Lives in the GUI thread, filled by
:class:`~c2i2e_jury.ui.viewer.render.page_renderer.PageRenderer` and read by the view when it paints.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Sequence

from PySide6.QtGui import QImage

from c2i2e_jury.ui.viewer.page_zoom import RenderKey

CACHE_BYTES = 150 * 1024 * 1024


class PageCache:
    """Rendered pages, least recently used dropped first once ``max_bytes`` is exceeded. GUI thread only."""

    def __init__(self, max_bytes: int = CACHE_BYTES) -> None:
        self.max_bytes = max_bytes
        self._images: OrderedDict[RenderKey, QImage] = OrderedDict()
        self.nbytes = 0

    def __len__(self) -> int:
        return len(self._images)

    def __contains__(self, key: object) -> bool:
        return key in self._images

    def get(self, key: RenderKey) -> QImage | None:
        image = self._images.get(key)
        if image is not None:
            self._images.move_to_end(key)
        return image

    def put(self, key: RenderKey, image: QImage, keep: Sequence[RenderKey] = ()) -> list[RenderKey]:
        """Store ``image``; return the keys dropped to stay in budget (never ``key`` nor those in ``keep``)."""
        old = self._images.pop(key, None)
        if old is not None:
            self.nbytes -= old.sizeInBytes()
        self._images[key] = image
        self.nbytes += image.sizeInBytes()
        dropped: list[RenderKey] = []
        protected = {key, *keep}
        for candidate in list(self._images):
            if self.nbytes <= self.max_bytes:
                break
            if candidate not in protected:
                self.nbytes -= self._images.pop(candidate).sizeInBytes()
                dropped.append(candidate)
        return dropped

    def nearest(self, page: int, zoom: float) -> QImage | None:
        """The cached image of ``page`` whose zoom is closest to ``zoom`` (drawn scaled while rendering)."""
        best: tuple[float, QImage] | None = None
        for key, image in self._images.items():
            if key.page == page:
                distance = abs(math.log(max(key.zoom, 1e-3) / max(zoom, 1e-3)))
                if best is None or distance < best[0]:
                    best = (distance, image)
        return best[1] if best else None

    def clear(self) -> None:
        self._images.clear()
        self.nbytes = 0
