"""The dossier viewer, driven offscreen on real PDFs: pages, keys, zoom, search, evidence, bad files, the corpus."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pymupdf
import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor
from shiboken6 import isValid

from c2i2e_jury.dossier.evidence import EvidenceMap
from c2i2e_jury.dossier.expected import Expected
from c2i2e_jury.dossier.mupdf_lock import MUPDF
from c2i2e_jury.dossier.report import FormatReport
from c2i2e_jury.ui.viewer.dossier_pages import MAX_ANALYSED_PAGES, MAX_PIXELS
from c2i2e_jury.ui.viewer.dossier_viewer import DossierViewer
from c2i2e_jury.ui.viewer.page_zoom import GAP, RenderKey, render_key
from c2i2e_jury.ui.viewer.panels import ThumbnailModel
from c2i2e_jury.ui.viewer.render.page_cache import PageCache

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]

PAGES = 15
QUERY = "evaluation"  # accents ignored: "évaluation", "Évaluation"
WAIT_MS = 60_000


@pytest.fixture(scope="module")
def dossier_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from c2i2e_jury.exchange.demo.dossier import make_dossier

    return make_dossier(
        tmp_path_factory.mktemp("viewer") / "dupont.pdf",
        last_name="Dupont",
        first_name="Élodie",
        pages=PAGES,
        screenshots=1,
        seed=5,
    )


@pytest.fixture
def viewer(qtbot) -> DossierViewer:
    widget = DossierViewer()
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.shutdown()


def open_and_show(qtbot, viewer: DossierViewer, path: Path | None, expected: Expected | None = None) -> None:
    with qtbot.waitSignals([viewer.documentLoaded, viewer.pageShown], timeout=WAIT_MS):
        viewer.open_dossier(path, expected)


def open_outcome(qtbot, viewer: DossierViewer, path: Path) -> tuple[str, object]:
    """Open ``path``; ("loaded", page count) or ("failed", the sentence shown), whichever comes."""
    outcome: list[tuple[str, object]] = []

    def loaded(count: int) -> None:
        outcome.append(("loaded", count))

    def failed(message: str) -> None:
        outcome.append(("failed", message))

    viewer.documentLoaded.connect(loaded)
    viewer.failed.connect(failed)
    try:
        viewer.open_dossier(path)
        qtbot.waitUntil(lambda: bool(outcome), timeout=WAIT_MS)
    finally:
        viewer.documentLoaded.disconnect(loaded)
        viewer.failed.disconnect(failed)
    return outcome[0]


def turn(qtbot, viewer: DossierViewer, action, page: int) -> None:  # noqa: ANN001
    """Do ``action`` and wait until ``page`` is the current page and painted."""
    with qtbot.waitSignal(viewer.pageShown, timeout=WAIT_MS, check_params_cb=lambda p: p == page):
        action()
    assert viewer.current_page() == page


def pixel(viewer: DossierViewer, x: float, y: float) -> QColor:
    """The colour on screen at viewport coordinates (x, y)."""
    return viewer.view.viewport().grab().toImage().pixelColor(int(x), int(y))


# -- opening and turning pages ------------------------------------------------------------------------------------


def test_a_dossier_opens_on_its_first_page(qtbot, viewer, dossier_path):
    open_and_show(qtbot, viewer, dossier_path)
    assert (viewer.page_count(), viewer.current_page()) == (PAGES, 1)
    assert viewer.page_box.text() == f"Page 1 / {PAGES}"
    rect = viewer.view.page_rect(1)
    centre = pixel(viewer, rect.center().x(), rect.top() + 5)
    assert centre == QColor(Qt.GlobalColor.white)  # the page, not the grey background
    assert viewer.stack.currentWidget() is viewer.view


def test_keys_turn_the_pages_like_a_pdf_reader(qtbot, viewer, dossier_path):
    open_and_show(qtbot, viewer, dossier_path)
    view = viewer.view
    view.setFocus()
    turn(qtbot, viewer, lambda: qtbot.keyClick(view, Qt.Key.Key_Right), 2)
    turn(qtbot, viewer, lambda: qtbot.keyClick(view, Qt.Key.Key_End), PAGES)
    turn(qtbot, viewer, lambda: qtbot.keyClick(view, Qt.Key.Key_Left), PAGES - 1)
    turn(qtbot, viewer, lambda: qtbot.keyClick(view, Qt.Key.Key_Home), 1)
    # One page at a time: Page Down scrolls to the bottom of the page first, then turns it.
    qtbot.keyClick(
        viewer, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier
    )  # fit width: taller than the view
    viewer.restore_view_state({"continuous": False})
    bar = view.verticalScrollBar()
    assert bar.maximum() > 0
    for _ in range(10):
        if bar.value() == bar.maximum():
            break
        qtbot.keyClick(view, Qt.Key.Key_PageDown)
        assert viewer.current_page() == 1
    turn(qtbot, viewer, lambda: qtbot.keyClick(view, Qt.Key.Key_Space), 2)
    assert bar.value() == 0
    # Back with Shift+Space: to the previous page's bottom, as a reader scrolling up expects.
    turn(qtbot, viewer, lambda: qtbot.keyClick(view, Qt.Key.Key_Space, Qt.KeyboardModifier.ShiftModifier), 1)
    assert bar.value() == bar.maximum()


def test_go_to_page_by_call_and_by_ctrl_g(qtbot, viewer, dossier_path):
    open_and_show(qtbot, viewer, dossier_path)
    with qtbot.waitSignal(viewer.pageChanged, check_params_cb=lambda p: p == 7):
        viewer.go_to_page(7)
    assert viewer.page_box.value() == 7
    viewer.go_to_page(999)
    assert viewer.current_page() == PAGES
    qtbot.keyClick(viewer, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert viewer.page_box.hasFocus() or viewer.page_box.lineEdit().hasFocus()
    turn(
        qtbot,
        viewer,
        lambda: (qtbot.keyClicks(viewer.page_box, "4"), qtbot.keyClick(viewer.page_box, Qt.Key.Key_Return)),
        4,
    )


def test_fit_width_fit_page_and_zoom_keys(qtbot, viewer, dossier_path):
    open_and_show(qtbot, viewer, dossier_path)
    view = viewer.view
    width = view.viewport().width()
    assert view.zoom == pytest.approx((width - 2 * GAP) / 595.3, rel=0.01)
    qtbot.keyClick(viewer, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert viewer.view_state()["zoom"] == "fit_page"
    assert view.page_rect(view.current_page()).height() <= view.viewport().height()
    assert viewer.zoom_box.currentText() == "Whole page"
    qtbot.keyClick(viewer, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom == 1.0
    assert viewer.zoom_box.currentText() == "100 %"
    qtbot.keyClick(viewer, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom == 1.1
    qtbot.keyClick(viewer, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(viewer, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom == 0.9
    assert viewer.view_state()["zoom"] == 0.9
    # The page is drawn at the new zoom once rendered, from a key of that zoom.
    qtbot.waitUntil(lambda: viewer.renderer.image(render_key(view.current_page(), 0.9, 1.0)) is not None)


def test_continuous_view_renders_only_what_is_seen(qtbot, viewer, dossier_path):
    open_and_show(qtbot, viewer, dossier_path)
    viewer.go_to_page(8)
    qtbot.waitUntil(viewer.renderer.idle_now, timeout=WAIT_MS)
    zoom = viewer.view.zoom
    full = {key.page for key in viewer.renderer.cache._images if key.zoom == round(zoom, 4)}  # noqa: SLF001
    assert viewer.view.visible_pages()[0] == 8
    assert set(viewer.view.visible_pages()) <= full  # on screen
    assert {7, 9} <= full  # the neighbours, prefetched
    assert not full & {12, 13, 14, 15}  # far pages: placeholders until seen


# -- search ---------------------------------------------------------------------------------------------------------


def test_search_highlights_every_hit_and_f3_cycles(qtbot, viewer, dossier_path):
    open_and_show(qtbot, viewer, dossier_path)
    with qtbot.waitSignal(viewer.renderer.searched, timeout=WAIT_MS):
        viewer.search(QUERY)
    hits = viewer.searcher.hits
    assert hits and len({h.page for h in hits}) >= 3
    total = len(hits)
    assert viewer.search_bar.count.text() == f"1 / {total}"
    first = hits[0]
    assert viewer.current_page() == first.page
    qtbot.waitUntil(lambda: viewer.renderer.image(render_key(first.page, viewer.view.zoom, 1.0)) is not None)
    rect = viewer.view.page_rect(first.page)
    zoom = viewer.view.zoom
    box = first.rects[0]
    image = viewer.view.viewport().grab().toImage()
    row = [
        image.pixelColor(int(rect.left() + x * zoom), int(rect.top() + box.y0 * zoom + 1))
        for x in range(int(box.x0), int(box.x1))
    ]
    orange = [c for c in row if c.red() > 220 and 100 < c.green() < 220 and c.blue() < 140]
    assert len(orange) > len(row) / 2  # the current hit is painted orange over the white page
    pages = [viewer.current_page()]
    for n in range(2, total + 2):
        qtbot.keyClick(viewer, Qt.Key.Key_F3)
        assert viewer.search_bar.count.text() == f"{(n - 1) % total + 1} / {total}"
        pages.append(viewer.current_page())
    assert pages[:total] == [h.page for h in hits]
    assert pages[-1] == first.page  # F3 after the last hit goes back to the first
    qtbot.keyClick(viewer, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert viewer.search_bar.count.text() == f"{total} / {total}"


def test_search_by_typing_and_no_match(qtbot, viewer, dossier_path):
    open_and_show(qtbot, viewer, dossier_path)
    qtbot.keyClick(viewer, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    field = viewer.search_bar.field
    assert field.hasFocus()
    with qtbot.waitSignal(viewer.renderer.searched, timeout=WAIT_MS):
        qtbot.keyClicks(field, "zzzqx")
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert viewer.search_bar.count.text() == "No match"
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert viewer.view.hasFocus()


# -- evidence, report, state --------------------------------------------------------------------------------------


def test_the_report_and_the_evidence_map_arrive_by_signal(qtbot, viewer, dossier_path):
    with (
        qtbot.waitSignal(viewer.reportReady, timeout=WAIT_MS) as report_signal,
        qtbot.waitSignal(viewer.evidenceReady, timeout=WAIT_MS) as evidence_signal,
    ):
        viewer.open_dossier(dossier_path, Expected("Dupont", "Élodie", 2017))
    report, evidence = report_signal.args[0], evidence_signal.args[0]
    assert isinstance(report, FormatReport) and isinstance(evidence, EvidenceMap)
    assert report.pages == PAGES and report.status == "conform"
    assert report.finding("name").ok
    assert len(evidence.items) == 28 and not evidence.uncited()


def test_show_pages_goes_to_the_first_and_marks_them(qtbot, viewer, dossier_path):
    open_and_show(qtbot, viewer, dossier_path)
    with qtbot.waitSignal(viewer.evidenceReady, timeout=WAIT_MS) as blocker:
        pass
    item = blocker.args[0]["B2.3"]
    pages = list(item.pages)
    assert pages
    viewer.show_pages(pages)
    assert viewer.current_page() == pages[0]
    model = viewer.thumbnails.thumbnails
    marked = [
        row + 1
        for row in range(model.rowCount())
        if model.data(model.index(row, 0), Qt.ItemDataRole.BackgroundRole) is not None
    ]
    assert marked == pages
    viewer.show_pages([2])
    assert viewer.current_page() == 2


def test_view_state_round_trip_before_the_dossier_is_open(qtbot, viewer, dossier_path):
    open_and_show(qtbot, viewer, dossier_path)
    viewer.restore_view_state({"continuous": False, "zoom": "fit_page"})
    viewer.go_to_page(6)
    state = viewer.view_state()
    assert state == {"page": 6, "zoom": "fit_page", "continuous": False}
    assert json.loads(json.dumps(state)) == state  # stored as JSON by the jury room
    other = DossierViewer()
    qtbot.addWidget(other)
    other.resize(900, 700)
    other.show()
    with qtbot.waitSignal(other.pageShown, timeout=WAIT_MS, check_params_cb=lambda p: p == 6):
        other.open_dossier(dossier_path)
        other.restore_view_state(state)  # as the jury room does, right after opening
        assert not other.renderer._hold.isActive(), "another page is wanted: the worker is woken at once"  # noqa: SLF001
    assert other.view_state() == state
    other.restore_view_state(
        {"page": "x", "zoom": 99, "continuous": "yes"}
    )  # a corrupt state changes nothing
    assert other.view_state() == state
    other.shutdown()


def test_a_view_state_given_to_open_draws_that_page_first(qtbot, viewer, dossier_path):
    state = {"page": 6, "zoom": "fit_page", "continuous": False}
    viewer.open_dossier(dossier_path, view_state=state)
    assert viewer.view_state() == state
    zoom = viewer.view.zoom
    assert viewer.view.page_rect(6).height() <= viewer.view.viewport().height()  # the whole page
    assert [key.page for key in viewer.renderer.cache._images] == [6]  # noqa: SLF001 (page 1 never drawn)
    assert viewer.renderer.image(render_key(6, zoom, 1.0)) is not None
    with qtbot.waitSignals([viewer.pageShown, viewer.documentLoaded], timeout=WAIT_MS):
        pass
    assert viewer.current_page() == 6 and viewer.page_box.value() == 6


def test_outline_panel_when_the_pdf_has_one(qtbot, viewer, dossier_path):
    open_and_show(qtbot, viewer, dossier_path)
    qtbot.waitUntil(lambda: viewer.side.isTabVisible(1), timeout=WAIT_MS)
    tree = viewer.outline
    assert tree.topLevelItemCount() >= 6  # introduction, parts 1-4, conclusion
    item = next(
        tree.topLevelItem(i)
        for i in range(tree.topLevelItemCount())
        if tree.topLevelItem(i).text(0).startswith("Conclusion")
    )
    tree.itemClicked.emit(item, 0)
    assert viewer.current_page() == item.data(0, Qt.ItemDataRole.UserRole + 1)


def test_thumbnail_model(qtmodeltester, qtbot, viewer, dossier_path):
    open_and_show(qtbot, viewer, dossier_path)
    model = viewer.thumbnails.thumbnails
    assert isinstance(model, ThumbnailModel) and model.rowCount() == PAGES
    qtmodeltester.check(model)
    assert model.rowCount(model.index(0, 0)) == 0 and model.data(QModelIndex()) is None
    first_key = model.key(1)
    qtbot.waitUntil(lambda: viewer.renderer.image(first_key) is not None, timeout=WAIT_MS)
    width = model.data(model.index(0, 0), Qt.ItemDataRole.DecorationRole).width()
    assert abs(width - first_key.zoom * 595.3) <= 1  # the rendered thumbnail, not the blank placeholder


# -- files that cannot be shown -----------------------------------------------------------------------------------


def bad_files(folder: Path, source: Path) -> dict[str, tuple[Path, str]]:
    folder.mkdir(exist_ok=True)
    encrypted = folder / "encrypted.pdf"
    with pymupdf.open(source) as doc:
        doc.save(encrypted, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="secret", owner_pw="owner")
    empty = folder / "empty.pdf"
    empty.write_bytes(b"")
    word = folder / "dossier.pdf"
    word.write_bytes(b"PK\x03\x04" + b"\0" * 200)
    text = folder / "notes.pdf"
    text.write_text("Ceci est un fichier texte.", encoding="utf-8")
    folder_named_pdf = folder / "dossier-folder.pdf"
    folder_named_pdf.mkdir()
    garbage = folder / "garbage.pdf"
    garbage.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40)
    return {
        "encrypted": (encrypted, "mot de passe"),
        "empty": (empty, "vide"),
        "word": (word, "n'est pas un PDF"),
        "text": (text, "n'est pas un PDF"),
        "garbage": (garbage, "endommagé"),
        "folder": (folder_named_pdf, "Impossible de lire"),
        "missing": (folder / "absent.pdf", "Impossible de lire"),
    }


def test_files_that_cannot_be_shown_give_a_sentence_and_failed(qtbot, viewer, dossier_path, tmp_path):
    for name, (path, words) in bad_files(tmp_path, dossier_path).items():
        with qtbot.waitSignal(viewer.failed, timeout=WAIT_MS) as blocker:
            viewer.open_dossier(path)
        assert words in blocker.args[0], name
        assert viewer.message.text() == blocker.args[0]
        assert viewer.stack.currentWidget() is viewer.message
        assert viewer.page_count() == 0 and not viewer.page_box.isEnabled()
        assert not viewer.toolbar.a_find.isEnabled()
    open_and_show(qtbot, viewer, dossier_path)  # and the next dossier opens normally
    assert viewer.page_count() == PAGES


@pytest.mark.parametrize(("keep", "outcome"), [(2 / 3, "failed"), ("xref", "loaded")])
def test_a_truncated_file_is_refused_or_shown_with_a_warning(
    qtbot, viewer, dossier_path, tmp_path, keep, outcome
):
    """Cut in the middle, no page is left (refused); cut in the cross-reference table at the end, MuPDF rebuilds
    it: the pages show, under a warning band, and the format report says "unreadable"."""
    data = dossier_path.read_bytes()
    truncated = tmp_path / "truncated.pdf"
    end = data.rindex(b"\nxref\n") + 64 if keep == "xref" else int(len(data) * keep)  # 64: within the table
    truncated.write_bytes(data[:end])
    reports: list[FormatReport] = []
    viewer.reportReady.connect(reports.append)
    kind, value = open_outcome(qtbot, viewer, truncated)
    assert kind == outcome
    if kind == "failed":
        assert "endommagé" in str(value) and viewer.message.text() == value
        return
    qtbot.waitUntil(lambda: bool(reports), timeout=WAIT_MS)
    assert viewer.banner.isVisible() and "endommagé" in viewer.banner.text()
    assert reports[-1].status == "unreadable"


def test_a_damaged_page_shows_a_warning_and_the_report_says_so(qtbot, viewer, tmp_path):
    path = tmp_path / "damaged.pdf"
    with pymupdf.open() as doc:
        for n in range(3):
            doc.new_page().insert_text((72, 72), f"Page {n + 1}", fontsize=20)
        xref = doc[1].get_contents()[0]
        doc.update_stream(xref, b"\x78\x9c not zlib data", compress=False)  # page 2's content is corrupt
        doc.xref_set_key(xref, "Filter", "/FlateDecode")
        doc.save(path)
    reports: list[FormatReport] = []
    viewer.reportReady.connect(reports.append)
    open_and_show(qtbot, viewer, path)
    turn(qtbot, viewer, lambda: viewer.go_to_page(2), 2)
    qtbot.waitUntil(lambda: viewer.banner.isVisible(), timeout=WAIT_MS)
    assert "page 2" in viewer.banner.text()
    qtbot.waitUntil(lambda: bool(reports) and reports[-1].status == "unreadable", timeout=WAIT_MS)


def test_no_dossier_and_closing(qtbot, viewer, dossier_path):
    viewer.open_dossier(None)
    assert viewer.message.text() == "No dossier deposited"
    assert viewer.stack.currentWidget() is viewer.message
    open_and_show(qtbot, viewer, dossier_path)
    viewer.close_dossier()
    assert viewer.page_count() == 0 and viewer.current_page() == 0
    assert viewer.view_state()["page"] == 1


def test_the_closed_viewer_keeps_its_frame_for_the_next_dossier(qtbot, viewer, dossier_path):
    """Between two candidates the pages area, the side panel and the toolbar stay where they are (grey, empty,
    nothing to scroll): the next dossier fills them without the viewer's layout moving."""
    open_and_show(qtbot, viewer, dossier_path)
    box_size, side_width = viewer.page_box.size(), viewer.side.width()
    viewer.close_dossier()
    qtbot.wait(20)
    assert viewer.stack.currentWidget() is viewer.view and viewer.side.isVisible()
    assert viewer.page_box.text() == "Page –" and not viewer.page_box.isEnabled()
    assert not viewer.view.verticalScrollBar().isEnabled()  # no handle filling the bar
    assert pixel(viewer, 40, 40) == viewer.view.viewport().palette().color(
        viewer.view.viewport().backgroundRole()
    )
    assert pixel(viewer, 40, 40) != QColor(Qt.GlobalColor.white)
    open_and_show(qtbot, viewer, dossier_path)
    assert viewer.page_box.text() == f"Page 1 / {PAGES}" and viewer.view.verticalScrollBar().isEnabled()
    assert (viewer.page_box.size(), viewer.side.width()) == (box_size, side_width)


def test_an_enormous_page_is_rendered_capped(qtbot, viewer, tmp_path):
    path = tmp_path / "poster.pdf"
    with pymupdf.open() as doc:
        page = doc.new_page(width=14_000, height=14_000)  # PDF's largest page is 14,400 pt
        page.insert_text((100, 400), "Affiche", fontsize=300)
        doc.save(path)
    open_and_show(qtbot, viewer, path)
    viewer.restore_view_state({"zoom": 4.0})
    key = render_key(1, 4.0, viewer.view.devicePixelRatioF())
    qtbot.waitUntil(lambda: viewer.renderer.image(key) is not None, timeout=WAIT_MS)  # speed: bench_viewer.py
    image = viewer.renderer.image(key)
    assert image.width() * image.height() <= MAX_PIXELS * 1.01
    assert image.width() < 14_000 * 4


def test_a_file_of_many_pages_is_browsable_without_report(qtbot, viewer, tmp_path):
    path = tmp_path / "many.pdf"
    with pymupdf.open() as doc:
        for n in range(MAX_ANALYSED_PAGES + 100):
            doc.new_page().insert_text((72, 72), f"Page {n + 1}")
        doc.save(path)
    reports: list[object] = []
    viewer.reportReady.connect(reports.append)
    open_and_show(qtbot, viewer, path)
    assert str(MAX_ANALYSED_PAGES + 100) in viewer.banner.text()
    assert not viewer.search_bar.isEnabled() and not viewer.toolbar.a_find.isEnabled()
    turn(qtbot, viewer, lambda: viewer.go_to_page(MAX_ANALYSED_PAGES + 100), MAX_ANALYSED_PAGES + 100)
    qtbot.waitUntil(viewer.renderer.idle_now, timeout=WAIT_MS)
    assert reports == []  # no text extraction of 600 pages blocking the renders


def test_results_of_a_previous_dossier_are_dropped(qtbot, viewer, dossier_path, tmp_path):
    small = tmp_path / "three.pdf"
    with pymupdf.open() as doc:
        for _ in range(3):
            doc.new_page()
        doc.save(small)
    loaded: list[int] = []
    viewer.documentLoaded.connect(loaded.append)
    with qtbot.waitSignal(viewer.pageShown, timeout=WAIT_MS):
        viewer.open_dossier(dossier_path)
        viewer.open_dossier(small)  # the jury chose another candidate at once
    qtbot.waitUntil(viewer.renderer.idle_now, timeout=WAIT_MS)
    assert loaded[-1] == 3 and viewer.page_count() == 3
    assert PAGES not in loaded or loaded.index(PAGES) < loaded.index(3)


# -- lifetime -----------------------------------------------------------------------------------------------------


def test_closing_the_viewer_stops_its_thread(qtbot, dossier_path):
    viewer = DossierViewer()
    viewer.resize(600, 500)
    viewer.show()
    open_and_show(qtbot, viewer, dossier_path)
    thread = viewer.renderer._thread  # noqa: SLF001
    assert thread is not None and thread.isRunning()
    viewer.close()  # a top-level viewer closed by its window's button
    assert thread.isFinished() and not viewer.renderer.running
    viewer.show()
    open_and_show(qtbot, viewer, dossier_path)  # opened again: a new thread
    assert viewer.renderer.running
    # Deleted by its parent while the worker is busy: the thread is stopped, no "QThread destroyed" abort.
    thread = viewer.renderer._thread  # noqa: SLF001
    viewer.go_to_page(9)
    viewer.deleteLater()
    qtbot.waitUntil(lambda: not isValid(viewer), timeout=WAIT_MS)
    assert thread.isFinished()


def test_an_idle_viewer_shows_the_first_page_before_open_returns(qtbot, viewer, dossier_path):
    """The worker idle, the GUI thread opens the dossier and draws its first page itself (no hand-off, no wake-up),
    then hands the dossier to the worker, which does the rest."""
    open_and_show(qtbot, viewer, dossier_path)
    viewer.go_to_page(6)
    qtbot.waitUntil(viewer.renderer.idle_now, timeout=WAIT_MS)
    viewer.open_dossier(dossier_path)  # the same file again: a new dossier, back on page 1
    assert (viewer.page_count(), viewer.current_page()) == (PAGES, 1)
    assert viewer.renderer.image(render_key(1, viewer.view.zoom, 1.0)) is not None
    with qtbot.waitSignals([viewer.pageShown, viewer.documentLoaded], timeout=WAIT_MS):
        pass  # painted at the next turn of the event loop; the panels follow
    turn(qtbot, viewer, lambda: viewer.go_to_page(5), 5)  # rendered by the worker, which now owns the dossier
    with qtbot.waitSignal(viewer.renderer.searched, timeout=WAIT_MS):
        viewer.search(QUERY)
    assert viewer.searcher.hits


def test_while_another_thread_is_in_mupdf_the_worker_opens_the_dossier(qtbot, viewer, dossier_path):
    """The GUI thread never waits for MuPDF to open a dossier: busy elsewhere, the worker does it as before."""
    inside, leave = threading.Event(), threading.Event()

    def busy() -> None:
        with MUPDF:
            inside.set()
            leave.wait(WAIT_MS / 1000)

    other = threading.Thread(target=busy)
    other.start()
    assert inside.wait(WAIT_MS / 1000)
    try:
        viewer.open_dossier(dossier_path)
        assert viewer.page_count() == 0, "not opened in the GUI thread"
        assert not viewer.toolbar.a_next.isEnabled()
    finally:
        leave.set()
        other.join()
    with qtbot.waitSignals([viewer.pageShown, viewer.documentLoaded], timeout=WAIT_MS):
        pass
    assert viewer.page_count() == PAGES and viewer.toolbar.a_next.isEnabled()


def test_every_dossier_opened_is_closed(qtbot, viewer, dossier_path, monkeypatch):
    """Handed to the worker, replaced before the worker took it, or left when the viewer shuts: all closed."""
    from c2i2e_jury.ui.viewer import dossier_pages

    opened: list = []
    real = dossier_pages.open_dossier

    def recording(path):  # noqa: ANN001, ANN202
        opened.append(real(path))
        return opened[-1]

    monkeypatch.setattr(dossier_pages, "open_dossier", recording)
    viewer.open_dossier(dossier_path)  # opened here, handed to the worker after the first paint...
    viewer.open_dossier(dossier_path)  # ...but another is asked for first: the worker opens that one
    with qtbot.waitSignals([viewer.pageShown, viewer.documentLoaded], timeout=WAIT_MS):
        pass
    qtbot.waitUntil(viewer.renderer.idle_now, timeout=WAIT_MS)
    assert len(opened) == 2
    assert opened[0].document.is_closed and not opened[1].document.is_closed
    viewer.open_dossier(dossier_path)  # opened here; the viewer shuts before the worker takes it
    assert len(opened) == 3 and viewer.page_count() == PAGES
    viewer.shutdown()
    assert all(dossier.document.is_closed for dossier in opened)


VIEWER_SCRIPT = """
import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

app = QApplication([])
from c2i2e_jury.ui.viewer.dossier_viewer import DossierViewer
from c2i2e_jury.ui.viewer.page_zoom import render_key

viewer = DossierViewer()
viewer.resize(650, 550)
viewer.show()
loop = QEventLoop()
viewer.{signal}.connect(loop.quit)
QTimer.singleShot(10_000, loop.quit)
viewer.open_dossier(Path(sys.argv[1]))
loop.exec()
"""


def run_viewer(
    tmp_path: Path, dossier: Path, signal: str, then: str, **env: str
) -> subprocess.CompletedProcess:
    """The viewer in a process of its own (offscreen, ``env`` added): open ``dossier``, wait for ``signal``, run
    the lines ``then``; what it printed, and how it ended."""
    script = tmp_path / "viewer_script.py"
    script.write_text(VIEWER_SCRIPT.format(signal=signal) + textwrap.dedent(then), encoding="utf-8")
    return subprocess.run(
        [sys.executable, str(script), str(dossier)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **env},
    )


def test_a_script_that_never_shuts_its_viewer_exits_cleanly(dossier_path, tmp_path):
    """At exit the worker is stopped and its dossier closed (MuPDF's store emptied): no error on the way out."""
    result = run_viewer(
        tmp_path,
        dossier_path,
        "documentLoaded",
        """
        viewer.go_to_page(7)  # a render asked for, maybe still in the worker at exit
        print("pages", viewer.page_count())
    """,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["pages", str(PAGES)]
    assert "Traceback" not in result.stderr and "Error" not in result.stderr, result.stderr


def test_pages_are_drawn_at_the_screens_density(dossier_path, tmp_path):
    """On a high-DPI screen (here Qt scaled by 2) a page is rendered with twice the pixels of its place on screen
    and painted 1:1, so that the dossier's text stays sharp."""
    result = run_viewer(
        tmp_path,
        dossier_path,
        "pageShown",
        """
        view = viewer.view
        image = viewer.renderer.image(render_key(1, view.page_zoom(1), view.devicePixelRatioF()))
        print(view.devicePixelRatioF(), round(view.page_rect(1).width()), image.width(), image.devicePixelRatio())
        viewer.shutdown()
    """,
        QT_SCALE_FACTOR="2",
    )
    assert result.returncode == 0, result.stderr
    dpr, logical, pixels, image_dpr = result.stdout.split()
    assert float(dpr) == 2.0 and float(image_dpr) == 2.0
    assert abs(int(pixels) - 2 * int(logical)) <= 2, result.stdout


def test_page_cache_is_bounded_in_bytes():
    from PySide6.QtGui import QImage

    cache = PageCache(max_bytes=3 * 100 * 100 * 4)
    keys = [RenderKey(page, 1.0, 1.0) for page in range(1, 6)]
    for key in keys:
        cache.put(key, QImage(100, 100, QImage.Format.Format_RGB32))
    assert len(cache) == 3 and cache.nbytes <= cache.max_bytes
    assert keys[0] not in cache and keys[-1] in cache
    cache.get(keys[2])  # used: now the most recent
    dropped = cache.put(RenderKey(9, 1.0, 1.0), QImage(100, 100, QImage.Format.Format_RGB32), keep=[keys[3]])
    assert dropped == [keys[4]]  # the least recent that is not on screen
    assert cache.nearest(3, 2.0) is not None and cache.nearest(42, 1.0) is None


# -- the corpus -----------------------------------------------------------------------------------------------------


def test_every_corpus_file_opens_and_every_page_renders(qtbot, viewer, corpus_dir):
    """Every file, its first 25 pages (5 in the fast loop: its every page is what the whole run adds)."""
    from tests import property_budget

    pages = 5 if property_budget.fast_loop else 25
    encrypted = {
        entry["path"].replace("/", "_")
        for entry in json.loads((corpus_dir / "files.json").read_text(encoding="utf-8"))["data"]
        if entry.get("encrypted")
    }
    outcomes: dict[str, str] = {}
    for path in sorted(corpus_dir.glob("*.pdf")):
        kind, _ = open_outcome(qtbot, viewer, path)
        if kind == "failed":
            outcomes[path.name] = "refused"
            assert viewer.message.text()
            continue
        for page in range(1, min(viewer.page_count(), pages) + 1):
            viewer.go_to_page(page)
            qtbot.waitUntil(
                lambda p=page: (
                    viewer.renderer.image(render_key(p, viewer.view.zoom, 1.0)) is not None
                    or p in viewer.renderer.failed_pages
                ),
                timeout=WAIT_MS,
            )
        qtbot.waitUntil(viewer.renderer.idle_now, timeout=WAIT_MS)
        outcomes[path.name] = "shown"
    assert {name for name, outcome in outcomes.items() if outcome == "refused"} >= encrypted
    assert sum(1 for outcome in outcomes.values() if outcome == "shown") >= 28


def test_page_layout_geometry():
    from c2i2e_jury.ui.viewer.page_layout import PageLayout

    layout = PageLayout()
    layout.sizes = [(600.0, 800.0), (800.0, 600.0), (600.0, 800.0)]  # a landscape page in the middle
    layout.place(0.5, [1, 2, 3])
    assert layout.content == (400 + 2 * GAP, GAP + 400 + GAP + 300 + GAP + 400 + GAP)
    assert layout.rect(1).left() == (layout.content[0] - 300) // 2  # centred, whole pixels
    assert layout.rect(2).top() == GAP + 400 + GAP
    assert layout.visible(0, 300) == [1]
    assert layout.visible(300, 500) == [1, 2]
    assert layout.most_visible(300, 500) == 1  # 110 px of page 1 against 80 of page 2
    assert layout.most_visible(350, 600) == 2  # 60 against 180
    assert layout.anchor(GAP + 200, 800) == (1, 0.5)
    assert layout.scroll_for(2, 250) == GAP + 400
    assert layout.scroll_for(2, 250, at_bottom=True) == GAP + 400 + GAP + 300 + GAP - 250
    layout.place(0.5, [2])  # one page at a time
    assert layout.rect(1).isEmpty() and layout.visible(0, 1000) == [2] and layout.scroll_for(3, 100) is None


def test_a_narrow_viewer_folds_its_panel_and_search_row(qtbot, viewer, dossier_path):
    open_and_show(qtbot, viewer, dossier_path)
    assert viewer.side.isVisible() and not viewer.toolbar.compact
    viewer.resize(480, 600)
    qtbot.waitUntil(lambda: not viewer.side.isVisible())
    assert viewer.toolbar.compact and viewer.search_bar.isVisible()
    assert viewer.minimumSizeHint().width() <= 480  # the jury room can give it less than its full toolbar
    assert viewer.search_bar.geometry().right() <= viewer.toolbar.width()
    qtbot.keyClick(viewer, Qt.Key.Key_F9)  # the jury asks for the panel anyway
    assert viewer.side.isVisible()
    viewer.resize(900, 700)
    qtbot.waitUntil(lambda: not viewer.toolbar.compact)
    assert viewer.side.isVisible()


def test_a_squeezed_zoom_box_shows_the_start_of_its_text_before_any_dossier(qtbot, viewer):
    """Issue 12: the evaluator's narrow viewer read « ır de page » (the end of « Largeur de page ») until a dossier
    was opened."""
    viewer.resize(480, 600)
    qtbot.waitUntil(lambda: viewer.toolbar.compact)
    line = viewer.zoom_box.lineEdit()
    assert line.text() == "Page width" and line.cursorPosition() == 0


def test_a_dossier_that_cannot_be_shown_is_named_as_the_jury_knows_it(qtbot, viewer, tmp_path):
    """The store names a dossier by its content (64 hexadecimal digits): the message names the file the candidate
    deposited, and says how the oral goes on."""
    stored = tmp_path / ("ab" * 32 + ".pdf")
    stored.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 50)
    with qtbot.waitSignal(viewer.failed, timeout=WAIT_MS) as blocker:
        viewer.open_dossier(stored, name="dossier-dupont.pdf")
    message = blocker.args[0]
    assert "« dossier-dupont.pdf »" in message and "abab" not in message
    assert "Ctrl+I" in message and viewer.message.text() == message
