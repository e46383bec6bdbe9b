"""Long work off the GUI thread: signing a sheet takes about a second, three on a loaded laptop, and a window
that freezes that long looks crashed to a juror (and stops its clock). :func:`run_busy` runs the work on a worker
thread and keeps the event loop turning behind a busy dialog the user cannot dismiss, then returns what the work
returned, or raises what it raised, on the GUI thread.

The work may use the database (each unit of work opens its own session) and pure-Python or PyMuPDF objects it
creates itself; it must not touch a widget.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

T = TypeVar("T")
TITLE_FRAME = 150  # pixels of a title bar besides its title: the icon, three buttons, margins
POLL_MS = 10  # how often the GUI looks whether the work is done: well under a frame


def title_width(window: QWidget) -> int:
    """How wide ``window`` must be for its title to show whole in a window manager's title bar (bold, beside the
    window's icon and buttons)."""
    bold = QFont(window.font())
    bold.setBold(True)
    return QFontMetrics(bold).horizontalAdvance(window.windowTitle()) + TITLE_FRAME


def busy_dialog(parent: QWidget | None, text: str, title: str = "") -> QProgressDialog:
    """An indeterminate progress bar with ``text``, no Cancel button (signing cannot be half done), titled with
    what is being done (``title``; else ``text`` without its ellipsis), never just the program's name."""
    dialog = QProgressDialog(text, "", 0, 0, parent)
    dialog.setObjectName("busyDialog")
    dialog.setWindowTitle(title or text.rstrip("…. "))
    dialog.setMinimumWidth(title_width(dialog))  # the title whole in the window manager's bar
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    return dialog


def run_busy(parent: QWidget | None, text: str, work: Callable[[], T], *, title: str = "") -> T:
    """``work()`` on a worker thread, the GUI responsive and busy meanwhile (``title``: what is being done); its
    result, or its exception."""
    dialog = busy_dialog(parent, text, title)
    QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
    dialog.show()
    try:
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="busy") as pool:
            future = pool.submit(work)
            _wait(future)
        return future.result()
    finally:
        QApplication.restoreOverrideCursor()
        dialog.close()
        dialog.deleteLater()


def _wait(future: Future[T]) -> None:
    """Turn the event loop until ``future`` is done (the window repaints, the oral's timer ticks)."""
    loop = QEventLoop()
    poll = QTimer()
    poll.setInterval(POLL_MS)

    def look() -> None:
        if future.done():
            loop.quit()

    poll.timeout.connect(look)
    poll.start()
    if not future.done():
        loop.exec()
    poll.stop()
