"""Opening a candidate's dossier safely, and knowing when it is damaged (what damage and refusals are:
:mod:`c2i2e_jury.dossier.damage`; drawing a page: :mod:`c2i2e_jury.dossier.drawing`).

A dossier comes from a candidate's word processor, an upload platform and a USB key: it may be empty, not a PDF
at all, password-protected, truncated, or readable only after MuPDF rebuilt it. :func:`open_dossier` refuses what
cannot be shown (a :class:`DossierError` with one French sentence) and opens the rest, recording as
:class:`Damage` what the jury must know: a file MuPDF had to repair, a page that raised errors or whose content MuPDF
had to skip. MuPDF's own chatter on stderr is silenced; its warnings are kept (``Dossier.warnings``) and logged.

Threads: PyMuPDF does not support them (MuPDF's context, its warning store and its store of decoded images are one
per process). Every PyMuPDF call here runs under the process-wide :data:`~c2i2e_jury.dossier.mupdf_lock.MUPDF`
lock, one page at a time, and the pages it loads are dropped before the lock is released: two threads are never
inside MuPDF together, whoever calls (the viewer's worker, the GUI thread, the projector). A :class:`Dossier` is
still used by one thread at a time: it may be handed from one thread to another (the viewer opens it in the GUI
thread, then gives it to its worker), never shared. Everything computed from it
(:class:`~c2i2e_jury.dossier.text.DossierText`, reports, evidence maps, search hits, rendered pixels) is plain data
that may be handed to any thread.
"""

from __future__ import annotations

import hashlib
import logging
from contextlib import suppress
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, NamedTuple

import pymupdf

from c2i2e_jury.dossier.damage import (
    MUPDF_ERRORS,
    Damage,
    DamagedError,
    DamageLog,
    EmptyFileError,
    EncryptedError,
    FileAccessError,
    PageError,
    check_bytes,
    mupdf_quiet,
)
from c2i2e_jury.dossier.drawing import RenderedPage, draw_page
from c2i2e_jury.dossier.limits import MAX_DOSSIER_WORK, TooComplex, check_file, page_work
from c2i2e_jury.dossier.mupdf_lock import MUPDF
from c2i2e_jury.dossier.text import DossierText, PageText, extract_page
from c2i2e_jury.errors import os_error_text

if TYPE_CHECKING:
    from c2i2e_jury.domain.referential import Referential
    from c2i2e_jury.dossier.evidence import EvidenceMap
    from c2i2e_jury.dossier.expected import Expected
    from c2i2e_jury.dossier.report import FormatReport
    from c2i2e_jury.dossier.search import SearchHit, SearchIndex
    from c2i2e_jury.dossier.structure import Structure

log = logging.getLogger(__name__)


# Damage and PageError live in dossier/damage.py; the viewer (ui/viewer/dossier_viewer.py,
# ui/viewer/render/worker.py) still imports them from here.
class OutlineEntry(NamedTuple):
    """A bookmark: its level (1 = top), title and page (None when it points outside the file)."""

    level: int
    title: str
    page: int | None


def open_dossier(source: Path | str | bytes, name: str | None = None) -> Dossier:
    """Open a dossier from a path or from its bytes (``name`` then names it in messages).

    Raises a :class:`DossierError` for a file that cannot be shown: unreadable, empty, not a PDF, password-protected,
    or one MuPDF cannot open or finds no page in. A file MuPDF had to repair opens, with a :class:`Damage`.
    """
    if isinstance(source, bytes):
        path, data = None, source
        label = name or "dossier"
    else:
        path = Path(source)
        label = name or path.name
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise FileAccessError(
                f"Impossible de lire le fichier « {label} » : {os_error_text(exc)}."
            ) from exc
    check_bytes(data, label)
    warnings: list[str] = []
    with MUPDF, mupdf_quiet(warnings):
        try:
            doc = pymupdf.open(stream=data, filetype="pdf")
        except MUPDF_ERRORS as exc:
            log.info("MuPDF cannot open %s: %s", label, exc)
            raise DamagedError(f"Le fichier « {label} » est endommagé : il ne peut pas être ouvert.") from exc
        if doc.needs_pass:
            doc.close()
            raise EncryptedError(
                f"Le fichier « {label} » est protégé par un mot de passe : il ne peut pas être lu."
            )
        try:
            pages = doc.page_count
        except MUPDF_ERRORS as exc:  # a page tree that even repair could not rebuild
            doc.close()
            log.info("MuPDF cannot count the pages of %s: %s", label, exc)
            raise DamagedError(
                f"Le fichier « {label} » est endommagé : ses pages ne peuvent pas être lues."
            ) from exc
        if pages == 0:
            doc.close()
    if pages == 0:
        raise EmptyFileError(
            f"Le fichier « {label} » est endommagé ou vide : il ne contient aucune page lisible."
        )
    return Dossier(doc, label, path, data, warnings, pages)


class Dossier:
    """An opened dossier. Computes its text, structure, report, evidence map and search index once, on demand."""

    def __init__(
        self,
        doc: pymupdf.Document,
        name: str,
        path: Path | None,
        data: bytes,
        warnings: list[str],
        page_count: int,
    ) -> None:
        self._doc = doc
        self._page_count = page_count
        self.name = name
        self.path = path
        self._data = data  # PyMuPDF reads the document from these bytes (it keeps them too): no extra memory
        self._sha256: str | None = None
        self._log = DamageLog(name, warnings)
        self.warnings = self._log.warnings  # MuPDF's, at opening and as pages are read
        self._text: DossierText | None = None
        self._structure: Structure | None = None
        self._index: SearchIndex | None = None
        self._rendered: set[int] = set()
        self._work: dict[int, int] = {}  # page → the bytes of content MuPDF interprets to draw it (limits.py)
        self._too_complex = ""  # why the file as a whole is past a limit
        if doc.is_repaired:
            self._log.add(
                Damage(
                    None,
                    "Le fichier est endommagé : MuPDF a dû reconstruire sa structure "
                    "(fichier tronqué ou corrompu) ; des pages ou des contenus peuvent "
                    "manquer.",
                )
            )
        if warnings:
            log.info("MuPDF warnings opening %s: %s", name, "; ".join(warnings))
        try:
            with MUPDF:
                check_file(doc)
        except TooComplex as exc:
            self._refuse_file(str(exc))

    # -- the file ----------------------------------------------------------------------------------------------

    @property
    def document(self) -> pymupdf.Document:
        """The PyMuPDF document, for code running in the owning thread and holding :data:`MUPDF`."""
        return self._doc

    @property
    def sha256(self) -> str:
        """The SHA-256 of the file's bytes (those MuPDF opened), computed when first asked: it costs 1 ms for a
        2 MB dossier, half of what opening it costs, and the viewer never asks."""
        if self._sha256 is None:
            self._sha256 = hashlib.sha256(self._data).hexdigest()
        return self._sha256

    @property
    def page_count(self) -> int:
        return self._page_count

    def page_size(self, number: int) -> tuple[float, float]:
        """Width and height of page ``number`` in points, as displayed (rotation applied)."""
        self._check(number)
        warnings: list[str] = []
        try:
            with MUPDF, mupdf_quiet(warnings):
                rect = self._load(number).rect  # the page is dropped at once, under the lock
        finally:
            self._log.note(warnings, number)
        return float(rect.width), float(rect.height)

    def outline(self) -> list[OutlineEntry]:
        """The bookmarks, in document order."""
        warnings: list[str] = []
        with MUPDF, mupdf_quiet(warnings):
            try:
                toc = self._doc.get_toc(simple=True)
            except MUPDF_ERRORS as exc:
                log.info("outline of %s unreadable: %s", self.name, exc)
                toc = []
        self._log.note(warnings, None)
        return [
            OutlineEntry(int(level), str(title), int(page) if 1 <= int(page) <= self.page_count else None)
            for level, title, page in toc
        ]

    @property
    def damage(self) -> tuple[Damage, ...]:
        """What is known to be damaged so far; :meth:`probe` reads every page to know it all."""
        return self._log.found

    @property
    def damaged(self) -> bool:
        return bool(self._log.found)

    def require_intact(self) -> None:
        """Raise :class:`DamagedError` with the first damage found, if any."""
        self._log.require_intact()

    def probe(self, render: bool = True) -> tuple[Damage, ...]:
        """Read every page (text, and a thumbnail render that decodes its images) and return all the damage."""
        self.text()
        if render:
            for number in range(1, self.page_count + 1):
                if number not in self._rendered:
                    with suppress(PageError):  # recorded as damage by render()
                        self.render(number, scale=0.1)
        return self.damage

    # -- pages -------------------------------------------------------------------------------------------------

    def text(self) -> DossierText:
        """The text of every page, extracted once. A page that fails is empty and recorded as damage."""
        if self._text is None:
            self._text = DossierText(tuple(self._page_text(n) for n in range(1, self.page_count + 1)))
        return self._text

    def page_text(self, number: int) -> PageText:
        return self.text().page(number)

    def _page_text(self, number: int) -> PageText:
        warnings: list[str] = []
        result: PageText | None = None
        with MUPDF, mupdf_quiet(warnings):
            try:
                result = extract_page(self._load(number))
            except PageError:
                pass  # recorded as damage by _load
            except MUPDF_ERRORS as exc:  # dropped at the end of this block, with the page its traceback holds
                log.info("page %d of %s unreadable: %s", number, self.name, str(exc))
                self._log.add(Damage(number, f"La page {number} ne peut pas être lue."))
        damaged = self._log.note(warnings, number) or result is None
        if result is None:
            return PageText(number, 0.0, 0.0, (), damaged=True)
        return PageText(result.number, result.width, result.height, result.lines, damaged=damaged)

    def render(self, number: int, scale: float = 1.0, alpha: bool = False, bgr: bool = False) -> RenderedPage:
        """Render page ``number`` at ``scale`` (1 = 72 dpi) as :class:`RenderedPage` describes (``bgr``: in the
        order a QImage of ``Format_RGB32`` reads on a little-endian machine, so a GUI paints it unconverted).
        Raises :class:`PageError` if MuPDF fails on it."""
        self._check(number)
        warnings: list[str] = []
        try:
            with MUPDF, mupdf_quiet(warnings):
                pixels = self._draw(number, scale, alpha, bgr)
        finally:
            self._log.note(warnings, number)
        self._rendered.add(number)
        return pixels

    def _draw(self, number: int, scale: float, alpha: bool, bgr: bool) -> RenderedPage:
        """Under :data:`MUPDF`: the page is loaded, drawn and dropped here, so that nothing of MuPDF outlives it."""
        page = self._load(number)
        try:
            return draw_page(page, scale, alpha, bgr)
        except MUPDF_ERRORS as exc:  # dropped at the end of this block, with the page its traceback holds
            log.info("page %d of %s cannot be rendered: %s", number, self.name, str(exc))
        del page
        self._log.add(Damage(number, f"La page {number} ne peut pas être affichée."))
        raise PageError(f"La page {number} de « {self.name} » ne peut pas être affichée.")

    def _check(self, number: int) -> None:
        """IndexError for a page out of range: a bug of the caller, not damage."""
        if not 1 <= number <= self.page_count:
            raise IndexError(f"page {number} not in 1..{self.page_count}")

    def _load(self, number: int) -> pymupdf.Page:
        """Page ``number``, for a caller holding :data:`MUPDF` and :func:`mupdf_quiet`; :class:`PageError` if MuPDF
        cannot load it, or if drawing it would be past a limit (:mod:`~c2i2e_jury.dossier.limits`)."""
        if self._too_complex:
            raise PageError(f"« {self.name} » : {self._too_complex}")
        try:
            page = self._doc.load_page(number - 1)
            self._measure(number, page)
        except TooComplex as exc:
            log.info("page %d of %s past a limit: %s", number, self.name, exc)
            self._log.add(Damage(number, f"Page {number} : {exc}", limit=True))
            raise PageError(f"La page {number} de « {self.name} » : {exc}") from None
        except MUPDF_ERRORS as exc:
            log.info("page %d of %s cannot be loaded: %s", number, self.name, exc)
            self._log.add(Damage(number, f"La page {number} ne peut pas être lue."))
            raise PageError(f"La page {number} de « {self.name} » ne peut pas être lue.") from exc
        return page

    def _measure(self, number: int, page: pymupdf.Page) -> None:
        """The page's work, measured once; :class:`TooComplex` past the page's limit or, added to the pages
        measured before, past the dossier's."""
        if number in self._work:
            return
        self._work[number] = page_work(self._doc, page)
        if sum(self._work.values()) > MAX_DOSSIER_WORK:
            self._refuse_file(
                f"Le dossier est trop complexe à afficher (plus de {MAX_DOSSIER_WORK // 1024**2} "
                "Mo d'instructions de dessin) : ses pages ne sont pas toutes analysées."
            )
            raise TooComplex(self._too_complex)

    def _refuse_file(self, reason: str) -> None:
        """The file is past a limit: damaged, and no page of it is read any more."""
        self._too_complex = reason
        self._log.add(Damage(None, f"Le fichier est endommagé : {reason[0].lower()}{reason[1:]}", limit=True))

    # -- what the jury asks ------------------------------------------------------------------------------------

    def structure(self) -> Structure:
        """Where the introduction, the parts and the conclusion begin."""
        if self._structure is None:
            from c2i2e_jury.dossier.structure import find_structure

            self._structure = find_structure(self.text(), self.outline())
        return self._structure

    def search_index(self) -> SearchIndex:
        """The text of every page indexed for search (and for finding item codes), built once."""
        if self._index is None:
            from c2i2e_jury.dossier.search import SearchIndex

            self._index = SearchIndex(self.text())
        return self._index

    def search(self, query: str, limit: int = 1000) -> list[SearchHit]:
        """Every occurrence of ``query`` (ignoring case and accents), in page order, with boxes to highlight."""
        return self.search_index().search(query, limit=limit)

    def report(self, expected: Expected | None = None) -> FormatReport:
        """The format report; include the damage found so far (call :meth:`probe` first for all of it)."""
        from c2i2e_jury.dossier.report import build_report

        return build_report(self.text(), self.structure(), expected, self.damage)

    def evidence(self, referential: Referential | None = None) -> EvidenceMap:
        """For each of the 28 items, the pages citing its code and the page where its part begins."""
        from c2i2e_jury.dossier.evidence import build_evidence
        from c2i2e_jury.resources_access import referential as load_referential

        return build_evidence(
            self.text(), self.structure(), referential or load_referential(), self.search_index()
        )

    # -- lifetime ----------------------------------------------------------------------------------------------

    def close(self) -> None:
        """Close the file and empty MuPDF's store, whoever closes (the viewer, the projector, the check command).

        The store keeps the decoded images and fonts of closed documents too, until it reaches its 256 MB
        default: the RSS grew by ~30 MB with each 20-page dossier of screenshots browsed. Emptied at each close, it
        stays flat; what a document still open needs again is decoded again (it is a cache). Twice is harmless.
        """
        with MUPDF:
            if self._doc.is_closed:
                return
            self._doc.close()
            pymupdf.TOOLS.store_shrink(100)  # fz_empty_store; store_size() is not implemented (always None)

    def __del__(self) -> None:
        """A dossier nobody closed, dropped or collected in a cycle, is closed as :meth:`close` does: under
        :data:`MUPDF`, so that its document is never dropped while another thread is inside MuPDF."""
        if getattr(self, "_doc", None) is not None:
            self.close()

    def __enter__(self) -> Dossier:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
