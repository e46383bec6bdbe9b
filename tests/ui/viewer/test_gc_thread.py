"""Python's reference cycles are collected in the GUI thread, under the MuPDF lock, never by the viewer's worker.

The day list of issue 12 was reverted because ``test_legible`` segfaulted in the viewer's worker « during text
extraction »: the worker, allocating a page's text, ran Python's cyclic collector in its own thread, which deleted
there a closed window (a Qt widget tree owned by Python, kept alive only by cycles) and Qt crashed. These tests
switch dossiers quickly while the worker extracts their text, leaving cycles behind (Qt widgets, an unclosed
dossier) and forcing collections in the GUI thread."""

from __future__ import annotations

import gc
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox, QWidget

from c2i2e_jury.dossier.document import open_dossier
from c2i2e_jury.dossier.mupdf_lock import MUPDF
from c2i2e_jury.ui import gui_gc
from c2i2e_jury.ui.viewer.dossier_viewer import DossierViewer

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]

WAIT_MS = 60_000
GUI = threading.get_ident()  # the thread that imports the tests is the one that runs Qt


@pytest.fixture(scope="module")
def dossiers(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Two long dossiers: their text takes the worker a while, page after page, allocating all along."""
    from c2i2e_jury.exchange.demo.dossier import make_dossier

    folder = tmp_path_factory.mktemp("gc")
    return [
        make_dossier(
            folder / f"{name}.pdf",
            last_name=name,
            first_name="Anne",
            pages=40,
            screenshots=0,
            seed=n,
            conform=False,
        )
        for n, name in enumerate(("Durand", "Martin"))
    ]


@pytest.fixture
def viewer(qtbot) -> DossierViewer:
    widget = DossierViewer()
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.shutdown()


class Litter:
    """A closed window in miniature: a Python-owned widget tree with a connection inside, kept alive only by a
    cycle; its finalizer says which thread collected it."""

    def __init__(self, where: list[int]) -> None:
        self.me, self.where = self, where
        self.window = QWidget()
        self.combo = QComboBox(self.window)
        self.combo.addItems(["A", "B"])
        self.combo.currentIndexChanged.connect(self.window.update)  # Qt to Qt: no Python reference held

    def __del__(self) -> None:
        self.where.append(threading.get_ident())


def test_cycles_left_while_the_worker_reads_text_are_collected_in_the_gui_thread(qtbot, viewer, dossiers):
    collected: list[int] = []
    for turn in range(6):  # switching dossiers while the worker extracts the previous one's text
        viewer.open_dossier(dossiers[turn % 2])
        for _ in range(5):
            for _ in range(40):
                Litter(collected)
            qtbot.wait(20)  # the worker reads pages meanwhile
    with qtbot.waitSignal(viewer.reportReady, timeout=WAIT_MS):
        viewer.open_dossier(dossiers[0])  # the text read to the end (the report needs all of it)
    with MUPDF:
        gc.collect()  # forced in the GUI thread: what is left of the litter (the timer took the rest)
    assert len(collected) == 6 * 5 * 40
    assert set(collected) == {GUI}, "collected in the worker thread"
    assert not gc.isenabled(), "the worker thread started: automatic collection is off"


def test_a_dossier_left_in_a_cycle_is_closed_under_the_lock_in_the_gui_thread(qtbot, viewer, dossiers):
    """A dossier nobody closed, collected while the worker is inside MuPDF: closed, under the lock, in the GUI
    thread (its document dropped without the lock would race the worker)."""
    viewer.open_dossier(dossiers[1])  # the worker extracts its text meanwhile
    lost = open_dossier(dossiers[0])
    lost.me = lost  # type: ignore[attr-defined]
    document = lost.document
    del lost
    collector = gui_gc.install()
    assert collector is not None
    qtbot.waitUntil(lambda: collector.collect(2, blocking=False) is not None, timeout=WAIT_MS)
    assert document.is_closed
    assert not MUPDF.held(), "the collector gave the lock back"


def test_a_viewer_the_collector_deletes_while_its_worker_reads_is_not_waited_for(qtbot, dossiers, caplog):
    """The collector deletes what it collects inside MuPDF's lock; a viewer's renderer deleted there stopped its
    thread by waiting for it, and that thread waited for the lock: the program froze for the wait's whole bound
    (10 s), logged « still busy », then gave up. Now it is not waited for, and its dossier is closed as it ends."""
    from shiboken6 import delete

    from c2i2e_jury.ui.viewer.render import thread as render_thread

    widget = DossierViewer()
    widget.resize(900, 700)
    widget.show()
    with qtbot.waitSignal(widget.documentLoaded, timeout=WAIT_MS):
        widget.open_dossier(dossiers[1])  # forty pages of text for the worker to read, page after page
    renderer = widget.renderer
    assert not renderer.idle_now(), "the worker is still reading the dossier's text"
    thread = renderer._thread
    with MUPDF:  # as the collector holds it
        qtbot.waitUntil(_a_thread_waits_for_mupdf, timeout=WAIT_MS)  # the worker's next page waits for it
        delete(widget)  # the renderer with it: its thread is stopped from inside the lock
        assert thread.isRunning(), "left to end, not waited for"
    assert "still busy" not in caplog.text
    qtbot.waitUntil(lambda: not render_thread._orphans, timeout=WAIT_MS)
    assert not thread.isRunning()


def _a_thread_waits_for_mupdf() -> bool:
    return any(
        frame.f_code.co_name == "acquire" and frame.f_code.co_filename.endswith("mupdf_lock.py")
        for ident, frame in sys._current_frames().items()
        if ident != GUI
    )
