"""The program as a separate process, for the crash test:
``python -m tests.ui.jury_room.oral_process MODE DB CANDIDATE``.

``oral``: holds an oral (check-in, timer, page, decisions, a comment), prints ``STATE {json}`` and keeps running
until it is killed. ``show``: starts the program as a juror would after the crash and prints what it shows.
``wander SEED``: the jurors move through pages and items at random, with and without pauses, until killed; each
view saved is printed before its commit (``SAVING {json}``) and after it (``SAVED {json}``).
"""

from __future__ import annotations

import json
import random
import sys

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from c2i2e_jury.storage.database import open_database
from c2i2e_jury.ui.app import create_application
from c2i2e_jury.ui.main_window import MainWindow


def shown_state(window: MainWindow) -> dict[str, object]:
    room = window.room
    assert room.session is not None
    file = room.session.file
    snapshot = room.oral_timer.snapshot() if room.oral_timer else None
    return {
        "candidate": file.candidate_id,
        "attendance": file.attendance.value,
        "decisions": {i.code: i.decision.value if i.decision else None for i in file.items},
        "comments": {i.code: i.comment for i in file.items if i.comment},
        "item": room.items.current_code(),
        "page": room.viewer.current_page(),
        "timer_phase": snapshot.phase.value if snapshot and snapshot.phase else None,
        "timer_elapsed": snapshot.elapsed if snapshot else None,
        "outcome": room.outcome.headline.text(),
    }


def wait_for(app: QApplication, condition, timeout_ms: int = 15_000) -> None:
    waited = 0
    while not condition() and waited < timeout_ms:
        app.processEvents()
        QTest.qWait(20)
        waited += 20
    if not condition():
        raise SystemExit("timed out")


def hold_oral(app: QApplication, window: MainWindow, pk: int) -> None:
    window.open_candidate(pk)
    room = window.room
    wait_for(app, lambda: room.viewer.page_count() > 0)
    room.present_button.click()
    QTest.keyClick(room.timer_widget, Qt.Key.Key_F5)
    room.viewer.go_to_page(5)
    wait_for(app, lambda: room.viewer.current_page() == 5)
    table = room.items.table
    room.items.select("A1.1")
    for _ in range(10):
        row = room.session.file.item(room.items.current_code())
        key = Qt.Key.Key_N if row.evaluator and row.evaluator.value == "NV" else Qt.Key.Key_V
        QTest.keyClick(table, key)
    room.items.select("B2.2")
    QTest.keyClick(table, Qt.Key.Key_C)
    room.items.comment_edit.insert("Scénario clair, traces d'élèves")  # QTest types ASCII only
    QTest.keyClick(room.items.comment_edit, Qt.Key.Key_Return)
    room.viewer.go_to_page(7)
    wait_for(app, lambda: room.viewer.current_page() == 7)
    room.save_view()
    print("STATE " + json.dumps(shown_state(window)), flush=True)  # noqa: T201 (read by the test)


def wander(app: QApplication, window: MainWindow, pk: int, seed: int) -> None:
    window.open_candidate(pk)
    room = window.room
    wait_for(app, lambda: room.viewer.page_count() > 0)
    session = room.session
    save = session.save_view

    def printed_save(state: dict[str, object], **how: bool) -> None:
        view = {"page": state["page"], "item": state["item"]}
        print("SAVING " + json.dumps(view), flush=True)  # noqa: T201 (read by the test)
        save(state, **how)
        print("SAVED " + json.dumps(view), flush=True)  # noqa: T201 (read by the test)

    session.save_view = printed_save  # type: ignore[method-assign]
    rng = random.Random(seed)
    codes = [item.code for item in session.file.items]

    def move() -> None:
        if rng.random() < 0.5:
            room.viewer.go_to_page(rng.randint(1, room.viewer.page_count()))
        else:
            room.items.select(rng.choice(codes))
        print("MOVED", flush=True)  # noqa: T201 (read by the test)
        QTimer.singleShot(rng.choice((30, 60, 120, 200, 300, 700, 1500)), move)  # bursts and pauses

    room.save_view()  # the view on opening: a restart always has one to return to
    move()


def main() -> int:
    mode, db_path, pk = sys.argv[1], sys.argv[2], int(sys.argv[3])
    app = create_application(sys.argv[:1], "fr")
    db = open_database(db_path)
    window = MainWindow(db)
    window.show()
    if mode == "oral":
        QTimer.singleShot(0, lambda: hold_oral(app, window, pk))
        return app.exec()  # runs until killed
    if mode == "wander":
        QTimer.singleShot(0, lambda: wander(app, window, pk, int(sys.argv[4])))
        return app.exec()  # runs until killed
    window.restore(QSettings())
    wait_for(app, lambda: window.room.session is not None and window.room.viewer.page_count() > 0)
    wait_for(
        app, lambda: window.room.viewer.current_page() == window.room.session.file.view_state.get("page")
    )
    print("STATE " + json.dumps(shown_state(window)), flush=True)  # noqa: T201 (read by the test)
    return 0


if __name__ == "__main__":
    sys.exit(main())
