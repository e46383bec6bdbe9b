"""A dossier as the viewer reads it: opened for view (or refused in one French sentence), its pages drawn as QImages.

Plain functions, no thread and no Qt object of their own: the viewer's worker calls them
(:mod:`c2i2e_jury.ui.viewer.render.worker`), and so does the GUI thread while that worker is idle
(:meth:`~c2i2e_jury.ui.viewer.render.page_renderer.PageRenderer.open`), always as the dossier's one owner of
the moment. What they hand back is plain data and QImages whose pixels MuPDF drew into directly: no copy,
nothing of MuPDF attached, fit to cross threads. :func:`screen_image` serves the projector too.
"""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtGui import QImage

from c2i2e_jury.dossier.damage import Damage, DossierError, PageError
from c2i2e_jury.dossier.document import Dossier, open_dossier
from c2i2e_jury.dossier.drawing import RenderedPage
from c2i2e_jury.ui.viewer.page_zoom import FirstView, RenderKey

MAX_PIXELS = 12_000_000  # about 3500 x 3500 (46 MB as RGB32): a render stays under ~0.1 s
MAX_SIDE = 8192
MAX_FILE_BYTES = 200 * 1024 * 1024  # a dossier is 10-20 pages: a file this big is not one
# MuPDF draws B, G, R, A bytes, which a QImage of Format_RGB32 reads as they are on a little-endian machine.
SCREEN_ORDER = sys.byteorder == "little"
MAX_ANALYSED_PAGES = 500  # text extraction costs ~3 ms a page: no report, evidence or search beyond
A4 = (595.0, 842.0)


def capped_scale(size: tuple[float, float], scale: float) -> float:
    """``scale`` lowered so that a page of ``size`` points renders within MAX_PIXELS and MAX_SIDE."""
    width, height = max(size[0], 1.0), max(size[1], 1.0)
    return min(scale, MAX_SIDE / max(width, height), math.sqrt(MAX_PIXELS / (width * height)))


@dataclass(frozen=True)
class DocumentInfo:
    """What the view needs to lay out a freshly opened dossier before all its page sizes are known."""

    name: str
    page_count: int
    first_size: tuple[float, float]  # page 1, or the page the view opens on; the others are assumed alike
    damage: tuple[Damage, ...]
    analysed: bool  # False when too many pages for the report, the evidence map and search


@dataclass
class Opening:
    """A dossier opened and its first page drawn, or why it cannot be shown (``refusal``: a French sentence, ""
    for an internal error). Made by the worker, or by the GUI thread while the worker was idle: the GUI thread then
    hands ``dossier`` to the worker through the mailbox and keeps only the plain data."""

    refusal: str | None = None
    dossier: Dossier | None = None
    info: DocumentInfo | None = None
    sizes: list[tuple[float, float]] = field(default_factory=list)
    key: RenderKey | None = None  # the first page asked for
    image: QImage | None = None  # None if it could not be rendered...
    page_error: str = ""  # ...for this reason


def open_for_view(path: Path, first: FirstView | None) -> Opening:
    """Open ``path`` and, if ``first`` says how the view will show it, render that page at once."""
    refusal = _too_big(path)
    if refusal:
        return Opening(refusal)
    try:
        dossier = open_dossier(path)
    except DossierError as error:
        return Opening(error.message)
    start = min(max(first.page, 1), dossier.page_count) if first else 1
    size = page_size(dossier, start) or A4
    opening = Opening(dossier=dossier, sizes=[size] * dossier.page_count)
    if first is not None:
        opening.key = first._replace(page=start).key(size)
        try:
            opening.image = page_image(dossier, opening.sizes, opening.key)
        except PageError as error:
            opening.page_error = error.message
    opening.info = DocumentInfo(
        dossier.name, dossier.page_count, size, dossier.damage, dossier.page_count <= MAX_ANALYSED_PAGES
    )
    return opening


def page_image(dossier: Dossier, sizes: list[tuple[float, float]], key: RenderKey) -> QImage:
    """The page as a QImage in the screen's format (painted without conversion); :class:`PageError` if it fails.

    MuPDF draws into the bytearray the QImage wraps, which the QImage keeps alive: no copy of the pixels (a page
    at screen size is 3-4 MB), nothing of MuPDF to drop later in the GUI thread."""
    scale = capped_scale(sizes[key.page - 1], key.zoom * key.dpr)
    return screen_image(dossier.render(key.page, scale, bgr=SCREEN_ORDER), key.dpr)


def screen_image(page: RenderedPage, dpr: float) -> QImage:
    """A QImage over ``page``'s pixels in a format the screen is painted from without conversion: it keeps the
    bytearray alive and copies nothing. B, G, R, A pixels (asked for with ``bgr=SCREEN_ORDER``) are what Qt's
    Format_RGB32 (opaque) and Format_ARGB32_Premultiplied read on a little-endian machine; RGB pixels (a big-endian
    machine) are converted once, here, rather than at every paint."""
    if page.bgr:
        fmt = QImage.Format.Format_ARGB32_Premultiplied if page.alpha else QImage.Format.Format_RGB32
        image = QImage(page.samples, page.width, page.height, page.stride, fmt)
    else:
        fmt = QImage.Format.Format_RGBA8888_Premultiplied if page.alpha else QImage.Format.Format_RGB888
        image = QImage(page.samples, page.width, page.height, page.stride, fmt)
        image = image.convertToFormat(
            QImage.Format.Format_ARGB32_Premultiplied if page.alpha else QImage.Format.Format_RGB32
        )
    image.setDevicePixelRatio(dpr)
    return image


def page_size(dossier: Dossier, number: int) -> tuple[float, float] | None:
    """Page ``number``'s size in points; None if it cannot be read or is empty (the caller assumes another)."""
    try:
        width, height = dossier.page_size(number)
    except PageError:
        return None
    return (width, height) if width > 0 and height > 0 else None


def _too_big(path: Path) -> str | None:
    try:
        size = path.stat().st_size
    except OSError:
        return None  # open_dossier says why it cannot be read
    if size <= MAX_FILE_BYTES:
        return None
    return (
        f"Le fichier « {path.name} » est trop volumineux pour être un dossier ({size / 1024**2:.0f} Mo ; "
        f"au plus {MAX_FILE_BYTES // 1024**2} Mo) : il n'est pas affiché."
    )
