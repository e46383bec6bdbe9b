"""Where the candidate's slides go: full screen on the projector with the presenter's view on the jurors' screen
when two screens are plugged in (extended desktop), or an ordinary window the jury can move aside when there is
only one (a laptop alone, or a projector that mirrors it), and the jury told so in one sentence.

The screens are an argument (Qt's by default) so that a test gives one or two: anything with ``geometry()`` and
``availableGeometry()`` will do, as :class:`~PySide6.QtGui.QScreen` has.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol, TypeVar

from PySide6.QtCore import QCoreApplication, QRect, Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

from c2i2e_jury.domain.timer_values import TimerSnapshot
from c2i2e_jury.errors import UserError
from c2i2e_jury.ui.prompts import Prompts
from c2i2e_jury.ui.viewer.presenter import PresenterView
from c2i2e_jury.ui.viewer.projector import SlidesWindow, load_slides


class Screen(Protocol):
    def geometry(self) -> QRect: ...
    def availableGeometry(self) -> QRect: ...  # noqa: N802 (Qt's name)


S = TypeVar("S")


def one_screen_notice() -> str:
    """What the jury reads when the slides cannot go to a projector screen of their own."""
    return QCoreApplication.translate(
        "SlidesWindow",
        "Only one screen is connected: the slides open in an ordinary window that you can move or minimise "
        "(set the projector as an extended screen for full screen and the presenter view).",
    )


def choose_screen(screens: Sequence[S], primary: S | None) -> S | None:
    """The projector's screen: the first one that is not the jurors' (primary) screen; None with one screen."""
    return next((screen for screen in screens if screen != primary), None) if len(screens) > 1 else None


def open_slides(
    path: Path | str,
    screens: Sequence[Screen] | None = None,
    *,
    primary: Screen | None = None,
    timer_source: Callable[[], TimerSnapshot] | None = None,
) -> SlidesWindow:
    """Open the slides full screen on the second screen with the presenter's view on the first, or in a movable
    window when there is only one (its :attr:`~SlidesWindow.notice` then says so).

    Raises :class:`~c2i2e_jury.ui.viewer.projector.SlidesError` (or another :class:`UserError`) for a file that
    is not a readable PDF."""
    window = SlidesWindow(load_slides(path), timer_source)
    if screens is None:
        screens, primary = list(QGuiApplication.screens()), primary or QGuiApplication.primaryScreen()
    screens = list(screens)
    primary = primary if primary is not None else (screens[0] if screens else None)
    target = choose_screen(screens, primary)
    if target is not None and primary is not None:
        _on_projector(window, target)
        window.presenter = _presenter(window, primary, timer_source)
        window.presenter.activateWindow()
        window.presenter.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
        return window
    window.notice = one_screen_notice()
    available = screens[0].availableGeometry() if screens else QRect(0, 0, 1280, 800)
    window.resize(min(960, available.width() * 2 // 3), min(600, available.height() * 2 // 3))
    window.move(available.center() - window.rect().center())
    window.show()
    window.activateWindow()
    window.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
    return window


def _on_projector(window: SlidesWindow, target: Screen) -> None:
    if isinstance(target, QScreen):
        window.setScreen(target)
    window.setGeometry(target.geometry())
    window.showFullScreen()


def _presenter(
    window: SlidesWindow, jurors: Screen, timer_source: Callable[[], TimerSnapshot] | None
) -> PresenterView:
    """The presenter's view, two thirds of the jurors' screen, centred: the jury can put it beside the room."""
    view = PresenterView(window, timer_source)
    if isinstance(jurors, QScreen):
        view.setScreen(jurors)
    available = jurors.availableGeometry()
    view.resize(available.width() * 2 // 3, available.height() * 2 // 3)
    view.move(available.center() - view.rect().center())
    view.show()
    return view


def open_slides_dialog(
    parent: QWidget,
    timer_source: Callable[[], TimerSnapshot] | None = None,
    start_dir: str = "",
    prompts: Prompts | None = None,
    screens: Sequence[Screen] | None = None,
) -> SlidesWindow | None:
    """« Ouvrir le diaporama… »: pick the file, open it, or tell the jury in one sentence why not; with one
    screen, tell the jury that the slides are in a window of their own."""
    # "All files" too: a .pptx can be picked, and is then refused with the rule, not silently hidden.
    prompts = prompts or Prompts()
    path = prompts.open_file(
        parent,
        QCoreApplication.translate("SlidesWindow", "Open the slides"),
        start_dir,
        QCoreApplication.translate("SlidesWindow", "PDF slides (*.pdf);;All files (*)"),
    )
    if not path:
        return None
    title = QCoreApplication.translate("SlidesWindow", "Slides")
    try:
        window = open_slides(path, screens, timer_source=timer_source)
    except UserError as error:
        prompts.warn(parent, title, str(error))
        return None
    if window.notice:
        prompts.inform(parent, title, window.notice)
        window.activateWindow()  # the clicker's keys go to the slides again
        window.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
    return window
