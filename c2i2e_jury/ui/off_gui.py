"""A write the screen must wait for, without freezing it: the work runs on the program's one writing thread while
the GUI thread keeps turning its event loop (the oral's clock, the dossier's pages, repaints), and the caller gets
the work's answer only once it is done — committed and on disk — exactly as if it had run in place.

Why: a decision's transaction and its commit's fsync (``synchronous=FULL``) took 10-15 ms of the GUI thread, and
a slow disk much more; sqlite3 and the file system release the GIL while they wait, so that wait can be spent
turning the event loop instead (issue 15, ``benchmarks/bench_oral.py``).

What the juror does while a write is in flight is held, not lost and not reordered: the loop that turns meanwhile
excludes user input (keys, clicks, a window closed), which Qt delivers in order once the write has answered. One
thread does every write, in the order asked, so that two writes never overtake each other. Called off the GUI
thread, or without an application, the work simply runs in place.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QThread, Signal

T = TypeVar("T")

_lock = threading.Lock()
_writer: ThreadPoolExecutor | None = None


class _Answered(QObject):
    done = Signal()


def _writing_thread() -> ThreadPoolExecutor:
    global _writer
    with _lock:
        if _writer is None:
            _writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="c2i2e-writes")
        return _writer


def run_off_gui(work: Callable[[], T]) -> T:
    """``work()``'s result (or its exception), computed on the writing thread while the GUI thread's event loop
    keeps turning (user input held until it answers)."""
    app = QCoreApplication.instance()
    if app is None or QThread.currentThread() is not app.thread():
        return work()
    loop, answered = QEventLoop(), _Answered()
    answered.done.connect(loop.quit, Qt.ConnectionType.QueuedConnection)

    def job() -> T:
        try:
            return work()
        finally:  # posted to the GUI thread: quits the loop even when it posts before the loop turns
            answered.done.emit()

    future: Future[T] = _writing_thread().submit(job)
    loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    # The loop also ends when the application quits: the work is then waited for here, never abandoned.
    # ``answered`` outlives the job's signal (the job returns after emitting it), so it dies in this thread.
    return future.result()
