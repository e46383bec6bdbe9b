"""The dossier viewer's worker: it owns the opened dossier and does all the viewer's PDF work, in its own thread.

PyMuPDF must never run in two threads at once: every call of the dossier layer takes the process-wide
:data:`~c2i2e_jury.dossier.mupdf_lock.MUPDF` lock, and a :class:`~c2i2e_jury.dossier.document.Dossier` has one
owner at a time. The :class:`Worker` owns the viewer's dossier: it renders its pages, extracts its text,
builds the format report and the evidence map and runs searches, in the thread it was moved to. The dossier is
opened either here (:func:`~c2i2e_jury.ui.viewer.dossier_pages.open_for_view`), or in the GUI thread while
this worker is idle (see :meth:`~c2i2e_jury.ui.viewer.render.page_renderer.PageRenderer.open`), which then
hands it over through the mailbox and never touches it again. What the worker hands back is plain data and
QImages whose pixels MuPDF drew into directly (no copy, nothing of MuPDF attached), by queued signals that
carry the request's generation, so that an answer about the previous candidate's dossier is recognised and
dropped.

The worker takes its jobs from a :class:`~c2i2e_jury.ui.viewer.render.mailbox.Mailbox`, one at a time, most
urgent first; between two jobs the GUI thread gets the interpreter back and a new request can overtake.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QImage

from c2i2e_jury.dossier.damage import PageError
from c2i2e_jury.dossier.document import Dossier
from c2i2e_jury.dossier.expected import Expected
from c2i2e_jury.ui.viewer.dossier_pages import (
    Opening,
    open_for_view,
    page_image,
    page_size,
)
from c2i2e_jury.ui.viewer.page_zoom import RenderKey
from c2i2e_jury.ui.viewer.render.mailbox import Mailbox

log = logging.getLogger(__name__)


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
            "open": self._open,
            "search": self._search,
            "render": self._render,
            "layout": self._layout,
            "analysis": self._analysis,
        }

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
        return page_size(self._dossier, number)

    def _layout(self, generation: int, _: object) -> None:
        if self._dossier is None:
            return
        first = self._sizes[0]
        self._sizes = [self._page_size(n) or first for n in range(1, self._dossier.page_count + 1)]
        self.layoutReady.emit(generation, tuple(self._sizes), tuple(self._dossier.outline()))
        self._note_damage(generation)

    def _render(self, generation: int, argument: object) -> None:
        key = argument
        if (
            self._dossier is None
            or not isinstance(key, RenderKey)
            or not 1 <= key.page <= self._dossier.page_count
        ):
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
