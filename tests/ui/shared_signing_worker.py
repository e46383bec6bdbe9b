"""One signing worker process for the UI tests whose subject is not the worker (issue 14: the fast loop).

The program starts a worker — a fresh interpreter that imports the PDF and signature code — for every signature:
a second of CPU each, paid dozens of times by the signing dialogs' tests. Here one such process, started the same
way (« spawn », at the worker's lower priority), serves every signature of a test run: each signing tells it its
database, and the requests are answered by the program's own code (``signing_worker._answer``: real credentials
opened, real sheets drawn, signed, verified and stored). Only the process's start is shared; its keys are dropped
when each signing ends. The tests about the worker itself (it ends with the signing, its death is one sentence,
the window turns while it signs) and one end-to-end signing keep a worker of their own:
``@pytest.mark.own_signing_worker``."""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import threading
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

from c2i2e_jury.services import signing_worker

NAME = "c2i2e-signing-shared"  # not the program's « c2i2e-signing »: the tests that look for that one see it alone


class _Holder:
    """The run's shared worker, started at the first signature that needs it."""

    connection: Connection | None = None
    process: BaseProcess | None = None

    def get(self) -> tuple[Connection, BaseProcess]:
        if self.process is None or not self.process.is_alive() or self.connection is None:
            context = multiprocessing.get_context("spawn")
            self.connection, child = context.Pipe()
            self.process = context.Process(target=serve, args=(child, os.getpid()), name=NAME, daemon=True)
            self.process.start()
            child.close()
        return self.connection, self.process

    def stop(self) -> None:
        if self.connection is not None:
            self.connection.close()
        if self.process is not None:
            self.process.join(timeout=60)
            if self.process.is_alive():
                self.process.terminate()
        self.connection = self.process = None


shared = _Holder()


class SharedWorker(signing_worker.SigningWorker):
    """What the signing dialogs see as their worker: the same calls, answered by the shared process."""

    def __init__(self, database_url: str) -> None:
        self._connection, self._process = shared.get()
        self._lock = threading.Lock()
        self._ask(("database", database_url))

    def close(self) -> None:
        """The keys and the database connection dropped; the process stays for the next signature."""
        with contextlib.suppress(signing_worker.WorkerLost):
            self._ask(("forget",))


def serve(connection: Connection, parent: int) -> None:
    """The shared worker's loop: the program's answers, on the database each signing names."""
    from c2i2e_jury.storage.database import Database

    signing_worker.settle(parent)  # as the program's worker starts
    database: Database | None = None
    keys: dict[int, Any] = {}
    try:
        while True:
            try:
                request = connection.recv()
            except (EOFError, OSError):
                return
            if request[0] in ("database", "forget"):
                database = _forget(database, keys)
                if request[0] == "database":
                    database = Database(request[1])
                connection.send(("ok", None))
            else:
                connection.send(signing_worker._answer(request, database, keys))
    finally:
        _forget(database, keys)


def _forget(database: Any, keys: dict[int, Any]) -> None:
    keys.clear()
    if database is not None:
        database.dispose()
