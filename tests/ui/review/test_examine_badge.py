"""The « À examiner » marker beside a name in the president's table, at 1366×768 in French: the name was cut
(« MARCHAND … ») to leave the marker whole; now the name stays whole and the marker gives, to one short form the same on every row (« ! »)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QStyle

from c2i2e_jury.ui.review.examine_badge import GAP, PAD, SHORT, badge_layout
from c2i2e_jury.ui.review.review_model import COLUMN, EXAMINE_ROLE
from tests.ui.review.test_columns_in_view import president  # noqa: F401 (a fixture)

pytestmark = pytest.mark.gui


def _metrics(font: QFont) -> tuple[QFontMetrics, QFontMetrics]:
    bold = QFont(font)
    bold.setBold(True)
    return QFontMetrics(font), QFontMetrics(bold)


def test_the_names_to_examine_are_whole_at_1366_by_768(qtbot, president):  # noqa: F811
    table = president.table
    model, column = table.model(), COLUMN["name"]
    names, badges = _metrics(table.font())
    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    qtbot.waitUntil(lambda: table.columnWidth(column) < table.sizeHintForColumn(column), timeout=60000)
    width = table.columnWidth(column) - 2 * margin  # the text's room in the cell
    rows = [model.index(row, column) for row in range(model.rowCount())]
    marked = [index for index in rows if index.data(EXAMINE_ROLE)]
    assert marked, "the heard demo has candidates to examine"
    for index in marked:
        name = index.data()
        shown, tag = badge_layout(name, index.data(EXAMINE_ROLE), names, badges, width)
        assert shown == name, (name, width)  # whole
        used = names.horizontalAdvance(shown) + GAP + badges.horizontalAdvance(tag) + 2 * PAD
        assert used <= width, (name, tag, used, width)  # the marker within the cell, after the name
        assert tag == SHORT  # the room was short: the marker gave, the same on every row


def test_the_marker_gives_before_the_name(qapp):
    names, badges = _metrics(QFont())
    name, badge = "LEFÈVRE Gaëlle", "À examiner"
    whole = names.horizontalAdvance(name) + GAP + badges.horizontalAdvance(badge) + 2 * PAD
    assert badge_layout(name, badge, names, badges, whole) == (name, badge)  # room enough: both whole
    assert badge_layout(name, badge, names, badges, whole - 30) == (name, SHORT)  # its short form, never cut
    shown, tag = badge_layout(name, badge, names, badges, names.horizontalAdvance(name))
    assert shown != name and shown.endswith("…") and tag == SHORT  # no room at all: the short marker stays
