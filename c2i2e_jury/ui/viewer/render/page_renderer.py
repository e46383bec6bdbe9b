"""The view's renderer interface: pages asked for by key, QImages handed back, a cache bounded in bytes.

:class:`PageRenderer` lives in the GUI thread and runs a :class:`~c2i2e_jury.ui.viewer.render.worker.Worker`
in one
``QThread`` of its own (stopped safely by :mod:`c2i2e_jury.ui.viewer.render.thread`); the view never sees a
PyMuPDF object. Images live in a :class:`~c2i2e_jury.ui.viewer.render.page_cache.PageCache`, an LRU bounded in
bytes (150 MB by default) and keyed by page, zoom and device pixel ratio, as qpageview's ``render.py`` does.

Measured (benchmarks/bench_viewer.py): PyMuPDF keeps the GIL while it draws a page, so a render in the worker
holds up the GUI thread for about as long as it lasts (5-20 ms for a dossier page at screen size). The thread
keeps the GUI free between renders, not during one. Hence the scheduling: the pages on screen are asked at once,
while background work (neighbours, thumbnails, the format report) waits until the jury has stopped turning pages
for :data:`BACKGROUND_DELAY_MS`, so that a page turn never waits for a render it did not ask for.

Opening: when the worker is idle (parked on an empty mailbox, nothing in flight) and no other thread holds the
process-wide :data:`~c2i2e_jury.dossier.mupdf_lock.MUPDF` lock, :meth:`PageRenderer.open` opens the dossier and
draws its first page itself, in the GUI thread, then hands the dossier to the worker through the mailbox (ownership
passes once; the GUI thread keeps only plain data). That spares the wake-up of the worker and the queued hand-off
back (~2 ms measured); the GIL would have held the GUI thread during that render anyway. The worker is woken once
the first page is painted (:meth:`PageRenderer.release_worker`), to close the previous dossier and do the rest.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, QTimer, Signal
from PySide6.QtGui import QImage

from c2i2e_jury.dossier.expected import Expected
from c2i2e_jury.dossier.mupdf_lock import MUPDF
from c2i2e_jury.ui import gui_gc
from c2i2e_jury.ui.viewer.dossier_pages import DocumentInfo, Opening, open_for_view
from c2i2e_jury.ui.viewer.page_zoom import FirstView, RenderKey
from c2i2e_jury.ui.viewer.render.mailbox import Mailbox
from c2i2e_jury.ui.viewer.render.page_cache import CACHE_BYTES, PageCache
from c2i2e_jury.ui.viewer.render.thread import stop_thread, track
from c2i2e_jury.ui.viewer.render.worker import Worker

log = logging.getLogger(__name__)

# Up to this size a dossier is opened in the GUI thread when the worker is idle (0.6 ms to read and open 2 MB); a
# bigger file is read and parsed by the worker, so that a slow disk or a repair never holds the GUI up.
OPEN_HERE_MAX_BYTES = 16 * 1024 * 1024
# After a dossier opened here, the worker is woken once the first page is on screen (release_worker), at the latest
# after this: closing the previous dossier frees its decoded images with the GIL held (7 ms measured), which would
# otherwise land in the middle of the first paint.
HOLD_MS = 250
BACKGROUND_DELAY_MS = 80


class PageRenderer(QObject):
    """Asks the worker for pages, searches and the report; hands back images and results, latest dossier only."""

    opened = Signal(object)  # DocumentInfo
    failed = Signal(str)  # one French sentence ("" for an internal error, logged)
    layoutReady = Signal(object, object)  # tuple of (width, height) in points, tuple of OutlineEntry
    imageReady = Signal(object)  # RenderKey now in the cache (zoom 0: the page failed)
    pageFailed = Signal(int, str)
    searched = Signal(str, object)  # the query, list[SearchHit]
    reportReady = Signal(object)  # FormatReport
    evidenceReady = Signal(object)  # EvidenceMap
    damageChanged = Signal(object)  # tuple[Damage, ...]
    idle = Signal()  # everything asked for is done
    _kick = Signal()

    def __init__(self, parent: QObject | None = None, cache_bytes: int = CACHE_BYTES) -> None:
        super().__init__(parent)
        self.cache = PageCache(cache_bytes)
        self.failed_pages: dict[int, str] = {}
        self._generation = 0
        self._search_id = 0
        self._searches: dict[int, str] = {}
        self._protected: list[RenderKey] = []
        self._prefetch: list[RenderKey] = []
        self._thumbnails: list[RenderKey] = []
        self._analysis: tuple[Expected | None] | None = None
        self._background = QTimer(self)
        self._background.setSingleShot(True)
        self._background.setInterval(BACKGROUND_DELAY_MS)
        self._background.timeout.connect(self._release_background)
        self._hold = QTimer(self)
        self._hold.setSingleShot(True)
        self._hold.setInterval(HOLD_MS)
        self._hold.timeout.connect(self.release_worker)
        self._thread: QThread | None = None
        self._start()
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    def _start(self) -> None:
        """A fresh worker thread (at creation, and when a dossier is opened after :meth:`shutdown`); from now on
        Python's cycles are collected in the GUI thread only (:mod:`c2i2e_jury.ui.gui_gc`), never by the worker."""
        gui_gc.install()
        self._mail = Mailbox(generation=self._generation)
        self._thread = QThread()
        self._thread.setObjectName("dossier-renderer")
        self._worker = Worker(self._mail)
        self._worker.moveToThread(self._thread)
        queued = Qt.ConnectionType.QueuedConnection
        self._kick.connect(self._worker.step, queued)
        self._worker.kick.connect(self._worker.step, queued)  # not a direct call: let new requests in between
        self._worker.opened.connect(self._on_opened)
        self._worker.failed.connect(self._on_failed)
        self._worker.layoutReady.connect(self._on_layout)
        self._worker.rendered.connect(self._on_rendered)
        self._worker.pageFailed.connect(self._on_page_failed)
        self._worker.searched.connect(self._on_searched)
        self._worker.reportReady.connect(self._on_report)
        self._worker.evidenceReady.connect(self._on_evidence)
        self._worker.damageChanged.connect(self._on_damage)
        self._worker.idle.connect(self._on_idle)
        # Whatever ends this object (its parent deleted, the application quitting), the thread stops first:
        # a QThread destroyed while running aborts the program.
        self.destroyed.connect(partial(stop_thread, self._thread, self._worker, self._mail))
        track(self._thread, self._worker, self._mail)
        self._thread.start()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.isRunning()

    # -- requests --------------------------------------------------------------------------------------------
    def open(self, path: Path | None, first: FirstView | None = None) -> None:
        """Open ``path`` (closing the previous dossier), rendering ``first`` at once; None closes.

        When the worker is idle, the dossier is opened and its first page drawn here, in the GUI thread, before this
        returns (:attr:`opened` and :attr:`imageReady`, or :attr:`failed`, are emitted from within), then handed
        to the worker, which closes the previous one. Otherwise the worker does it all, after its current job."""
        if self._thread is None:
            if path is None:
                return
            self._start()
        self._generation += 1
        self.cache.clear()
        self.failed_pages.clear()
        self._searches.clear()
        self._prefetch, self._thumbnails, self._analysis = [], [], None
        self._background.stop()
        self._hold.stop()
        opening = self._open_here(path, first) if path is not None and first is not None else None
        source: Path | Opening | None = (
            path if opening is None else opening if opening.dossier is not None else None
        )
        with self._mail.lock:
            self._mail.reset(self._generation, source, first)
            if opening is not None and opening.key is not None:
                self._mail.delivered.add(opening.key)
        if opening is not None and opening.dossier is not None:
            self._hold.start()  # the worker takes the dossier (and closes the previous one) after the first paint
        self._post()
        if opening is not None:
            self._show_opening(opening)

    def release_worker(self) -> None:
        """The first page of a dossier opened here is on screen: the worker may take the dossier and go on."""
        self._hold.stop()
        self._post()

    def _open_here(self, path: Path, first: FirstView) -> Opening | None:
        """Open ``path`` in the GUI thread if nothing else can be inside MuPDF meanwhile: this renderer's worker
        parked with nothing in flight (only this thread fills its mailbox) and no other thread holding
        :data:`MUPDF` (another viewer's worker, say). None: the worker must do it.

        Measured on a 2 MB dossier: the first page shows in about half the time the worker takes, which has to be
        woken, and whose answer must wait for the GUI thread's next turn of the event loop."""
        try:
            if path.stat().st_size > OPEN_HERE_MAX_BYTES:
                return None
        except OSError:
            pass  # open_for_view says why it cannot be read
        with self._mail.lock:
            if self._mail.busy or self._mail.has_work():
                return None
        if not MUPDF.acquire(blocking=False):
            return None
        try:
            return open_for_view(path, first)
        except Exception:
            log.exception("dossier renderer: opening %s failed", path)
            return Opening("")  # as the worker answers a bug: the view says so and never waits
        finally:
            MUPDF.release()

    def _show_opening(self, opening: Opening) -> None:
        """Tell the view, as the worker's answers would (the dossier itself now belongs to the worker)."""
        if opening.info is None:
            self.failed.emit(opening.refusal or "")
            return
        key, image = opening.key, opening.image
        if key is not None and image is not None:
            self.cache.put(key, image)  # before the view lays out and asks for it
        self.opened.emit(opening.info)
        if key is not None and image is not None:
            self.imageReady.emit(key)
        elif key is not None:
            self._on_page_failed(self._generation, key.page, opening.page_error)

    def close(self) -> None:
        self.open(None)

    def retarget(self, first: FirstView) -> None:
        """The view will open on another page or zoom: render that first instead, if the worker has not begun."""
        with self._mail.lock:
            if self._mail.open is not None and isinstance(self._mail.open[0], Path):
                self._mail.open = (self._mail.open[0], first)

    def request(self, visible: Sequence[RenderKey], prefetch: Sequence[RenderKey] = ()) -> None:
        """The pages on screen (most wanted first), rendered now, and those to have ready next, rendered once
        the view has been still for a moment. Replaces the previous request."""
        self._protected = [*visible, *prefetch]
        self._prefetch = list(prefetch)
        with self._mail.lock:
            self._mail.visible = [k for k in visible if self._missing(k)]
            self._mail.prefetch = []
            if self._mail.visible:
                self._hold.stop()  # a page on screen is missing (another page or zoom asked for): wake the worker
        self._background.start()
        self._post()

    def request_layout(self) -> None:
        """Every page's size and the outline (after the pages on screen): :attr:`layoutReady` answers."""
        with self._mail.lock:
            self._mail.layout = True
        self._post()

    def request_thumbnails(self, keys: Sequence[RenderKey]) -> None:
        self._thumbnails = list(keys)
        self._schedule_background()

    def analyse(self, expected: Expected | None) -> None:
        """Compute the format report and the evidence map, in the background."""
        self._analysis = (expected,)
        self._schedule_background()

    def search(self, text: str) -> None:
        """Search the dossier; :attr:`searched` answers with the hits of the latest query only."""
        self._search_id += 1
        self._searches = {self._search_id: text}
        with self._mail.lock:
            self._mail.search = (self._search_id, text)
        self._post()

    def image(self, key: RenderKey) -> QImage | None:
        return self.cache.get(key)

    def idle_now(self) -> bool:
        """Nothing asked for is still waiting, here or in the worker's mailbox (a job may be finishing)."""
        if self._background.isActive() or self._prefetch or self._thumbnails or self._analysis:
            return False
        with self._mail.lock:
            return not self._mail.has_work() and not self._mail.busy

    def _missing(self, key: RenderKey) -> bool:
        return key not in self.cache and key.page not in self.failed_pages

    def _schedule_background(self) -> None:
        if not self._background.isActive():
            self._background.start()

    def _release_background(self) -> None:
        """The view is still: hand the worker the neighbours, the report and the thumbnails."""
        prefetch, thumbnails, analysis = self._prefetch, self._thumbnails, self._analysis
        self._prefetch, self._thumbnails, self._analysis = [], [], None
        with self._mail.lock:
            self._mail.prefetch = [k for k in prefetch if self._missing(k)]
            self._mail.thumbnails = [k for k in thumbnails if self._missing(k)]
            if analysis is not None:
                self._mail.analysis = analysis
        self._post()
        if self.idle_now():
            self.idle.emit()

    def _post(self) -> None:
        if self._hold.isActive():
            return
        with self._mail.lock:
            kick = self._mail.claim_kick()
        if kick:
            self._kick.emit()

    # -- answers ---------------------------------------------------------------------------------------------
    def _current(self, generation: int) -> bool:
        return generation == self._generation

    def _on_opened(self, generation: int, info: DocumentInfo) -> None:
        if self._current(generation):
            self.opened.emit(info)

    def _on_failed(self, generation: int, message: str) -> None:
        if self._current(generation):
            self.failed.emit(message)

    def _on_layout(self, generation: int, sizes: object, outline: object) -> None:
        if self._current(generation):
            self.layoutReady.emit(sizes, outline)

    def _on_rendered(self, generation: int, key: RenderKey, image: QImage) -> None:
        if not self._current(generation):
            return
        dropped = self.cache.put(key, image, self._protected)
        if dropped:
            with self._mail.lock:
                self._mail.delivered.difference_update(dropped)
        self.imageReady.emit(key)

    def _on_page_failed(self, generation: int, page: int, message: str) -> None:
        if self._current(generation):
            self.failed_pages[page] = message
            self.pageFailed.emit(page, message)
            self.imageReady.emit(RenderKey(page, 0.0, 0.0))

    def _on_report(self, generation: int, report: object) -> None:
        if self._current(generation):
            self.reportReady.emit(report)

    def _on_evidence(self, generation: int, evidence: object) -> None:
        if self._current(generation):
            self.evidenceReady.emit(evidence)

    def _on_damage(self, generation: int, damage: object) -> None:
        if self._current(generation):
            self.damageChanged.emit(damage)

    def _on_idle(self, generation: int) -> None:
        if self._current(generation) and self.idle_now():
            self.idle.emit()

    def _on_searched(self, generation: int, search_id: int, hits: object) -> None:
        if self._current(generation) and search_id in self._searches:
            self.searched.emit(self._searches[search_id], hits)

    # -- lifetime --------------------------------------------------------------------------------------------
    def shutdown(self) -> None:
        """Stop the worker thread and close the dossier; a later :meth:`open` starts a new thread."""
        self._generation += 1
        self._background.stop()
        self._hold.stop()
        self.cache.clear()
        thread, self._thread = self._thread, None
        if thread is not None:
            stop_thread(thread, self._worker, self._mail)
