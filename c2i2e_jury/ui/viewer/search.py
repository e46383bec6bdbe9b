"""Searching the open dossier: what the jury types is searched after a short pause (or at Enter), every hit is
highlighted on the pages, the first hit from the current page on is shown, and F3 / Shift+F3 (Enter /
Shift+Enter in the field) go round the hits.

The search itself runs in the renderer's worker over the text already extracted for the format report, ignoring
case and accents (:mod:`c2i2e_jury.dossier.search`); only the latest query's answer is shown.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer

from c2i2e_jury.dossier.search import SearchHit
from c2i2e_jury.ui.viewer.page_view import PageView
from c2i2e_jury.ui.viewer.panels import SearchBar
from c2i2e_jury.ui.viewer.render.page_renderer import PageRenderer

SEARCH_DELAY_MS = 300


class DossierSearch(QObject):
    """Links the search bar, the renderer's search and the hits drawn by the view; showing a hit is a ``jump``
    (the viewer's history remembers where the jury was)."""

    def __init__(
        self,
        renderer: PageRenderer,
        view: PageView,
        bar: SearchBar,
        jump: Callable[[Callable[[], object]], object] = lambda go: go(),
    ) -> None:
        super().__init__(bar)
        self._renderer, self._view, self._bar, self._jump = renderer, view, bar, jump
        self.enabled = False  # a dossier is open and its text can be searched
        self.query = ""
        self.hits: list[SearchHit] = []
        self.current = 0
        self._waiting = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(lambda: self.search(bar.field.text()))
        field = bar.field
        field.textEdited.connect(lambda _text: self._timer.start())
        field.submitted.connect(self._submitted)
        field.previousRequested.connect(self.find_previous)
        field.escaped.connect(lambda: view.setFocus(Qt.FocusReason.ShortcutFocusReason))
        bar.next.clicked.connect(self.find_next)
        bar.previous.clicked.connect(self.find_previous)
        renderer.searched.connect(self._searched)

    def reset(self) -> None:
        """Another dossier: no query, no hits."""
        self._timer.stop()
        self.query, self.hits, self.current, self._waiting = "", [], 0, False
        self._bar.field.clear()
        self._bar.show_count(None, None)

    def search(self, text: str) -> None:
        """Search ``text`` now (the field shows it)."""
        self._timer.stop()
        if self._bar.field.text() != text:
            self._bar.field.setText(text)
        self.query = text.strip()
        self.hits, self.current = [], 0
        self._view.set_hits([], None)
        self._waiting = bool(self.query and self.enabled)
        self._bar.show_count(None, None, searching=self._waiting)
        if self._waiting:
            self._renderer.search(self.query)

    def find_next(self) -> None:
        self._step(1)

    def find_previous(self) -> None:
        self._step(-1)

    def focus(self) -> None:
        self._bar.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._bar.field.selectAll()

    def _submitted(self) -> None:
        if self._timer.isActive() or self._bar.field.text().strip() != self.query:
            self.search(self._bar.field.text())
        else:
            self.find_next()

    def _step(self, direction: int) -> None:
        if self._bar.field.text().strip() != self.query:
            self.search(self._bar.field.text())  # F3 after typing: search what was typed
            return
        if self.hits:
            self.current = (self.current + direction) % len(self.hits)
            self._show()

    def _searched(self, query: str, hits: list[SearchHit]) -> None:
        if not self._waiting or query != self.query:
            return
        self._waiting = False
        self.hits = list(hits)
        page = self._view.current_page()
        self.current = next((i for i, hit in enumerate(self.hits) if hit.page >= page), 0)
        self._show()

    def _show(self) -> None:
        current = self.hits[self.current] if self.hits else None
        self._jump(lambda: self._view.set_hits(self.hits, current))
        self._bar.show_count(self.current if self.hits else None, len(self.hits))
