"""One lock for MuPDF in the whole process: PyMuPDF must never run in two threads at once.

PyMuPDF does not support threads: MuPDF's context, its warning store and its store of decoded images and fonts are
process-wide. The application has several users of it, in several threads: the dossier viewer's worker renders
pages and extracts text in its own thread, the viewer opens a dossier and draws its first page in the GUI thread
when that worker is idle, and the projector draws slides in the GUI thread. So every PyMuPDF call of
:mod:`c2i2e_jury.dossier.document` runs under :data:`MUPDF`, including the drop of the pages it loads: whoever
calls, two threads are never inside MuPDF together. It is taken per page (a render, one page's text), so a thread
waits at most for one page of another's work; untaken, it costs well under a microsecond.

Code outside this module that calls PyMuPDF while other threads may (a test, a tool) takes it too:
``with MUPDF: ...``. It is reentrant.
"""

from __future__ import annotations

import threading
from types import TracebackType


class MupdfLock:
    """A reentrant lock that knows which thread holds it (:meth:`held`), so that code and tests can check it."""

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._owner: int | None = None
        self._depth = 0

    def acquire(self, blocking: bool = True) -> bool:
        """Take the lock; with ``blocking=False`` give up at once (False) if another thread is inside MuPDF."""
        if not self._lock.acquire(blocking):
            return False
        self._owner = threading.get_ident()
        self._depth += 1
        return True

    def release(self) -> None:
        self._depth -= 1
        if self._depth == 0:
            self._owner = None
        self._lock.release()

    def held(self) -> bool:
        """True in the thread that holds the lock now."""
        return self._owner == threading.get_ident()

    def __enter__(self) -> MupdfLock:
        self.acquire()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()


MUPDF = MupdfLock()
