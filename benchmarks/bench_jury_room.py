"""Issue 3's rows that belong to the jury room itself: a decision committed to disk, and the cold start of the
program to an interactive window, against an empty window opened on the same libraries (the dossier's rows are
in bench_dossier.py and bench_viewer.py).

The first window (issue 15) is the program's main window on screen and taking input: its menus, its tabs, the
day's candidates read from the database (a juror can choose one with the keyboard or the mouse), the place of the
jury room; ``C2I2E_QUIT_AFTER_MS=0`` closes it at the first turn of the event loop. The jury room itself (the
dossier viewer, the 28 items, the timer, with the ORM and PyMuPDF) is built on the next turn: the second row
closes the program once it is (``C2I2E_QUIT_AFTER_MS=room``), for the whole start."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from itertools import cycle
from pathlib import Path

from benchmarks.harness import Benchmark

# The unavoidable part of a start (issue 15): the libraries the jury room cannot open without, the database file
# opened and its schema version read, an empty main window shown and closed as soon as it takes input.
BARE_WINDOW = """
import sys
import pymupdf
import sqlalchemy
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv[:1])
engine = sqlalchemy.create_engine("sqlite:///" + sys.argv[1])
with engine.connect() as connection:
    connection.exec_driver_sql("SELECT version_num FROM alembic_version").first()
window = QMainWindow()
window.show()
QTimer.singleShot(0, window.close)
app.exec()
"""


def benchmarks(workdir: Path) -> list[Benchmark]:
    from sqlalchemy import select

    from c2i2e_jury.domain.rules import Attendance, Mark
    from c2i2e_jury.exchange.demo.campaign import write_demo_package
    from c2i2e_jury.services import jury_room
    from c2i2e_jury.services.campaign_import import import_package
    from c2i2e_jury.storage.database import open_database
    from c2i2e_jury.storage.dossier_store import DossierStore
    from c2i2e_jury.storage.models import Candidate

    data = workdir / "data"
    env = {
        **os.environ,
        "C2I2E_DATA_DIR": str(data),
        "QT_QPA_PLATFORM": "offscreen",
        "C2I2E_QUIT_AFTER_MS": "0",
    }
    db_path = data / "c2i2e-jury.sqlite"
    data.mkdir()
    db = open_database(str(db_path))
    import_package(db, write_demo_package(workdir / "package"), DossierStore(data / "dossiers"))
    with db.read() as s:
        pk = s.scalars(select(Candidate.pk).where(Candidate.candidate_id == "C2017-001")).one()
    jury_room.check_in(db, pk, Attendance.PRESENT)
    marks = cycle([Mark.VALIDATED, None])

    def decide() -> None:
        jury_room.decide(db, pk, "B2.2", next(marks))

    raw = sqlite3.connect(workdir / "floor.sqlite", isolation_level=None)
    raw.execute("PRAGMA journal_mode=WAL")
    raw.execute("PRAGMA synchronous=FULL")
    raw.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, item TEXT, decision TEXT)")

    def bare_commit() -> None:
        raw.execute("BEGIN")
        raw.execute("INSERT INTO t (item, decision) VALUES ('B2.2', 'V')")
        raw.execute("COMMIT")

    def cold_start() -> None:
        subprocess.run([sys.executable, "-m", "c2i2e_jury"], env=env, check=True, capture_output=True)

    def cold_start_to_room() -> None:
        room_env = {**env, "C2I2E_QUIT_AFTER_MS": "room"}
        subprocess.run([sys.executable, "-m", "c2i2e_jury"], env=room_env, check=True, capture_output=True)

    def bare_window() -> None:
        subprocess.run([sys.executable, "-c", BARE_WINDOW, str(db_path)], env=env, check=True)

    return [
        Benchmark(
            "a decision committed to disk (service, SQLite FULL sync)",
            decide,
            bare_commit,
            "bare sqlite3 insert + commit, same settings",
            runs=50,
            max_seconds=0.010,
        ),
        Benchmark(
            "cold start to an interactive window (demo campaign in the database)",
            cold_start,
            bare_window,
            "PySide6.QtWidgets, pymupdf, sqlalchemy imported, the file opened, an empty window",
            runs=7,
            max_ratio=1.3,
            max_seconds=1.5,
        ),
        Benchmark(
            "cold start to the jury room built (viewer, items, timer)",
            cold_start_to_room,
            bare_window,
            "PySide6.QtWidgets, pymupdf, sqlalchemy imported, the file opened, an empty window",
            runs=7,
        ),
    ]
