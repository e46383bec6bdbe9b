"""What folds away when the dossier viewer is narrow: the side panel, and the toolbar's search field to a second row.

The viewer shares a 1366-pixel screen with the day's list, the timer and the 28 items, so it may be given less
width than its full toolbar and side panel need. Below :data:`NARROW_FOR_PANEL` the thumbnails and outline panel
steps aside, and comes back when the viewer widens; the jury's own choice (F9 or the ☰ button) holds meanwhile,
even to show the panel in a narrow viewer. Below :data:`NARROW_FOR_TOOLBAR` the toolbar goes compact.
"""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QStackedWidget, QWidget

from c2i2e_jury.ui.viewer.toolbar import ViewerToolbar

NARROW_FOR_PANEL = 660
NARROW_FOR_TOOLBAR = 620
MINIMUM_WIDTH = 420


class ViewerFolding:
    """Shows or hides the side panel beside the pages, and compacts the toolbar, as the viewer's width asks."""

    def __init__(
        self, viewer: QWidget, toolbar: ViewerToolbar, panel: QWidget, stack: QStackedWidget, pages: QWidget
    ) -> None:
        self._viewer = viewer
        self._toolbar = toolbar
        self._toggle: QAction = toolbar.a_panel
        self._panel = panel
        self._stack = stack
        self._pages = pages
        self._folded = False  # hidden because the viewer is narrow, shown again when it widens
        self._forced = False  # shown by the jury in a narrow viewer
        self._toggle.toggled.connect(self._toggled)

    def resized(self, width: int) -> None:
        """The viewer is now ``width`` pixels wide."""
        self._toolbar.set_compact(width < NARROW_FOR_TOOLBAR)
        if width < NARROW_FOR_PANEL and self._toggle.isChecked() and not self._forced:
            self._set_panel(False)
            self._folded = True
        elif width >= NARROW_FOR_PANEL:
            self._forced = False
            if self._folded:
                self._set_panel(True)

    def show_panel(self) -> None:
        """The side panel shown if the jury wants it and the pages are shown (not beside a message)."""
        self._panel.setVisible(self._toggle.isChecked() and self._stack.currentWidget() is self._pages)

    def _set_panel(self, shown: bool) -> None:
        self._toggle.blockSignals(True)
        self._toggle.setChecked(shown)
        self._toggle.blockSignals(False)
        self._folded = False
        self.show_panel()

    def _toggled(self, shown: bool) -> None:
        """F9 or the ☰ button: the jury's choice holds, even in a narrow viewer."""
        self._folded = False
        self._forced = shown and self._viewer.width() < NARROW_FOR_PANEL
        self.show_panel()
