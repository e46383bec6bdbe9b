"""Every state of the jury room and its timer, in French, in English and in a pseudo-translation 40 % longer,
at 1366×768 and 1920×1080: no text is cut and no label or button is drawn over a sibling (the font's metrics
against the widgets' geometry), and ten items or more show at once."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QListWidget, QStyle, QWidget
from sqlalchemy import select

from c2i2e_jury.services import jury_room
from c2i2e_jury.storage.database import Database, open_database
from c2i2e_jury.storage.models import Candidate
from c2i2e_jury.ui import i18n
from c2i2e_jury.ui.main_window import MainWindow
from c2i2e_jury.ui.prompts import Prompts
from tests.ui.room_states import STATES, show_state

pytestmark = pytest.mark.gui

SIZES = [(1366, 768), (1920, 1080)]
LANGUAGES = [("fr", 1.0), ("en", 1.0), ("fr", 1.4)]
ALL_STATES = ["no_candidate", *STATES, "signed"]


@pytest.fixture
def imported(tmp_path, demo_package_dir) -> Path:
    """The demo campaign imported once per test (its dossiers go to the test's data folder); each state starts
    from a copy."""
    from c2i2e_jury.services.campaign_import import import_package

    path = tmp_path / "demo-template.sqlite"
    db = open_database(str(path))
    import_package(db, demo_package_dir)
    db.dispose()
    return path


@pytest.fixture
def copies(tmp_path) -> Iterator[callable]:
    opened: list[Database] = []

    def copy(template: Path, name: str) -> Database:
        target = tmp_path / f"{name}.sqlite"
        shutil.copyfile(template, target)
        opened.append(open_database(str(target)))
        return opened[-1]

    yield copy
    for db in opened:
        db.dispose()


def text_problems(root: QWidget) -> list[str]:
    """Each shown label or button whose text needs more room than it has, or that overlaps a sibling."""
    shown = [
        w
        for w in root.findChildren(QWidget)
        if w.isVisibleTo(root)
        and isinstance(w, QLabel | QAbstractButton)
        and (w.text() or w.icon().isNull() if isinstance(w, QAbstractButton) else w.text())
    ]
    problems = [f"{_name(w)} cut: {w.size().toTuple()} < {_needed(w)}" for w in shown if _cut(w)]
    for entries in (w for w in root.findChildren(QListWidget) if w.isVisibleTo(root)):
        problems += cut_entries(entries)
    for n, first in enumerate(shown):
        for second in shown[n + 1 :]:
            if first.parent() is second.parent() and first.geometry().intersects(second.geometry()):
                problems.append(f"{_name(first)} overlaps {_name(second)}")
    return problems


def cut_entries(entries: QListWidget) -> list[str]:
    """Each entry of a list (the timer's log) whose text needs more room than its row has in the viewport."""
    margin = entries.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, entries) + 1
    problems = []
    for item in (entries.item(row) for row in range(entries.count())):
        row = entries.visualItemRect(item)
        width = min(row.width(), entries.viewport().width()) - 2 * margin
        wrap = Qt.TextFlag.TextWordWrap if entries.wordWrap() else 0
        needed = entries.fontMetrics().boundingRect(QRect(0, 0, width, 1 << 20), int(wrap), item.text())
        if needed.width() > width or needed.height() > row.height():
            problems.append(f"{entries.objectName()} « {item.text()} » cut: {row.size().toTuple()}")
    return problems


def _needed(widget: QWidget) -> tuple[int, int]:
    if isinstance(widget, QLabel) and widget.wordWrap():
        return widget.width(), widget.heightForWidth(widget.width())
    return widget.sizeHint().toTuple()


def _cut(widget: QWidget) -> bool:
    if not widget.text():
        return False
    width, height = _needed(widget)
    if isinstance(widget, QLabel) and widget.wordWrap():
        return height > widget.height() + 1
    return width > widget.width() + 1 or (isinstance(widget, QLabel) and height > widget.height() + 1)


def _name(widget: QWidget) -> str:
    return f"{type(widget).__name__} {widget.objectName() or ''} « {widget.text()} »"


def _signed(db: Database) -> int:
    entries = [e for e in jury_room.day_entries(db) if e.state == "signed"]
    return entries[0].pk


def _open_state(window: MainWindow, db: Database, state: str, qtbot) -> None:
    if state == "no_candidate":
        return
    if state == "signed":
        window.open_candidate(_signed(db))
    else:
        show_state(window, db, state)
    qtbot.waitUntil(lambda: bool(window.room.report_label.text()))  # the format report: a line more


def visible_item_rows(window: MainWindow) -> int:
    table = window.room.items.table
    return table.viewport().height() // table.rowHeight(0)


# The fast loop walks the small screen in French (the language the jurors read, where room is scarcest); English,
# the pseudo-translation (the longest strings) and the large screen are walked by the whole run (``slow``).
@pytest.mark.parametrize(
    ("language", "scale"),
    [
        LANGUAGES[0],
        pytest.param(*LANGUAGES[1], marks=pytest.mark.slow),
        pytest.param(*LANGUAGES[2], marks=pytest.mark.slow),
    ],
    ids=["fr", "en", "pseudo"],
)
@pytest.mark.parametrize(
    "size", [SIZES[0], pytest.param(SIZES[1], marks=pytest.mark.slow)], ids=["1366x768", "1920x1080"]
)
def test_every_state_is_legible(qtbot, qapp, imported, demo_template, copies, language, scale, size):
    i18n.install(qapp, language, scale)
    try:
        for state in ALL_STATES:
            db = copies(demo_template if state == "signed" else imported, state)
            # Each state's window closes without the quit question a running oral asks (answered « Oui »).
            window = MainWindow(db, prompts=Prompts(confirm_risky=lambda *_: True))
            qtbot.addWidget(window)
            window.resize(*size)
            window.show()
            _open_state(window, db, state, qtbot)
            QApplication.processEvents()
            assert window.size().toTuple() == size, (state, window.minimumSizeHint())
            assert text_problems(window) == [], state
            if state != "no_candidate" and scale == 1:  # the pseudo-translation checks cuts, not room
                assert visible_item_rows(window) >= 10, state
            window.close()
    finally:
        i18n.install(qapp, "en")


def test_the_pseudo_translation_lengthens_every_string_by_forty_percent(qapp):
    i18n.install(qapp, "fr", 1.4)
    try:
        sound = QApplication.translate("OralTimerWidget", "Sound alert")
        qt_own = QApplication.translate("QFileDialog", "Look in:")
    finally:
        i18n.install(qapp, "en")
    assert sound.startswith("Alerte sonore ") and len(sound) >= 1.4 * len("Alerte sonore")
    assert qt_own.startswith("Voir dans") and len(qt_own) >= 1.4 * len("Voir dans :")


def test_the_signed_candidate_is_signed(imported, demo_template, copies):
    """The ``signed`` state really is one (the heard demo's sheets are signed and locked)."""
    db = copies(demo_template, "check")
    with db.read() as s:
        assert s.get(Candidate, _signed(db)).oral.locked
    assert select  # (imported for the fixtures' types)
