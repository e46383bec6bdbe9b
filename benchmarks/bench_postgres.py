"""The same operations on PostgreSQL, each against the bare SQL it needs: the president's review of 5,000
candidates and the summary export of the same campaign (the import of signed sheets: bench_postgres_import),
then each against the same operation on a SQLite file.

The server is ``C2I2E_TEST_PG_URL`` when given (the one ``.ci/run`` starts), else a throw-away cluster started
here (``tests/pg.py``, with fsync on, as a real server) and stopped when the benchmark's process ends. Each
floor is the operation's own statements, recorded once and replayed bare through the same driver (psycopg) on
one connection (:mod:`benchmarks.sql_replay`): the same rows and the same columns the screen and the file
need, no more (the review reads every column it sends; the SQLite row of bench_review has a different floor, a
bare SELECT of the 133,000 decisions joined to their marks, which the code does not send). What the program
adds is the ORM, the rules engine, the Qt model and the file it writes.

Where the time goes (2026-12-03, two cores shared with other sessions at load 11 to 15; cProfile, statement
counts from the engine's events, process CPU time): there are no per-candidate queries to cut. The review
sends 8 SELECTs, the export 7 (the candidates with their decisions and marks folded into two strings each by
correlated ``string_agg`` subqueries on the covering indexes, then the prior items, plagiarism reports,
conflicts, latest sheets, certification decisions and documents), one round trip each. On the server, the
candidates' query is nearly all of the floor: about 200 ms of its 250–300 ms at that load (EXPLAIN ANALYZE:
5,000 index-only scans of each of decision and evaluator_mark; a GROUP BY join instead measured 260 ms, no
better). In the program's process, about 330–450 ms of CPU: the rules (``evaluate``, 4,500 distinct
situations) about 80 ms, reading the decision and mark strings about 75 ms, converting the rows and building
the 5,000 ReviewRows with their flags most of the rest; the Qt model and the sort by a column 50–100 ms more;
the export adds the summary lines (50–150 ms) and the CSV (80–125 ms, every cell checked for a formula). The
wall-clock median is that CPU divided by the share of a core the process gets on the loaded machine, which is
why the ratio to the bare statements (which wait on the server, not on the CPU) is 3–5× here. Against the same
operation on SQLite the review is about 1.2× and the export under 1×: what PostgreSQL adds is its round trips,
a few milliseconds, not a per-row cost.
"""

from __future__ import annotations

import atexit
import os
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from benchmarks.harness import Benchmark
from benchmarks.sql_replay import record, replay

_cleanup = ExitStack()
atexit.register(_cleanup.close)


def server() -> str:
    url = os.environ.get("C2I2E_TEST_PG_URL")
    if url:
        return url
    from tests.pg import throwaway_cluster

    return _cleanup.enter_context(throwaway_cluster(durable=True))


def _review_and_export(url: str, csv_path: Path) -> tuple[Callable[[], None], Callable[[], None], Any]:
    """The president's screen showing the campaign of ``url`` sorted, and its summary export, with the database."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from benchmarks.bench_review import CANDIDATES, build_campaign
    from c2i2e_jury.services.review.summary import summary_bytes
    from c2i2e_jury.storage.database import open_database
    from c2i2e_jury.ui.review import ReviewWorkspace
    from c2i2e_jury.ui.review.review_model import COLUMN

    app = QApplication.instance() or QApplication([])
    campaign = build_campaign(url)
    db = open_database(url)
    _cleanup.callback(db.dispose)
    workspace = ReviewWorkspace(db)
    workspace.resize(1400, 800)
    workspace.show()

    def review() -> None:
        workspace.set_campaign(campaign)
        app.processEvents()
        workspace.table.sortByColumn(COLUMN["validated"], Qt.SortOrder.DescendingOrder)
        app.processEvents()
        assert workspace.proxy.rowCount() == CANDIDATES

    def export() -> None:
        csv_path.write_bytes(summary_bytes(db, campaign, "csv"))

    review()  # the first opening builds the widgets; what is measured is showing the campaign again
    return review, export, db


def _review_rows(workdir: Path, base: str) -> list[Benchmark]:
    from tests.pg import fresh_database

    url = _cleanup.enter_context(fresh_database(base))
    review, export, db = _review_and_export(url, workdir / "summary.csv")
    review_sql = record(db.engine, review)
    export_sql = record(db.engine, export)
    sqlite_review, sqlite_export, _ = _review_and_export(str(workdir / "twin.sqlite"), workdir / "twin.csv")
    return [
        Benchmark(
            "PostgreSQL: president's review, 5,000 candidates computed, shown and sorted",
            review,
            floor=lambda: replay(db.engine, review_sql),
            floor_name=f"its {review_sql.queries} SELECTs replayed bare (psycopg)",
            runs=5,
            max_seconds=0.3,
        ),
        Benchmark(
            "PostgreSQL: summary export of 5,000 candidates (CSV)",
            export,
            floor=lambda: replay(db.engine, export_sql),
            floor_name=f"its {export_sql.queries} SELECTs replayed bare (psycopg)",
            runs=5,
        ),
        Benchmark(
            "PostgreSQL: president's review of 5,000, against SQLite",
            review,
            floor=sqlite_review,
            floor_name="the same review of the same campaign in a SQLite file",
            runs=5,
        ),
        Benchmark(
            "PostgreSQL: summary export of 5,000, against SQLite",
            export,
            floor=sqlite_export,
            floor_name="the same export from a SQLite file",
            runs=5,
        ),
    ]


def benchmarks(workdir: Path) -> list[Benchmark]:
    base = server()
    return _review_rows(workdir, base)
