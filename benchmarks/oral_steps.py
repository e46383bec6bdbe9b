"""The steps of one oral as a juror takes them in the main window (bench_oral.py runs them inside the event loop).

A step is a callable; one that waits for something (the dossier on screen, the search's answer) returns False
until it has come. Keys go through QTest to the widget that has them, as a juror's keyboard sends them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

Step = tuple[str, Callable[[], object]]  # (what the juror does, the step)
CTRL = Qt.KeyboardModifier.ControlModifier
QUERY = "numerique"  # « numérique », accents ignored
COMMENTS = {
    "A1.3": "Usage raisonne des outils",
    "B2.2": "Scenario clair, traces d'eleves",
    "B3.1": "A preciser",
}


def room_window(workdir: Path) -> tuple[QWidget, object]:
    """The main window on the demo campaign (dossiers in the data folder's store), 1366 x 768, shown."""
    from c2i2e_jury.exchange.demo.campaign import write_demo_package
    from c2i2e_jury.services.campaign_import import import_package
    from c2i2e_jury.storage.database import open_database
    from c2i2e_jury.storage.dossier_store import DossierStore
    from c2i2e_jury.ui.main_window import MainWindow
    from tests.ui.scripted_prompts import Script

    data = workdir / "data"
    data.mkdir(exist_ok=True)
    db = open_database(str(data / "c2i2e-jury.sqlite"))
    import_package(db, write_demo_package(workdir / "package"), DossierStore(data / "dossiers"))
    window = MainWindow(db, prompts=Script(confirm=True).prompts())
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    QApplication.processEvents()
    return window, db


def key(
    widget: Callable[[], QWidget],
    code: Qt.Key,
    modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
):
    return lambda: QTest.keyClick(widget(), code, modifiers)


def oral_steps(window: QWidget, db: object, candidate_id: str) -> list[Step]:
    room = window.room  # type: ignore[attr-defined]
    viewer, items = room.viewer, room.items

    def open_file() -> None:
        window.activateWindow()
        window.open_candidate(_pk(db, candidate_id))  # type: ignore[attr-defined]

    def pages() -> QWidget:
        return viewer.view

    def decide() -> None:
        row = room.session.file.item(items.current_code())
        mark = Qt.Key.Key_N if row.evaluator and row.evaluator.value == "NV" else Qt.Key.Key_V
        QTest.keyClick(items.table, mark)

    def comment(code: str, text: str) -> list[Callable[[], object]]:
        return [
            lambda: items.select(code),
            key(lambda: items.table, Qt.Key.Key_C),
            lambda: items.comment_edit.insert(text),  # QTest types ASCII only
            key(lambda: items.comment_edit, Qt.Key.Key_Return),
        ]

    def first_item() -> None:
        items.select("A1.1")
        items.table.setFocus()

    return [
        ("open the file", open_file),
        ("open the file", lambda: viewer.page_count() > 0 or False),
        ("check-in", key(lambda: window, Qt.Key.Key_P, CTRL | Qt.KeyboardModifier.ShiftModifier)),
        ("check-in", lambda: room.timer_widget is not None or False),
        ("timer", key(lambda: window, Qt.Key.Key_F5)),  # the presentation starts
        ("pages", lambda: pages().setFocus()),
        *[("pages", key(pages, Qt.Key.Key_Right)) for _ in range(5)],
        *[("pages", key(pages, Qt.Key.Key_PageDown)) for _ in range(4)],
        ("page typed", key(lambda: window, Qt.Key.Key_G, CTRL)),
        ("page typed", lambda: QTest.keyClicks(viewer.page_box, "9")),
        ("page typed", key(lambda: viewer.page_box, Qt.Key.Key_Return)),
        ("search", key(lambda: window, Qt.Key.Key_F, CTRL)),
        ("search", lambda: QTest.keyClicks(viewer.search_bar.field, QUERY)),
        ("search", key(lambda: viewer.search_bar.field, Qt.Key.Key_Return)),
        ("search", lambda: bool(viewer.searcher.hits) or False),
        ("search", key(lambda: viewer.search_bar.field, Qt.Key.Key_F3)),
        ("search", key(lambda: viewer.search_bar.field, Qt.Key.Key_F3)),
        ("search", key(lambda: viewer.search_bar.field, Qt.Key.Key_Escape)),
        ("timer", key(lambda: window, Qt.Key.Key_F6)),  # the discussion
        ("decision", first_item),
        *[("decision", decide) for _ in range(14)],
        ("back in the dossier", key(lambda: items.table, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)),
        *[("decision", decide) for _ in range(14)],
        *[("comment", step) for code, text in COMMENTS.items() for step in comment(code, text)],
        ("timer", key(lambda: window, Qt.Key.Key_F8)),  # the oral ends (the question is answered « Oui »)
        ("timer", lambda: _ended(room) or False),
    ]


def _ended(room: object) -> bool:
    from c2i2e_jury.domain.timer_values import State

    timer = room.oral_timer  # type: ignore[attr-defined]
    return timer is not None and timer.snapshot().state is State.FINISHED


def _pk(db: object, candidate_id: str) -> int:
    from sqlalchemy import select

    from c2i2e_jury.storage.models import Candidate

    with db.read() as s:  # type: ignore[attr-defined]
        return s.scalars(select(Candidate.pk).where(Candidate.candidate_id == candidate_id)).one()
