"""The dossier viewer's worker: it owns the opened dossier and does all the viewer's PDF work, in its own thread.

PyMuPDF must never run in two threads at once: every call of the dossier layer takes the process-wide
:data:`~c2i2e_jury.dossier.mupdf_lock.MUPDF` lock, and a :class:`~c2i2e_jury.dossier.document.Dossier` has one
owner at a time. The :class:`Worker` owns the viewer's dossier: it renders its pages, extracts its text, builds the
format report and the evidence map and runs searches, in the thread it was moved to. The dossier is opened either
here (:func:`open_for_view`), or in the GUI thread while this worker is idle (see
:meth:`~c2i2e_jury.ui.page_renderer.PageRenderer.open`), which then hands it over through the mailbox and never
touches it again. What the worker hands back is plain data and QImages whose pixels MuPDF drew into directly (no
copy, nothing of MuPDF attached), by queued signals that carry the request's generation, so that an answer about
the previous candidate's dossier is recognised and dropped.

Requests are not a queue but a :class:`Mailbox`: each kind keeps only the latest request (the pages wanted now,
the search typed last), so ten quick page turns cost one render, not ten. The worker takes one job at a time, most
urgent first: open > search > pages on screen > page sizes and outline > neighbours (prefetch) > format report and
evidence map > thumbnails. Between two jobs the GUI thread gets the interpreter back and a new request can overtake.
"""

from __future__ import annotations

import logging
import math
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QImage

from c2i2e_jury.dossier.document import Damage, Dossier, DossierError, PageError, RenderedPage, open_dossier
from c2i2e_jury.dossier.expected import Expected

log = logging.getLogger(__name__)

MAX_PIXELS = 12_000_000  # about 3500 x 3500 (46 MB as RGB32): a render stays under ~0.1 s
MAX_SIDE = 8192
MAX_FILE_BYTES = 200 * 1024 * 1024  # a dossier is 10-20 pages: a file this big is not one
# MuPDF draws B, G, R, A bytes, which a QImage of Format_RGB32 reads as they are on a little-endian machine.
SCREEN_ORDER = sys.byteorder == "little"
MAX_ANALYSED_PAGES = 500  # text extraction costs ~3 ms a page: no report, evidence or search beyond
FIT_WIDTH, FIT_PAGE = "fit_width", "fit_page"
MIN_ZOOM, MAX_ZOOM = 0.1, 4.0
GAP = 10  # pixels around and between pages on screen
A4 = (595.0, 842.0)


class RenderKey(NamedTuple):
    """One image of a page: 1-based page, zoom (1 = 72 dpi in logical pixels) and device pixel ratio."""

    page: int
    zoom: float
    dpr: float


def render_key(page: int, zoom: float, dpr: float) -> RenderKey:
    """A key with zoom and ratio rounded, so that the same view asks for the same key twice."""
    return RenderKey(page, round(zoom, 4), round(dpr, 2))


def capped_scale(size: tuple[float, float], scale: float) -> float:
    """``scale`` lowered so that a page of ``size`` points renders within MAX_PIXELS and MAX_SIDE."""
    width, height = max(size[0], 1.0), max(size[1], 1.0)
    return min(scale, MAX_SIDE / max(width, height), math.sqrt(MAX_PIXELS / (width * height)))


def fit_zoom(mode: str | float, page: tuple[float, float], viewport: tuple[int, int],
             widest: float | None = None) -> float:
    """The zoom for ``mode`` of a ``page`` (points) in a ``viewport`` (pixels); ``widest``: the widest page's
    width, which fit width uses in continuous mode."""
    if not isinstance(mode, str):
        return min(max(float(mode), MIN_ZOOM), MAX_ZOOM)
    width = max(viewport[0] - 2 * GAP, 1)
    height = max(viewport[1] - 2 * GAP, 1)
    page_w, page_h = max(widest or page[0], 1.0), max(page[1], 1.0)
    zoom = width / page_w if mode == FIT_WIDTH else min(width / page_w, height / page_h)
    return min(max(zoom, MIN_ZOOM), MAX_ZOOM)


class FirstView(NamedTuple):
    """How the view will show the first page: lets the worker render it while opening, saving a round trip."""

    page: int
    mode: str | float
    viewport: tuple[int, int]
    dpr: float

    def key(self, size: tuple[float, float]) -> RenderKey:
        return render_key(self.page, fit_zoom(self.mode, size, self.viewport), self.dpr)


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
    size = _page_size(dossier, start) or A4
    opening = Opening(dossier=dossier, sizes=[size] * dossier.page_count)
    if first is not None:
        opening.key = first._replace(page=start).key(size)
        try:
            opening.image = page_image(dossier, opening.sizes, opening.key)
        except PageError as error:
            opening.page_error = error.message
    opening.info = DocumentInfo(dossier.name, dossier.page_count, size, dossier.damage,
                                dossier.page_count <= MAX_ANALYSED_PAGES)
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
        image = image.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied if page.alpha
                                      else QImage.Format.Format_RGB32)
    image.setDevicePixelRatio(dpr)
    return image


def _page_size(dossier: Dossier, number: int) -> tuple[float, float] | None:
    try:
        width, height = dossier.page_size(number)
    except PageError:
        return None
    return (width, height) if width > 0 and height > 0 else None


@dataclass
class Mailbox:
    """What the GUI wants from the worker now. Each slot keeps only the latest request; guarded by ``lock``."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    generation: int = 0
    open: tuple[Path | Opening | None, FirstView | None] | None = None  # a path, or a dossier the GUI opened
    visible: list[RenderKey] = field(default_factory=list)
    prefetch: list[RenderKey] = field(default_factory=list)
    thumbnails: list[RenderKey] = field(default_factory=list)
    layout: bool = False
    search: tuple[int, str] | None = None
    analysis: tuple[Expected | None] | None = None
    delivered: set[RenderKey] = field(default_factory=set)  # rendered and still cached: not again
    discarded: list[Dossier] = field(default_factory=list)  # handed over, then replaced before the worker took it
    kicked: bool = False
    busy: bool = False  # a job is running
    stopped: bool = False

    def reset(self, generation: int, source: Path | Opening | None, first: FirstView | None) -> None:
        self.discarded.extend(self.pending())
        self.generation = generation
        self.open = (source, first)
        self.visible, self.prefetch, self.thumbnails = [], [], []
        self.layout, self.search, self.analysis = False, None, None
        self.delivered.clear()

    def take(self) -> tuple[str, int, object] | None:
        """The most urgent job as (kind, generation, argument), removed from the mailbox; None when idle."""
        self.kicked = False
        if self.stopped:
            return None
        job: tuple[str, int, object] | None = None
        if self.open is not None:
            job, self.open = ("open", self.generation, (*self.open, self.discarded)), None
            self.discarded = []
        elif self.search is not None:
            job, self.search = ("search", self.generation, self.search), None
        elif key := self._pop(self.visible):
            job = ("render", self.generation, key)
        elif self.layout:
            job, self.layout = ("layout", self.generation, None), False
        elif key := self._pop(self.prefetch):
            job = ("render", self.generation, key)
        elif self.analysis is not None:
            job, self.analysis = ("analysis", self.generation, self.analysis[0]), None
        elif key := self._pop(self.thumbnails):
            job = ("render", self.generation, key)
        self.busy = job is not None
        return job

    def _pop(self, keys: list[RenderKey]) -> RenderKey | None:
        while keys:
            key = keys.pop(0)
            if key not in self.delivered:
                self.delivered.add(key)
                return key
        return None

    def pending(self) -> list[Dossier]:
        """The dossier the GUI thread opened and handed over, if the worker has not taken it yet."""
        source = self.open[0] if self.open is not None else None
        return [source.dossier] if isinstance(source, Opening) and source.dossier is not None else []

    def has_work(self) -> bool:
        return not self.stopped and bool(self.open is not None or self.search is not None or self.visible
                                         or self.layout or self.prefetch or self.analysis is not None
                                         or self.thumbnails)

    def claim_kick(self) -> bool:
        """True if the caller should post a wake-up (there is work and none is pending yet)."""
        if self.kicked or not self.has_work():
            return False
        self.kicked = True
        return True


class Worker(QObject):
    """Lives in the renderer's thread and owns the Dossier there. Every signal carries the request's generation."""

    opened = Signal(int, object)  # DocumentInfo
    failed = Signal(int, str)  # a French sentence, or "" for an internal error (logged)
    layoutReady = Signal(int, object, object)  # page sizes, outline
    rendered = Signal(int, object, QImage)  # RenderKey
    pageFailed = Signal(int, int, str)
    searched = Signal(int, int, object)  # search id, list[SearchHit]
    reportReady = Signal(int, object)
    evidenceReady = Signal(int, object)
    damageChanged = Signal(int, object)
    idle = Signal(int)  # the mailbox is empty
    kick = Signal()

    def __init__(self, mail: Mailbox) -> None:
        super().__init__()
        self._mail = mail
        self._dossier: Dossier | None = None
        self._sizes: list[tuple[float, float]] = []
        self._damage_seen = 0
        self._expected: Expected | None = None
        self._reported = False
        self._jobs: dict[str, Callable[[int, object], None]] = {
            "open": self._open, "search": self._search, "render": self._render, "layout": self._layout,
            "analysis": self._analysis}

    @Slot()
    def step(self) -> None:
        """Run the most urgent job, then post another wake-up if work remains (so new requests can overtake)."""
        with self._mail.lock:
            job = self._mail.take()
        if job is not None:
            kind, generation, argument = job
            start = time.perf_counter()
            try:
                self._jobs[kind](generation, argument)
            except Exception:
                log.exception("dossier renderer: %s job failed", kind)
                self._internal_error(kind, generation, argument)
            log.debug("%s %s: %.1f ms", kind, argument, (time.perf_counter() - start) * 1000)
        with self._mail.lock:
            self._mail.busy = False
            again = self._mail.claim_kick()
            generation, idle = self._mail.generation, not self._mail.has_work()
        if again:
            self.kick.emit()
        elif idle and job is not None:
            self.idle.emit(generation)

    def _internal_error(self, kind: str, generation: int, argument: object) -> None:
        """A bug (logged with its traceback): answer anyway, so that the view never waits forever."""
        if kind == "open":
            self.failed.emit(generation, "")
        elif kind == "render" and isinstance(argument, RenderKey):
            self.pageFailed.emit(generation, argument.page, "")
        elif kind == "search" and isinstance(argument, tuple):
            self.searched.emit(generation, argument[0], [])

    def _open(self, generation: int, argument: object) -> None:
        """Close the previous dossier; open the new one (or adopt the one the GUI thread opened and showed)."""
        self.dispose()
        assert isinstance(argument, tuple)
        source, first, discarded = argument
        for dossier in discarded:
            dossier.close()
        if source is None:
            return
        adopted = isinstance(source, Opening)
        opening = source if isinstance(source, Opening) else open_for_view(source, first)
        if opening.dossier is None or opening.info is None:
            self.failed.emit(generation, opening.refusal or "")
            return
        self._dossier, self._sizes = opening.dossier, opening.sizes
        self._damage_seen = len(opening.dossier.damage)
        if adopted:
            return  # the GUI thread has told the view already
        # The first page was drawn before the view heard of the dossier: the GUI thread was idle meanwhile, so the
        # two threads did not take turns on the GIL during the render (measured: 4 ms instead of 0.6 ms).
        if opening.key is not None:
            with self._mail.lock:
                self._mail.delivered.add(opening.key)
        self.opened.emit(generation, opening.info)
        if opening.key is not None and opening.image is not None:
            self.rendered.emit(generation, opening.key, opening.image)
        elif opening.key is not None:
            self.pageFailed.emit(generation, opening.key.page, opening.page_error)

    def _page_size(self, number: int) -> tuple[float, float] | None:
        assert self._dossier is not None
        return _page_size(self._dossier, number)

    def _layout(self, generation: int, _: object) -> None:
        if self._dossier is None:
            return
        first = self._sizes[0]
        self._sizes = [self._page_size(n) or first for n in range(1, self._dossier.page_count + 1)]
        self.layoutReady.emit(generation, tuple(self._sizes), tuple(self._dossier.outline()))
        self._note_damage(generation)

    def _render(self, generation: int, argument: object) -> None:
        key = argument
        if self._dossier is None or not isinstance(key, RenderKey) or not 1 <= key.page <= self._dossier.page_count:
            return
        try:
            image = page_image(self._dossier, self._sizes, key)
        except PageError as error:
            self.pageFailed.emit(generation, key.page, error.message)
            return
        finally:
            self._note_damage(generation)
        self.rendered.emit(generation, key, image)

    def _search(self, generation: int, argument: object) -> None:
        assert isinstance(argument, tuple)
        search_id, text = argument
        hits = self._dossier.search(text) if self._dossier is not None else []
        self.searched.emit(generation, search_id, hits)

    def _analysis(self, generation: int, expected: object) -> None:
        if self._dossier is None:
            return
        self._expected = expected if isinstance(expected, Expected) else None
        self.reportReady.emit(generation, self._dossier.report(self._expected))
        self._reported = True
        self.evidenceReady.emit(generation, self._dossier.evidence())
        self._note_damage(generation)

    def _note_damage(self, generation: int) -> None:
        """Tell the view when reading pages found new damage; the report, if already given, is given again."""
        if self._dossier is None or len(self._dossier.damage) == self._damage_seen:
            return
        self._damage_seen = len(self._dossier.damage)
        self.damageChanged.emit(generation, self._dossier.damage)
        if self._reported:
            self.reportReady.emit(generation, self._dossier.report(self._expected))

    def dispose(self) -> None:
        """Close the dossier (which empties MuPDF's store). Runs in the worker thread, or in the GUI thread once the
        worker thread has ended (at exit too: nothing here asks MuPDF for its store's size, which PyMuPDF answers
        with None)."""
        if self._dossier is not None:
            self._dossier.close()
        self._dossier = None
        self._sizes = []
        self._reported = False
        self._expected = None


def _too_big(path: Path) -> str | None:
    try:
        size = path.stat().st_size
    except OSError:
        return None  # open_dossier says why it cannot be read
    if size <= MAX_FILE_BYTES:
        return None
    return (f"Le fichier « {path.name} » est trop volumineux pour être un dossier ({size / 1024 ** 2:.0f} Mo ; "
            f"au plus {MAX_FILE_BYTES // 1024 ** 2} Mo) : il n'est pas affiché.")
