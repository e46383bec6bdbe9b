"""The lifetime of the viewer's worker thread: a ``QThread`` destroyed while running aborts the program.

Whatever ends a :class:`~c2i2e_jury.ui.viewer.render.page_renderer.PageRenderer` (its viewer closed, its
parent deleted, the application quitting, a script that never closed its viewer), its thread is stopped first
and its worker's dossier closed (:func:`stop_thread`). A render still inside MuPDF is waited for, within a
bound; a thread still busy after that is kept alive until it ends, and its dossier closed then. Stopped from inside
MuPDF's lock (the GUI thread's collector deleting a viewer left in a cycle), it is not waited for at all: its render
waits for that lock.
"""

from __future__ import annotations

import atexit
import logging
from functools import partial

from PySide6.QtCore import Qt, QThread
from shiboken6 import isValid

from c2i2e_jury.dossier.mupdf_lock import MUPDF
from c2i2e_jury.ui.viewer.render.mailbox import Mailbox
from c2i2e_jury.ui.viewer.render.worker import Worker

log = logging.getLogger(__name__)

_STOP_WAIT_MS = 10_000
_orphans: list[QThread] = []  # threads still inside MuPDF when their viewer went away; kept until they end
_running: dict[int, tuple[QThread, Worker, Mailbox]] = {}  # stopped at exit at the latest (see _stop_all)


def track(thread: QThread, worker: Worker, mail: Mailbox) -> None:
    """``thread`` is about to start: it will be stopped at exit if nobody stops it before."""
    _running[id(thread)] = (thread, worker, mail)


def stop_thread(thread: QThread, worker: Worker, mail: Mailbox, *_: object) -> None:
    """Stop ``thread`` and close its worker's dossier; a render still inside MuPDF is waited for (bounded)."""
    _running.pop(id(thread), None)
    if not isValid(thread):  # already gone with the application (the end of a script)
        return
    with mail.lock:
        mail.stopped = True
    if not thread.isRunning():
        _dispose(worker, mail)
        return
    if MUPDF.held():
        # Called inside MuPDF's lock: by the GUI thread's collector, which deletes a viewer left in a cycle under
        # it. Waiting here would wait for a render that waits for this very lock (the program froze for the whole
        # bound, then gave up): the thread is left to end once the lock is given back.
        _orphan(thread, worker, mail)
        thread.quit()
        return
    thread.quit()
    if thread.wait(_STOP_WAIT_MS):
        _dispose(worker, mail)  # safe: its thread has ended, nothing else touches the dossier
        return
    log.warning("dossier renderer still busy after %d ms; left to finish in the background", _STOP_WAIT_MS)
    _orphan(thread, worker, mail)


def _orphan(thread: QThread, worker: Worker, mail: Mailbox) -> None:
    """Keep ``thread`` alive until it ends, then close its worker's dossier (in that thread, as it ends)."""
    _orphans.append(thread)
    thread.finished.connect(partial(_forget_orphan, thread, worker, mail), Qt.ConnectionType.DirectConnection)


def _dispose(worker: Worker, mail: Mailbox) -> None:
    """Close the worker's dossier and any the GUI thread handed over that the worker had not taken yet."""
    worker.dispose()
    with mail.lock:
        left, mail.discarded = [*mail.discarded, *mail.pending()], []
        mail.open = None
    for dossier in left:
        dossier.close()


def _forget_orphan(thread: QThread, worker: Worker, mail: Mailbox) -> None:
    _dispose(worker, mail)
    if thread in _orphans:
        _orphans.remove(thread)


@atexit.register
def _stop_all() -> None:
    """A script or a test that never closed its viewer: stop the threads before Python tears Qt down."""
    for thread, worker, mail in list(_running.values()):
        stop_thread(thread, worker, mail)
