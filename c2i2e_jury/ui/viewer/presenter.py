"""The presenter's view on the jurors' screen while the slides are full screen on the projector: the slide the room
sees, the next one, « Diapositive n / N », and how long the oral's phase has run (the jury's timer, or the time
since the slideshow opened when no oral timer runs). PowerPoint's and Impress's presenter consoles look alike.

It drives the slides window with the same keys (a clicker plugged into the jurors' laptop sends them here), and
Escape ends the slideshow from it too. Its two slides are drawn in the GUI thread through the slides' file, as the
projector's are (every PyMuPDF call takes the process-wide lock), small and cached for the slide shown.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QElapsedTimer, QRectF, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QColor, QImage, QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from c2i2e_jury.domain.timer_values import Phase, TimerSnapshot
from c2i2e_jury.errors import UserError
from c2i2e_jury.ui.text import fill, format_clock
from c2i2e_jury.ui.viewer.projector import SlidesWindow, fit_image


def elapsed_clock(seconds: float) -> str:
    """``04:07`` for a running time (whole seconds gone, never rounded up)."""
    whole = max(0, int(seconds))
    return f"{whole // 60:02d}:{whole % 60:02d}"


class SlideFrame(QWidget):
    """One slide scaled into the frame on dark grey, or a short text when there is none (after the last)."""

    def __init__(self, window: SlidesWindow, parent: QWidget) -> None:
        super().__init__(parent)
        self._window = window
        self.page: int | None = None
        self.text = ""
        self._image: tuple[tuple[int, int, int], QImage] | None = None
        self.setMinimumSize(160, 90)

    def show_page(self, page: int | None, text: str = "") -> None:
        self.page, self.text = page, text
        self.update()

    def image(self) -> QImage | None:
        """The slide at this frame's size (one kept: the frame shows one slide at a time)."""
        if self.page is None:
            return None
        ratio = self.devicePixelRatioF()
        key = (self.page, round(self.width() * ratio), round(self.height() * ratio))
        if self._image is None or self._image[0] != key:
            self._image = (key, fit_image(self._window.slides, self.page, key[1], key[2], ratio))
        return self._image[1]

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#202020"))
        try:
            image = self.image()
        except UserError as error:
            image, self.text = None, str(error)
        if image is not None:
            size = image.deviceIndependentSize()
            left, top = (self.width() - size.width()) / 2, (self.height() - size.height()) / 2
            painter.drawImage(QRectF(left, top, size.width(), size.height()), image)
        else:
            painter.setPen(QColor("#cccccc"))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.text)
        painter.end()

    def forget(self) -> None:
        self._image = None


class PresenterView(QWidget):
    """The jurors' side of a two-screen slideshow; closing either window ends both."""

    def __init__(
        self,
        window: SlidesWindow,
        timer_source: Callable[[], TimerSnapshot] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("presenterView")
        self.setWindowTitle(self.tr("Presenter view — {name}").format(name=window.slides.name))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._window = window
        self._timer_source = timer_source
        self._since = QElapsedTimer()
        self._since.start()
        self.current = SlideFrame(window, self)
        self.current.setObjectName("presenterCurrent")
        self.next = SlideFrame(window, self)
        self.next.setObjectName("presenterNext")
        self.position = QLabel(self)
        self.position.setObjectName("presenterPosition")
        self.clock = QLabel(self)
        self.clock.setObjectName("presenterClock")
        self.clock.setStyleSheet("font-size: 20pt; font-weight: bold;")
        hint = QLabel(self.tr("Esc ends the slideshow; F5 puts the slides in or out of full screen."), self)
        hint.setWordWrap(True)
        self._lay_out(hint)
        self._ticker = QTimer(self, interval=500)
        self._ticker.timeout.connect(self.refresh_clock)
        self._ticker.start()
        window.pageChanged.connect(self.show_page)
        window.ended.connect(self.close)
        self.show_page(window.page)
        self.refresh_clock()

    def _lay_out(self, hint: QLabel) -> None:
        grid = QGridLayout(self)
        grid.addWidget(QLabel(self.tr("On the projector"), self), 0, 0)
        grid.addWidget(QLabel(self.tr("Next slide"), self), 0, 1)
        grid.addWidget(self.current, 1, 0)
        grid.addWidget(self.next, 1, 1)
        grid.addWidget(self.position, 2, 0)
        grid.addWidget(self.clock, 2, 1)
        grid.addWidget(hint, 3, 0, 1, 2)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        grid.setRowStretch(1, 1)

    def show_page(self, page: int) -> None:
        count = self._window.page_count
        self.current.show_page(page)
        self.next.show_page(page + 1 if page + 1 < count else None, self.tr("End of the slides"))
        self.position.setText(fill(self.tr("Slide %1 / %2"), page + 1, count))

    def clock_text(self) -> str:
        """The oral's phase and its running time (pauses excluded), or the slideshow's own when no oral runs."""
        snapshot = self._timer_source() if self._timer_source is not None else None
        if snapshot is None or snapshot.phase is None:
            return fill(self.tr("Slideshow: %1"), elapsed_clock(self._since.elapsed() / 1000))
        phase = self.tr("Presentation") if snapshot.phase is Phase.PRESENTATION else self.tr("Discussion")
        return fill(
            self.tr("%1: %2 elapsed, %3 left"),
            phase,
            elapsed_clock(snapshot.elapsed),
            format_clock(snapshot.remaining),
        )

    def refresh_clock(self) -> None:
        text = self.clock_text()
        if text != self.clock.text():
            self.clock.setText(text)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if self._window.handle_key(Qt.Key(event.key())):
            event.accept()
        else:
            super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        self._ticker.stop()
        self.current.forget()
        self.next.forget()
        super().closeEvent(event)
        if not self._window.is_ended:
            self._window.close()
