"""The candidate's dossier beside the items: pages, thumbnails, outline, search, and where each item is cited.

A worker thread owns the PDF (:mod:`c2i2e_jury.ui.viewer.render.worker`, behind
:mod:`c2i2e_jury.ui.viewer.render.page_renderer`); the view paints what it has
(:mod:`c2i2e_jury.ui.viewer.page_view`) and the panels follow (:mod:`c2i2e_jury.ui.viewer.panels`,
:mod:`c2i2e_jury.ui.viewer.toolbar` wired by :mod:`c2i2e_jury.ui.viewer.controls`,
:mod:`c2i2e_jury.ui.viewer.search`, :mod:`c2i2e_jury.ui.viewer.folding` in a narrow viewer). This module opens
a dossier and orders what follows: the first page, then the panels and controls, then the report. The GUI
thread waits at most for one page render, since PyMuPDF keeps the GIL while it draws (see
benchmarks/bench_viewer.py): when the worker is idle it opens the dossier and draws its first page itself (2-3
ms for a 2 MB dossier), otherwise the worker does; it never waits for a dossier's text. Once the first page is
on screen the worker computes the format report and the evidence map and hands them over by signal.
A file that cannot be shown (password, damaged, empty, not a PDF, far too big) leaves one French sentence in the
viewer and in :attr:`DossierViewer.failed`; a file MuPDF had to repair opens with a warning band above the pages.

Keyboard (what Acrobat, Evince and Okular users expect):

============================  ===========================================================
Page Down, Space              a screen down, then the next page
Page Up, Shift+Space          a screen up, then the previous page
Right / Left                  next / previous page (sideways scrolling when zoomed in)
Up / Down                     scroll
Home / End                    first / last page
Ctrl+G (or Ctrl+L)            go to page (the page box takes the keys, Enter goes)
Alt+Left / Alt+Right          back to where the jury was before a jump (an item, a hit, a page typed) / forward
Ctrl+F                        search; Enter / F3 next hit, Shift+Enter / Shift+F3 previous
Escape (in the search field)  back to the pages
Ctrl++ / Ctrl+-               zoom in / out (Ctrl + wheel too)
Ctrl+0 / Ctrl+1 / Ctrl+2      fit page / actual size (100 %) / fit width (Acrobat's keys)
F9                            show or hide the thumbnails and outline panel
============================  ===========================================================

Ctrl+F, F3, Ctrl+G, Alt+Left / Alt+Right and the zoom keys act anywhere in the window (the jury's focus is usually on the items); the
page-turning keys act when the pages have the focus, so that they never steal keys from a list or a text field.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QSplitter, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from c2i2e_jury.dossier.damage import Damage
from c2i2e_jury.dossier.document import OutlineEntry
from c2i2e_jury.dossier.expected import Expected
from c2i2e_jury.ui.text import fill
from c2i2e_jury.ui.viewer.controls import ViewerControls
from c2i2e_jury.ui.viewer.dossier_pages import MAX_ANALYSED_PAGES, DocumentInfo
from c2i2e_jury.ui.viewer.folding import MINIMUM_WIDTH, ViewerFolding
from c2i2e_jury.ui.viewer.history import PageHistory
from c2i2e_jury.ui.viewer.page_view import PageView
from c2i2e_jury.ui.viewer.panels import OutlinePanel, ThumbnailPanel
from c2i2e_jury.ui.viewer.render.page_renderer import PageRenderer
from c2i2e_jury.ui.viewer.search import DossierSearch
from c2i2e_jury.ui.viewer.toolbar import ViewerToolbar

log = logging.getLogger(__name__)

OPENING_MESSAGE_DELAY_MS = 250


class DossierViewer(QWidget):
    """The dossier viewer of the jury room. Page numbers are 1-based; 0 means no page (nothing open)."""

    pageChanged = Signal(int)
    documentLoaded = Signal(int)  # page count; the first page is on screen and the controls are ready
    evidenceReady = Signal(object)  # EvidenceMap
    reportReady = Signal(object)  # FormatReport
    failed = Signal(str)  # the sentence shown in the viewer
    pageShown = Signal(int)  # the current page is on screen at full resolution (benchmarks, tests)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.renderer = PageRenderer(self)
        self.view = PageView(self.renderer, self)
        self.view.setObjectName("dossierPages")
        self.thumbnails = ThumbnailPanel(self.renderer, self)
        self.thumbnails.setObjectName("dossierThumbnails")
        self.outline = OutlinePanel(self)
        self.outline.setObjectName("dossierOutline")
        self._expected: Expected | None = None
        self._info: DocumentInfo | None = None
        self._pending_page: int | None = None  # asked for before the dossier was open
        self._pending_pages: list[int] = []
        self._names: tuple[str, str] | None = None  # (the file's own name, the name to show for it)
        self._first_done = False
        self._build()
        self._connect()
        self._show_message("")

    # -- construction ----------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.toolbar = ViewerToolbar(self)
        bar = self.toolbar
        self.page_box, self.zoom_box, self.search_bar = bar.page_box, bar.zoom_box, bar.search_bar
        self.banner = QLabel(self)
        self.banner.setObjectName("dossierBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #fff3cd; color: #5c4400; padding: 4px 8px;")
        self.banner.hide()
        self.message = QLabel(self)
        self.message.setObjectName("dossierMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setStyleSheet("font-size: 13pt; color: #444; padding: 24px;")
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.message)
        self.side = QTabWidget(self)
        self.side.setObjectName("dossierSidePanel")
        self.side.setDocumentMode(True)
        self.side.tabBar().setExpanding(True)
        self.side.setUsesScrollButtons(False)
        self.side.setElideMode(Qt.TextElideMode.ElideRight)
        self.side.addTab(self.thumbnails, self.tr("Thumbnails"))
        self.side.addTab(self.outline, self.tr("Outline"))
        self.side.setTabVisible(1, False)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("dossierSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.side)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([self.thumbnails.minimumWidth() + 8, 10_000])
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetNoConstraint)  # see minimumSizeHint()
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)
        self._opening_timer = QTimer(self)
        self._opening_timer.setSingleShot(True)
        self._opening_timer.setInterval(OPENING_MESSAGE_DELAY_MS)
        self._opening_timer.timeout.connect(lambda: self._show_message(self.tr("Opening the dossier…")))
        self.history = PageHistory(self.view)  # before the searcher and the controls: they jump through it
        self.searcher = DossierSearch(self.renderer, self.view, self.search_bar, self.history.jump)
        self.controls = ViewerControls(bar, self.view, lambda: self._info is not None, self.history)
        self.folding = ViewerFolding(self, bar, self.side, self.stack, self.view)
        bar.set_enabled(False, False)

    def _connect(self) -> None:
        r, bar = self.renderer, self.toolbar
        r.opened.connect(self._opened)
        r.failed.connect(self._failed)
        r.layoutReady.connect(self._layout_ready)
        r.reportReady.connect(self.reportReady)
        r.evidenceReady.connect(self.evidenceReady)
        r.damageChanged.connect(self._show_damage)
        r.pageFailed.connect(lambda _page, _message: self._first_page_done())
        self.view.currentPageChanged.connect(self._page_changed)
        self.view.pageShown.connect(self._page_shown)
        self.thumbnails.pageRequested.connect(self.go_to_page)
        self.outline.pageRequested.connect(self.go_to_page)
        bar.a_find.triggered.connect(self.searcher.focus)
        bar.a_find_next.triggered.connect(self.find_next)
        bar.a_find_previous.triggered.connect(self.find_previous)

    # -- the public API --------------------------------------------------------------------------------------
    def open_dossier(
        self,
        path: Path | None,
        expected: Expected | None = None,
        view_state: dict[str, object] | None = None,
        name: str = "",
    ) -> None:
        """Show ``path`` (None: « no dossier deposited »), where :meth:`view_state` left it if given (the first
        page drawn is then that page at that zoom); report and evidence map follow by signal. ``name``: what to
        call the file in a message, when ``path``'s own name means nothing to the jury (the store's content hash)."""
        self._pending_page = None
        self._expected = expected
        self._names = (Path(path).name, name) if path is not None and name else None
        if path is None:
            self._reset()
            self.renderer.close()
            self._show_message(self.tr("No dossier deposited"))
            return
        self._reset(controls=False)
        page = 1
        if view_state:
            self.view.clear()  # the previous dossier's pages are not laid out (nor asked for) at the new zoom
            page = self.controls.restore_zoom(view_state) or 1
            self._pending_page = page
        self._opening_timer.start()
        self._show_pages_area()
        # Opened and its first page drawn before this returns when the worker is idle; by the worker otherwise.
        self.renderer.open(Path(path), self.view.first_view(page))
        if self._info is None:  # the worker opens it (or it cannot be shown): no controls meanwhile
            self._clear_controls()

    def close_dossier(self) -> None:
        self._reset()
        self._pending_page = None
        self.renderer.close()
        self._show_message("")

    def go_to_page(self, n: int) -> None:
        if self._info is None:
            self._pending_page = n
            self.renderer.retarget(self.view.first_view(n))
            return
        self.history.jump(lambda: self.view.go_to_page(n))

    def current_page(self) -> int:
        return self.view.current_page()

    def page_count(self) -> int:
        return self._info.page_count if self._info else 0

    def show_pages(self, pages: Sequence[int]) -> None:
        """Mark ``pages`` (an item's evidence) in the thumbnails and the margin, and show the first."""
        self._pending_pages = sorted({int(p) for p in pages})
        if self._info is None:
            return
        valid = [p for p in self._pending_pages if 1 <= p <= self._info.page_count]
        self.thumbnails.thumbnails.set_marked(valid)
        self.view.set_marked(valid)
        if valid:
            self.history.jump(lambda: self.view.go_to_page(valid[0]))

    def view_state(self) -> dict[str, object]:
        """Where the jury is in this dossier: page, zoom ("fit_width", "fit_page" or a factor), continuous."""
        page = self.view.current_page() if self._info is not None else self._pending_page or 1
        return {"page": page, "zoom": self.view.zoom_mode, "continuous": self.view.continuous}

    def restore_view_state(self, state: dict[str, object]) -> None:
        """Go back to a :meth:`view_state` (the page as soon as the dossier is open); bad values are ignored.
        Right after :meth:`open_dossier`, passing the state to it instead spares drawing page 1 first."""
        page = self.controls.restore_zoom(state)
        if page is not None:
            self.go_to_page(page)
        elif self._info is None:
            self.renderer.retarget(self.view.first_view(self._pending_page or 1))

    def search(self, text: str) -> None:
        """Search the dossier for ``text`` (case and accents ignored); the first hit from this page on shows."""
        self.searcher.search(text)

    def find_next(self) -> None:
        self.searcher.find_next()

    def find_previous(self) -> None:
        self.searcher.find_previous()

    def focus_page_box(self) -> None:
        self.controls.focus_page_box()

    def shutdown(self) -> None:
        """Stop the worker thread (the viewer can open a dossier again later)."""
        self._reset()
        self.renderer.shutdown()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt)
        """Narrower than its full toolbar and side panel: :meth:`resizeEvent` folds them away."""
        return QSize(MINIMUM_WIDTH, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt)
        self.folding.resized(event.size().width())
        super().resizeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt)
        if self.isWindow():
            self.shutdown()
        super().closeEvent(event)

    # -- opening ---------------------------------------------------------------------------------------------
    def _reset(self, controls: bool = True) -> None:
        """Forget the dossier shown. ``controls=False`` leaves the pages, the toolbar, the thumbnails and the tabs as
        they are, for a dossier that may be on screen before :meth:`open_dossier` returns: they are set anew by it,
        and clearing them first would repaint them (scroll bars, side panel) in that very frame, 2 ms measured."""
        self._opening_timer.stop()
        self._info = None
        self._first_done = False
        self._pending_pages = []
        self.history.reset()
        self.searcher.enabled = False
        self.searcher.reset()
        self.banner.hide()
        self.outline.clear()
        if controls:
            self._clear_controls()

    def _clear_controls(self) -> None:
        self.view.clear()
        self.thumbnails.set_sizes([], fresh=True)
        self.side.setTabVisible(1, False)
        self.toolbar.set_enabled(False, False)
        self.toolbar.show_page(0, 0)

    def _opened(self, info: DocumentInfo) -> None:
        """Only what the first page needs; the panels follow once it is on screen (:meth:`_first_page_done`)."""
        self._opening_timer.stop()
        self._info = info
        self._first_done = False
        page, self._pending_page = self._pending_page or 1, None
        self._show_pages_area()
        self.view.set_document(info.page_count, info.first_size, page)

    def _first_page_done(self) -> None:
        """The first page is on screen (or failed): sizes, outline, thumbnails, controls, then the report;
        :attr:`documentLoaded` says the viewer is ready."""
        if self._first_done or self._info is None:
            return
        self._first_done = True
        info = self._info
        self.renderer.release_worker()
        self.renderer.request_layout()
        self.thumbnails.set_sizes([info.first_size] * info.page_count, fresh=True)
        self.thumbnails.follow(self.view.current_page())
        self.toolbar.set_enabled(True, info.analysed)
        self.searcher.enabled = info.analysed
        self.controls.show_page(self.page_count())
        self._show_damage(info.damage)
        if self._pending_pages:
            self.show_pages(self._pending_pages)
        if info.analysed:
            self.renderer.analyse(self._expected)
        self.documentLoaded.emit(info.page_count)

    def _layout_ready(self, sizes: Sequence[tuple[float, float]], outline: Sequence[OutlineEntry]) -> None:
        self.view.set_sizes(sizes)
        self.thumbnails.set_sizes(sizes, fresh=False)
        self.outline.set_outline(outline)
        self.side.setTabVisible(1, bool(outline))

    def _page_shown(self, page: int) -> None:
        self.pageShown.emit(page)
        if not self._first_done:
            # After this paint (the page is what matters first); with the viewer as context, never after it is gone.
            QTimer.singleShot(0, self, self._first_page_done)

    def _failed(self, message: str) -> None:
        self._opening_timer.stop()
        text = message or self.tr("The dossier cannot be shown: internal error (details in the log file).")
        if message and self._names is not None:
            stored, shown = self._names
            text = text.replace(f"« {stored} »", f"« {shown} »")
        if message:
            text += "\n\n" + self.tr(
                "The oral can go on without the dossier on screen: note it as a technical "
                "incident (Ctrl+I) and ask the secretariat for the candidate's file."
            )
        self._info = None
        self.view.clear()
        self._show_message(text)
        self.failed.emit(text)

    def _show_pages_area(self) -> None:
        """The pages (and the side panel) instead of a message, laid out at once: the worker renders the first
        page at the zoom this viewport gives, and a stale size would cost a second render."""
        self.stack.setCurrentWidget(self.view)
        self.folding.show_panel()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)

    def _show_message(self, text: str) -> None:
        """A sentence instead of the pages (and no empty thumbnails beside it). No sentence (a closed viewer):
        the empty pages area and side panel stay as they are, so that the next dossier fills them without the
        viewer's layout changing (the jury's eye stays put, and Qt repaints only the pages: 1 ms less)."""
        self.message.setText(text)
        self.stack.setCurrentWidget(self.message if text else self.view)
        self.folding.show_panel()

    def _show_damage(self, damage: Sequence[Damage]) -> None:
        lines = [d.message for d in damage[:3]]  # French sentences that name their page
        if len(damage) > 3:
            lines.append(fill(self.tr("and %1 more problems"), len(damage) - 3))
        if self._info is not None and not self._info.analysed:
            lines.append(
                fill(
                    self.tr(
                        "This file has %1 pages: the format report, the item pages and search are not "
                        "computed beyond %2 pages."
                    ),
                    self._info.page_count,
                    MAX_ANALYSED_PAGES,
                )
            )
        self.banner.setText("⚠ " + "\n".join(lines))
        self.banner.setVisible(bool(lines))

    # -- following the pages ---------------------------------------------------------------------------------
    def _page_changed(self, page: int) -> None:
        if self._first_done or self._info is None:
            # Before the first page is on screen the controls wait (:meth:`_first_page_done` sets them): the
            # page box and the buttons would otherwise repaint in the very frame of the page. The thumbnails
            # are the previous dossier's then, about to be replaced.
            self.controls.show_page(self.page_count())
            if page:
                self.thumbnails.follow(page)
        if page:
            self.pageChanged.emit(page)
