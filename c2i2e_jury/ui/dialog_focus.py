"""The window a dialog was asked from is active again when the dialog closes, so its function keys work at once.

Seen in a walk through an oral under a real X server (Xvfb, with and without a window manager): after the
« Justification obligatoire » question, F6 (« → Discussion »), F7 and F8 did nothing until the juror clicked the
window. The dialog had been the active window; when it closed, nobody gave the activation back (Qt leaves it to the
window manager, which did not, and the offscreen platform never does), so the main window's shortcuts, which act
only in the active window, were dead while V and N still worked. A juror under time pressure presses F6 again and
again, then clicks a button: the discussion starts late.

:func:`install` follows the application's focus window (signals, not a filter on every event). When a window that
had the focus and is transient for another (a dialog) is hidden, and once its closing is done no shown window of
ours has the focus, the window it was transient for is activated, as window managers do. Nothing is taken from
another program: only the closing of one of our dialogs triggers it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import isValid


class DialogFocus(QObject):
    """Gives the activation back to a closed dialog's parent window."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._watched: set[int] = set()  # the transient windows that had the focus and are not closed yet
        app.focusWindowChanged.connect(self._focused)

    def _focused(self, window: QWindow | None) -> None:
        parent = _owner(window.transientParent()) if window is not None else None
        if window is None or parent is None or id(window) in self._watched:
            return
        key = id(window)
        self._watched.add(key)

        def closed(visible: object = False) -> None:  # visibleChanged(bool) or destroyed(QObject)
            if visible is not True and key in self._watched:
                self._watched.discard(key)
                if isValid(parent):  # not when the dialog goes because its window is being deleted
                    QTimer.singleShot(0, parent, lambda: _give_back(parent))

        window.visibleChanged.connect(closed)
        window.destroyed.connect(closed)


def _owner(window: QWindow | None) -> QWidget | None:
    """The top-level widget shown in ``window``: a QWindow wrapper PySide made for a signal's argument may be gone
    when the dialog closes, the widget stays."""
    if window is None:
        return None
    return next((w for w in QApplication.topLevelWidgets() if w.windowHandle() is window), None)


def _give_back(parent: QWidget) -> None:
    """Activate ``parent`` unless a shown window of ours is active or a question is open (another dialog opened
    meanwhile: it keeps the keyboard)."""
    active = QApplication.activeWindow()
    if active is not None and active.isVisible() or QApplication.activeModalWidget() is not None:
        return
    if parent.isVisible():
        parent.activateWindow()


def install(app: QApplication) -> DialogFocus:
    """Follow ``app``'s focus window (the watcher lives as the application's child); once per application."""
    return app.findChild(DialogFocus) or DialogFocus(app)
