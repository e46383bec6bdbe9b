"""The viewer's toolbar and its pages kept in step: the buttons and boxes turn and zoom the pages, and the page box
and the zoom box follow the pages wherever the jury takes them (keys, wheel, thumbnails, search).

The toolbar itself (:mod:`c2i2e_jury.ui.viewer.toolbar`) only shows; the view
(:mod:`c2i2e_jury.ui.viewer.page_view`) only lays out and paints; this is the wiring between them, and the
zoom part of a saved view state.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt

from c2i2e_jury.ui.viewer.history import PageHistory
from c2i2e_jury.ui.viewer.page_view import PageView
from c2i2e_jury.ui.viewer.page_zoom import FIT_PAGE, FIT_WIDTH, MAX_ZOOM, MIN_ZOOM
from c2i2e_jury.ui.viewer.toolbar import ViewerToolbar


class ViewerControls:
    """Connects ``toolbar`` to ``view``; ``is_open`` says whether a dossier is open (the page box acts then only);
    a page typed in the page box is a jump that ``history`` remembers."""

    def __init__(
        self, toolbar: ViewerToolbar, view: PageView, is_open: Callable[[], bool], history: PageHistory
    ) -> None:
        self._toolbar = toolbar
        self._view = view
        self._is_open = is_open
        self._history = history
        bar = toolbar
        bar.a_back.triggered.connect(history.back)
        bar.a_forward.triggered.connect(history.forward)
        history.changed.connect(self.show_history)
        view.zoomChanged.connect(self.show_zoom)
        bar.page_box.valueChanged.connect(self._page_box_changed)
        bar.zoom_box.activated.connect(lambda i: self.set_zoom(bar.zoom_box.itemData(i)))
        line = bar.zoom_box.lineEdit()
        if line is not None:
            line.returnPressed.connect(self._zoom_typed)
        bar.a_previous.triggered.connect(lambda: view.previous_page())
        bar.a_next.triggered.connect(lambda: view.next_page())
        bar.a_zoom_out.triggered.connect(lambda: self._zoom_by(-1))
        bar.a_zoom_in.triggered.connect(lambda: self._zoom_by(1))
        bar.a_fit_width.triggered.connect(lambda: self.set_zoom(FIT_WIDTH))
        bar.a_fit_page.triggered.connect(lambda: self.set_zoom(FIT_PAGE))
        bar.a_actual.triggered.connect(lambda: self.set_zoom(1.0))
        bar.a_continuous.toggled.connect(self._set_continuous)
        bar.a_go_to.triggered.connect(self.focus_page_box)

    def show_page(self, page_count: int) -> None:
        """The page box on the view's current page (of ``page_count``), the zoom box on its zoom."""
        self._toolbar.show_page(self._view.current_page(), page_count)
        self.show_zoom()

    def show_history(self) -> None:
        self._toolbar.a_back.setEnabled(self._history.can_go_back())
        self._toolbar.a_forward.setEnabled(self._history.can_go_forward())

    def show_zoom(self) -> None:
        self._toolbar.show_zoom(self._view.zoom_mode, self._view.zoom)

    def set_zoom(self, mode: object) -> None:
        if isinstance(mode, str | float):
            self._view.set_zoom_mode(mode)
        self.show_zoom()

    def restore_zoom(self, state: dict[str, object]) -> int | None:
        """Zoom and mode of a saved view state applied (bad values ignored); its page, if it names one."""
        page, zoom, continuous = state.get("page"), state.get("zoom"), state.get("continuous")
        if isinstance(continuous, bool):
            self._toolbar.a_continuous.setChecked(continuous)
        if zoom in (FIT_WIDTH, FIT_PAGE):
            self.set_zoom(zoom)
        elif isinstance(zoom, int | float) and not isinstance(zoom, bool) and MIN_ZOOM <= zoom <= MAX_ZOOM:
            self.set_zoom(float(zoom))
        return page if isinstance(page, int) and not isinstance(page, bool) else None

    def focus_page_box(self) -> None:
        self._toolbar.page_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._toolbar.page_box.selectAll()

    def _page_box_changed(self, page: int) -> None:
        if self._is_open() and page != self._view.current_page():
            self._history.jump(lambda: self._view.go_to_page(page))
            self._view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _zoom_typed(self) -> None:
        text = self._toolbar.zoom_box.currentText().replace("%", "").replace(",", ".").strip()
        try:
            self.set_zoom(float(text) / 100)
        except ValueError:
            self.show_zoom()

    def _zoom_by(self, direction: int) -> None:
        self._view.zoom_by(direction)
        self.show_zoom()

    def _set_continuous(self, continuous: bool) -> None:
        self._view.set_continuous(continuous)
        self.show_zoom()
