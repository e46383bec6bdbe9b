"""When the jury room saves where the jury is (page, zoom, item): once the jurors pause, and at the latest a second
after the first move not yet saved, so that jurors paging on without a pause are still found where they were
after a crash."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

VIEW_SAVE_PAUSE_MS = 400  # a pause in the jurors' moves after which the view is saved
VIEW_SAVE_MAX_WAIT_MS = 1000  # the longest a move shown waits to be saved, pause or not


class ViewSaving(QObject):
    """Calls ``save`` after VIEW_SAVE_PAUSE_MS without a move, or VIEW_SAVE_MAX_WAIT_MS after the first move."""

    def __init__(self, save: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pause = self._single_shot(VIEW_SAVE_PAUSE_MS, save)
        self._deadline = self._single_shot(VIEW_SAVE_MAX_WAIT_MS, save)

    def _single_shot(self, interval_ms: int, save: Callable[[], None]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(interval_ms)
        timer.timeout.connect(save)
        return timer

    def moved(self) -> None:
        self._pause.start()  # restarted by every move...
        if not self._deadline.isActive():
            self._deadline.start()  # ...this one only by the first move after a save

    def saved(self) -> None:
        self._pause.stop()
        self._deadline.stop()
