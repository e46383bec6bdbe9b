"""The import of 1,000 signed sheets into PostgreSQL, against its own statements replayed bare (no verification):
see :mod:`benchmarks.bench_postgres` for the server and the floors. A module of its own: recording the import
once takes minutes, which the review's rows need not wait for."""

from __future__ import annotations

import logging
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from benchmarks.bench_postgres import _cleanup, server
from benchmarks.harness import Benchmark
from benchmarks.sql_replay import record, replay


def _import_rows(base: str) -> list[Benchmark]:
    from benchmarks.bench_sheets import add_campaign, imported_all
    from benchmarks.sheet_cache import signed_sheets
    from c2i2e_jury.services.sheet_import import import_sheets
    from c2i2e_jury.storage.database import open_database
    from tests.pg import fresh_database

    logging.getLogger("c2i2e_jury").setLevel(logging.WARNING)
    files, authority_pem = signed_sheets(1000)
    state: dict[str, Any] = {}

    def drop() -> None:
        if "stack" in state:
            state.pop("db").dispose()
            state.pop("stack").close()

    def setup() -> None:
        """A new database holding the campaign and its 1,000 candidates, for the import or its replay."""
        drop()
        stack = ExitStack()
        db = open_database(stack.enter_context(fresh_database(base)))
        add_campaign(db, authority_pem, 1000)
        state.update(stack=stack, db=db)

    _cleanup.callback(drop)

    def import_1000() -> None:
        imported_all(import_sheets(state["db"], files))

    setup()
    import_sql = record(state["db"].engine, import_1000)
    return [
        Benchmark(
            "PostgreSQL: 1,000 signed sheets imported",
            import_1000,
            floor=lambda: replay(state["db"].engine, import_sql),
            floor_name=f"its {import_sql.queries} statements replayed bare (psycopg), no verification",
            runs=1,
            setup=setup,
            max_seconds=20.0,
        )
    ]


def benchmarks(workdir: Path) -> list[Benchmark]:
    return _import_rows(server())
