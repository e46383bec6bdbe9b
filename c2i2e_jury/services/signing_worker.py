"""The jurors' keys in a process of their own (issue 12 §6): opening a PKCS#12 (100 000 rounds of PBKDF2) and
signing hold Python's global lock for a few hundred milliseconds, during which the jury room's window could not
repaint nor its clock tick. The jury room therefore hands the credential files and passphrases to a signing
worker — a separate interpreter started with « spawn » — which opens them, keeps the keys, and later draws, signs
and verifies the sheet; only certificates and the signed PDF come back. The keys never leave the worker and
vanish with it when the signing ends (:meth:`SigningWorker.close`). The sheet's content is read, and the signed
sheet stored, by the worker too, over its own connection to the database: the window's process does nothing but
wait on a pipe.

A frozen build starts the worker through its own executable: the entry point calls
``multiprocessing.freeze_support()`` (``c2i2e_jury/__main__.py``).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
from dataclasses import dataclass, field
from datetime import datetime
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from c2i2e_jury.errors import UserError
from c2i2e_jury.exchange.credentials import CredentialError, WrongPassphrase, common_name, fingerprint
from c2i2e_jury.logs import current_log_file, join_parent_log
from c2i2e_jury.services.parent_watch import tie_to_parent

if TYPE_CHECKING:
    from c2i2e_jury.services.sheet_signing import StoredSheet
    from c2i2e_jury.storage.database import Database

log = logging.getLogger(__name__)

NICENESS = 10  # the worker's lower priority (Unix): the window's process gets ~9 tenths of a contended core
POLL_SECONDS = 0.2  # how often a caller waiting for the worker looks whether it is still alive
LOST = (
    "Le processus de signature s'est arrêté avant la fin : rien n'a été signé ni enregistré. "
    "Recommencez la signature."
)
INTERNAL = "La signature a échoué (erreur interne, détaillée dans le journal) : rien n'a été enregistré."


class WorkerLost(UserError):
    """The signing worker died (killed, out of memory): nothing was signed."""


@dataclass(frozen=True)
class OpenedCredential:
    """A credential opened in the worker: its certificates here, its key there (``slot`` 1 or 2)."""

    slot: int
    source: Path
    certificate: x509.Certificate
    chain: tuple[x509.Certificate, ...] = field(default=())

    @property
    def name(self) -> str:
        return common_name(self.certificate)

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.certificate)


def _user_error(kind: str, message: str) -> UserError:
    """The error the worker reported, as the caller's class (a wrong passphrase is asked again)."""
    from c2i2e_jury.exchange.pades import SheetRejected
    from c2i2e_jury.services.jury_room import JuryRoomError

    if kind == "WrongPassphrase":
        return WrongPassphrase(message)
    if kind == "CredentialError":
        return CredentialError(message)
    if kind == "JuryRoomError":
        return JuryRoomError(message)
    if kind == "SheetRejected":
        return SheetRejected("invalid", message)
    return UserError(message)


class SigningWorker:
    """One signing's worker process: :meth:`preview`, :meth:`open` each juror's credential, :meth:`sign`,
    :meth:`close`. Started at
    once so that its imports are done while the jurors read the sheet. Calls block until the worker answers (run
    them off the GUI thread: :func:`c2i2e_jury.ui.busy.run_busy`); one at a time."""

    def __init__(self, database_url: str) -> None:
        # « spawn »: never fork a process that holds Qt or database threads
        context = multiprocessing.get_context("spawn")
        self._connection, child = context.Pipe()
        self._process = context.Process(
            target=serve,
            args=(child, os.getpid(), database_url, current_log_file()),
            name="c2i2e-signing",
            daemon=True,
        )
        self._process.start()
        child.close()
        self._lock = threading.Lock()

    def open(self, slot: int, path: Path, passphrase: str) -> OpenedCredential:
        """Decrypt ``path`` in the worker as juror ``slot``'s credential; raises what :func:`load_credential`
        raises (:class:`WrongPassphrase`: ask again)."""
        certificate, chain = self._ask(("open", slot, str(path), passphrase))
        return OpenedCredential(
            slot,
            Path(path),
            x509.load_der_x509_certificate(certificate),
            tuple(x509.load_der_x509_certificate(c) for c in chain),
        )

    def preview(self, candidate_pk: int, now: datetime | None) -> bytes:
        """The candidate's unsigned sheet, as both jurors will sign it (nothing is written)."""
        return bytes(self._ask(("preview", candidate_pk, now)))

    def sign(self, candidate_pk: int, now: datetime | None) -> StoredSheet:
        """:func:`~c2i2e_jury.services.sheet_signing.sign_and_lock` with the two credentials opened: the sheet
        made, signed by juror 1 then juror 2, verified, stored and the oral locked — or nothing written."""
        stored: StoredSheet = self._ask(("sign", candidate_pk, now))
        return stored

    def close(self) -> None:
        """End the worker, and the keys with it; it is reaped by a thread, so the window never waits for it."""
        try:
            self._connection.close()
        finally:
            if self._process.is_alive():
                self._process.terminate()
            threading.Thread(target=self._process.join, name="signing-reaper", daemon=True).start()

    def _ask(self, request: tuple[Any, ...]) -> Any:
        with self._lock:
            try:
                self._connection.send(request)
                while not self._connection.poll(POLL_SECONDS):
                    if not self._process.is_alive():
                        raise WorkerLost(LOST)
                reply = self._connection.recv()
            except (EOFError, OSError) as exc:
                log.error("the signing worker is gone: %r (exit code %s)", exc, self._process.exitcode)
                raise WorkerLost(LOST) from exc
        if reply[0] == "ok":
            return reply[1]
        raise _user_error(reply[1], reply[2])


# --- in the worker -----------------------------------------------------------------------------------------------


def serve(connection: Connection, parent: int, database_url: str, log_path: str | None = None) -> None:
    """The worker's loop: answer each request until the connection closes; ends with the process that started it.
    It has its own connection to the database (already migrated by the window's process); its warnings and
    errors go to the window's log file (``log_path``)."""
    from c2i2e_jury.storage.database import Database

    join_parent_log(log_path)
    settle(parent)
    database = Database(database_url)
    keys: dict[int, Any] = {}
    try:
        while True:
            try:
                request = connection.recv()
            except (EOFError, OSError):
                return
            connection.send(_answer(request, database, keys))
    finally:
        database.dispose()


def settle(parent: int) -> None:
    """What a worker does first: end with ``parent``, give the window the core when both want one, import what
    signing needs while the jurors read."""
    tie_to_parent(parent, POLL_SECONDS)  # started from run_busy's thread: see parent_watch
    if hasattr(os, "nice"):
        os.nice(NICENESS)  # the jury room's window comes first when both want a core
    from c2i2e_jury.exchange import sheet_pdf, signatures  # noqa: F401 (imported while the jurors read)


def _answer(request: tuple[Any, ...], database: Database, keys: dict[int, Any]) -> tuple[Any, ...]:
    try:
        return ("ok", _do(request, database, keys))
    except UserError as exc:
        return ("error", type(exc).__name__, exc.message)
    except Exception:
        log.exception("the signing worker failed on %s", request[0])
        return ("error", "UserError", INTERNAL)


def _do(request: tuple[Any, ...], database: Database, keys: dict[int, Any]) -> Any:
    from c2i2e_jury.exchange.credentials import load_credential
    from c2i2e_jury.services.sheet_preview import preview_sheet
    from c2i2e_jury.services.sheet_signing import sign_and_lock

    kind = request[0]
    if kind == "open":
        _kind, slot, path, passphrase = request
        credential = load_credential(path, passphrase)
        keys[slot] = credential
        der = serialization.Encoding.DER
        return credential.certificate.public_bytes(der), [c.public_bytes(der) for c in credential.chain]
    if kind == "preview":
        return preview_sheet(database, request[1], request[2])
    if kind == "sign":
        return sign_and_lock(database, request[1], keys[1], keys[2], now=request[2])
    raise ValueError(f"unknown request {kind!r}")
