"""The candidate's slides on the projector: a PDF (seed: "aucun autre format de fichier ne sera accepté").

The window goes full screen on the second screen, so the jurors' screen keeps the dossier and the items; with a
single screen it opens as an ordinary window the jury can move (:mod:`c2i2e_jury.ui.viewer.slideshow` places it,
and the presenter's view of :mod:`c2i2e_jury.ui.viewer.presenter`). The candidate drives it with the arrow keys,
Page Up / Page Down (what presentation clickers send), Space, Home / End; B or "." blacks the screen and W or ","
whitens it, as in PowerPoint; Escape ends the slideshow whatever the window shows (full screen, blank, a slide).
An optional small timer in a corner shows the candidate the remaining time.

Pages are rendered in the GUI thread (a slide renders in tens of milliseconds), through the dossier layer, whose
every PyMuPDF call takes the process-wide :data:`~c2i2e_jury.dossier.mupdf_lock.MUPDF` lock: the dossier viewer's
worker may be rendering at the same time, and PyMuPDF must never run in two threads at once (a slide waits at most
for the page the worker is drawing). The current page and its neighbours are kept rendered so that a click shows
the next slide at once; closing the window closes the file and empties MuPDF's store.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QFont,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QWidget

from c2i2e_jury.domain.timer_values import TimerSnapshot, WarningLevel
from c2i2e_jury.dossier.damage import NotPdfError
from c2i2e_jury.dossier.document import Dossier, open_dossier
from c2i2e_jury.errors import UserError
from c2i2e_jury.ui.text import format_clock
from c2i2e_jury.ui.viewer.dossier_pages import SCREEN_ORDER, screen_image

log = logging.getLogger(__name__)

NOT_PDF = (
    "Le diaporama doit être un fichier PDF : aucun autre format n'est accepté (règle de l'épreuve orale)."
)
_NEXT = {
    Qt.Key.Key_Right,
    Qt.Key.Key_Down,
    Qt.Key.Key_PageDown,
    Qt.Key.Key_Space,
    Qt.Key.Key_Return,
    Qt.Key.Key_Enter,
    Qt.Key.Key_N,
}
_PREVIOUS = {Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace, Qt.Key.Key_P}
_BLACK = {Qt.Key.Key_B, Qt.Key.Key_Period}
_WHITE = {Qt.Key.Key_W, Qt.Key.Key_Comma}
_OVERLAY_COLOURS = {
    WarningLevel.NONE: "#ffffff",
    WarningLevel.FIRST: "#ffd166",
    WarningLevel.SECOND: "#ff9f43",
    WarningLevel.OVERTIME: "#ff6b6b",
}


class SlidesError(UserError):
    """Slides that cannot be shown; the message is one French sentence for the jury."""


def load_slides(path: Path | str) -> Dossier:
    """Open a slides file, refusing anything but a readable PDF with the seed's rule."""
    try:
        return open_dossier(path)
    except NotPdfError as error:
        raise SlidesError(NOT_PDF) from error


def fit_image(slides: Dossier, page: int, width: int, height: int, ratio: float) -> QImage:
    """Page ``page`` (from 0) rendered to fit ``width`` x ``height`` device pixels, its proportions kept."""
    page_width, page_height = slides.page_size(page + 1)
    scale = min(width / page_width, height / page_height)
    return screen_image(slides.render(page + 1, scale=max(scale, 0.05), bgr=SCREEN_ORDER), ratio)


class SlidesWindow(QWidget):
    """One slide at a time, scaled to the window with its proportions kept, on black. ``pageChanged`` follows the
    slide shown (the presenter's view listens); ``ended`` says the slideshow is over (the window closed)."""

    pageChanged = Signal(int)
    ended = Signal()

    def __init__(
        self,
        slides: Dossier,
        timer_source: Callable[[], TimerSnapshot] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("slidesWindow")
        self.setWindowTitle(self.tr("Slides — {name}").format(name=slides.name))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._slides = slides
        self._page = 0
        self._ended = False
        # Why the slides are not full screen on a projector, in one sentence ("" when they are).
        self.notice = ""
        self.presenter: QWidget | None = None  # the presenter's view on the jurors' screen, with two screens
        self._blank: str | None = None
        self._cache: dict[tuple[int, int, int], QImage] = {}
        self._timer_source = timer_source
        self._timer_visible = timer_source is not None
        self._overlay_text = ""
        self._overlay_colour = _OVERLAY_COLOURS[WarningLevel.NONE]
        self._prefetch = QTimer(self, singleShot=True, interval=0)
        self._prefetch.timeout.connect(self._render_neighbours)
        self._overlay_clock = QTimer(self, interval=500)
        self._overlay_clock.timeout.connect(self._refresh_overlay)
        if timer_source is not None:
            self._overlay_clock.start()

    # -- navigation ---------------------------------------------------------------------------------------

    @property
    def page(self) -> int:
        """The slide shown, from 0."""
        return self._page

    @property
    def page_count(self) -> int:
        return self._slides.page_count

    @property
    def is_ended(self) -> bool:
        """The slideshow is over: the window was closed (Escape, the jury, the next candidate)."""
        return self._ended

    @property
    def slides(self) -> Dossier:
        """The open slides file (the presenter's view draws from it too, in the GUI thread)."""
        return self._slides

    @property
    def blank(self) -> str | None:
        """None, "black" or "white"."""
        return self._blank

    def go_to(self, page: int) -> None:
        self._blank = None
        page = max(0, min(self.page_count - 1, page))
        changed, self._page = page != self._page, page
        self.update()
        self._prefetch.start()
        if changed:
            self.pageChanged.emit(page)

    def next(self) -> None:
        self.go_to(self._page + 1)

    def previous(self) -> None:
        self.go_to(self._page - 1)

    def set_timer_visible(self, visible: bool) -> None:
        self._timer_visible = visible and self._timer_source is not None
        self._refresh_overlay()

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        """No mouse pointer over a full-screen slide; the jury keeps it on a window it may move."""
        if event.type() == QEvent.Type.WindowStateChange:
            if self.isFullScreen():
                self.setCursor(Qt.CursorShape.BlankCursor)
            else:
                self.unsetCursor()
        super().changeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if self.handle_key(Qt.Key(event.key())):
            event.accept()
        else:
            super().keyPressEvent(event)

    def handle_key(self, key: Qt.Key) -> bool:
        """A clicker's or the keyboard's key, from this window or the presenter's view; False if not ours."""
        if key == Qt.Key.Key_Escape:
            self.close()  # the end of the slideshow, whatever is shown (PowerPoint's Échap)
        elif key in _BLACK or key in _WHITE:
            colour = "black" if key in _BLACK else "white"
            self._blank = None if self._blank == colour else colour
            self.update()
        elif self._blank is not None and (key in _NEXT or key in _PREVIOUS):
            self._blank = None  # as in PowerPoint: the first key brings the slide back
            self.update()
        elif key in _NEXT:
            self.next()
        elif key in _PREVIOUS:
            self.previous()
        elif key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            self.go_to(0 if key == Qt.Key.Key_Home else self.page_count - 1)
        elif key == Qt.Key.Key_F5:
            self.toggle_full_screen()
        else:
            return False
        return True

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        if event.button() == Qt.MouseButton.LeftButton:
            self.next()
        elif event.button() == Qt.MouseButton.RightButton:
            self.previous()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (Qt's name)
        if event.angleDelta().y() < 0:
            self.next()
        elif event.angleDelta().y() > 0:
            self.previous()

    # -- drawing ------------------------------------------------------------------------------------------

    def cached_pages(self) -> set[int]:
        return {page for page, _, _ in self._cache}

    def _image(self, page: int) -> QImage:
        """Page ``page`` rendered for the window's current size (cached: current, previous and next)."""
        ratio = self.devicePixelRatioF()
        size = (round(self.width() * ratio), round(self.height() * ratio))
        key = (page, *size)
        if key not in self._cache:
            image = fit_image(self._slides, page, *size, ratio)
            keep = {self._page - 1, self._page, self._page + 1}
            self._cache = {k: v for k, v in self._cache.items() if k[0] in keep and k[1:] == size}
            self._cache[key] = image
        return self._cache[key]

    def _render_neighbours(self) -> None:
        for page in (self._page + 1, self._page - 1):
            if 0 <= page < self.page_count and self.isVisible():
                try:
                    self._image(page)
                except UserError as error:
                    log.info("slide %d not prepared: %s", page + 1, error)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white" if self._blank == "white" else "black"))
        if self._blank is None:
            self._draw_slide(painter)
        if self._timer_visible and self._overlay_text:
            self._draw_overlay(painter)
        painter.end()

    def _draw_slide(self, painter: QPainter) -> None:
        try:
            image = self._image(self._page)
        except UserError as error:
            painter.setPen(QColor("white"))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, str(error))
            return
        size = image.deviceIndependentSize()
        left = (self.width() - size.width()) / 2
        top = (self.height() - size.height()) / 2
        painter.drawImage(QRectF(left, top, size.width(), size.height()), image)
        if len(self._cache) < min(3, self.page_count) - (self._page in (0, self.page_count - 1)):
            self._prefetch.start()  # the neighbours at this size, once the current slide is on screen

    def _overlay_rect(self) -> QRect:
        height = max(28, self.height() // 18)
        width = height * 3
        margin = height // 3
        return QRect(self.width() - width - margin, self.height() - height - margin, width, height)

    def _draw_overlay(self, painter: QPainter) -> None:
        rect = self._overlay_rect()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(0, 0, 0, 150))
        painter.drawRoundedRect(rect, rect.height() / 4, rect.height() / 4)
        font = QFont(self.font())
        font.setPixelSize(int(rect.height() * 0.6))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor(self._overlay_colour))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self._overlay_text)

    def overlay_text(self) -> str:
        return self._overlay_text if self._timer_visible else ""

    def _refresh_overlay(self) -> None:
        if self._timer_source is None or not self._timer_visible:
            self._overlay_text = ""
        else:
            snap = self._timer_source()
            text = format_clock(snap.remaining) if snap.phase is not None else ""
            colour = _OVERLAY_COLOURS[snap.warning]
            if (text, colour) == (self._overlay_text, self._overlay_colour):
                return
            self._overlay_text, self._overlay_colour = text, colour
        self.update(self._overlay_rect())

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        self._overlay_clock.stop()
        self._prefetch.stop()
        self._cache.clear()
        super().closeEvent(event)
        if not self._ended:
            self._ended = True
            self.ended.emit()  # the presenter's view closes, then the file
            self._slides.close()
