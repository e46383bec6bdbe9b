"""The floor of a database operation: the very SQL statements it sent, replayed bare through the same driver.

:func:`record` runs the operation once and keeps every statement the engine sent to the driver (text and
parameters, as the driver received them) and where each transaction ended; :func:`replay` sends them again on
one raw driver connection of the same engine (its pragmas and settings included), fetching every row and
committing where the operation committed. The difference between the two is what the program adds to the queries
it needs: the ORM, the rules, the Qt model, the files it writes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine

COMMIT = "\0commit"
ROLLBACK = "\0rollback"


@dataclass
class Recording:
    statements: list[tuple[str, Any, bool]] = field(default_factory=list)  # (sql, parameters, executemany)

    @property
    def queries(self) -> int:
        return sum(1 for sql, _p, _m in self.statements if not sql.startswith("\0"))


def record(engine: Engine, operation: Callable[[], object]) -> Recording:
    """Run ``operation`` once, keeping what ``engine`` sent to its driver."""
    recording = Recording()

    def before(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, many: bool) -> None:
        # a batch SQLAlchemy renders into one statement ("insertmanyvalues") reaches the driver as one execute
        recording.statements.append((statement, parameters, many))

    def commit(_conn: Any) -> None:
        recording.statements.append((COMMIT, None, False))

    def rollback(_conn: Any) -> None:
        recording.statements.append((ROLLBACK, None, False))

    listeners = (("before_cursor_execute", before), ("commit", commit), ("rollback", rollback))
    for name, fn in listeners:
        event.listen(engine, name, fn)
    try:
        operation()
    finally:
        for name, fn in listeners:
            event.remove(engine, name, fn)
    return recording


def replay(engine: Engine, recording: Recording) -> int:
    """Send the recorded statements again, bare; returns the rows fetched."""
    fetched = 0
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        for sql, parameters, many in recording.statements:
            if sql == COMMIT:
                raw.commit()
            elif sql == ROLLBACK:
                raw.rollback()
            elif (
                many and isinstance(parameters, (list, tuple)) and not isinstance(parameters[0], (str, bytes))
            ):
                cursor.executemany(sql, parameters)
            else:
                cursor.execute(sql, parameters)
                if cursor.description is not None:
                    fetched += len(cursor.fetchall())
        raw.commit()
    finally:
        raw.close()
    return fetched
