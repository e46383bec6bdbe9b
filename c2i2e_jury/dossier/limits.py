"""How much work one dossier may ask of MuPDF, measured before MuPDF does it.

PyMuPDF holds Python's lock while MuPDF draws or extracts a page, so a page that takes a minute freezes the whole
jury room, worker thread or not, and a page of 14 km asks for terabytes of pixels. MuPDF cannot be interrupted from
Python, so the cost of a page is read from the file first, cheaply and deterministically, and a page (or a
dossier) past a limit is damaged with its reason instead of being drawn:

* a page side over :data:`MAX_PAGE_SIDE` points (MediaBox times UserUnit; 14,400 is the PDF's own maximum in
  default units, 5 m: an A0 poster is 2,384);
* an image declaring more than :data:`MAX_IMAGE_PIXELS` pixels (a 600 dpi A4 scan is 35 million);
* more than :data:`MAX_PAGE_WORK` bytes of content to interpret for one page — the page's display list, counted
  from its content streams and, for each form it draws, the form's content times the number of times it is drawn
  (so that a form drawing a form ten times, ten levels deep, counts as the 10 billion it is) — and
  :data:`MAX_DOSSIER_WORK` for the whole file;
* more than :data:`MAX_OBJECTS` objects in the file, or :data:`MAX_PAGES` pages.

A real dossier (10 to 20 pages from a word processor, screenshots) is far below each: its pages hold 5 to 100 KB of
content; the busiest file of the shared corpus, a 117-page thesis full of figures, 480 KB on its busiest page and
3.5 MB in all. The limits are said in the README.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pymupdf

MAX_PAGE_SIDE = 14_400.0  # points
MAX_IMAGE_PIXELS = 100_000_000
MAX_RENDER_PIXELS = 50_000_000  # one drawing (200 MB as RGBA); the viewer asks for 12 million at most
MAX_PAGE_WORK = 2 * 1024 * 1024  # bytes of content for one page: ~250,000 operators (real pages: 5-500 KB)
MAX_DOSSIER_WORK = 16 * 1024 * 1024  # a 117-page thesis with figures: 3.5 MB
MAX_OBJECTS = 1_000_000
MAX_PAGES = 2_000
_DO = re.compile(rb"/([^\s/\[\]()<>{}%]+)\s*Do(?![^\s/\[\]()<>{}%])")


class TooComplex(Exception):  # noqa: N818 (a verdict, carried up to the dossier as damage)
    """A page or a file past a limit; the message is one French sentence for the jury."""


def check_file(doc: pymupdf.Document) -> None:
    """:class:`TooComplex` for a file with too many objects or pages to be a dossier."""
    if doc.is_pdf and doc.xref_length() > MAX_OBJECTS:
        raise TooComplex(
            f"Le fichier contient {doc.xref_length():,} objets (au plus {MAX_OBJECTS:,} pour un "
            "dossier) : il n'est pas analysé.".replace(",", " ")
        )
    if doc.page_count > MAX_PAGES:
        raise TooComplex(
            f"Le fichier compte {doc.page_count} pages (au plus {MAX_PAGES} pour un dossier) : il "
            "n'est pas analysé."
        )


def page_work(doc: pymupdf.Document, page: pymupdf.Page) -> int:
    """The bytes of content MuPDF would interpret to draw ``page``; :class:`TooComplex` past a limit."""
    _check_size(page)
    if not doc.is_pdf:
        return 0
    _check_images(page)
    forms = _form_graph(page.get_xobjects())
    memo: dict[int, int] = {}
    return sum(_stream_work(doc, xref, 0, forms, memo, depth=0) for xref in page.get_contents())


def _check_size(page: pymupdf.Page) -> None:
    width, height = page.rect.width, page.rect.height
    if max(width, height) > MAX_PAGE_SIDE:
        raise TooComplex(
            f"La page mesure {width / 72 * 2.54:,.0f} × {height / 72 * 2.54:,.0f} cm (au plus "
            f"{MAX_PAGE_SIDE / 72 * 2.54:,.0f} cm de côté) : elle n'est pas affichée.".replace(",", " ")
        )


def _check_images(page: pymupdf.Page) -> None:
    for image in page.get_images(full=True):
        width, height = int(image[2]), int(image[3])
        if width * height > MAX_IMAGE_PIXELS:
            raise TooComplex(
                f"Une image de la page déclare {width} × {height} pixels (au plus "
                f"{MAX_IMAGE_PIXELS // 1_000_000} millions) : la page n'est pas affichée."
            )


def _form_graph(xobjects: Iterable[tuple[int, str, int, object]]) -> dict[tuple[int, str], int]:
    """(invoker xref, 0 for the page; name) → the form's xref."""
    return {(int(invoker), str(name)): int(xref) for xref, name, invoker, _bbox in xobjects}


def _stream_work(
    doc: pymupdf.Document,
    xref: int,
    invoker: int,
    forms: dict[tuple[int, str], int],
    memo: dict[int, int],
    depth: int,
) -> int:
    """The content of stream ``xref`` plus, for each form it draws, that form's work times its draws."""
    if xref in memo:
        return memo[xref]
    if depth > 32:
        raise TooComplex("La page imbrique ses dessins sur plus de 32 niveaux : elle n'est pas affichée.")
    memo[xref] = MAX_PAGE_WORK + 1  # a form that draws itself is as costly as it can be
    length = _decoded_length(doc, xref)
    work = length
    content = (doc.xref_stream(xref) or b"") if length else b""
    for name, count in _draws(content).items():
        form = forms.get((invoker, name))
        if form is not None:
            work += count * _stream_work(doc, form, form, forms, memo, depth + 1)
        _check_work(work)
    memo[xref] = work
    return work


def _draws(content: bytes) -> dict[str, int]:
    counts: dict[str, int] = {}
    for match in _DO.finditer(content):
        name = match.group(1).decode("latin-1")
        counts[name] = counts.get(name, 0) + 1
    return counts


def _decoded_length(doc: pymupdf.Document, xref: int) -> int:
    """The stream's length once decoded, read (not kept) up to just past the limit: a compression bomb stops there."""
    mupdf = pymupdf.mupdf
    stream = mupdf.pdf_open_stream_number(mupdf.pdf_document_from_fz_document(doc.this), xref)
    length = int(mupdf.fz_skip(stream, MAX_PAGE_WORK + 1))
    _check_work(length)
    return length


def _check_work(work: int) -> None:
    if work > MAX_PAGE_WORK:
        raise TooComplex(
            f"La page est trop complexe à afficher (plus de {MAX_PAGE_WORK // 1024**2} Mo "
            "d'instructions de dessin) : elle n'est pas affichée."
        )
