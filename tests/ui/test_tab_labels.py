"""Issue 12: every tab's label is drawn whole. Under Fusion, a tab that was not the current one read
« Evaluation » for « Éva&luation »: the style clipped its label to a rectangle shorter than the font, and the
accent of the capital went with the clipped row (``ui/tab_label.py``). The ink of each label is measured against
the same text drawn with nothing to clip it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QLabel,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOptionTab,
    QTabBar,
    QToolButton,
)

from c2i2e_jury.ui.main_window import MainWindow
from tests.ui.ink import free_ink_height, ink_height, ink_rows
from tests.ui.test_focus_ring import ringed  # noqa: F401 (the program's style)

pytestmark = pytest.mark.gui

ACCENTED_CAPITALS = set("ÀÂÄÇÉÈÊËÎÏÔÖÙÛÜ")


def label_flags(bar: QTabBar, index: int) -> int:
    """The text flags the style draws a tab's label with (the shortcut's underline shown or not)."""
    option = QStyleOptionTab()
    bar.initStyleOption(option, index)
    shown = bar.style().styleHint(QStyle.StyleHint.SH_UnderlineShortcut, option, bar)
    return int(Qt.AlignmentFlag.AlignCenter) | int(
        Qt.TextFlag.TextShowMnemonic if shown else Qt.TextFlag.TextHideMnemonic
    )


def label_ink(bar: QTabBar, index: int) -> tuple[int, int]:
    """The ink height of the tab's label as drawn, and as it should be."""
    rect = bar.tabRect(index).adjusted(3, 0, -3, 0)  # the tab's frame aside
    drawn = ink_height(bar.grab().toImage(), rect)
    return drawn, free_ink_height(bar.font(), bar.tabText(index), label_flags(bar, index))


def clipped_labels(bar: QTabBar) -> list[str]:
    return [
        f"{bar.tabText(i)!r}: {drawn} rows of ink, {whole} drawn whole"
        for i in range(bar.count())
        for drawn, whole in [label_ink(bar, i)]
        if drawn < whole
    ]


def test_the_accent_of_a_capital_is_drawn_on_a_tab_that_is_not_current(qtbot, ringed):  # noqa: F811
    bar = QTabBar()
    qtbot.addWidget(bar)
    for text in ("Jury", "Évaluation", "Evaluation"):
        bar.addTab(text)
    bar.show()
    qtbot.waitExposed(bar)
    image = bar.grab().toImage()
    accented, plain = (ink_rows(image, bar.tabRect(i).adjusted(3, 0, -3, 0)) for i in (1, 2))
    assert accented[0] < plain[0]  # the accent rises above the unaccented word
    assert clipped_labels(bar) == []


def test_every_tab_of_the_window_draws_its_label_whole_in_french(qtbot, demo_db, french, ringed):  # noqa: F811
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    for name in ("secretariat", "review", "evaluation"):
        window.lazy_tabs.get(name)
    texts, problems = [], []
    for page in range(window.workspaces.count()):  # each workspace shown in turn, with the tab bars it shows
        window.workspaces.setCurrentIndex(page)
        qtbot.waitUntil(window.workspaces.currentWidget().isVisible)
        for bar in (bar for bar in window.findChildren(QTabBar) if bar.isVisible() and bar.count()):
            texts += [bar.tabText(i) for i in range(bar.count())]
            problems += clipped_labels(bar)
    assert "Éva&luation" in texts and any(ACCENTED_CAPITALS & set(text) for text in texts)
    assert problems == []


@pytest.mark.parametrize("kind", [QPushButton, QToolButton, QCheckBox, QRadioButton, QLabel, QGroupBox])
def test_buttons_and_labels_draw_the_accent_of_a_capital(qtbot, ringed, kind):  # noqa: F811
    """No button of the program has an accented capital today: the style is checked for the day one does (a
    clipped « É » draws exactly as « E »)."""

    def drawn(text: str):
        widget = kind()
        if isinstance(widget, QGroupBox):
            widget.setTitle(text)
        else:
            widget.setText(text)
        qtbot.addWidget(widget)
        widget.show()
        qtbot.waitExposed(widget)
        return widget.grab().toImage()

    accented, plain = drawn("Évaluation"), drawn("Evaluation")
    assert accented.size() == plain.size() and accented != plain
