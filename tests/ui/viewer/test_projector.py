"""The projector window: a real slides PDF driven by the keys a clicker sends; anything else refused."""

from __future__ import annotations

import sys
import zipfile
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from c2i2e_jury.domain.oral_timer import OralTimer
from c2i2e_jury.domain.timer_values import durations
from c2i2e_jury.dossier.mupdf_lock import MUPDF
from c2i2e_jury.ui.viewer.dossier_viewer import DossierViewer
from c2i2e_jury.ui.viewer.projector import NOT_PDF, SlidesError, SlidesWindow, load_slides
from c2i2e_jury.ui.viewer.slideshow import choose_screen, one_screen_notice, open_slides
from tests.dossier.test_document import MupdfWatch
from tests.ui.viewer.slides import centre_colour, make_slides, shows_slide

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


@pytest.fixture
def slides_pdf(tmp_path):
    return make_slides(tmp_path / "diaporama.pdf")


def assert_slide(window: SlidesWindow, index: int) -> None:
    assert window.page == index
    assert shows_slide(window, index)


@pytest.fixture
def window(qtbot, slides_pdf):
    win = open_slides(slides_pdf)
    qtbot.addWidget(win)
    qtbot.waitExposed(win)
    return win


def test_one_screen_opens_a_movable_window(window):
    assert window.isVisible()
    assert not window.isFullScreen()
    assert window.presenter is None
    assert window.notice == one_screen_notice()
    assert window.page_count == 5
    assert window.windowTitle() == "Slides — diaporama.pdf"


def test_keys_and_clicker_drive_the_slides(window, qtbot):
    assert_slide(window, 0)
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert_slide(window, 1)
    qtbot.keyClick(window, Qt.Key.Key_PageDown)  # a clicker's "next"
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert_slide(window, 3)
    qtbot.keyClick(window, Qt.Key.Key_PageUp)  # a clicker's "previous"
    assert_slide(window, 2)
    qtbot.keyClick(window, Qt.Key.Key_End)
    assert_slide(window, 4)
    qtbot.keyClick(window, Qt.Key.Key_Down)
    assert window.page == 4  # no slide past the last
    qtbot.keyClick(window, Qt.Key.Key_Home)
    qtbot.keyClick(window, Qt.Key.Key_Left)
    assert_slide(window, 0)
    qtbot.mouseClick(window, Qt.MouseButton.LeftButton)
    assert window.page == 1


def test_black_screen_as_in_powerpoint(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_B)
    assert window.blank == "black"
    assert centre_colour(window) == QColor("black")
    qtbot.keyClick(window, Qt.Key.Key_PageDown)  # the first key brings the slide back, on the same page
    assert window.blank is None
    assert_slide(window, 0)
    qtbot.keyClick(window, Qt.Key.Key_Period)
    assert window.blank == "black"
    qtbot.keyClick(window, Qt.Key.Key_Period)
    assert window.blank is None
    qtbot.keyClick(window, Qt.Key.Key_W)
    assert centre_colour(window) == QColor("white")


def test_full_screen_toggles(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert window.isFullScreen()
    assert window.cursor().shape() == Qt.CursorShape.BlankCursor
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert not window.isFullScreen()
    assert window.isVisible()
    assert window.cursor().shape() == Qt.CursorShape.ArrowCursor


@pytest.mark.parametrize("state", ["slide", "full screen", "black", "white", "last slide"])
def test_escape_ends_the_slideshow_whatever_it_shows(window, qtbot, state):
    keys = {"full screen": [Qt.Key.Key_F5], "black": [Qt.Key.Key_B], "white": [Qt.Key.Key_F5, Qt.Key.Key_W]}
    for key in keys.get(state, [Qt.Key.Key_End] if state == "last slide" else []):
        qtbot.keyClick(window, key)
    with qtbot.waitSignal(window.ended, timeout=5_000):
        qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.isVisible()
    assert window.is_ended
    assert window.slides.document.is_closed


def test_current_and_next_slides_are_rendered_ahead(window, qtbot):
    window.grab()
    qtbot.waitUntil(lambda: window.cached_pages() == {0, 1})
    qtbot.keyClick(window, Qt.Key.Key_Right)
    window.grab()
    qtbot.waitUntil(lambda: window.cached_pages() == {0, 1, 2})


def test_the_candidate_can_see_a_small_timer(qtbot, slides_pdf):
    mono = [100.0]
    wall = datetime(2017, 6, 12, 8, 0, tzinfo=UTC)
    timer = OralTimer(durations(extra_time_percent=33), monotonic=lambda: mono[0], wall=lambda: wall)
    timer.apply(timer.start())
    mono[0] += 61
    win = open_slides(slides_pdf, timer_source=timer.snapshot)
    qtbot.addWidget(win)
    win._refresh_overlay()
    assert win.overlay_text() == "12:17"
    win.set_timer_visible(False)
    assert win.overlay_text() == ""


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("diaporama.pptx", None),
        ("diaporama.pdf", b"Ceci est un texte, pas un PDF.\n"),
        ("slides.odp", b"PK\x03\x04not really"),
    ],
)
def test_anything_but_a_pdf_is_refused_with_the_rule(tmp_path, name, content):
    path = tmp_path / name
    if content is None:
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("ppt/presentation.xml", "<p:presentation/>")
    else:
        path.write_bytes(content)
    with pytest.raises(SlidesError) as error:
        load_slides(path)
    assert str(error.value) == NOT_PDF
    with pytest.raises(SlidesError):
        open_slides(path)


def test_screen_choice():
    assert choose_screen(["laptop", "projector"], "laptop") == "projector"
    assert choose_screen(["projector", "laptop"], "laptop") == "projector"
    assert choose_screen(["laptop"], "laptop") is None
    assert choose_screen([], None) is None


@pytest.fixture
def frequent_thread_switches():
    """Python hands the GIL over every 10 µs instead of 5 ms: threads interleave between any two MuPDF calls, as
    they may on a loaded machine (without the lock, this test then sees two threads in MuPDF at once)."""
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)
    yield
    sys.setswitchinterval(interval)


@pytest.mark.usefixtures("frequent_thread_switches")
def test_projector_and_viewer_never_run_mupdf_at_once(qtbot, slides_pdf, tmp_path, monkeypatch):
    """The slides render in the GUI thread, the dossier's pages in the viewer's worker: one MUPDF lock for both."""
    from c2i2e_jury.exchange.demo.dossier import make_dossier

    dossier = make_dossier(
        tmp_path / "dupont.pdf", last_name="Dupont", first_name="Élodie", pages=12, screenshots=1, seed=3
    )
    watch = MupdfWatch(monkeypatch)
    viewer = DossierViewer()
    qtbot.addWidget(viewer)
    viewer.resize(700, 600)
    viewer.show()
    qtbot.waitExposed(viewer)
    try:
        with qtbot.waitSignal(viewer.documentLoaded, timeout=10_000):
            viewer.open_dossier(dossier)
        window = open_slides(slides_pdf)
        qtbot.addWidget(window)
        qtbot.waitExposed(window)
        # While the GUI thread is inside MuPDF, the worker asked for a page waits; the projector goes on. The worker
        # first finishes the thumbnails: had it found the lock taken for one of them, it could append to ``waited``
        # before the clearing below and signal ``waiting`` after it (seen once under load).
        qtbot.waitUntil(viewer.renderer.idle_now, timeout=10_000)
        with MUPDF:
            watch.waited.clear()  # the GUI thread may have waited for a thumbnail the worker drew before
            watch.waiting.clear()
            viewer.go_to_page(9)
            assert watch.waiting.wait(timeout=10)
            window.go_to(3)
            window.repaint()
            assert_slide(window, 3)
            assert watch.waited == ["other"]
        with qtbot.waitSignal(viewer.pageShown, timeout=10_000, check_params_cb=lambda page: page == 9):
            pass
        # Many page turns in both, each a page not rendered yet at its zoom: renders in both threads.
        for turn in range(24):
            viewer.view.set_zoom_mode(0.5 + 0.1 * (turn % 6))
            viewer.go_to_page(turn % 12 + 1)
            window.go_to(2 * turn % 5)
            window.repaint()
            QApplication.processEvents()
        qtbot.waitUntil(viewer.renderer.idle_now, timeout=10_000)
        assert_slide(window, 2 * 23 % 5)
        window.close()
    finally:
        viewer.shutdown()
    assert watch.most_inside == 1, "two threads were inside MuPDF at once"
    assert watch.unlocked == []
    assert watch.calls[("fz_run_page", "gui")] >= 24
    assert watch.calls[("fz_run_page", "other")] >= 5
