"""The README's screenshots, from the real screens on the demo campaign, in French at 1366×768:

    Xvfb :102 -screen 0 1366x768x24 &
    DISPLAY=:102 QT_QPA_PLATFORM=xcb python -m tests.ui.screenshots docs/img [STATE ...]

Each state of :mod:`tests.ui.room_states` is set up on a fresh copy of the demo database; the jury room is saved
as ``jury-room.png`` (state ``presentation``) and the timer's area as ``timer-<state>.png``. The state ``review``
is the president's screen on the heard demo campaign (its orals held and signed), a candidate to examine
selected: ``review.png``. Each window closes without the question a running oral asks.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from c2i2e_jury.exchange.demo.campaign import write_demo_package
from c2i2e_jury.services.campaign_import import import_package
from c2i2e_jury.storage.database import open_database
from c2i2e_jury.ui.app import create_application
from c2i2e_jury.ui.main_window import MainWindow
from c2i2e_jury.ui.prompts import Prompts
from tests.ui.room_states import STATES, show_state

TIMER_SHOTS = {
    "presentation": "timer-running",
    "warning": "timer-warning",
    "overtime": "timer-overtime",
    "paused": "timer-paused",
    "not_checked_in": "timer-not-checked-in",
    "after_restart": "timer-restart",
}


def settle(app: QApplication, rounds: int = 40) -> None:
    for _ in range(rounds):
        app.processEvents()


def shoot(app: QApplication, package: Path, work: Path, state: str, out: Path) -> None:
    db = open_database(str(work / f"{state}.sqlite"))
    import_package(db, package)
    window = MainWindow(db, prompts=Prompts(confirm_risky=lambda *_: True))
    window.show_on_screen()
    show_state(window, db, state)
    room = window.room
    deadline = 400
    while room.viewer.page_count() == 0 and deadline:
        settle(app, 5)
        deadline -= 1
    settle(app)
    if state == "presentation":
        window.grab().save(str(out / "jury-room.png"))
    if state in TIMER_SHOTS:
        room.timer_area.grab().save(str(out / f"{TIMER_SHOTS[state]}.png"))
    window.grab().save(str(work / f"window-{state}.png"))
    window.close()
    db.dispose()


def shoot_review(app: QApplication, work: Path, out: Path) -> None:
    """The president's screen at the window's size, the first candidate to examine selected."""
    from tests.services.review_factory import _build_demo

    _build_demo(work / "heard")
    db = open_database(str(work / "heard" / "demo.sqlite"))
    window = MainWindow(db, prompts=Prompts(confirm_risky=lambda *_: True))
    window.show_on_screen()
    window.workspaces.setCurrentIndex(window.workspaces.indexOf(window.review))
    settle(app)
    window.review.table.selectRow(0)
    settle(app, 200)
    window.grab().save(str(out / "review.png"))
    window.close()
    db.dispose()


def main() -> int:
    out = Path(sys.argv[1])
    states = sys.argv[2:] or [*STATES, "review"]
    work = Path(tempfile.mkdtemp(prefix="c2i2e-shots-"))
    os.environ["C2I2E_DATA_DIR"] = str(work / "data")  # the user's own settings and data stay as they are
    app = create_application(sys.argv[:1], "fr")
    package = write_demo_package(work / "package")
    for state in states:
        if state == "review":
            shoot_review(app, work, out)
        else:
            shoot(app, package, work, state, out)
    print(work)  # noqa: T201 (where the whole windows are, to look at)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
