"""Python's cyclic garbage collector runs in the GUI thread only, holding the MuPDF lock.

Python collects reference cycles in whichever thread allocates when its counters pass their thresholds. The dossier
viewer's worker allocates a great deal (a page's text is thousands of dicts), so it was the one that collected,
in its own thread, whatever cycles the GUI thread had left: a closed window of a test, a Qt widget tree owned by
Python, was deleted there, and Qt crashed in ``QObject::disconnectImpl`` (the day list of issue 12 was reverted
for it: ``test_legible`` segfaulted « in the worker, during text extraction »). Qt objects may only be deleted in
their own thread; a PyMuPDF object in a cycle may only be dropped by whoever holds
:data:`~c2i2e_jury.dossier.mupdf_lock.MUPDF`.

So, once installed (by the program at start, and by the first viewer's worker thread), automatic collection is
off and a timer of the GUI thread collects on Python's own thresholds, generation by generation, inside
:data:`MUPDF` (a full collection comes a little more often than Python's, which also waits until a quarter of the
old objects are new: a window only a cycle keeps alive goes sooner, so a test must hold its window itself). The lock is only tried: when a worker is inside MuPDF, the collection waits for the next
tick rather than hold the GUI up for a page's work. Reference counting is untouched: only cycles wait, at most a
tick (:data:`INTERVAL_MS`) while the event loop turns.

A full collection looks at every object the program holds: 40-70 ms for the 100,000 that start-up leaves (the
modules, the ORM's classes, Qt's wrappers), 132 ms once the jury room is built, a stall a juror sees. So what
start-up built is moved out of the collector's sight once the jury room is up (:func:`freeze_start_up`,
:func:`gc.freeze`: it lives as long as the program); a full collection then looks at what the orals made only.
(Python's own rule of waiting until the long-lived objects grew by a quarter was tried too: counting them at every
due collection cost more than it saved, and the tests' closed windows lingered longer: the UI tests took 20 % more.)
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer

from c2i2e_jury.dossier.mupdf_lock import MUPDF

INTERVAL_MS = 250

_collector: GuiCollector | None = None


class GuiCollector(QObject):
    """The collector's timer, child of the application; automatic collection comes back when it goes."""

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self.thresholds = gc.get_threshold()
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.collect_due)
        gc.disable()
        self.destroyed.connect(_uninstalled)
        self.timer.start()

    def due(self) -> int:
        """The oldest generation Python would collect now (-1: none), from its counters and thresholds."""
        counts, generation = gc.get_count(), -1
        for level in range(3):
            if counts[level] <= self.thresholds[level]:
                break
            generation = level
        return generation

    def collect_due(self) -> None:
        generation = self.due()
        if generation >= 0:
            self.collect(generation, blocking=False)

    def collect(self, generation: int = 2, *, blocking: bool = True) -> int | None:
        """Collect ``generation`` now, holding :data:`MUPDF` (None: a worker holds it and ``blocking`` is off)."""
        if not MUPDF.acquire(blocking):
            return None
        try:
            return gc.collect(generation)
        finally:
            MUPDF.release()

    def freeze_start_up(self) -> None:
        """Collect what start-up left, then keep what is alive out of every later collection (once)."""
        if gc.get_freeze_count() == 0:
            self.collect(2)
            gc.freeze()


def install() -> GuiCollector | None:
    """Collect in the GUI thread from now on (once; called from the GUI thread). None without an application."""
    global _collector
    app = QCoreApplication.instance()
    if _collector is None and app is not None and QThread.currentThread() == app.thread():
        _collector = GuiCollector(app)
    return _collector


def freeze_start_up() -> None:
    """Once start-up is over (the jury room built): what it made is kept out of the collections that follow."""
    if _collector is not None:
        _collector.freeze_start_up()


def _uninstalled() -> None:
    global _collector
    _collector = None
    gc.enable()
