"""Drawing a page into pixels that a GUI paints as they are: MuPDF draws straight into a bytearray laid out as a
QImage reads it, so there is no copy of the pixels and no MuPDF object left to drop later in another thread.
"""

from __future__ import annotations

from typing import NamedTuple

import pymupdf

from c2i2e_jury.dossier.limits import MAX_RENDER_PIXELS


class RenderedPage(NamedTuple):
    """Pixels of a rendered page, rows of ``stride`` bytes, ready to wrap in a QImage: R, G, B (and A if ``alpha``)
    bytes a pixel, or with ``bgr`` four bytes B, G, R, A (A = 255 unless ``alpha``): Qt's ``Format_RGB32`` on a
    little-endian machine. ``alpha``: the background is transparent (premultiplied), not white."""

    width: int
    height: int
    stride: int
    alpha: bool
    samples: bytes | bytearray
    bgr: bool = False


def draw_page(page: pymupdf.Page, scale: float, alpha: bool = False, bgr: bool = False) -> RenderedPage:
    """Draw ``page`` (contents, annotations and form fields, as ``Page.get_pixmap`` does) at ``scale``; the caller
    holds :data:`~c2i2e_jury.dossier.mupdf_lock.MUPDF`. MuPDF draws straight into the bytearray returned, which
    nothing else owns: no copy of the pixels, and no MuPDF object left to drop later in another thread."""
    mupdf = pymupdf.mupdf
    ctm = mupdf.FzMatrix(scale, 0, 0, scale, 0, 0)
    fz_page = page.this
    bbox = mupdf.fz_round_rect(mupdf.fz_transform_rect(mupdf.fz_bound_page(fz_page), ctm))
    width, height = max(bbox.x1 - bbox.x0, 0), max(bbox.y1 - bbox.y0, 0)
    if width * height > MAX_RENDER_PIXELS:  # a ValueError, as MuPDF's own: the page is damage, not a crash
        raise ValueError(f"{width} x {height} pixels asked, at most {MAX_RENDER_PIXELS}")
    planes = 4 if alpha or bgr else 3
    samples = bytearray(width * height * planes)
    colorspace = mupdf.fz_device_bgr() if bgr else mupdf.fz_device_rgb()
    pixmap = mupdf.fz_new_pixmap_with_bbox_and_data(
        colorspace, bbox, mupdf.FzSeparations(), int(planes == 4), mupdf.python_mutable_buffer_data(samples)
    )
    if alpha:
        mupdf.fz_clear_pixmap(pixmap)
    else:
        mupdf.fz_clear_pixmap_with_value(pixmap, 0xFF)  # white, and A = 255 in BGRA
    device = mupdf.fz_new_draw_device(mupdf.FzMatrix(), pixmap)
    try:
        mupdf.fz_run_page(fz_page, device, ctm, mupdf.FzCookie())
        mupdf.fz_close_device(device)
    finally:
        del device, pixmap  # now, even on an error: before ``samples``, which they draw into
    return RenderedPage(width, height, width * planes, alpha, samples, bgr)
