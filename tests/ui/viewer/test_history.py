"""Back and forward in the dossier (Alt+← / Alt+→ and the toolbar's buttons): after a jump (an item's evidence, a
search hit, a page typed, a thumbnail), Back returns to where the juror was reading, at the same place."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from c2i2e_jury.ui import shortcuts
from tests.ui.viewer import test_dossier_viewer as base

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]
ALT = Qt.KeyboardModifier.AltModifier
PAGES, QUERY, WAIT_MS, open_and_show = base.PAGES, base.QUERY, base.WAIT_MS, base.open_and_show
dossier_path, viewer = base.dossier_path, base.viewer  # the viewer's fixtures: a real 15-page dossier, shown


def back(qtbot, viewer) -> None:
    qtbot.keyClick(viewer.view, Qt.Key.Key_Left, ALT)


def forward(qtbot, viewer) -> None:
    qtbot.keyClick(viewer.view, Qt.Key.Key_Right, ALT)


def top_of(viewer, page: int) -> float:
    """Where ``page``'s top is in the pages area (negative: scrolled past)."""
    return viewer.view.page_rect(page).top()


@pytest.fixture
def opened(qtbot, viewer, dossier_path):
    open_and_show(qtbot, viewer, dossier_path)
    viewer.view.setFocus()
    return viewer


def test_back_returns_to_the_place_read_before_an_items_evidence(qtbot, opened):
    viewer = opened
    bar = viewer.toolbar
    assert not bar.a_back.isEnabled() and not bar.a_forward.isEnabled()
    for key in (Qt.Key.Key_Right, Qt.Key.Key_Right, Qt.Key.Key_PageDown):  # reading the middle of page 3
        qtbot.keyClick(viewer.view, key)
    page, top = viewer.current_page(), top_of(viewer, viewer.current_page())
    viewer.show_pages([9, 11])  # the jury selects an item cited on pages 9 and 11
    assert viewer.current_page() == 9
    assert bar.a_back.isEnabled()
    back(qtbot, viewer)
    assert viewer.current_page() == page
    assert top_of(viewer, page) == pytest.approx(top, abs=1.5)
    assert viewer.page_box.value() == page  # the page box follows
    assert bar.a_forward.isEnabled() and not bar.a_back.isEnabled()
    forward(qtbot, viewer)
    assert viewer.current_page() == 9
    assert not bar.a_forward.isEnabled()


def test_search_page_box_and_thumbnails_are_jumps_too(qtbot, opened):
    viewer = opened
    qtbot.keyClick(viewer, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)  # page typed: 12
    qtbot.keyClicks(viewer.page_box, "12")
    qtbot.keyClick(viewer.page_box, Qt.Key.Key_Return)
    assert viewer.current_page() == 12
    with qtbot.waitSignal(viewer.renderer.searched, timeout=WAIT_MS):
        viewer.search(QUERY)  # the first hit from page 12 on (or the first of all)
    hit = viewer.current_page()
    assert hit == viewer.searcher.hits[viewer.searcher.current].page
    viewer.thumbnails.pageRequested.emit(5 if hit != 5 else 6)  # a click on a thumbnail
    thumbnail = viewer.current_page()
    visited = [1, 12, hit, thumbnail]
    positions = [p for i, p in enumerate(visited) if i == 0 or p != visited[i - 1]]
    for expected in reversed(positions[:-1]):
        viewer.toolbar.a_back.trigger()  # the toolbar's button
        assert viewer.current_page() == expected
    assert not viewer.toolbar.a_back.isEnabled()
    for expected in positions[1:]:
        forward(qtbot, viewer)
        assert viewer.current_page() == expected


def test_turning_pages_one_by_one_is_not_a_jump(qtbot, opened):
    viewer = opened
    for key in (Qt.Key.Key_Right, Qt.Key.Key_Right, Qt.Key.Key_End, Qt.Key.Key_PageUp):
        qtbot.keyClick(viewer.view, key)
    assert not viewer.toolbar.a_back.isEnabled()
    page, top = viewer.current_page(), top_of(viewer, viewer.current_page())
    assert page > PAGES - 3
    back(qtbot, viewer)  # nothing to go back to: nothing moves
    assert (viewer.current_page(), top_of(viewer, page)) == (page, top)


def test_a_new_jump_after_back_forgets_forward(qtbot, opened):
    viewer = opened
    viewer.go_to_page(4)
    viewer.go_to_page(8)
    back(qtbot, viewer)
    assert viewer.current_page() == 4
    viewer.show_pages([14])
    assert not viewer.toolbar.a_forward.isEnabled()
    back(qtbot, viewer)
    back(qtbot, viewer)
    assert viewer.current_page() == 1


def test_another_dossier_starts_without_history(qtbot, opened, dossier_path):
    viewer = opened
    viewer.go_to_page(6)
    assert viewer.toolbar.a_back.isEnabled()
    open_and_show(qtbot, viewer, dossier_path)
    assert not viewer.toolbar.a_back.isEnabled() and not viewer.toolbar.a_forward.isEnabled()
    back(qtbot, viewer)
    assert viewer.current_page() == 1


def test_the_keys_are_on_the_f1_sheet_and_in_the_tooltips(viewer):
    dossier = dict(shortcuts.sheets())["Dossier"]
    assert ("Alt+Left / Alt+Right", dict(dossier)["Alt+Left / Alt+Right"]) in dossier
    assert [k.toString() for k in shortcuts.keys("history_back")] == ["Alt+Left"]
    assert [k.toString() for k in shortcuts.keys("history_forward")] == ["Alt+Right"]
    assert "Alt+Left" in viewer.toolbar.a_back.toolTip()
    assert "Alt+Right" in viewer.toolbar.a_forward.toolTip()
    assert viewer.toolbar.a_back.shortcuts() == shortcuts.keys("history_back")
