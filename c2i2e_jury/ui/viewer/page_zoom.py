"""At which zoom the viewer shows a page, and the key naming that image: pure arithmetic, no PDF, no widget.

A zoom of 1 is 72 dpi in logical pixels. The view asks for a page by :class:`RenderKey` (page, zoom, device pixel
ratio, rounded so that the same view asks for the same key twice); the renderer's cache and the worker know pages
by that key only. Fit width and fit page are computed here from the page's size in points and the viewport's in
pixels, so that the worker can render the first page of a dossier at the zoom the view will show it
(:class:`FirstView`) before the view has laid anything out.
"""

from __future__ import annotations

from typing import NamedTuple

ZoomMode = str | float  # "fit_width", "fit_page" or a zoom factor (1.0 = 100 %)
FIT_WIDTH, FIT_PAGE = "fit_width", "fit_page"
MIN_ZOOM, MAX_ZOOM = 0.1, 4.0
ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0)
GAP = 10  # pixels around and between pages on screen


class RenderKey(NamedTuple):
    """One image of a page: 1-based page, zoom (1 = 72 dpi in logical pixels) and device pixel ratio."""

    page: int
    zoom: float
    dpr: float


def render_key(page: int, zoom: float, dpr: float) -> RenderKey:
    """A key with zoom and ratio rounded, so that the same view asks for the same key twice."""
    return RenderKey(page, round(zoom, 4), round(dpr, 2))


def fit_zoom(
    mode: str | float, page: tuple[float, float], viewport: tuple[int, int], widest: float | None = None
) -> float:
    """The zoom for ``mode`` of a ``page`` (points) in a ``viewport`` (pixels); ``widest``: the widest page's
    width, which fit width uses in continuous mode."""
    if not isinstance(mode, str):
        return min(max(float(mode), MIN_ZOOM), MAX_ZOOM)
    width = max(viewport[0] - 2 * GAP, 1)
    height = max(viewport[1] - 2 * GAP, 1)
    page_w, page_h = max(widest or page[0], 1.0), max(page[1], 1.0)
    zoom = width / page_w if mode == FIT_WIDTH else min(width / page_w, height / page_h)
    return min(max(zoom, MIN_ZOOM), MAX_ZOOM)


def next_zoom(zoom: float, direction: int) -> float:
    """The next step of ZOOM_STEPS above (direction 1) or below (-1) ``zoom``."""
    if direction > 0:
        return next((z for z in ZOOM_STEPS if z > zoom * 1.01), ZOOM_STEPS[-1])
    return next((z for z in reversed(ZOOM_STEPS) if z < zoom / 1.01), ZOOM_STEPS[0])


class FirstView(NamedTuple):
    """How the view will show the first page: lets the worker render it while opening, saving a round trip."""

    page: int
    mode: str | float
    viewport: tuple[int, int]
    dpr: float

    def key(self, size: tuple[float, float]) -> RenderKey:
        return render_key(self.page, fit_zoom(self.mode, size, self.viewport), self.dpr)
