"""The slideshow placed on the screens there are: one screen, a movable window and the jury told so; two screens,
the slides full screen on the projector and the presenter's view (this slide, the next, the oral's time) on the
jurors' screen, both driven by the clicker's keys, and Escape ends it from either."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QRect, Qt

from c2i2e_jury.domain.oral_timer import OralTimer
from c2i2e_jury.domain.timer_values import durations
from c2i2e_jury.ui.viewer.slideshow import one_screen_notice, open_slides, open_slides_dialog
from tests.ui.scripted_prompts import Script
from tests.ui.viewer.slides import make_slides, shows_slide

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


class Display:
    """A screen as the slideshow reads it (what QScreen answers): offscreen Qt has only one screen to give."""

    def __init__(self, x: int, width: int, height: int) -> None:
        self._rect = QRect(x, 0, width, height)

    def geometry(self) -> QRect:
        return self._rect

    def availableGeometry(self) -> QRect:  # noqa: N802 (Qt's name)
        return self._rect.adjusted(0, 0, 0, -40)  # a task bar


LAPTOP, PROJECTOR = Display(0, 1366, 768), Display(1366, 1024, 768)


@pytest.fixture
def slides_pdf(tmp_path):
    return make_slides(tmp_path / "diaporama.pdf")


@pytest.fixture
def oral():
    """An oral's timer 4 min 7 s into the presentation (a 10-minute one)."""
    mono = [100.0]
    wall = datetime(2017, 6, 12, 8, 0, tzinfo=UTC)
    timer = OralTimer(durations(), monotonic=lambda: mono[0], wall=lambda: wall)
    timer.apply(timer.start())
    mono[0] += 247
    return timer


@pytest.fixture
def two_screens(qtbot, slides_pdf, oral):
    window = open_slides(slides_pdf, [LAPTOP, PROJECTOR], primary=LAPTOP, timer_source=oral.snapshot)
    qtbot.addWidget(window)
    qtbot.addWidget(window.presenter)
    qtbot.waitExposed(window.presenter)
    return window, window.presenter


def test_two_screens_slides_full_screen_and_presenter_view_on_the_jurors_screen(two_screens):
    window, presenter = two_screens
    assert window.isFullScreen()
    assert window.notice == ""
    assert presenter.isVisible() and not presenter.isFullScreen()
    assert LAPTOP.availableGeometry().contains(presenter.frameGeometry().center())
    assert presenter.windowTitle() == "Presenter view — diaporama.pdf"
    assert (presenter.current.page, presenter.next.page) == (0, 1)
    assert shows_slide(presenter.current, 0) and shows_slide(presenter.next, 1)
    assert presenter.position.text() == "Slide 1 / 5"
    assert presenter.clock.text() == "Presentation: 04:07 elapsed, 05:53 left"


def test_the_clicker_drives_both_from_the_presenter_view(two_screens, qtbot):
    window, presenter = two_screens
    for key in (Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_Space, Qt.Key.Key_PageUp):
        qtbot.keyClick(presenter, key)
    assert window.page == 2
    assert (presenter.current.page, presenter.next.page) == (2, 3)
    assert shows_slide(presenter.current, 2) and shows_slide(presenter.next, 3)
    assert shows_slide(window, 2)
    assert presenter.position.text() == "Slide 3 / 5"
    qtbot.keyClick(presenter, Qt.Key.Key_End)
    assert presenter.next.page is None
    assert presenter.next.text == "End of the slides"
    qtbot.keyClick(
        window, Qt.Key.Key_Left
    )  # the keys sent to the projector's window move the presenter's too
    assert presenter.current.page == 3


def test_the_presenter_clock_follows_the_oral(two_screens, oral):
    window, presenter = two_screens
    oral.apply(oral.start_discussion())
    presenter.refresh_clock()
    assert presenter.clock.text() == "Discussion: 00:00 elapsed, 20:00 left"


def test_without_an_oral_timer_the_clock_counts_the_slideshow(qtbot, slides_pdf):
    window = open_slides(slides_pdf, [LAPTOP, PROJECTOR], primary=LAPTOP)
    qtbot.addWidget(window)
    assert window.presenter.clock.text() == "Slideshow: 00:00"
    window.close()


@pytest.mark.parametrize("where", ["presenter", "projector"])
def test_escape_ends_both_windows_from_either(two_screens, qtbot, where):
    window, presenter = two_screens
    qtbot.keyClick(presenter, Qt.Key.Key_B)  # black screen: Escape still ends it
    with qtbot.waitSignal(window.ended, timeout=5_000):
        qtbot.keyClick(presenter if where == "presenter" else window, Qt.Key.Key_Escape)
    assert not window.isVisible() and not presenter.isVisible()
    assert window.slides.document.is_closed


def test_closing_the_presenter_view_ends_the_slideshow(two_screens):
    window, presenter = two_screens
    presenter.close()
    assert window.is_ended and not window.isVisible()


def test_one_screen_the_jury_is_told_and_the_window_is_ordinary(qtbot, slides_pdf):
    from PySide6.QtWidgets import QWidget

    room = QWidget()
    qtbot.addWidget(room)
    script = Script(files=[str(slides_pdf)])
    window = open_slides_dialog(room, prompts=script.prompts(), screens=[LAPTOP])
    qtbot.addWidget(window)
    assert script.said("inform") == [one_screen_notice()]
    assert window.isVisible() and not window.isFullScreen()
    assert window.presenter is None
    assert LAPTOP.availableGeometry().contains(window.frameGeometry())
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert window.page == 1


def test_two_screens_the_jury_is_not_interrupted(qtbot, slides_pdf):
    from PySide6.QtWidgets import QWidget

    room = QWidget()
    qtbot.addWidget(room)
    script = Script(files=[str(slides_pdf)])
    window = open_slides_dialog(room, prompts=script.prompts(), screens=[LAPTOP, PROJECTOR])
    qtbot.addWidget(window)
    qtbot.addWidget(window.presenter)
    assert script.shown == []
    assert window.isFullScreen() and window.presenter.isVisible()


def test_a_pptx_is_refused_in_one_sentence(qtbot, tmp_path):
    from PySide6.QtWidgets import QWidget

    room = QWidget()
    qtbot.addWidget(room)
    pptx = tmp_path / "diaporama.pptx"
    pptx.write_bytes(b"PK\x03\x04 not a pdf")
    script = Script(files=[str(pptx)])
    assert open_slides_dialog(room, prompts=script.prompts(), screens=[LAPTOP, PROJECTOR]) is None
    assert len(script.said("warn")) == 1 and "PDF" in script.said("warn")[0]


REAL_SCREENS = """
import json, sys
from PySide6.QtWidgets import QApplication
from c2i2e_jury.ui.viewer.slideshow import open_slides
app = QApplication(sys.argv[:1])
window = open_slides(sys.argv[1])
app.processEvents()
presenter = window.presenter
print(json.dumps({
    "screens": [s.name() for s in app.screens()],
    "slides": [window.screen().name(), window.isFullScreen(), window.geometry().getRect()],
    "presenter": [presenter.screen().name(), presenter.isFullScreen()],
}))
window.close()
"""


def test_with_two_real_screens_qt_reports(tmp_path, slides_pdf):
    """Qt's own screens (the offscreen platform configured with two), not the test's: the default path."""
    config = tmp_path / "screens.json"
    screen = {"y": 0, "height": 768, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
    laptop = {"name": "laptop", "x": 0, "width": 1366, **screen}
    projector = {"name": "projector", "x": 1366, "width": 1024, **screen}
    config.write_text(json.dumps({"screens": [laptop, projector]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    run = subprocess.run(
        [sys.executable, "-c", REAL_SCREENS, str(slides_pdf)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    found = json.loads(run.stdout.strip().splitlines()[-1])
    assert found["screens"] == ["laptop", "projector"]
    assert found["slides"] == ["projector", True, [1366, 0, 1024, 768]]
    assert found["presenter"] == ["laptop", False]
