"""Issue 12: the president's table at 1366×768 shows every column: « Signalements », « Jury » and « Évaluateur »
were pushed off screen by columns sized to their content. The columns are fitted to the viewport
(``ui/review/column_fit.py``), the least useful giving room first, every header legible whole."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView

from c2i2e_jury.ui.main_window import MainWindow
from c2i2e_jury.ui.review.column_fit import HEADER_MARGIN, fitted
from c2i2e_jury.ui.review.review_model import COLUMN
from tests.ui.scripted_prompts import Script

pytestmark = pytest.mark.gui


def outside(header: QHeaderView, width: int) -> list[str]:
    """The headers not wholly within ``width`` pixels of the viewport."""
    model = header.model()
    return [
        str(model.headerData(c, Qt.Orientation.Horizontal))
        for c in range(header.count())
        if header.sectionViewportPosition(c) < 0
        or header.sectionViewportPosition(c) + header.sectionSize(c) > width
    ]


def cut_headers(header: QHeaderView) -> list[str]:
    model, metrics = header.model(), header.fontMetrics()
    texts = [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(header.count())]
    return [
        text
        for c, text in enumerate(texts)
        if metrics.horizontalAdvance(text) + HEADER_MARGIN > header.sectionSize(c)
    ]


@pytest.fixture
def president(qtbot, heard_db, french):
    window = MainWindow(heard_db, prompts=Script().prompts())
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.workspaces.setCurrentIndex(window.workspaces.indexOf(window.review))
    qtbot.waitUntil(lambda: window.review.proxy.rowCount() == 12)
    yield window.review  # the window stays referenced while the test runs (qtbot holds it weakly)
    window.close()


def test_every_column_of_the_presidents_table_is_in_view_at_1366_by_768(qtbot, president):
    table, header = president.table, president.table.horizontalHeader()
    assert header.count() == 16 and "Signalements" in [
        header.model().headerData(c, Qt.Orientation.Horizontal) for c in range(16)
    ]
    qtbot.waitUntil(lambda: outside(header, table.viewport().width()) == [])
    assert table.horizontalScrollBar().maximum() == 0
    assert cut_headers(header) == []
    assert table.columnWidth(COLUMN["id"]) >= header.sectionSizeHint(COLUMN["id"])  # « C2017-004 » whole
    assert (
        president.detail.isVisible()
        and president.detail.width() >= president.detail.minimumSizeHint().width()
    )


def test_a_column_the_president_resized_keeps_its_width(qtbot, president):
    table = president.table
    qtbot.waitUntil(lambda: outside(table.horizontalHeader(), table.viewport().width()) == [])
    table.horizontalHeader().resizeSection(COLUMN["flags"], 250)  # as a drag of its edge does
    table.resize(table.width() - 40, table.height())
    assert table.columnWidth(COLUMN["flags"]) == 250 and president.columns.manual


def test_the_least_useful_columns_give_room_first_down_to_their_floor():
    wanted, floors = [80, 200, 100, 100], [80, 150, 60, 90]
    assert fitted(wanted, floors, 500, order=[3, 2, 1]) == wanted  # room enough: as wanted
    assert fitted(wanted, floors, 450, order=[3, 2, 1]) == [80, 200, 80, 90]
    assert fitted(wanted, floors, 380, order=[3, 2, 1]) == [80, 150, 60, 90]  # at the floors
    assert fitted(wanted, floors, 300, order=[3, 2, 1]) == [80, 150, 60, 90]  # not below them
