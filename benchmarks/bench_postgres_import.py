"""The import of signed sheets into PostgreSQL: see :mod:`benchmarks.bench_postgres` for the server and the
floors. A module of its own: recording the import once takes minutes, which the review's rows need not wait
for.

- **300 sheets imported** (``C2I2E_BENCH_PG_SHEETS``: another count): a day of orals of a whole site (twelve
  juries of twenty-five), the batch the central secretariat imports at once. 1,000 (the SQLite row's count)
  took more than 15 minutes on the shared two cores at load 15, recording included, and 1,000 is not what one
  batch holds. The floor is the import's own statements (14 a sheet) replayed bare: what the import adds is
  the verification of every sheet (worker processes), the rules and the ORM.
- **The same import into a SQLite file**, as the floor of the PostgreSQL one: what the server costs over the
  file, verification alike on both sides.

Where the time goes (cProfile of the main process, 100 sheets, two verifying workers, load about 6; statement
counts from the engine's events): 14 statements a sheet (is the file known, the candidate locked, its latest
version, the sheet inserted, its oral, incidents and decisions read and written, the decisions' history), one
transaction a sheet, no statement repeated per item (the decisions go in one multi-row INSERT). Replayed bare
they cost about 16 ms a sheet at load 6 (4.7 s for 300) and 60–100 ms at load 13 to 18 (each a round trip to a
server process that waits for a core like every other). The main process spent about 85 ms a sheet storing
(the ORM's flush of the sheet and its records about 30 ms, the rest waiting on the server while the workers
hold both cores) and otherwise waited on the workers' verification, which is the import's real cost (its
floor, bare pyHanko, is bench_sheets' row); the import into a SQLite file of the same sheets takes as long
within the load's noise.
"""

from __future__ import annotations

import logging
import os
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from benchmarks.bench_postgres import _cleanup, server
from benchmarks.harness import Benchmark
from benchmarks.sql_replay import record, replay

SHEETS = int(os.environ.get("C2I2E_BENCH_PG_SHEETS", "300"))


def _import_rows(base: str, workdir: Path) -> list[Benchmark]:
    from benchmarks.bench_sheets import add_campaign, imported_all
    from benchmarks.bench_sheets import fresh_database as sqlite_database
    from benchmarks.sheet_cache import signed_sheets
    from c2i2e_jury.services.sheet_import import import_sheets
    from c2i2e_jury.storage.database import open_database
    from tests.pg import fresh_database

    logging.getLogger("c2i2e_jury").setLevel(logging.WARNING)
    files, authority_pem = signed_sheets(SHEETS)
    state: dict[str, Any] = {}

    def drop() -> None:
        for name in ("db", "sqlite"):
            if name in state:
                state.pop(name).dispose()
        if "stack" in state:
            state.pop("stack").close()

    def setup() -> None:
        """New databases holding the campaign and its candidates, for the import or its floors."""
        drop()
        stack = ExitStack()
        db = open_database(stack.enter_context(fresh_database(base)))
        add_campaign(db, authority_pem, SHEETS)
        state.update(
            stack=stack, db=db, sqlite=sqlite_database(workdir / "import.sqlite", authority_pem, SHEETS)
        )

    _cleanup.callback(drop)

    def import_postgres() -> None:
        imported_all(import_sheets(state["db"], files))

    def import_sqlite() -> None:
        imported_all(import_sheets(state["sqlite"], files))

    setup()
    import_sql = record(state["db"].engine, import_postgres)
    return [
        Benchmark(
            f"PostgreSQL: {SHEETS:,} signed sheets imported",
            import_postgres,
            floor=lambda: replay(state["db"].engine, import_sql),
            floor_name=f"its {import_sql.queries} statements replayed bare (psycopg), no verification",
            runs=1,
            setup=setup,
            max_seconds=SHEETS * 0.02,  # the SQLite row's target: 1,000 in 20 s on two cores
        ),
        Benchmark(
            f"PostgreSQL: {SHEETS:,} signed sheets imported, against SQLite",
            import_postgres,
            floor=import_sqlite,
            floor_name="the same import into a SQLite file",
            runs=1,
            setup=setup,
        ),
    ]


def benchmarks(workdir: Path) -> list[Benchmark]:
    return _import_rows(server(), workdir)
